package widgets

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyButton is a button that offers the keys typed while it has the
// keyboard focus (Tab gives it) to OnKey and OnRune first, so that the
// window's keys go on working from it; what they leave, the button takes
// (Space presses it). A plain button takes every key and does nothing with
// most.
type KeyButton struct {
	widget.Button
	OnKey  func(*fyne.KeyEvent) bool `json:"-"`
	OnRune func(rune) bool           `json:"-"`
}

var _ fyne.Focusable = (*KeyButton)(nil)

// NewKeyButton returns a button with label and icon that calls tapped.
func NewKeyButton(label string, icon fyne.Resource, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey offers k to OnKey, then to the button.
func (b *KeyButton) TypedKey(k *fyne.KeyEvent) {
	if b.OnKey == nil || !b.OnKey(k) {
		b.Button.TypedKey(k)
	}
}

// TypedRune offers r to OnRune; Space is the button's (its key presses it).
func (b *KeyButton) TypedRune(r rune) {
	if r != ' ' && b.OnRune != nil {
		b.OnRune(r)
	}
}

// KeyLink is a link that offers the keys typed while it has the keyboard
// focus to OnKey and OnRune first, as KeyButton does.
type KeyLink struct {
	widget.Hyperlink
	OnKey  func(*fyne.KeyEvent) bool `json:"-"`
	OnRune func(rune) bool           `json:"-"`
}

var _ fyne.Focusable = (*KeyLink)(nil)

// NewKeyLink returns a link with text to u (nil for one that only calls
// OnTapped).
func NewKeyLink(text string, u *url.URL) *KeyLink {
	l := &KeyLink{}
	l.Text, l.URL = text, u
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey offers k to OnKey, then to the link.
func (l *KeyLink) TypedKey(k *fyne.KeyEvent) {
	if l.OnKey == nil || !l.OnKey(k) {
		l.Hyperlink.TypedKey(k)
	}
}

// TypedRune offers r to OnRune; Space is the link's.
func (l *KeyLink) TypedRune(r rune) {
	if r != ' ' && l.OnRune != nil {
		l.OnRune(r)
	}
}
