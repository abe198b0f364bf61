// Package assets holds the app's embedded resources: its icon.
//
// The PNGs are drawn by genicon.go (`go generate ./assets`); icon.png is the
// 512 px one that FyneApp.toml names for `fyne package`, and the smaller
// icon-N.png files are drawn for their size rather than scaled, for the
// Linux desktop's hicolor theme (see packaging.mk's install target).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon-256.png
var iconPNG []byte

// Icon is the app's icon (256×256 PNG) for fyne.App.SetIcon and
// fyne.Window.SetIcon, so that a binary built with plain `go build` shows it
// too, not only one made by `fyne package`. It is the 256 px drawing, not the
// 512 px one: Fyne decodes the window icon and hands every pixel to the X
// server while the window opens, before the first frame, and 256 px is the
// largest size window managers show; decoding it takes a fourteenth of the
// time (about 1 ms against 14 ms here).
var Icon fyne.Resource = &fyne.StaticResource{StaticName: "icon.png", StaticContent: iconPNG}
