package lanes

import (
	"math"
	"sort"

	"trumpkim/data"
)

// MaxLabelEms and MaxLabelShare bound how wide a chip's label is drawn: at
// most this many times the theme's text size, and this share of the
// timeline's width. A longer label (an imported headline can be a
// paragraph) is cut with "…"; the tooltip and the card show it whole.
const (
	MaxLabelEms   = 20
	MaxLabelShare = 0.35
)

// View is what a placement is made for.
type View struct {
	From, To      float64 // the visible days, [From, To)
	Width, Height float32 // in pixels
	// Selected is the selected event (-1 for none): it is drawn bold,
	// always in lane 0 of its band, and never folded into a cluster.
	Selected int
	// CaptionW is how wide the captions naming the people above and below
	// the axis are drawn; 0 for a side with none. A caption needs the
	// left end of its side's outermost lane.
	CaptionW [2]float32
}

// Frame is a placement: what the renderer draws and what taps hit, in
// pixels. Its slices are reused from frame to frame.
type Frame struct {
	M             Metrics // as given, with the spacing chosen for the height
	Width, Height float32
	PPD           float64 // pixels per day
	// The laid-out region: days [From, To), two views wide around the view,
	// in content coordinates (x 0 at From). A pan that stays inside it only
	// moves the content: Shift is the content x of the view's left edge.
	From, To float64
	Shift    float32
	Items    []Item   // chips and clusters, band by band, each lane left to right
	Ticks    []Tick   // left to right
	Eras     []EraBox // the eras in the region
	NLanes   []int    // lanes per band
	AxisTop  float32  // top of the axis track
	TickTop  float32  // bottom of the axis track: the axis line
	CapTop   float32  // top of the era-title strip; CapH 0 for none
	CapH     float32
	// Arrows are the letters and messages drawn crossing the axis, left to
	// right: those shown whose arrows do not crowd (placeArrows).
	Arrows []Arrow

	flipX float32   // chips reaching past here put their label on the left
	flipL float32   // … unless that takes them past here: the story's left edge
	edge  []float32 // per band, the edge of its lane 0 nearest the axis
}

// Item is one thing drawn in a lane: an event's chip, or a cluster of
// events that did not fit.
type Item struct {
	Ev    int32 // the event; for a cluster, its first event
	Last  int32 // for a cluster, its last event
	Count int32 // for a cluster, how many events it holds; 0 for an event
	Band  int8
	Lane  int8
	X, W  float32 // the chip's box, horizontally
	MarkX float32 // centre of the marker
	BarX  float32 // a range's bar; BarW 0 for a single date
	BarW  float32
	Flip  bool    // label left of the marker
	Out   bool    // fits on neither side of its marker: shown as a marker alone
	Label float32 // the widest its label may be drawn (Measurer.LabelWidth)
}

// lane is one row of chips within a band.
type lane struct {
	end   float32 // right edge of the last chip
	last  int     // index in Items of the last chip, or -1
	items []int32 // indices in Items, left to right
}

// placeKey is everything a placement depends on but the pan position and
// the Metrics (whose change use notices).
type placeKey struct {
	width, height float32
	span          float64 // days in view
	anchor        float64 // the region's step
	selected      int
	captionW      [2]float32
}

// demandKey is what the lanes each band needs were measured for.
type demandKey struct {
	width, height float32
	captionW      [2]float32
}

// XOf is the content x of day d.
func (l *Layout) XOf(d float64) float32 {
	return float32((d - l.From) * l.PPD)
}

// dayAt is the day at content x.
func (l *Layout) dayAt(x float32) float64 {
	return l.From + float64(x)/l.PPD
}

// use takes the Metrics and width a placement or a measure is made with:
// when they differ from the last, the chip widths measured with those are
// forgotten, and a Metrics change also forgets the lanes each band needs.
func (l *Layout) use(m Metrics, width float32) {
	if m != l.given {
		l.given, l.M, l.tight = m, m, false
		clear(l.chipW)
		l.demand = nil
		l.valid = false
	}
	if lm := min(MaxLabelEms*m.TextSize, MaxLabelShare*width); lm != l.labelMax {
		l.labelMax = lm
		clear(l.chipW)
	}
}

// Place lays out the events and ticks for the view, with the sizes m. It
// lays out a region two views wide, in steps of half a view, and reports
// whether it did: a pan inside the region only moves the content (Shift).
func (l *Layout) Place(m Metrics, v View) bool {
	l.use(m, v.Width)
	l.captionW = v.CaptionW
	span := v.To - v.From
	if v.Width <= 0 || v.Height <= 0 || span <= 0 {
		l.placeNothing(v)
		return true
	}
	if l.valid && math.Abs(span-l.key.span) <= span*1e-9 {
		span = l.key.span // the same zoom, give or take rounding
	}
	step := span / 2
	key := placeKey{width: v.Width, height: v.Height, span: span, anchor: math.Floor(v.From / step),
		selected: v.Selected, captionW: v.CaptionW}
	l.PPD = float64(v.Width) / span
	if l.valid && key == l.key {
		l.Shift = float32((v.From - l.From) * l.PPD)
		return false
	}
	l.key, l.valid = key, true
	l.selected = v.Selected
	l.sweeps++
	l.Width, l.Height = v.Width, v.Height
	l.Items = l.Items[:0]
	l.Ticks = l.Ticks[:0]
	l.From, l.To = (key.anchor-1)*step, (key.anchor+3)*step
	l.Shift = float32((v.From - l.From) * l.PPD)
	fullFrom, fullTo := l.FullSpan(l.given, v.Width)
	l.flipX = l.XOf(fullTo) - l.M.Pad
	l.flipL = l.XOf(fullFrom) + l.M.Pad

	l.stackBands(v)
	for b := range l.bands {
		l.sweep(b, l.NLanes[b])
	}
	l.placeTicks()
	l.placeEras()
	l.placeArrows()
	return true
}

// placeNothing is the frame of a view with no size or no span: empty.
func (l *Layout) placeNothing(v View) {
	l.sweeps++
	l.Width, l.Height = v.Width, v.Height
	l.Items = l.Items[:0]
	l.Ticks = l.Ticks[:0]
	l.valid = false
	clear(l.NLanes)
	l.Eras = l.Eras[:0]
	l.Arrows = l.Arrows[:0]
}

// stackBands arranges the frame from top to bottom for the view's height:
// the era titles' strip when there is room for it and a lane per band
// under it, the lanes of each band (NLanes, at the spacing fitLanes
// chooses), the axis and its ticks, centred in what is left.
func (l *Layout) stackBands(v View) {
	m := l.M
	l.CapH = 0
	top := len(l.eras) > 0 && v.Height-m.Pad-m.CapH >= float32(len(l.bands))*m.LaneTight+m.TickTight
	fixed := float32(0) // the era strip and its margin
	if top {
		l.CapH = m.CapH
		fixed = m.Pad + l.CapH
	}
	if dk := (demandKey{v.Width, v.Height, v.CaptionW}); l.demand == nil || l.demandFor != dk {
		l.measureDemand(v.Width, v.Height-fixed)
		l.demandFor = dk
	}
	m, total := l.fitLanes(v.Height - fixed)
	l.allocateLanes(l.demand, l.NLanes, total)
	s, a := 0, l.NLanes[l.axis]
	for b := 0; b < l.axis; b++ {
		s += l.NLanes[b]
	}
	used := float32(total)*m.LaneH + m.TickH
	lo, mid := float32(0), v.Height
	if top {
		lo = m.Pad + m.CapH
		mid -= lo
	}
	l.AxisTop = float32(math.Round(float64(lo + (mid-used)/2 + float32(s)*m.LaneH)))
	l.TickTop = l.AxisTop + float32(a)*m.LaneH
	l.CapTop = m.Pad
	// band edges, outward from the axis
	y := l.AxisTop
	for b := l.axis - 1; b >= 0; b-- {
		l.edge[b] = y
		y -= float32(l.NLanes[b]) * m.LaneH
	}
	l.edge[l.axis] = l.AxisTop
	y = l.TickTop + m.TickH
	for b := l.axis + 1; b < len(l.bands); b++ {
		l.edge[b] = y
		y += float32(l.NLanes[b]) * m.LaneH
	}
}

// Generation counts the placements made: it changes when the Frame is laid
// out anew, not when a pan only moves it.
func (l *Layout) Generation() int { return l.sweeps }

// measureDemand measures how many lanes each band needs to show all
// (demand) in a height of avail, trying the theme's spacing of chips
// first and a tighter one when that does not fit.
func (l *Layout) measureDemand(width, avail float32) {
	m := &l.M
	// as many lanes as the tightest spacing allows, to see what showing
	// every label takes
	most := max(int((avail-m.TickTight)/m.LaneTight), len(l.bands))
	l.setGaps(false)
	l.demand = l.laneDemand(width, most)
	if !l.saturated && !l.fits(avail) {
		// closer chips may need fewer lanes
		d, blocked := l.demand, l.blocked
		l.setGaps(true)
		l.demand = l.laneDemand(width, most)
		if l.saturated || !l.fits(avail) {
			l.setGaps(false)
			l.demand, l.blocked, l.saturated = d, blocked, false
		}
	}
}

// laneDemand is how many lanes each band needs when everything is in view
// (or all it can have, when even that is not enough). It is measured once
// per data set and size, so that the axis does not move while the person
// pans and zooms.
func (l *Layout) laneDemand(width float32, total int) []int {
	limit := max(1, total-(len(l.bands)-1))
	from, to := l.FullSpan(l.given, width)
	saveFrom, saveTo, savePPD, saveFlip, saveFlipL := l.From, l.To, l.PPD, l.flipX, l.flipL
	l.From, l.To, l.PPD = from, to, float64(width)/(to-from)
	l.flipX, l.flipL = width-l.M.Pad, l.M.Pad
	d := make([]int, len(l.bands))
	for b := range l.bands {
		l.Items = l.Items[:0]
		l.sweep(b, limit)
		d[b] = 1
		if b == l.axis && len(l.bands[b].idx) == 0 && len(l.bands) > 1 {
			d[b] = 0 // no track for an empty axis: its lane goes to the sides
		}
		for k := range l.lanes[b][:limit] {
			if len(l.lanes[b][k].items) > 0 {
				d[b] = k + 1
			}
		}
		// a side's caption needs the left end of its outermost lane
		if s := l.captionSide(b); s >= 0 {
			l.blocked[s] = l.Occupied(b, d[b]-1, 0, l.captionW[s]+l.M.Gap)
		}
	}
	l.Items = l.Items[:0]
	l.From, l.To, l.PPD, l.flipX, l.flipL = saveFrom, saveTo, savePPD, saveFlip, saveFlipL
	l.saturated = false
	for _, n := range d {
		l.saturated = l.saturated || n >= limit
	}
	return d
}

// fits reports whether the lanes the bands need fit in a height of avail,
// at the tightest spacing.
func (l *Layout) fits(avail float32) bool {
	m := &l.M
	need := 0
	for _, d := range l.demand {
		need += d
	}
	return float32(need)*m.LaneTight+m.TickTight <= avail
}

// setGaps switches between the theme's spacing of chips and a tighter one
// (for small sizes), forgetting the chip widths measured with the other.
func (l *Layout) setGaps(tight bool) {
	if l.tight == tight {
		return
	}
	l.tight = tight
	m := &l.M
	m.Gap, m.PadR = m.Gap0, m.PadR0
	if tight {
		k := max(1, m.TextSize/14)
		m.Gap, m.PadR = 3*k, 2*k
	}
	clear(l.chipW)
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
func (l *Layout) fitLanes(avail float32) (Metrics, int) {
	m := &l.M
	m.ChipH, m.LaneH, m.TickH = m.Chip0, m.Lane0, m.Tick0
	normal := max(0, int((avail-2*m.Pad-m.Tick0)/m.Lane0))
	// spaced fits n lanes in avail, at most the theme's spacing apart
	spaced := func(n int) (Metrics, int) {
		lane := float32(math.Floor(float64((avail - m.TickTight) / float32(n))))
		m.LaneH = min(lane, m.Lane0)
		m.TickH = max(m.TickTight, min(m.Tick0, float32(math.Floor(float64(avail-float32(n)*m.LaneH)))))
		m.ChipH = max(m.LaneTight, m.LaneH-(m.Lane0-m.Chip0))
		return *m, n
	}
	tightest := func() (Metrics, int) {
		if most := int((avail - m.TickTight) / m.LaneTight); normal < len(l.bands) && most > normal {
			return spaced(most)
		}
		return *m, normal
	}
	if l.saturated {
		return tightest()
	}
	need := 0
	for _, d := range l.demand {
		need += d
	}
	// the captions' lanes when their corner is taken, if they fit too
	withCaptions := need
	for s, b := range l.blocked {
		if b && l.captionW[s] > 0 {
			withCaptions++
		}
	}
	for _, n := range []int{withCaptions, need} {
		if n <= normal {
			return *m, normal
		}
		if (avail-m.TickTight)/float32(n) >= m.LaneTight {
			return spaced(n)
		}
	}
	return tightest()
}

// chipWidth is the width of event i's chip when its range bar is short.
func (l *Layout) chipWidth(i int, bold bool) float32 {
	if !bold {
		if w := l.chipW[i]; w > 0 {
			return w
		}
	}
	m := &l.M
	lw := l.measure.LabelWidth(i, bold, l.labelMax)
	w := m.PadL + m.Marker + m.Gap + l.measure.TextWidth(l.DateText(i), bold) + m.Gap + lw + m.PadR
	if l.dir[i] != data.SideAxis {
		w += m.Arrow + 2
	}
	if !bold {
		l.chipW[i] = w
	}
	return w
}

// sweep places band b's events in nl lanes, left to right: each event
// takes the lowest lane that is free where its chip starts. An event that
// fits nowhere turns the lane that frees up first into a cluster marker
// ("+n"), which also takes every later event that could not fit either,
// found by binary search: the work is bounded by what fits on screen, not
// by how many events there are.
func (l *Layout) sweep(b, nl int) {
	lanes := l.clearLanes(b, nl)
	bd := &l.bands[b]
	if nl == 0 || len(bd.idx) == 0 {
		return
	}
	// The region starts at a point that only moves in steps of half a view,
	// so that lanes stay put while the person pans. Last frame's bounds
	// are good guesses, and a search that starts from them touches only a
	// few cache lines.
	i := searchNear(bd.pos, l.hints[b][0], l.From-bd.reach, false)
	end := searchNear(bd.pos, l.hints[b][1], l.To, true)
	l.hints[b] = [2]int{i, end}

	sel := l.selectionIn(b, i, end)
	for i < end {
		if i == sel.pos {
			l.put(lanes, 0, l.chip(int(bd.idx[i]), b, true))
			sel.pos = -1
			i++
			continue
		}
		placed, quick := l.placeChip(lanes, b, i, &sel)
		if placed {
			i++
			continue
		}
		i = l.fold(lanes, b, i, end, quick, &sel)
	}
}

// clearLanes makes band b's first nl lanes empty and returns them.
func (l *Layout) clearLanes(b, nl int) []lane {
	for len(l.lanes[b]) < nl {
		l.lanes[b] = append(l.lanes[b], lane{})
	}
	lanes := l.lanes[b][:nl]
	for k := range lanes {
		lanes[k].end = float32(math.Inf(-1))
		lanes[k].last = -1
		lanes[k].items = lanes[k].items[:0]
	}
	return lanes
}

// selection is the selected event's chip in the band being swept, which
// lane 0 keeps room for: pos is its position in the band (-1 when it is
// not in the band's region, or already placed), [l, r) its box.
type selection struct {
	pos  int
	l, r float32
	gap  float32
}

// selectionIn finds the selected event among band b's events [i, end).
func (l *Layout) selectionIn(b, i, end int) selection {
	sel := selection{pos: -1, gap: l.M.Gap}
	if s := l.selected; s >= 0 && s < len(l.bandOf) && int(l.bandOf[s]) == b {
		if p := int(l.bandPos[s]); p >= i && p < end {
			it := l.chip(s, b, true)
			sel.pos, sel.l, sel.r = p, it.X, it.X+it.W
		}
	}
	return sel
}

// clear reports whether [left, right) in lane k keeps clear of the
// selected chip, which only lane 0 holds.
func (s *selection) clear(k int, left, right float32) bool {
	return k != 0 || s.pos < 0 || right+s.gap <= s.l || left >= s.r+s.gap
}

// covers reports whether the selected chip, still to be placed, comes
// within a gap of the marker of the chip whose box starts at left when not
// flipped, so that lane 0 cannot hold that chip, however wide it is: every
// chip's box holds its marker. It then covers the marker of every event
// after it up to the selected one too.
func (s *selection) covers(left float32, m *Metrics) bool {
	if s.pos < 0 {
		return false
	}
	mark := left + m.PadL
	return mark+m.Marker+s.gap > s.l && mark < s.r+s.gap
}

// placeChip puts the i-th event of band b in the lowest lane where its
// chip is free of the lane's last chip and the selection, and reports
// whether it did, and quick: the lowest lane free where the chip would
// start at the latest, at its marker's left edge, and that the selection
// does not cover there (-1 for none).
func (l *Layout) placeChip(lanes []lane, b, i int, sel *selection) (placed bool, quick int) {
	m := &l.M
	bd := &l.bands[b]
	// A chip starts no later than its marker's left edge (a range bar or a
	// flipped label only start earlier): if no lane is free there, the
	// event cannot fit, and it is not worth measuring. Nor is it when only
	// lane 0 is free there and the selected chip covers the marker: with
	// the selection at the right end of a narrow timeline that was every
	// event under the selected chip, tens of thousands at 100,000 events,
	// each measured again at every new width or text size.
	left := l.XOf(bd.pos[i]) - m.Marker/2 - m.PadL
	quick = -1
	for j := range lanes {
		if lanes[j].end+m.Gap <= left && (j != 0 || !sel.covers(left, m)) {
			quick = j
			break
		}
	}
	if quick < 0 {
		return false, -1
	}
	it := l.chip(int(bd.idx[i]), b, false)
	for j := 0; j < len(lanes) && !it.Out; j++ {
		if lanes[j].end+m.Gap <= it.X && sel.clear(j, it.X, it.X+it.W) {
			l.put(lanes, j, it)
			return true, quick
		}
	}
	return false, quick
}

// fold puts the i-th event of band b, which has no room for its chip, in a
// cluster, with every later event before end that has no room either, and
// returns the position of the first event after them. Where a lane is free
// at the marker (quick: the label would have had to go left of it, at the
// right edge), the cluster starts there; otherwise the event joins the
// lane that frees up first, turning its last chip into a cluster.
func (l *Layout) fold(lanes []lane, b, i, end, quick int, sel *selection) int {
	m := &l.M
	bd := &l.bands[b]
	left := l.XOf(bd.pos[i]) - m.Marker/2 - m.PadL
	pill := m.ClusterWidth(1)
	covered := sel.covers(left, m)
	var k int
	if quick >= 0 && sel.clear(quick, left, left+pill) {
		k = l.startCluster(lanes, b, int(bd.idx[i]), quick, left, sel)
	} else {
		k = l.foldLane(lanes, sel)
		if k < 0 {
			return l.roomless(lanes, b, i, end, quick, covered, sel)
		}
		if p := &l.Items[lanes[k].last]; p.Count == 0 {
			p.Count, p.Last = 1, p.Ev
			p.MarkX, p.BarW = p.X, 0
		}
	}
	return l.growCluster(lanes, b, k, i, end, sel)
}

// roomless is the position of the first event after the i-th of band b
// that may find room when that one found none, neither a lane nor a
// cluster to join: it is shown nowhere, and neither is any later event
// with no lane free at its marker when no lane was free at i's (quick <
// 0; the lanes do not change), nor, when lane 0 is the only lane and the
// selected chip covers i's marker, any event up to the selected one. One
// step for all of them: one at a time, the events under a selected chip
// cost a step each.
func (l *Layout) roomless(lanes []lane, b, i, end, quick int, covered bool, sel *selection) int {
	m := &l.M
	bd := &l.bands[b]
	last := end // the selected event is placed in its turn
	if sel.pos > i {
		last = sel.pos
	}
	if covered && len(lanes) == 1 {
		return last
	}
	if quick >= 0 {
		return i + 1
	}
	minEnd := lanes[0].end
	for j := range lanes {
		minEnd = min(minEnd, lanes[j].end)
	}
	j := searchNear(bd.pos[:last], i, l.dayAt(minEnd+m.Gap+m.PadL+m.Marker/2), false)
	return max(j, i+1)
}

// alsoClamped is how many of the events after the i-th of band b, which
// just joined cluster p in lane 0 short of the selected chip, would join it
// too, one at a time, each finding no room (sweep): none is in a lane but
// 0 before one frees up at its marker, lane 0 is covered by the selected
// chip or ends too late for them, and foldLane picks lane 0 again while it
// ends first and its pill, growing with its count, still ends a gap before
// the selected chip. Taken at once: one at a time, each measured, they
// were every event under a selected chip at the right end of a narrow
// timeline, tens of thousands at 100,000 events.
func (l *Layout) alsoClamped(lanes []lane, b, i int, p *Item, sel *selection) int {
	m := &l.M
	bd := &l.bands[b]
	// free is where a lane may first be free for a later event: another
	// lane, or lane 0 when it ends so early that it is free at a marker
	// the selected chip does not cover yet
	free := float32(math.Inf(1))
	if lanes[0].end+2*m.Gap+m.PadL+m.Marker <= sel.l {
		free = lanes[0].end
	}
	for j := 1; j < len(lanes); j++ {
		if lanes[j].end < lanes[0].end && lanes[j].last >= 0 {
			return 0 // foldLane takes that lane next
		}
		free = min(free, lanes[j].end)
	}
	last := sel.pos
	if !math.IsInf(float64(free), 1) {
		last = min(last, searchNear(bd.pos[:sel.pos], i+1, l.dayAt(free+m.Gap+m.PadL+m.Marker/2), false))
	}
	room := int(m.mostInCluster(p.X, sel.l) - 1 - p.Count) // p.Count: with i
	return max(0, min(last-(i+1), room))
}

// mostInCluster is the most events a cluster pill at x may stand for and
// still end a gap before limit (at least 9: the pill of one digit).
func (m *Metrics) mostInCluster(x, limit float32) int32 {
	n := int32(9)
	for n < math.MaxInt32/10 && x+m.ClusterWidth(n*10+9)+m.Gap <= limit {
		n = n*10 + 9
	}
	return n
}

// startCluster starts a cluster of event ev at x in lane k, or near the
// right edge, where a lane is free far enough left, so far left that the
// pill stays inside the story should it take more events; it returns the
// lane.
func (l *Layout) startCluster(lanes []lane, b, ev, k int, x float32, sel *selection) int {
	m := &l.M
	pill := m.ClusterWidth(1)
	if x+pill > l.flipX {
		quick := k
		x = max(lanes[quick].end+m.Gap, l.flipX-pill)
		for j := quick; j < len(lanes); j++ {
			if lanes[j].end+m.Gap <= l.flipX-pill && sel.clear(j, l.flipX-pill, l.flipX) {
				x, k = l.flipX-pill, j
				break
			}
		}
	}
	l.put(lanes, k, Item{Ev: int32(ev), Last: int32(ev), Band: int8(b), X: x, W: pill, MarkX: x})
	return k
}

// foldLane is the lane whose last item an event with no room joins: the
// one that frees up first, whose last item is not the selected chip and
// may grow without reaching it; -1 for none.
func (l *Layout) foldLane(lanes []lane, sel *selection) int {
	m := &l.M
	best := -1
	for j := range lanes {
		p := lanes[j].last
		if p < 0 || (l.Items[p].Count == 0 && int(l.Items[p].Ev) == l.selected) {
			continue
		}
		nw := l.Items[p].X + m.ClusterWidth(l.Items[p].Count+2)
		if j == 0 && sel.pos >= 0 && nw+m.Gap > sel.l {
			continue
		}
		if best < 0 || lanes[j].end < lanes[best].end {
			best = j
		}
	}
	return best
}

// growCluster makes the cluster last in lane k take the i-th event of band
// b and every later one before end that could not fit anywhere either
// (found by binary search), and returns the position of the first event
// after them. The cluster claims at least a marker's width of time beyond
// event i, so that each step covers ground, and stops short of the
// selected chip.
func (l *Layout) growCluster(lanes []lane, b, k, i, end int, sel *selection) int {
	m := &l.M
	bd := &l.bands[b]
	p := &l.Items[lanes[k].last]
	claim := l.XOf(bd.pos[i]) + m.ClusterWidth(1)
	lanes[k].end = max(p.X+m.ClusterWidth(p.Count+1), claim)
	minEnd := lanes[k].end
	for j := range lanes {
		minEnd = min(minEnd, lanes[j].end)
	}
	edgeX := max(claim, minEnd+m.Gap+m.PadL+m.Marker/2)
	if k == 0 && sel.pos >= 0 {
		edgeX = min(edgeX, sel.l-m.Gap-m.PadL-m.Marker/2)
	}
	j := max(searchNear(bd.pos[:end], i, l.dayAt(edgeX), false), i+1)
	clamped := k == 0 && sel.pos > i && l.XOf(bd.pos[i]) >= sel.l-m.Gap-m.PadL-m.Marker/2
	if sel.pos >= 0 && sel.pos > i && sel.pos < j {
		j = sel.pos
	}
	p.Count += int32(j - i)
	p.Last = bd.idx[j-1]
	p.W = max(m.ClusterWidth(p.Count), l.XOf(bd.pos[j-1])+m.Marker/2+m.PadL-p.X)
	if k == 0 && sel.pos >= 0 {
		p.W = max(m.ClusterWidth(p.Count), min(p.W, sel.l-m.Gap-p.X))
	}
	if over := p.X + p.W - l.flipX; over > 0 {
		// a pill made from a chip near the right edge is wider than it
		// was: back inside the story, as far as the lane allows
		prev := float32(math.Inf(-1))
		if its := lanes[k].items; len(its) > 1 {
			q := &l.Items[its[len(its)-2]]
			prev = q.X + q.W + m.Gap
		}
		p.X = max(prev, p.X-over)
		p.MarkX = p.X
	}
	lanes[k].end = p.X + p.W
	if clamped && j == i+1 {
		if n := l.alsoClamped(lanes, b, i, p, sel); n > 0 {
			j += n
			p.Count += int32(n)
			p.Last = bd.idx[j-1]
		}
	}
	return j
}

// chip measures event i's chip in band b at the current view. A chip that
// would run off the right edge puts its label left of the marker.
func (l *Layout) chip(i, b int, bold bool) Item {
	m := &l.M
	mx := l.XOf(l.pos[i])
	it := Item{Ev: int32(i), Band: int8(b), MarkX: mx, X: mx - m.Marker/2 - m.PadL, Label: l.labelMax}
	it.W = l.chipWidth(i, bold)
	if it.X+it.W > l.flipX {
		right := mx + m.Marker/2 + m.PadL // of a flipped chip
		switch {
		case right-it.W >= l.flipL:
			it.Flip = true
			it.X = right - it.W
		case bold:
			// The selected chip fits on neither side: on the roomier
			// one, its label cut to the room there.
			roomR, roomL := l.flipX-it.X, right-l.flipL
			lw := l.measure.LabelWidth(i, bold, l.labelMax)
			it.Label = max(0, lw-(it.W-max(roomR, roomL)))
			cut := l.measure.LabelWidth(i, bold, it.Label)
			it.W += cut - lw
			if roomL > roomR {
				it.Flip = true
				it.X = right - it.W
			}
		default:
			it.Out = true
		}
	}
	if l.until[i] != 0 {
		it.BarX = l.XOf(l.start[i])
		it.BarW = max(l.XOf(l.until[i])-it.BarX, 2)
		right := max(it.X+it.W, it.BarX+it.BarW)
		it.X = min(it.X, it.BarX)
		it.W = right - it.X
	}
	return it
}

func (l *Layout) put(lanes []lane, k int, it Item) {
	it.Lane = int8(k)
	l.Items = append(l.Items, it)
	n := len(l.Items) - 1
	lanes[k].items = append(lanes[k].items, int32(n))
	lanes[k].last = n
	lanes[k].end = it.X + it.W
}

// LaneY is the top of lane k of band b.
func (l *Layout) LaneY(b, k int) float32 {
	off := (l.M.LaneH - l.M.ChipH) / 2
	if l.bands[b].Side == data.SideAbove {
		return l.edge[b] - float32(k+1)*l.M.LaneH + off
	}
	return l.edge[b] + float32(k)*l.M.LaneH + off
}

// laneAt finds the lane at height y.
func (l *Layout) laneAt(y float32) (b, k int, ok bool) {
	h := l.M.LaneH
	for b, n := range l.NLanes {
		var d float32
		above := l.bands[b].Side == data.SideAbove
		if above {
			d = l.edge[b] - y
		} else {
			d = y - l.edge[b]
		}
		if (d > 0 || d == 0 && !above) && d < float32(n)*h {
			return b, int(d / h), true
		}
	}
	return 0, 0, false
}

// HitTest finds the chip or cluster at (x, y) in the view (x 0 at its left
// edge) by binary search in its lane: an index into Items, or -1.
func (l *Layout) HitTest(x, y float32) int {
	x += l.Shift // to content coordinates
	b, k, ok := l.laneAt(y)
	if !ok || k >= len(l.lanes[b]) {
		return -1
	}
	top := l.LaneY(b, k)
	if y < top || y > top+l.M.ChipH {
		return -1
	}
	ln := l.lanes[b][k].items
	n := sort.Search(len(ln), func(j int) bool { return l.Items[ln[j]].X > x })
	if n == 0 {
		return -1
	}
	it := &l.Items[ln[n-1]]
	if x > it.X+it.W {
		return -1
	}
	return int(ln[n-1])
}
