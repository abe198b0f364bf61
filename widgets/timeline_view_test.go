package widgets

import (
	"testing"
	"time"

	"trumpkim/widgets/lanes"
)

func TestTimelineShowRange(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	lo, hi := tw.fullSpan()
	var calls int
	tw.OnViewChanged = func(from, to time.Time) { calls++ }
	day := func(d float64) time.Time { return lanes.DayTime(d) }
	for _, c := range []struct {
		name             string
		from, to         float64
		wantFrom, wantTo float64
		fitted           bool
	}{
		{"inside", lo + 100, lo + 160, lo + 100, lo + 160, false},
		{"before the start: moved in", lo - 50, lo + 10, lo, lo + 60, false},
		{"after the end: moved in", hi - 10, hi + 30, hi - 40, hi, false},
		{"shorter than a day: a day around its middle", lo + 200, lo + 200.25, lo + 199.625, lo + 200.625, false},
		{"longer than everything: fit all", lo - 900, hi + 900, lo, hi, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls = 0
			tw.ShowRange(day(c.from), day(c.to))
			if !near(tw.viewFrom, c.wantFrom, 1e-3) || !near(tw.viewTo, c.wantTo, 1e-3) {
				t.Errorf("view %.3f – %.3f days, want %.3f – %.3f (not animated: at once)", tw.viewFrom, tw.viewTo, c.wantFrom, c.wantTo)
			}
			if tw.fitted != c.fitted {
				t.Errorf("fitted %v, want %v", tw.fitted, c.fitted)
			}
			if calls != 1 {
				t.Errorf("OnViewChanged called %d times, want once", calls)
			}
		})
	}
	// the same range again changes nothing and reports nothing
	calls = 0
	tw.ShowRange(day(lo+100), day(lo+160))
	tw.ShowRange(day(lo+100), day(lo+160))
	if calls != 1 {
		t.Errorf("showing the same range twice reported %d changes, want 1", calls)
	}
	// an empty or reversed range is ignored
	tw.ShowRange(day(lo+300), day(lo+300))
	tw.ShowRange(day(lo+300), day(lo+200))
	if !near(tw.viewFrom, lo+100, 1e-3) || calls != 1 {
		t.Errorf("an empty range moved the view to %.3f", tw.viewFrom)
	}
}

func TestTimelineShowRangeStopsAnimation(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	lo, _ := tw.fullSpan()
	tw.animate(lo+10, lo+40, scrollDuration)
	tw.ShowRange(lanes.DayTime(lo+200), lanes.DayTime(lo+260))
	if tw.anim != nil {
		t.Error("a running scroll was left to move the view on")
	}
}
