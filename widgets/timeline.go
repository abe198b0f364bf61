package widgets

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

var (
	_ fyne.Widget        = (*Timeline)(nil)
	_ fyne.Tappable      = (*Timeline)(nil)
	_ fyne.Scrollable    = (*Timeline)(nil)
	_ fyne.Draggable     = (*Timeline)(nil)
	_ desktop.Hoverable  = (*Timeline)(nil)
	_ desktop.Cursorable = (*Timeline)(nil)
)

const (
	// zoomStep is how much ZoomIn and ZoomOut change the visible span.
	zoomStep = 1.5
	// wheelZoomRate turns wheel distance (Fyne units) into a zoom factor.
	wheelZoomRate = 0.006
	// scrollDuration is how long a selection or cluster takes to come
	// into view.
	scrollDuration = 350 * time.Millisecond
)

// KeyModifiers reports the keyboard modifiers held now (the desktop
// driver's; none elsewhere). The test driver has none, so tests replace it,
// and put back what they found.
var KeyModifiers = func() fyne.KeyModifier {
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
// Where things go is worked out by a lanes.Layout; the Timeline keeps the
// state (data, view, selection, dimming, pointer) and its renderer draws
// what the layout says.
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
	conceal  []bool
	matchVer int // counts SetDimmed and SetConcealed calls, for the renderer to restyle

	// the view: visible days [viewFrom, viewTo)
	viewFrom, viewTo float64
	fitted           bool // the view is "fit all" and refits to the width
	anim             *fyne.Animation

	// the pointer, while it is over the timeline
	pointerIn bool
	pointer   fyne.Position

	// captions name whose side is above and below ("Donald Trump"); empty
	// when the data has no people on that side.
	captions [2]string
	marks    storyMarks // disputed and related events

	lay   *lanes.Layout // where everything goes, placed for this state (place)
	texts texts         // widths and cut labels, at one text size
	m     lanes.Metrics // the sizes at the text size m.TextSize
}

// NewTimeline returns a Timeline showing tl (which may be nil), fitted to
// show every event.
func NewTimeline(tl *data.Timeline) *Timeline {
	t := &Timeline{selected: -1}
	t.lay = lanes.New(&t.texts)
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
	t.pointerIn = false
	t.texts.setData(tl)
	t.lay.SetStory(tl)
	t.captions = captions(tl)
	t.marks = newStoryMarks(tl)
	t.fitted = true
	from, to := t.lay.FullSpan(t.m, 0)
	t.viewFrom, t.viewTo = from, to
}

// captions names the people of each side, above and below: "Donald
// Trump", or the first and "…" when there are more.
func captions(tl *data.Timeline) [2]string {
	var out [2]string
	if tl == nil {
		return out
	}
	var names [2][]string
	for _, p := range tl.People {
		switch data.ParseSide(p.Side) {
		case data.SideAbove:
			names[0] = append(names[0], p.Name)
		case data.SideBelow:
			names[1] = append(names[1], p.Name)
		}
	}
	for s, n := range names {
		if len(n) > 1 {
			n = append(n[:1:1], "…")
		}
		out[s] = strings.Join(n, ", ")
	}
	return out
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

// SetConcealed hides what the events with hide[i] set are, for a class
// to guess first: their chips show "?" in place of their labels, in
// labels' room, so that nothing moves when they are revealed, and their
// tooltips say no more than the date and kind. nil conceals nothing.
func (t *Timeline) SetConcealed(hide []bool) {
	if hide != nil && (t.tl == nil || len(hide) != len(t.tl.Events)) {
		hide = nil
	}
	if hide == nil && t.conceal == nil {
		return
	}
	t.conceal = hide
	t.matchVer++
	t.Refresh()
}

// Concealed reports whether event i's label is hidden (SetConcealed).
func (t *Timeline) Concealed(i int) bool {
	return t.conceal != nil && i >= 0 && i < len(t.conceal) && t.conceal[i]
}

// concealedLabel is what a concealed event's chip shows for its label,
// and its tooltip for its title.
const concealedLabel, concealedTitle = "?", "What happened?"

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
	if s := t.selected; s >= 0 {
		if f := (t.lay.Pos(s) - t.viewFrom) / (t.viewTo - t.viewFrom); f >= 0 && f <= 1 {
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

// PanTo moves the view, keeping its zoom, so that instant at sits at
// fraction frac of the width (0 the left edge, 1 the right), as near as
// the ends of the story allow. It glides there over d, easing in and out;
// d 0 moves at once. OnViewChanged reports the new span.
func (t *Timeline) PanTo(at time.Time, frac float64, d time.Duration) {
	t.stopAnimation()
	span := t.viewTo - t.viewFrom
	from := lanes.Days(at) - frac*span
	if d > 0 {
		t.animate(from, from+span, d)
		return
	}
	t.setView(t.clamped(from, from+span))
}

// VisibleRange returns the first and last instant in view.
func (t *Timeline) VisibleRange() (from, to time.Time) {
	return lanes.DayTime(t.viewFrom), lanes.DayTime(t.viewTo)
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
		return spanDate(from, false, false) + " – " + spanDate(to, false, false)
	case span > 60:
		return spanDate(from, true, false) + " – " + spanDate(to, true, false)
	case from.Year() != to.Year():
		return spanDate(from, true, true) + " – " + spanDate(to, true, true)
	case from.YearDay() == to.YearDay():
		return spanDate(from, true, true)
	}
	return from.Format("Jan 2") + " – " + spanDate(to, true, true)
}

// spanDate writes tm as VisibleSpan does: its year ("44 BCE" before year
// 1, as the axis and the cards write it, not Go's "-0044"), with the month
// and the day when asked.
func spanDate(tm time.Time, month, day bool) string {
	y := strconv.Itoa(tm.Year())
	if tm.Year() < 0 {
		y = strconv.Itoa(-tm.Year()) + " BCE"
	}
	switch {
	case day:
		return tm.Format("Jan 2") + ", " + y
	case month:
		return tm.Format("Jan") + " " + y
	}
	return y
}

// Tapped selects the event under the pointer and calls OnSelected, or zooms
// into a cluster.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	h := t.lay.HitTest(e.Position.X, e.Position.Y)
	if h < 0 {
		return
	}
	it := &t.lay.Items[h]
	if it.Count > 1 && t.canZoomInto(it) {
		t.zoomToCluster(it)
		return
	}
	// an event, or the first of a cluster that no zoom separates (its
	// events on one day): the keys go on from there
	t.selected = int(it.Ev)
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(t.selected)
	}
}

// Scrolled zooms around the pointer with Ctrl+wheel or a plain vertical
// wheel, and pans with horizontal scrolling or Shift+wheel.
func (t *Timeline) Scrolled(e *fyne.ScrollEvent) {
	dx, dy := float64(e.Scrolled.DX), float64(e.Scrolled.DY)
	mods := KeyModifiers()
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
	before := t.hovered()
	t.pointerIn, t.pointer = true, e.Position
	if before < 0 && t.hovered() < 0 {
		return
	}
	t.Refresh()
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	before := t.hovered()
	t.pointerIn = false
	if before >= 0 {
		t.Refresh()
	}
}

// hovered is the chip or cluster under the pointer (an index into the
// layout's Items), or -1.
func (t *Timeline) hovered() int {
	if !t.pointerIn {
		return -1
	}
	return t.lay.HitTest(t.pointer.X, t.pointer.Y)
}

// Cursor is a pointing hand over an event or cluster.
func (t *Timeline) Cursor() desktop.Cursor {
	if t.hovered() >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// HoveredEvent returns the event the pointer is over, or -1.
func (t *Timeline) HoveredEvent() int {
	h := t.hovered()
	if h < 0 || t.lay.Items[h].Count > 1 {
		return -1
	}
	return int(t.lay.Items[h].Ev)
}

// MinSize leaves room for the axis and two lanes on each side (a lane per
// band and two more when there are more bands), and the era titles' strip:
// less, and almost everything would be a cluster. It depends on the text
// size and the number of bands (at most lanes.MaxGroupBands+3), never on
// the labels.
func (t *Timeline) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	m := t.metrics()
	n := max(5, len(t.lay.Bands())+2) // a timeline with many groups has a band each
	h := m.Tick0 + float32(n)*m.Lane0 + 2*m.Pad
	if len(t.lay.EraSpans()) > 0 {
		h += m.Pad + m.CapH // the era titles' strip
	}
	return fyne.NewSize(120, h)
}

// CreateRenderer makes the renderer with its pool of canvas objects.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	return newTimelineRenderer(t)
}

// Resize refits a fitted view to the new width (its margins are pixels)
// before the timeline is laid out at it, and reports the new span.
func (t *Timeline) Resize(size fyne.Size) {
	refitted := t.refit(size.Width)
	t.BaseWidget.Resize(size)
	if refitted {
		t.reportView()
	}
}

// Refresh redraws the timeline for its state and theme; a fitted view
// refits first, as the theme's text size sets its margins.
func (t *Timeline) Refresh() {
	refitted := t.refit(t.Size().Width)
	t.BaseWidget.Refresh()
	if refitted {
		t.reportView()
	}
}

// refit fits a fitted view to width, and reports whether that moved it.
func (t *Timeline) refit(width float32) bool {
	if !t.fitted || width <= 0 {
		return false
	}
	from, to := t.lay.FullSpan(t.metrics(), width)
	if from == t.viewFrom && to == t.viewTo {
		return false
	}
	t.viewFrom, t.viewTo = from, to
	return true
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
	t.viewFrom, t.viewTo = t.clamped(t.viewFrom, t.viewTo)
	t.viewChanged()
}

func (t *Timeline) panDays(d float64) {
	if d == 0 {
		return
	}
	t.setView(t.clamped(t.viewFrom+d, t.viewTo+d))
}

// setView shows [from, to) when that moves the view, no longer fitted.
func (t *Timeline) setView(from, to float64) {
	if from == t.viewFrom && to == t.viewTo {
		return
	}
	t.viewFrom, t.viewTo = from, to
	t.fitted = false
	t.viewChanged()
}

// fullSpan returns the view that fits every event, for the current size.
func (t *Timeline) fullSpan() (from, to float64) {
	return t.lay.FullSpan(t.metrics(), t.Size().Width)
}

func (t *Timeline) fit() {
	t.viewFrom, t.viewTo = t.fullSpan()
}

func (t *Timeline) clampSpan(s float64) float64 {
	lo, hi := t.fullSpan()
	maxSpan := math.Max(hi-lo, lanes.MinSpanDays)
	return math.Max(lanes.MinSpanDays, math.Min(s, maxSpan))
}

// clamped returns the view [from, to) moved inside the fit-all view.
func (t *Timeline) clamped(from, to float64) (float64, float64) {
	lo, hi := t.fullSpan()
	span := to - from
	if span >= hi-lo {
		return lo, hi
	}
	if from < lo {
		from, to = lo, lo+span
	}
	if to > hi {
		from, to = hi-span, hi
	}
	return from, to
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
	m := t.useTextSize()
	span := t.viewTo - t.viewFrom
	ppd := w / span
	pos := t.lay.Pos(i)
	x := (pos - t.viewFrom) * ppd
	cw := float64(t.lay.ChipWidth(m, float32(w), i, true))
	margin := float64(m.Pad + m.PadL + m.Marker)
	if x-margin >= 0 && x+cw+margin <= w {
		return
	}
	from := pos - (w/2-cw/2)/ppd
	t.animate(from, from+span, scrollDuration)
}

// clusterView is the view that zooming into cluster it shows.
func (t *Timeline) clusterView(it *lanes.Item) (from, to float64) {
	a, b := t.lay.Pos(int(it.Ev)), t.lay.Pos(int(it.Last))
	span := t.clampSpan(math.Max((b-a)*1.6, lanes.MinSpanDays*2))
	mid := (a + b) / 2
	return mid - span/2, mid + span/2
}

// canZoomInto reports whether zooming into cluster it shows less than the
// view does now: not when the view is as deep as it goes for the cluster's
// events (all on one day).
func (t *Timeline) canZoomInto(it *lanes.Item) bool {
	from, to := t.clusterView(it)
	return to-from < (t.viewTo-t.viewFrom)*0.999
}

func (t *Timeline) zoomToCluster(it *lanes.Item) {
	from, to := t.clusterView(it)
	t.animate(from, to, scrollDuration)
}

// animate moves the view to [from, to), kept inside the fit-all view, over
// d, easing in and out: a view beyond the end of the story would glide past
// it and jump back.
func (t *Timeline) animate(from, to float64, d time.Duration) {
	t.stopAnimation()
	from, to = t.clamped(from, to)
	f0, t0 := t.viewFrom, t.viewTo
	t.fitted = false
	t.anim = fyne.NewAnimation(d, func(p float32) {
		q := float64(p)
		t.viewFrom = f0 + (from-f0)*q
		t.viewTo = t0 + (to-t0)*q
		if p >= 1 {
			t.viewFrom, t.viewTo = t.clamped(from, to) // the size may have changed
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
