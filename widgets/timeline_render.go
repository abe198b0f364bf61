package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// chipObjects are the pooled canvas objects that draw one chip: an event's
// marker, direction, date and label, or a cluster's count.
type chipObjects struct {
	// box holds the objects below, in content coordinates; it is hidden
	// while the chip is out of view (cullChips), which leaves their own
	// visibility to say what the chip is made of.
	box    *fyne.Container
	ring   *canvas.Rectangle // selection outline, hover background, cluster pill
	bar    *canvas.Rectangle // a range's duration
	marker *canvas.Polygon
	arrow  *canvas.Polygon
	date   *canvas.Text
	label  *canvas.Text
	mark   *canvas.Circle // a disputed event's ring
}

// eraObjects draw one era: a shaded band and its title along the top.
type eraObjects struct {
	bg    *canvas.Rectangle
	edge  *canvas.Rectangle
	title *canvas.Text
}

// captionObjects name whose side of the axis is which: a triangle and the
// names, at the left edge.
type captionObjects struct {
	bg    *canvas.Rectangle
	arrow *canvas.Polygon
	text  *canvas.Text
}

type tickObjects struct {
	mark  *canvas.Rectangle
	label *canvas.Text
}

// timelineRenderer draws a Timeline with a pool of canvas objects that
// grows only to what one screen can hold; spares are hidden. It asks the
// timeline's layout where things go, and reads the timeline's state; it
// changes neither.
type timelineRenderer struct {
	t *Timeline

	track      *canvas.Rectangle
	axisLine   *canvas.Rectangle
	content    *fyne.Container // ticks and chips, in content coordinates
	ticks      []tickObjects
	chips      []chipObjects
	arrows     []arrowObjects // letters crossing the axis (Layout.Arrows)
	links      []*canvas.Line // the selected event to its related ones
	hoverArrow arrowObjects   // the hovered letter's, when its arrow gave way
	eras       []eraObjects
	captions   [2]captionObjects
	tipBg      *canvas.Rectangle
	tipDate    *canvas.Text
	tipTitle   *canvas.Text
	tipFor     tipKey // what the tooltip's texts were made for

	objects []fyne.CanvasObject
	dirty   bool // the pools grew: objects must be rebuilt

	colors palette
	drawn  styleKey // what the chips, ticks and eras were last drawn for
}

// styleKey is what the chips, ticks and eras are drawn from, but for the
// pan position: a frame with the same key only moves the content.
type styleKey struct {
	layout  int // lanes.Layout.Generation
	match   int // Timeline.matchVer
	palette int // palette.version
}

type palette struct {
	variant                                   fyne.ThemeVariant
	fg, muted, disabled, track, line, sel, bg color.Color
	hover, shadow, overlay                    color.Color
	err, errDim, link                         color.Color
	minorTick, majorTick, clusterLine         color.Color
	kinds                                     map[data.Kind][4]color.Color // full, dim, tint, dim tint
	groups                                    [GroupColors][4]color.Color
	era                                       [2]color.Color // the shades of alternate eras
	eraEdge                                   color.Color
	theme                                     fyne.Theme
	ready                                     bool
	version                                   int // counts the themes worked out
}

func newTimelineRenderer(t *Timeline) *timelineRenderer {
	r := &timelineRenderer{
		t:          t,
		track:      &canvas.Rectangle{},
		axisLine:   &canvas.Rectangle{},
		content:    &fyne.Container{},
		tipBg:      &canvas.Rectangle{},
		tipDate:    &canvas.Text{},
		tipTitle:   &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		hoverArrow: newArrowObjects(),
	}
	hide(r.tipBg)
	hide(r.tipDate)
	hide(r.tipTitle)
	for i := range r.captions {
		r.captions[i] = captionObjects{bg: &canvas.Rectangle{}, arrow: &canvas.Polygon{Sides: 3}, text: &canvas.Text{}}
	}
	r.applyTheme()
	r.rebuild()
	return r
}

func (r *timelineRenderer) rebuild() {
	objs := r.content.Objects[:0]
	for _, e := range r.eras {
		objs = append(objs, e.bg, e.edge, e.title)
	}
	// arrows and links go behind the ticks and chips: they never hide a
	// label
	for _, a := range r.arrows {
		objs = appendLines(objs, a)
	}
	objs = appendLines(objs, r.hoverArrow)
	for _, ln := range r.links {
		objs = append(objs, ln)
	}
	for _, tk := range r.ticks {
		objs = append(objs, tk.mark, tk.label)
	}
	for _, c := range r.chips {
		objs = append(objs, c.box)
	}
	r.content.Objects = objs
	r.objects = append(r.objects[:0], r.track, r.axisLine, r.content)
	for _, c := range r.captions {
		r.objects = append(r.objects, c.bg, c.arrow, c.text)
	}
	r.objects = append(r.objects, r.tipBg, r.tipDate, r.tipTitle)
	r.dirty = false
}

func appendLines(objs []fyne.CanvasObject, a arrowObjects) []fyne.CanvasObject {
	for _, ln := range a.lines {
		objs = append(objs, ln)
	}
	return objs
}

// Destroy stops a scroll on its way: nothing is left to show it.
func (r *timelineRenderer) Destroy() { r.t.stopAnimation() }

func (r *timelineRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh picks up theme, data, selection, dimming and view changes.
func (r *timelineRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) applyTheme() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	p := &r.colors
	if p.ready && p.theme == th && p.variant == v {
		return // colours are worked out once per theme, not per frame
	}
	p.ready, p.theme, p.variant = true, th, v
	p.version++
	p.fg = th.Color(theme.ColorNameForeground, v)
	p.muted = th.Color(theme.ColorNamePlaceHolder, v)
	p.disabled = th.Color(theme.ColorNameDisabled, v)
	p.track = th.Color(theme.ColorNameInputBackground, v)
	p.line = th.Color(theme.ColorNameForeground, v)
	p.sel = th.Color(theme.ColorNameSelection, v)
	p.bg = th.Color(theme.ColorNameBackground, v)
	p.hover = th.Color(theme.ColorNameHover, v)
	p.shadow = th.Color(theme.ColorNameShadow, v)
	p.overlay = th.Color(theme.ColorNameOverlayBackground, v)
	p.err = th.Color(theme.ColorNameError, v)
	p.errDim = withAlpha(p.err, 0x50) // a dimmed event's ring, as its marker
	p.link = withAlpha(p.fg, 0xb0)
	if p.kinds == nil {
		p.kinds = map[data.Kind][4]color.Color{}
	}
	for _, k := range data.Kinds {
		c := KindColor(th, v, k)
		p.kinds[k] = [4]color.Color{c, withAlpha(c, 0x50), withAlpha(c, 0x38), withAlpha(c, 0x15)}
	}
	for i := range p.groups {
		c := GroupColor(v, i)
		p.groups[i] = [4]color.Color{c, withAlpha(c, 0x50), withAlpha(c, 0x38), withAlpha(c, 0x15)}
	}
	p.era = [2]color.Color{withAlpha(p.fg, 0x0d), withAlpha(p.fg, 0x1a)}
	p.eraEdge = withAlpha(p.fg, 0x40)
	for _, c := range r.captions {
		c.text.Color = p.muted
		c.arrow.FillColor = p.muted
		c.bg.FillColor = p.bg
	}
	p.minorTick = withAlpha(p.fg, 0x70)
	p.majorTick = withAlpha(p.fg, 0xb0)
	p.clusterLine = withAlpha(p.fg, 0x60)
	r.track.FillColor = p.track
	r.track.CornerRadius = 4
	r.axisLine.FillColor = withAlpha(p.fg, 0x90)
	r.tipBg.FillColor = p.overlay
	r.tipBg.StrokeColor = p.shadow
	r.tipBg.StrokeWidth = 1
	r.tipBg.CornerRadius = 4
	r.tipDate.Color = p.muted
	r.tipTitle.Color = p.fg
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 0xff)
	return n
}

// eventColors are the colours of event i: its group's when it has one, else
// its kind's.
func (r *timelineRenderer) eventColors(i int) [4]color.Color {
	if g := r.t.lay.GroupOf(i); g >= 0 {
		return r.colors.groups[g%GroupColors]
	}
	return r.kindColors(r.t.tl.Events[i].Kind)
}

func (r *timelineRenderer) kindColors(k data.Kind) [4]color.Color {
	if c, ok := r.colors.kinds[k]; ok {
		return c
	}
	return r.colors.kinds[data.KindContext]
}

// Layout places the events for size and the view, and moves the pooled
// objects onto them. A pan inside the laid-out region only moves the
// content.
func (r *timelineRenderer) Layout(size fyne.Size) {
	l := r.t.place(size)
	r.layoutAxis(l, size)
	if style := (styleKey{l.Generation(), r.t.matchVer, r.colors.version}); style != r.drawn {
		r.drawn = style
		r.content.Resize(fyne.NewSize(float32((l.To-l.From)*l.PPD), size.Height))
		r.layoutEras(size)
		r.layoutArrows(l)
		r.layoutLinks(l)
		r.layoutTicks(l)
		r.layoutChips(l)
		if r.dirty {
			r.rebuild()
		}
	}
	r.content.Move(fyne.NewPos(-l.Shift, 0))
	r.cullChips(l)
	r.layoutEraTitles()
	r.layoutCaptions(size)
	r.layoutHoverArrow()
	r.layoutTooltip()
}

// layoutAxis places the axis' track (when events sit on it) and its line.
func (r *timelineRenderer) layoutAxis(l *lanes.Layout, size fyne.Size) {
	if size.Width <= 0 || len(l.NLanes) == 0 {
		hide(r.track)
		hide(r.axisLine)
		return
	}
	if l.NLanes[l.Axis()] == 0 {
		hide(r.track)
	} else {
		show(r.track)
	}
	show(r.axisLine)
	r.track.Move(fyne.NewPos(0, l.AxisTop))
	r.track.Resize(fyne.NewSize(size.Width, l.TickTop-l.AxisTop))
	r.axisLine.Move(fyne.NewPos(0, l.TickTop-1))
	r.axisLine.Resize(fyne.NewSize(size.Width, 2))
}

// layoutTicks moves the pooled tick marks and labels onto the layout's
// ticks, growing the pool when they are more.
func (r *timelineRenderer) layoutTicks(l *lanes.Layout) {
	m := l.M
	for len(r.ticks) < len(l.Ticks) {
		r.ticks = append(r.ticks, tickObjects{mark: &canvas.Rectangle{}, label: &canvas.Text{}})
		r.dirty = true
	}
	for n, o := range r.ticks {
		if n >= len(l.Ticks) {
			hide(o.mark)
			hide(o.label)
			continue
		}
		tk := &l.Ticks[n]
		h := float32(5)
		o.mark.FillColor = r.colors.minorTick
		if tk.Major {
			h = 9
			o.mark.FillColor = r.colors.majorTick
		}
		o.mark.Move(fyne.NewPos(tk.X, l.TickTop))
		o.mark.Resize(fyne.NewSize(1, h))
		show(o.mark)
		if tk.Label == "" {
			hide(o.label)
			continue
		}
		o.label.Text = tk.Label
		o.label.TextSize = m.TextSize
		o.label.TextStyle.Bold = tk.Major
		o.label.Color = r.colors.muted
		if tk.Major {
			o.label.Color = r.colors.fg
		}
		o.label.Move(fyne.NewPos(tk.LX, l.TickTop+min(3, m.TickH-m.TextH))) // closer in a tight strip
		o.label.Resize(fyne.NewSize(0, m.TextH))
		show(o.label)
	}
}

// layoutChips moves the pooled chips onto the layout's chips and clusters,
// growing the pool when they are more, and hides the spares.
func (r *timelineRenderer) layoutChips(l *lanes.Layout) {
	for len(r.chips) < len(l.Items) {
		c := chipObjects{
			ring: &canvas.Rectangle{}, bar: &canvas.Rectangle{},
			marker: &canvas.Polygon{}, arrow: &canvas.Polygon{Sides: 3},
			date: &canvas.Text{}, label: &canvas.Text{}, mark: &canvas.Circle{},
		}
		c.box = &fyne.Container{Objects: []fyne.CanvasObject{c.ring, c.bar, c.mark, c.marker, c.arrow, c.date, c.label}}
		r.chips = append(r.chips, c)
		r.dirty = true
	}
	for n := range r.chips {
		c := &r.chips[n]
		c.box.Resize(r.content.Size()) // (a container's size clips nothing)
		if n < len(l.Items) {
			r.layoutChip(l, c, &l.Items[n])
			continue
		}
		hide(c.ring)
		hide(c.bar)
		hide(c.marker)
		hide(c.arrow)
		hide(c.date)
		hide(c.label)
		hide(c.mark)
	}
}

// cullChips hides the chips out of view. The laid-out region is two
// views wide, so that a pan only moves it; the GL painter draws every
// visible object, clipped or not, and half of them would be off screen.
// It runs every frame: it only compares each chip's extent with the view.
func (r *timelineRenderer) cullChips(l *lanes.Layout) {
	slack := l.M.ChipH // a selection outline, a disputed ring past the chip
	from, to := l.Shift-slack, l.Shift+l.Width+slack
	for n := range r.chips {
		box := r.chips[n].box
		if n >= len(l.Items) {
			hide(box)
			continue
		}
		it := &l.Items[n]
		x0, x1 := it.X, it.X+it.W
		if it.BarW > 0 {
			x0, x1 = min(x0, it.BarX), max(x1, it.BarX+it.BarW)
		}
		if it.Count == 1 { // a lone marker sits on its event's day
			mx := l.XOf(l.Pos(int(it.Ev)))
			x0, x1 = min(x0, mx-l.M.Marker), max(x1, mx+l.M.Marker)
		}
		if x1 >= from && x0 <= to {
			show(box)
		} else {
			hide(box)
		}
	}
}

// layoutChip draws one item: an event's chip, a lone marker or a cluster.
func (r *timelineRenderer) layoutChip(l *lanes.Layout, c *chipObjects, it *lanes.Item) {
	y := l.LaneY(int(it.Band), int(it.Lane))
	switch {
	case it.Count == 1:
		r.layoutLoneMarker(l, c, it, y)
	case it.Count > 1:
		r.layoutCluster(l, c, it, y)
	default:
		r.layoutEvent(l, c, it, y)
	}
}

// layoutLoneMarker draws a lone event with no room for its label: its
// marker alone, outlined when selected.
func (r *timelineRenderer) layoutLoneMarker(l *lanes.Layout, c *chipObjects, it *lanes.Item, y float32) {
	m := l.M
	ev := int(it.Ev)
	kc := r.eventColors(ev)
	col := kc[0]
	if r.t.Dimmed(ev) {
		col = kc[1]
	}
	centre := fyne.NewPos(l.XOf(l.Pos(ev)), y+m.ChipH/2)
	styleMarker(c.marker, r.t.tl.Events[ev].Kind, col, centre, m.Marker)
	show(c.marker)
	r.layoutDispute(c.mark, ev, centre, m, r.t.Dimmed(ev))
	if ev == r.t.selected {
		r.layoutSelection(c.ring, c.marker.Position().X-3, y, c.marker.Size().Width+6, m.ChipH)
	} else {
		hide(c.ring)
	}
	hide(c.arrow)
	hide(c.bar)
	hide(c.date)
	hide(c.label)
}

// layoutCluster draws a cluster: its count in a pill.
func (r *timelineRenderer) layoutCluster(l *lanes.Layout, c *chipObjects, it *lanes.Item, y float32) {
	m := l.M
	hide(c.marker)
	hide(c.mark)
	hide(c.arrow)
	hide(c.bar)
	hide(c.date)
	c.ring.FillColor = r.colors.hover
	c.ring.StrokeColor = r.colors.clusterLine
	c.ring.StrokeWidth = 1
	c.ring.CornerRadius = m.ChipH / 2
	c.ring.Move(fyne.NewPos(it.X, y))
	c.ring.Resize(fyne.NewSize(it.W, m.ChipH))
	show(c.ring)
	c.label.Text = l.CountText(it.Count)
	c.label.TextStyle.Bold = true
	c.label.TextSize = m.TextSize
	c.label.Color = r.colors.fg
	c.label.Alignment = fyne.TextAlignCenter
	c.label.Move(fyne.NewPos(it.X, y+(m.ChipH-m.TextH)/2))
	c.label.Resize(fyne.NewSize(it.W, m.TextH))
	show(c.label)
}

// layoutSelection outlines the selected event's chip or marker.
func (r *timelineRenderer) layoutSelection(ring *canvas.Rectangle, x, y, w, h float32) {
	ring.FillColor = r.colors.sel
	ring.StrokeColor = r.colors.fg
	ring.StrokeWidth = 2
	ring.CornerRadius = 4
	ring.Move(fyne.NewPos(x, y))
	ring.Resize(fyne.NewSize(w, h))
	show(ring)
}

// layoutEvent draws an event's chip: its selection outline, range bar,
// marker, direction, date and label.
func (r *timelineRenderer) layoutEvent(l *lanes.Layout, c *chipObjects, it *lanes.Item, y float32) {
	t := r.t
	m := l.M
	ev := int(it.Ev)
	selected := ev == t.selected
	dim := t.Dimmed(ev) && !selected // the selection always reads clearly
	kc := r.eventColors(ev)
	col := kc[0]
	if dim {
		col = kc[1]
	}
	if selected {
		r.layoutSelection(c.ring, it.X, y, it.W, m.ChipH)
	} else {
		hide(c.ring)
	}
	if it.BarW > 0 {
		c.bar.FillColor = kc[2]
		if dim {
			c.bar.FillColor = kc[3]
		}
		c.bar.StrokeColor = col
		c.bar.StrokeWidth = 1
		c.bar.CornerRadius = 3
		c.bar.Move(fyne.NewPos(it.BarX, y+2))
		c.bar.Resize(fyne.NewSize(it.BarW, m.ChipH-4))
		show(c.bar)
	} else {
		hide(c.bar)
	}

	cy := y + m.ChipH/2
	styleMarker(c.marker, t.tl.Events[ev].Kind, col, fyne.NewPos(it.MarkX, cy), m.Marker)
	show(c.marker)
	r.layoutDispute(c.mark, ev, fyne.NewPos(it.MarkX, cy), m, dim)
	dir := l.Direction(ev)
	date := l.DateText(ev)
	label, lw := t.texts.label(ev, selected, it.Label)
	if t.Concealed(ev) && label != "" {
		label = concealedLabel // in the label's room: nothing moves when it is revealed
	}
	arrowX, dateX, labelX := chipTextX(m, it, dir, t.texts.TextWidth(date, selected), lw)
	switch dir {
	case data.SideBelow:
		r.layoutArrow(c.arrow, 180, col, arrowX, cy)
	case data.SideAbove:
		r.layoutArrow(c.arrow, 0, col, arrowX, cy)
	default:
		hide(c.arrow)
	}

	text, muted := r.colors.fg, r.colors.muted
	if dim {
		text, muted = r.colors.disabled, r.colors.disabled
	}
	textY := y + (m.ChipH-m.TextH)/2
	chipText(c.date, date, m, selected, muted, fyne.NewPos(dateX, textY))
	chipText(c.label, label, m, selected, text, fyne.NewPos(labelX, textY))
}

// chipTextX is where a chip's direction chevron, date (dw wide) and label
// (lw wide) start: after the marker, or for a flipped chip, [date label
// chevron] ending at the marker.
func chipTextX(m lanes.Metrics, it *lanes.Item, dir data.Side, dw, lw float32) (arrowX, dateX, labelX float32) {
	if it.Flip {
		x := it.MarkX - m.Marker/2
		if dir != data.SideAxis {
			x -= m.Arrow + 2
			arrowX = x
		}
		labelX = x - m.Gap - lw
		return arrowX, labelX - m.Gap - dw, labelX
	}
	x := it.MarkX + m.Marker/2 + 2
	arrowX = x
	if dir != data.SideAxis {
		x += m.Arrow + 2
	}
	dateX = x - 2 + m.Gap
	return arrowX, dateX, dateX + dw + m.Gap
}

// chipText sets and places one of a chip's two texts (date and label).
func chipText(t *canvas.Text, s string, m lanes.Metrics, bold bool, c color.Color, pos fyne.Position) {
	t.Text = s
	t.TextSize = m.TextSize
	t.TextStyle.Bold = bold
	t.Color = c
	t.Alignment = fyne.TextAlignLeading
	t.Move(pos)
	t.Resize(fyne.NewSize(0, m.TextH))
	show(t)
}

func (r *timelineRenderer) layoutArrow(p *canvas.Polygon, angle float32, c color.Color, x, cy float32) {
	a := r.t.lay.M.Arrow
	p.Sides = 3
	p.Angle = angle
	p.FillColor = c
	p.StrokeWidth = 0
	p.Resize(fyne.NewSquareSize(a))
	p.Move(fyne.NewPos(x, cy-a/2))
	show(p)
}

// tipKey is what a tooltip's texts depend on: the chip or cluster, the
// width they are cut to and the text size.
type tipKey struct {
	ev, last, count int32
	width, textSize float32
	ver             int  // Timeline.matchVer: a concealed title revealed
	zoom            bool // a tap on the cluster zooms in
}

// layoutTooltip shows the date and title of what the pointer is over.
func (r *timelineRenderer) layoutTooltip() {
	t := r.t
	l := t.lay
	h := t.hovered()
	if h < 0 || t.tl == nil {
		r.tipFor = tipKey{}
		hide(r.tipBg)
		hide(r.tipDate)
		hide(r.tipTitle)
		return
	}
	it := &l.Items[h]
	m := l.M
	size := fyne.NewSize(l.Width, l.Height)
	zoom := it.Count > 1 && t.canZoomInto(it)
	if key := (tipKey{it.Ev, it.Last, it.Count, size.Width, m.TextSize, t.matchVer, zoom}); key != r.tipFor {
		// made when the pointer moves to another chip, not every frame
		r.tipFor = key
		var date, title string
		if it.Count > 1 {
			a, b := &t.tl.Events[it.Ev], &t.tl.Events[it.Last]
			date = data.DisplayRange(a.Date, b.Date)
			title = data.Count(int(it.Count), "event") + ": tap to zoom in"
			if !zoom {
				title = data.Count(int(it.Count), "event") + ": tap to show the first"
			}
		} else {
			e := &t.tl.Events[it.Ev]
			what := e.Kind.Label()
			if e.Group != "" {
				what = e.Group // an imported event's kind says little; its group more
			}
			date = e.DisplayDate() + " · " + what
			if t.Disputed(int(it.Ev)) {
				date += " · disputed"
			}
			title = e.Title
			if t.Concealed(int(it.Ev)) {
				title = concealedTitle
			}
		}
		// a long title (an imported headline) is cut to the timeline
		room := size.Width - 16
		r.tipDate.Text = ellipsize(date, m.TextSize, r.tipDate.TextStyle, room)
		r.tipTitle.Text = ellipsize(title, m.TextSize, r.tipTitle.TextStyle, room)
	}
	for _, tx := range []*canvas.Text{r.tipDate, r.tipTitle} {
		tx.TextSize = m.TextSize
	}
	dw := fyne.MeasureText(r.tipDate.Text, m.TextSize, r.tipDate.TextStyle).Width
	tw := fyne.MeasureText(r.tipTitle.Text, m.TextSize, r.tipTitle.TextStyle).Width
	w := max(dw, tw) + 16
	hgt := 2*m.TextH + 12
	x := t.pointer.X + 12
	if x+w > size.Width {
		x = size.Width - w
	}
	x = max(x, 0)
	y := l.LaneY(int(it.Band), int(it.Lane))
	if l.Bands()[it.Band].Side == data.SideAbove {
		y += m.ChipH + 4
	} else {
		y -= hgt + 4
	}
	y = max(0, min(y, size.Height-hgt))
	r.tipBg.Move(fyne.NewPos(x, y))
	r.tipBg.Resize(fyne.NewSize(w, hgt))
	r.tipDate.Move(fyne.NewPos(x+8, y+6))
	r.tipDate.Resize(fyne.NewSize(w-16, m.TextH))
	r.tipTitle.Move(fyne.NewPos(x+8, y+6+m.TextH))
	r.tipTitle.Resize(fyne.NewSize(w-16, m.TextH))
	show(r.tipBg)
	show(r.tipDate)
	show(r.tipTitle)
}

// layoutEras shades the eras in the region, alternating two tones, with a
// thin line where each begins. They are drawn first, behind everything.
func (r *timelineRenderer) layoutEras(size fyne.Size) {
	l := r.t.lay
	for len(r.eras) < len(l.Eras) {
		r.eras = append(r.eras, eraObjects{bg: &canvas.Rectangle{}, edge: &canvas.Rectangle{}, title: &canvas.Text{}})
		r.dirty = true
	}
	for n, o := range r.eras {
		if n >= len(l.Eras) {
			hide(o.bg)
			hide(o.edge)
			hide(o.title)
			continue
		}
		e := &l.Eras[n]
		o.bg.FillColor = r.colors.era[0]
		if e.Alt {
			o.bg.FillColor = r.colors.era[1]
		}
		o.bg.Move(fyne.NewPos(e.X0, 0))
		o.bg.Resize(fyne.NewSize(e.X1-e.X0, size.Height))
		show(o.bg)
		o.edge.FillColor = r.colors.eraEdge
		o.edge.Move(fyne.NewPos(e.X0, 0))
		o.edge.Resize(fyne.NewSize(1, size.Height))
		show(o.edge)
		o.title.Text = r.t.tl.Eras[e.Idx].Title
		o.title.TextSize = l.M.CapSize
		o.title.TextStyle.Bold = true
		o.title.Color = r.colors.muted
		o.title.Resize(fyne.NewSize(0, l.M.CapH))
	}
}

// layoutEraTitles keeps each era's title in view along the top, from the
// era's start or the left edge of the view (after the caption), and hides
// a title that does not fit in what is visible of its era. It runs every
// frame: eras on screen are few.
func (r *timelineRenderer) layoutEraTitles() {
	t := r.t
	l := t.lay
	m := l.M
	left := l.Shift + m.Pad
	if c := r.captions[0]; c.text.Visible() {
		left += c.bg.Size().Width + m.Gap
	}
	right := l.Shift + l.Width - m.Pad
	prevEnd := float32(math.Inf(-1)) // eras may overlap: so must their titles not
	for n := range l.Eras {
		if n >= len(r.eras) {
			break
		}
		e, o := &l.Eras[n], r.eras[n]
		if o.title.Text == "" || l.CapH == 0 { // no room for the titles' strip
			hide(o.title)
			continue
		}
		w := t.texts.width(o.title.Text, m.CapSize, true)
		x := max(e.X0+4, left, prevEnd+2*m.Gap)
		if x+w > min(e.X1-4, right) {
			hide(o.title)
			continue
		}
		prevEnd = x + w
		o.title.Move(fyne.NewPos(x, l.CapTop))
		show(o.title)
	}
}

// layoutCaptions names the people of each side at the left edge, in the
// outermost lane of that side (the one events fill last), where no chip is
// under it: a caption never hides a label. It runs every frame, as the
// chips move under it; the check is a binary search in one lane.
func (r *timelineRenderer) layoutCaptions(size fyne.Size) {
	t := r.t
	l := t.lay
	m := l.M
	for s, c := range r.captions {
		b, ok := l.CaptionBand(s)
		ok = ok && size.Width > 0 && len(l.NLanes) > 2 && l.NLanes[b] > 0
		var y, w, a float32
		if ok {
			// the outermost lane with room at the left edge
			a = captionArrow(m)
			w = t.captionWidth(m, s)
			ok = false
			for k := l.NLanes[b] - 1; k >= 0 && w <= size.Width/2; k-- {
				if !l.Occupied(b, k, l.Shift, l.Shift+w+m.Gap) {
					y, ok = l.LaneY(b, k), true
					break
				}
			}
		}
		if !ok {
			hide(c.bg)
			hide(c.arrow)
			hide(c.text)
			continue
		}
		c.text.Text = t.captions[s]
		c.text.TextSize = m.CapSize
		x := m.Pad + 2
		c.arrow.Angle = 0
		if s == 1 {
			c.arrow.Angle = 180
		}
		c.arrow.Resize(fyne.NewSquareSize(a))
		c.arrow.Move(fyne.NewPos(x, y+(m.ChipH-a)/2))
		c.text.Move(fyne.NewPos(x+a+4, y+(m.ChipH-m.CapH)/2+1))
		c.text.Resize(fyne.NewSize(0, m.CapH))
		c.bg.Move(fyne.NewPos(0, y))
		c.bg.Resize(fyne.NewSize(w, m.ChipH))
		show(c.bg)
		show(c.arrow)
		show(c.text)
	}
}

// hide and show change an object's visibility only when it changes: each
// call repaints, and a pan frame touches every pooled object.
func hide(o fyne.CanvasObject) {
	if o.Visible() {
		o.Hide()
	}
}

func show(o fyne.CanvasObject) {
	if !o.Visible() {
		o.Show()
	}
}
