package widgets

import (
	"bytes"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// lineShaper measures the words of a line of text in one shaping of the
// line, with one HarfBuzz shaper kept for every line. Fyne's own measure
// makes a new shaper, font and shaping plan for every text it measures:
// about 90 µs of CPU for a word, which made a wrapText of a 2,000-character
// summary of new words cost 30 ms to show the first time. It shapes as
// Fyne does (the same segmenting into runs, left to right), in the theme's
// font for the style; words with a character that font lacks, which Fyne
// takes from another font, are left for Fyne to measure.
type lineShaper struct {
	shaper    shaping.HarfbuzzShaper
	segmenter shaping.Segmenter
	faces     map[fyne.Resource]*font.Face // nil for a font that does not parse
}

// shaper is the one lineShaper, used on the UI goroutine only.
var shaper = newLineShaper()

// shaperFonts is how many HarfBuzz fonts the shaper keeps: one for each
// font the theme draws with (regular, bold, italic, bold italic,
// monospace, symbol), and some room.
const shaperFonts = 8

func newLineShaper() lineShaper {
	s := lineShaper{faces: map[fyne.Resource]*font.Face{}}
	// go-text's shaper keeps no font unless told how many (the size of its
	// cache is 0): it would make a new HarfBuzz font, with its lookup
	// tables, for every text it shapes, hundreds of allocations a word.
	s.shaper.SetFontCacheSize(shaperFonts)
	return s
}

// face is res parsed, once; nil for a font that does not parse.
func (s *lineShaper) face(res fyne.Resource) *font.Face {
	f, ok := s.faces[res]
	if !ok {
		if res != nil {
			f, _ = font.ParseTTF(bytes.NewReader(res.Content()))
		}
		s.faces[res] = f
	}
	return f
}

// width is how wide text is in font res at size, as fyne.MeasureText
// would say to the last bit when res is the theme's font for the style:
// the same runs, each shaped alone as Fyne does and added up in the same
// order, by a shaper that keeps its HarfBuzz font and plans. ok is false
// for what Fyne would measure otherwise: a character res lacks (Fyne takes
// it from another font), a tab or a carriage return.
func (s *lineShaper) width(text string, res fyne.Resource, size float32) (w float32, ok bool) {
	f := s.face(res)
	if f == nil || strings.ContainsAny(text, "\t\r") {
		return 0, false
	}
	runes := []rune(text)
	for _, r := range runes {
		if _, ok := f.NominalGlyph(r); !ok {
			return 0, false
		}
	}
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: f,
		Size: fixed.Int26_6(float64(size) * (1 << 6))}
	for _, run := range s.segmenter.Split(in, oneFace{f}) {
		var adv fixed.Int26_6
		for _, g := range s.shaper.Shape(run).Glyphs {
			if g.GlyphID == 0 {
				return 0, false
			}
			adv += g.XAdvance
		}
		w += float32(float64(adv) / 64)
	}
	return w, true
}

type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// measureWords puts the width of every word of line (the text between
// single spaces) in font res at size into widths under key, but for words
// with a character res lacks. It does nothing when every word is there.
func (s *lineShaper) measureWords(line string, key wrapKey, widths map[wrapKey]float32) {
	words := strings.Split(line, " ")
	missing := false
	for _, w := range words {
		key.s = w
		if _, ok := widths[key]; !ok {
			missing = true
			break
		}
	}
	if !missing || strings.ContainsRune(line, '\t') { // Fyne puts tabs at tab stops
		return
	}
	f := s.face(key.font)
	if f == nil {
		return
	}
	text := []rune(line)
	adv := make([]fixed.Int26_6, len(text))
	in := shaping.Input{Text: text, RunEnd: len(text), Direction: di.DirectionLTR, Face: f,
		Size: fixed.Int26_6(float64(key.size) * (1 << 6))}
	for _, run := range s.segmenter.Split(in, oneFace{f}) {
		for _, g := range s.shaper.Shape(run).Glyphs {
			adv[g.ClusterIndex] += g.XAdvance
		}
	}
	i := 0 // rune index of the word
	for _, w := range words {
		var sum fixed.Int26_6
		known := true
		for _, r := range w {
			if _, ok := f.NominalGlyph(r); !ok {
				known = false
			}
			sum += adv[i]
			i++
		}
		if known {
			key.s = w
			widths[key] = float32(float64(sum) / 64)
		}
		i++ // the space
	}
}
