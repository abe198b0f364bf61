package widgets

import (
	"image"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// variantTheme is a theme held to one variant, as the app's light and dark
// modes are (Fyne's test settings report no variant).
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// showOverview puts an Overview of tl in an unpadded test window w x h.
func showOverview(t testing.TB, tl *data.Timeline, w, h float32) (*Overview, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	o := NewOverview(tl)
	win := test.NewWindow(o)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return o, win
}

// dragOverview drags from one point to another in steps, as Fyne's desktop
// driver reports a drag: each event's Position is where the pointer is
// now and Dragged how far it moved since the last one. (Fyne's test.Drag
// puts Position at the press instead.)
func dragOverview(o *Overview, from, to fyne.Position, steps int) {
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / float32(steps)
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		o.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	o.DragEnd()
}

// viewDays is the overview's view in days.
func viewDays(o *Overview) (from, to float64) { return o.viewFrom, o.viewTo }

// reported records what OnViewChanged is called with.
func reported(o *Overview) *[][2]time.Time {
	var calls [][2]time.Time
	o.OnViewChanged = func(from, to time.Time) { calls = append(calls, [2]time.Time{from, to}) }
	return &calls
}

func TestOverviewDragPans(t *testing.T) {
	o, _ := showOverview(t, data.Synthetic(1000, 1), 800, 30)
	mid := (o.first + o.last) / 2
	o.SetView(lanes.DayTime(mid-400), lanes.DayTime(mid+400))
	calls := reported(o)
	x0, x1 := o.windowBox()
	dragOverview(o, fyne.NewPos((x0+x1)/2, 15), fyne.NewPos((x0+x1)/2+80, 15), 8)
	want := 80.0 / 800 * (o.last - o.first)
	from, to := viewDays(o)
	if !near(from, mid-400+want, 0.01) || !near(to, mid+400+want, 0.01) {
		t.Errorf("after an 80-unit drag the view is %.1f – %.1f days, want %.1f – %.1f", from, to, mid-400+want, mid+400+want)
	}
	if len(*calls) != 8 {
		t.Fatalf("OnViewChanged called %d times for 8 drag events", len(*calls))
	}
	last := (*calls)[7]
	if f, e := o.View(); !last[0].Equal(f) || !last[1].Equal(e) {
		t.Errorf("OnViewChanged reported %v – %v, the view is %v – %v", last[0], last[1], f, e)
	}
}

func TestOverviewEdgeDragZooms(t *testing.T) {
	o, _ := showOverview(t, data.Synthetic(1000, 1), 800, 30)
	mid := (o.first + o.last) / 2
	perUnit := (o.last - o.first) / 800
	for _, c := range []struct {
		name             string
		edge             int
		dx               float32
		wantFrom, wantTo float64
	}{
		{"left edge out", 0, -50, mid - 2000 - 50*perUnit, mid + 2000},
		{"left edge in", 0, 30, mid - 2000 + 30*perUnit, mid + 2000},
		{"right edge out", 1, 40, mid - 2000, mid + 2000 + 40*perUnit},
		{"right edge in", 1, -20, mid - 2000, mid + 2000 - 20*perUnit},
		{"left edge past the right", 0, 500, mid + 2000 - lanes.MinSpanDays, mid + 2000},
	} {
		t.Run(c.name, func(t *testing.T) {
			o.SetView(lanes.DayTime(mid-2000), lanes.DayTime(mid+2000))
			x0, x1 := o.windowBox()
			x := []float32{x0, x1}[c.edge]
			dragOverview(o, fyne.NewPos(x, 15), fyne.NewPos(x+c.dx, 15), 5)
			from, to := viewDays(o)
			if !near(from, c.wantFrom, 0.01) || !near(to, c.wantTo, 0.01) {
				t.Errorf("view %.2f – %.2f, want %.2f – %.2f", from, to, c.wantFrom, c.wantTo)
			}
		})
	}
}

func TestOverviewTapJumps(t *testing.T) {
	o, win := showOverview(t, data.Synthetic(1000, 1), 800, 30)
	o.SetView(lanes.DayTime(o.first+100), lanes.DayTime(o.first+700))
	calls := reported(o)
	test.TapAt(o, fyne.NewPos(600, 15))
	want := o.first + 600.0/800*(o.last-o.first)
	from, to := viewDays(o)
	if !near((from+to)/2, want, 0.01) || !near(to-from, 600, 0.01) {
		t.Errorf("after a tap at 600 the view is %.1f – %.1f, want 600 days centred on %.1f", from, to, want)
	}
	if len(*calls) != 1 {
		t.Errorf("a tap reported %d views, want 1", len(*calls))
	}
	// a tap in the window does nothing
	x0, x1 := o.windowBox()
	test.TapCanvas(win.Canvas(), fyne.NewPos((x0+x1)/2, 15))
	if f2, t2 := viewDays(o); f2 != from || t2 != to || len(*calls) != 1 {
		t.Errorf("a tap inside the window moved it to %.1f – %.1f", f2, t2)
	}
	// a drag that starts outside jumps there, then pans
	dragOverview(o, fyne.NewPos(100, 15), fyne.NewPos(150, 15), 5)
	want = o.first + 150.0/800*(o.last-o.first)
	if f3, t3 := viewDays(o); !near((f3+t3)/2, want, 0.01) {
		t.Errorf("a drag from 100 to 150 centred the view on %.1f, want %.1f", (f3+t3)/2, want)
	}
}

func TestOverviewKeepsNarrowViewsGrabbable(t *testing.T) {
	o, _ := showOverview(t, data.Synthetic(1000, 1), 800, 30)
	mid := (o.first + o.last) / 2
	o.SetView(lanes.DayTime(mid), lanes.DayTime(mid+1)) // a day of fifty years: 0.04 units
	x0, x1 := o.windowBox()
	if x1-x0 < 3*o.handleWidth() {
		t.Fatalf("a one-day window is drawn %.1f wide", x1-x0)
	}
	if p := o.partAt((x0 + x1) / 2); p != partWindow {
		t.Errorf("the middle of a narrow window is part %d, want the window", p)
	}
	if p := o.partAt(x0); p != partLeft {
		t.Errorf("the left edge of a narrow window is part %d", p)
	}
	if p := o.partAt(x1); p != partRight {
		t.Errorf("the right edge of a narrow window is part %d", p)
	}
}

func TestCountBins(t *testing.T) {
	for _, c := range []struct {
		name     string
		pos      []float64
		from, to float64
		bins     int
		want     []int32
	}{
		{"empty", nil, 0, 10, 5, []int32{0, 0, 0, 0, 0}},
		{"one per bin", []float64{0.5, 2.5, 4.5, 6.5, 8.5}, 0, 10, 5, []int32{1, 1, 1, 1, 1}},
		{"edges", []float64{0, 2, 9.999}, 0, 10, 5, []int32{1, 1, 0, 0, 1}},
		{"outside goes to the ends", []float64{-3, 12}, 0, 10, 2, []int32{1, 1}},
		{"no span", []float64{1, 2}, 5, 5, 2, []int32{0, 0}},
		{"no bins", []float64{1, 2}, 0, 10, 0, []int32{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := make([]int32, c.bins)
			for i := range out {
				out[i] = 7 // stale counts are cleared
			}
			countBins(c.pos, c.from, c.to, out)
			for i := range c.want {
				if out[i] != c.want[i] {
					t.Fatalf("got %v, want %v", out, c.want)
				}
			}
		})
	}
}

// TestOverviewHistogramAt100k checks the bins of 100,000 events against a
// count made from the events' own times, and the bars against the bins.
func TestOverviewHistogramAt100k(t *testing.T) {
	tl := data.Synthetic(100000, 1)
	o, win := showOverview(t, tl, 1000, 30)
	win.Canvas().Capture() // draws the raster
	r := test.WidgetRenderer(o).(*overviewRenderer)
	if len(r.bins) != 500 {
		t.Fatalf("%d bins across 1000 units, want 500 of 2 units", len(r.bins))
	}
	// from the events' times, apart from the widget's positions
	first, last := o.Span()
	binDur := last.Sub(first) / 500
	want := make([]int32, 500)
	for i := range tl.Events {
		e := &tl.Events[i]
		at := e.Start()
		if e.Date.Precision == data.PrecisionDay {
			at = at.Add(12 * time.Hour)
		}
		b := int(at.Sub(first) / binDur)
		want[max(0, min(499, b))]++
	}
	total, most, mostAt := int32(0), int32(0), 0
	off := 0
	for b := range want {
		total += r.bins[b]
		if r.bins[b] != want[b] {
			// a position a second from an edge may fall either side
			off++
		}
		if r.bins[b] > most {
			most, mostAt = r.bins[b], b
		}
	}
	if total != 100000 {
		t.Errorf("the bins hold %d events, want 100000", total)
	}
	if off > 2 {
		t.Errorf("%d of 500 bins differ from a count by the events' times", off)
	}
	// the fullest bin's bar is full height; an empty bin has none
	img := r.draw(1000, 30)
	c := r.colours
	pad := 2
	if got := img.At(mostAt*2, pad).(color.RGBA); got != c.bar {
		t.Errorf("the top of the fullest bin (%d events) is %v, want the bar colour %v", most, got, c.bar)
	}
	for b, n := range r.bins {
		if got := img.At(b*2, 30-pad-1).(color.RGBA); (n > 0) != (got == c.bar) {
			t.Fatalf("bin %d with %d events: its foot is %v", b, n, got)
		}
	}
}

func TestOverviewTicksAt17Events(t *testing.T) {
	tl := defaultData(t)
	if len(tl.Events) != 17 {
		t.Fatalf("the built-in data has %d events, the test expects 17", len(tl.Events))
	}
	o, win := showOverview(t, tl, 900, 30)
	win.Canvas().Capture()
	r := test.WidgetRenderer(o).(*overviewRenderer)
	img := r.draw(900, 30).(*image.RGBA)
	c := r.colours
	th, v := o.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	for i := range tl.Events {
		e := &tl.Events[i]
		at := e.Start()
		if e.Date.Precision == data.PrecisionDay {
			at = at.Add(12 * time.Hour)
		}
		first, last := o.Span()
		x := int(float64(at.Sub(first)) / float64(last.Sub(first)) * 900)
		want := rgba(KindColor(th, v, e.Kind))
		// events a day or two apart share pixels: the later one is on top
		if i+1 < len(tl.Events) && tl.Events[i+1].Start().Sub(e.Start()) < 5*24*time.Hour {
			continue
		}
		if got := img.At(x, 15).(color.RGBA); got != want {
			t.Errorf("event %d %q at x %d: %v, want its kind's colour %v", i, e.ID, x, got, want)
		}
	}
	// between ticks, the background
	ticks := 0
	for x := 0; x < 900; x++ {
		if img.At(x, 15).(color.RGBA) != c.bg {
			ticks++
		}
	}
	if ticks < 2*12 || ticks > 2*17 {
		t.Errorf("%d columns drawn, want 2 for each of 12 to 17 ticks", ticks)
	}
}

func TestOverviewFollowsTheme(t *testing.T) {
	o, win := showOverview(t, defaultData(t), 600, 30)
	a := fyne.CurrentApp()
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	win.Canvas().Capture()
	r := test.WidgetRenderer(o).(*overviewRenderer)
	light := r.draw(600, 30).At(0, 0)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	win.Canvas().Capture()
	dark := r.draw(600, 30).At(0, 0)
	wantDark := rgba(theme.DefaultTheme().Color(theme.ColorNameInputBackground, theme.VariantDark))
	if light == dark || dark != wantDark {
		t.Errorf("background light %v, dark %v, want dark %v", light, dark, wantDark)
	}
	// the strip is about a line and a half of text high, at every text size
	h1 := o.MinSize().Height
	a.Settings().SetTheme(scaledTheme{theme.DefaultTheme(), 2})
	if h2 := o.MinSize().Height; h2 < 1.9*h1 || h2 > 2.1*h1 {
		t.Errorf("min height %v at 1x text and %v at 2x", h1, h2)
	}
}

func TestOverviewSetViewReportsNothing(t *testing.T) {
	o, _ := showOverview(t, defaultData(t), 600, 30)
	calls := reported(o)
	from, to := o.Span()
	o.SetView(from.AddDate(0, 3, 0), to.AddDate(0, -3, 0))
	o.SetTimeline(data.Synthetic(100, 1))
	if len(*calls) != 0 {
		t.Errorf("SetView and SetTimeline called OnViewChanged %d times", len(*calls))
	}
	if f, e := o.View(); !f.Equal(lanes.DayTime(o.first)) || !e.Equal(lanes.DayTime(o.last)) {
		t.Errorf("new data shows %v – %v, want the whole span", f, e)
	}
}

func TestOverviewLook(t *testing.T) {
	for _, c := range []struct {
		golden string
		tl     func() *data.Timeline
	}{
		{"overview_17.png", func() *data.Timeline { return defaultData(t) }},
		{"overview_100k.png", func() *data.Timeline { return data.Synthetic(100000, 1) }},
	} {
		t.Run(c.golden, func(t *testing.T) {
			o, win := showOverview(t, c.tl(), 600, 30)
			fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
			first, last := o.Span()
			span := last.Sub(first)
			o.SetView(first.Add(span*3/10), first.Add(span/2))
			test.AssertImageMatches(t, c.golden, win.Canvas().Capture())
		})
	}
}

func TestOverviewPointerAndKeys(t *testing.T) {
	o, _ := showOverview(t, defaultData(t), 600, 30)
	if _, ok := any(o).(fyne.Focusable); ok {
		t.Error("the overview takes the keyboard focus; the window's keys must stay the window's")
	}
	mid := (o.first + o.last) / 2
	o.SetView(lanes.DayTime(mid-60), lanes.DayTime(mid+60))
	x0, x1 := o.windowBox()
	for _, c := range []struct {
		x    float32
		want desktop.Cursor
	}{
		{x0, desktop.HResizeCursor},
		{x1, desktop.HResizeCursor},
		{(x0 + x1) / 2, desktop.PointerCursor},
		{5, desktop.PointerCursor},
	} {
		o.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(c.x, 15)}})
		if got := o.Cursor(); got != c.want {
			t.Errorf("at x %.1f the cursor is %v, want %v", c.x, got, c.want)
		}
	}
	o.MouseOut()
	if o.Cursor() != desktop.DefaultCursor {
		t.Error("the pointer left, the cursor stayed")
	}
}

func TestOverviewWithLittleOrNoData(t *testing.T) {
	one := &data.Timeline{Events: []data.Event{{ID: "a", Date: data.DayDate(2019, 6, 30), Kind: data.KindMeeting}}}
	eras := &data.Timeline{Eras: []data.Era{{Title: "Bronze",
		Start: data.Date{Year: -3300, Precision: data.PrecisionYear}, End: data.Date{Year: -1200, Precision: data.PrecisionYear}}}}
	for name, tl := range map[string]*data.Timeline{"nil": nil, "no events": {}, "one event": one, "eras only": eras} {
		t.Run(name, func(t *testing.T) {
			o, win := showOverview(t, tl, 400, 30)
			calls := reported(o)
			win.Canvas().Capture()
			test.TapAt(o, fyne.NewPos(10, 15))
			dragOverview(o, fyne.NewPos(200, 15), fyne.NewPos(390, 15), 4)
			win.Canvas().Capture()
			from, to := o.View()
			if !to.After(from) {
				t.Errorf("the view is %v – %v", from, to)
			}
			if first, last := o.Span(); !last.After(first) {
				t.Errorf("the strip spans %v – %v", first, last)
			}
			if len(*calls) == 0 {
				t.Error("taps and drags asked for no view")
			}
		})
	}
	o, _ := showOverview(t, eras, 400, 30)
	if first, last := o.Span(); first.Year() > -3300 || last.Year() < -1200 {
		t.Errorf("an eras-only strip spans %v – %v, want the era", first, last)
	}
}
