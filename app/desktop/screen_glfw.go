//go:build cgo && !ci && !wasm && !js && !android && !ios && !mobile

package desktop

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// FitToScreen shrinks w to fit the work area (the screen less its panels)
// of the monitor it opens on, when that is smaller than the window: a
// netbook, a projector at 1024x768, a remembered size from a bigger
// screen. Window managers usually do this themselves; not all do. The
// window's content can always shrink that far (it scrolls at large text),
// so Fyne does not grow it back. It must run on the main thread after the
// driver has started (Lifecycle OnStarted).
func FitToScreen(w fyne.Window) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		mode := m.GetVideoMode()
		if mode == nil {
			return
		}
		width, height = mode.Width, mode.Height
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	screen := fyne.NewSize(float32(width)/scale, float32(height)/scale)
	size := w.Canvas().Size()
	fit := fyne.NewSize(min(size.Width, screen.Width), min(size.Height, screen.Height))
	if fit != size {
		w.Resize(fit)
	}
}
