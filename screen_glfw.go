//go:build !ci && !wasm && !js && !android && !ios && !mobile

package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitToScreen shrinks w to fit the monitor it opens on, leaving a margin,
// when the monitor is smaller than the window (a netbook, a projector at
// 1024x768). Window managers usually do this themselves; not all do. It must
// run on the main thread after the driver has started (Lifecycle OnStarted).
func fitToScreen(w fyne.Window) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	mode := m.GetVideoMode()
	if mode == nil {
		return
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	screen := fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
	size := w.Canvas().Size()
	fit := fyne.NewSize(min(size.Width, screen.Width), min(size.Height, screen.Height))
	if fit != size {
		w.Resize(fit)
	}
}
