//go:build cgo && !ci && !wasm && !js && !android && !ios && !mobile

package desktop

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// WithGLContext runs f with window w's GL context current. Fyne 2.7.1 deletes a window's text textures on every theme change
// without making the window's GL context current (RescaleContext, from
// its settings listener), so that the deletes do nothing and the textures
// stay in memory for good. The app changes the theme with the context
// current instead. Fyne does not export the window's GLFW window: it is
// read from the window's "viewport" field, and when that is not there (a
// later Fyne) the theme changes as before.
var WithGLContext = withGLContext

func withGLContext(w fyne.Window, f func()) {
	vp := glfwWindowOf(w)
	if vp == nil {
		f()
		return
	}
	prev := glfw.GetCurrentContext()
	vp.MakeContextCurrent()
	defer func() {
		if prev != nil {
			prev.MakeContextCurrent()
		} else {
			glfw.DetachCurrentContext()
		}
	}()
	f()
}

// glfwWindowOf is the GLFW window of Fyne's window w, or nil.
func glfwWindowOf(w fyne.Window) *glfw.Window {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*glfw.Window)(nil)) || !f.CanAddr() {
		return nil
	}
	return *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
}
