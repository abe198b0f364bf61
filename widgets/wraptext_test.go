package widgets

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// monoFont measures every character as 1 wide, rows as 2 high, and
// counts how many times it is asked.
type monoFont struct{ asked *int }

func (f monoFont) width(_ int, s string) float32 {
	*f.asked++
	return float32(utf8.RuneCountInString(s))
}
func (f monoFont) height(int) float32 { return 2 }

func TestWrapRows(t *testing.T) {
	seg := func(s string, inline bool) *widget.TextSegment {
		return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: inline}}
	}
	for _, tt := range []struct {
		name   string
		segs   []*widget.TextSegment
		width  float32
		rows   string // the pieces, "|" between pieces on a row, "\n" between rows
		height float32
	}{
		{"fits", []*widget.TextSegment{seg("one two", true)}, 10, "one two", 2},
		{"wraps between words", []*widget.TextSegment{seg("one two three four", true)}, 9, "one two\nthree\nfour", 6},
		{"exactly full", []*widget.TextSegment{seg("abc def", true)}, 7, "abc def", 2},
		{"line breaks", []*widget.TextSegment{seg("a\n\nb", true)}, 9, "a\nb", 6},
		{"long word", []*widget.TextSegment{seg("ab cdefghijk l", true)}, 4, "ab\ncdef\nghij\nk l", 8},
		{"inline segments share a row", []*widget.TextSegment{seg("Place: ", true), seg("Hanoi city", true)}, 20, "Place: |Hanoi city", 2},
		{"a segment wraps on", []*widget.TextSegment{seg("Place: ", true), seg("Hanoi city", true)}, 12, "Place: |Hanoi\ncity", 4},
		{"not inline ends its row", []*widget.TextSegment{seg("words", false), seg("by", false)}, 20, "words\nby", 2 + 1 + 2},
	} {
		asked := 0
		pieces, h := wrapRows(tt.segs, tt.width, 1, monoFont{&asked})
		var b strings.Builder
		for i, p := range pieces {
			switch {
			case i == 0:
			case p.y != pieces[i-1].y:
				b.WriteString("\n")
			default:
				b.WriteString("|")
			}
			b.WriteString(p.text)
		}
		if b.String() != tt.rows || h != tt.height {
			t.Errorf("%s: rows %q, height %v; want %q, %v", tt.name, b.String(), h, tt.rows, tt.height)
		}
		checkOffsets(t, tt.name, tt.segs, pieces)
	}
	// Each word is measured once (and a word wider than a row once per
	// character): the cost grows with the length of the text.
	for _, n := range []int{1_000, 10_000} {
		asked := 0
		wrapRows([]*widget.TextSegment{seg(strings.Repeat("word ", n), true)}, 40, 1, monoFont{&asked})
		if asked > n+3 {
			t.Errorf("%d words measured %d times", n, asked)
		}
	}
}

// checkOffsets holds each piece's offset to where its text is in the
// segments' text: what selecting with the mouse relies on.
func checkOffsets(t *testing.T, name string, segs []*widget.TextSegment, pieces []wrapPiece) {
	t.Helper()
	var all strings.Builder
	for _, s := range segs {
		all.WriteString(s.Text)
	}
	end := 0
	for _, p := range pieces {
		if p.off < end || p.off+len(p.text) > all.Len() || all.String()[p.off:p.off+len(p.text)] != p.text {
			t.Errorf("%s: piece %q says it starts at %d of %q (after %d)", name, p.text, p.off, all.String(), end)
			return
		}
		end = p.off + len(p.text)
	}
}

func TestWrapRowsOffsets(t *testing.T) {
	seg := func(s string) *widget.TextSegment {
		return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true}}
	}
	texts := []string{"", " ", "  two  spaces ", "a\n\nb\n", "Ürsula’s 🙂 letter", "averyveryverylongword and more", "\n", "x "}
	for _, a := range texts {
		for _, b := range texts {
			for _, width := range []float32{1, 3, 7, 40} {
				asked := 0
				segs := []*widget.TextSegment{seg(a), seg(b)}
				pieces, _ := wrapRows(segs, width, 1, monoFont{&asked})
				checkOffsets(t, fmt.Sprintf("%q+%q at %v", a, b, width), segs, pieces)
			}
		}
	}
}

// shownLines is the text o shows in a window of the given width, row by
// row: the canvas.Text pieces at each height, left to right.
func shownLines(t *testing.T, o fyne.CanvasObject, width float32) []string {
	t.Helper()
	w := test.NewWindow(o)
	defer w.Close()
	w.Resize(fyne.NewSize(width, 3000))
	type piece struct {
		x, y float32
		text string
	}
	var pieces []piece
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch o := o.(type) {
		case *canvas.Text:
			if o.Text != "" {
				pieces = append(pieces, piece{at.X, float32(int(at.Y + 0.5)), o.Text})
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, at)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c, at)
			}
		}
	}
	walk(w.Content(), fyne.Position{})
	slices.SortFunc(pieces, func(a, b piece) int { return cmp.Or(cmp.Compare(a.y, b.y), cmp.Compare(a.x, b.x)) })
	var lines []string
	for i, p := range pieces {
		if i == 0 || p.y != pieces[i-1].y {
			lines = append(lines, fmt.Sprintf("y=%v ", p.y))
		}
		lines[len(lines)-1] += p.text
	}
	return lines
}

// TestWrapTextShowsTextAsRichText: a wrapText breaks ordinary text into the
// same rows as a RichText, at the same heights, at several widths and
// text sizes.
func TestWrapTextShowsTextAsRichText(t *testing.T) {
	text := "Kim Jong Un’s letter of December 2018 praised “the historic Singapore summit” and hoped for a second meeting. " +
		"Trump answered that he looked forward to it.\nA line of its own.\n\nA second paragraph, after a blank line, " +
		"with a somewhat longer sentence in it so that it wraps more than once at the widths tried here."
	for _, style := range []widget.RichTextStyle{widget.RichTextStyleInline, widget.RichTextStyleHeading} {
		for _, width := range []float32{180, 333, 500, 800} {
			test.NewTempApp(t)
			rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: style})
			rt.Wrapping = fyne.TextWrapWord
			want := shownLines(t, rt, width)
			got := shownLines(t, newWrapText(&widget.TextSegment{Text: text, Style: style}), width)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("size %s, width %v: wrapText shows\n%s\nRichText shows\n%s", style.SizeName, width,
					strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestLineShaperMeasuresAsFyne: the widths lineShaper gives the words of a
// line are those Fyne measures for each word alone, and words with a
// character the theme's font lacks are left to Fyne.
func TestLineShaperMeasuresAsFyne(t *testing.T) {
	test.NewTempApp(t)
	th := fyne.CurrentApp().Settings().Theme()
	line := "office Kim Jong Un’s “letter” é Pyŏngyang AVATAR fi ffl 1815 — 北京 done."
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		for _, size := range []float32{11.2, 14, 35} {
			key := wrapKey{font: th.Font(style), size: size, style: style}
			widths := map[wrapKey]float32{}
			shaper.measureWords(line, key, widths)
			for _, w := range strings.Split(line, " ") {
				key.s = w
				got, ok := widths[key]
				if w == "北京" {
					if ok {
						t.Errorf("%q measured, though the font lacks it", w)
					}
					continue
				}
				want := fyne.MeasureText(w, size, style).Width
				if !ok || got < want-0.01 || got > want+0.01 {
					t.Errorf("%+v %v: %q is %v wide (measured %v), Fyne says %v", style, size, w, got, ok, want)
				}
			}
		}
	}
}

// TestShaperWidthIsFynes: lineShaper.width gives what fyne.MeasureText
// gives, to the last bit, for every prefix of texts as fitText tries them
// (kerning, ligatures, accents, several scripts, bold and italic), and
// leaves to Fyne what Fyne measures otherwise.
func TestShaperWidthIsFynes(t *testing.T) {
	test.NewTempApp(t)
	th := fyne.CurrentApp().Settings().Theme()
	texts := []string{
		"Trump calls off the Singapore summit by letter",
		"AVATAR Wolf “To” fi ffl office — 1815, Pyŏngyang é Ω Жуков",
		"Kim Jong Un’s “beautiful letter”…",
		"  two  spaces ",
	}
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		for _, size := range []float32{11.2, 14, 35} {
			for _, s := range texts {
				for end := range len(s) + 1 {
					if !utf8.RuneStart(s[min(end, len(s)-1)]) && end < len(s) {
						continue
					}
					want := fyne.MeasureText(s[:end], size, style).Width
					got, ok := shaper.width(s[:end], th.Font(style), size)
					if !ok || got != want {
						t.Fatalf("%+v %v: %q is %v wide (ok %v), Fyne says %v", style, size, s[:end], got, ok, want)
					}
				}
			}
		}
	}
	for _, s := range []string{"北京", "a\tb", "a\rb", "smile 🙂"} {
		if w, ok := shaper.width(s, th.Font(fyne.TextStyle{}), 14); ok {
			t.Errorf("%q measured (%v): Fyne measures it with another font or tab stops", s, w)
		}
	}
}

// TestShaperKeepsItsFonts: measuring a word again with the same font makes
// no new HarfBuzz font. go-text's shaper keeps none unless told how many
// (its cache's size is 0), and making one, with its lookup tables, is most
// of what measuring a word costs: the timeline measuring 100,000 chips at a
// new text size (entering presentation) held the window for over 40 s.
// Making a font allocates some 170 times; shaping a word some 40.
func TestShaperKeepsItsFonts(t *testing.T) {
	test.NewTempApp(t)
	th := fyne.CurrentApp().Settings().Theme()
	regular, bold := th.Font(fyne.TextStyle{}), th.Font(fyne.TextStyle{Bold: true})
	shaper.width("warm", regular, 14)
	shaper.width("warm", bold, 14)
	allocs := testing.AllocsPerRun(20, func() {
		shaper.width("letter", regular, 14)
		shaper.width("letter", bold, 14) // both styles, as the timeline's chips
	})
	if allocs > 200 { // 424 when it made a font each time, 86 when it keeps them
		t.Errorf("measuring two words allocates %v times: the shaper makes a new HarfBuzz font each time", allocs)
	}
}
