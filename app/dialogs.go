package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The app's dialogs are kept on a stack, top last, so that Escape closes
// the top one (windowKey) and the menu's keys open no second dialog over
// one: Ctrl+E, Ctrl+O, F1 and the menus do nothing while one is showing.
// Messages about a file that finished loading in the background may still
// come on top of a dialog; Escape closes them first.

// showDialog shows d and keeps it on the stack until it closes. A
// message that comes while presenting (a file that finished loading in the
// background) ends presentation mode first: over the slide it would be
// half hidden, and Escape would leave the slides rather than close it.
// closed, if given, runs when d closes.
//
// When the last dialog closes, Fyne gives the window the keyboard focus
// it had before. If a file finished loading under the dialog, that widget
// may have gone (the filter toggles are made anew): Space would then tick
// a toggle nobody sees (the monkey, seed 8001). SetTimeline marks it
// (focusStale), and the focus then goes back to the window, as SetTimeline
// does without a dialog; otherwise it stays where it was.
func (u *UI) showDialog(d dialog.Dialog, closed ...func()) {
	u.Present(false)
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		for i, o := range u.dialogs {
			if o == d {
				u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
				break
			}
		}
		if len(u.dialogs) == 0 && u.focusStale {
			u.focusStale = false
			u.dropWindowFocus()
		}
		for _, f := range closed {
			f()
		}
	})
	d.Show()
}

// dialogOpen reports whether one of the app's dialogs is showing.
func (u *UI) dialogOpen() bool { return len(u.dialogs) > 0 }

// closeDialog closes the top dialog as its Cancel or Close button would.
func (u *UI) closeDialog() {
	if n := len(u.dialogs); n > 0 {
		u.dialogs[n-1].Dismiss()
	}
}

// showSaveDialog shows a file save dialog with the keyboard focus on no
// field: Fyne's dialog puts it in the file name, whose entry swallows
// Escape. The name is filled in already; a click puts the focus there.
// It opens over no other dialog: a double click on a form's Save… (Export
// image, Export handout) answered the form twice, and opened two.
func (u *UI) showSaveDialog(d *dialog.FileDialog) {
	if u.dialogOpen() {
		return
	}
	u.showDialog(d)
	if _, ok := u.win.Canvas().Focused().(*widget.Entry); ok {
		u.win.Canvas().Unfocus()
	}
}

// escEntry is a select entry (the image size in Export image…) in which
// Escape closes the dialog, as it does anywhere else in one.
type escEntry struct {
	widget.SelectEntry
	u *UI
}

func (u *UI) newEscEntry(options []string) *escEntry {
	e := &escEntry{u: u}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrapOff
	e.SetOptions(options)
	return e
}

// TypedKey closes the dialog on Escape and edits the text otherwise.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.u.closeDialog()
		return
	}
	e.SelectEntry.TypedKey(k)
}

// showError shows err in a dialog on the stack.
func (u *UI) showError(err error) {
	u.showDialog(dialog.NewError(err, u.win))
}
