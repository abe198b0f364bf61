//go:build ci || ((!cgo || android || ios || mobile) && !wasm && !js)

package desktop

import "fyne.io/fyne/v2"

// WithGLContext is nil where there is no GL context of the app's to make
// current: the theme then changes as Fyne does it.
var WithGLContext func(w fyne.Window, f func())
