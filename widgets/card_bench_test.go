package widgets

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// scaledTheme is Fyne's theme with every size times scale, as the app's
// largest text scale (2.5) makes it.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.scale }

// wordSeed makes each text words returns different.
var wordSeed uint64

// words is n characters of made-up words of 1 to 10 letters in sentences,
// one paragraph, different on every call: few of its words have been
// measured before, as in an event shown for the first time, so the
// benchmarks time the worst case.
func words(n int) string {
	wordSeed++
	r := rand.New(rand.NewPCG(wordSeed, 7))
	var b strings.Builder
	for i := 1; b.Len() < n; i++ {
		for range 1 + r.IntN(10) {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		if i%11 == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()[:n]
}

// fillCard shows tl's events in a card in a scrolled window of the given
// width at text scale 2.5, as in the app's sidebar, and returns a function
// that shows the next one and lays the card out, as selecting it does.
// Going round the events, each one's text is new to Fyne's cache of
// measured text, as an event selected for the first time is.
func fillCard(b *testing.B, tl *data.Timeline, width float32) func() {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), 2.5})
	c := NewEventCard()
	scroll := container.NewVScroll(c)
	w := test.NewWindow(scroll)
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(width, 800))
	i := 0
	return func() {
		c.SetEvent(tl, i%len(tl.Events))
		i++
		scroll.Refresh()
		c.MinSize()
	}
}

// distinct is how many different events a benchmark goes round.
const distinct = 16

// BenchmarkEventCardLongText: filling the card grows linearly with the
// length of an event's summary, one paragraph of ordinary words, at the
// largest text scale. In one Label it grew with the square (Fyne wraps a
// text by measuring the rest of it for every line): 4,000 characters took
// 450 ms.
func BenchmarkEventCardLongText(b *testing.B) {
	for _, n := range []int{1_000, 4_000, 16_000} {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			tl := &data.Timeline{Title: "T"}
			for range distinct {
				tl.Events = append(tl.Events, data.Event{ID: "x", Kind: data.KindContext,
					Date: data.DayDate(2000, 1, 1), Title: "Long", Summary: words(n)})
			}
			fill := fillCard(b, tl, 600)
			b.ReportAllocs()
			for b.Loop() {
				fill()
			}
		})
	}
}

// BenchmarkEventCardAtLimits: the card's worst case, an event whose every
// field is as long as data lets it be (twenty quotes of 1,000 characters,
// a 4,000-character summary…), shown at the largest text scale.
func BenchmarkEventCardAtLimits(b *testing.B) {
	for _, width := range []float32{400, 800} {
		b.Run(fmt.Sprintf("width=%v", width), func(b *testing.B) {
			fill := fillCard(b, atLimits(b), width)
			b.ReportAllocs()
			for b.Loop() {
				fill()
			}
		})
	}
}

// atLimits is a timeline of events whose every text field is at its
// limit.
func atLimits(b *testing.B) *data.Timeline {
	var events []string
	for i := range distinct {
		var quotes []string
		for range data.MaxQuotes {
			quotes = append(quotes, `{"text": "`+words(data.MaxQuote)+`", "by": "`+words(data.MaxName)+`"}`)
		}
		events = append(events, fmt.Sprintf(`{"id": "e%d", "date": "2000-01-01", "kind": "letter", "from": "a", "to": "b", "source": "s",
		  "title": "%s", "summary": "%s", "place": "%s", "group": "%s", "reported_by": "%s", "display_date": "%s",
		  "media": {"url": "https://example.org/", "caption": "%s", "credit": "%s"}, "quotes": [%s]}`,
			i, words(data.MaxTitle), words(data.MaxSummary), words(data.MaxName), words(data.MaxName), words(data.MaxName),
			words(data.MaxDate), words(data.MaxCaption), words(data.MaxCredit), strings.Join(quotes, ", ")))
	}
	doc := `{"title": "T", "people": [{"id": "a", "name": "` + words(data.MaxName) + `", "side": "above"},
	  {"id": "b", "name": "` + words(data.MaxName) + `", "side": "below"}],
	  "sources": [{"id": "s", "title": "` + words(data.MaxTitle) + `", "publisher": "` + words(data.MaxName) + `"}],
	  "events": [` + strings.Join(events, ",\n") + `]}`
	tl, ps, err := data.Load("limits.json", strings.NewReader(doc))
	if err != nil || len(ps) > 0 {
		b.Fatal(err, ps)
	}
	return tl
}
