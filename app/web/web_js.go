//go:build js

package web

import (
	"fmt"
	"syscall/js"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	appdesktop "trumpkim/app/desktop"
)

// Attach makes w, the app's window, work with what Fyne 2.7.1's web driver
// leaves out:
//
//   - The letters, ".", PageUp, PageDown, Home and End as keys (UnnamedKey):
//     they are given to w's focused widget or canvas here.
//   - Ctrl (or Alt, Cmd) with a punctuation key: the driver names only
//     letters, digits and the named keys, so that Ctrl+Plus and Ctrl+Minus
//     reach no shortcut. They are sent to w's canvas as shortcuts here,
//     named from the key's place on the keyboard (KeyboardEvent.code).
//   - The browser's colour scheme changing while the app runs (a
//     Chromebook's automatic dark mode): Fyne changes the theme from the
//     browser's event, with no WebGL context current, which panics and
//     stops the app. The page (index.html) hands that event to the
//     function set here, which lets Fyne change the theme on its UI
//     goroutine with w's context current (app/desktop.WithGLContext).
func Attach(w fyne.Window) {
	g := js.Global()
	g.Get("document").Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if name, ok := UnnamedKey(e.Get("code").String()); ok && !e.Get("ctrlKey").Bool() &&
			!e.Get("altKey").Bool() && !e.Get("metaKey").Bool() {
			fyne.Do(func() { typedKey(w.Canvas(), &fyne.KeyEvent{Name: name}) })
			return nil
		}
		name, ok := punctuation[e.Get("code").String()]
		var mod fyne.KeyModifier
		for flag, m := range map[string]fyne.KeyModifier{"ctrlKey": fyne.KeyModifierControl, "altKey": fyne.KeyModifierAlt,
			"metaKey": fyne.KeyModifierSuper, "shiftKey": fyne.KeyModifierShift} {
			if e.Get(flag).Bool() {
				mod |= m
			}
		}
		if !ok || mod&^fyne.KeyModifierShift == 0 {
			return nil
		}
		fyne.Do(func() {
			if c, ok := w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }); ok {
				c.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
			}
		})
		return nil
	}), true)
	g.Set("trumpkimSchemeChange", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeFunction {
			return nil
		}
		fyneChange := args[0]
		fyne.Do(func() {
			if appdesktop.WithGLContext != nil {
				appdesktop.WithGLContext(w, func() { fyneChange.Invoke() })
			} else {
				fyneChange.Invoke()
			}
		})
		return nil
	}))
}

// typedKey gives k to what has c's keyboard focus, else to c, as the
// desktop driver does.
func typedKey(c fyne.Canvas, k *fyne.KeyEvent) {
	if f := c.Focused(); f != nil {
		f.TypedKey(k)
	} else if h := c.OnTypedKey(); h != nil {
		h(k)
	}
}

// punctuation names the keys, by KeyboardEvent.code, that Fyne's web driver
// does not name.
var punctuation = map[string]fyne.KeyName{
	"Equal": fyne.KeyEqual, "Minus": fyne.KeyMinus, "NumpadAdd": fyne.KeyPlus, "NumpadSubtract": fyne.KeyMinus,
	"BracketLeft": fyne.KeyLeftBracket, "BracketRight": fyne.KeyRightBracket, "Backslash": fyne.KeyBackslash,
	"Semicolon": fyne.KeySemicolon, "Quote": fyne.KeyApostrophe, "Comma": fyne.KeyComma,
	"Period": fyne.KeyPeriod, "Slash": fyne.KeySlash, "Backquote": fyne.KeyBackTick,
}

// FullScreen puts the page in full screen (on) or takes it out. The
// browser allows it only within a few seconds of a key press or click,
// which is when presentation mode starts; when it refuses, the slides show
// in the page as it is. left is called on the UI goroutine when the person
// leaves full screen through the browser (Escape, F11).
var FullScreen = func(on bool, left func()) {
	doc := js.Global().Get("document")
	if on {
		watchFullScreen(left)
		el := doc.Get("documentElement")
		if el.Get("requestFullscreen").Type() != js.TypeFunction {
			return
		}
		if p := el.Call("requestFullscreen"); p.Type() == js.TypeObject {
			p.Call("catch", ignore) // refused: presenting goes on in the page
		}
		return
	}
	leaving = nil
	if doc.Get("fullscreenElement").Truthy() && doc.Get("exitFullscreen").Type() == js.TypeFunction {
		if p := doc.Call("exitFullscreen"); p.Type() == js.TypeObject {
			p.Call("catch", ignore)
		}
	}
}

var (
	ignore  = js.FuncOf(func(js.Value, []js.Value) any { return nil })
	leaving func() // what to call when the browser leaves full screen
	watched bool
)

// watchFullScreen calls left, once, when the page leaves full screen.
func watchFullScreen(left func()) {
	leaving = left
	if watched {
		return
	}
	watched = true
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "fullscreenchange", js.FuncOf(func(js.Value, []js.Value) any {
		if f := leaving; f != nil && !doc.Get("fullscreenElement").Truthy() {
			leaving = nil
			fyne.Do(f) // a browser event, not a Fyne callback
		}
		return nil
	}))
}

// Download has the browser download data as a file called name.
var Download = func(name string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil { // a js.Error: the browser refused
			err = fmt.Errorf("download %s: %v", name, r)
		}
	}()
	g := js.Global()
	bytes := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(bytes, data)
	blob := g.Get("Blob").New([]any{bytes})
	url := g.Get("URL").Call("createObjectURL", blob)
	a := g.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	// The download has its own reference to the blob by now; the URL can go.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, 10000)
	return nil
}
