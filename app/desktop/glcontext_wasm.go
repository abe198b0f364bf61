//go:build !ci && (wasm || js)

package desktop

import "fyne.io/fyne/v2"

// WithGLContext runs f with window w's WebGL context current. In a browser
// Fyne 2.7.1's theme change (its settings listener's RescaleContext)
// deletes the window's text textures with no context current, which
// panics ("call of Value.Call on null") and stops the app: the app changes
// the theme through this instead. Fyne's web window has RunWithContext;
// should a later Fyne not have it, the theme changes as Fyne does it.
var WithGLContext = func(w fyne.Window, f func()) {
	if rc, ok := w.(interface{ RunWithContext(func()) }); ok {
		rc.RunWithContext(f)
		return
	}
	f()
}
