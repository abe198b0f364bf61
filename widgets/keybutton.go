package widgets

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyOffer is what KeyButton and KeyLink offer the keys and characters
// typed while they have the keyboard focus (Tab gives it) to first, so
// that the window's keys go on working from them; what OnKey leaves, the
// widget takes (Space presses it). A plain button or link takes every key
// and does nothing with most.
type KeyOffer struct {
	OnKey  func(*fyne.KeyEvent) bool `json:"-"`
	OnRune func(rune) bool           `json:"-"`
	// OnFocus is called with the widget when it gains the focus, so that
	// what scrolls it can bring it into view.
	OnFocus func(fyne.CanvasObject) `json:"-"`
}

func (o *KeyOffer) focused(w fyne.CanvasObject) {
	if o.OnFocus != nil {
		o.OnFocus(w)
	}
}

func (o *KeyOffer) offerKey(k *fyne.KeyEvent) bool { return o.OnKey != nil && o.OnKey(k) }

// offerRune offers r to OnRune; Space is the widget's (its key presses it).
func (o *KeyOffer) offerRune(r rune) {
	if r != ' ' && o.OnRune != nil {
		o.OnRune(r)
	}
}

// KeyButton is a button that offers its keys to the window first
// (KeyOffer).
type KeyButton struct {
	widget.Button
	KeyOffer
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
	if !b.offerKey(k) {
		b.Button.TypedKey(k)
	}
}

// TypedRune offers r to OnRune.
func (b *KeyButton) TypedRune(r rune) { b.offerRune(r) }

// FocusGained shows the focus and tells OnFocus.
func (b *KeyButton) FocusGained() {
	b.Button.FocusGained()
	b.focused(b)
}

// KeyLink is a link that offers its keys to the window first (KeyOffer).
type KeyLink struct {
	widget.Hyperlink
	KeyOffer
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
	if !l.offerKey(k) {
		l.Hyperlink.TypedKey(k)
	}
}

// TypedRune offers r to OnRune.
func (l *KeyLink) TypedRune(r rune) { l.offerRune(r) }

// FocusGained shows the focus and tells OnFocus.
func (l *KeyLink) FocusGained() {
	l.Hyperlink.FocusGained()
	l.focused(l)
}
