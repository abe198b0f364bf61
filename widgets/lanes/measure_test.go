package lanes

import (
	"fmt"
	"testing"

	"trumpkim/data"
)

// countingText is fakeText that counts the chips it is asked to measure
// (a chip's label is measured once per chip).
type countingText struct {
	fakeText
	labels int
}

func (c *countingText) LabelWidth(i int, bold bool, budget float32) float32 {
	c.labels++
	return c.fakeText.LabelWidth(i, bold, budget)
}

// TestPlaceMeasuresWhatFitsWhereverTheSelectionIs: a placement measures
// about as many chips at 100,000 events as at 1,000, wherever the selected
// event is. With the selected chip at the right end of a narrow timeline
// it measured every event under it (each with no room, and lane 0 free at
// its marker but for the selected chip): 20,000 at 100,000 events, made
// again at every new width or text size, which froze the window.
func TestPlaceMeasuresWhatFitsWhereverTheSelectionIs(t *testing.T) {
	m := testMetrics()
	const few, many = 1000, 100000
	stories := map[int]*data.Timeline{few: data.Synthetic(few, 1), many: data.Synthetic(many, 1)}
	// measured is how many chips the first placement of everything in view
	// measures, with the event at fraction at of the story selected (-1:
	// none).
	measured := func(n int, size [2]float32, at float64) int {
		tl := stories[n]
		c := &countingText{fakeText: fakeText{tl}}
		l := New(c)
		l.SetStory(tl)
		sel := -1
		if at >= 0 {
			sel = min(n-1, int(at*float64(n)))
		}
		from, to := l.FullSpan(m, size[0])
		l.Place(m, View{From: from, To: to, Width: size[0], Height: size[1], Selected: sel})
		checkFrame(t, l, sel)
		return c.labels
	}
	for _, size := range [][2]float32{{280, 150}, {400, 300}, {900, 330}} {
		for _, at := range []float64{-1, 0, 0.5, 0.9999, 1} {
			t.Run(fmt.Sprintf("%vx%v/%v", size[0], size[1], at), func(t *testing.T) {
				a, b := measured(few, size, at), measured(many, size, at)
				if b > 2*a+10 {
					t.Errorf("%d chips measured at %d events, %d at %d: the work grows with the events", b, many, a, few)
				}
			})
		}
	}
}
