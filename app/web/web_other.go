//go:build !js

package web

import "fyne.io/fyne/v2"

// Attach does nothing outside a browser.
func Attach(fyne.Window) {}

// FullScreen is nil outside a browser: the window goes full screen.
var FullScreen func(on bool, left func())

// Download is nil outside a browser: a save dialog asks where.
var Download func(name string, data []byte) error
