package lanes

import (
	"slices"

	"trumpkim/data"
)

// MaxArrows is the most crossing arrows a frame draws: a placement (two
// views wide) with more letters crossing the axis than this is a crowd,
// and their arrows give way to the markers alone. The selected letter's
// arrow is always drawn.
const MaxArrows = 120

// arrowGapShare is how far apart, in markers, two arrows must be: letters
// closer than that to another crossing letter drawn in the frame give way
// to their markers (both of them: keeping one would say the other was not
// sent).
const arrowGapShare = 0.5

// Arrow is a letter or message crossing the axis, drawn as a short curve
// from its sender's side to its recipient's: at content x X, from Y0 on
// the sender's side of the axis to Y1 on the recipient's.
type Arrow struct {
	Ev     int32
	X      float32
	Y0, Y1 float32
}

// crossing says whether event i is drawn with an arrow across the axis: a
// letter or message from one side's person to the other side's.
func (l *Layout) crossing(tl *data.Timeline, i int) bool {
	k := tl.Events[i].Kind
	return l.dir[i] != data.SideAxis && (k == data.KindLetter || k == data.KindMessage)
}

// ArrowOf is the arrow of item it when it is a lone event that crosses the
// axis, drawn or not (a hovered letter's arrow is shown even in a crowd).
func (l *Layout) ArrowOf(it *Item) (Arrow, bool) {
	if it.Count > 1 || !l.cross[it.Ev] {
		return Arrow{}, false
	}
	x := it.MarkX
	if it.Count == 1 { // a lone marker sits at its position
		x = l.XOf(l.pos[it.Ev])
	}
	top, bottom := l.AxisTop, l.TickTop+l.M.TickH
	a := Arrow{Ev: it.Ev, X: x, Y0: top, Y1: bottom}
	if l.dir[it.Ev] == data.SideAbove { // sent from below
		a.Y0, a.Y1 = bottom, top
	}
	return a, true
}

// placeArrows works out Arrows for the placed Items: every crossing event
// shown as a chip or a lone marker gets one, unless another is closer than
// half a marker (both give way) or the frame holds more than MaxArrows
// (all give way). The selected event keeps its arrow.
func (l *Layout) placeArrows() {
	l.Arrows = l.Arrows[:0]
	for n := range l.Items {
		if a, ok := l.ArrowOf(&l.Items[n]); ok {
			l.Arrows = append(l.Arrows, a)
		}
	}
	if len(l.Arrows) == 0 {
		return
	}
	slices.SortFunc(l.Arrows, func(a, b Arrow) int {
		switch {
		case a.X < b.X:
			return -1
		case a.X > b.X:
			return 1
		}
		return int(a.Ev - b.Ev)
	})
	gap := l.M.Marker * arrowGapShare
	keep := l.Arrows[:0]
	for n, a := range l.Arrows {
		crowded := n > 0 && a.X-l.Arrows[n-1].X < gap ||
			n+1 < len(l.Arrows) && l.Arrows[n+1].X-a.X < gap
		if !crowded || int(a.Ev) == l.selected {
			keep = append(keep, a)
		}
	}
	l.Arrows = keep
	if len(l.Arrows) > MaxArrows {
		keep = l.Arrows[:0]
		for _, a := range l.Arrows {
			if int(a.Ev) == l.selected {
				keep = append(keep, a)
			}
		}
		l.Arrows = keep
	}
}
