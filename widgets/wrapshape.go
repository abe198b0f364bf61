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
var shaper = lineShaper{faces: map[fyne.Resource]*font.Face{}}

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
	f, ok := s.faces[key.font]
	if !ok {
		if key.font != nil {
			f, _ = font.ParseTTF(bytes.NewReader(key.font.Content()))
		}
		s.faces[key.font] = f
	}
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
