package app

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// frameHookFallback is how long work waits for a frame before it starts
// anyway: the window may show something else (a presentation's slide) or
// nothing (minimised).
var frameHookFallback = time.Second

// frameHook starts work once the window has drawn the frame that follows
// the request, so that the work does not compete with drawing it: a
// one-pixel raster in the window, whose image Fyne asks for while it paints
// the frame. Opening 100,000 events, the search index (a second of CPU)
// starts right after the first frame instead of before it or at the first
// keystroke.
type frameHook struct {
	mu      sync.Mutex
	pending []func()
	raster  *canvas.Raster
	box     *fyne.Container
}

func newFrameHook() *frameHook {
	h := &frameHook{}
	h.raster = canvas.NewRaster(h.draw)
	h.raster.Resize(fyne.NewSize(1, 1))
	h.box = container.NewWithoutLayout(h.raster)
	return h
}

// after runs start once the next frame is drawn, or after
// frameHookFallback if none is. start runs on any goroutine and should
// only start work (go …), never touch widgets.
func (h *frameHook) after(start func()) {
	h.mu.Lock()
	h.pending = append(h.pending, start)
	h.mu.Unlock()
	h.raster.Refresh()
	time.AfterFunc(frameHookFallback, h.flush)
}

// AfterNextFrame runs start once the window has drawn its next frame (the
// first, before ShowAndRun), or after a second if it draws none: start
// runs on any goroutine and should only start work or change settings,
// never touch widgets.
func (u *UI) AfterNextFrame(start func()) { u.frames.after(start) }

func (h *frameHook) flush() {
	h.mu.Lock()
	fs := h.pending
	h.pending = nil
	h.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

var clearPixel = image.NewNRGBA(image.Rect(0, 0, 1, 1))

func (h *frameHook) draw(int, int) image.Image {
	h.flush()
	return clearPixel
}
