package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

var benchSizes = []int{100, 10000, 100000}

// benchView is the year in which the 100-event data set is densest. Every
// benchmark looks at the same year for every N, so that the frames compare
// like with like: a full screen of chips at 100 events, a full screen of
// chips and clusters at 100,000.
func benchView(b *testing.B) (from, to float64) {
	b.Helper()
	tl := data.Synthetic(100, 1)
	const span = 365.0
	best, bestN := 0.0, 0
	for i := range tl.Events {
		s := lanes.Days(tl.Events[i].Start())
		n := 0
		for j := i; j < len(tl.Events) && lanes.Days(tl.Events[j].Start()) < s+span; j++ {
			n++
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	return best - span/10, best + span*0.9
}

// benchTimeline shows n synthetic events at 900x330, looking at benchView.
func benchTimeline(b *testing.B, n int) *Timeline {
	b.Helper()
	from, to := benchView(b)
	tw, _ := showTimeline(b, data.Synthetic(n, 1), 900, 330)
	tw.animate(from, to, scrollDuration)
	// warm up: measure the labels a pan and a zoom bring into view once
	for range 3 {
		tw.Pan(0.02)
		tw.Pan(-0.02)
		tw.zoomAt(0.3, 1/1.15)
		tw.zoomAt(0.3, 1.15)
	}
	return tw
}

// BenchmarkTimelinePan measures one frame of panning (2% of the width, as
// a drag moves between frames): moving the view, Layout and Refresh.
func BenchmarkTimelinePan(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tw := benchTimeline(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					tw.Pan(0.02)
				} else {
					tw.Pan(-0.02)
				}
			}
		})
	}
}

// BenchmarkTimelinePanFar measures the frames of a pan that leave the
// laid-out region (every half view of travel), which lay the events out
// again: the worst pan frame, where BenchmarkTimelinePan is the usual one.
func BenchmarkTimelinePanFar(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tw := benchTimeline(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					tw.Pan(0.6)
				} else {
					tw.Pan(-0.6)
				}
			}
		})
	}
}

// BenchmarkTimelineZoom measures one frame of zooming in or out around the
// pointer.
func BenchmarkTimelineZoom(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tw := benchTimeline(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					tw.zoomAt(0.3, 1/1.15)
				} else {
					tw.zoomAt(0.3, 1.15)
				}
			}
		})
	}
}

// BenchmarkTimelineHitTest measures finding what a tap falls on.
func BenchmarkTimelineHitTest(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tw := benchTimeline(b, n)
			var pts []fyne.Position
			for _, it := range tw.lay.Items {
				y := tw.lay.LaneY(int(it.Band), int(it.Lane)) + 3
				x := it.X - tw.lay.Shift
				pts = append(pts, fyne.NewPos(x+it.W/2, y), fyne.NewPos(x-1, y))
			}
			if len(pts) == 0 {
				b.Fatal("nothing laid out")
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p := pts[i%len(pts)]
				tw.lay.HitTest(p.X, p.Y)
			}
		})
	}
}

// BenchmarkTimelineOpen measures giving the timeline a data set and laying
// out its first frame (fit all), the timeline's part of opening the app.
func BenchmarkTimelineOpen(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tl := data.Synthetic(n, 1)
			tw, _ := showTimeline(b, tl, 900, 330)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				tw.SetTimeline(tl)
			}
		})
	}
}

// BenchmarkTimelineResizeSelectedLast measures laying a narrow timeline out
// again at a new width (every chip measured afresh, long labels cut to the
// new room, the lanes each band needs found anew), all in view and the
// last event selected: its chip covers the right third of the timeline,
// whose events were each measured, 1 s a layout at 100,000 events.
func BenchmarkTimelineResizeSelectedLast(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			tw, win := showTimeline(b, data.Synthetic(n, 1), 280, 150)
			tw.SetSelected(n - 1)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				win.Resize(fyne.NewSize(280+float32(i%2), 150))
			}
		})
	}
}
