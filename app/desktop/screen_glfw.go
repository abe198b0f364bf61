//go:build cgo && !ci && !wasm && !js && !android && !ios && !mobile

package desktop

import (
	"fmt"
	"os"
	"runtime"

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

// CheckDisplay reports, before the app makes its window, whether the
// windowing system can be reached: with no display (no DISPLAY, or one no
// X server answers) go-gl's glfw.Init ignores glfwInit's failure, Fyne
// 2.7.1 carries on (internal/driver/glfw/loop_desktop.go initGLFW), and its
// first GLFW call panics "The GLFW library is not initialized". It must run
// on the main thread, as Fyne's own Init does; Fyne's is then a no-op.
func CheckDisplay() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = noDisplay()
		}
	}()
	if err := glfw.Init(); err != nil {
		return fmt.Errorf("%w: %w", noDisplay(), err)
	}
	glfw.GetPrimaryMonitor() // panics when Init failed
	return nil
}

func noDisplay() error {
	where := ""
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		where = fmt.Sprintf(" (DISPLAY=%q)", os.Getenv("DISPLAY"))
	}
	return fmt.Errorf("cannot open a window: no display could be opened%s; check, export, --export-png and --export-handout work without one", where)
}
