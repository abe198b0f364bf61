package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keys binds the window's keys. Keys reach the canvas handlers only when no
// widget has the focus; the search field handles its own (see SearchEntry).
func (u *UI) keys() {
	c := u.win.Canvas()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyLeft:
			u.Step(-1)
		case fyne.KeyRight:
			u.Step(1)
		case fyne.KeyHome:
			u.Step(-len(u.tl.Events))
		case fyne.KeyEnd:
			u.Step(len(u.tl.Events))
		case fyne.KeyUp:
			u.moveCursor(-1)
		case fyne.KeyDown:
			u.moveCursor(1)
		case fyne.KeyReturn, fyne.KeyEnter:
			u.openCursor()
		case fyne.KeyEscape:
			u.clearSearch()
		}
	})
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case '/':
			u.FocusSearch()
		case '+', '=':
			u.timeline.ZoomIn()
		case '-':
			u.timeline.ZoomOut()
		case '0':
			u.timeline.FitAll()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		u.FocusSearch()
	})
}
