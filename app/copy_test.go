package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// copyKey sends Ctrl+C the way the driver does without the menu: to the
// canvas's shortcuts.
func copyKey(u *UI) {
	u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()})
}

// TestCtrlCCopiesTheEventWithItsCitation checks, for every event of the
// article, that Ctrl+C with nothing selected puts on the clipboard its
// title, every quote word for word with who said it, who reports it, and
// its source's full citation.
func TestCtrlCCopiesTheEventWithItsCitation(t *testing.T) {
	u := newTestUI(t)
	cb := u.app.Clipboard()
	const citation = "Source: Voice of America, “Newly Obtained Trump-Kim Letters May Reveal More on Unlikely Relationship”, September 2020."
	for i, e := range u.tl.Events {
		u.Select(i)
		cb.SetContent("")
		copyKey(u)
		got := cb.Content()
		want := []string{e.Title, e.DisplayDate(), e.Summary, "According to: " + e.ReportedBy, citation}
		for _, q := range e.Quotes {
			want = append(want, "“"+q.Text+"”", "— "+q.By)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the copy lacks %q:\n%s", e.ID, w, got)
			}
		}
	}
}

func TestEditCopyMenuItem(t *testing.T) {
	u := newTestUI(t)
	var copyItem *fyne.MenuItem
	for _, m := range u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Edit" && it.Label == "Copy" {
				copyItem = it
			}
		}
	}
	if copyItem == nil {
		t.Fatal("no Edit > Copy")
	}
	if _, ok := copyItem.Shortcut.(*fyne.ShortcutCopy); !ok {
		t.Errorf("Edit > Copy's shortcut is %v", copyItem.Shortcut)
	}
	cb := u.app.Clipboard()
	i := u.tl.Index("hanoi-summit")
	u.Select(i)

	// The menu's Ctrl+C comes before the focused field's: with text
	// selected in the search field, it copies that text.
	cb.SetContent("")
	u.FocusSearch()
	test.Type(u.search, "summit")
	u.settle()
	u.search.TypedShortcut(&fyne.ShortcutSelectAll{})
	copyItem.Action()
	if got := cb.Content(); got != "summit" {
		t.Errorf("with the search's text selected, Copy copied %q", got)
	}
	// With none selected, the event.
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	copyItem.Action()
	if got := cb.Content(); got != u.tl.CitedText(u.selected) {
		t.Errorf("with no text selected, Copy copied %q", got)
	}
}

func TestCopyInPresentationCopiesTheSlide(t *testing.T) {
	u := newTestUI(t)
	u.Select(0)
	u.Present(true)
	u.PresentStep(1)
	u.PresentStep(1)
	copyKey(u)
	if got, want := u.app.Clipboard().Content(), u.tl.CitedText(u.PresentedEvent()); got != want || u.PresentedEvent() == 0 {
		t.Errorf("presenting event %d, copied:\n%s", u.PresentedEvent(), got)
	}
}

func TestCopyWithNoEventCopiesNothing(t *testing.T) {
	u := newTestUI(t)
	if u.selected >= 0 {
		t.Fatalf("event %d selected", u.selected)
	}
	u.app.Clipboard().SetContent("kept")
	copyKey(u)
	if got := u.app.Clipboard().Content(); got != "kept" {
		t.Errorf("with no event, the clipboard became %q", got)
	}
}

// doubleTapText double-clicks the first selectable text under o that
// holds want, and reports whether it found one.
func doubleTapText(o fyne.CanvasObject, want string) bool {
	if !o.Visible() {
		return false
	}
	if d, ok := o.(interface {
		fyne.DoubleTappable
		String() string
	}); ok && strings.HasPrefix(d.String(), want) {
		test.DoubleTap(d) // at the text's top left: its first word
		return true
	}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(w).Objects()
	}
	for _, c := range children {
		if doubleTapText(c, want) {
			return true
		}
	}
	return false
}

// TestCopyCopiesTheCardsSelection checks that Ctrl+C copies text selected
// on the card, in the window and on a slide, and the whole event again
// once another event drops the selection.
func TestCopyCopiesTheCardsSelection(t *testing.T) {
	u := newTestUI(t)
	cb := u.app.Clipboard()
	i := u.tl.Index("hanoi-summit")
	u.Select(i)
	u.settle()
	title := u.tl.Events[i].Title
	first, _, _ := strings.Cut(title, " ")
	if !doubleTapText(u.card, title) {
		t.Fatalf("no text %q on the card", title)
	}
	copyKey(u)
	if got := cb.Content(); got != first {
		t.Errorf("with %q selected on the card, Ctrl+C copied %q", first, got)
	}
	u.Select(i + 1)
	u.settle()
	copyKey(u)
	if got := cb.Content(); got != u.tl.CitedText(i+1) {
		t.Errorf("after another event, Ctrl+C copied %q", got)
	}

	// On a slide: the slide's card, not the window's.
	u.Select(i)
	u.settle()
	doubleTapText(u.card, title)
	u.Present(true)
	copyKey(u)
	if got := cb.Content(); got != u.tl.CitedText(u.PresentedEvent()) {
		t.Errorf("presenting, the window card's selection was copied: %q", got)
	}
	p := u.tl.Events[u.PresentedEvent()].Title
	if !doubleTapText(u.pres.card, p) {
		t.Fatalf("no text %q on the slide", p)
	}
	copyKey(u)
	if got, want := cb.Content(), strings.Fields(p)[0]; got != want {
		t.Errorf("with %q selected on the slide, Ctrl+C copied %q", want, got)
	}
}
