package widgets

import (
	"math"
	"sort"
	"strings"

	"trumpkim/data"
)

// maxGroupBands is how many data groups get bands of their own: three
// above the axis and three below. Further groups share them (each keeps
// its own colour), so that a small window still has a lane for every band.
const maxGroupBands = 6

// assignBands decides which band each event sits in and builds the bands.
//
//   - Events with a sender sit on their sender's side, meetings and talks on
//     the axis: the article's data keeps its three bands.
//   - In a timeline with groups (TimelineJS's "group"), an event with no
//     sender sits in its group's band; the groups alternate above and below
//     the axis, nearest first, and each has its own colour. Events with no
//     group stay on the axis.
//   - In a timeline with no people and no groups, events with no sender
//     alternate above and below the axis instead of crowding its one row.
func (t *Timeline) assignBands() {
	t.bands = t.bands[:0]
	t.dgroups = nil
	t.captions = [2]string{}
	tl := t.tl
	if tl == nil {
		t.bands = append(t.bands, band{side: groupAbove, slot: -1}, band{side: groupAxis, slot: -1}, band{side: groupBelow, slot: -1})
		t.axis = 1
		return
	}
	t.dgroups = tl.Groups()
	slotOf := make(map[string]int, len(t.dgroups))
	for i, g := range t.dgroups {
		slotOf[g] = i
	}
	alternate := len(t.dgroups) == 0 && len(tl.People) == 0

	// Side and slot of every event, kept in groupOf as a code (side and
	// slot+1) until the bands are known; arrays, not maps: this runs over
	// every event.
	const slots = maxGroupBands + 1
	var used [groupCount][slots]bool
	flip := 0
	for i := range tl.Events {
		e := &tl.Events[i]
		t.hue[i] = -1
		side, slot := groupAxis, -1
		switch s := tl.Side(e); {
		case s == data.SideAbove:
			side = groupAbove
		case s == data.SideBelow:
			side = groupBelow
		case e.Kind == data.KindMeeting || e.Kind == data.KindTalks || e.From != "":
		case len(t.dgroups) > 0 && e.Group != "":
			g := slotOf[e.Group]
			t.hue[i] = int8(g % len(groupColors))
			slot = g % maxGroupBands
			side = groupAbove
			if slot%2 == 1 {
				side = groupBelow
			}
		case alternate:
			side = groupAbove + 2*(flip%2)
			flip++
		}
		t.groupOf[i] = int8(side*slots + slot + 1)
		used[side][slot+1] = true
	}
	// The people's sides are nearest the axis, and always there when no
	// group band is on that side, so that the axis stays in the middle.
	var index [groupCount * slots]int8
	near := func(side int) []int { // slots+1, nearest the axis first
		var out []int
		for s := range slots {
			if used[side][s] {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			out = append(out, 0)
		}
		return out
	}
	above, below := near(groupAbove), near(groupBelow)
	for j := len(above) - 1; j >= 0; j-- {
		index[groupAbove*slots+above[j]] = int8(len(t.bands))
		t.bands = append(t.bands, band{side: groupAbove, slot: above[j] - 1})
	}
	t.axis = len(t.bands)
	index[groupAxis*slots] = int8(t.axis)
	t.bands = append(t.bands, band{side: groupAxis, slot: -1})
	for _, s := range below {
		index[groupBelow*slots+s] = int8(len(t.bands))
		t.bands = append(t.bands, band{side: groupBelow, slot: s - 1})
	}
	for i := range t.groupOf {
		t.groupOf[i] = index[t.groupOf[i]]
	}

	var names [2][]string
	for _, p := range tl.People {
		switch p.Side {
		case "above":
			names[0] = append(names[0], p.Name)
		case "below":
			names[1] = append(names[1], p.Name)
		}
	}
	for s, n := range names {
		if len(n) > 1 {
			n = append(n[:1:1], "…")
		}
		t.captions[s] = strings.Join(n, ", ")
	}
}

// setEras takes the eras' stretches in date order, and widens the span to
// show them whole.
func (t *Timeline) setEras() {
	t.eras = t.eras[:0]
	if t.tl == nil {
		return
	}
	for i, e := range t.tl.Eras {
		if e.Start.IsZero() {
			continue
		}
		end := e.End
		if end.IsZero() || end.Before(e.Start) {
			end = e.Start
		}
		sp := eraSpan{from: days(e.Start.Start()), to: days(end.Until()), idx: i}
		t.eras = append(t.eras, sp)
		if len(t.tl.Events) == 0 && len(t.eras) == 1 {
			t.first, t.last = sp.from, sp.to
		}
		t.first = math.Min(t.first, sp.from)
		t.last = math.Max(t.last, sp.to)
	}
	sort.SliceStable(t.eras, func(a, b int) bool { return t.eras[a].from < t.eras[b].from })
}

// side returns the side of the axis band g sits on.
func (t *Timeline) side(g int) int { return t.bands[g].side }

// resetBands sizes the placement's per-band slices for n bands.
func (l *placement) resetBands(n int) {
	if cap(l.lanes) < n {
		l.lanes = make([][]lane, n)
	}
	l.lanes = l.lanes[:n]
	l.hints = make([][2]int, n)
	l.nlanes = make([]int, n)
	l.base = make([]float32, n)
	l.side = make([]int8, n)
	l.valid = false
}

// allocateLanes shares total lanes between the bands into n: what each
// needs when there is room, spare lanes to the outermost bands of each
// side in turn; otherwise it takes lanes from the band that wants most,
// and when fewer lanes than bands are left, none to the outermost bands.
func (t *Timeline) allocateLanes(demand, n []int, total int) {
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
			if b != t.axis && (g < 0 || n[b] > n[g]) {
				g = b
			}
		}
		if g < 0 || n[t.axis] >= n[g] && n[t.axis] > 1 {
			g = t.axis
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
		if t.axis-top < bottom-t.axis {
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
	if top == t.axis || bottom == t.axis {
		n[t.axis] += total - sum
		return
	}
	// first a lane for each side whose caption has no room, so that it
	// shows in an empty outermost lane
	for s, g := range [2]int{top, bottom} {
		if sum < total && t.blocked[s] && t.captions[s] != "" {
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

// eraBox is an era as laid out: its stretch in content coordinates.
type eraBox struct {
	x0, x1 float32
	idx    int // into data.Timeline.Eras
	alt    bool
}

// placeEras lays out the eras that reach into the region.
func (t *Timeline) placeEras() {
	l := &t.lay
	l.eras = l.eras[:0]
	for n, e := range t.eras {
		if e.to <= l.from || e.from >= l.to {
			continue
		}
		x0 := max(t.xOf(e.from), -1)
		x1 := min(t.xOf(e.to), float32((l.to-l.from)*l.ppd)+1)
		l.eras = append(l.eras, eraBox{x0: x0, x1: x1, idx: e.idx, alt: n%2 == 1})
	}
}

// occupied reports whether anything in lane k of band g reaches into
// [x0, x1) in content coordinates: a binary search, as lanes run left to
// right without overlap.
func (l *placement) occupied(g, k int, x0, x1 float32) bool {
	if g >= len(l.lanes) || k >= len(l.lanes[g]) {
		return false
	}
	ln := l.lanes[g][k].items
	n := sort.Search(len(ln), func(j int) bool {
		it := &l.items[ln[j]]
		return it.x+it.w > x0
	})
	return n < len(ln) && l.items[ln[n]].x < x1
}

// captionSide returns which caption (0 above, 1 below) sits in band g's
// outermost lane, or -1: the topmost band holds the caption above, the
// bottom one the caption below.
func (t *Timeline) captionSide(g int) int {
	switch {
	case g == 0 && t.bands[g].side == groupAbove && t.captions[0] != "":
		return 0
	case g == len(t.bands)-1 && t.bands[g].side == groupBelow && t.captions[1] != "":
		return 1
	}
	return -1
}

// captionWidth is how wide caption s is drawn: margin, triangle, names.
func (t *Timeline) captionWidth(s int) float32 {
	m := t.lay.m
	return m.pad + 2 + t.captionArrow() + 4 + t.texts.width(t.captions[s], m.capSize, false) + 4
}

func (t *Timeline) captionArrow() float32 {
	return float32(math.Round(float64(t.lay.m.capSize * 0.75)))
}
