//go:build !cgo || !linux || ci || wayland || android || mobile

package desktop

import "fyne.io/fyne/v2"

// HideCursor is nil where the app cannot hide an idle pointer itself.
var HideCursor func(w fyne.Window, hidden bool)
