package lanes

import (
	"sort"

	"trumpkim/data"
)

// MaxGroupBands is how many imported groups get bands of their own: three
// above the axis and three below. Further groups share them (each keeps its
// own colour), so that a small window still has a lane for every band.
const MaxGroupBands = 6

// assignBands decides which band each event sits in and builds the bands.
//
//   - Events with a sender sit on their sender's side, meetings and talks on
//     the axis: the article's data keeps its three bands.
//   - In a timeline with groups (TimelineJS's "group"), an event with no
//     sender sits in its group's band; the groups alternate above and below
//     the axis, nearest first. Events with no group stay on the axis.
//   - In a timeline with no people and no groups, events with no sender
//     alternate above and below the axis instead of crowding its one row.
func (l *Layout) assignBands(tl *data.Timeline) {
	l.bands = l.bands[:0]
	if tl == nil {
		l.bands = append(l.bands, Band{Side: data.SideAbove, Slot: -1}, Band{Side: data.SideAxis, Slot: -1}, Band{Side: data.SideBelow, Slot: -1})
		l.axis = 1
		return
	}
	groups := tl.Groups()
	slotOf := make(map[string]int, len(groups))
	for i, g := range groups {
		slotOf[g] = i
	}
	alternate := len(groups) == 0 && len(tl.People) == 0

	// Side and slot of every event, kept in bandOf as a code (bandCode)
	// until the bands are known; arrays, not maps: this runs over every
	// event.
	var used [sides][slots]bool
	flip := 0
	for i := range tl.Events {
		e := &tl.Events[i]
		l.groupOf[i] = -1
		side, slot := data.SideAxis, -1
		switch s := tl.Side(e); {
		case s != data.SideAxis:
			side = s
		case e.Kind == data.KindMeeting || e.Kind == data.KindTalks || e.From != "":
		case len(groups) > 0 && e.Group != "":
			g := slotOf[e.Group]
			l.groupOf[i] = int16(g)
			slot = g % MaxGroupBands
			side = data.SideAbove
			if slot%2 == 1 {
				side = data.SideBelow
			}
		case alternate:
			side = data.SideAbove
			if flip%2 == 1 {
				side = data.SideBelow
			}
			flip++
		}
		l.bandOf[i] = bandCode(side, slot)
		used[sideIndex(side)][slot+1] = true
	}
	index := l.stackSlots(&used)
	for i := range l.bandOf {
		l.bandOf[i] = index[l.bandOf[i]]
	}
}

// slots is how many bands a side can have: one per group band, and one
// for the events of no group.
const slots = MaxGroupBands + 1

// bandCode numbers a side's slot (-1 for no group) across the sides.
func bandCode(side data.Side, slot int) int8 { return int8(sideIndex(side)*slots + slot + 1) }

// stackSlots builds the bands from the slots in use on each side, and
// returns the index in Bands of each slot's band, by bandCode. The
// people's sides are nearest the axis, and always there when no group band
// is on that side, so that the axis stays in the middle.
func (l *Layout) stackSlots(used *[sides][slots]bool) [sides * slots]int8 {
	var index [sides * slots]int8
	near := func(side data.Side) []int { // slots+1, nearest the axis first
		var out []int
		for s := range slots {
			if used[sideIndex(side)][s] {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			out = append(out, 0)
		}
		return out
	}
	above, below := near(data.SideAbove), near(data.SideBelow)
	for j := len(above) - 1; j >= 0; j-- {
		index[bandCode(data.SideAbove, above[j]-1)] = int8(len(l.bands))
		l.bands = append(l.bands, Band{Side: data.SideAbove, Slot: above[j] - 1})
	}
	l.axis = len(l.bands)
	index[bandCode(data.SideAxis, -1)] = int8(l.axis)
	l.bands = append(l.bands, Band{Side: data.SideAxis, Slot: -1})
	for _, s := range below {
		index[bandCode(data.SideBelow, s-1)] = int8(len(l.bands))
		l.bands = append(l.bands, Band{Side: data.SideBelow, Slot: s - 1})
	}
	return index
}

// sides is how many sides there are: above, the axis, below.
const sides = 3

// sideIndex numbers the sides from 0, top to bottom, for arrays.
func sideIndex(s data.Side) int { return int(s - data.SideAbove) }

// allocateLanes shares total lanes between the bands into n: what each
// needs when there is room, spare lanes to the outermost bands of each
// side in turn; otherwise it takes lanes from the band that wants most,
// and when fewer lanes than bands are left, none to the outermost bands.
func (l *Layout) allocateLanes(demand, n []int, total int) {
	copy(n, demand)
	sum := 0
	for _, d := range n {
		sum += d
	}
	for sum > total {
		// the sides hold the letters, most of the events: the axis gives
		// up a lane first when it wants as many as a side
		g := -1
		for b := range n {
			if b != l.axis && (g < 0 || n[b] > n[g]) {
				g = b
			}
		}
		if g < 0 || n[l.axis] >= n[g] && n[l.axis] > 1 {
			g = l.axis
		}
		if n[g] <= 1 {
			break
		}
		n[g]--
		sum--
	}
	// Not even a lane per band (a timeline shorter than its MinSize): the
	// outermost bands go, from the side with more of them, the axis last.
	for top, bottom := 0, len(n)-1; sum > total && top <= bottom; {
		g := top
		if l.axis-top < bottom-l.axis {
			g = bottom
		}
		sum -= n[g]
		n[g] = 0
		if g == top {
			top++
		} else {
			bottom--
		}
	}
	top, bottom := 0, len(n)-1
	if top == l.axis || bottom == l.axis {
		n[l.axis] += total - sum
		return
	}
	// first a lane for each side whose caption has no room, so that it
	// shows in an empty outermost lane
	for s, g := range [2]int{top, bottom} {
		if sum < total && l.blocked[s] && l.captionW[s] > 0 {
			n[g]++
			sum++
		}
	}
	for g := top; sum < total; {
		n[g]++
		sum++
		if g == top {
			g = bottom
		} else {
			g = top
		}
	}
}

// EraBox is an era as laid out: its stretch in content coordinates.
type EraBox struct {
	X0, X1 float32
	Idx    int  // into data.Timeline.Eras
	Alt    bool // every other era, for the alternate shade
}

// placeEras lays out the eras that reach into the region.
func (l *Layout) placeEras() {
	l.Eras = l.Eras[:0]
	for n, e := range l.eras {
		if e.To <= l.From || e.From >= l.To {
			continue
		}
		x0 := max(l.XOf(e.From), -1)
		x1 := min(l.XOf(e.To), float32((l.To-l.From)*l.PPD)+1)
		l.Eras = append(l.Eras, EraBox{X0: x0, X1: x1, Idx: e.Idx, Alt: n%2 == 1})
	}
}

// Occupied reports whether anything in lane k of band b reaches into
// [x0, x1) in content coordinates: a binary search, as lanes run left to
// right without overlap.
func (l *Layout) Occupied(b, k int, x0, x1 float32) bool {
	if b >= len(l.lanes) || k < 0 || k >= len(l.lanes[b]) {
		return false
	}
	ln := l.lanes[b][k].items
	n := sort.Search(len(ln), func(j int) bool {
		it := &l.Items[ln[j]]
		return it.X+it.W > x0
	})
	return n < len(ln) && l.Items[ln[n]].X < x1
}

// CaptionBand returns the band whose outermost lane holds caption s (0
// the one above, 1 the one below): the topmost band when it is above the
// axis, the bottom one when it is below; false when the side has no
// caption.
func (l *Layout) CaptionBand(s int) (int, bool) {
	b := 0
	if s == 1 {
		b = len(l.bands) - 1
	}
	return b, l.captionSide(b) == s
}

// captionSide returns which caption (0 above, 1 below) sits in band b's
// outermost lane, or -1.
func (l *Layout) captionSide(b int) int {
	switch {
	case b == 0 && l.bands[b].Side == data.SideAbove && l.captionW[0] > 0:
		return 0
	case b == len(l.bands)-1 && l.bands[b].Side == data.SideBelow && l.captionW[1] > 0:
		return 1
	}
	return -1
}
