package widgets

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// holdKeys makes the timeline see mods held during the test.
func holdKeys(t *testing.T, mods fyne.KeyModifier) {
	t.Helper()
	saved := KeyModifiers
	KeyModifiers = func() fyne.KeyModifier { return mods }
	t.Cleanup(func() { KeyModifiers = saved })
}

func span(tw *Timeline) float64 { return tw.viewTo - tw.viewFrom }

// dayAt is the date under x in the current view.
func dayAt(tw *Timeline, x float32) float64 {
	return tw.viewFrom + float64(x)/float64(tw.Size().Width)*span(tw)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestTimelineCtrlWheelZoomsAroundPointer(t *testing.T) {
	tw, win := showTimeline(t, defaultData(t), 900, 330)
	holdKeys(t, fyne.KeyModifierControl)
	full := span(tw)
	p := fyne.NewPos(300, 160)
	under := dayAt(tw, p.X)

	// test.Scroll leaves the position out, so send the event as the driver does
	wheel := func(dy float32) {
		tw.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: p}, Scrolled: fyne.NewDelta(0, dy)})
	}
	_ = win
	wheel(120) // wheel up: in
	if span(tw) >= full {
		t.Fatalf("Ctrl+wheel up: span %v, want less than %v", span(tw), full)
	}
	if got := dayAt(tw, p.X); !near(got, under, 0.01) {
		t.Errorf("Ctrl+wheel moved the date under the pointer from %v to %v", under, got)
	}
	zoomed := span(tw)
	wheel(-60) // wheel down: out
	if span(tw) <= zoomed {
		t.Errorf("Ctrl+wheel down: span %v, want more than %v", span(tw), zoomed)
	}
}

func TestTimelinePlainWheelZoomsAndHorizontalScrollPans(t *testing.T) {
	tw, win := showTimeline(t, defaultData(t), 900, 330)
	holdKeys(t, 0)
	full := span(tw)
	test.Scroll(win.Canvas(), fyne.NewPos(450, 160), 0, 200)
	if span(tw) >= full {
		t.Fatalf("plain vertical wheel: span %v, want less than %v (zoom in)", span(tw), full)
	}
	s, from := span(tw), tw.viewFrom
	test.Scroll(win.Canvas(), fyne.NewPos(450, 160), -90, 5) // mostly horizontal: pan
	if span(tw) != s {
		t.Errorf("horizontal scroll changed the zoom: %v to %v", s, span(tw))
	}
	if want := from + 90/900.0*s; !near(tw.viewFrom, want, 1e-6) {
		t.Errorf("horizontal scroll by 90 px: view starts at %v, want %v", tw.viewFrom, want)
	}
}

func TestTimelineShiftWheelPans(t *testing.T) {
	tw, win := showTimeline(t, defaultData(t), 900, 330)
	tw.ZoomIn()
	tw.ZoomIn()
	holdKeys(t, fyne.KeyModifierShift)
	s, from := span(tw), tw.viewFrom
	test.Scroll(win.Canvas(), fyne.NewPos(450, 160), 0, 45)
	if span(tw) != s || near(tw.viewFrom, from, 1e-9) {
		t.Errorf("Shift+wheel: span %v→%v, from %v→%v; want a pan at the same zoom", s, span(tw), from, tw.viewFrom)
	}
}

func TestTimelineDragPans(t *testing.T) {
	tw, win := showTimeline(t, defaultData(t), 900, 330)
	tw.ZoomIn()
	tw.ZoomIn()
	tw.Pan(0.3)
	s, from := span(tw), tw.viewFrom
	test.Drag(win.Canvas(), fyne.NewPos(400, 150), 120, 0) // drag right: earlier dates
	want := from - 120/900.0*s
	if !near(tw.viewFrom, want, 1e-6) || span(tw) != s {
		t.Errorf("drag by 120 px: view %v (span %v), want %v (span %v)", tw.viewFrom, span(tw), want, s)
	}
}

func TestTimelineZoomMethodsAndLimits(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	var views []string
	tw.OnViewChanged = func(from, to time.Time) { views = append(views, from.Format("2006-01-02")+"/"+to.Format("2006-01-02")) }
	full := span(tw)
	tw.ZoomIn()
	if !near(span(tw), full/zoomStep, 1e-6) {
		t.Errorf("ZoomIn: span %v, want %v", span(tw), full/zoomStep)
	}
	if len(views) != 1 {
		t.Errorf("OnViewChanged called %d times for one zoom", len(views))
	}
	for range 60 {
		tw.ZoomIn()
	}
	if span(tw) != lanes.MinSpanDays {
		t.Errorf("deepest zoom shows %v days, want %v", span(tw), lanes.MinSpanDays)
	}
	if got := tw.VisibleSpan(); strings.Count(got, "20") != 1 {
		t.Errorf("VisibleSpan at a day per screen = %q, want one date", got)
	}
	tw.ZoomOut()
	if !near(span(tw), lanes.MinSpanDays*zoomStep, 1e-9) {
		t.Errorf("ZoomOut from a day: span %v", span(tw))
	}
	for range 60 {
		tw.ZoomOut()
	}
	if !near(span(tw), full, 1e-6) {
		t.Errorf("widest zoom %v days, want the whole span %v", span(tw), full)
	}
	tw.ZoomIn()
	tw.ZoomIn()
	tw.Pan(0.5)
	tw.FitAll()
	from, to := tw.fullSpan()
	if tw.viewFrom != from || tw.viewTo != to {
		t.Errorf("FitAll: %v–%v, want %v–%v", tw.viewFrom, tw.viewTo, from, to)
	}
	if got := tw.VisibleSpan(); got != "May 2018 – Sep 2020" {
		t.Errorf("VisibleSpan after FitAll = %q", got)
	}
	// every event is inside the fitted view
	for i := range tw.tl.Events {
		if tw.lay.Pos(i) < from || tw.lay.Pos(i) > to {
			t.Errorf("event %d outside the fitted view", i)
		}
	}
}

func TestTimelineTicksAdapt(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	labels := func() []string {
		var out []string
		for _, tk := range tw.lay.Ticks {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	has := func(ls []string, s string) bool {
		for _, l := range ls {
			if l == s {
				return true
			}
		}
		return false
	}
	if ls := labels(); !has(ls, "2019") || !has(ls, "2020") || !has(ls, "Jul") {
		t.Errorf("fit all: tick labels %v, want years and months", ls)
	}
	tw.SetSelected(tw.tl.Index("dmz-meeting"))
	for span(tw) > 40 {
		tw.ZoomIn()
	}
	tw.bringIntoView(tw.tl.Index("dmz-meeting"))
	if ls := labels(); !has(ls, "Jul 1") || len(ls) < 3 {
		t.Errorf("about a month: tick labels %v, want weeks", ls)
	}
	for span(tw) > 12 {
		tw.ZoomIn()
	}
	tw.bringIntoView(tw.tl.Index("dmz-meeting"))
	if ls := labels(); !has(ls, "Jul") || !has(ls, "29") {
		t.Errorf("about ten days: tick labels %v, want days and the month", ls)
	}
	for span(tw) > 2 {
		tw.ZoomIn()
	}
	if ls := labels(); len(ls) == 0 {
		t.Errorf("a day or two per screen: no tick labels")
	}
	assertNoOverlap(t, tw)
}

func TestTimelineHoverTooltipAndCursor(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 900, 330)
	r := rendererOf(tw)
	hanoi := tl.Index("hanoi-summit")
	p := chipCentre(tw, chipOf(t, tw, hanoi))

	test.MoveMouse(win.Canvas(), p)
	if !r.tipTitle.Visible() || r.tipTitle.Text != tl.Events[hanoi].Title {
		t.Errorf("hover over Hanoi: tooltip %v %q", r.tipTitle.Visible(), r.tipTitle.Text)
	}
	if !strings.Contains(r.tipDate.Text, "Feb 27–28, 2019") {
		t.Errorf("tooltip date %q, want Feb 27–28, 2019", r.tipDate.Text)
	}
	if tw.Cursor() != desktop.PointerCursor || tw.HoveredEvent() != hanoi {
		t.Errorf("over a marker: cursor %v, hovered %d", tw.Cursor(), tw.HoveredEvent())
	}
	// the tooltip stays inside the widget
	if b := objRect(r.tipBg); b.x0 < 0 || b.y0 < 0 || b.x1 > 900 || b.y1 > 330 {
		t.Errorf("tooltip at %v, outside the timeline", b)
	}

	test.MoveMouse(win.Canvas(), fyne.NewPos(3, 3))
	if r.tipTitle.Visible() || tw.Cursor() != desktop.DefaultCursor || tw.HoveredEvent() != -1 {
		t.Errorf("over nothing: tooltip %v, cursor %v", r.tipTitle.Visible(), tw.Cursor())
	}
	test.MoveMouse(win.Canvas(), p)
	tw.MouseOut()
	if r.tipTitle.Visible() {
		t.Error("tooltip still shown after the pointer left")
	}
}

func TestTimelineSelectionScrollsIntoView(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	for range 8 {
		tw.ZoomIn()
	}
	tw.Pan(-10) // to the first events
	last := len(tl.Events) - 1
	if tw.lay.Pos(last) <= tw.viewTo {
		t.Fatal("the last event should start off screen")
	}
	s := span(tw)
	tw.SetSelected(last) // the test driver runs the animation to its end at once
	if tw.lay.Pos(last) < tw.viewFrom || tw.lay.Pos(last) > tw.viewTo {
		t.Errorf("selected event at %v, view %v–%v", tw.lay.Pos(last), tw.viewFrom, tw.viewTo)
	}
	if !near(span(tw), s, 1e-6) {
		t.Errorf("scrolling to the selection changed the zoom: %v to %v", s, span(tw))
	}
	found := false
	for _, c := range shownChips(tw) {
		if c.label == tl.Events[last].ShortLabel() {
			found = c.bold && c.box.x0 >= 0 && c.box.x1 <= 900
		}
	}
	if !found {
		t.Error("the selected event is not shown whole and highlighted after scrolling")
	}

	// an animation frame half way is between the two views
	tw.Pan(-10)
	from := tw.viewFrom
	tw.SetSelected(last)
	to := tw.viewFrom
	tw.Pan(-10)
	tw.bringIntoView(last)
	tw.anim.Tick(0.5)
	if !(tw.viewFrom > from && tw.viewFrom < to) {
		t.Errorf("half way through the scroll the view starts at %v, want between %v and %v", tw.viewFrom, from, to)
	}
}

func TestTimelineSelectedNeverClustered(t *testing.T) {
	tl := data.Synthetic(3000, 4)
	tw, _ := showTimeline(t, tl, 900, 330)
	for _, i := range []int{0, 1500, 2999} {
		tw.SetSelected(i)
		found := false
		for _, it := range tw.lay.Items {
			if it.Count == 0 && int(it.Ev) == i {
				found = true
			}
		}
		if !found {
			t.Errorf("selected event %d is not drawn as itself", i)
		}
		assertNoOverlap(t, tw)
	}
}

func TestTimelineClusterTapZoomsIn(t *testing.T) {
	tl := data.Synthetic(2000, 3)
	tw, win := showTimeline(t, tl, 900, 330)
	var cl lanes.Item
	found := false
	for _, it := range tw.lay.Items {
		it.X -= tw.lay.Shift // to the window's coordinates
		if it.Count > 1 && it.X >= 0 && it.X+it.W <= 900 {
			cl, found = it, true
			break
		}
	}
	if !found {
		t.Fatal("no cluster at fit-all with 2000 events")
	}
	first, last := tw.lay.Pos(int(cl.Ev)), tw.lay.Pos(int(cl.Last))
	s := span(tw)
	selected := false
	tw.OnSelected = func(int) { selected = true }
	y := tw.lay.LaneY(int(cl.Band), int(cl.Lane)) + tw.lay.M.ChipH/2
	test.TapCanvas(win.Canvas(), fyne.NewPos(cl.X+cl.W/2, y))
	if selected {
		t.Error("tapping a cluster selected an event")
	}
	if span(tw) >= s {
		t.Errorf("tapping a cluster of %d: span %v, want less than %v", cl.Count, span(tw), s)
	}
	if first < tw.viewFrom || last > tw.viewTo {
		t.Errorf("after the tap the view %v–%v does not hold the cluster %v–%v", tw.viewFrom, tw.viewTo, first, last)
	}
	assertNoOverlap(t, tw)
}

func TestTimelineDimmedStayVisibleWhenDense(t *testing.T) {
	tl := data.Synthetic(1000, 5)
	tw, _ := showTimeline(t, tl, 900, 330)
	before := len(shownChips(tw))
	tw.SetDimmed(make([]bool, len(tl.Events)))
	if after := len(shownChips(tw)); after != before {
		t.Errorf("dimming everything changed what is drawn: %d chips, then %d", before, after)
	}
}

func TestTimelineSmallPanOnlyMovesTheContent(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 900, 330)
	for range 3 {
		tw.ZoomIn()
	}
	tw.SetSelected(tl.Index("dmz-meeting"))
	before := shownChips(tw)
	items := len(tw.lay.Items)
	tw.Pan(0.01)
	after := shownChips(tw)
	if len(after) != len(before) || len(tw.lay.Items) != items {
		t.Fatalf("a 1%% pan changed what is laid out: %d chips, then %d", len(before), len(after))
	}
	dx := float32(0.01 * 900)
	for i := range after {
		if after[i].label != before[i].label || !near(float64(before[i].box.x0-after[i].box.x0), float64(dx), 0.01) {
			t.Errorf("%q moved from %v to %v, want %v px left", after[i].label, before[i].box, after[i].box, dx)
		}
	}
	// taps land on what is drawn after the pan
	tapped := 0
	for i := range tl.Events {
		if i == tw.Selected() {
			continue
		}
		for _, it := range tw.lay.Items {
			p := chipCentre(tw, it)
			if it.Count == 0 && int(it.Ev) == i && p.X > 10 && p.X < 890 {
				test.TapCanvas(win.Canvas(), p)
				if tw.Selected() != i {
					t.Errorf("tap on %s after a pan selected %d", tl.Events[i].ID, tw.Selected())
				}
				tapped++
			}
		}
	}
	if tapped < 3 {
		t.Errorf("only %d events in view to tap", tapped)
	}
	// a long pan lays out again and still never overlaps
	for range 6 {
		tw.Pan(0.4)
		assertNoOverlap(t, tw)
	}
}

func TestTimelineLoneMarkerSelects(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 520, 150) // too short for every label
	var lone lanes.Item
	found := false
	for _, it := range tw.lay.Items {
		if it.Count == 1 {
			lone, found = it, true
		}
	}
	if !found {
		t.Fatal("no event drawn as a lone marker at 520x150")
	}
	r := rendererOf(tw)
	markers := 0
	for _, c := range r.chips {
		if c.marker.Visible() && !c.label.Visible() {
			markers++
		}
	}
	if markers == 0 {
		t.Error("the lone event has no visible marker")
	}
	p := fyne.NewPos(tw.lay.XOf(tw.lay.Pos(int(lone.Ev)))-tw.lay.Shift, tw.lay.LaneY(int(lone.Band), int(lone.Lane))+tw.lay.M.ChipH/2)
	test.MoveMouse(win.Canvas(), p)
	if tw.HoveredEvent() != int(lone.Ev) || r.tipTitle.Text != tl.Events[lone.Ev].Title {
		t.Errorf("hover on the lone marker: hovered %d, tooltip %q", tw.HoveredEvent(), r.tipTitle.Text)
	}
	test.TapCanvas(win.Canvas(), p)
	if tw.Selected() != int(lone.Ev) {
		t.Errorf("tap on the lone marker of %s selected %d", tl.Events[lone.Ev].ID, tw.Selected())
	}
	assertNoOverlap(t, tw)
}

func TestTimelineZoomKeepsTheSelectionInPlace(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	dmz := tl.Index("dmz-meeting")
	tw.SetSelected(dmz)
	frac := func() float64 { return (tw.lay.Pos(dmz) - tw.viewFrom) / span(tw) }
	f0 := frac()
	for range 4 {
		tw.ZoomIn()
		if !near(frac(), f0, 1e-6) {
			t.Fatalf("zooming in moved the selection from %v to %v of the width", f0, frac())
		}
	}
	tw.ZoomOut()
	if !near(frac(), f0, 1e-6) {
		t.Errorf("zooming out moved the selection from %v to %v of the width", f0, frac())
	}
}

func TestTimelineWithoutData(t *testing.T) {
	tw, win := showTimeline(t, nil, 600, 300)
	holdKeys(t, fyne.KeyModifierControl)
	test.TapCanvas(win.Canvas(), fyne.NewPos(300, 150))
	test.Scroll(win.Canvas(), fyne.NewPos(300, 150), 0, 50)
	test.Drag(win.Canvas(), fyne.NewPos(300, 150), 40, 0)
	test.MoveMouse(win.Canvas(), fyne.NewPos(300, 150))
	tw.ZoomIn()
	tw.FitAll()
	tw.SetSelected(0)
	tw.SetDimmed([]bool{true})
	if tw.Selected() != -1 || len(shownChips(tw)) != 0 || tw.VisibleSpan() == "" {
		t.Errorf("empty timeline: selected %d, %d chips, span %q", tw.Selected(), len(shownChips(tw)), tw.VisibleSpan())
	}
	tw.SetTimeline(&data.Timeline{})
	if len(shownChips(tw)) != 0 {
		t.Error("chips drawn for an empty data set")
	}
}

// PanTo puts an instant at a fraction of the width, keeping the zoom, at
// once or gliding there; at the ends of the story the view stops at its
// edge, and the glide's last frame is where the glide was headed.
func TestTimelinePanTo(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	tw.ZoomIn()
	tw.ZoomIn()
	var reported []time.Time
	tw.OnViewChanged = func(from, _ time.Time) { reported = append(reported, from) }
	s := span(tw)
	mid := tl.Events[len(tl.Events)/2].Start()
	for _, d := range []time.Duration{0, 300 * time.Millisecond} {
		tw.FitAll()
		tw.ZoomIn()
		tw.ZoomIn()
		reported = nil
		tw.PanTo(mid, 1.0/3, d)
		if got := (lanes.Days(mid) - tw.viewFrom) / span(tw); !near(got, 1.0/3, 1e-9) {
			t.Errorf("PanTo over %v: the instant sits at %v of the width, want 1/3", d, got)
		}
		if !near(span(tw), s, 1e-9) {
			t.Errorf("PanTo over %v changed the zoom: %v days, then %v", d, s, span(tw))
		}
		if from, _ := tw.VisibleRange(); len(reported) == 0 || !reported[len(reported)-1].Equal(from) {
			t.Errorf("PanTo over %v: OnViewChanged said %v, the view starts %v", d, reported, from)
		}
		// the last event at the left edge: the view stops at the story's end
		_, hi := tw.fullSpan()
		tw.PanTo(tl.Events[len(tl.Events)-1].Start(), 0, d)
		if !near(tw.viewTo, hi, 1e-9) || !near(span(tw), s, 1e-9) {
			t.Errorf("PanTo the last event over %v: view %v–%v, want it to end at %v", d, tw.viewFrom, tw.viewTo, hi)
		}
	}
}

// A fit-all view stays fit-all when an event is selected, even one whose
// label does not fit at the width the window has at that moment: the app
// selects the remembered event before the window takes its own size, and
// the view it then shows must be the one any later start shows.
func TestTimelineSelectionKeepsTheFitAllView(t *testing.T) {
	tl := defaultData(t)
	tw, w := showTimeline(t, tl, 300, 330)
	last := len(tl.Events) - 1
	tw.SetSelected(last)
	w.Resize(fyne.NewSize(900, 330))
	if !tw.fitted {
		t.Fatal("selecting an event left the fit-all view")
	}
	from, to := tw.fullSpan()
	if !near(tw.viewFrom, from, 1e-9) || !near(tw.viewTo, to, 1e-9) {
		t.Errorf("view %v–%v after the resize, fit-all is %v–%v", tw.viewFrom, tw.viewTo, from, to)
	}
}

// The visible span writes years before year 1 as the axis does.
func TestVisibleSpanBCE(t *testing.T) {
	for _, c := range []struct {
		tm         time.Time
		month, day bool
		want       string
	}{
		{time.Date(-3079, 3, 1, 0, 0, 0, 0, time.UTC), false, false, "3079 BCE"},
		{time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC), true, true, "Mar 15, 44 BCE"},
		{time.Date(2019, 6, 30, 0, 0, 0, 0, time.UTC), true, false, "Jun 2019"},
		{time.Date(2019, 6, 30, 0, 0, 0, 0, time.UTC), true, true, "Jun 30, 2019"},
	} {
		if got := spanDate(c.tm, c.month, c.day); got != c.want {
			t.Errorf("%v: %q, want %q", c.tm, got, c.want)
		}
	}
}

// TestTimelineConcealsLabels checks SetConcealed: the concealed events'
// chips say "?" where their labels were, every chip stays where it was,
// the tooltip hides the title, and revealing brings the label back.
func TestTimelineConcealsLabels(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 900, 330)
	r := rendererOf(tw)
	hanoi := tl.Index("hanoi-summit")
	before := shownChips(tw)
	hide := make([]bool, len(tl.Events))
	for i := hanoi; i < len(hide); i++ {
		hide[i] = true // the rest of the story, as a presentation's reveal mode does
	}
	tw.SetConcealed(hide)
	after := shownChips(tw)
	if len(after) != len(before) {
		t.Fatalf("%d chips concealed, %d before", len(after), len(before))
	}
	labels := map[string]int{}
	for k, c := range after {
		labels[c.label]++
		if c.date != before[k].date || c.box.x0 != before[k].box.x0 || c.box.y0 != before[k].box.y0 {
			t.Errorf("chip %q moved from %v to %v", before[k].label, before[k].box, c.box)
		}
	}
	for i, e := range tl.Events {
		if n := labels[e.ShortLabel()]; (n > 0) == hide[i] {
			t.Errorf("%s: its label %q shows %d times, concealed %v", e.ID, e.ShortLabel(), n, hide[i])
		}
	}
	if labels[concealedLabel] != len(tl.Events)-hanoi {
		t.Errorf("%d chips say %q, want %d", labels[concealedLabel], concealedLabel, len(tl.Events)-hanoi)
	}

	test.MoveMouse(win.Canvas(), chipCentre(tw, chipOf(t, tw, hanoi)))
	if r.tipTitle.Text != concealedTitle || !strings.Contains(r.tipDate.Text, "Feb 27–28, 2019") {
		t.Errorf("hover over concealed Hanoi: tooltip %q / %q", r.tipDate.Text, r.tipTitle.Text)
	}
	tw.SetConcealed(nil) // revealed, the pointer still on it
	if r.tipTitle.Text != tl.Events[hanoi].Title {
		t.Errorf("revealed under the pointer, the tooltip still says %q", r.tipTitle.Text)
	}
	for k, c := range shownChips(tw) {
		if c.label != before[k].label {
			t.Errorf("revealed: chip %d says %q, before %q", k, c.label, before[k].label)
		}
	}
}

// TestTimelineClusterNoZoomSeparatesShowsItsFirst: a cluster of events at
// one instant (a teacher's file with 300 events dated the same day) stays
// a cluster at the deepest zoom. Its tooltip said "tap to zoom in" and a
// tap did nothing; now the tap shows the cluster's first event, which
// Right and Left step on from, and the tooltip says so.
func TestTimelineClusterNoZoomSeparatesShowsItsFirst(t *testing.T) {
	tl := &data.Timeline{}
	for i := range 300 {
		tl.Events = append(tl.Events, data.Event{ID: fmt.Sprintf("e%d", i), Kind: data.KindContext,
			Title: fmt.Sprintf("Event %d", i), Date: data.Date{Year: 2019, Month: 6, Day: 30, Precision: data.PrecisionDay}})
	}
	tw, win := showTimeline(t, tl, 900, 330)
	var cl lanes.Item
	found := false
	for _, it := range tw.lay.Items {
		it.X -= tw.lay.Shift
		if it.Count > 1 {
			cl, found = it, true
			break
		}
	}
	if !found {
		t.Fatal("no cluster with 300 events on one day")
	}
	selected := -1
	tw.OnSelected = func(i int) { selected = i }
	pos := fyne.NewPos(cl.X+cl.W/2, tw.lay.LaneY(int(cl.Band), int(cl.Lane))+tw.lay.M.ChipH/2)
	tw.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	r := test.WidgetRenderer(tw).(*timelineRenderer)
	if tip := r.tipTitle.Text; !strings.Contains(tip, "tap to show the first") {
		t.Errorf("the cluster's tooltip says %q, want it to say a tap shows the first", tip)
	}
	test.TapCanvas(win.Canvas(), pos)
	if selected != int(cl.Ev) {
		t.Errorf("tapping a cluster zooming cannot separate selected %d, want its first event, %d", selected, cl.Ev)
	}
}
