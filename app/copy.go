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
// first); with text selected on the card shown, that text; with no
// selection it copies the event shown (selected, or on the slide when
// presenting) as plain text with its source's full citation
// (data.Timeline.CitedText), for a student's notes.
func (u *UI) Copy() {
	cb := u.app.Clipboard()
	if f, ok := u.win.Canvas().Focused().(selectedText); ok && f.SelectedText() != "" {
		f.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
		return
	}
	if s := u.cardSelection(); s != "" {
		cb.SetContent(s)
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

// card is a card whose text can be selected.
type card interface {
	SelectedText() string
}

// cardSelection is the text selected on the card the window shows (the
// slide's when presenting), "" when none is.
func (u *UI) cardSelection() string {
	cards := []card{u.card, u.story}
	if u.presenting && u.pres != nil {
		cards = []card{u.pres.card, u.pres.story, u.pres.sources}
	}
	for _, c := range cards {
		if s := c.SelectedText(); s != "" {
			return s
		}
	}
	return ""
}
