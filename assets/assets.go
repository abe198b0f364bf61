// Package assets holds the app's embedded resources: its icon.
//
// The PNGs are drawn by genicon.go (`go generate ./assets`); icon.png is the
// 512 px one that FyneApp.toml names for `fyne package`, and the smaller
// icon-N.png files are drawn for their size rather than scaled, for the
// Linux desktop's hicolor theme (see the Makefile's install target).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app's icon (512×512 PNG) for fyne.App.SetIcon and
// fyne.Window.SetIcon, so that a binary built with plain `go build` shows it
// too, not only one made by `fyne package`.
var Icon fyne.Resource = &fyne.StaticResource{StaticName: "icon.png", StaticContent: iconPNG}
