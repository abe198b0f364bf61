package widgets

import (
	"fmt"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

func defaultData(t testing.TB) *data.Timeline {
	t.Helper()
	tl, err := data.Default()
	if err != nil {
		t.Fatalf("data.Default: %v", err)
	}
	return tl
}

// showTimeline puts a Timeline of tl in an unpadded test window of the
// given size.
func showTimeline(t testing.TB, tl *data.Timeline, w, h float32) (*Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tw := NewTimeline(tl)
	win := test.NewWindow(tw)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return tw, win
}

func rendererOf(tw *Timeline) *timelineRenderer {
	return test.WidgetRenderer(tw).(*timelineRenderer)
}

// shownChip is one event or cluster as drawn: its text and the box around
// everything drawn for it.
type shownChip struct {
	label string
	date  string
	bold  bool
	color color.Color
	box   rect
}

type rect struct{ x0, y0, x1, y1 float32 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a rect) String() string {
	return fmt.Sprintf("[%.1f,%.1f – %.1f,%.1f]", a.x0, a.y0, a.x1, a.y1)
}

func objRect(o fyne.CanvasObject) rect {
	p, s := o.Position(), o.Size()
	if tx, ok := o.(*canvas.Text); ok {
		s = fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle)
		if tx.Alignment == fyne.TextAlignCenter {
			p.X += (o.Size().Width - s.Width) / 2
		}
	}
	return rect{p.X, p.Y, p.X + s.Width, p.Y + s.Height}
}

func union(a, b rect) rect {
	return rect{min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1)}
}

// shownChips reads the visible chips back from the renderer's canvas
// objects, measuring the text actually drawn.
func shownChips(tw *Timeline) []shownChip {
	r := rendererOf(tw)
	off := r.content.Position() // chips live in the scrolled content
	var out []shownChip
	defer func() {
		for i := range out {
			b := &out[i].box
			b.x0, b.x1, b.y0, b.y1 = b.x0+off.X, b.x1+off.X, b.y0+off.Y, b.y1+off.Y
		}
	}()
	for _, c := range r.chips {
		var s shownChip
		switch {
		case c.label.Visible():
			s = shownChip{label: c.label.Text, bold: c.label.TextStyle.Bold, color: c.label.Color, box: objRect(c.label)}
		case c.marker.Visible(): // a lone marker
			s = shownChip{box: objRect(c.marker)}
		default:
			continue
		}
		for _, o := range []fyne.CanvasObject{c.marker, c.arrow, c.date, c.ring} {
			if o.Visible() {
				s.box = union(s.box, objRect(o))
			}
		}
		if c.date.Visible() {
			s.date = c.date.Text
		}
		out = append(out, s)
	}
	return out
}

func TestTimelineShowsEveryEventOnOpen(t *testing.T) {
	tl := defaultData(t)
	for _, size := range []fyne.Size{{Width: 900, Height: 330}, {Width: 520, Height: 300}, {Width: 1200, Height: 400}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, size.Width, size.Height)
			chips := shownChips(tw)
			labels := map[string]bool{}
			for _, c := range chips {
				labels[c.label] = true
				if c.box.x0 < 0 || c.box.x1 > size.Width || c.box.y0 < 0 || c.box.y1 > size.Height {
					t.Errorf("%q drawn at %v, outside %v", c.label, c.box, size)
				}
			}
			for _, e := range tl.Events {
				if !labels[e.ShortLabel()] {
					t.Errorf("%s (%q) has no label on open", e.ID, e.ShortLabel())
				}
			}
		})
	}
}

func assertNoOverlap(t *testing.T, tw *Timeline) {
	t.Helper()
	chips := shownChips(tw)
	for i := range chips {
		for j := i + 1; j < len(chips); j++ {
			if chips[i].box.overlaps(chips[j].box) {
				t.Errorf("%q %v overlaps %q %v", chips[i].label, chips[i].box, chips[j].label, chips[j].box)
			}
		}
	}
	// tick labels neither touch each other nor any chip
	r := rendererOf(tw)
	var ticks []rect
	off := r.content.Position()
	for _, tk := range r.ticks {
		if tk.label.Visible() {
			b := objRect(tk.label)
			ticks = append(ticks, rect{b.x0 + off.X, b.y0 + off.Y, b.x1 + off.X, b.y1 + off.Y})
		}
	}
	// nor do the side captions and era titles touch a chip
	var extra []rect
	var extraName []string
	for _, c := range r.captions {
		if c.text.Visible() {
			extra = append(extra, union(objRect(c.bg), objRect(c.text)))
			extraName = append(extraName, "caption "+c.text.Text)
		}
	}
	for _, e := range r.eras {
		if e.title.Visible() {
			b := objRect(e.title)
			extra = append(extra, rect{b.x0 + off.X, b.y0 + off.Y, b.x1 + off.X, b.y1 + off.Y})
			extraName = append(extraName, "era title "+e.title.Text)
		}
	}
	for i, a := range extra {
		for _, c := range chips {
			if a.overlaps(c.box) {
				t.Errorf("%s %v overlaps %q %v", extraName[i], a, c.label, c.box)
			}
		}
		for j, b := range extra[i+1:] {
			if a.overlaps(b) {
				t.Errorf("%s %v overlaps %s %v", extraName[i], a, extraName[i+1+j], b)
			}
		}
	}
	for i, a := range ticks {
		for _, b := range ticks[i+1:] {
			if a.overlaps(b) {
				t.Errorf("tick labels %v and %v overlap", a, b)
			}
		}
		for _, c := range chips {
			if a.overlaps(c.box) {
				t.Errorf("tick label %v overlaps %q %v", a, c.label, c.box)
			}
		}
	}
}

func TestTimelineLabelsNeverOverlap(t *testing.T) {
	tl := defaultData(t)
	for _, size := range []fyne.Size{{Width: 1200, Height: 400}, {Width: 900, Height: 330}, {Width: 700, Height: 330}, {Width: 520, Height: 300}, {Width: 400, Height: 240}} {
		for zoom := 0; zoom <= 12; zoom += 3 {
			t.Run(fmt.Sprintf("%vx%v/zoom=%d", size.Width, size.Height, zoom), func(t *testing.T) {
				tw, _ := showTimeline(t, tl, size.Width, size.Height)
				for range zoom {
					tw.ZoomIn()
				}
				// look at the densest stretches of the data at this zoom
				for _, id := range []string{"oversized-envelope", "beautiful-letter", "dmz-meeting", "nice-note-claim"} {
					tw.SetSelected(tl.Index(id))
					assertNoOverlap(t, tw)
				}
				tw.SetSelected(-1)
				assertNoOverlap(t, tw)
			})
		}
	}
}

func TestTimelineDenseDataNeverOverlaps(t *testing.T) {
	tl := data.Synthetic(5000, 1)
	tw, _ := showTimeline(t, tl, 900, 330)
	for zoom := range 14 {
		assertNoOverlap(t, tw)
		if t.Failed() {
			t.Fatalf("overlap at zoom step %d", zoom)
		}
		tw.ZoomIn()
		tw.Pan(0.37)
	}
}

// chipOf returns the layout item of event i, failing if it is not shown.
func chipOf(t *testing.T, tw *Timeline, i int) lanes.Item {
	t.Helper()
	for _, it := range tw.lay.Items {
		if it.Count == 0 && int(it.Ev) == i {
			return it
		}
	}
	t.Fatalf("event %d is not laid out", i)
	return lanes.Item{}
}

// chipCentre is where it's marker is in the window.
func chipCentre(tw *Timeline, it lanes.Item) fyne.Position {
	return fyne.NewPos(it.MarkX-tw.lay.Shift, tw.lay.LaneY(int(it.Band), int(it.Lane))+tw.lay.M.ChipH/2)
}

func TestTimelineTapSelects(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 900, 330)
	var got []int
	tw.OnSelected = func(i int) { got = append(got, i) }

	hanoi := tl.Index("hanoi-summit")
	test.TapCanvas(win.Canvas(), chipCentre(tw, chipOf(t, tw, hanoi)))
	if tw.Selected() != hanoi || len(got) != 1 || got[0] != hanoi {
		t.Fatalf("tap on Hanoi's marker: selected %d, OnSelected %v; want %d", tw.Selected(), got, hanoi)
	}

	// the label, well right of the marker, selects too
	denial := tl.Index("nice-note-denial")
	it := chipOf(t, tw, denial)
	p := chipCentre(tw, it)
	p.X = it.X + it.W - 10 - tw.lay.Shift
	test.TapCanvas(win.Canvas(), p)
	if tw.Selected() != denial || got[len(got)-1] != denial {
		t.Fatalf("tap on the denial's label: selected %d, OnSelected %v; want %d", tw.Selected(), got, denial)
	}

	// the selected chip is outlined and bold
	for _, c := range shownChips(tw) {
		if c.bold != (c.label == tl.Events[denial].ShortLabel()) {
			t.Errorf("%q bold = %v", c.label, c.bold)
		}
	}
	r := rendererOf(tw)
	rings := 0
	for _, c := range r.chips {
		if c.ring.Visible() && c.ring.StrokeWidth > 0 {
			rings++
		}
	}
	if rings != 1 {
		t.Errorf("%d chips outlined, want 1", rings)
	}

	// empty space does nothing
	n := len(got)
	test.TapCanvas(win.Canvas(), fyne.NewPos(2, 2))
	if len(got) != n || tw.Selected() != denial {
		t.Errorf("tap on empty space changed the selection to %d (%v)", tw.Selected(), got)
	}
}

func TestTimelineSetSelectedDoesNotCallBack(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	called := false
	tw.OnSelected = func(int) { called = true }
	tw.SetSelected(3)
	if called || tw.Selected() != 3 {
		t.Errorf("SetSelected(3): called %v, Selected %d", called, tw.Selected())
	}
	tw.SetSelected(99)
	if tw.Selected() != -1 {
		t.Errorf("SetSelected(99) left %d selected, want -1", tw.Selected())
	}
}

func TestTimelineSetDimmed(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	match := make([]bool, len(tl.Events))
	hanoi := tl.Index("hanoi-summit")
	match[hanoi] = true
	tw.SetDimmed(match)

	disabled := theme.Current().Color(theme.ColorNameDisabled, fyne.CurrentApp().Settings().ThemeVariant())
	shown := 0
	for _, c := range shownChips(tw) {
		shown++
		dim := c.color == disabled
		if want := c.label != tl.Events[hanoi].ShortLabel(); dim != want {
			t.Errorf("%q dimmed = %v, want %v", c.label, dim, want)
		}
	}
	if shown != len(tl.Events) {
		t.Errorf("%d events shown while dimmed, want all %d (dimmed stay visible)", shown, len(tl.Events))
	}

	tw.SetDimmed(nil)
	for _, c := range shownChips(tw) {
		if c.color == disabled {
			t.Errorf("%q still dimmed after SetDimmed(nil)", c.label)
		}
	}
}

func TestTimelineSetTimelineClears(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	tw.SetSelected(2)
	tw.SetDimmed(make([]bool, len(tl.Events)))
	tw.ZoomIn()
	var reported string
	tw.OnViewChanged = func(from, to time.Time) { reported = from.Format("2006") + "–" + to.Format("2006") }
	tw.SetTimeline(data.Synthetic(50, 2))
	if from, to := tw.VisibleRange(); reported != from.Format("2006")+"–"+to.Format("2006") {
		t.Errorf("OnViewChanged after SetTimeline reported %q, view is %v–%v", reported, from, to)
	}
	if tw.Selected() != -1 || tw.match != nil {
		t.Errorf("after SetTimeline: selected %d, dimmed %v", tw.Selected(), tw.match != nil)
	}
	from, to := tw.fullSpan()
	if tw.viewFrom != from || tw.viewTo != to {
		t.Errorf("after SetTimeline the view is %v–%v, want the full span %v–%v", tw.viewFrom, tw.viewTo, from, to)
	}
}

func TestTimelineLetterShowsDirection(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	r := rendererOf(tw)
	want := map[string]float32{
		tl.Events[tl.Index("summit-cancelled")].ShortLabel():   180, // Trump to Kim: points down
		tl.Events[tl.Index("oversized-envelope")].ShortLabel(): 0,   // Kim to Trump: points up
	}
	for _, c := range r.chips {
		a, ok := want[c.label.Text]
		if !ok || !c.label.Visible() {
			continue
		}
		delete(want, c.label.Text)
		if !c.arrow.Visible() || c.arrow.Angle != a {
			t.Errorf("%q: arrow visible %v angle %v, want angle %v", c.label.Text, c.arrow.Visible(), c.arrow.Angle, a)
		}
	}
	if len(want) > 0 {
		t.Errorf("not shown: %v", want)
	}
}

func TestTimelineSidesOfTheAxis(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	axis := tw.lay.AxisTop
	bottom := tw.lay.TickTop
	for i := range tl.Events {
		e := &tl.Events[i]
		it := chipOf(t, tw, i)
		y := chipCentre(tw, it).Y
		switch tl.Side(e) {
		case data.SideAbove:
			if y >= axis {
				t.Errorf("%s (Trump's side) at y %v, not above the axis at %v", e.ID, y, axis)
			}
		case data.SideBelow:
			if y <= bottom {
				t.Errorf("%s (Kim's side) at y %v, not below the axis at %v", e.ID, y, bottom)
			}
		default:
			if y <= axis || y >= bottom {
				t.Errorf("%s at y %v, not on the axis %v–%v", e.ID, y, axis, bottom)
			}
		}
	}
}

func TestTimelineRangeDrawnAsBar(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	hanoi := tl.Index("hanoi-summit")
	tw.SetSelected(hanoi)
	for range 9 {
		tw.ZoomIn()
		tw.SetSelected(hanoi)
		it := chipOf(t, tw, hanoi)
		want := float32(2 * tw.lay.PPD) // Feb 27–28: two days
		if it.BarW < want-1 || it.BarW > max(want+1, 2) {
			t.Errorf("Hanoi's bar is %v px wide at %v px/day, want %v", it.BarW, tw.lay.PPD, want)
		}
	}
}

func TestTimelineLook(t *testing.T) {
	tl := defaultData(t)
	tw, win := showTimeline(t, tl, 900, 330)
	tw.SetSelected(tl.Index("dmz-meeting"))
	test.AssertImageMatches(t, "timeline_default.png", win.Canvas().Capture())
	test.AssertRendersToMarkup(t, "timeline_default.xml", win.Canvas())
}

// A fitted timeline refits when it is resized (its margins are pixels), and
// the shown span must follow: the toolbar's span label kept the span of an
// earlier, narrower layout ("Apr 2018 – Oct 2020" at start-up), and kept it
// through window resizes.
func TestTimelineResizeReportsTheRefittedView(t *testing.T) {
	test.NewTempApp(t)
	tw := NewTimeline(defaultData(t))
	var reported string
	tw.OnViewChanged = func(time.Time, time.Time) { reported = tw.VisibleSpan() }
	tw.viewChanged() // what SetTimeline reports, at no size
	atZero := reported
	win := test.NewWindow(tw)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(200, 330)) // narrow: margins of months
	if reported != tw.VisibleSpan() || reported == atZero {
		t.Errorf("after the first layout the shown span is %q (%q at no width), the view is %q", reported, atZero, tw.VisibleSpan())
	}
	narrow := reported
	win.Resize(fyne.NewSize(1200, 330))
	if reported != tw.VisibleSpan() || reported == narrow {
		t.Errorf("after a resize the shown span is %q (%q before), the view is %q", reported, narrow, tw.VisibleSpan())
	}
}

// drawnSet is every object the GL painter draws under o: visible, with
// every container above it visible.
func drawnSet(o fyne.CanvasObject, out map[fyne.CanvasObject]bool) {
	if !o.Visible() {
		return
	}
	out[o] = true
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			drawnSet(ch, out)
		}
	}
}

// The laid-out region is two views wide; the painter draws every visible
// object, clipped or not, so chips out of view must not be visible, and
// a pan must bring them back.
func TestTimelineDrawsNoChipOutOfView(t *testing.T) {
	tl := data.Synthetic(2000, 1)
	tw, _ := showTimeline(t, tl, 900, 330)
	from, _ := tw.VisibleRange()
	tw.ShowRange(from.AddDate(20, 0, 0), from.AddDate(21, 0, 0))
	for step := range 6 {
		r := rendererOf(tw)
		l := tw.lay
		drawn := map[fyne.CanvasObject]bool{}
		drawnSet(r.content, drawn)
		// (a chip is culled by its layout extent, a little wider than what
		// is drawn of it, with a chip's height to spare)
		view := rect{l.Shift - 2*l.M.ChipH, -1e9, l.Shift + l.Width + 2*l.M.ChipH, 1e9}
		inView, out := 0, 0
		for _, c := range r.chips {
			// a chip is drawn whole or not at all; one out of view, not at all
			var box rect
			var any, isDrawn bool
			for _, o := range []fyne.CanvasObject{c.ring, c.bar, c.mark, c.marker, c.arrow, c.date, c.label} {
				if !o.Visible() {
					continue
				}
				if !any {
					box = objRect(o)
				}
				box, any, isDrawn = union(box, objRect(o)), true, isDrawn || drawn[o]
			}
			switch {
			case !any || !isDrawn:
			case box.overlaps(view):
				inView++
			default:
				out++
			}
		}
		if out > 0 {
			t.Errorf("step %d: %d chips out of view are drawn", step, out)
		}
		if inView == 0 {
			t.Errorf("step %d: no chip drawn in view", step)
		}
		// what shows on screen is drawn
		for _, s := range shownChips(tw) {
			if s.box.x1 > 0 && s.box.x0 < l.Width {
				for _, c := range r.chips {
					if c.label.Visible() && c.label.Text == s.label && objRect(c.label).x0+r.content.Position().X == s.box.x0 && !drawn[c.label] {
						t.Errorf("step %d: chip %q in view is not drawn", step, s.label)
					}
				}
			}
		}
		tw.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-150, 0)})
	}
}
