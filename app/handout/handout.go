// Package handout writes a printable PDF handout of a timeline: a title
// page with the collection's title, subtitle, span and sources and the
// whole timeline drawn as a strip, then each chosen event as a card, several
// to a page and never cut across pages, with page numbers and the title in
// the footer. The text is real text in the fonts the caller gives (the
// app's own, embedded as subsets), so that it can be selected and searched.
//
// It knows nothing of Fyne: the caller draws the strip and hands over the
// fonts. Every block is measured (fpdf's SplitText and GetStringWidth) and
// the pages are planned before anything is drawn, so the work is linear in
// the number of events.
package handout

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"trumpkim/data"
)

// The paper sizes a handout can be printed on.
const (
	A4     = "a4"
	Letter = "letter"
)

// ParsePaper reads a paper size as a person writes it ("A4", "letter"); an
// empty one is A4.
func ParsePaper(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", A4:
		return A4, nil
	case Letter:
		return Letter, nil
	}
	return "", fmt.Errorf("paper %q: want a4 or letter", s)
}

// Fonts are the TrueType fonts the handout's text is set in and embeds:
// the app's own (Fyne's Noto Sans). All three are needed.
type Fonts struct {
	Regular, Bold, Italic []byte
}

// Options say how the handout is made.
type Options struct {
	// Paper is A4 (the default, when empty) or Letter.
	Paper string
	// Title is the collection's title on the title page and in every
	// page's footer; the timeline's own when empty.
	Title string
	// Generated is when the handout was made, said on the title page and
	// kept as the PDF's date; the zero time leaves it out (and keeps the
	// output the same from run to run).
	Generated time.Time
	// Fonts are the fonts to set the text in.
	Fonts Fonts
	// KindColors colour each kind's name and the bar beside its cards, as
	// on the timeline; a kind without one is grey.
	KindColors map[data.Kind]color.Color
}

// Write writes a handout of tl to w: the title page (with strip, the
// whole timeline drawn as an image, when it is not nil), then a card for
// each event of events (indexes into tl.Events, in the order given).
func Write(w io.Writer, tl *data.Timeline, events []int, strip image.Image, opt Options) error {
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	for _, i := range events {
		if i < 0 || i >= len(tl.Events) {
			return fmt.Errorf("handout: no event %d: the timeline has %d", i, len(tl.Events))
		}
	}
	d, err := newDoc(paper, opt)
	if err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	title := opt.Title
	if title == "" {
		title = tl.Title
	}
	d.title = d.clean(title)

	blocks := d.titlePage(tl, events, title, strip, opt.Generated)
	for k, i := range events {
		c := d.card(tl, i)
		c.newPage = k == 0
		blocks = append(blocks, c)
	}
	pages := d.plan(blocks)
	d.draw(blocks, pages)
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("handout: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("handout: write: %w", err)
	}
	return nil
}

// Measures, in millimetres and points.
const (
	ptMM        = 25.4 / 72 // a point in millimetres
	leading     = 1.3       // line height over type size
	margin      = 16.0      // left, right and top
	bodyBottom  = 18.0      // from the page's foot to the body's end
	footerFoot  = 9.0       // from the page's foot to the footer's baseline
	blockGap    = 5.0       // between blocks
	cardPad     = 4.0       // inside a card's frame
	cardBar     = 1.6       // the kind-coloured bar down a card's left side
	quoteIndent = 5.0       // a quote's text from the card's text edge
	minScale    = 0.3       // the smallest a card's type is made to fit a page
)

// rgb is a colour of the page.
type rgb struct{ r, g, b int }

var (
	ink      = rgb{0x1a, 0x1a, 0x1a}
	grey     = rgb{0x55, 0x55, 0x55}
	rule     = rgb{0xbb, 0xbb, 0xbb}
	frame    = rgb{0xcc, 0xcc, 0xcc}
	noColour = rgb{0x61, 0x61, 0x61}
)

func toRGB(c color.Color) rgb {
	if c == nil {
		return noColour
	}
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	return rgb{int(r >> 8), int(g >> 8), int(b >> 8)}
}

// family is the embedded fonts' name in the PDF.
const family = "Noto"

// doc is a handout being made.
type doc struct {
	pdf          *fpdf.Fpdf
	pageW, pageH float64
	textW        float64 // the width between the margins
	title        string  // for the footer, cleaned
	colours      map[data.Kind]color.Color

	fonts   []*sfnt.Font
	buf     sfnt.Buffer
	covered map[rune]bool // whether every font has a glyph for the rune
	widths  map[styled]int
}

// styled is a character in a style ("", "B" or "I").
type styled struct {
	style string
	r     rune
}

func newDoc(paper string, opt Options) (*doc, error) {
	d := &doc{colours: opt.KindColors, covered: map[rune]bool{}, widths: map[styled]int{}}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"regular", opt.Fonts.Regular}, {"bold", opt.Fonts.Bold}, {"italic", opt.Fonts.Italic}} {
		if len(f.b) == 0 {
			return nil, fmt.Errorf("no %s font", f.name)
		}
		// fpdf prints a parse error and goes on without the font: check
		// each first, and keep it to know which characters it has.
		sf, err := sfnt.Parse(f.b)
		if err != nil {
			return nil, fmt.Errorf("%s font: %w", f.name, err)
		}
		d.fonts = append(d.fonts, sf)
	}
	size := "A4"
	if paper == Letter {
		size = "Letter"
	}
	p := fpdf.New("P", "mm", size, "")
	p.SetCellMargin(0)
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(false, 0) // the plan places every block
	p.SetCatalogSort(true)       // the same handout gives the same bytes
	when := opt.Generated
	if when.IsZero() {
		when = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(when)
	p.SetModificationDate(when)
	p.SetCreator("Trump–Kim Letters", true)
	p.SetProducer("Trump–Kim Letters (go-pdf/fpdf)", true)
	p.AddUTF8FontFromBytes(family, "", opt.Fonts.Regular)
	p.AddUTF8FontFromBytes(family, "B", opt.Fonts.Bold)
	p.AddUTF8FontFromBytes(family, "I", opt.Fonts.Italic)
	if err := p.Error(); err != nil {
		return nil, err
	}
	d.pdf = p
	d.pageW, d.pageH = p.GetPageSize()
	d.textW = d.pageW - 2*margin
	return d, nil
}

// clean makes s safe to set: every character the fonts lack (fpdf would
// draw nothing, or fail on one beyond U+FFFF) becomes U+FFFD, which they
// have; tabs become spaces and other control characters are left out, but
// line breaks stay.
func (d *doc) clean(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s // plain ASCII, which the fonts have
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), r == '\r':
		case d.has(r):
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// has reports whether every font has a glyph for r.
func (d *doc) has(r rune) bool {
	if r < 0x20 || r > 0xFFFF {
		return false
	}
	if r < 0x7f {
		return true
	}
	if v, ok := d.covered[r]; ok {
		return v
	}
	v := true
	for _, f := range d.fonts {
		if g, err := f.GlyphIndex(&d.buf, r); err != nil || g == 0 {
			v = false
			break
		}
	}
	d.covered[r] = v
	return v
}

// line is one line of set text.
type line struct {
	text   string
	style  string  // "", "B" or "I"
	size   float64 // points
	indent float64 // from the block's text edge, mm
	colour rgb
	rule   bool    // a quote's rule runs down its left
	gap    float64 // space above it, mm
}

func (l *line) height() float64 { return l.gap + l.size*ptMM*leading }

// para is text to break into lines.
type para struct {
	text   string
	style  string
	size   float64
	indent float64
	colour rgb
	rule   bool
	gap    float64
}

// set breaks each paragraph into lines of width w less its indent, at
// scale, and appends them to lines.
func (d *doc) set(lines []line, w, scale float64, ps ...para) []line {
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		size := p.size * scale
		d.pdf.SetFont(family, p.style, size)
		indent := p.indent * scale
		for k, s := range d.split(d.clean(p.text), p.style, w-indent) {
			l := line{text: s, style: p.style, size: size, indent: indent, colour: p.colour, rule: p.rule}
			if k == 0 {
				l.gap = p.gap * scale
			}
			lines = append(lines, l)
		}
	}
	return lines
}

// split breaks s, set in style at the current size, into lines of width
// w, at spaces where it can, as fpdf's SplitText does. SplitText counts a
// zero-width character (a combining mark, a joiner) as 65,535 units wide
// (fpdf's code for "zero" in its width table), so that it ended a line at
// every one and set "Hà Nội" written with combining marks a letter a line.
func (d *doc) split(s, style string, w float64) []string {
	_, size := d.pdf.GetFontSize()
	wmax := int(math.Ceil(w * 1000 / size))
	rs := []rune(strings.TrimRight(s, "\n"))
	var lines []string
	sep, j, l := -1, 0, 0
	for i := 0; i < len(rs); {
		c := rs[i]
		k := styled{style, c}
		cw, ok := d.widths[k]
		if !ok {
			cw = d.pdf.GetStringSymbolWidth(string(c))
			d.widths[k] = cw
		}
		l += cw
		if unicode.IsSpace(c) {
			sep = i
		}
		if c != '\n' && l <= wmax {
			i++
			continue
		}
		if sep == -1 {
			if i == j {
				i++
			}
			sep = i
		} else {
			i = sep + 1
		}
		lines = append(lines, string(rs[j:sep]))
		sep, j, l = -1, i, 0
	}
	if j < len(rs) {
		lines = append(lines, string(rs[j:]))
	}
	return lines
}

// block is what the plan places: text, a card or the strip.
type block struct {
	lines   []line
	image   string  // a registered image's name, drawn after the lines
	imageH  float64 // its height, mm
	card    bool    // framed, with a bar of colour down its left
	colour  rgb     // the bar's
	height  float64 // the whole block's, mm
	newPage bool    // starts a page
}

func (b *block) measure() {
	h := b.imageH
	for k := range b.lines {
		h += b.lines[k].height()
	}
	if b.card {
		h += 2 * cardPad
	}
	b.height = h
}

// bodyH is the height the body of a page holds.
func (d *doc) bodyH() float64 { return d.pageH - margin - bodyBottom }

// plan puts each block on a page, 0-based: a block goes on a new page when
// it asks for one or when it does not fit below the one before.
func (d *doc) plan(blocks []*block) []int {
	pages := make([]int, len(blocks))
	page, y := 0, 0.0
	for k, b := range blocks {
		switch {
		case k == 0:
		case b.newPage || y+blockGap+b.height > d.bodyH():
			page++
			y = 0
		default:
			y += blockGap
		}
		pages[k] = page
		y += b.height
	}
	return pages
}

// draw draws each block on its planned page, with the footers.
func (d *doc) draw(blocks []*block, pages []int) {
	total := 1
	if n := len(pages); n > 0 {
		total = pages[n-1] + 1
	}
	p := d.pdf
	p.SetFooterFunc(func() { d.footer(p.PageNo(), total) })
	y := 0.0
	for k, b := range blocks {
		if k == 0 || pages[k] != pages[k-1] {
			p.AddPage()
			y = margin
		} else {
			y += blockGap
		}
		d.drawBlock(b, y)
		y += b.height
	}
	if len(blocks) == 0 {
		p.AddPage()
	}
}

func (d *doc) drawBlock(b *block, top float64) {
	p := d.pdf
	x, y, w := margin, top, d.textW
	if b.card {
		p.SetDrawColor(frame.r, frame.g, frame.b)
		p.SetLineWidth(0.25)
		p.Rect(margin, top, d.textW, b.height, "D")
		p.SetFillColor(b.colour.r, b.colour.g, b.colour.b)
		p.Rect(margin, top, cardBar, b.height, "F")
		x, y, w = margin+cardBar+cardPad, top+cardPad, d.textW-cardBar-2*cardPad
	}
	for k := range b.lines {
		l := &b.lines[k]
		y += l.gap
		h := l.size * ptMM * leading
		if l.rule {
			p.SetFillColor(rule.r, rule.g, rule.b)
			p.Rect(x+l.indent*0.4, y, 0.7, h, "F")
		}
		p.SetFont(family, l.style, l.size)
		p.SetTextColor(l.colour.r, l.colour.g, l.colour.b)
		p.SetXY(x+l.indent, y)
		p.CellFormat(w-l.indent, h, l.text, "", 0, "LM", false, 0, "")
		y += h
	}
	if b.image != "" {
		p.ImageOptions(b.image, x, y, w, b.imageH, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
}

// footer writes the title, cut to fit, and "page n of total" at the foot
// of the page.
func (d *doc) footer(n, total int) {
	p := d.pdf
	p.SetFont(family, "", 8)
	p.SetTextColor(grey.r, grey.g, grey.b)
	num := fmt.Sprintf("page %d of %d", n, total)
	numW := p.GetStringWidth(num)
	title := fitWidth(p, d.title, d.textW-numW-6)
	y := d.pageH - footerFoot - 3
	p.SetXY(margin, y)
	p.CellFormat(d.textW-numW, 3, title, "", 0, "LM", false, 0, "")
	p.SetXY(d.pageW-margin-numW, y)
	p.CellFormat(numW, 3, num, "", 0, "RM", false, 0, "")
}

// fitWidth cuts s, a line, with "…" to fit w in p's current font.
func fitWidth(p *fpdf.Fpdf, s string, w float64) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if p.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits with "…"
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// titlePage makes the first page's blocks: title, subtitle, span and
// counts, the strip, the sources, and when the handout was made.
func (d *doc) titlePage(tl *data.Timeline, events []int, title string, strip image.Image, made time.Time) []*block {
	w := d.textW
	head := &block{lines: d.set(nil, w, 1,
		para{text: title, style: "B", size: 24, colour: ink},
		para{text: tl.Subtitle, size: 12.5, colour: grey, gap: 2},
		para{text: Span(tl, events), style: "B", size: 11, colour: ink, gap: 4},
		para{text: counts(tl, events), size: 10, colour: ink, gap: 1},
	)}
	blocks := []*block{head}
	if strip != nil {
		if b := d.stripBlock(strip); b != nil {
			blocks = append(blocks, b)
		}
	}
	var src []para
	for k, s := range tl.Sources {
		heading := "Source"
		if len(tl.Sources) > 1 {
			heading = "Sources"
		}
		if k == 0 {
			src = append(src, para{text: heading, style: "B", size: 11, colour: ink})
		}
		src = append(src, para{text: s.Citation(), size: 10, colour: ink, gap: 1})
	}
	if len(src) > 0 {
		blocks = append(blocks, &block{lines: d.set(nil, w, 1, src...)})
	}
	if !made.IsZero() {
		at := data.DayDate(made.Year(), made.Month(), made.Day()).LongDisplay()
		blocks = append(blocks, &block{lines: d.set(nil, w, 1,
			para{text: "Made with Trump–Kim Letters on " + at + ".", size: 9, colour: grey})})
	}
	for _, b := range blocks {
		b.measure()
	}
	return blocks
}

// stripBlock registers the strip image and makes its block, the width of
// the page's text and as high as its proportions say (at most a third of
// the page).
func (d *doc) stripBlock(img image.Image) *block {
	r := img.Bounds()
	if r.Dx() <= 0 || r.Dy() <= 0 {
		return nil
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		d.pdf.SetError(fmt.Errorf("strip: %w", err))
		return nil
	}
	const name = "strip"
	d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	h := d.textW * float64(r.Dy()) / float64(r.Dx())
	if limit := d.bodyH() / 3; h > limit {
		h = limit
	}
	return &block{image: name, imageH: h}
}

// Span writes how long events (indices into tl.Events) run, from the month
// of the first to the month the last ends: "May 2018 – September 2020"; ""
// for no events. A handout of a search spans its results.
func Span(tl *data.Timeline, events []int) string {
	if len(events) == 0 {
		return ""
	}
	first, last := tl.Events[events[0]].Date, tl.Events[events[0]].Date
	for _, i := range events {
		e := &tl.Events[i]
		if e.Date.Before(first) {
			first = e.Date
		}
		end := e.Date
		if e.IsRange() {
			end = e.End
		}
		if end.Until().After(last.Until()) {
			last = end
		}
	}
	a, b := monthOf(first).LongDisplay(), monthOf(last).LongDisplay()
	if a == b {
		return a
	}
	return a + " – " + b
}

// monthOf is d known to the month at most.
func monthOf(d data.Date) data.Date {
	if d.Precision > data.PrecisionMonth {
		return data.Date{Year: d.Year, Month: d.Month, Precision: data.PrecisionMonth}
	}
	return d
}

// counts says how many events the handout has, of each kind: "17 events:
// 10 letters, 2 messages, …", and what part of the timeline they are.
func counts(tl *data.Timeline, events []int) string {
	n := map[data.Kind]int{}
	for _, i := range events {
		n[tl.Events[i].Kind]++
	}
	var parts []string
	for _, k := range data.Kinds {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k.Label(), n[k]))
		}
	}
	s := data.Count(len(events), "event")
	if len(events) < len(tl.Events) {
		s += " of " + data.Count(len(tl.Events), "")
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, " · ")
	}
	return s
}

// card makes event i's card, its type made smaller when it would not fit
// a page at full size.
func (d *doc) card(tl *data.Timeline, i int) *block {
	e := &tl.Events[i]
	colour := toRGB(d.colours[e.Kind])
	b := &block{card: true, colour: colour}
	w := d.textW - cardBar - 2*cardPad
	for scale := 1.0; ; scale *= 0.85 {
		b.lines = d.cardLines(b.lines[:0], tl, e, colour, w, scale)
		b.measure()
		if b.height <= d.bodyH() || scale < minScale {
			return b
		}
	}
}

// cardLines sets event e's card: kind and date, who wrote to whom and
// where, title, summary, quotes set apart with who said them, who reports
// it and its source.
func (d *doc) cardLines(lines []line, tl *data.Timeline, e *data.Event, colour rgb, w, scale float64) []line {
	head := strings.ToUpper(e.Kind.Label())
	if head != "" {
		head += "   "
	}
	head += e.DisplayDate()
	who := tl.FromTo(e)
	if e.Place != "" {
		if who != "" {
			who += " · "
		}
		who += e.Place
	}
	if e.Group != "" {
		if who != "" {
			who += " · "
		}
		who += e.Group
	}
	lines = d.set(lines, w, scale,
		para{text: head, style: "B", size: 8.5, colour: colour},
		para{text: who, size: 9, colour: grey, gap: 0.5},
		para{text: e.WithCutNote(e.Title, "title"), style: "B", size: 12.5, colour: ink, gap: 1},
		para{text: e.WithCutNote(e.Summary, "summary"), size: 10, colour: ink, gap: 1},
	)
	for k, q := range e.Quotes {
		lines = d.set(lines, w, scale,
			para{text: "“" + e.WithCutNote(q.Text, fmt.Sprintf("quotes[%d].text", k)) + "”", style: "I", size: 10,
				colour: ink, indent: quoteIndent, rule: true, gap: 2},
			para{text: "— " + e.WithCutNote(q.By, fmt.Sprintf("quotes[%d].by", k)), size: 8.5, colour: grey,
				indent: quoteIndent, rule: true},
		)
	}
	var media string
	if m := e.Media; m.URL != "" || m.Caption != "" {
		media = "Media: " + strings.TrimSpace(m.Caption+" "+m.Credit+" "+m.URL)
	}
	src := e.Source
	if s, ok := tl.Source(e.Source); ok {
		src = s.Citation()
	}
	return d.set(lines, w, scale,
		para{text: media, size: 8.5, colour: grey, gap: 2},
		para{text: labelled("According to", e.WithCutNote(e.ReportedBy, "reported_by")), size: 8.5, colour: grey, gap: 2},
		para{text: labelled("Source", src), size: 8.5, colour: grey, gap: 0.5},
	)
}

func labelled(name, value string) string {
	if value == "" {
		return ""
	}
	return name + ": " + value
}
