//go:build !cgo || ci || wasm || js || android || ios || mobile

package desktop

import "fyne.io/fyne/v2"

// FitToScreen does nothing where the driver sizes windows itself.
func FitToScreen(fyne.Window) {}
