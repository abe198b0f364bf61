package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// SearchEntry is a one-line entry that hands the keys a result list needs to
// its owner: Up and Down move in the results, Return opens one, Escape
// clears. Every other key edits the text as usual.
type SearchEntry struct {
	widget.Entry

	OnUp     func() `json:"-"`
	OnDown   func() `json:"-"`
	OnEnter  func() `json:"-"`
	OnEscape func() `json:"-"`
	// OnKey, when set, is offered every other key first, so that window
	// keys such as F5 work while the field has the focus; it reports
	// whether it used the key.
	OnKey func(k *fyne.KeyEvent) bool `json:"-"`
	// OnShortcut, when set, is offered every shortcut the entry has not
	// its own (Fyne gives the focused widget the shortcuts no menu item
	// carries, such as Ctrl+Shift+=, and the canvas none of them); it
	// reports whether it used it.
	OnShortcut func(s fyne.Shortcut) bool `json:"-"`
}

var (
	_ fyne.Focusable    = (*SearchEntry)(nil)
	_ fyne.Shortcutable = (*SearchEntry)(nil)
)

// NewSearchEntry returns an empty search entry with a placeholder.
func NewSearchEntry(placeholder string) *SearchEntry {
	e := &SearchEntry{}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the list keys and passes the rest to the entry.
func (e *SearchEntry) TypedKey(k *fyne.KeyEvent) {
	call := func(f func()) {
		if f != nil {
			f()
		}
	}
	switch k.Name {
	case fyne.KeyUp:
		call(e.OnUp)
	case fyne.KeyDown:
		call(e.OnDown)
	case fyne.KeyReturn, fyne.KeyEnter:
		call(e.OnEnter)
	case fyne.KeyEscape:
		call(e.OnEscape)
	default:
		if e.OnKey != nil && e.OnKey(k) {
			return
		}
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut gives the entry its own shortcuts (copy, paste, select
// all, undo, Ctrl+Left, Ctrl+Backspace, ...) and offers the rest to
// OnShortcut.
func (e *SearchEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.OnShortcut != nil && !e.ownShortcut(cs) && e.OnShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// ownShortcut reports whether the entry edits or moves with s: Fyne's
// entry binds these keys with Ctrl (or Super, on macOS), with or without
// Shift.
func (e *SearchEntry) ownShortcut(s *desktop.CustomShortcut) bool {
	switch s.KeyName {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyBackspace, fyne.KeyDelete:
		return true
	}
	return false
}
