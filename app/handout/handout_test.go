package handout

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// testFonts are the app's fonts: Fyne's Noto Sans, as the app's theme
// gives them.
func testFonts() Fonts {
	return Fonts{Regular: theme.DefaultTextFont().Content(), Bold: theme.DefaultTextBoldFont().Content(),
		Italic: theme.DefaultTextItalicFont().Content()}
}

func allEvents(tl *data.Timeline) []int {
	ev := make([]int, len(tl.Events))
	for i := range ev {
		ev[i] = i
	}
	return ev
}

// testStrip stands in for the timeline the app draws: grey with a band.
func testStrip() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 900, 260))
	for y := 0; y < 260; y++ {
		for x := 0; x < 900; x++ {
			c := color.RGBA{0xf0, 0xf0, 0xf0, 0xff}
			if y > 120 && y < 140 {
				c = color.RGBA{0x15, 0x65, 0xc0, 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// writePDF writes the handout of events of tl to a file in a temporary
// folder and returns its path.
func writePDF(t testing.TB, tl *data.Timeline, events []int, paper string) string {
	t.Helper()
	var b bytes.Buffer
	opt := Options{Paper: paper, Fonts: testFonts(), Generated: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)}
	if err := Write(&b, tl, events, testStrip(), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// needPoppler skips the test when poppler-utils' tools are missing.
func needPoppler(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s (poppler-utils) is not installed: the PDF cannot be read back", tool)
		}
	}
}

// pdfPages reads the PDF's text back with pdftotext, page by page, each
// page's white space made single spaces.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	for k := range pages {
		pages[k] = squash(pages[k])
	}
	return pages
}

// pdfPageCount is what pdfinfo says the PDF has.
func pdfPageCount(t *testing.T, path string) (pages int, size string) {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	s := regexp.MustCompile(`(?m)^Page size:\s+(.*)$`).FindSubmatch(out)
	return n, string(s[1])
}

var spaces = regexp.MustCompile(`\s+`)

func squash(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// cardText is everything event e's card says, in order, as read back:
// kind and date, who wrote to whom and where, title, summary, each quote
// and who said it, who reports it, and the source.
func cardText(tl *data.Timeline, e *data.Event) string {
	var who []string
	for _, s := range []string{tl.FromTo(e), e.Place, e.Group} {
		if s != "" {
			who = append(who, s)
		}
	}
	parts := []string{strings.ToUpper(e.Kind.Label()), e.DisplayDate(), strings.Join(who, " · "), e.Title, e.Summary}
	for _, q := range e.Quotes {
		parts = append(parts, "“"+q.Text+"”", "— "+q.By)
	}
	if e.ReportedBy != "" {
		parts = append(parts, "According to: "+e.ReportedBy)
	}
	if s, ok := tl.Source(e.Source); ok {
		parts = append(parts, "Source: "+s.Citation())
	}
	return squash(strings.Join(parts, " "))
}

// checkCards checks that the PDF's pages hold the title page, then every
// event's whole card, in order, each on one page, and "Title page k of n"
// at the foot of every page, n being the page count pdfinfo gives.
func checkCards(t *testing.T, path string, tl *data.Timeline, events []int) {
	t.Helper()
	pages := pdfPages(t, path)
	n, _ := pdfPageCount(t, path)
	if len(pages) != n {
		t.Fatalf("pdftotext read %d pages, pdfinfo says %d", len(pages), n)
	}
	for k, p := range pages {
		if foot := fmt.Sprintf("%s page %d of %d", tl.Title, k+1, n); !strings.HasSuffix(p, foot) {
			t.Errorf("page %d does not end with %q: …%s", k+1, foot, p[max(0, len(p)-80):])
		}
	}
	if !strings.HasPrefix(pages[0], tl.Title+" "+tl.Subtitle) {
		t.Errorf("the title page does not start with the title and subtitle: %.120s", pages[0])
	}
	page, at := 1, 0 // where the next card is looked for
	for _, i := range events {
		e := &tl.Events[i]
		want := cardText(tl, e)
		if page >= len(pages) {
			t.Fatalf("%s: no page left for its card", e.ID)
		}
		k := strings.Index(pages[page][at:], want)
		if k < 0 { // on the next page, whole
			page, at = page+1, 0
			if page < len(pages) {
				k = strings.Index(pages[page], want)
			}
		}
		if k < 0 {
			// Say what is wrong: the title missing, or the card cut.
			found := false
			for _, p := range pages {
				found = found || strings.Contains(p, squash(e.Title))
			}
			t.Fatalf("%s: its whole card is on neither page %d nor the next (title found: %v); want\n%s", e.ID, page, found, want)
		}
		at += k + len(want)
	}
	if page != len(pages)-1 {
		t.Errorf("the cards end on page %d of %d", page+1, len(pages))
	}
}

func TestHandoutOfTheArticleReadsBack(t *testing.T) {
	needPoppler(t, "pdftotext", "pdfinfo")
	tl, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ paper, size string }{{A4, "(A4)"}, {Letter, "(letter)"}} {
		t.Run(c.paper, func(t *testing.T) {
			path := writePDF(t, tl, allEvents(tl), c.paper)
			n, size := pdfPageCount(t, path)
			if !strings.HasSuffix(size, c.size) {
				t.Errorf("page size %q, want %s", size, c.size)
			}
			// 17 cards, several to a page, after the title page.
			if n < 3 || n > 1+len(tl.Events)/2 {
				t.Errorf("%d pages for %d events", n, len(tl.Events))
			}
			checkCards(t, path, tl, allEvents(tl))
			title := pdfPages(t, path)[0]
			for _, w := range []string{"May 2018 – September 2020", "17 events: Letter 8 · Message 2 · Meeting 3 · Talks 1 · Statement 1 · Context 2",
				"Source Voice of America, “Newly Obtained Trump-Kim Letters May Reveal More on Unlikely Relationship”, September 2020.",
				"Made with Trump–Kim Letters on November 30, 2026."} {
				if !strings.Contains(title, w) {
					t.Errorf("the title page lacks %q: %s", w, title)
				}
			}
		})
	}
}

func TestHandoutOfAFilterSaysWhatPartItIs(t *testing.T) {
	needPoppler(t, "pdftotext", "pdfinfo")
	tl, _ := data.Default()
	var letters []int
	for i, e := range tl.Events {
		if e.Kind == data.KindLetter {
			letters = append(letters, i)
		}
	}
	path := writePDF(t, tl, letters, A4)
	checkCards(t, path, tl, letters)
	if p := pdfPages(t, path)[0]; !strings.Contains(p, "8 events of 17: Letter 8 ") {
		t.Errorf("the title page does not count the letters: %s", p)
	}
}

func TestHandoutOf2000EventsReadsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("reads back 400 pages")
	}
	needPoppler(t, "pdftotext", "pdfinfo")
	tl, err := data.NewSynthetic(2000, 1)
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, tl, allEvents(tl), Letter)
	checkCards(t, path, tl, allEvents(tl))
}

// TestACardTooLongForAPageIsSmaller checks that an event with every field
// at its limit still gets its card whole on one page, in smaller type.
func TestACardTooLongForAPageIsSmaller(t *testing.T) {
	needPoppler(t, "pdftotext", "pdfinfo")
	words := func(n int, w string) string {
		return strings.TrimSpace(strings.Repeat(w+" ", n/(len(w)+1)))
	}
	e := data.Event{ID: "long", Date: data.DayDate(2019, 6, 30), Kind: data.KindLetter, From: "a", To: "b",
		Title: words(data.MaxTitle, "title"), Summary: words(data.MaxSummary, "summary"),
		Place: words(data.MaxName, "place"), ReportedBy: words(data.MaxName, "reporter"), Source: "s"}
	for range data.MaxQuotes {
		e.Quotes = append(e.Quotes, data.Quote{Text: words(data.MaxQuote, "quoted"), By: words(data.MaxName, "speaker")})
	}
	short := data.Event{ID: "short", Date: data.DayDate(2019, 7, 1), Kind: data.KindMeeting, Title: "After", Summary: "Short."}
	tl := mustTimeline(t, `{"title": "Long", "sources": [{"id": "s", "title": "`+words(data.MaxTitle, "source")+`", "publisher": "P", "date": "2020"}],
		"people": [{"id": "a", "name": "A", "side": "above"}, {"id": "b", "name": "B", "side": "below"}], "events": []}`, e, short)
	for _, paper := range []string{A4, Letter} {
		path := writePDF(t, tl, allEvents(tl), paper)
		checkCards(t, path, tl, allEvents(tl))
	}
}

// mustTimeline parses a timeline from head, whose events are an empty
// list, and gives it events instead.
func mustTimeline(t *testing.T, head string, events ...data.Event) *data.Timeline {
	t.Helper()
	head = strings.Replace(head, `"events": []`, `"events": [{"id": "p", "date": "2000", "kind": "context", "title": "p"}]`, 1)
	tl, err := data.Parse([]byte(head))
	if err != nil {
		t.Fatal(err)
	}
	tl.Events = events
	return tl
}

func TestCharactersTheFontsLackAreMarked(t *testing.T) {
	needPoppler(t, "pdftotext")
	tl := mustTimeline(t, `{"title": "Pyŏngyang “quoted” – 김정은 🚀", "sources": [], "people": [], "events": []}`,
		data.Event{ID: "x", Date: data.DayDate(2019, 6, 30), Kind: data.KindContext, Title: "Zürich, Kraków 김 🚀\x1b end",
			Summary: "tab\there"})
	path := writePDF(t, tl, allEvents(tl), A4)
	pages := pdfPages(t, path)
	for _, w := range []string{"Pyŏngyang “quoted” – \uFFFD\uFFFD\uFFFD \uFFFD", "Zürich, Kraków \uFFFD \uFFFD end", "tab here"} {
		if !strings.Contains(strings.Join(pages, " "), w) {
			t.Errorf("the PDF lacks %q: %q", w, pages)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	tl, _ := data.Default()
	fonts := testFonts()
	for _, c := range []struct {
		name   string
		events []int
		opt    Options
		want   string
	}{
		{"paper", nil, Options{Paper: "legal", Fonts: fonts}, `handout: paper "legal": want a4 or letter`},
		{"event", []int{0, len(tl.Events)}, Options{Fonts: fonts}, "handout: no event 17: the timeline has 17"},
		{"no font", nil, Options{Fonts: Fonts{Regular: fonts.Regular}}, "handout: no bold font"},
		{"bad font", nil, Options{Fonts: Fonts{Regular: fonts.Regular, Bold: []byte("not a font"), Italic: fonts.Italic}}, "handout: bold font: "},
	} {
		var b bytes.Buffer
		err := Write(&b, tl, c.events, nil, c.opt)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
		if b.Len() > 0 {
			t.Errorf("%s: %d bytes written", c.name, b.Len())
		}
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]string{"": A4, "a4": A4, " A4 ": A4, "Letter": Letter, "LETTER": Letter} {
		if got, err := ParsePaper(in); got != want || err != nil {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"legal", "a5", "x"} {
		if _, err := ParsePaper(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestTheSameHandoutGivesTheSameBytes(t *testing.T) {
	tl, _ := data.Default()
	write := func() []byte {
		var b bytes.Buffer
		if err := Write(&b, tl, allEvents(tl), testStrip(), Options{Fonts: testFonts()}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := write(), write(); !bytes.Equal(a, b) {
		t.Error("two handouts of the same events differ")
	}
}

func TestSpan(t *testing.T) {
	tl, _ := data.Default()
	if got := Span(tl, allEvents(tl)); got != "May 2018 – September 2020" {
		t.Errorf("article: %q", got)
	}
	// Some of them, in a search's order (by relevance): their own span.
	some := []int{tl.Index("dmz-meeting"), tl.Index("hanoi-summit"), tl.Index("stockholm-talks")}
	if got := Span(tl, some); got != "February 2019 – October 2019" {
		t.Errorf("three of 2019: %q", got)
	}
	one := mustTimeline(t, `{"title": "x", "sources": [], "people": [], "events": []}`,
		data.Event{ID: "a", Date: data.Date{Year: -44, Precision: data.PrecisionYear}, Title: "a"})
	if got := Span(one, allEvents(one)); got != "44 BCE" {
		t.Errorf("one year: %q", got)
	}
	if got := Span(&data.Timeline{}, nil); got != "" {
		t.Errorf("none: %q", got)
	}
}

// BenchmarkWrite writes the handout of every event of the article (17)
// and of synthetic sets of 2,000 and 10,000 events, to show how the cost
// grows.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{17, 2_000, 10_000} {
		tl, err := data.NewSynthetic(n, 1)
		if n == 17 {
			tl, err = data.Default()
		}
		if err != nil {
			b.Fatal(err)
		}
		events, strip, opt := allEvents(tl), testStrip(), Options{Fonts: testFonts()}
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Write(&buf, tl, events, strip, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

func TestHandoutOfNoEventsWithItsOwnTitle(t *testing.T) {
	needPoppler(t, "pdftotext", "pdfinfo")
	tl, _ := data.Default()
	var b bytes.Buffer
	if err := Write(&b, tl, nil, nil, Options{Title: "Lesson 3: letters", Fonts: testFonts()}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "none.pdf")
	os.WriteFile(path, b.Bytes(), 0o644)
	pages := pdfPages(t, path)
	if n, _ := pdfPageCount(t, path); n != 1 || len(pages) != 1 {
		t.Fatalf("%d pages (%d read)", n, len(pages))
	}
	for _, w := range []string{"Lesson 3: letters " + tl.Subtitle, "0 events of 17", "Lesson 3: letters page 1 of 1"} {
		if !strings.Contains(pages[0], w) {
			t.Errorf("the page lacks %q: %s", w, pages[0])
		}
	}
	if strings.Contains(pages[0], "Made with") {
		t.Error("a handout with no date says when it was made")
	}
}

// TestCombiningMarksStayWithTheirLetter: text written with combining marks
// (a Vietnamese "Hà Nội" decomposed, as macOS and some PDFs give it) breaks
// into the same lines as the same text composed. fpdf's SplitText counts a
// zero-width mark as 65,535 units and ended the line at every one.
func TestCombiningMarksStayWithTheirLetter(t *testing.T) {
	d, err := newDoc(A4, Options{Fonts: testFonts()})
	if err != nil {
		t.Fatal(err)
	}
	composed := strings.Repeat("Hội nghị thượng đỉnh Hà Nội ", 12)
	decomposed := strings.Repeat("Ho\u0302\u0323i nghi\u0323 thu\u031bo\u031b\u0323ng \u0111i\u0309nh Ha\u0300 No\u0302\u0323i ", 12)
	for _, size := range []float64{9, 14} {
		want := d.set(nil, d.textW, 1, para{text: composed, size: size})
		got := d.set(nil, d.textW, 1, para{text: decomposed, size: size})
		if len(got) != len(want) {
			t.Errorf("at %vpt: %d lines decomposed, %d composed; the first: %q", size, len(got), len(want), got[0].text)
		}
		for _, l := range got {
			if r, _ := utf8.DecodeRuneInString(l.text); unicode.Is(unicode.Mn, r) {
				t.Errorf("at %vpt: a line starts with the combining mark %U: %q", size, r, l.text)
				break
			}
		}
	}
}
