package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// selectionCard is a card in a window showing the event id of the
// article, with no selection.
func selectionCard(t *testing.T, id string) (*EventCard, *data.Timeline, fyne.Window) {
	t.Helper()
	c, tl, w := cardWindow(t, 420, 900)
	c.SetEvent(tl, tl.Index(id))
	ClearSelection()
	t.Cleanup(ClearSelection)
	return c, tl, w
}

// drag presses the primary button at from in t and drags to to, as
// Fyne's desktop driver does: MouseDown, Dragged events whose Position is
// the pointer's, then DragEnd.
func drag(t *wrapText, from, to fyne.Position) {
	t.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	t.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	t.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	t.DragEnd()
	t.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
}

// highlighted is the total width of t's selection highlight and how many
// rectangles draw it.
func highlighted(t *wrapText) (float32, int) {
	var w float32
	n := 0
	for _, o := range t.r.objects {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() {
			w += r.Size().Width
			n++
		}
	}
	return w, n
}

func TestDraggingSelectsCardText(t *testing.T) {
	c, tl, _ := selectionCard(t, "beautiful-letter")
	e := tl.Events[tl.Index("beautiful-letter")]
	if c.SelectedText() != "" {
		t.Fatalf("a new card has %q selected", c.SelectedText())
	}

	// From before the first character to past the end of the last row:
	// the whole summary, every row of it highlighted.
	s := c.summary
	drag(s, fyne.NewPos(0, 0), fyne.NewPos(s.Size().Width, s.Size().Height+50))
	if got := c.SelectedText(); got != e.Summary {
		t.Errorf("dragging over the whole summary selected %q, want %q", got, e.Summary)
	}
	rows := map[float32]bool{}
	for _, p := range s.r.pieces {
		rows[p.y] = true
	}
	if _, n := highlighted(s); n != len(s.r.pieces) || len(rows) < 2 {
		t.Errorf("%d highlight rectangles for %d pieces on %d rows", n, len(s.r.pieces), len(rows))
	}

	// Backwards, within the first row: from its middle to its start.
	first := s.r.pieces[0]
	drag(s, fyne.NewPos(s.r.pad+first.x+first.w/2, s.r.pad+1), fyne.NewPos(0, s.r.pad+1))
	got := c.SelectedText()
	if got == "" || !strings.HasPrefix(e.Summary, got) || len(got) >= len(first.text) {
		t.Errorf("dragging back over half the first row selected %q; its text is %q", got, first.text)
	}
	w, n := highlighted(s)
	if n != 1 || w < first.w/3 || w > first.w*2/3 {
		t.Errorf("half of a row %v wide highlighted by %d rectangles %v wide", first.w, n, w)
	}

	// Another event drops the selection and its highlight.
	c.SetEvent(tl, tl.Index("hanoi-summit"))
	if got := c.SelectedText(); got != "" {
		t.Errorf("a new event kept %q selected", got)
	}
	if _, n := highlighted(s); n != 0 {
		t.Errorf("a new event kept %d highlight rectangles", n)
	}
}

func TestDoubleClickSelectsAWord(t *testing.T) {
	c, _, _ := selectionCard(t, "beautiful-letter")
	// The title's second word: the middle of its first piece's text
	// after the first space.
	title := c.title
	p := title.r.pieces[0]
	sp := strings.Index(p.text, " ")
	if sp < 0 {
		t.Fatalf("title row %q has one word", p.text)
	}
	word, _, _ := strings.Cut(p.text[sp+1:], " ")
	x := title.r.pad + p.x + title.r.prefixWidth(&p, sp+1+len(word)/2)
	title.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(x, title.r.pad+2)})
	if got := c.SelectedText(); got != strings.TrimRight(word, ",.:;") {
		t.Errorf("double click on %q selected %q", word, got)
	}
}

func TestOneSelectionAtATime(t *testing.T) {
	c, tl, _ := selectionCard(t, "beautiful-letter")
	drag(c.title, fyne.NewPos(0, 0), fyne.NewPos(c.title.Size().Width, c.title.Size().Height))
	if c.SelectedText() != tl.Events[tl.Index("beautiful-letter")].Title {
		t.Fatalf("title drag selected %q", c.SelectedText())
	}
	// Selecting in a quote drops the title's.
	q := c.quotes[0].text
	drag(q, fyne.NewPos(0, 0), fyne.NewPos(q.Size().Width, q.Size().Height))
	if got := c.SelectedText(); !strings.HasPrefix(got, "“") {
		t.Errorf("quote drag selected %q", got)
	}
	if _, n := highlighted(c.title); n != 0 {
		t.Errorf("the title kept %d highlight rectangles after a quote was selected", n)
	}
	// Another card does not see this card's selection; a hidden card
	// has none to give.
	other := NewEventCard()
	if got := other.SelectedText(); got != "" {
		t.Errorf("another card has %q selected", got)
	}
	c.Hide()
	if got := c.SelectedText(); got != "" {
		t.Errorf("a hidden card gives %q", got)
	}
}

func TestRightClickOffersCopyAndSelectAll(t *testing.T) {
	c, tl, w := selectionCard(t, "beautiful-letter")
	e := tl.Events[tl.Index("beautiful-letter")]
	s := c.summary
	s.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(5, 5), AbsolutePosition: fyne.NewPos(20, 120)})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("a right click shows no menu")
	}
	w.Canvas().Overlays().Top().Hide()
	items := s.contextMenu().Items
	if len(items) != 2 || items[0].Label != "Copy" || !items[0].Disabled || items[1].Label != "Select all" {
		t.Fatalf("menu with nothing selected: %v (Copy off: %v)", menuLabels(items), items[0].Disabled)
	}
	items[1].Action()
	if got := c.SelectedText(); got != e.Summary {
		t.Errorf("Select all selected %q", got)
	}
	items = s.contextMenu().Items
	if items[0].Disabled {
		t.Fatal("Copy is disabled with the summary selected")
	}
	items[0].Action()
	if got := fyne.CurrentApp().Clipboard().Content(); got != e.Summary {
		t.Errorf("Copy put %q on the clipboard", got)
	}
	// Another text's menu does not copy this one's selection.
	if !c.title.contextMenu().Items[0].Disabled {
		t.Error("the title's Copy is on with the summary selected")
	}
}

func menuLabels(items []*fyne.MenuItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func TestSelectionFollowsTheTheme(t *testing.T) {
	c, _, _ := selectionCard(t, "beautiful-letter")
	drag(c.title, fyne.NewPos(0, 0), fyne.NewPos(c.title.Size().Width, c.title.Size().Height))
	want := theme.Current().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	for _, o := range c.title.r.objects {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.FillColor != want {
			t.Errorf("highlight %v, want the theme's selection colour %v", r.FillColor, want)
		}
	}
}

func TestNoTextMenuTurnsTheRightClickMenuOff(t *testing.T) {
	c, _, w := selectionCard(t, "beautiful-letter")
	c.NoTextMenu = true
	c.quotes[0].text.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(5, 5), AbsolutePosition: fyne.NewPos(20, 300)})
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("with NoTextMenu a right click on a quote opened %T", top)
	}
	s := NewStoryCard()
	s.NoTextMenu = true
	s.SetSummary(data.Summary{Title: "T", Notes: []data.Note{{Text: "a note"}}})
	ws := test.NewWindow(s)
	defer ws.Close()
	for _, n := range s.notes {
		n.TappedSecondary(&fyne.PointEvent{})
		if top := ws.Canvas().Overlays().Top(); top != nil {
			t.Errorf("with NoTextMenu a right click on a story note opened %T", top)
		}
	}
}
