// Package web is what the app needs from the browser in a web build
// (GOOS=js) that Fyne's web driver does not give: full screen for
// presentation mode, downloads for the exports, Ctrl with punctuation keys
// and following the browser's colour scheme without stopping (Attach).
// main hands its functions to the app (app.FullScreen, app.Download) and
// attaches the window; outside a browser they are nil or do nothing, and
// the app uses the window and save dialogs.
package web

import (
	"strings"

	"fyne.io/fyne/v2"
)

// UnnamedKey names the key of a browser KeyboardEvent.code that Fyne
// 2.7.1's web driver passes on with no name, so that the app never sees it
// as a key: the letters and "." (the driver names only digits and named
// keys, and gives the letters as characters alone), and PageUp, PageDown,
// Home and End (glfw-js v0.3.0 has no key code for them). Presentation
// mode's B, W, ".", R, A and a clicker's PageDown and PageUp did nothing
// in a browser. Attach hands these keys to the window itself.
func UnnamedKey(code string) (fyne.KeyName, bool) {
	if l, ok := strings.CutPrefix(code, "Key"); ok && len(l) == 1 && l[0] >= 'A' && l[0] <= 'Z' {
		return fyne.KeyName(l), true
	}
	n, ok := unnamed[code]
	return n, ok
}

var unnamed = map[string]fyne.KeyName{
	"PageUp": fyne.KeyPageUp, "PageDown": fyne.KeyPageDown, "Home": fyne.KeyHome, "End": fyne.KeyEnd,
	"Period": fyne.KeyPeriod, "NumpadDecimal": fyne.KeyPeriod,
}
