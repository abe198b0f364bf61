package widgets

import (
	"fyne.io/fyne/v2"
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
}

var _ fyne.Focusable = (*SearchEntry)(nil)

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
