// Package desktop holds what the app does through the windowing system
// directly, where Fyne has no API for it: hiding an idle pointer (X11),
// changing the theme with the window's GL context current (GLFW) and fitting
// a window to the screen's work area (GLFW). Each has a build-tagged
// fallback, nil or doing nothing, for the other drivers (the software
// driver of -tags ci, the web; in a browser the theme change goes through
// the WebGL context, see glcontext_wasm.go). main wires them into the app
// explicitly.
package desktop
