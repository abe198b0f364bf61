package widgets

import (
	"bytes"
	"image/color"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// showInWindow puts o in a test window of the given size, in a new test
// app, closed when the test ends.
func showInWindow(t *testing.T, o fyne.CanvasObject, width, height float32) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(o)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(width, height))
	return w
}

// cardWindow is a new card in a test window of the given size, and the
// article's timeline to fill it with.
func cardWindow(t *testing.T, width, height float32) (*EventCard, *data.Timeline, fyne.Window) {
	t.Helper()
	c := NewEventCard()
	w := showInWindow(t, c, width, height)
	return c, defaultData(t), w
}

// cardText gathers every piece of text the card shows, in order.
func cardText(c *EventCard) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return // the skeleton's parts this event has not
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *KeyButton:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *wrapText:
			b.WriteString(w.String() + "\n")
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		}
	}
	walk(c.box)
	return b.String()
}

func TestEventCardShowsEverything(t *testing.T) {
	c, tl, _ := cardWindow(t, 700, 700)

	c.SetEvent(tl, tl.Index("anti-epidemic-help"))
	got := cardText(c)
	for _, want := range []string{
		"Letter", "Mar 22, 2020", "From Donald Trump to Kim Jong Un",
		"Trump offers help against the coronavirus",
		"“was impressed by the efforts made by the Chairman to defend his people”",
		"— Donald Trump, as quoted by North Korea",
		"According to: North Korean state media",
		"Source: “Newly Obtained Trump-Kim Letters May Reveal More on Unlikely Relationship”, Voice of America, Sep 2020",
		"14 of 17",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("card lacks %q; it shows:\n%s", want, got)
		}
	}

	c.SetEvent(tl, tl.Index("hanoi-summit"))
	if got := cardText(c); !strings.Contains(got, "Feb 27–28, 2019") || !strings.Contains(got, "Place: Hanoi, Vietnam") {
		t.Errorf("range card:\n%s", got)
	}
}

func TestEventCardButtons(t *testing.T) {
	test.NewTempApp(t)
	tl, _ := data.Default()
	c := NewEventCard()
	w := test.NewWindow(c)
	defer w.Close()

	var related, steps []int
	c.OnRelated = func(i int) { related = append(related, i) }
	c.OnNext = func() { steps = append(steps, 1) }
	c.OnPrevious = func() { steps = append(steps, -1) }

	c.SetEvent(tl, 0)
	if !c.prev.Disabled() || c.next.Disabled() {
		t.Error("on the first event Previous should be off and Next on")
	}
	test.Tap(c.next)
	test.Tap(c.prev) // disabled: no call
	if len(steps) != 1 || steps[0] != 1 {
		t.Errorf("steps = %v", steps)
	}

	c.SetEvent(tl, tl.Index("nice-note-claim"))
	links := shownLinks(c)
	if len(links) != 1 || !strings.Contains(links[0].Text, "North Korea denies sending the note") {
		t.Fatalf("related links shown: %v", links)
	}
	test.TapAt(links[0], fyne.NewPos(12, links[0].Size().Height/2)) // on the text
	if len(related) != 1 || related[0] != tl.Index("nice-note-denial") {
		t.Errorf("related tap gave %v", related)
	}

	c.SetEvent(tl, len(tl.Events)-1)
	if c.prev.Disabled() || !c.next.Disabled() {
		t.Error("on the last event Next should be off")
	}
	c.SetEvent(nil, -1)
	if c.Title() != "" || c.Index() != -1 {
		t.Error("an empty card has no title")
	}
}

// lineText is what a row's line shows, with highlighted pieces in [].
func lineText(l *linePieces) string {
	var b strings.Builder
	for i := 0; i < l.used; i++ {
		if l.pieces[i].Hidden {
			continue
		}
		if l.pieces[i].TextStyle.Bold {
			b.WriteString("[" + l.pieces[i].Text + "]")
		} else {
			b.WriteString(l.pieces[i].Text)
		}
	}
	if !l.ellipsis.Hidden {
		b.WriteString("…")
	}
	return b.String()
}

// TestEventCardLinkGivesUpTheFocusWhenItGoes checks that a related
// event's link that has the keyboard focus gives it up when the card shows
// an event without one: the link leaves the screen, and keys sent to it
// went nowhere.
func TestEventCardLinkGivesUpTheFocusWhenItGoes(t *testing.T) {
	test.NewTempApp(t)
	tl, _ := data.Default()
	c := NewEventCard()
	w := test.NewWindow(c)
	defer w.Close()
	c.SetEvent(tl, tl.Index("nice-note-claim"))
	w.Canvas().Focus(c.related[0])
	c.SetEvent(tl, tl.Index("nice-note-denial")) // a related link again: it keeps the focus
	if w.Canvas().Focused() != fyne.Focusable(c.related[0]) {
		t.Fatalf("the link shown again lost the focus to %T", w.Canvas().Focused())
	}
	c.SetEvent(tl, 0)
	if f := w.Canvas().Focused(); f != nil {
		t.Errorf("the focus stays on a %T that is no longer on the card", f)
	}
}

func TestResultRowHighlights(t *testing.T) {
	test.NewTempApp(t)
	tl, _ := data.Default()
	r := NewResultRow()
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 80))
	rr := test.WidgetRenderer(r).(*resultRowRenderer)
	e := &tl.Events[tl.Index("hanoi-summit")]
	r.Set(tl, e, data.Match{Field: data.FieldTitle, Text: e.Title, Runes: []int{0, 1, 2, 3, 4}})
	if got := lineText(&rr.title); got != "[Hanoi] summit ends without a deal" {
		t.Errorf("title line %q", got)
	}
	if got := lineText(&rr.context); got != "Hanoi, Vietnam" {
		t.Errorf("context line %q, want the place", got)
	}
	if got := lineText(&rr.date); got != "[Feb 27–28, 2019  ·  Meeting]" {
		t.Errorf("date line %q", got)
	}
	r.Set(tl, e, data.Match{Field: data.FieldPlace, Text: e.Place, Runes: []int{7, 8}})
	if got := lineText(&rr.context); got != "place: Hanoi, [Vi]etnam" {
		t.Errorf("context line %q", got)
	}
	// Non-ASCII: rune indexes, not bytes.
	r.Set(tl, e, data.Match{Field: data.FieldPlace, Text: "Pyŏngyang, Korea", Runes: []int{2, 3}})
	if got := lineText(&rr.context); got != "place: Py[ŏn]gyang, Korea" {
		t.Errorf("non-ASCII highlight %q", got)
	}
	// A long title is cut with "…" inside the row's width.
	w.Resize(fyne.NewSize(160, 80))
	r.Set(tl, e, data.Match{Field: data.FieldTitle, Text: e.Title, Runes: []int{0}})
	if got := lineText(&rr.title); !strings.HasSuffix(got, "…") || len(got) >= len(e.Title) {
		t.Errorf("long title not cut: %q", got)
	}
	for i := 0; i < rr.title.used; i++ {
		if p := rr.title.pieces[i]; !p.Hidden && p.Position().X+p.Size().Width > 160 {
			t.Errorf("piece %q runs past the row: %v + %v", p.Text, p.Position(), p.Size())
		}
	}
	// Widening the row again shows the whole title: a cut is redone at
	// every layout, not kept.
	w.Resize(fyne.NewSize(600, 80))
	if got := lineText(&rr.title); got != "[H]anoi summit ends without a deal" {
		t.Errorf("after widening: %q", got)
	}

	// A title that matches near its end, in a row too narrow for all of it,
	// is shown from shortly before the match, so that the highlight shows;
	// widened again, it is shown from its start.
	called := &tl.Events[tl.Index("summit-cancelled")]
	at := utf8.RuneCountInString(called.Title[:strings.Index(called.Title, "letter")])
	w.Resize(fyne.NewSize(260, 80))
	r.Set(tl, called, data.Match{Field: data.FieldTitle, Text: called.Title, Runes: []int{at, at + 1, at + 2, at + 3, at + 4, at + 5}})
	if got := lineText(&rr.title); !strings.HasPrefix(got, "…") || !strings.Contains(got, "[letter]") {
		t.Errorf("narrow row, late title match: %q, want it from near [letter]", got)
	}
	w.Resize(fyne.NewSize(600, 80))
	if got := lineText(&rr.title); got != called.Title[:strings.Index(called.Title, "letter")]+"[letter]" {
		t.Errorf("wide row, late title match: %q, want the whole title", got)
	}
	w.Resize(fyne.NewSize(260, 80))
	if got := lineText(&rr.title); !strings.HasPrefix(got, "…") || !strings.Contains(got, "[letter]") {
		t.Errorf("narrowed again: %q", got)
	}

	// A summary match far in is shown from near the match.
	w.Resize(fyne.NewSize(600, 80))
	long := "The second meeting of the two leaders. Kim offered to take apart some of his nuclear facilities."
	at = strings.Index(long, "nuclear")
	r.Set(tl, e, data.Match{Field: data.FieldSummary, Text: long, Runes: []int{at, at + 1, at + 2}})
	if got := lineText(&rr.context); !strings.HasPrefix(got, "summary: …") || !strings.Contains(got, "[nuc]lear") {
		t.Errorf("snippet %q", got)
	}
}

func TestEventCardShowsImportedMedia(t *testing.T) {
	test.NewTempApp(t)
	tl := &data.Timeline{Title: "T", Events: []data.Event{{
		ID: "a", Date: data.DayDate(1815, 12, 10), Kind: data.KindContext, Title: "Ada Lovelace",
		Group: "Pioneers", DateText: "Winter 1815",
		Media: data.Media{URL: "https://example.org/ada.jpg", Caption: "Portrait", Credit: "Wikimedia"},
	}}}
	c := NewEventCard()
	w := test.NewWindow(c)
	defer w.Close()
	c.SetEvent(tl, 0)
	got := cardText(c)
	for _, want := range []string{"Winter 1815", "Group: Pioneers", "Media: Portrait — credit: Wikimedia"} {
		if !strings.Contains(got, want) {
			t.Errorf("card lacks %q:\n%s", want, got)
		}
	}
	var link *KeyLink
	for _, o := range c.body.Objects {
		if h, ok := o.(*KeyLink); ok && h.Visible() {
			link = h
		}
	}
	if link == nil || link.URL.String() != "https://example.org/ada.jpg" {
		t.Errorf("no link to the media: %v", link)
	}
}

// TestTextsUseGlyphsOfFynesFonts checks that what the card and the result
// rows write for every event of the built-in data set can be drawn with
// Fyne's own fonts: a missing glyph makes Fyne load a system font before
// the first frame, or draw a box where the system has none.
func TestTextsUseGlyphsOfFynesFonts(t *testing.T) {
	tl, _ := data.Default()
	var texts []string
	for i := range tl.Events {
		e := &tl.Events[i]
		texts = append(texts, e.Title, e.ShortLabel(), e.Summary, e.Place, e.ReportedBy, RowDate(e), RowContext(tl, e))
		for _, q := range e.Quotes {
			texts = append(texts, "“"+q.Text+"”", "— "+q.By)
		}
	}
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		f, err := font.ParseTTF(bytes.NewReader(theme.DefaultTheme().Font(style).Content()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			for _, r := range s {
				if _, ok := f.NominalGlyph(r); !ok {
					t.Errorf("%q (U+%04X) in %q is not in Fyne's font (%+v)", r, r, s, style)
				}
			}
		}
	}
}

// The card fills the same widgets for every event and on Refresh (a theme
// change): it made new ones each time, and Fyne keeps a widget's renderer
// for a minute after it was last drawn, so that stepping through the
// events and changing themes kept hundreds of them.
func TestEventCardReusesItsWidgets(t *testing.T) {
	c, tl, _ := cardWindow(t, 600, 900)
	shown := func() map[fyne.CanvasObject]bool {
		objs := map[fyne.CanvasObject]bool{}
		for _, o := range c.body.Objects {
			objs[o] = true
		}
		return objs
	}
	first := make([]map[fyne.CanvasObject]bool, len(tl.Events))
	for i := range tl.Events {
		c.SetEvent(tl, i)
		first[i] = shown()
	}
	for i := range tl.Events {
		c.SetEvent(tl, i)
		c.Refresh()
		for o := range shown() {
			if !first[i][o] {
				t.Errorf("%s: the card made a new %T", tl.Events[i].ID, o)
			}
		}
	}
}

// shownLinks are the links the card shows (and not those its skeleton
// holds hidden), in order.
func shownLinks(c *EventCard) []*KeyLink {
	var links []*KeyLink
	for _, o := range c.body.Objects {
		if l, ok := o.(*KeyLink); ok && l.Visible() && l.URL == nil {
			links = append(links, l)
		}
	}
	return links
}

// The card's parts are made once: stepping through every event, and a
// theme change, leave the same objects in its body, so that a
// ThemeOverride around the card reaches all of them. An event with fewer
// quotes and links than the one before shows only its own.
func TestCardSkeletonIsFixed(t *testing.T) {
	c, tl, _ := cardWindow(t, 600, 900)
	before := append([]fyne.CanvasObject(nil), c.body.Objects...)
	for i := range tl.Events {
		c.SetEvent(tl, i)
		c.Refresh()
		if len(c.body.Objects) != len(before) {
			t.Fatalf("event %d: the body holds %d objects, it was made with %d", i, len(c.body.Objects), len(before))
		}
		for k, o := range c.body.Objects {
			if o != before[k] {
				t.Fatalf("event %d: object %d of the body was replaced", i, k)
			}
		}
		quotes := 0
		for _, q := range c.quotes {
			if q.box.Visible() {
				quotes++
			}
		}
		if want := len(tl.Events[i].Quotes); quotes != want {
			t.Errorf("event %s shows %d quotes, has %d", tl.Events[i].ID, quotes, want)
		}
		if got := len(shownLinks(c)); got != len(tl.Events[i].Related) {
			t.Errorf("event %s shows %d related links, has %d", tl.Events[i].ID, got, len(tl.Events[i].Related))
		}
	}
	c.SetEvent(nil, -1)
	for _, o := range c.body.Objects {
		if o.Visible() != (o == c.hint) {
			t.Errorf("with no event, %T visible=%v", o, o.Visible())
		}
	}
}

// A ThemeOverride around the card restyles every part, the quote bars'
// accent included, for events shown after it was made.
func TestCardFollowsAThemeOverride(t *testing.T) {
	test.NewTempApp(t)
	tl := defaultData(t)
	c := NewEventCard()
	big := &sizedTheme{Theme: theme.DefaultTheme(), text: 40}
	over := container.NewThemeOverride(c, big)
	w := test.NewWindow(over)
	defer w.Close()
	w.Resize(fyne.NewSize(800, 1200))
	i := tl.Index("nice-note-denial")
	c.SetEvent(tl, i)
	if got := c.title.Theme().Size(theme.SizeNameText); got != 40 {
		t.Errorf("the title's text size is %v inside the override, want 40", got)
	}
	if got := c.icon.size; got != 40*1.4 {
		t.Errorf("the kind icon is %v, want %v", got, 40*1.4)
	}
	want := big.Color(theme.ColorNamePrimary, theme.VariantLight)
	if c.quotes[0].bar.FillColor != want {
		t.Errorf("the quote bar is %v, want the override's primary %v", c.quotes[0].bar.FillColor, want)
	}
}

// sizedTheme is a theme whose text is of another size and primary colour.
type sizedTheme struct {
	fyne.Theme
	text float32
}

func (s *sizedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return s.text
	}
	return s.Theme.Size(n)
}

func (s *sizedTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePrimary {
		return color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xff}
	}
	return s.Theme.Color(n, v)
}

// Disputed accounts show on both events, as the data says them: the claim
// names its denial, the denial names the claim, and an event whose
// accounts differ says how.
func TestCardShowsDisputes(t *testing.T) {
	c, tl, _ := cardWindow(t, 700, 1200)
	for id, want := range map[string]string{
		"nice-note-claim":  "Disputed: North Korea's foreign ministry denied this the next day (Apr 19, 2020)",
		"nice-note-denial": "Disputes: Apr 18, 2020: ",
		"birthday-message": "Disputed: how it was delivered. It was reportedly delivered by South Korean officials",
	} {
		c.SetEvent(tl, tl.Index(id))
		if got := cardText(c); !strings.Contains(got, want) {
			t.Errorf("%s: card lacks %q:\n%s", id, want, got)
		}
	}
	c.SetEvent(tl, tl.Index("singapore-summit"))
	if got := cardText(c); strings.Contains(got, "Disput") {
		t.Errorf("an undisputed event says:\n%s", got)
	}
}

// Hidden, the card keeps the date, kind, who wrote to whom, the place and
// who reports it, and hides the title, summary, quotes and dispute; shown
// again, it has them all back.
func TestCardHidesWhatHappened(t *testing.T) {
	c, tl, _ := cardWindow(t, 700, 1000)
	i := tl.Index("nice-note-claim")
	e := tl.Events[i]
	c.SetHidden(true)
	c.SetEvent(tl, i)
	got := cardText(c)
	for _, want := range []string{e.DisplayDate(), e.Kind.Label(), "From ", "What happened?", "According to: " + e.ReportedBy} {
		if !strings.Contains(got, want) {
			t.Errorf("hidden card lacks %q:\n%s", want, got)
		}
	}
	for _, not := range []string{e.Title, e.Summary, e.Quotes[0].Text, "Disputed", "North Korea denies"} {
		if strings.Contains(got, not) {
			t.Errorf("hidden card shows %q:\n%s", not, got)
		}
	}
	c.SetHidden(false)
	got = cardText(c)
	for _, want := range []string{e.Title, e.Summary, e.Quotes[0].Text, "Disputed", e.DisplayDate()} {
		if !strings.Contains(got, want) {
			t.Errorf("revealed card lacks %q:\n%s", want, got)
		}
	}
}

func TestCardHiddenImage(t *testing.T) {
	c, tl, w := cardWindow(t, 800, 500)
	c.SetHidden(true)
	c.SetEvent(tl, tl.Index("nice-note-claim"))
	test.AssertImageMatches(t, "card_hidden.png", w.Canvas().Capture())
}
