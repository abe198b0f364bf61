package widgets

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// rowTexts are texts a row may have to cut: empty, one letter, accented,
// combining marks, CJK, emoji (no emoji font: drawn from a fallback),
// long and unbroken.
var rowTexts = []string{
	"",
	"e",
	"Hanoi summit ends without a deal",
	"Pyŏngyang, North Korea",
	"Kim Jong Un (김정은) to Donald Trump",
	"e\u0301e\u0301e\u0301 cafe\u0301",
	"金正恩 トランプ 書簡 ✉",
	"👍🏽 letters 💌",
	strings.Repeat("A", 300),
	strings.Repeat("Überraschung ", 25),
}

// fitPrefix must return the longest prefix that fits, at a character
// boundary, for any width. It read the byte past the end of a piece that
// fitted all but its last character (the window 1160 px wide: "index out of
// range [43] with length 43").
func TestFitPrefixAnyWidth(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range rowTexts {
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			p := canvas.NewText(s, nil)
			p.TextSize, p.TextStyle = 14, style
			full := fyne.MeasureText(s, p.TextSize, style).Width
			for w := float32(-3); w <= full+5; w += 0.25 {
				var n int
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("fitPrefix(%q, %v): panic %v", s, w, r)
						}
					}()
					n = fitPrefix(p, w)
				}()
				if n < 0 || n > len(s) || (n < len(s) && !utf8.RuneStart(s[n])) {
					t.Fatalf("fitPrefix(%q, %v) = %d: not a character boundary", s, w, n)
				}
				if n > 0 && fyne.MeasureText(s[:n], p.TextSize, style).Width > w {
					t.Errorf("fitPrefix(%q, %v) = %d: %q is wider", s, w, n, s[:n])
				}
				if n < len(s) {
					_, r := utf8.DecodeRuneInString(s[n:])
					if fyne.MeasureText(s[:n+r], p.TextSize, style).Width <= w {
						t.Errorf("fitPrefix(%q, %v) = %d: %q fits too", s, w, n, s[:n+r])
					}
				}
			}
		}
	}
}

// A row laid out at every width from nothing to wider than its text must
// neither panic nor draw past its width, nor cut a character in two.
func TestResultRowAnyWidth(t *testing.T) {
	test.NewTempApp(t)
	r := NewResultRow()
	w := test.NewWindow(r)
	w.SetPadded(false)
	defer w.Close()
	type rowCase struct {
		title string
		m     data.Match
	}
	var cases []rowCase
	for _, s := range rowTexts {
		n := utf8.RuneCountInString(s)
		cases = append(cases,
			rowCase{s, data.Match{Field: data.FieldTitle, Text: s}},
			rowCase{s, data.Match{Field: data.FieldTitle, Text: s, Runes: []int{0}}},
			rowCase{s, data.Match{Field: data.FieldTitle, Text: s, Runes: []int{max(n-1, 0)}}},
			rowCase{"Title", data.Match{Field: data.FieldSummary, Text: s, Runes: []int{n / 2, n/2 + 1}}},
		)
		var every []int // every other character highlighted: more runs than pieces
		for i := 0; i < n; i += 2 {
			every = append(every, i)
		}
		cases = append(cases, rowCase{s, data.Match{Field: data.FieldTitle, Text: s, Runes: every}})
	}
	for k, c := range cases {
		date := "Jun 12, 2018  ·  Letter"
		if k%2 == 1 { // an imported date can be any text
			date = rowTexts[k/2%len(rowTexts)] + "  ·  Context"
		}
		r.SetLines(data.KindLetter, date, c.title, c.m, "Donald Trump to Kim Jong Un")
		rr := test.WidgetRenderer(r).(*resultRowRenderer)
		for width := float32(0); width <= 700; width += 1.5 {
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("title %q, match %q %v, width %v: panic %v", c.title, c.m.Text, c.m.Runes, width, p)
					}
				}()
				r.Resize(fyne.NewSize(width, 80))
			}()
			for _, l := range []*linePieces{&rr.date, &rr.title, &rr.context} {
				right := float32(0)
				for i := 0; i < l.used; i++ {
					p := l.pieces[i]
					if !p.Visible() {
						continue
					}
					if !utf8.ValidString(p.Text) && utf8.ValidString(c.m.Text) {
						t.Fatalf("width %v: piece %q is not valid UTF-8", width, p.Text)
					}
					right = max(right, p.Position().X+fyne.MeasureText(p.Text, p.TextSize, p.TextStyle).Width)
				}
				if l.ellipsis.Visible() {
					right = max(right, l.ellipsis.Position().X+l.ellipsis.Size().Width)
				}
				// a row narrower than its margins still shows the "…"
				pad := rr.row.Theme().Size("innerPadding") / 2
				start := l.pieces[0].Position().X
				if limit := max(width-pad, start+fyne.MeasureText("…", l.ellipsis.TextSize, l.ellipsis.TextStyle).Width); right > limit+0.5 {
					t.Fatalf("title %q, match %q %v, width %v: line drawn to %v", c.title, c.m.Text, c.m.Runes, width, right)
				}
			}
		}
	}
}

// collected reports whether the object made by mk is garbage collected
// once nothing refers to it, within a few collections.
func collected(mk func() any) bool {
	done := make(chan struct{})
	func() {
		o := mk()
		runtime.SetFinalizer(o, func(any) { close(done) })
	}()
	for range 10 {
		runtime.GC()
		select {
		case <-done:
			return true
		case <-time.After(10 * time.Millisecond):
		}
	}
	return false
}

// widget.List makes a row on every Refresh only to ask its MinSize (the
// app refreshes the list on every keystroke). Answering made the row's
// renderer, which Fyne's renderer cache kept, with the row, for a minute
// in the window and for ever under the test driver.
func TestResultRowMinSizeKeepsNoRenderer(t *testing.T) {
	test.NewTempApp(t)
	if !collected(func() any {
		r := NewResultRow()
		r.MinSize()
		return r
	}) {
		t.Error("a row asked for its MinSize is kept after it is dropped")
	}
	// the check itself: a row that was drawn is kept by the cache
	if collected(func() any {
		r := NewResultRow()
		test.WidgetRenderer(r)
		return r
	}) {
		t.Error("a rendered row was collected: the check cannot tell")
	}
}

// TestAHighlightKeepsItsCombiningMarks: a title written with combining
// marks ("Hội nghị" decomposed) and found by "hoi nghi" is drawn with its
// marks. The search folds a mark away, so the match names the letters and
// not their marks; each mark then stood alone in a piece of its own
// between two highlighted letters, drawn with no letter to sit on: the row
// read "Hoi nghi".
func TestAHighlightKeepsItsCombiningMarks(t *testing.T) {
	title := "Ho\u0302\u0323i nghi\u0323 Ha\u0300 No\u0302\u0323i"
	tl := &data.Timeline{Events: []data.Event{{ID: "a", Title: title, Date: data.Date{Year: 2019, Month: 2, Day: 28}}}}
	ix := data.NewIndex(tl)
	ms := ix.Search("hoi nghi")
	if len(ms) != 1 {
		t.Fatalf("hoi nghi finds %d events, want 1", len(ms))
	}
	r := NewResultRow()
	r.Set(tl, &tl.Events[0], ms[0])
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 80))
	rr := test.WidgetRenderer(r).(*resultRowRenderer)
	var drawn strings.Builder
	for i := 0; i < rr.title.used; i++ {
		p := rr.title.pieces[i].Text
		if first, _ := utf8.DecodeRuneInString(p); unicode.Is(unicode.Mn, first) {
			t.Errorf("piece %d, %q, starts with the mark %U: it has no letter to sit on", i, p, first)
		}
		drawn.WriteString(p)
	}
	if drawn.String() != title {
		t.Errorf("the title's pieces read %q, want %q", drawn.String(), title)
	}
}
