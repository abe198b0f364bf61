package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// The overview strip and the timeline show the same span, whichever of the
// two the person moves, and neither calls the other back in a loop.
func TestOverviewAndTimelineFollowEachOther(t *testing.T) {
	u := newTestUI(t)
	u.SetTimeline(data.Synthetic(100000, 1))
	u.Window().Canvas().Refresh(u.split) // lay out at the window's size
	same := func(what string) {
		t.Helper()
		tf, tt := u.timeline.VisibleRange()
		of, ot := u.overview.View()
		if !tf.Equal(of) || !tt.Equal(ot) {
			t.Errorf("%s: the timeline shows %v – %v, the overview %v – %v", what, tf, tt, of, ot)
		}
	}
	same("on opening")
	// the whole story is in view: dragging the window cannot move it
	dragWindow := func(dx float32) {
		win := test.WidgetRenderer(u.overview).Objects()[1] // the window
		p := fyne.NewPos(win.Position().X+win.Size().Width/2, u.overview.Size().Height/2)
		for i := 1; i <= 5; i++ {
			u.overview.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p.AddXY(dx*float32(i), 0)}, Dragged: fyne.NewDelta(dx, 0)})
		}
		u.overview.DragEnd()
	}
	dragWindow(30)
	same("after dragging the window of the whole story")
	// the timeline moves: the strip follows
	u.timeline.ZoomIn()
	u.timeline.ZoomIn()
	same("after zooming in")
	u.timeline.Pan(0.4)
	same("after a pan")

	// the strip moves: the timeline follows, and reports once per move
	asked := 0
	report := u.overview.OnViewChanged
	u.overview.OnViewChanged = func(from, to time.Time) { asked++; report(from, to) }
	before, _ := u.timeline.VisibleRange()
	dragWindow(-10)
	if after, _ := u.timeline.VisibleRange(); !after.Before(before) {
		t.Errorf("dragging the strip's window left moved the timeline from %v to %v", before, after)
	}
	same("after dragging the strip")
	if asked != 5 {
		t.Errorf("5 drag events asked for %d views", asked)
	}
	// a tap jumps the timeline there
	test.TapAt(u.overview, fyne.NewPos(u.overview.Size().Width-5, 5))
	if _, to := u.timeline.VisibleRange(); to.Year() < 2020 {
		t.Errorf("a tap at the strip's right end shows up to %v", to)
	}
	same("after a tap on the strip")
	// new data: the strip shows it whole, as the timeline does
	u.SetTimeline(data.Synthetic(1000, 2))
	same("after new data")
}
