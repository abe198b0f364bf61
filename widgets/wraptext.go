package widgets

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapText is read-only text that wraps between words, in time that grows
// with its length: the detail card shows its text with it. Fyne's RichText
// (and so Label) wraps a line by measuring the rest of the line again for
// every row it makes, and copies its whole text for every row it draws, so
// its cost grows with the square of a line's length: at text scale 2.5 a
// 2,000-character summary took 64 ms of CPU to show the first time, a
// 30,000-character one 8.7 s. wrapText measures the words of each line in
// one shaping of the line (see lineShaper) and then only adds up their
// widths: 4,000 characters of words never seen before take 3 ms. Nor does
// it share RichText's fault of putting each character of an inline
// segment on a row of its own where the segment begins with less room
// left on the row than its first character needs.
//
// It takes text segments as a RichText does, and lays them out the same
// way: Style.SizeName, ColorName and TextStyle apply, "\n" starts a row, a
// segment that is not Inline ends its row and is followed by LineSpacing,
// and the text is inset by InnerPadding. Alignment is always leading.
type wrapText struct {
	widget.BaseWidget
	segs []*widget.TextSegment
	// noMenu, when set and true, turns the right-click menu off: the
	// card's NoTextMenu.
	noMenu *bool
	r      *wrapTextRenderer // the renderer Fyne made last
}

var _ fyne.Widget = (*wrapText)(nil)

// newWrapText returns a wrapText of segs.
func newWrapText(segs ...*widget.TextSegment) *wrapText {
	t := &wrapText{segs: segs}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (t *wrapText) CreateRenderer() fyne.WidgetRenderer {
	r := &wrapTextRenderer{t: t, width: -1}
	t.r = r
	r.rewrap(t.Size().Width)
	return r
}

// Resize wraps the text again when the width changes; the new height is
// the new MinSize, which the canvas passes on to the containers.
func (t *wrapText) Resize(size fyne.Size) {
	old := t.Size()
	if size == old {
		return
	}
	t.BaseWidget.Resize(size)
	if size.Width != old.Width {
		t.Refresh()
	}
}

// String returns the text, every segment's in order.
func (t *wrapText) String() string {
	var b strings.Builder
	for _, s := range t.segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// wrapPiece is a run of text of one segment on one row, where it starts,
// inside the padding, and how wide it is.
type wrapPiece struct {
	text string
	seg  int
	off  int // where text starts in the wrapText's String(), in bytes
	x, y float32
	w    float32
}

// wrapFont is what wrapping needs to know of a segment's font.
type wrapFont interface {
	// width is how wide s is in segment seg's font.
	width(seg int, s string) float32
	// height is the height of a row of segment seg's text.
	height(seg int) float32
}

// wrapRows lays segs out in rows at most maxWidth wide, breaking between
// words (inside a word only when it is wider than a row), and returns the
// pieces of text with their places and the height of them all. A space
// where a row breaks is dropped. Each word is measured once, so the cost
// grows with the length of the text.
func wrapRows(segs []*widget.TextSegment, maxWidth, lineSpacing float32, f wrapFont) ([]wrapPiece, float32) {
	var pieces []wrapPiece
	var x, y, rowH float32
	var cur strings.Builder
	var curX float32
	curSeg, curOff := 0, 0
	flush := func() {
		if cur.Len() > 0 {
			pieces = append(pieces, wrapPiece{text: cur.String(), seg: curSeg, off: curOff, x: curX, y: y, w: x - curX})
			cur.Reset()
		}
	}
	newRow := func() {
		flush()
		y += rowH
		x, rowH = 0, 0
	}
	// put adds s (a word, maybe with a space before it), which starts at
	// byte off of the text, at x.
	put := func(seg int, s string, off int, w float32) {
		if seg != curSeg {
			flush()
		}
		if cur.Len() == 0 {
			curX, curSeg, curOff = x, seg, off
		}
		cur.WriteString(s)
		x += w
	}
	off := 0 // where the word under way starts in the text, in bytes
	for si, seg := range segs {
		h := f.height(si)
		space := f.width(si, " ")
		for li, line := range strings.Split(seg.Text, "\n") {
			if li > 0 {
				rowH = max(rowH, h)
				newRow()
				off++ // the "\n"
			}
			rowH = max(rowH, h)
			for wi, word := range strings.Split(line, " ") {
				lead := ""
				var leadW float32
				if wi > 0 {
					lead, leadW = " ", space
					off++
				}
				w := f.width(si, word)
				if x > 0 && x+leadW+w > maxWidth {
					newRow()
					rowH = h
					lead, leadW = "", 0
				}
				if w <= maxWidth-x-leadW {
					put(si, lead+word, off-len(lead), leadW+w)
					off += len(word)
					continue
				}
				// A word wider than a row: as many characters as fit on
				// each row.
				put(si, lead, off-len(lead), leadW)
				for word != "" {
					n, used := 0, float32(0)
					for _, c := range word {
						cw := f.width(si, string(c))
						if used+cw > maxWidth-x && (n > 0 || x > 0) {
							break
						}
						used += cw
						n += utf8.RuneLen(c)
					}
					if n > 0 {
						put(si, word[:n], off, used)
						word, off = word[n:], off+n
					}
					if word != "" {
						newRow()
						rowH = h
					}
				}
			}
		}
		if !seg.Inline() && si < len(segs)-1 {
			newRow()
			y += lineSpacing
		}
	}
	flush()
	return pieces, y + rowH
}

type wrapTextRenderer struct {
	t       *wrapText
	texts   []*canvas.Text
	marks   []*canvas.Rectangle // the selection's highlight, behind the text
	objects []fyne.CanvasObject
	// width is the width the text was wrapped for, -1 before the first
	// wrap; height the height of the rows then.
	width, height float32
	pad           float32
	pieces        []wrapPiece
	// sizes and heights are each segment's text size and row height.
	sizes, heights []float32
}

// wordWidths caches the widths of the words wrapTexts have measured (see
// lineShaper), for every wrapText and across themes: the words of a
// timeline repeat. It is cleared when it grows past wordWidthsMax entries.
// Used on the UI goroutine only, as widgets are.
var wordWidths = map[wrapKey]float32{}

const wordWidthsMax = 50_000

type wrapKey struct {
	s     string
	font  fyne.Resource // the theme's font for the style, nil for Fyne's own
	size  float32
	style fyne.TextStyle
}

// rowFont measures text in the fonts of a wrapText's segments.
type rowFont struct {
	keys    []wrapKey // per segment, with s unset
	heights []float32
}

func (f rowFont) width(seg int, s string) float32 {
	k := f.keys[seg]
	k.s = s
	w, ok := wordWidths[k]
	if !ok {
		// A word lineShaper left out, or a character of a word
		// wider than a row.
		w = fyne.MeasureText(s, k.size, k.style).Width
		wordWidths[k] = w
	}
	return w
}

func (f rowFont) height(seg int) float32 { return f.heights[seg] }

// rewrap lays the text out again for a widget of the given width.
func (r *wrapTextRenderer) rewrap(width float32) {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.pad = th.Size(theme.SizeNameInnerPadding)
	f := rowFont{keys: make([]wrapKey, len(r.t.segs)), heights: make([]float32, len(r.t.segs))}
	for i, s := range r.t.segs {
		name := s.Style.SizeName
		if name == "" {
			name = theme.SizeNameText
		}
		k := wrapKey{font: th.Font(s.Style.TextStyle), size: th.Size(name), style: s.Style.TextStyle}
		f.keys[i] = k
		f.heights[i] = fyne.MeasureText("M", k.size, k.style).Height
		if len(wordWidths) >= wordWidthsMax {
			clear(wordWidths)
		}
		for _, line := range strings.Split(s.Text, "\n") {
			shaper.measureWords(line, k, wordWidths)
		}
	}
	maxWidth := width - 2*r.pad
	if width <= 0 {
		maxWidth = float32(1 << 30) // not laid out yet: one row per line
	}
	r.width = width
	r.pieces, r.height = wrapRows(r.t.segs, maxWidth, th.Size(theme.SizeNameLineSpacing), f)
	r.sizes = r.sizes[:0]
	for _, k := range f.keys {
		r.sizes = append(r.sizes, k.size)
	}
	r.heights = f.heights
	for len(r.texts) < len(r.pieces) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	r.texts = r.texts[:len(r.pieces)]
	for i, p := range r.pieces {
		s := r.t.segs[p.seg]
		name := s.Style.ColorName
		if name == "" {
			name = theme.ColorNameForeground
		}
		txt := r.texts[i]
		before := *txt
		txt.Text, txt.TextSize, txt.TextStyle = p.text, f.keys[p.seg].size, s.Style.TextStyle
		txt.Color = th.Color(name, v)
		if txt.Text != before.Text || txt.TextSize != before.TextSize || txt.TextStyle != before.TextStyle || txt.Color != before.Color {
			txt.Refresh() // its texture is drawn again
		}
		txt.Move(fyne.NewPos(r.pad+p.x, r.pad+p.y))
		txt.Resize(fyne.NewSize(p.w, f.heights[p.seg])) // measuring it again would cost as much as wrapping
	}
	if selection.owner == r.t && r.t.String() != selection.text {
		selection = textSelection{} // a new text: what was selected is gone
	}
	r.highlight()
}

func (r *wrapTextRenderer) Layout(size fyne.Size) {
	if size.Width != r.width {
		r.rewrap(size.Width)
	}
}

func (r *wrapTextRenderer) MinSize() fyne.Size {
	if w := r.t.Size().Width; w != r.width {
		r.rewrap(w)
	}
	return fyne.NewSize(2*r.pad, r.height+2*r.pad)
}

func (r *wrapTextRenderer) Refresh() {
	if !r.t.Visible() {
		return // Show refreshes it: nothing to wrap for text not shown
	}
	r.rewrap(r.t.Size().Width)
	canvas.Refresh(r.t)
}

func (r *wrapTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *wrapTextRenderer) Destroy() {}
