package widgets

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// metrics are the sizes the timeline is laid out with, all derived from
// the theme's text size.
type metrics struct {
	textSize float32
	textH    float32
	chipH    float32 // height of an event's chip: marker, date and label
	laneH    float32 // chip plus the space between lanes
	tickH    float32 // the strip of tick labels under the axis
	pad      float32 // around the whole drawing
	padL     float32 // chip edge to marker
	padR     float32 // label to chip edge
	marker   float32 // marker box
	arrow    float32 // direction chevron box
	gap      float32 // between marker, date and label, and between chips
	// laneTight and tickTight are the closest spacing of lanes and the
	// thinnest tick strip, used when the theme's leave some labels out at
	// small heights; chip0, lane0 and tick0 are the theme's.
	laneTight, tickTight float32
	chip0, lane0, tick0  float32
	gap0, padR0          float32 // the theme's gap and padR; tighter at small sizes
	digitW               float32 // widest digit, for cluster counts
	plusW                float32
	capSize              float32 // text size of the side captions and era titles
	capH                 float32 // height of their strips
}

func (t *Timeline) metrics() metrics {
	size := theme.DefaultTheme().Size(theme.SizeNameText)
	if th := t.Theme(); th != nil {
		size = th.Size(theme.SizeNameText)
	}
	if t.lay.m.textSize == size {
		return t.lay.m
	}
	h := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	m := metrics{
		textSize: size,
		textH:    h,
		chipH:    float32(math.Ceil(float64(h + 3))),
		pad:      3,
		padL:     4,
		padR:     6,
		gap:      5,
		digitW:   fyne.MeasureText("0", size, fyne.TextStyle{Bold: true}).Width,
		plusW:    fyne.MeasureText("+", size, fyne.TextStyle{Bold: true}).Width,
	}
	m.laneH = m.chipH + 1
	m.capSize = float32(math.Round(float64(size * 0.85)))
	m.capH = float32(math.Ceil(float64(fyne.MeasureText("Mg", m.capSize, fyne.TextStyle{}).Height + 2)))
	for i := range t.chipW {
		t.chipW[i] = 0
		t.labelW[i] = 0
	}
	clear(t.cuts)
	// widths at the old size are of no more use: a slide's text size
	// follows the window's, and every size kept its own
	clear(t.texts.widths)
	m.tickH = float32(math.Ceil(float64(h + 6)))
	m.chip0, m.lane0, m.tick0 = m.chipH, m.laneH, m.tickH
	m.gap0, m.padR0 = m.gap, m.padR
	m.laneTight = float32(math.Ceil(float64(h)))
	m.tickTight = float32(math.Ceil(float64(h + 1)))
	m.marker = float32(math.Round(float64(m.chipH * 0.6)))
	m.arrow = float32(math.Round(float64(m.marker * 0.7)))
	t.lay.m = m
	return m
}

// directionOf says which way event i went, for its chevron: toward the
// recipient's side when a letter or message crosses the axis, else
// SideAxis (no chevron).
func (t *Timeline) directionOf(i int) data.Side {
	e := &t.tl.Events[i]
	side := t.side(int(t.groupOf[i]))
	if e.To == "" || e.From == "" || side == groupAxis {
		return data.SideAxis
	}
	p, ok := t.tl.Person(e.To)
	if !ok {
		return data.SideAxis
	}
	switch {
	case p.Side == "below" && side == groupAbove:
		return data.SideBelow
	case p.Side == "above" && side == groupBelow:
		return data.SideAbove
	}
	return data.SideAxis
}

// chipWidth is the width of event i's chip when its range bar is short.
func (m metrics) chipWidth(t *Timeline, i int, bold bool) float32 {
	if !bold {
		if w := t.chipW[i]; w > 0 {
			return w
		}
	}
	_, lw := t.label(i, bold, t.labelMax)
	w := m.padL + m.marker + m.gap + t.dateWidth(i, bold) + m.gap + lw + m.padR
	if t.dir[i] != data.SideAxis {
		w += m.arrow + 2
	}
	if !bold {
		t.chipW[i] = w
	}
	return w
}

func (m metrics) clusterWidth(n int32) float32 {
	digits := 1
	for n >= 10 {
		n /= 10
		digits++
	}
	return max(m.padR*2+m.plusW+float32(digits)*m.digitW, 3*m.chipH)
}

func (t *Timeline) labelWidth(i int, bold bool) float32 {
	if bold {
		return fyne.MeasureText(t.tl.Events[i].ShortLabel(), t.lay.m.textSize, fyne.TextStyle{Bold: true}).Width
	}
	if w := t.labelW[i]; w > 0 {
		return w
	}
	w := fyne.MeasureText(t.tl.Events[i].ShortLabel(), t.lay.m.textSize, fyne.TextStyle{}).Width
	t.labelW[i] = w
	return w
}

// maxLabelEms and maxLabelShare bound how wide a chip's label is drawn: at
// most this many times the theme's text size, and this share of the
// timeline's width. A longer label (an imported headline can be a
// paragraph) is cut with "…"; the tooltip and the card show it whole.
const (
	maxLabelEms   = 20
	maxLabelShare = 0.35
)

// setLabelMax sets the widest label for a timeline width wide, forgetting
// the chip widths measured with another.
func (t *Timeline) setLabelMax(width float32) {
	lm := min(maxLabelEms*t.lay.m.textSize, maxLabelShare*width)
	if lm != t.labelMax {
		t.labelMax = lm
		clear(t.chipW)
	}
}

// labelCut is a label cut to fit a budget, kept so that a pan over it
// allocates nothing.
type labelCut struct {
	budget float32
	s      string
	w      float32
}

// label is what event i's chip shows and how wide it is: its label, or
// when that is wider than budget, as much of it as fits before a "…" (""
// when not even that fits).
func (t *Timeline) label(i int, bold bool, budget float32) (string, float32) {
	s := t.tl.Events[i].ShortLabel()
	if w := t.labelWidth(i, bold); w <= budget {
		return s, w
	}
	key := int64(i) << 1
	if bold {
		key |= 1
	}
	if c, ok := t.cuts[key]; ok && c.budget == budget {
		return c.s, c.w
	}
	if t.cuts == nil {
		t.cuts = map[int64]labelCut{}
	}
	size := t.lay.m.textSize
	c := labelCut{budget: budget, s: ellipsize(s, size, fyne.TextStyle{Bold: bold}, budget)}
	c.w = fyne.MeasureText(c.s, size, fyne.TextStyle{Bold: bold}).Width
	t.cuts[key] = c
	return c.s, c.w
}

// ellipsize returns s when it is at most width wide, else as much of it as
// fits before a "…", cut at a character boundary (trailing spaces
// dropped); "" when not even "…" fits.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	room := width - fyne.MeasureText("…", size, style).Width
	if room < 0 {
		return ""
	}
	return strings.TrimRight(s[:fitText(s, size, style, room)], " ") + "…"
}

func (t *Timeline) dateWidth(i int, bold bool) float32 {
	return t.texts.width(t.dateText(i), t.lay.m.textSize, bold)
}

// dateText is the short date in event i's label: "Jun 2", "Jun 2019",
// "2019" or "Feb 27–28". The axis gives the year of day dates.
func (t *Timeline) dateText(i int) string {
	e := &t.tl.Events[i]
	if e.IsRange() {
		return t.texts.rangeLabel(int32(i), e)
	}
	switch e.Date.Precision {
	case data.PrecisionDay:
		return t.texts.monthDay(e.Date.Month, e.Date.Day)
	case data.PrecisionMonth:
		return t.texts.monthYear(e.Date.Year, e.Date.Month)
	}
	return t.texts.year(e.Date.Year)
}

// textCache keeps the short strings the timeline draws, so that a pan
// allocates nothing once the strings it shows have been made.
type textCache struct {
	strs   map[int64]string
	ranges map[int32]string
	widths map[textKey]float32
}

type textKey struct {
	s    string
	size float32
	bold bool
}

const (
	keyMonthDay = iota << 40
	keyMonthYear
	keyYear
	keyMonth
	keyDay
	keyCount
)

func (c *textCache) reset() {
	c.strs = map[int64]string{}
	c.ranges = map[int32]string{}
	c.widths = map[textKey]float32{}
}

func (c *textCache) get(key int64, make func() string) string {
	if c.strs == nil {
		c.reset()
	}
	if s, ok := c.strs[key]; ok {
		return s
	}
	s := make()
	c.strs[key] = s
	return s
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func (c *textCache) monthDay(m time.Month, d int) string {
	return c.get(keyMonthDay|int64(m)<<8|int64(d), func() string {
		return monthAbbr[m] + " " + strconv.Itoa(d)
	})
}

func (c *textCache) monthYear(y int, m time.Month) string {
	return c.get(keyMonthYear|int64(y+1<<20)<<8|int64(m), func() string {
		return monthAbbr[m] + " " + strconv.Itoa(y)
	})
}

func (c *textCache) year(y int) string {
	return c.get(keyYear|int64(y+1<<20), func() string {
		if y < 0 {
			return strconv.Itoa(-y) + " BCE"
		}
		return strconv.Itoa(y)
	})
}

func (c *textCache) day(d int) string {
	return c.get(keyDay|int64(d), func() string { return strconv.Itoa(d) })
}

func (c *textCache) count(n int32) string {
	return c.get(keyCount|int64(n), func() string { return "+" + strconv.Itoa(int(n)) })
}

func (c *textCache) rangeLabel(i int32, e *data.Event) string {
	if c.ranges == nil {
		c.reset()
	}
	if s, ok := c.ranges[i]; ok {
		return s
	}
	var s string
	d, end := e.Date, e.End
	switch {
	case d.Precision == data.PrecisionDay && end.Precision == data.PrecisionDay && d.Year == end.Year && d.Month == end.Month:
		s = monthAbbr[d.Month] + " " + strconv.Itoa(d.Day) + "–" + strconv.Itoa(end.Day)
	case d.Precision == data.PrecisionDay && end.Precision == data.PrecisionDay && d.Year == end.Year:
		s = monthAbbr[d.Month] + " " + strconv.Itoa(d.Day) + " – " + monthAbbr[end.Month] + " " + strconv.Itoa(end.Day)
	default:
		s = e.DisplayDate()
	}
	c.ranges[i] = s
	return s
}

func (c *textCache) width(s string, size float32, bold bool) float32 {
	if c.widths == nil {
		c.reset()
	}
	k := textKey{s, size, bold}
	if w, ok := c.widths[k]; ok {
		return w
	}
	w := fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width
	c.widths[k] = w
	return w
}

// item is one thing drawn in a lane: an event's chip, or a cluster of
// events that did not fit.
type item struct {
	ev    int32 // the event; for a cluster, its first event
	last  int32 // for a cluster, its last event
	count int32 // for a cluster, how many events it holds; 0 for an event
	grp   int8
	lane  int8
	x, w  float32 // the chip's box, horizontally
	markX float32 // centre of the marker
	barX  float32 // a range's bar; barW 0 for a single date
	barW  float32
	flip  bool    // label left of the marker
	out   bool    // fits on neither side of its marker: shown as a marker alone
	label float32 // the widest its label may be drawn (Timeline.label)
}

// lane is one row of chips on one side of the axis.
type lane struct {
	end   float32 // right edge of the last chip
	last  int     // index in placement.items of the last chip, or -1
	items []int32 // indices in placement.items, left to right
}

// tick is one mark on the date axis, with its label if there is room.
type tick struct {
	x     float32
	major bool
	label string
	lx    float32 // label position; label "" for none
}

// placement is the result of placing the visible events for one size and
// view. Its slices are reused from frame to frame.
type placement struct {
	m        metrics
	renderer *timelineRenderer

	size      fyne.Size
	lanesFor  fyne.Size // the size Timeline.demand was measured for
	lanesText float32   // and the text size
	ppd       float64   // pixels per day
	// The laid-out region: days [from, to), two views wide around the view,
	// in content coordinates (x 0 at from). A pan that stays inside it only
	// moves the content: shift is the content x of the view's left edge.
	from, to float64
	shift    float32
	flipX    float32 // chips reaching past here put their label on the left
	flipL    float32 // … unless that takes them past here: the story's left edge
	key      placeKey
	valid    bool
	lanes    [][]lane  // per band
	hints    [][2]int  // last frame's sweep bounds per band
	nlanes   []int     // lanes per band
	base     []float32 // per band, the edge of its lane 0 nearest the axis
	side     []int8    // per band, its side of the axis
	eras     []eraBox  // the eras in the region, in content coordinates
	capTop   float32   // top of the era-title strip; capH 0 for none
	capH     float32
	items    []item
	ticks    []tick
	axisTop  float32 // top of the axis track
	tickTop  float32 // bottom of the axis track: the axis line
}

func (t *Timeline) xOf(d float64) float32 {
	return float32((d - t.lay.from) * t.lay.ppd)
}

func (t *Timeline) dayOf(x float32) float64 {
	return t.lay.from + float64(x)/t.lay.ppd
}

// laneY is the top of lane k of band g.
func (l *placement) laneY(g, k int) float32 {
	off := (l.m.laneH - l.m.chipH) / 2
	if l.side[g] == groupAbove {
		return l.base[g] - float32(k+1)*l.m.laneH + off
	}
	return l.base[g] + float32(k)*l.m.laneH + off
}

// laneAt finds the lane at height y.
func (l *placement) laneAt(y float32) (g, k int, ok bool) {
	h := l.m.laneH
	for b, n := range l.nlanes {
		var d float32
		if l.side[b] == groupAbove {
			d = l.base[b] - y
		} else {
			d = y - l.base[b]
		}
		if (d > 0 || d == 0 && l.side[b] != groupAbove) && d < float32(n)*h {
			return b, int(d / h), true
		}
	}
	return 0, 0, false
}

// placeKey is everything a layout depends on but the pan position.
type placeKey struct {
	size     fyne.Size
	span     float64 // days in view
	anchor   float64 // the region's step
	selected int
	match    int // SetDimmed calls
	data     int // SetTimeline calls
	textSize float32
}

// place lays out the events and ticks for size and the view. It lays out
// a region two views wide, in steps of half a view, and reports whether
// it did: a pan inside the region only moves the content.
func (t *Timeline) place(size fyne.Size) bool {
	l := &t.lay
	m := t.metrics()
	t.setLabelMax(size.Width)
	if t.fitted {
		// The fit-all view's margins depend on the width: a resize moves
		// it, and whoever shows the visible span must hear of it.
		from, to := t.viewFrom, t.viewTo
		t.fit()
		if t.viewFrom != from || t.viewTo != to {
			t.reportView() // not viewChanged: this is the layout it would ask for
		}
	}
	span := t.viewTo - t.viewFrom
	if size.Width <= 0 || size.Height <= 0 || span <= 0 {
		l.size = size
		l.items = l.items[:0]
		l.ticks = l.ticks[:0]
		l.valid = false
		for g := range l.nlanes {
			l.nlanes[g] = 0
		}
		l.eras = l.eras[:0]
		return true
	}
	if l.valid && math.Abs(span-l.key.span) <= span*1e-9 {
		span = l.key.span // the same zoom, give or take rounding
	}
	step := span / 2
	key := placeKey{size: size, span: span, anchor: math.Floor(t.viewFrom / step),
		selected: t.selected, match: t.matchVer, data: t.dataVer, textSize: m.textSize}
	l.ppd = float64(size.Width) / span
	if l.valid && key == l.key {
		l.shift = float32((t.viewFrom - l.from) * l.ppd)
		return false
	}
	l.key, l.valid = key, true
	l.size = size
	l.items = l.items[:0]
	l.ticks = l.ticks[:0]
	l.from, l.to = (key.anchor-1)*step, (key.anchor+3)*step
	l.shift = float32((t.viewFrom - l.from) * l.ppd)
	fullFrom, fullTo := t.fullSpan()
	l.flipX = t.xOf(fullTo) - m.pad
	l.flipL = t.xOf(fullFrom) + m.pad

	// a strip along the top for the era titles, when there is room for
	// it and a lane per band under it
	l.capH = 0
	top := len(t.eras) > 0 && size.Height-m.pad-m.capH >= float32(len(t.bands))*m.laneTight+m.tickTight
	if top {
		l.capH = m.capH
	}
	fixed := float32(0) // the era strip and its margin
	if top {
		fixed = m.pad + l.capH
	}
	if len(t.demand) != len(t.bands) || l.lanesFor != size || l.lanesText != m.textSize {
		// as many lanes as the tightest spacing allows, to see what
		// showing every label takes
		most := max(int((size.Height-fixed-m.tickTight)/m.laneTight), len(t.bands))
		t.setGaps(false)
		t.demand = t.laneDemand(size, most)
		if !t.saturated && !t.fits(size.Height-fixed) {
			// closer chips may need fewer lanes
			d, blocked := t.demand, t.blocked
			t.setGaps(true)
			t.demand = t.laneDemand(size, most)
			if t.saturated || !t.fits(size.Height-fixed) {
				t.setGaps(false)
				t.demand, t.blocked, t.saturated = d, blocked, false
			}
		}
		l.lanesFor, l.lanesText = size, m.textSize
	}
	var total int
	m, total = t.fitLanes(size.Height - fixed)
	t.allocateLanes(t.demand, l.nlanes, total)
	s, a := 0, l.nlanes[t.axis]
	for g := 0; g < t.axis; g++ {
		s += l.nlanes[g]
	}
	used := float32(total)*m.laneH + m.tickH
	lo, mid := float32(0), size.Height
	if top {
		lo = m.pad + m.capH
		mid -= lo
	}
	l.axisTop = float32(math.Round(float64(lo + (mid-used)/2 + float32(s)*m.laneH)))
	l.tickTop = l.axisTop + float32(a)*m.laneH
	l.capTop = m.pad
	// band edges, outward from the axis
	y := l.axisTop
	for g := t.axis - 1; g >= 0; g-- {
		l.base[g], l.side[g] = y, groupAbove
		y -= float32(l.nlanes[g]) * m.laneH
	}
	l.base[t.axis], l.side[t.axis] = l.axisTop, groupAxis
	y = l.tickTop + m.tickH
	for g := t.axis + 1; g < len(t.bands); g++ {
		l.base[g], l.side[g] = y, groupBelow
		y += float32(l.nlanes[g]) * m.laneH
	}

	for g := range t.bands {
		t.sweep(g, l.nlanes[g])
	}
	t.placeTicks()
	t.placeEras()
	return true
}

// laneDemand is how many lanes each group needs when everything is in
// view (or all it can have, when even that is not enough). It is measured
// once per data set and size, so that the axis does not move while the
// person pans and zooms.
func (t *Timeline) laneDemand(size fyne.Size, total int) []int {
	l := &t.lay
	limit := max(1, total-(len(t.bands)-1))
	from, to := t.fullSpan()
	saveFrom, saveTo, savePPD, saveFlip, saveFlipL := l.from, l.to, l.ppd, l.flipX, l.flipL
	l.from, l.to, l.ppd = from, to, float64(size.Width)/(to-from)
	l.flipX, l.flipL = size.Width-l.m.pad, l.m.pad
	d := make([]int, len(t.bands))
	for g := range t.bands {
		l.items = l.items[:0]
		t.sweep(g, limit)
		d[g] = 1
		if g == t.axis && len(t.bands[g].idx) == 0 && len(t.bands) > 1 {
			d[g] = 0 // no track for an empty axis: its lane goes to the sides
		}
		for k := range l.lanes[g][:limit] {
			if len(l.lanes[g][k].items) > 0 {
				d[g] = k + 1
			}
		}
		// a side's caption needs the left end of its outermost lane
		if s := t.captionSide(g); s >= 0 {
			t.blocked[s] = l.occupied(g, d[g]-1, 0, t.captionWidth(s)+l.m.gap)
		}
	}
	l.items = l.items[:0]
	l.from, l.to, l.ppd, l.flipX, l.flipL = saveFrom, saveTo, savePPD, saveFlip, saveFlipL
	t.saturated = false
	for _, n := range d {
		t.saturated = t.saturated || n >= limit
	}
	return d
}

// fits reports whether the lanes the bands need fit in a height of avail,
// at the tightest spacing.
func (t *Timeline) fits(avail float32) bool {
	m := &t.lay.m
	need := 0
	for _, d := range t.demand {
		need += d
	}
	return float32(need)*m.laneTight+m.tickTight <= avail
}

// setGaps switches between the theme's spacing of chips and a tighter one
// (for small sizes), forgetting the chip widths measured with the other.
func (t *Timeline) setGaps(tight bool) {
	m := &t.lay.m
	gap, padR := m.gap0, m.padR0
	if tight {
		gap, padR = 3, 2
	}
	if m.gap == gap && m.padR == padR {
		return
	}
	m.gap, m.padR = gap, padR
	clear(t.chipW)
	t.lay.valid = false
}

// fitLanes chooses the lane spacing for a height of avail, and returns
// the metrics and how many lanes fit: the theme's spacing when every band
// gets the lanes it needs, else as much tighter as that takes (down to
// lines of text touching, a thinner tick strip and no margin), so that at
// small sizes every event keeps its label if at all possible. When even
// the tightest spacing cannot show everything, the theme's stays, unless
// it leaves a band without a lane: then the tightest, with as many lanes
// as fit (fewer than the bands when the timeline is shorter than its
// MinSize, and allocateLanes leaves the outermost bands out).
func (t *Timeline) fitLanes(avail float32) (metrics, int) {
	m := &t.lay.m
	m.chipH, m.laneH, m.tickH = m.chip0, m.lane0, m.tick0
	normal := max(0, int((avail-2*m.pad-m.tick0)/m.lane0))
	// spaced fits n lanes in avail, at most the theme's spacing apart
	spaced := func(n int) (metrics, int) {
		lane := float32(math.Floor(float64((avail - m.tickTight) / float32(n))))
		m.laneH = min(lane, m.lane0)
		m.tickH = max(m.tickTight, min(m.tick0, float32(math.Floor(float64(avail-float32(n)*m.laneH)))))
		m.chipH = max(m.laneTight, m.laneH-(m.lane0-m.chip0))
		return *m, n
	}
	tightest := func() (metrics, int) {
		if most := int((avail - m.tickTight) / m.laneTight); normal < len(t.bands) && most > normal {
			return spaced(most)
		}
		return *m, normal
	}
	if t.saturated {
		return tightest()
	}
	need := 0
	for _, d := range t.demand {
		need += d
	}
	// the captions' lanes when their corner is taken, if they fit too
	withCaptions := need
	for s, b := range t.blocked {
		if b && t.captions[s] != "" {
			withCaptions++
		}
	}
	for _, n := range []int{withCaptions, need} {
		if n <= normal {
			return *m, normal
		}
		if (avail-m.tickTight)/float32(n) >= m.laneTight {
			return spaced(n)
		}
	}
	return tightest()
}

// sweep places group g's events in nl lanes, left to right: each event
// takes the lowest lane that is free where its chip starts. An event that
// fits nowhere turns the lane that frees up first into a cluster marker
// ("+n"), which also takes every later event that could not fit either,
// found by binary search: the work is bounded by what fits on screen, not
// by how many events there are.
func (t *Timeline) sweep(g, nl int) {
	l := &t.lay
	m := l.m
	gr := &t.bands[g].group
	for len(l.lanes[g]) < nl {
		l.lanes[g] = append(l.lanes[g], lane{})
	}
	lanes := l.lanes[g][:nl]
	for k := range lanes {
		lanes[k].end = float32(math.Inf(-1))
		lanes[k].last = -1
		lanes[k].items = lanes[k].items[:0]
	}
	if nl == 0 || len(gr.idx) == 0 {
		return
	}
	// The region starts at a point that only moves in steps of half a view,
	// so that lanes stay put while the person pans. Last frame's bounds
	// are good guesses, and a search that starts from them touches only a
	// few cache lines.
	i := searchNear(gr.pos, l.hints[g][0], l.from-gr.reach, false)
	end := searchNear(gr.pos, l.hints[g][1], l.to, true)
	l.hints[g] = [2]int{i, end}

	selPos := -1
	var selL, selR float32
	if s := t.selected; s >= 0 && int(t.groupOf[s]) == g {
		if p := int(t.groupPos[s]); p >= i && p < end {
			selPos = p
			it := t.chip(s, g, true)
			selL, selR = it.x, it.x+it.w
		}
	}
	free := func(k int, left, right float32) bool {
		if lanes[k].end+m.gap > left {
			return false
		}
		return k != 0 || selPos < 0 || right+m.gap <= selL || left >= selR+m.gap
	}

	for i < end {
		ev := int(gr.idx[i])
		if i == selPos {
			t.put(lanes, 0, t.chip(ev, g, true))
			selPos = -1
			i++
			continue
		}
		// A chip starts no later than its marker's left edge (a range bar
		// or a flipped label only start earlier): if no lane is free
		// there, the event cannot fit, and it is not worth measuring.
		left := t.xOf(gr.pos[i]) - m.marker/2 - m.padL
		k := -1
		for j := range lanes {
			if lanes[j].end+m.gap <= left {
				k = j
				break
			}
		}
		quick := k
		if k >= 0 {
			it := t.chip(ev, g, false)
			k = -1
			for j := 0; j < len(lanes) && !it.out; j++ {
				if free(j, it.x, it.x+it.w) {
					k = j
					break
				}
			}
			if k >= 0 {
				t.put(lanes, k, it)
				i++
				continue
			}
		}
		// No room for the chip. Where a lane is free at the marker (the
		// label would have had to go left of it, at the right edge), start
		// a cluster there; otherwise fold the event into the lane that
		// frees up first, turning its last chip into a cluster.
		pill := m.clusterWidth(1)
		best := -1
		if quick >= 0 && (quick != 0 || selPos < 0 || left+pill+m.gap <= selL || left >= selR+m.gap) {
			x, k := left, quick
			if x+pill > l.flipX {
				// Near the right edge: where a lane is free far enough
				// left, the pill stays inside the story, should it
				// take more events.
				x = max(lanes[quick].end+m.gap, l.flipX-pill)
				for j := quick; j < len(lanes); j++ {
					if lanes[j].end+m.gap <= l.flipX-pill && (j != 0 || selPos < 0 || l.flipX+m.gap <= selL || l.flipX-pill >= selR+m.gap) {
						x, k = l.flipX-pill, j
						break
					}
				}
			}
			t.put(lanes, k, item{ev: int32(ev), last: int32(ev), grp: int8(g), x: x, w: pill, markX: x})
			best = k
		} else {
			for j := range lanes {
				p := lanes[j].last
				if p < 0 || (l.items[p].count == 0 && int(l.items[p].ev) == t.selected) {
					continue
				}
				nw := l.items[p].x + m.clusterWidth(l.items[p].count+2)
				if j == 0 && selPos >= 0 && nw+m.gap > selL {
					continue
				}
				if best < 0 || lanes[j].end < lanes[best].end {
					best = j
				}
			}
			if best < 0 {
				i++
				continue
			}
			if p := &l.items[lanes[best].last]; p.count == 0 {
				p.count, p.last = 1, p.ev
				p.markX, p.barW = p.x, 0
			}
		}
		p := &l.items[lanes[best].last]
		// The cluster claims at least a marker's width of time beyond this
		// event, and every later event that could not fit anywhere either
		// (found by binary search), so that each step covers ground.
		claim := t.xOf(gr.pos[i]) + pill
		lanes[best].end = max(p.x+m.clusterWidth(p.count+1), claim)
		minEnd := lanes[best].end
		for j := range lanes {
			minEnd = min(minEnd, lanes[j].end)
		}
		edgeX := max(claim, minEnd+m.gap+m.padL+m.marker/2)
		if best == 0 && selPos >= 0 {
			edgeX = min(edgeX, selL-m.gap-m.padL-m.marker/2)
		}
		edge := t.dayOf(edgeX)
		j := gallop(gr.pos, i, end, edge)
		j = max(j, i+1)
		if selPos >= 0 && selPos > i && selPos < j {
			j = selPos
		}
		p.count += int32(j - i)
		p.last = gr.idx[j-1]
		p.w = max(m.clusterWidth(p.count), t.xOf(gr.pos[j-1])+m.marker/2+m.padL-p.x)
		if best == 0 && selPos >= 0 {
			p.w = max(m.clusterWidth(p.count), min(p.w, selL-m.gap-p.x))
		}
		if over := p.x + p.w - l.flipX; over > 0 {
			// a pill made from a chip near the right edge is wider than
			// it was: back inside the story, as far as the lane allows
			prev := float32(math.Inf(-1))
			if its := lanes[best].items; len(its) > 1 {
				q := &l.items[its[len(its)-2]]
				prev = q.x + q.w + m.gap
			}
			p.x = max(prev, p.x-over)
			p.markX = p.x
		}
		lanes[best].end = p.x + p.w
		i = j
	}
}

// chip measures event i's chip in group g at the current view. A chip that
// would run off the right edge puts its label left of the marker.
func (t *Timeline) chip(i, g int, bold bool) item {
	l := &t.lay
	m := l.m
	mx := t.xOf(t.pos[i])
	it := item{ev: int32(i), grp: int8(g), markX: mx, x: mx - m.marker/2 - m.padL, label: t.labelMax}
	it.w = m.chipWidth(t, i, bold)
	if it.x+it.w > l.flipX {
		right := mx + m.marker/2 + m.padL // of a flipped chip
		switch {
		case right-it.w >= l.flipL:
			it.flip = true
			it.x = right - it.w
		case bold:
			// The selected chip fits on neither side: on the roomier
			// one, its label cut to the room there.
			roomR, roomL := l.flipX-it.x, right-l.flipL
			_, lw := t.label(i, bold, t.labelMax)
			it.label = max(0, lw-(it.w-max(roomR, roomL)))
			_, cut := t.label(i, bold, it.label)
			it.w += cut - lw
			if roomL > roomR {
				it.flip = true
				it.x = right - it.w
			}
		default:
			it.out = true
		}
	}
	if t.until[i] != 0 {
		it.barX = t.xOf(t.start[i])
		it.barW = max(t.xOf(t.until[i])-it.barX, 2)
		right := max(it.x+it.w, it.barX+it.barW)
		it.x = min(it.x, it.barX)
		it.w = right - it.x
	}
	return it
}

func (t *Timeline) put(lanes []lane, k int, it item) {
	l := &t.lay
	it.lane = int8(k)
	l.items = append(l.items, it)
	n := len(l.items) - 1
	lanes[k].items = append(lanes[k].items, int32(n))
	lanes[k].last = n
	lanes[k].end = it.x + it.w
}

// hit is what a point falls on: an index into placement.items or -1.
type hit struct {
	item int
}

// hitTest finds the chip or cluster at pos by binary search in its lane.
func (t *Timeline) hitTest(pos fyne.Position) hit {
	l := &t.lay
	pos.X += l.shift // to content coordinates
	g, k, ok := l.laneAt(pos.Y)
	if !ok || k >= len(l.lanes[g]) {
		return hit{item: -1}
	}
	y := l.laneY(g, k)
	if pos.Y < y || pos.Y > y+l.m.chipH {
		return hit{item: -1}
	}
	ln := l.lanes[g][k].items
	n := sort.Search(len(ln), func(j int) bool { return l.items[ln[j]].x > pos.X })
	if n == 0 {
		return hit{item: -1}
	}
	it := &l.items[ln[n-1]]
	if pos.X > it.x+it.w {
		return hit{item: -1}
	}
	return hit{item: int(ln[n-1])}
}

// tickUnit is one rung of the ladder of tick spacings.
type tickUnit struct {
	days   float64 // typical length, to choose the rung
	months int     // a step of months (12 for a year), or 0
	step   int     // days per step when months is 0
}

var tickUnits = []tickUnit{
	{1, 0, 1}, {2, 0, 2}, {7, 0, 7}, {30.44, 1, 0}, {91.3, 3, 0}, {182.6, 6, 0},
	{365.25, 12, 0}, {730.5, 24, 0}, {1826, 60, 0}, {3652, 120, 0}, {7305, 240, 0},
	{18262, 600, 0}, {36525, 1200, 0},
}

// placeTicks chooses the finest tick spacing whose labels have room and
// lays the ticks out, dropping any label that would touch its neighbour.
func (t *Timeline) placeTicks() {
	l := &t.lay
	m := l.m
	need := t.texts.width("Sep 30", m.textSize, true) + 3*m.gap
	u := tickUnits[len(tickUnits)-1]
	for _, c := range tickUnits {
		if c.days*l.ppd >= float64(need) {
			u = c
			break
		}
	}
	from := dayTime(l.from)
	var tm time.Time
	if u.months > 0 {
		y, mo := from.Year(), int(from.Month())-1
		total := y*12 + mo
		total -= ((total % u.months) + u.months) % u.months
		tm = time.Date(total/12, time.Month(total%12+1), 1, 0, 0, 0, 0, time.UTC)
	} else {
		tm = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
		if u.step == 7 {
			for tm.Weekday() != time.Monday {
				tm = tm.AddDate(0, 0, -1)
			}
		}
	}
	lastEnd := float32(math.Inf(-1))
	for n := 0; n < 400; n++ {
		if n > 0 {
			if u.months > 0 {
				tm = tm.AddDate(0, u.months, 0)
			} else {
				tm = tm.AddDate(0, 0, u.step)
			}
		}
		x := t.xOf(days(tm))
		if x > float32((l.to-l.from)*l.ppd) {
			break
		}
		if x < 0 {
			continue
		}
		tk := tick{x: x, lx: x + 3}
		switch {
		case u.months >= 12:
			tk.major = true
			tk.label = t.texts.year(tm.Year())
		case u.months > 0:
			tk.major = tm.Month() == time.January
			if tk.major {
				tk.label = t.texts.year(tm.Year())
			} else {
				tk.label = monthAbbr[tm.Month()]
			}
		case u.step == 7:
			tk.major = tm.Day() <= 7
			tk.label = t.texts.monthDay(tm.Month(), tm.Day())
		default:
			tk.major = tm.Day() == 1
			switch {
			case tk.major && tm.Month() == time.January:
				tk.label = t.texts.year(tm.Year())
			case tk.major:
				tk.label = monthAbbr[tm.Month()]
			default:
				tk.label = t.texts.day(tm.Day())
			}
		}
		// no label across the story's edges, where the timeline clips it
		if w := t.texts.width(tk.label, m.textSize, tk.major); tk.lx < lastEnd+2*m.gap || tk.lx < l.flipL-m.pad || tk.lx+w > l.flipX+m.pad {
			tk.label = ""
		} else {
			lastEnd = tk.lx + w
		}
		l.ticks = append(l.ticks, tk)
	}
}

// gallop returns the first k in [lo, hi) with pos[k] >= v (hi if none),
// for an answer expected near lo: it doubles its step from lo, then
// bisects the last step, so it costs log(k-lo) and stays in nearby memory.
func gallop(pos []float64, lo, hi int, v float64) int {
	if lo >= hi || pos[lo] >= v {
		return lo
	}
	prev, step := lo, 1 // pos[prev] < v
	for {
		next := prev + step
		if next >= hi {
			next = hi
		}
		if next == hi || pos[next] >= v {
			return prev + 1 + sort.Search(next-prev-1, func(k int) bool { return pos[prev+1+k] >= v })
		}
		prev, step = next, step*2
	}
}

// searchNear returns the first k with pos[k] >= v (pos[k] > v when
// strict), starting from a guess: it gallops from hint in whichever
// direction the answer lies.
func searchNear(pos []float64, hint int, v float64, strict bool) int {
	n := len(pos)
	before := func(k int) bool { // pos[k] is before the answer
		if strict {
			return pos[k] <= v
		}
		return pos[k] < v
	}
	hint = max(0, min(hint, n))
	if hint < n && before(hint) {
		// forward
		prev, step := hint, 1
		for {
			next := min(prev+step, n)
			if next == n || !before(next) {
				return prev + 1 + sort.Search(next-prev-1, func(k int) bool { return !before(prev + 1 + k) })
			}
			prev, step = next, step*2
		}
	}
	// the answer is at or before hint
	hi, step := hint, 1 // !before(hi) or hi == n
	for {
		next := hi - step
		if next < 0 {
			next = -1
		}
		if next < 0 || before(next) {
			return next + 1 + sort.Search(hi-next-1, func(k int) bool { return !before(next + 1 + k) })
		}
		hi, step = next, step*2
	}
}
