package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets"
)

// TestWindowKeysWorkWhateverHasTheFocus gives the focus to each kind of
// widget that can take it outside the search field (a filter toggle after
// a click, the result list after a click, a button after Tab) and checks
// that the navigation keys still do what they do in the window.
func TestWindowKeysWorkWhateverHasTheFocus(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	var first *navCheck
	for _, chk := range u.filterPanel.dirs {
		if first == nil || chk.Text < first.Text {
			first = chk
		}
	}
	u.filterPanel.accordion.Open(1)
	test.Tap(first) // "Filter by who wrote", a box ticked with the mouse
	u.settle()
	if c.Focused() != first || !first.Checked {
		t.Fatalf("the tap did not tick and focus the toggle: focused %T, checked %v", c.Focused(), first.Checked)
	}
	order := u.stepOrder()
	key(u, fyne.KeyRight)
	if u.Selected() != order[0] {
		t.Fatalf("Right with a toggle focused: selected %d, want %d", u.Selected(), order[0])
	}
	key(u, fyne.KeyRight)
	key(u, fyne.KeyLeft)
	if u.Selected() != order[0] {
		t.Errorf("Right, Left: selected %d, want %d", u.Selected(), order[0])
	}
	key(u, fyne.KeyEnd)
	if u.Selected() != len(u.tl.Events)-1 {
		t.Errorf("End: selected %d", u.Selected())
	}
	key(u, fyne.KeyHome)
	if u.Selected() != 0 {
		t.Errorf("Home: selected %d", u.Selected())
	}
	// Space still toggles the focused box.
	key(u, fyne.KeySpace)
	typeRune(u, ' ')
	u.settle()
	if first.Checked {
		t.Error("Space no longer toggles a focused filter box")
	}
	key(u, fyne.KeyF5)
	if !u.Presenting() {
		t.Error("F5 with a toggle focused does not present")
	}
	key(u, fyne.KeyEscape)
	test.Tap(first) // on again: the "Clear filters" button shows
	u.settle()

	for _, w := range []fyne.Focusable{u.list, u.clearFilters, u.toolbarButton(0)} {
		c.Focus(w)
		if c.Focused() != w {
			t.Fatalf("%T cannot take the focus", w)
		}
		before := u.Selected()
		key(u, fyne.KeyRight)
		if u.Selected() != before+1 {
			t.Errorf("Right with %T focused: selected %d, want %d", w, u.Selected(), before+1)
		}
		typeRune(u, '/')
		if c.Focused() != u.search {
			t.Errorf("/ with %T focused does not go to the search", w)
		}
	}
	// Escape gives the keys back to the window.
	c.Focus(u.list)
	key(u, fyne.KeyEscape)
	if c.Focused() != nil {
		t.Errorf("Escape leaves %T focused", c.Focused())
	}
}

// toolbarButton is the toolbar's i-th button.
func (u *UI) toolbarButton(i int) fyne.Focusable {
	var found []fyne.Focusable
	walk(u.Window().Content(), func(o fyne.CanvasObject) {
		if a, ok := o.(*navButton); ok && a != u.clearFilters {
			found = append(found, a)
		}
	})
	return found[i]
}

// walk calls f on o and on everything inside it, as the canvas draws it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, f)
		}
	}
}

// TestEscapeClosesTheTopDialog opens each dialog and presses Escape, with
// the focus where the dialog leaves it and, in Export image, in its field.
func TestEscapeClosesTheTopDialog(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	for _, d := range []struct {
		name string
		open func()
	}{
		{"Open", u.ShowOpen},
		{"Export image", u.ShowExport},
		{"Export as TimelineJS", u.ShowExportTimelineJS},
		{"Keyboard shortcuts", u.ShowShortcuts},
		{"About", u.ShowAbout},
	} {
		d.open()
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog", d.name)
		}
		if d.name == "Export image" {
			var field fyne.Focusable
			walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
				if e, ok := o.(*escEntry); ok {
					field = e
				}
			})
			c.Focus(field)
		}
		before := u.Selected()
		key(u, fyne.KeyRight) // nothing moves under a dialog
		if u.Selected() != before {
			t.Errorf("%s: Right moved the selection under the dialog", d.name)
		}
		key(u, fyne.KeyEscape)
		if top := c.Overlays().Top(); top != nil {
			t.Errorf("%s: still open after Escape", d.name)
			top.Hide()
			c.Overlays().Remove(top)
		}
		if u.dialogOpen() {
			t.Errorf("%s: the app still counts a dialog", d.name)
			u.dialogs = nil
		}
	}
}

// TestNoSecondDialog presses the keys and menu items that open dialogs
// while one is open: none opens a second one over it.
func TestNoSecondDialog(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	u.ShowShortcuts()
	key(u, fyne.KeyF1)
	shortcut(u, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	u.ShowAbout()
	u.ShowOpen()
	u.ShowExportTimelineJS()
	if n := len(c.Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open, want the first one only", n)
	}
	key(u, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Error("Escape did not close the dialog")
	}
	key(u, fyne.KeyF1)
	if c.Overlays().Top() == nil {
		t.Error("F1 opens nothing once the dialog is closed")
	}
}

// TestCtrlFWhilePresenting leaves presentation mode for the search: the
// search field is not on the slide.
func TestCtrlFWhilePresenting(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	shortcut(u, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	if u.Presenting() {
		t.Fatal("Ctrl+F left presentation mode on")
	}
	if u.Window().Canvas().Focused() != u.search {
		t.Errorf("Ctrl+F while presenting: focus on %T, want the search", u.Window().Canvas().Focused())
	}
}

// TestShortcutsFromTheSearchField: the window's shortcuts that no menu
// item carries work while the search field has the focus (it keeps it
// after Escape clears it), as Fyne delivers them there: Ctrl+Plus, which
// is Ctrl+Shift+= on most keyboards, did nothing once a search was typed.
func TestShortcutsFromTheSearchField(t *testing.T) {
	u := newTestUI(t)
	u.FocusSearch()
	typeRune(u, 'k')
	key(u, fyne.KeyEscape)
	if u.Window().Canvas().Focused() != u.search {
		t.Fatalf("focus on %T after Escape in the search, want the search", u.Window().Canvas().Focused())
	}
	for _, s := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault},
	} {
		before := u.TextScale()
		routeShortcut(u.Window(), s)
		if u.TextScale() <= before {
			t.Errorf("%s with the search focused: text scale %v, was %v", s.ShortcutName(), u.TextScale(), before)
		}
	}
	// The field's own shortcuts are still its own: Ctrl+Backspace deletes a word.
	u.search.SetText("warm letter")
	u.search.CursorColumn = len("warm letter")
	routeShortcut(u.Window(), &desktop.CustomShortcut{KeyName: fyne.KeyBackspace, Modifier: fyne.KeyModifierShortcutDefault})
	if got := u.search.Text; got != "warm " {
		t.Errorf("Ctrl+Backspace in the search left %q, want %q", got, "warm ")
	}
}

// TestANewDataSetTakesTheFocusFromWhatGoes checks that a widget Tab gave
// the keyboard focus to (a filter group's header, a related event's link
// on the card) does not keep it when another data set opens and it leaves
// the screen, where keys sent to it went nowhere; the search field keeps
// it.
func TestANewDataSetTakesTheFocusFromWhatGoes(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	u.Select(u.tl.Index("dmz-meeting")) // it has a related event
	u.settle()
	focusable := map[string]fyne.Focusable{}
	walk(c.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *navButton:
			if w.Text == "Filter by who says so" {
				focusable["a filter group's header"] = w
			}
		case *widgets.KeyLink:
			if w.Visible() && w.URL == nil {
				focusable["a related event's link"] = w
			}
		}
	})
	if len(focusable) != 2 {
		t.Fatalf("found %d of the two widgets", len(focusable))
	}
	other, _, err := data.LoadFile("../data/testdata/import/tjs_cosmological.json") // no "who says so"
	if err != nil {
		t.Fatal(err)
	}
	for what, f := range focusable {
		c.Focus(f)
		u.SetTimeline(other)
		u.settle()
		if c.Focused() == f {
			t.Errorf("%s keeps the keyboard focus after it left the screen", what)
		}
		u.ReopenBuiltin()
		u.Select(u.tl.Index("dmz-meeting"))
		u.settle()
	}
	c.Focus(u.search)
	u.SetTimeline(data.Synthetic(40, 1))
	if c.Focused() != fyne.Focusable(u.search) {
		t.Errorf("the search field lost the focus to a new data set")
	}
}

// TestAGoneToggleDoesNotGetTheFocusBackAfterADialog: the monkey's seed 8001.
// A filter toggle has the keyboard focus, a dialog opens over the window,
// and a file that finishes loading meanwhile replaces the toggles. Fyne
// gives the window's last focus back when the dialog closes: it must not
// be the toggle that went, on which Space would tick a filter nobody sees.
// A toggle that stays gets it back, and the search field, which never
// goes, keeps it across a dialog.
func TestAGoneToggleDoesNotGetTheFocusBackAfterADialog(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	u.filterPanel.accordion.Open(0) // Filter by kind
	u.settle()
	old := u.filterPanel.kinds[data.KindLetter]
	c.Focus(old)
	if c.Focused() != fyne.Focusable(old) {
		t.Fatal("the toggle did not take the focus")
	}
	u.ShowShortcuts()
	u.closeDialog()
	if c.Focused() != fyne.Focusable(old) {
		t.Fatalf("after a dialog over nothing that changed, the focus is on %T, not the toggle", c.Focused())
	}
	u.ShowShortcuts()
	u.SetTimeline(data.Synthetic(40, 1)) // a file that finished loading
	u.closeDialog()
	u.settle()
	if f := c.Focused(); f != nil {
		t.Errorf("after the dialog the focus is on %T (the old toggle: %v)", f, f == fyne.Focusable(old))
	}

	c.Focus(u.search)
	u.ShowShortcuts()
	u.closeDialog()
	if c.Focused() != fyne.Focusable(u.search) {
		t.Errorf("the search field lost the focus to a dialog")
	}

	// A file that finishes loading under a dialog leaves the dialog's
	// field its focus.
	u.ShowExport()
	var field *escEntry
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*escEntry); ok {
			field = e
		}
	})
	if field == nil {
		t.Fatal("no size field in Export image")
	}
	c.Focus(field)
	u.SetTimeline(data.Synthetic(50, 1))
	if c.Focused() != fyne.Focusable(field) {
		t.Errorf("a file loaded under Export image took the focus from its size field (now %T)", c.Focused())
	}
	u.closeDialog()
}

// TestWindowKeysWorkFromAFilterHeader: Tab gives the keyboard focus to a
// filter section's header ("Filter by who wrote") as to any button; the
// window's keys go on working from there. Fyne's Accordion made its
// headers buttons of its own, which took Right, F5 and the rest and did
// nothing with them.
func TestWindowKeysWorkFromAFilterHeader(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	title := func() string {
		switch b := c.Focused().(type) {
		case *widget.Button:
			return b.Text
		case *navButton:
			return b.Text
		}
		return ""
	}
	for range 40 {
		if title() == "Filter by who wrote" {
			break
		}
		c.FocusNext()
	}
	if title() != "Filter by who wrote" {
		t.Fatalf("Tab never reaches the header of the filters by who wrote (focus on %T)", c.Focused())
	}
	key(u, fyne.KeyRight)
	if u.Selected() != u.stepOrder()[0] {
		t.Errorf("Right from a filter header: selected %d, want %d", u.Selected(), u.stepOrder()[0])
	}
	typeRune(u, ' ') // Space still opens the section
	key(u, fyne.KeySpace)
	if !u.filterPanel.accordion.Items[1].Open {
		t.Error("Space on a filter header does not open its section")
	}
	key(u, fyne.KeyF5)
	if !u.Presenting() {
		t.Error("F5 from a filter header does not present")
	}
}

// TestWindowKeysWorkFromTheCardAndTheClearButton: Tab gives the keyboard
// focus to the card's Previous and Next buttons, a related event's link and
// the search field's clear button too; the window's keys go on working
// from each. They were Fyne's own buttons and links, which took the keys
// and did nothing with them (Space still presses them).
func TestWindowKeysWorkFromTheCardAndTheClearButton(t *testing.T) {
	for _, name := range []string{"", "Previous", "Next", "related"} {
		u := newTestUI(t)
		start := u.tl.Index("dmz-meeting") // it has a related event
		u.Select(start)
		u.settle()
		c := u.Window().Canvas()
		found := false
		for range 80 {
			c.FocusNext()
			switch f := c.Focused().(type) {
			case *widget.Button:
				found = f.Text == name
			case *navButton:
				found = f.Text == name
			case *widgets.KeyButton:
				found = f.Text == name
			case *widget.Hyperlink, *widgets.KeyLink:
				found = name == "related"
			}
			if found {
				break
			}
		}
		if !found {
			t.Errorf("Tab never reaches %q", name)
			continue
		}
		key(u, fyne.KeyRight)
		if u.Selected() != start+1 {
			t.Errorf("Right from %q (%T): selected %d, want %d", name, c.Focused(), u.Selected(), start+1)
		}
		key(u, fyne.KeyF5)
		if !u.Presenting() {
			t.Errorf("F5 from %q (%T) does not present", name, c.Focused())
		}
	}
}

// TestSlideKeysWorkFromASlideLink: Tab in presentation mode gives the
// keyboard focus to a related event's link on the slide's card; the
// clicker's keys and Escape go on working from there. They went to the
// link, which did nothing with them: the slide was stuck.
func TestSlideKeysWorkFromASlideLink(t *testing.T) {
	u := newTestUI(t)
	u.Select(u.tl.Index("dmz-meeting")) // it has a related event
	u.settle()
	u.Present(true)
	c := u.Window().Canvas()
	c.FocusNext()
	if _, ok := c.Focused().(*widgets.KeyLink); !ok {
		t.Fatalf("Tab on the slide focuses a %T, not the related event's link", c.Focused())
	}
	before := u.PresentedEvent()
	for range 3 { // past the rest of a long card, if any
		key(u, fyne.KeyPageDown)
	}
	if u.PresentedEvent() == before {
		t.Errorf("PageDown from a link on the slide does not step: still at %d", before)
	}
	key(u, fyne.KeyEscape)
	if u.Presenting() {
		t.Error("Escape from a link on the slide does not leave presentation mode")
	}
}

// TestEscapeTwiceLeavesTheSearchField: in the search field Escape clears
// the query and keeps the field, for a new one; Escape in the empty field
// leaves it, and Right steps through the events again instead of moving a
// cursor in nothing.
func TestEscapeTwiceLeavesTheSearchField(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	u.FocusSearch()
	test.Type(u.search, "kim")
	u.settle()
	key(u, fyne.KeyEscape)
	if u.search.Text != "" || c.Focused() != fyne.Focusable(u.search) {
		t.Fatalf("first Escape: text %q, focus %T; want it cleared, the field still focused", u.search.Text, c.Focused())
	}
	key(u, fyne.KeyEscape)
	if c.Focused() != nil {
		t.Fatalf("second Escape: the focus is on %T, want the window's", c.Focused())
	}
	before := u.selected
	key(u, fyne.KeyRight)
	if u.selected == before {
		t.Errorf("Right after leaving the search field did not step (selected %d)", u.selected)
	}
}

// TestTabShowsTheFilterBoxItFocuses: the filter pane shows a few of a
// section's boxes and scrolls for the rest; Tab to a box out of view
// scrolls it into view. The focus was out of sight, and Space then ticked
// a box the person could not see.
func TestTabShowsTheFilterBoxItFocuses(t *testing.T) {
	u := newTestUI(t)
	u.filterPanel.accordion.Open(0) // by kind: six boxes
	u.settle()
	relayout(u.filterScroll) // as the driver does, its content's minimum size having grown
	c := u.Window().Canvas()
	seen := 0
	for range 40 {
		c.FocusNext()
		box, ok := c.Focused().(*navCheck)
		if !ok {
			continue
		}
		seen++
		if msg := outOfView(u, box); msg != "" {
			t.Errorf("Tab to %q: %s", box.Text, msg)
		}
	}
	if seen < 6 {
		t.Fatalf("Tab reached %d filter boxes, want the 6 kinds", seen)
	}
}

// TestTabShowsTheCardLinkItFocuses: Tab to a related event's link below
// the card's pane, or below the slide, scrolls the card to it. The focus
// was out of sight, and Space opened an event the person could not see.
func TestTabShowsTheCardLinkItFocuses(t *testing.T) {
	for _, presenting := range []bool{false, true} {
		u := newTestUI(t)
		u.Window().Resize(fyne.NewSize(1024, 600))
		u.Select(u.tl.Index("dmz-meeting")) // it has a related event
		u.settle()
		u.Present(presenting)
		c := u.Window().Canvas()
		var link *widgets.KeyLink
		for range 60 {
			c.FocusNext()
			if l, ok := c.Focused().(*widgets.KeyLink); ok {
				link = l
				break
			}
		}
		if link == nil {
			t.Fatalf("presenting %v: Tab never reaches the related event's link", presenting)
		}
		if msg := outOfView(u, link); msg != "" {
			t.Errorf("presenting %v: Tab to the related link: %s", presenting, msg)
		}
	}
}

// outOfView says how o is out of the view of the scroll that holds it, or
// "" when it shows whole.
func outOfView(u *UI, o fyne.CanvasObject) string {
	var pane *container.Scroll
	for p := parentIn(u.Window().Content(), o); p != nil; p = parentIn(u.Window().Content(), p) {
		if s, ok := p.(*container.Scroll); ok && s.Direction != container.ScrollNone {
			pane = s
			break
		}
	}
	if pane == nil {
		return "in no scroll"
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(pane).Y
	if top < 0 || top+o.Size().Height > pane.Size().Height+0.5 {
		return fmt.Sprintf("at %.0f..%.0f of a pane %.0f high, out of view", top, top+o.Size().Height, pane.Size().Height)
	}
	return ""
}

// parentIn is the object under root whose children include o, or nil.
func parentIn(root, o fyne.CanvasObject) fyne.CanvasObject {
	kids := children(root)
	if s, ok := root.(*container.Scroll); ok {
		kids = []fyne.CanvasObject{s.Content}
	}
	for _, k := range kids {
		if k == o {
			return root
		}
		if p := parentIn(k, o); p != nil {
			return p
		}
	}
	return nil
}
