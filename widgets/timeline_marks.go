package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// storyMarks are what the timeline draws between and on events beyond
// their chips, worked out once per data set: which events are disputed and
// which are related. Both are nil for data without any.
type storyMarks struct {
	// disputed is true for an event that disputes another's account, whose
	// account another disputes, or whose own accounts differ.
	disputed []bool
	// related lists, per event with any, the events it names as related
	// and those that name it.
	related map[int32][]int32
}

func newStoryMarks(tl *data.Timeline) storyMarks {
	var s storyMarks
	if tl == nil {
		return s
	}
	link := func(a, b int) {
		if a == b || a < 0 || b < 0 {
			return
		}
		if s.related == nil {
			s.related = map[int32][]int32{}
		}
		for _, x := range s.related[int32(a)] {
			if x == int32(b) {
				return
			}
		}
		s.related[int32(a)] = append(s.related[int32(a)], int32(b))
		s.related[int32(b)] = append(s.related[int32(b)], int32(a))
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		for _, id := range e.Related {
			link(i, tl.Index(id))
		}
		if e.Dispute == nil {
			continue
		}
		if s.disputed == nil {
			s.disputed = make([]bool, len(tl.Events))
		}
		s.disputed[i] = true
		if j := tl.Index(e.Dispute.Of); e.Dispute.Of != "" && j >= 0 {
			s.disputed[j] = true
		}
	}
	return s
}

// Disputed reports whether event i is marked as disputed: it disputes
// another's account, another disputes its account, or its own accounts
// differ.
func (t *Timeline) Disputed(i int) bool {
	return i >= 0 && i < len(t.marks.disputed) && t.marks.disputed[i]
}

// arrowSegments is how many straight lines draw an arrow's curve; two more
// draw its head.
const arrowSegments = 3

// arrowObjects draw one letter's crossing of the axis: a quadratic curve in
// arrowSegments lines and a head of two.
type arrowObjects struct {
	ev    int32 // the event drawn, -1 for none
	lines [arrowSegments + 2]*canvas.Line
}

func newArrowObjects() arrowObjects {
	a := arrowObjects{ev: -1}
	for i := range a.lines {
		a.lines[i] = &canvas.Line{}
		hide(a.lines[i])
	}
	return a
}

func (a *arrowObjects) hide() {
	a.ev = -1
	for _, ln := range a.lines {
		hide(ln)
	}
}

// draw makes the lines the arrow ar in colour c: from the sender's side
// (Y0) to the recipient's (Y1), bowed later in time by about a marker, its
// head at the recipient's end.
func (a *arrowObjects) draw(ar lanes.Arrow, m lanes.Metrics, c color.Color) {
	a.ev = ar.Ev
	bow := m.Marker * 0.8
	p0 := fyne.NewPos(ar.X, ar.Y0)
	p1 := fyne.NewPos(ar.X+bow, (ar.Y0+ar.Y1)/2) // the control point
	p2 := fyne.NewPos(ar.X, ar.Y1)
	at := func(t float32) fyne.Position {
		u := 1 - t
		return fyne.NewPos(u*u*p0.X+2*u*t*p1.X+t*t*p2.X, u*u*p0.Y+2*u*t*p1.Y+t*t*p2.Y)
	}
	width := max(1.5, m.Marker/8)
	prev := p0
	for s := 1; s <= arrowSegments; s++ {
		next := at(float32(s) / arrowSegments)
		setLine(a.lines[s-1], prev, next, c, width)
		prev = next
	}
	// the head: two strokes back from the end, either side of the curve's
	// direction there (p2-p1)
	dx, dy := float64(p1.X-p2.X), float64(p1.Y-p2.Y)
	n := math.Hypot(dx, dy)
	head := float64(m.Marker) * 0.55
	for k, turn := range [2]float64{-0.5, 0.5} {
		sin, cos := math.Sincos(turn)
		hx := (dx*cos - dy*sin) / n * head
		hy := (dx*sin + dy*cos) / n * head
		setLine(a.lines[arrowSegments+k], p2, fyne.NewPos(p2.X+float32(hx), p2.Y+float32(hy)), c, width)
	}
}

func setLine(ln *canvas.Line, from, to fyne.Position, c color.Color, width float32) {
	ln.Position1, ln.Position2 = from, to
	ln.StrokeColor = c
	ln.StrokeWidth = width
	show(ln)
}

// arrowColor is the colour of event ev's arrow: its chip's, quiet when
// dimmed by a search.
func (r *timelineRenderer) arrowColor(ev int) color.Color {
	kc := r.eventColors(ev)
	if r.t.Dimmed(ev) && ev != r.t.selected {
		return kc[1]
	}
	return kc[0]
}

// layoutArrows draws the layout's arrows, growing the pool when they are
// more, and hides the spares.
func (r *timelineRenderer) layoutArrows(l *lanes.Layout) {
	for len(r.arrows) < len(l.Arrows) {
		r.arrows = append(r.arrows, newArrowObjects())
		r.dirty = true
	}
	for n := range r.arrows {
		a := &r.arrows[n]
		if n >= len(l.Arrows) {
			if a.ev >= 0 {
				a.hide()
			}
			continue
		}
		ar := l.Arrows[n]
		a.draw(ar, l.M, r.arrowColor(int(ar.Ev)))
	}
}

// layoutHoverArrow draws the hovered letter's arrow when the frame's
// arrows gave way: a hovered or selected letter always shows its arrow.
// It runs every frame, as the pointer moves; the frame's arrows are few.
func (r *timelineRenderer) layoutHoverArrow() {
	l := r.t.lay
	h := r.t.hovered()
	if h < 0 {
		r.hoverArrow.hide()
		return
	}
	ar, ok := l.ArrowOf(&l.Items[h])
	if ok {
		for _, d := range l.Arrows {
			if d.Ev == ar.Ev {
				ok = false // drawn already
				break
			}
		}
	}
	if !ok {
		r.hoverArrow.hide()
		return
	}
	r.hoverArrow.draw(ar, l.M, r.arrowColor(int(ar.Ev)))
}

// layoutLinks joins the selected event to its related events with thin
// lines, marker to marker, where both are shown.
func (r *timelineRenderer) layoutLinks(l *lanes.Layout) {
	n := 0
	sel := r.t.selected
	if partners := r.t.marks.related[int32(sel)]; len(partners) > 0 {
		if from, ok := markerAt(l, sel); ok {
			for _, p := range partners {
				to, ok := markerAt(l, int(p))
				if !ok {
					continue
				}
				if n == len(r.links) {
					r.links = append(r.links, &canvas.Line{})
					r.dirty = true
				}
				setLine(r.links[n], from, to, r.colors.link, 1.5)
				n++
			}
		}
	}
	for _, ln := range r.links[n:] {
		hide(ln)
	}
}

// markerAt is the centre of event ev's marker when the layout shows it as a
// chip or a lone marker (not folded into a cluster), in content
// coordinates.
func markerAt(l *lanes.Layout, ev int) (fyne.Position, bool) {
	for n := range l.Items {
		it := &l.Items[n]
		if int(it.Ev) != ev || it.Count > 1 {
			continue
		}
		x := it.MarkX
		if it.Count == 1 {
			x = l.XOf(l.Pos(ev))
		}
		return fyne.NewPos(x, l.LaneY(int(it.Band), int(it.Lane))+l.M.ChipH/2), true
	}
	return fyne.Position{}, false
}

// layoutDispute rings a disputed event's marker in the theme's error
// colour, centred on centre; quietly when the event is dimmed by a search.
func (r *timelineRenderer) layoutDispute(mark *canvas.Circle, ev int, centre fyne.Position, m lanes.Metrics, dim bool) {
	if !r.t.Disputed(ev) {
		hide(mark)
		return
	}
	d := m.Marker + 6
	mark.FillColor = color.Transparent
	mark.StrokeColor = r.colors.err
	if dim {
		mark.StrokeColor = r.colors.errDim
	}
	mark.StrokeWidth = 2
	mark.Move(fyne.NewPos(centre.X-d/2, centre.Y-d/2))
	mark.Resize(fyne.NewSquareSize(d))
	show(mark)
}
