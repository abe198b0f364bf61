package lanes

import (
	"testing"
	"time"
)

func TestArrows(t *testing.T) {
	people := [][2]string{{"a", "above"}, {"a2", "above"}, {"b", "below"}}
	for _, tc := range []struct {
		name   string
		events []ev
		sel    int
		want   map[int]bool // event: arrow points down (from above)
	}{
		{"letters both ways", []ev{
			{date: "2019-01-01", kind: "letter", from: "a", to: "b"},
			{date: "2019-01-20", kind: "message", from: "b", to: "a"},
		}, -1, map[int]bool{0: true, 1: false}},
		{"only letters and messages across the axis", []ev{
			{date: "2019-01-01", kind: "meeting"},
			{date: "2019-01-10", kind: "statement", from: "a"},
			{date: "2019-01-20", kind: "letter", from: "a", to: "a2"}, // same side
			{date: "2019-01-30", kind: "context", from: "a", to: "b"},
			{date: "2019-02-10", kind: "talks", from: "a", to: "b"},
		}, -1, map[int]bool{}},
		{"two on one day give way together", []ev{
			{date: "2019-01-01", kind: "letter", from: "a", to: "b"},
			{date: "2019-01-01", kind: "letter", from: "b", to: "a"},
			{date: "2019-01-20", kind: "letter", from: "b", to: "a"},
		}, -1, map[int]bool{2: false}},
		{"the selected one keeps its arrow", []ev{
			{date: "2019-01-01", kind: "letter", from: "a", to: "b"},
			{date: "2019-01-01", kind: "letter", from: "b", to: "a"},
		}, 1, map[int]bool{1: false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := story(t, people, tc.events)
			l := newLayout(tl)
			from, to := l.FullSpan(testMetrics(), 1200)
			l.Place(testMetrics(), View{From: from, To: to, Width: 1200, Height: 300, Selected: tc.sel})
			got := map[int]bool{}
			for _, a := range l.Arrows {
				got[int(a.Ev)] = a.Y0 < a.Y1
				if a.X != l.XOf(l.Pos(int(a.Ev))) {
					t.Errorf("event %d: arrow at x %v, its marker at %v", a.Ev, a.X, l.XOf(l.Pos(int(a.Ev))))
				}
				if min(a.Y0, a.Y1) != l.AxisTop || max(a.Y0, a.Y1) != l.TickTop+l.M.TickH {
					t.Errorf("event %d: arrow from y %v to %v, the axis from %v to %v", a.Ev, a.Y0, a.Y1, l.AxisTop, l.TickTop+l.M.TickH)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("arrows (event: down) %v, want %v", got, tc.want)
			}
			for ev, down := range tc.want {
				if d, ok := got[ev]; !ok || d != down {
					t.Errorf("event %d: arrow %v down %v, want down %v", ev, ok, d, down)
				}
			}
		})
	}
}

// More crossing letters than MaxArrows in a frame, however far apart, and
// none but the selected one has an arrow.
func TestArrowsCappedPerFrame(t *testing.T) {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	var evs []ev
	for i := range MaxArrows + 1 {
		evs = append(evs, ev{date: start.AddDate(0, 0, i).Format("2006-01-02"), kind: "letter", from: "a", to: "b"})
	}
	tl := story(t, [][2]string{{"a", "above"}, {"b", "below"}}, evs)
	for _, n := range []int{MaxArrows, MaxArrows + 1} {
		for _, sel := range []int{-1, 7} {
			l := newLayout(tl)
			l.Place(testMetrics(), View{From: 0, To: 1, Width: 1200, Height: 300, Selected: sel})
			// n chips, far enough apart, as a wide screen would show them
			l.Items = l.Items[:0]
			for i := range n {
				l.Items = append(l.Items, Item{Ev: int32(i), MarkX: float32(20 * i)})
			}
			l.selected = sel
			l.placeArrows()
			want := n
			if n > MaxArrows {
				want = 0
				if sel >= 0 {
					want = 1
				}
			}
			if len(l.Arrows) != want {
				t.Errorf("%d letters, selected %d: %d arrows, want %d", n, sel, len(l.Arrows), want)
			}
		}
	}
}
