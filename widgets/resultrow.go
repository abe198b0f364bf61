package widgets

import (
	"image/color"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// ResultRow is one row of the search results, three short lines: the kind's
// marker with the date and kind; the title; and a line of context: where the
// query matched when it was not the title, else who wrote to whom or where.
// Matched characters are bold and in the primary colour.
//
// A row draws its lines with a fixed pool of canvas.Text pieces cut from the
// event's own strings, so refreshing it (the list does so for every visible
// row on every keystroke) allocates nothing once its texts have been
// measured.
type ResultRow struct {
	widget.BaseWidget

	kind    data.Kind
	date    string
	title   rowLine
	context rowLine
}

var _ fyne.Widget = (*ResultRow)(nil)

// maxPieces is how many differently styled pieces a line can have; a
// highlight that would need more is merged into the last piece.
const maxPieces = 16

// rowLine is one line of text in pieces: a quiet prefix, then runs of plain
// and highlighted text, all substrings of one string.
type rowLine struct {
	prefix string
	text   string
	runes  []int // rune indexes of highlighted characters, sorted
	from   int   // byte offset where the shown part starts (a snippet)
}

// NewResultRow returns an empty row for a list's CreateItem.
func NewResultRow() *ResultRow {
	r := &ResultRow{}
	r.ExtendBaseWidget(r)
	return r
}

// Set shows event e of tl, found by match m (m.Runes index into m.Text).
func (r *ResultRow) Set(tl *data.Timeline, e *data.Event, m data.Match) {
	r.SetLines(e.Kind, RowDate(e), e.Title, m, RowContext(tl, e))
}

// SetLines is Set with the date line and the context line given, so that a
// caller that keeps them per event (RowDate, RowContext) refreshes a row
// without allocating.
func (r *ResultRow) SetLines(kind data.Kind, date, title string, m data.Match, context string) {
	r.kind, r.date = kind, date
	if m.Field == data.FieldTitle && m.Text == title {
		r.title = rowLine{text: title, runes: m.Runes}
		r.context = rowLine{text: context}
	} else {
		r.title = rowLine{text: title}
		r.context = rowLine{prefix: fieldPrefix[m.Field], text: m.Text, runes: m.Runes, from: snippetStart(m.Text, m.Runes)}
	}
	r.Refresh()
}

// RowDate is the first line of a row: "Feb 27–28, 2019  ·  Meeting".
func RowDate(e *data.Event) string { return e.DisplayDate() + "  ·  " + e.Kind.Label() }

// RowContext is what a row says under the title when the title matched:
// who wrote to whom, or where, or who says so.
func RowContext(tl *data.Timeline, e *data.Event) string {
	switch {
	case e.From != "" && e.To != "":
		return tl.PersonName(e.From) + " to " + tl.PersonName(e.To)
	case e.Place != "":
		return e.Place
	case e.From != "":
		return tl.PersonName(e.From)
	}
	return e.ReportedBy
}

// fieldPrefix names each field before a match in it, made once.
var fieldPrefix = func() map[data.Field]string {
	m := map[data.Field]string{}
	for f := data.FieldTitle; f <= data.FieldSummary; f++ {
		m[f] = f.String() + ": "
	}
	return m
}()

// snippetStart is the byte offset a long text is shown from, so that its
// first highlighted character is near the start of the line.
func snippetStart(text string, runes []int) int {
	if len(runes) == 0 || runes[0] < 12 {
		return 0
	}
	off := runeOffset(text, runes[0]-8)
	// start at a word
	for off > 0 && off < len(text) && text[off-1] != ' ' {
		off--
	}
	return off
}

// runeOffset is the byte offset of rune i of text (len(text) past its end).
func runeOffset(text string, i int) int {
	off := 0
	for ; i > 0 && off < len(text); i-- {
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return off
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *ResultRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &resultRowRenderer{row: r, icon: NewKindIcon(data.KindLetter, 12).(*kindIcon)}
	// the date line is one bold piece, cut like the others (an imported
	// date can be any text)
	rr.date.pieces[0] = canvas.NewText("", nil)
	rr.date.pieces[0].TextStyle.Bold = true
	rr.date.ellipsis = canvas.NewText("…", nil)
	rr.date.ellipsis.TextStyle.Bold = true
	rr.date.used = 1
	rr.objects = append(rr.objects, rr.icon, rr.date.pieces[0], rr.date.ellipsis)
	for _, l := range []*linePieces{&rr.title, &rr.context} {
		for i := range l.pieces {
			l.pieces[i] = canvas.NewText("", nil)
			rr.objects = append(rr.objects, l.pieces[i])
		}
		l.ellipsis = canvas.NewText("…", nil)
		rr.objects = append(rr.objects, l.ellipsis)
	}
	rr.Refresh()
	return rr
}

type linePieces struct {
	pieces   [maxPieces + 2]*canvas.Text // prefix, leading "…", runs
	full     [maxPieces + 2]string       // each piece's whole text, before any cut
	used     int
	ellipsis *canvas.Text
}

type resultRowRenderer struct {
	row                  *ResultRow
	icon                 *kindIcon
	date, title, context linePieces
	objects              []fyne.CanvasObject
	// the line colours of the last Refresh, for Layout's refill of the title
	fg, quiet, hot color.Color
	// titleShifted: the title's pieces start near its first match, not at
	// its start (Layout)
	titleShifted bool
}

func (rr *resultRowRenderer) Destroy() {}

func (rr *resultRowRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (r *ResultRow) sizes() (caption, text, pad float32) {
	th := r.Theme()
	return th.Size(theme.SizeNameCaptionText), th.Size(theme.SizeNameText), th.Size(theme.SizeNameInnerPadding) / 2
}

func (rr *resultRowRenderer) sizes() (caption, text, pad float32) { return rr.row.sizes() }

// MinSize is three lines high and a few letters wide, from the theme alone.
// It does not need the renderer: widget.List makes a row on every Refresh
// only to ask its MinSize, and a row whose renderer was made for that
// stayed in Fyne's renderer cache with its forty texts.
func (r *ResultRow) MinSize() fyne.Size {
	r.ExtendBaseWidget(r)
	caption, text, pad := r.sizes()
	h := fyne.MeasureText("Ag", caption, fyne.TextStyle{Bold: true}).Height +
		2*fyne.MeasureText("Ag", text, fyne.TextStyle{}).Height + 4*pad
	return fyne.NewSize(4*text, h)
}

func (rr *resultRowRenderer) MinSize() fyne.Size { return rr.row.MinSize() }

func (rr *resultRowRenderer) Layout(size fyne.Size) {
	caption, text, pad := rr.sizes()
	lineH := fyne.MeasureText("Ag", text, fyne.TextStyle{}).Height
	capH := fyne.MeasureText("Ag", caption, fyne.TextStyle{Bold: true}).Height
	iconSide := caption
	rr.icon.Resize(fyne.NewSquareSize(iconSide))
	rr.icon.Move(fyne.NewPos(pad, pad+(capH-iconSide)/2))
	layoutLine(&rr.date, fyne.NewPos(2*pad+iconSide+pad, pad), size.Width-iconSide-4*pad, capH)
	y := pad + capH + pad
	rr.layoutTitle(fyne.NewPos(pad, y), size.Width-2*pad, lineH, text)
	layoutLine(&rr.context, fyne.NewPos(pad, y+lineH+pad), size.Width-2*pad, lineH)
}

// layoutTitle lays out the title from its start, as a title is read, unless
// that cuts off its first highlighted character (a narrow sidebar, a match
// near the end): then it shows the title from a word shortly before the
// match, after a "…", like a context line. It allocates nothing.
func (rr *resultRowRenderer) layoutTitle(pos fyne.Position, width, h, size float32) {
	t := rr.row.title
	if rr.titleShifted {
		fillLine(&rr.title, t, size, rr.fg, rr.quiet, rr.hot)
		rr.titleShifted = false
	}
	cut := layoutLine(&rr.title, pos, width, h)
	if cut < 0 || rr.title.firstHot() < cut {
		return
	}
	if t.from = shiftedStart(t, width, size); t.from == 0 {
		return
	}
	fillLine(&rr.title, t, size, rr.fg, rr.quiet, rr.hot)
	rr.titleShifted = true
	layoutLine(&rr.title, pos, width, h)
}

// shiftedStart is the byte offset, at the start of a word, from which a
// line shows as much as it can before its first highlighted run and still
// that whole run, after a leading "…"; the run's own start if not even the
// run fits; 0 if the line has no highlight.
func shiftedStart(t rowLine, width, size float32) int {
	if len(t.runes) == 0 {
		return 0
	}
	n := 1 // the first run of highlighted runes is runes[0] .. runes[0]+n-1
	for n < len(t.runes) && t.runes[n] == t.runes[0]+n {
		n++
	}
	hs, he := runeOffset(t.text, t.runes[0]), runeOffset(t.text, t.runes[0]+n)
	if hs == len(t.text) {
		return 0 // a match past the text: nothing to scroll to
	}
	room := width - fyne.MeasureText("…", size, fyne.TextStyle{}).Width -
		fyne.MeasureText(t.text[hs:he], size, fyne.TextStyle{Bold: true}).Width
	best := hs
	for from := hs; from > 0; {
		from--
		for from > 0 && t.text[from-1] != ' ' {
			from--
		}
		if fyne.MeasureText(t.text[from:hs], size, fyne.TextStyle{}).Width > room {
			break
		}
		best = from
	}
	return best
}

// firstHot is the index of the first highlighted piece (put draws those,
// and only those, bold), or used if none.
func (l *linePieces) firstHot() int {
	for i := 0; i < l.used; i++ {
		if l.pieces[i].TextStyle.Bold {
			return i
		}
	}
	return l.used
}

// layoutLine places a line's pieces left to right and cuts it with "…"
// where it would pass width. It returns the index of the piece it cut, or
// -1 if the whole line fits.
func layoutLine(l *linePieces, pos fyne.Position, width, h float32) int {
	x := pos.X
	ell := fyne.MeasureText("…", l.ellipsis.TextSize, l.ellipsis.TextStyle).Width
	l.ellipsis.Hide()
	right := pos.X + width
	for i := 0; i < l.used; i++ {
		p := l.pieces[i]
		p.Text = l.full[i] // a narrower layout before may have cut it
		p.Show()
		w := fyne.MeasureText(p.Text, p.TextSize, p.TextStyle).Width
		if x+w > right {
			// Cut at the last character that leaves room for "…": in an
			// earlier piece when this one starts too far right for it.
			j, px := i, x
			for j > 0 && px+ell > right {
				j--
				px = l.pieces[j].Position().X
			}
			p = l.pieces[j]
			p.Text = p.Text[:fitPrefix(p, right-ell-px)]
			w = fyne.MeasureText(p.Text, p.TextSize, p.TextStyle).Width
			p.Move(fyne.NewPos(px, pos.Y))
			p.Resize(fyne.NewSize(w, h))
			l.ellipsis.Move(fyne.NewPos(px+w, pos.Y))
			l.ellipsis.Resize(fyne.NewSize(ell, h))
			l.ellipsis.Show()
			for k := j + 1; k < l.used; k++ {
				l.pieces[k].Hide()
			}
			return j
		}
		p.Move(fyne.NewPos(x, pos.Y))
		p.Resize(fyne.NewSize(w, h))
		x += w
	}
	return -1
}

// fitPrefix is the byte length of the longest prefix of p's text, ending at
// a character boundary, that is at most width wide (0 when not even one
// character fits).
func fitPrefix(p *canvas.Text, width float32) int {
	return fitText(p.Text, p.TextSize, p.TextStyle, width)
}

// fitText is the byte length of the longest prefix of s, ending at a
// character boundary, that is at most width wide in size and style. It
// bisects over byte offsets, moved to character boundaries; s[:lo] always
// fits, nothing longer than s[:hi] does, and both are boundaries.
func fitText(s string, size float32, style fyne.TextStyle, width float32) int {
	lo, hi := 0, len(s)
	for lo < hi {
		mid := runeStartAtOrBefore(s, (lo+hi+1)/2)
		if mid <= lo { // the middle is in lo's character: try the next boundary
			_, n := utf8.DecodeRuneInString(s[lo:])
			mid = lo + n
		}
		if probeWidth(s[:mid], size, style) <= width {
			lo = mid
		} else {
			hi = runeStartAtOrBefore(s, mid-1)
		}
	}
	return lo
}

// probeWidth is fyne.MeasureText(s, size, style).Width, to the last bit,
// for texts measured more often than drawn: fitText's tries, the timeline's
// labels (every chip the lane layout places, most never on screen at once),
// a selection's prefixes. The shaper it keeps measures a text in a fifth of
// the time (Fyne makes a new HarfBuzz font, shaper and plan for every text
// it measures: at 10,000 events that was a sixth of the CPU until the first
// frame), and Fyne's cache of widths, which its drawing of a text fills,
// does not fill with texts never drawn. Used on the UI goroutine only.
func probeWidth(s string, size float32, style fyne.TextStyle) float32 {
	if w, ok := shaper.width(s, theme.Current().Font(style), size); ok {
		return w
	}
	return fyne.MeasureText(s, size, style).Width
}

// runeStartAtOrBefore is the last character boundary of s at or before
// byte offset i (0 <= i <= len(s)).
func runeStartAtOrBefore(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func (rr *resultRowRenderer) Refresh() {
	r := rr.row
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	caption, text, _ := rr.sizes()
	fg, quiet, hot := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v), th.Color(theme.ColorNamePrimary, v)
	if rr.icon.kind != r.kind && r.kind != "" {
		rr.icon.kind = r.kind
		rr.icon.Refresh()
	}
	d := rr.date.pieces[0]
	d.Text, d.TextSize, d.Color = r.date, caption, fg
	rr.date.full[0] = r.date
	rr.date.ellipsis.TextSize, rr.date.ellipsis.Color = caption, fg
	rr.fg, rr.quiet, rr.hot = fg, quiet, hot
	fillLine(&rr.title, r.title, text, fg, quiet, hot)
	rr.titleShifted = false
	fillLine(&rr.context, r.context, text, quiet, quiet, hot)
	rr.Layout(r.Size())
	for _, l := range []*linePieces{&rr.date, &rr.title, &rr.context} {
		for i := 0; i < l.used; i++ {
			l.pieces[i].Refresh()
		}
		l.ellipsis.Refresh()
	}
}

// fillLine cuts l's text into pieces: the prefix, then alternating runs of
// plain and highlighted characters. The pieces are substrings of l's own
// strings, so nothing is allocated.
func fillLine(lp *linePieces, l rowLine, size float32, plain, quiet, hot color.Color) {
	lp.used = 0
	lp.ellipsis.TextSize, lp.ellipsis.Color = size, quiet
	if l.prefix != "" {
		lp.put(l.prefix, size, quiet, false)
	}
	if l.from > 0 {
		lp.put("…", size, quiet, false)
	}
	text, runes := l.text, l.runes
	idx := utf8.RuneCountInString(text[:l.from]) // rune index at l.from
	k := 0
	for k < len(runes) && runes[k] < idx {
		k++
	}
	start, off := l.from, l.from
	inMatch := k < len(runes) && runes[k] == idx
	runStart := lp.used // the first piece of text runs: merging stops here
	for off < len(text) {
		r, n := utf8.DecodeRuneInString(text[off:])
		isHot := k < len(runes) && runes[k] == idx
		if isHot {
			k++
		}
		if off > start && r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me) {
			// a combining mark goes with its letter: the search folds
			// marks away, so a highlighted letter's marks are not in
			// runes, and alone in a piece a mark has nothing to sit on
			isHot = inMatch
		}
		if isHot != inMatch {
			lp.putRun(text, start, off, runStart, size, plain, hot, inMatch)
			start, inMatch = off, isHot
		}
		off += n
		idx++
	}
	if start < len(text) {
		lp.putRun(text, start, len(text), runStart, size, plain, hot, inMatch)
	}
	for i := range lp.pieces {
		if i < lp.used {
			lp.pieces[i].Show()
		} else {
			lp.pieces[i].Hide()
		}
	}
}

func (lp *linePieces) put(s string, size float32, c color.Color, bold bool) {
	p := lp.pieces[lp.used]
	p.Text, p.TextSize, p.Color, p.TextStyle = s, size, c, fyne.TextStyle{Bold: bold}
	lp.full[lp.used] = s
	lp.used++
}

// putRun adds text[from:to] as a piece, highlighted or not; when the pool
// is full it extends the last piece instead (its style then is the last
// piece's).
func (lp *linePieces) putRun(text string, from, to, first int, size float32, plain, hot color.Color, isHot bool) {
	if lp.used == len(lp.pieces) {
		last := lp.pieces[lp.used-1]
		// the last piece is a substring of text ending at from: extend it
		begin := from - len(lp.full[lp.used-1])
		if lp.used-1 >= first && begin >= 0 {
			last.Text = text[begin:to]
			lp.full[lp.used-1] = last.Text
		}
		return
	}
	c := plain
	if isHot {
		c = hot
	}
	lp.put(text[from:to], size, c, isHot)
}
