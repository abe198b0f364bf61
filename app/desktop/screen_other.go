//go:build !cgo || ci || wasm || js || android || ios || mobile

package desktop

import "fyne.io/fyne/v2"

// FitToScreen does nothing where the driver sizes windows itself.
func FitToScreen(fyne.Window) {}

// CheckDisplay reports nothing where the driver needs no display check.
func CheckDisplay() error { return nil }
