package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

var overviewBenchSizes = []int{1000, 10000, 100000}

// benchOverview shows n synthetic events in a strip 1280 units wide, drawn once.
func benchOverview(b *testing.B, n int) (*Overview, *overviewRenderer) {
	b.Helper()
	o, win := showOverview(b, data.Synthetic(n, 1), 1280, 24)
	win.Canvas().Capture()
	return o, test.WidgetRenderer(o).(*overviewRenderer)
}

// BenchmarkOverviewBins measures counting every event into the strip's 640
// bins, as is done once per data set and width.
func BenchmarkOverviewBins(b *testing.B) {
	for _, n := range overviewBenchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			o, _ := benchOverview(b, n)
			bins := make([]int32, 640)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				countBins(o.pos, o.first, o.last, bins)
			}
		})
	}
}

// BenchmarkOverviewFrame measures drawing the strip's raster for new data
// or a new width: counting the bins and filling 1280x24 pixels.
func BenchmarkOverviewFrame(b *testing.B) {
	for _, n := range overviewBenchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			_, r := benchOverview(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				r.binsVer = -1 // count again
				r.draw(1280, 24)
			}
		})
	}
}

// BenchmarkOverviewPan measures a frame of the timeline panning: the strip
// is given the new view and moves its window; the raster is not drawn again.
func BenchmarkOverviewPan(b *testing.B) {
	for _, n := range overviewBenchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			o, _ := benchOverview(b, n)
			from, to := o.first+1000, o.first+2000
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				d := float64(i%100) * 10
				o.SetView(lanes.DayTime(from+d), lanes.DayTime(to+d))
			}
		})
	}
}
