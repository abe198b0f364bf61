package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"trumpkim/widgets"
)

// bindKeys binds the window's keys from the key map (keymap.go). Fyne
// gives a key to the focused widget, or to the canvas when none has the
// focus; the canvas handlers and every widget that can take the focus here
// (filter toggles, the result list, buttons: navCheck, navList, navButton)
// hand the window's keys to windowKey, so that they work whatever has the
// focus. Only the search field keeps the keys that edit text (see
// SearchEntry), and passes on those of the actions marked fromSearch, and
// the window's shortcuts (Ctrl+Plus), which Fyne gives the focused field.
// In presentation mode the keys step through the slides.
func (u *UI) bindKeys() {
	c := u.win.Canvas()
	u.search.OnKey = func(k *fyne.KeyEvent) bool {
		return u.runAction(find(u.keyMap().fromSearch(), k.Name, widgets.KeyModifiers()))
	}
	u.search.OnShortcut = func(s fyne.Shortcut) bool {
		cs, ok := s.(*desktop.CustomShortcut)
		return ok && !u.dialogOpen() && u.runAction(findShortcut(u.keyMap().all(), cs.KeyName, cs.Modifier))
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) { u.windowKey(k) })
	c.SetOnTypedRune(func(r rune) { u.windowRune(r) })
	u.shortcuts()
}

// runAction runs a, if not nil, and reports whether it did.
func (u *UI) runAction(a *action) bool {
	if a == nil || a.run == nil {
		return false
	}
	a.run()
	return true
}

// windowKey does what key k does in the window, whatever has the focus,
// and reports whether it used it. Over a dialog, Escape closes the dialog
// and the other keys do nothing.
func (u *UI) windowKey(k *fyne.KeyEvent) bool {
	if k.Name == fyne.KeyUnknown {
		// A key the driver could not name: Fyne's web driver sends one
		// for each letter typed, beside the key app/web names for it;
		// taken as "any key", it undid the blank B had just made.
		return false
	}
	if u.dialogOpen() {
		if k.Name == fyne.KeyEscape {
			u.closeDialog()
			return true
		}
		return false
	}
	as := u.keyMap().all()
	if u.presenting {
		if u.lessonKey(k) {
			return true
		}
		as = u.keyMap().present
	}
	return u.runAction(find(as, k.Name, widgets.KeyModifiers()))
}

// windowRune does what typing r does in the window (outside the search
// field) and reports whether it used it.
func (u *UI) windowRune(r rune) bool {
	if u.presenting || u.dialogOpen() {
		return false // Space and the like step; they are handled as keys
	}
	return u.runAction(findChar(u.keyMap().all(), r))
}

// keyForwarder is a widget that, when it has the keyboard focus, hands the
// window's keys to windowKey: the filter toggles, the result list, the
// buttons. A click may give the focus to one of these (or to the search
// field, or into a dialog) and the keys go on working; the monkey checks
// it (monkey_check_test.go).
type keyForwarder interface {
	fyne.Focusable
	forwardsKeys()
}

var (
	_ keyForwarder = (*navCheck)(nil)
	_ keyForwarder = (*navList)(nil)
	_ keyForwarder = (*navButton)(nil)
)

func (*navCheck) forwardsKeys()  {}
func (*navList) forwardsKeys()   {}
func (*navButton) forwardsKeys() {}

// navCheck is a check box (the filter toggles) that leaves the window's
// keys to the window: a check box that has the focus, as one has after a
// click, would otherwise swallow Left, Right, F5 and the rest. Space
// toggles it, as usual.
type navCheck struct {
	widget.Check
	u *UI
}

func (u *UI) newNavCheck(label string) *navCheck {
	c := &navCheck{u: u}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the box into view: the filter pane shows a few of a
// section's boxes and scrolls for the rest, and Tab to one out of view left
// the focus, and what Space ticks, out of sight.
func (c *navCheck) FocusGained() {
	c.Check.FocusGained()
	if c.u.filterScroll != nil {
		scrollToShow(c.u.filterScroll, c)
	}
}

// scrollToShow scrolls s, which holds o, the least it takes to show o whole
// (its top, when o is taller than s).
func scrollToShow(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	off := s.Offset.Y
	switch bottom := top + o.Size().Height; {
	case top < 0:
		off += top
	case bottom > s.Size().Height:
		off += min(top, bottom-s.Size().Height)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, off))
}

// TypedKey gives the window's keys to the window.
func (c *navCheck) TypedKey(k *fyne.KeyEvent) {
	if !c.u.windowKey(k) {
		c.Check.TypedKey(k)
	}
}

// TypedRune toggles on Space and gives the window's characters ("/", "+")
// to the window.
func (c *navCheck) TypedRune(r rune) {
	if r == ' ' || !c.u.windowRune(r) {
		c.Check.TypedRune(r)
	}
}

// navList is the result list: a click on a row gives it the focus, and the
// window's keys still work. Up and Down move its keyboard highlight and
// show each result, as they do from the search field.
type navList struct {
	widget.List
	u *UI
}

// TypedKey gives the window's keys to the window; Space selects the
// highlighted row, as usual.
func (l *navList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeySpace:
		l.List.TypedKey(k)
	case fyne.KeyUp, fyne.KeyDown:
		l.List.TypedKey(k) // the keyboard highlight follows
		l.u.windowKey(k)
	default:
		if !l.u.windowKey(k) {
			l.List.TypedKey(k)
		}
	}
}

// TypedRune gives the window's characters to the window.
func (l *navList) TypedRune(r rune) { l.u.windowRune(r) }

// navButton is a button that leaves the window's keys to the window when
// Tab has given it the focus; Space presses it, as usual.
type navButton struct {
	widget.Button
	u *UI
}

func (u *UI) newNavButton(label string, icon fyne.Resource, tapped func()) *navButton {
	b := &navButton{u: u}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey gives the window's keys to the window.
func (b *navButton) TypedKey(k *fyne.KeyEvent) {
	if !b.u.windowKey(k) {
		b.Button.TypedKey(k)
	}
}

// TypedRune gives the window's characters to the window.
func (b *navButton) TypedRune(r rune) { b.u.windowRune(r) }
