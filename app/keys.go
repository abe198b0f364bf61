package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keys binds the window's keys. Keys reach the canvas handlers only when no
// widget has the focus; the search field handles its own (see SearchEntry).
// In presentation mode the keys step through the slides (presentKey).
// Shortcuts with modifiers are registered from the menu's actions (menu.go).
func (u *UI) keys() {
	c := u.win.Canvas()
	// F5 and F1 work from the search field too: a teacher types "letter"
	// and presents only the letters.
	u.search.OnKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyF5:
			u.Present(true)
		case fyne.KeyF1:
			u.ShowShortcuts()
		default:
			return false
		}
		return true
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if u.presenting {
			u.presentKey(k)
			return
		}
		switch k.Name {
		case fyne.KeyF5:
			u.Present(true)
		case fyne.KeyF1:
			u.ShowShortcuts()
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
		if u.presenting {
			return // Space and the like step; they are handled as keys
		}
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
