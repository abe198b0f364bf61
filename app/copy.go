package app

import "fyne.io/fyne/v2"

// selectedText is a widget whose text can be selected and copied: an
// entry.
type selectedText interface {
	fyne.Shortcutable
	SelectedText() string
}

// Copy is Edit > Copy (Ctrl+C). With text selected in the focused field it
// copies that, as the field would by itself (the menu's Ctrl+C comes
// first); with no selection it copies the event shown (selected, or on
// the slide when presenting) as plain text with its source's full
// citation (data.Timeline.CitedText), for a student's notes.
func (u *UI) Copy() {
	cb := u.app.Clipboard()
	if f, ok := u.win.Canvas().Focused().(selectedText); ok && f.SelectedText() != "" {
		f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
		return
	}
	i := u.selected
	if u.presenting && u.pres != nil {
		i = u.pres.current
	}
	if i < 0 || i >= len(u.tl.Events) {
		return
	}
	cb.SetContent(u.tl.CitedText(i))
}
