package widgets

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

var (
	_ fyne.Widget        = (*Timeline)(nil)
	_ fyne.Tappable      = (*Timeline)(nil)
	_ fyne.Scrollable    = (*Timeline)(nil)
	_ fyne.Draggable     = (*Timeline)(nil)
	_ desktop.Hoverable  = (*Timeline)(nil)
	_ desktop.Cursorable = (*Timeline)(nil)
)

// The sides of the axis a band of lanes can sit on.
const (
	groupAbove = iota
	groupAxis
	groupBelow
	groupCount
)

const (
	secondsPerDay = 86400
	// minSpanDays is the deepest zoom: one day across the whole width.
	minSpanDays = 1
	// zoomStep is how much ZoomIn and ZoomOut change the visible span.
	zoomStep = 1.5
	// wheelZoomRate turns wheel distance (Fyne units) into a zoom factor.
	wheelZoomRate = 0.006
	// scrollDuration is how long a selection or cluster takes to come
	// into view.
	scrollDuration = 350 * time.Millisecond
)

// keyModifiers reports the keyboard modifiers held now; the test driver has
// none, so tests replace it.
var keyModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// Timeline shows the events of a data.Timeline on a horizontal date axis:
// the sender's side above or below (captioned with the people's names at
// the left edge), meetings and talks on the axis. An imported timeline's
// groups get bands of lanes of their own, alternating above and below, each
// in its colour (GroupColor); with no people and no groups, events use both
// sides; eras are shaded bands behind the events, titled along the top. It
// zooms and pans, labels every event it has room for without overlap
// (tightening its spacing at small sizes), and collapses the rest into
// cluster markers that zoom in when tapped.
//
// The Timeline is not focusable: the app routes keys to SetSelected, ZoomIn,
// ZoomOut, FitAll and Pan.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called with an index into the data's Events when the
	// person taps an event.
	OnSelected func(index int) `json:"-"`
	// OnViewChanged is called with the visible span whenever it changes.
	OnViewChanged func(from, to time.Time) `json:"-"`

	tl       *data.Timeline
	selected int
	match    []bool
	matchVer int // counts SetDimmed calls
	dataVer  int // counts SetTimeline calls

	// per event, by index into tl.Events
	pos      []float64 // marker position, days since the Unix epoch
	start    []float64 // first instant, days
	until    []float64 // end of a range's bar, days; 0 for a single date
	groupOf  []int8    // the band the event sits in: an index into bands
	groupPos []int32   // position within its band
	hue      []int8    // index into the group palette, or -1 for the kind's colour
	labelW   []float32 // label width, measured when first needed
	chipW    []float32 // chip width, measured when first needed
	dir      []data.Side

	// labelMax is the widest a label is drawn (setLabelMax); cuts keeps
	// the labels cut to fit, by event and boldness (label).
	labelMax float32
	cuts     map[int64]labelCut

	// bands are the strips of lanes from top to bottom: bands above the
	// axis (outermost first), the axis, bands below (nearest first). The
	// article's data has three: its people's sides and the axis.
	bands   []band
	axis    int      // index of the axis band
	dgroups []string // data.Timeline.Groups, whose colours hue indexes
	eras    []eraSpan
	// captions name whose side is above and below ("Donald Trump"); empty
	// when the data has no people on that side.
	captions [2]string
	first    float64 // earliest position, days
	last     float64 // latest position or range end, days

	// the view: visible days [viewFrom, viewTo)
	viewFrom, viewTo float64
	fitted           bool    // the view is "fit all" and refits on resize
	demand           []int   // lanes each band needs to show all
	saturated        bool    // some band wants every lane it can have
	blocked          [2]bool // a chip sits where the caption above/below would go, at fit-all
	anim             *fyne.Animation

	hover    hit
	hoverPos fyne.Position

	lay   placement
	texts textCache
}

// group is the events of one band, in date order.
type group struct {
	idx []int32
	pos []float64
	// reach is how many days a range in this group starts before its marker.
	reach float64
}

// band is one strip of lanes: a side of the axis, the axis itself, or one
// data group's share of a side.
type band struct {
	group
	side int // groupAbove, groupAxis or groupBelow
	// slot is the data group band (0, 1, 2, … alternating above and below)
	// or -1 for a side's people or the axis.
	slot int
}

// eraSpan is an era's stretch in days, [from, to), with its index in
// data.Timeline.Eras.
type eraSpan struct {
	from, to float64
	idx      int
}

// NewTimeline returns a Timeline showing tl (which may be nil), fitted to
// show every event.
func NewTimeline(tl *data.Timeline) *Timeline {
	t := &Timeline{selected: -1, hover: hit{item: -1}}
	t.ExtendBaseWidget(t)
	t.setData(tl)
	return t
}

// SetTimeline shows new data: the view fits all events, and selection and
// dimming are cleared. OnViewChanged reports the new span.
func (t *Timeline) SetTimeline(tl *data.Timeline) {
	t.setData(tl)
	if t.Size().Width > 0 {
		t.fit()
	}
	t.viewChanged() // so that a shown span follows the new data
}

func (t *Timeline) setData(tl *data.Timeline) {
	t.stopAnimation()
	t.tl = tl
	t.selected = -1
	t.match = nil
	t.dataVer++
	t.hover = hit{item: -1}
	t.texts.reset()
	n := 0
	if tl != nil {
		n = len(tl.Events)
	}
	t.pos = make([]float64, n)
	t.start = make([]float64, n)
	t.until = make([]float64, n)
	t.groupOf = make([]int8, n)
	t.groupPos = make([]int32, n)
	t.labelW = make([]float32, n)
	t.cuts = nil
	t.chipW = make([]float32, n)
	t.dir = make([]data.Side, n)
	t.hue = make([]int8, n)
	t.first, t.last = 0, 0
	t.assignBands()
	for i := 0; i < n; i++ {
		e := &tl.Events[i]
		s := days(e.Start())
		t.start[i] = s
		t.pos[i] = s
		if e.Date.Precision == data.PrecisionDay {
			t.pos[i] = s + 0.5
		}
		end := t.pos[i]
		if e.IsRange() {
			t.until[i] = days(e.Until())
			end = t.until[i]
		}
		gr := &t.bands[t.groupOf[i]]
		t.groupPos[i] = int32(len(gr.idx))
		gr.idx = append(gr.idx, int32(i))
		gr.pos = append(gr.pos, t.pos[i])
		if e.IsRange() {
			gr.reach = math.Max(gr.reach, t.pos[i]-s)
		}
		if i == 0 || t.pos[i] < t.first {
			t.first = t.pos[i]
		}
		if i == 0 || end > t.last {
			t.last = end
		}
	}
	t.setEras()
	for i := 0; i < n; i++ {
		t.dir[i] = t.directionOf(i)
	}
	if n == 0 && len(t.eras) == 0 {
		now := days(time.Now())
		t.first, t.last = now-180, now+180
	}
	if t.last-t.first < minSpanDays {
		t.last = t.first + minSpanDays
	}
	t.fitted = true
	t.demand = t.demand[:0]
	t.lay.resetBands(len(t.bands))
	t.viewFrom, t.viewTo = t.first, t.last
}

// days converts an instant to days since the Unix epoch.
func days(tm time.Time) float64 { return float64(tm.Unix()) / secondsPerDay }

// dayTime converts days since the Unix epoch to an instant.
func dayTime(d float64) time.Time {
	return time.Unix(int64(math.Round(d*secondsPerDay)), 0).UTC()
}

// SetSelected highlights the event at index in the data's Events (-1 for
// none) and brings it into view with a short scroll. It does not call
// OnSelected.
func (t *Timeline) SetSelected(index int) {
	if t.tl == nil || index < -1 || index >= len(t.tl.Events) {
		index = -1
	}
	t.selected = index
	if index >= 0 {
		t.bringIntoView(index)
	}
	t.Refresh()
}

// Selected returns the index of the selected event, or -1.
func (t *Timeline) Selected() int { return t.selected }

// SetDimmed marks which events match a search: match[i] false draws event
// i quietly (still visible). nil dims nothing.
func (t *Timeline) SetDimmed(match []bool) {
	if match != nil && (t.tl == nil || len(match) != len(t.tl.Events)) {
		match = nil
	}
	t.match = match
	t.matchVer++
	t.Refresh()
}

// Dimmed reports whether event i is drawn quietly.
func (t *Timeline) Dimmed(i int) bool {
	return t.match != nil && i >= 0 && i < len(t.match) && !t.match[i]
}

// ZoomIn shows a shorter span around the selected event when it is in
// view, else around the centre of the view.
func (t *Timeline) ZoomIn() { t.zoomAt(t.zoomAnchor(), 1/zoomStep) }

// ZoomOut shows a longer span around the selected event when it is in
// view, else around the centre of the view.
func (t *Timeline) ZoomOut() { t.zoomAt(t.zoomAnchor(), zoomStep) }

// zoomAnchor is where in the width (0 to 1) the keys and buttons zoom
// around: the selected event if it is in view, so that it stays put.
func (t *Timeline) zoomAnchor() float64 {
	if s := t.selected; s >= 0 && s < len(t.pos) {
		if f := (t.pos[s] - t.viewFrom) / (t.viewTo - t.viewFrom); f >= 0 && f <= 1 {
			return f
		}
	}
	return 0.5
}

// FitAll shows every event.
func (t *Timeline) FitAll() {
	t.stopAnimation()
	t.fitted = true
	t.fit()
	t.viewChanged()
}

// Pan moves the view by a fraction of its width: positive shows later
// dates.
func (t *Timeline) Pan(fraction float64) {
	t.stopAnimation()
	t.panDays((t.viewTo - t.viewFrom) * fraction)
}

// VisibleRange returns the first and last instant in view.
func (t *Timeline) VisibleRange() (from, to time.Time) {
	return dayTime(t.viewFrom), dayTime(t.viewTo)
}

// VisibleSpan describes the visible span for people, as precisely as the
// zoom makes useful: "2018 – 2020", "Jun 2019 – Sep 2019" or
// "Jun 3 – Jun 9, 2019".
func (t *Timeline) VisibleSpan() string {
	from, to := t.VisibleRange()
	to = to.Add(-time.Second)
	span := t.viewTo - t.viewFrom
	switch {
	case span > 3*365:
		return from.Format("2006") + " – " + to.Format("2006")
	case span > 60:
		return from.Format("Jan 2006") + " – " + to.Format("Jan 2006")
	case from.Year() != to.Year():
		return from.Format("Jan 2, 2006") + " – " + to.Format("Jan 2, 2006")
	case from.YearDay() == to.YearDay():
		return from.Format("Jan 2, 2006")
	}
	return from.Format("Jan 2") + " – " + to.Format("Jan 2, 2006")
}

// Tapped selects the event under the pointer and calls OnSelected, or zooms
// into a cluster.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	h := t.hitTest(e.Position)
	if h.item < 0 {
		return
	}
	it := &t.lay.items[h.item]
	if it.count > 1 {
		t.zoomToCluster(it)
		return
	}
	t.selected = int(it.ev)
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(t.selected)
	}
}

// Scrolled zooms around the pointer with Ctrl+wheel or a plain vertical
// wheel, and pans with horizontal scrolling or Shift+wheel.
func (t *Timeline) Scrolled(e *fyne.ScrollEvent) {
	dx, dy := float64(e.Scrolled.DX), float64(e.Scrolled.DY)
	mods := keyModifiers()
	w := float64(t.Size().Width)
	if w <= 0 {
		return
	}
	switch {
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if dy == 0 {
			dy = dx
		}
		t.zoomAt(float64(e.Position.X)/w, math.Exp(-dy*wheelZoomRate))
	case mods&fyne.KeyModifierShift != 0:
		d := dy
		if math.Abs(dx) > math.Abs(dy) {
			d = dx
		}
		t.stopAnimation()
		t.panDays(-d / w * (t.viewTo - t.viewFrom))
	case math.Abs(dx) > math.Abs(dy):
		t.stopAnimation()
		t.panDays(-dx / w * (t.viewTo - t.viewFrom))
	default:
		t.zoomAt(float64(e.Position.X)/w, math.Exp(-dy*wheelZoomRate))
	}
}

// Dragged pans the view with the pointer.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	w := float64(t.Size().Width)
	if w <= 0 {
		return
	}
	t.stopAnimation()
	t.panDays(-float64(e.Dragged.DX) / w * (t.viewTo - t.viewFrom))
}

// DragEnd ends a pan.
func (t *Timeline) DragEnd() {}

// MouseIn starts showing the tooltip of what is under the pointer.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved updates the tooltip to what is under the pointer.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) {
	h := t.hitTest(e.Position)
	t.hoverPos = e.Position
	if h == t.hover && h.item < 0 {
		return
	}
	t.hover = h
	t.refreshHover()
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	if t.hover.item < 0 {
		return
	}
	t.hover = hit{item: -1}
	t.refreshHover()
}

// Cursor is a pointing hand over an event or cluster.
func (t *Timeline) Cursor() desktop.Cursor {
	if t.hover.item >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// HoveredEvent returns the event the pointer is over, or -1.
func (t *Timeline) HoveredEvent() int {
	if t.hover.item < 0 || t.hover.item >= len(t.lay.items) {
		return -1
	}
	it := &t.lay.items[t.hover.item]
	if it.count > 1 {
		return -1
	}
	return int(it.ev)
}

func (t *Timeline) refreshHover() {
	if r, ok := t.renderer(); ok {
		r.updateTooltip()
	}
}

// MinSize leaves room for the axis and two lanes on each side (a lane per
// band and two more when there are more bands), and the era titles' strip:
// less, and almost everything would be a cluster. It depends on the text
// size and the number of bands (at most maxGroupBands+3), never on the
// labels.
func (t *Timeline) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	m := t.metrics()
	lanes := max(5, len(t.bands)+2) // a timeline with many groups has a band each
	h := m.tick0 + float32(lanes)*m.lane0 + 2*m.pad
	if len(t.eras) > 0 {
		h += m.pad + m.capH // the era titles' strip
	}
	return fyne.NewSize(120, h)
}

// CreateRenderer makes the renderer with its pool of canvas objects.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	return newTimelineRenderer(t)
}

func (t *Timeline) renderer() (*timelineRenderer, bool) {
	r, ok := t.lay.renderer, t.lay.renderer != nil
	return r, ok
}

// zoomAt scales the visible span by factor, keeping the instant at
// fraction frac of the width where it is.
func (t *Timeline) zoomAt(frac, factor float64) {
	t.stopAnimation()
	span := t.viewTo - t.viewFrom
	anchor := t.viewFrom + frac*span
	ns := t.clampSpan(span * factor)
	if ns == span {
		return
	}
	t.fitted = false
	t.viewFrom = anchor - frac*ns
	t.viewTo = t.viewFrom + ns
	t.clampView()
	t.viewChanged()
}

func (t *Timeline) panDays(d float64) {
	if d == 0 {
		return
	}
	from := t.viewFrom
	t.viewFrom += d
	t.viewTo += d
	t.clampView()
	if t.viewFrom != from {
		t.fitted = false
		t.viewChanged()
	}
}

// fullSpan returns the view that fits every event, for the current size.
// Chips near the right edge put their label left of the marker, so the
// margins only need to hold a marker.
func (t *Timeline) fullSpan() (from, to float64) {
	w := float64(t.Size().Width)
	if w <= 0 {
		return t.first, t.last
	}
	m := t.metrics()
	margin := float64(m.padL + m.marker/2 + m.pad)
	inner := max(w-2*margin, w/2)
	ppd := inner / (t.last - t.first)
	from = t.first - margin/ppd
	return from, from + w/ppd
}

func (t *Timeline) fit() {
	t.viewFrom, t.viewTo = t.fullSpan()
}

func (t *Timeline) clampSpan(s float64) float64 {
	lo, hi := t.fullSpan()
	maxSpan := math.Max(hi-lo, minSpanDays)
	return math.Max(minSpanDays, math.Min(s, maxSpan))
}

// clampView keeps the view inside the fit-all view.
func (t *Timeline) clampView() {
	lo, hi := t.fullSpan()
	span := t.viewTo - t.viewFrom
	if span >= hi-lo {
		t.viewFrom, t.viewTo = lo, hi
		return
	}
	if t.viewFrom < lo {
		t.viewFrom, t.viewTo = lo, lo+span
	}
	if t.viewTo > hi {
		t.viewFrom, t.viewTo = hi-span, hi
	}
}

func (t *Timeline) viewChanged() {
	t.Refresh()
	t.reportView()
}

// reportView tells OnViewChanged, if set, the visible range.
func (t *Timeline) reportView() {
	if t.OnViewChanged != nil {
		from, to := t.VisibleRange()
		t.OnViewChanged(from, to)
	}
}

// bringIntoView scrolls (animated) so that event i is in view, keeping
// the zoom unless the event's range is wider than the view.
func (t *Timeline) bringIntoView(i int) {
	w := float64(t.Size().Width)
	if w <= 0 || t.fitted {
		// The fit-all view shows every event's marker by definition, and
		// refits on every resize: scrolling it would pin a view fitted to
		// whatever width the window had at that moment (at start, not yet
		// its own) and show a different place after a restart.
		return
	}
	m := t.metrics()
	t.setLabelMax(float32(w))
	span := t.viewTo - t.viewFrom
	ppd := w / span
	x := (t.pos[i] - t.viewFrom) * ppd
	cw := float64(m.chipWidth(t, i, true))
	margin := float64(m.pad + m.padL + m.marker)
	if x-margin >= 0 && x+cw+margin <= w {
		return
	}
	from := t.pos[i] - (w/2-cw/2)/ppd
	t.animateTo(from, from+span)
}

func (t *Timeline) zoomToCluster(it *item) {
	a, b := t.pos[it.ev], t.pos[it.last]
	span := t.clampSpan(math.Max((b-a)*1.6, minSpanDays*2))
	mid := (a + b) / 2
	t.animateTo(mid-span/2, mid+span/2)
}

// animateTo moves the view to [from, to) with a short animation.
func (t *Timeline) animateTo(from, to float64) {
	t.stopAnimation()
	f0, t0 := t.viewFrom, t.viewTo
	t.fitted = false
	t.anim = fyne.NewAnimation(scrollDuration, func(p float32) {
		q := float64(p)
		t.viewFrom = f0 + (from-f0)*q
		t.viewTo = t0 + (to-t0)*q
		if p >= 1 {
			t.viewFrom, t.viewTo = from, to
			t.clampView()
		}
		t.viewChanged()
	})
	t.anim.Curve = fyne.AnimationEaseInOut
	t.anim.Start()
}

func (t *Timeline) stopAnimation() {
	if t.anim != nil {
		t.anim.Stop()
		t.anim = nil
	}
}
