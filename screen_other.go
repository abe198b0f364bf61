//go:build ci || wasm || js || android || ios || mobile

package main

import "fyne.io/fyne/v2"

// fitToScreen does nothing where the driver sizes windows itself.
func fitToScreen(fyne.Window) {}
