package lanes

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"testing"
	"time"
	"unicode/utf8"

	"trumpkim/data"
)

// charW is how wide the fake measurer draws a character (bold: one more).
const charW = 7

func textW(s string, bold bool) float32 {
	w := float32(charW)
	if bold {
		w++
	}
	return w * float32(utf8.RuneCountInString(s))
}

// fakeText measures every character the same width, and cuts a label to
// whole characters and "…".
type fakeText struct{ tl *data.Timeline }

func (f fakeText) TextWidth(s string, bold bool) float32 { return textW(s, bold) }

func (f fakeText) LabelWidth(i int, bold bool, budget float32) float32 {
	w := textW(f.tl.Events[i].ShortLabel(), bold)
	if w <= budget {
		return w
	}
	cw := textW("x", bold)
	n := math.Floor(float64((budget - cw) / cw)) // characters before the "…"
	if n < 0 {
		return 0
	}
	return float32(n+1) * cw
}

// testMetrics are the sizes at text size 14 when a character is half the
// size wide and a line 1.25 times its height.
func testMetrics() Metrics {
	return NewMetrics(14, func(s string, size float32, bold bool) (float32, float32) {
		return float32(utf8.RuneCountInString(s)) * size / 2, size * 1.25
	})
}

func newLayout(tl *data.Timeline) *Layout {
	l := New(fakeText{tl})
	l.SetStory(tl)
	return l
}

// ev is an event of a test story: its date ("2019-06-30"), and optionally
// an end, kind (default "context"), sender, recipient, group and label.
type ev struct {
	date, end, kind, from, to, group, label string
}

// story parses a timeline in the app's format with the people (id, side)
// and events given.
func story(t testing.TB, people [][2]string, events []ev) *data.Timeline {
	t.Helper()
	type person struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Side string `json:"side"`
	}
	type event struct {
		ID    string `json:"id"`
		Date  string `json:"date"`
		End   string `json:"end,omitempty"`
		Kind  string `json:"kind"`
		Title string `json:"title"`
		From  string `json:"from,omitempty"`
		To    string `json:"to,omitempty"`
		Group string `json:"group,omitempty"`
	}
	doc := struct {
		Title  string   `json:"title"`
		People []person `json:"people"`
		Events []event  `json:"events"`
	}{Title: "Test"}
	for _, p := range people {
		doc.People = append(doc.People, person{p[0], "Person " + p[0], p[1]})
	}
	for i, e := range events {
		kind, title := e.kind, e.label
		if kind == "" {
			kind = "context"
		}
		if title == "" {
			title = fmt.Sprintf("Event %d", i)
		}
		doc.Events = append(doc.Events, event{fmt.Sprintf("e%d", i), e.date, e.end, kind, title, e.from, e.to, e.group})
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := data.Parse(b)
	if err != nil {
		t.Fatalf("data.Parse: %v", err)
	}
	return tl
}

// daily is n events with no people and no groups, one a day from start.
func daily(t testing.TB, start time.Time, n int, label string) *data.Timeline {
	t.Helper()
	var evs []ev
	for i := range n {
		evs = append(evs, ev{date: start.AddDate(0, 0, i).Format("2006-01-02"), label: label})
	}
	return story(t, nil, evs)
}

func TestDaysRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 6, 30, 15, 4, 5, 0, time.UTC),
		time.Date(-3300, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got := DayTime(Days(tm)); !got.Equal(tm) {
			t.Errorf("DayTime(Days(%v)) = %v", tm, got)
		}
	}
	if d := Days(time.Date(1970, 1, 2, 12, 0, 0, 0, time.UTC)); d != 1.5 {
		t.Errorf("noon on Jan 2, 1970 is day %v, want 1.5", d)
	}
}

func TestSearchNear(t *testing.T) {
	pos := []float64{1, 2, 2, 2, 5, 8, 8, 13, 21, 34}
	for v := 0.0; v <= 35; v += 0.5 {
		want := sort.SearchFloat64s(pos, v)
		wantStrict := sort.Search(len(pos), func(k int) bool { return pos[k] > v })
		for hint := -1; hint <= len(pos)+1; hint++ {
			if got := searchNear(pos, hint, v, false); got != want {
				t.Errorf("searchNear(%v, hint %d) = %d, want %d", v, hint, got, want)
			}
			if got := searchNear(pos, hint, v, true); got != wantStrict {
				t.Errorf("searchNear(%v, hint %d, strict) = %d, want %d", v, hint, got, wantStrict)
			}
		}
	}
	if got := searchNear(nil, 3, 1, false); got != 0 {
		t.Errorf("searchNear in nothing = %d", got)
	}
}

func TestBands(t *testing.T) {
	people := [][2]string{{"ann", "above"}, {"bob", "below"}}
	tests := []struct {
		name   string
		people [][2]string
		events []ev
		// bands top to bottom as side and slot; per event its band and
		// direction
		bands []Band
		band  []int
		dir   []data.Side
		group []int
	}{{
		name:   "people's sides and the axis",
		people: people,
		events: []ev{
			{date: "2018-05-01", kind: "letter", from: "ann", to: "bob"},
			{date: "2018-05-02", kind: "letter", from: "bob", to: "ann"},
			{date: "2018-05-03", kind: "meeting"},
			{date: "2018-05-04", kind: "statement", from: "bob"},
			{date: "2018-05-05", kind: "talks"},
		},
		bands: []Band{{Side: data.SideAbove, Slot: -1}, {Side: data.SideAxis, Slot: -1}, {Side: data.SideBelow, Slot: -1}},
		band:  []int{0, 2, 1, 2, 1},
		dir:   []data.Side{data.SideBelow, data.SideAbove, data.SideAxis, data.SideAxis, data.SideAxis},
		group: []int{-1, -1, -1, -1, -1},
	}, {
		name: "groups alternate sides, nearest the axis first",
		events: []ev{
			{date: "2018-05-01", group: "A"},
			{date: "2018-05-02", group: "B"},
			{date: "2018-05-03", group: "C"},
			{date: "2018-05-04"},
		},
		bands: []Band{{Side: data.SideAbove, Slot: 2}, {Side: data.SideAbove, Slot: 0}, {Side: data.SideAxis, Slot: -1}, {Side: data.SideBelow, Slot: 1}},
		band:  []int{1, 3, 0, 2},
		dir:   []data.Side{data.SideAxis, data.SideAxis, data.SideAxis, data.SideAxis},
		group: []int{0, 1, 2, -1},
	}, {
		name:   "a sender's side before its group",
		people: people,
		events: []ev{
			{date: "2018-05-01", kind: "letter", from: "ann", to: "bob", group: "A"},
			{date: "2018-05-02", group: "A"},
		},
		bands: []Band{{Side: data.SideAbove, Slot: 0}, {Side: data.SideAbove, Slot: -1}, {Side: data.SideAxis, Slot: -1}, {Side: data.SideBelow, Slot: -1}},
		band:  []int{1, 0},
		dir:   []data.Side{data.SideBelow, data.SideAxis},
		group: []int{-1, 0},
	}, {
		name: "no people and no groups: both sides in turn",
		events: []ev{
			{date: "2018-05-01"}, {date: "2018-05-02"}, {date: "2018-05-03"}, {date: "2018-05-04", kind: "meeting"},
		},
		bands: []Band{{Side: data.SideAbove, Slot: -1}, {Side: data.SideAxis, Slot: -1}, {Side: data.SideBelow, Slot: -1}},
		band:  []int{0, 2, 0, 1},
		dir:   []data.Side{data.SideAxis, data.SideAxis, data.SideAxis, data.SideAxis},
		group: []int{-1, -1, -1, -1},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := newLayout(story(t, tc.people, tc.events))
			if len(l.Bands()) != len(tc.bands) {
				t.Fatalf("%d bands, want %d", len(l.Bands()), len(tc.bands))
			}
			for b, want := range tc.bands {
				if got := l.Bands()[b]; got.Side != want.Side || got.Slot != want.Slot {
					t.Errorf("band %d: side %v slot %d, want side %v slot %d", b, got.Side, got.Slot, want.Side, want.Slot)
				}
				if want.Side == data.SideAxis && l.Axis() != b {
					t.Errorf("Axis() = %d, want %d", l.Axis(), b)
				}
			}
			for i := range tc.events {
				if l.BandOf(i) != tc.band[i] || l.Direction(i) != tc.dir[i] || l.GroupOf(i) != tc.group[i] {
					t.Errorf("event %d: band %d, direction %v, group %d; want %d, %v, %d", i,
						l.BandOf(i), l.Direction(i), l.GroupOf(i), tc.band[i], tc.dir[i], tc.group[i])
				}
			}
			n := 0
			for _, b := range l.Bands() {
				n += b.Events()
			}
			if n != len(tc.events) {
				t.Errorf("the bands hold %d events, want %d", n, len(tc.events))
			}
		})
	}
	if l := New(fakeText{}); len(l.Bands()) != 3 || l.Axis() != 1 {
		t.Errorf("with no data: %d bands, axis %d; want above, axis, below", len(l.Bands()), l.Axis())
	}
}

func TestAllocateLanes(t *testing.T) {
	tests := []struct {
		name     string
		demand   []int
		axis     int
		total    int
		blocked  [2]bool
		captionW [2]float32
		want     []int
	}{
		{"spare lanes to the outermost bands in turn", []int{1, 1, 1}, 1, 7, [2]bool{}, [2]float32{}, []int{3, 1, 3}},
		{"exactly enough", []int{2, 1, 3}, 1, 6, [2]bool{}, [2]float32{}, []int{2, 1, 3}},
		{"too few: from the band that wants most, the axis first when it wants as many", []int{3, 2, 3}, 1, 5, [2]bool{}, [2]float32{}, []int{2, 1, 2}},
		{"fewer lanes than bands: the outermost go", []int{1, 1, 1, 1, 1}, 2, 2, [2]bool{}, [2]float32{}, []int{0, 0, 1, 1, 0}},
		{"a blocked caption's side gets a spare lane first", []int{1, 1, 1}, 1, 4, [2]bool{false, true}, [2]float32{50, 50}, []int{1, 1, 2}},
		{"a blocked side without a caption does not", []int{1, 1, 1}, 1, 4, [2]bool{false, true}, [2]float32{50, 0}, []int{2, 1, 1}},
		{"an empty axis keeps none", []int{2, 0, 2}, 1, 6, [2]bool{}, [2]float32{}, []int{3, 0, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := &Layout{axis: tc.axis, blocked: tc.blocked, captionW: tc.captionW}
			got := make([]int, len(tc.demand))
			l.allocateLanes(tc.demand, got, tc.total)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("allocateLanes(%v, %d) = %v, want %v", tc.demand, tc.total, got, tc.want)
			}
		})
	}
}

func TestFitLanes(t *testing.T) {
	m := testMetrics()
	need := []int{3, 1, 3} // seven lanes
	roomy := 2*m.Pad + m.Tick0 + 7*m.Lane0
	tests := []struct {
		name      string
		avail     float32
		saturated bool
		tight     bool // spaced closer than the theme's
		lanes     int
	}{
		{"the theme's spacing when it fits", roomy + 3*m.Lane0, false, false, 10},
		{"just fits", roomy, false, false, 7},
		{"closer when the theme's leaves lanes out", roomy - m.Lane0, false, true, 7},
		{"the tightest that shows all", 7*m.LaneTight + m.TickTight, false, true, 7},
		{"not even the tightest: the theme's, fewer lanes", 5*m.LaneTight + m.TickTight, false, false, int((5*m.LaneTight + m.TickTight - 2*m.Pad - m.Tick0) / m.Lane0)},
		{"a band wants every lane: the theme's while each band has one", roomy - m.Lane0, true, false, 6},
		{"a band wants every lane, too few for the bands: tightly", 4*m.LaneTight + m.TickTight, true, true, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := &Layout{demand: need, saturated: tc.saturated, bands: make([]Band, 3), axis: 1}
			l.M = m
			got, n := l.fitLanes(tc.avail)
			if n != tc.lanes {
				t.Errorf("%d lanes, want %d", n, tc.lanes)
			}
			if tight := got.LaneH < m.Lane0; tight != tc.tight {
				t.Errorf("lane height %v (theme's %v): tight %v, want %v", got.LaneH, m.Lane0, tight, tc.tight)
			}
			if got.LaneH < m.LaneTight && n >= len(l.bands) || got.ChipH > got.LaneH {
				t.Errorf("lanes %v apart with chips %v high: closer than text lines", got.LaneH, got.ChipH)
			}
			if used := float32(n)*got.LaneH + got.TickH; used > tc.avail && n > 0 && tc.tight {
				t.Errorf("%d lanes of %v and a tick strip of %v take %v, more than %v", n, got.LaneH, got.TickH, used, tc.avail)
			}
		})
	}
}

// checkFrame checks what every placement must be: chips in their lanes,
// left to right without touching, inside the laid-out region's lanes, and
// the selected event drawn whole in lane 0.
func checkFrame(t *testing.T, l *Layout, selected int) {
	t.Helper()
	m := l.M
	perLane := map[[2]int][]Item{}
	for _, it := range l.Items {
		b, k := int(it.Band), int(it.Lane)
		if b >= len(l.NLanes) || k >= l.NLanes[b] {
			t.Errorf("item of event %d in lane %d of band %d, which has %d", it.Ev, k, b, l.NLanes[b])
		}
		if it.W <= 0 || it.Count < 0 || it.Count > 0 && it.Last < it.Ev {
			t.Errorf("item %+v is not a chip or a cluster", it)
		}
		if it.Count == 0 && int(l.bandOf[it.Ev]) != b {
			t.Errorf("event %d drawn in band %d, it sits in %d", it.Ev, b, l.bandOf[it.Ev])
		}
		perLane[[2]int{b, k}] = append(perLane[[2]int{b, k}], it)
	}
	for key, its := range perLane {
		for j := 1; j < len(its); j++ {
			a, b := its[j-1], its[j]
			if a.X+a.W+m.Gap > b.X+0.01 {
				t.Errorf("band %d lane %d: event %d [%v, %v] and event %d [%v, %v] are closer than %v",
					key[0], key[1], a.Ev, a.X, a.X+a.W, b.Ev, b.X, b.X+b.W, m.Gap)
			}
		}
	}
	if selected < 0 {
		return
	}
	p := l.pos[selected]
	if p < l.From || p >= l.To {
		return
	}
	for _, it := range l.Items {
		if it.Count == 0 && int(it.Ev) == selected {
			if it.Lane != 0 || it.Out {
				t.Errorf("the selected event is in lane %d (out %v), want lane 0", it.Lane, it.Out)
			}
			return
		}
	}
	t.Errorf("the selected event %d is not drawn", selected)
}

// covered is how many events the items stand for.
func covered(l *Layout) int {
	n := 0
	for _, it := range l.Items {
		n += max(1, int(it.Count))
	}
	return n
}

func TestPlaceWithoutOverlap(t *testing.T) {
	m := testMetrics()
	for _, n := range []int{50, 2000} {
		tl := data.Synthetic(n, 7)
		l := newLayout(tl)
		for _, size := range [][2]float32{{900, 330}, {400, 200}, {1400, 500}} {
			full0, full1 := l.FullSpan(m, size[0])
			span := full1 - full0
			for _, view := range [][2]float64{{full0, full1}, {full0 + span*0.4, full0 + span*0.5}, {full0 + span*0.7, full0 + span*0.701}} {
				for _, sel := range []int{-1, n / 2, n - 1} {
					t.Run(fmt.Sprintf("%d/%vx%v/%.0f/%d", n, size[0], size[1], view[1]-view[0], sel), func(t *testing.T) {
						l.Place(m, View{From: view[0], To: view[1], Width: size[0], Height: size[1], Selected: sel})
						checkFrame(t, l, sel)
						if len(l.Items) == 0 && view[1]-view[0] > span/20 {
							t.Error("nothing placed")
						}
					})
				}
			}
		}
	}
}

func TestPlaceLabelsEveryEventWithRoom(t *testing.T) {
	m := testMetrics()
	// an event a month for a year, short labels, a wide timeline
	var evs []ev
	for i := range 12 {
		evs = append(evs, ev{date: fmt.Sprintf("2019-%02d-10", i+1), label: "Hi"})
	}
	tl := story(t, nil, evs)
	l := newLayout(tl)
	from, to := l.FullSpan(m, 1200)
	if !l.Place(m, View{From: from, To: to, Width: 1200, Height: 300, Selected: -1}) {
		t.Fatal("the first placement did not lay out")
	}
	checkFrame(t, l, -1)
	if len(l.Items) != 12 {
		t.Fatalf("%d items, want the 12 events", len(l.Items))
	}
	for _, it := range l.Items {
		if x := it.X - l.Shift; it.Count != 0 || it.Out || x < 0 || x+it.W > 1200 {
			t.Errorf("event %d: %+v, want a chip inside the view", it.Ev, it)
		}
	}
	// the events alternate sides: one lane each is enough
	if l.NLanes[0] < 1 || l.NLanes[2] < 1 || l.NLanes[l.Axis()] != 0 {
		t.Errorf("lanes per band %v: want the sides, and none for the empty axis", l.NLanes)
	}
}

func TestPlaceClusters(t *testing.T) {
	m := testMetrics()
	// a hundred events on a hundred days, labels too long to sit side by
	// side in 400 pixels: most fold into clusters
	tl := daily(t, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), 100, "A label of some length")
	l := newLayout(tl)
	from, to := l.FullSpan(m, 400)
	l.Place(m, View{From: from, To: to, Width: 400, Height: 160, Selected: -1})
	checkFrame(t, l, -1)
	clusters := 0
	for _, it := range l.Items {
		if it.Count > 1 {
			clusters++
			// a cluster holds events of its band from its first to its last
			// (some between may be chips in other lanes)
			first, last := l.bandPos[it.Ev], l.bandPos[it.Last]
			if l.BandOf(int(it.Ev)) != int(it.Band) || l.BandOf(int(it.Last)) != int(it.Band) || int(last-first+1) < int(it.Count) {
				t.Errorf("cluster of %d from event %d to %d of band %d: not its band's events", it.Count, it.Ev, it.Last, it.Band)
			}
		}
	}
	if clusters == 0 {
		t.Error("no clusters")
	}
	if got := covered(l); got != 100 {
		t.Errorf("chips and clusters stand for %d events, want all 100", got)
	}

	// ten days across 1200 pixels: a side has an event every other day,
	// 240 pixels apart, room for each chip
	d0 := Days(time.Date(2020, 2, 10, 0, 0, 0, 0, time.UTC))
	l.Place(m, View{From: d0, To: d0 + 10, Width: 1200, Height: 160, Selected: -1})
	checkFrame(t, l, -1)
	for _, it := range l.Items {
		p := l.pos[it.Ev]
		if p > d0+1 && p < d0+9 && (it.Count > 0 || it.Out) {
			t.Errorf("event %d on day %v of a ten-day view is not a chip: %+v", it.Ev, p-d0, it)
		}
	}
}

func TestPlaceTightensSpacingAtSmallHeights(t *testing.T) {
	m := testMetrics()
	// letters both ways on four days running: a few lanes on each side
	var evs []ev
	for i := range 4 {
		day := fmt.Sprintf("2019-03-%02d", i+1)
		evs = append(evs, ev{date: day, kind: "letter", from: "ann", to: "bob", label: "A label"},
			ev{date: day, kind: "letter", from: "bob", to: "ann", label: "A label"})
	}
	tl := story(t, [][2]string{{"ann", "above"}, {"bob", "below"}}, evs)
	l := newLayout(tl)
	const w = 300
	from, to := l.FullSpan(m, w)
	labelled := func(h float32) int {
		t.Helper()
		l.Place(m, View{From: from, To: to, Width: w, Height: h, Selected: -1})
		checkFrame(t, l, -1)
		if top, bottom := l.AxisTop-float32(l.NLanes[0])*l.M.LaneH, l.TickTop+l.M.TickH; top < -0.5 || bottom > h+0.5 {
			t.Errorf("height %v: lanes from %v to %v, outside it", h, top, bottom)
		}
		n := 0
		for _, it := range l.Items {
			if it.Count == 0 && !it.Out {
				n++
			}
		}
		return n
	}
	if n := labelled(400); n != 8 || l.M.LaneH != m.Lane0 {
		t.Fatalf("at 400 px: %d of 8 events labelled, lanes %v apart; want all, the theme's %v", n, l.M.LaneH, m.Lane0)
	}
	need := 0
	for _, n := range l.demand {
		need += n
	}
	if need < 4 {
		t.Fatalf("the bands need %d lanes, want more than a lane a side", need)
	}
	theme := float32(need)*m.Lane0 + m.Tick0 + 2*m.Pad
	if n := labelled(theme); n != 8 || l.M.LaneH != m.Lane0 {
		t.Errorf("at %v px, room for the theme's spacing: %d labelled, lanes %v apart", theme, n, l.M.LaneH)
	}
	tight := float32(need)*m.LaneTight + m.TickTight
	if n := labelled(tight); n != 8 || l.M.LaneH >= m.Lane0 {
		t.Errorf("at %v px, room only for the tightest spacing: %d labelled, lanes %v apart (the theme's %v)", tight, n, l.M.LaneH, m.Lane0)
	}
	if n := labelled(tight - m.LaneTight); n >= 8 {
		t.Errorf("at %v px, less than the tightest spacing needs: %d labelled, want some left out", tight-m.LaneTight, n)
	}
}

func TestHitTestMatchesWhatIsDrawn(t *testing.T) {
	m := testMetrics()
	tl := data.Synthetic(3000, 2)
	l := newLayout(tl)
	from, to := l.FullSpan(m, 900)
	span := to - from
	for _, view := range [][2]float64{{from, to}, {from + span*0.3, from + span*0.33}} {
		// pan into the region, so that the view is not at its left end
		l.Place(m, View{From: view[0], To: view[1], Width: 900, Height: 330, Selected: 10})
		l.Place(m, View{From: view[0] + (view[1]-view[0])*0.1, To: view[1] + (view[1]-view[0])*0.1, Width: 900, Height: 330, Selected: 10})
		hits := 0
		for y := float32(0.25); y < 330; y += 2 {
			for x := float32(0.25); x < 900; x += 3 {
				want := -1
				for n, it := range l.Items {
					top := l.LaneY(int(it.Band), int(it.Lane))
					if x+l.Shift >= it.X && x+l.Shift <= it.X+it.W && y >= top && y <= top+m.ChipH {
						want = n
					}
				}
				if got := l.HitTest(x, y); got != want {
					t.Fatalf("view %v: HitTest(%v, %v) = %d, want %d", view, x, y, got, want)
				}
				if want >= 0 {
					hits++
				}
			}
		}
		if hits == 0 {
			t.Errorf("view %v: nothing to hit", view)
		}
	}
}

func TestPanInsideTheRegionOnlyShifts(t *testing.T) {
	m := testMetrics()
	l := newLayout(data.Synthetic(500, 3))
	from, to := l.FullSpan(m, 900)
	span := (to - from) / 8
	v := View{From: from + span, To: from + 2*span, Width: 900, Height: 330, Selected: -1}
	if !l.Place(m, v) {
		t.Fatal("the first placement did not lay out")
	}
	gen, items, shift := l.Generation(), len(l.Items), l.Shift
	v.From, v.To = v.From+span*0.01, v.To+span*0.01
	if l.Place(m, v) || l.Generation() != gen || len(l.Items) != items {
		t.Errorf("a 1%% pan laid out again")
	}
	if d := l.Shift - shift; math.Abs(float64(d-9)) > 0.01 {
		t.Errorf("a 1%% pan of 900 px moved the content by %v px", d)
	}
	v.From, v.To = v.From+span*0.6, v.To+span*0.6
	if !l.Place(m, v) || l.Generation() == gen {
		t.Error("a pan of 60% of the view did not lay out again")
	}
	gen = l.Generation()
	v.Selected = 3
	if !l.Place(m, v) || l.Generation() == gen {
		t.Error("a new selection did not lay out again")
	}
	if l.Place(m, v) {
		t.Error("the same view laid out twice")
	}
	// the same view at a new text size is another layout
	m2 := NewMetrics(20, func(s string, size float32, bold bool) (float32, float32) {
		return float32(len(s)) * size / 2, size * 1.25
	})
	if !l.Place(m2, v) {
		t.Error("new metrics did not lay out again")
	}
}

func TestSetStoryForgetsTheLastFrame(t *testing.T) {
	m := testMetrics()
	l := newLayout(data.Synthetic(200, 1))
	from, to := l.FullSpan(m, 900)
	l.Place(m, View{From: from, To: to, Width: 900, Height: 330, Selected: -1})
	if len(l.Items) == 0 {
		t.Fatal("nothing placed")
	}
	it := l.Items[0]
	x, y := it.X-l.Shift+it.W/2, l.LaneY(int(it.Band), int(it.Lane))+m.ChipH/2
	if l.HitTest(x, y) != 0 {
		t.Fatal("the first chip's centre does not hit it")
	}
	tl := story(t, nil, []ev{{date: "1990-01-01", group: "A"}, {date: "1990-02-01", group: "B"}, {date: "1990-03-01", group: "C"}})
	l.measure = fakeText{tl}
	l.SetStory(tl)
	if h := l.HitTest(x, y); h >= 0 || len(l.Items) != 0 {
		t.Errorf("after new data, before a placement: hit %d, %d items", h, len(l.Items))
	}
	from, to = l.FullSpan(m, 900)
	l.Place(m, View{From: from, To: to, Width: 900, Height: 330, Selected: -1})
	if covered(l) != 3 {
		t.Errorf("the new data places %d events, want 3", covered(l))
	}
}

func TestTicks(t *testing.T) {
	m := testMetrics()
	l := newLayout(data.Synthetic(100, 1))
	base := Days(time.Date(2001, 3, 14, 0, 0, 0, 0, time.UTC))
	for _, span := range []float64{1, 3, 10, 40, 200, 800, 3000, 10000, 40000} {
		t.Run(fmt.Sprint(span), func(t *testing.T) {
			l.Place(m, View{From: base, To: base + span, Width: 900, Height: 330, Selected: -1})
			labels := 0
			lastX, lastEnd := float32(-1), float32(math.Inf(-1))
			for _, tk := range l.Ticks {
				if tk.X <= lastX {
					t.Errorf("tick at %v after one at %v", tk.X, lastX)
				}
				lastX = tk.X
				if tk.Label == "" {
					continue
				}
				if tk.LX < lastEnd+2*m.Gap {
					t.Errorf("label %q at %v is within %v of the last, which ends at %v", tk.Label, tk.LX, 2*m.Gap, lastEnd)
				}
				lastEnd = tk.LX + textW(tk.Label, tk.Major)
				if x := tk.X - l.Shift; x >= 0 && x <= 900 {
					labels++
				}
			}
			if labels < 2 {
				t.Errorf("%d tick labels in a view of %v days", labels, span)
			}
		})
	}
}

func TestShortCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{2, "2"}, {999, "999"}, {1_000, "1k"}, {1_099, "1k"}, {1_100, "1.1k"}, {1_999, "1.9k"},
		{9_999, "9.9k"}, {10_000, "10k"}, {46_234, "46k"}, {999_999, "999k"},
		{1_000_000, "1M"}, {1_250_000, "1.2M"}, {12_500_000, "12M"},
	} {
		if got := shortCount(c.n); got != c.want {
			t.Errorf("shortCount(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	// A cluster growing from 10,000 to 100,000 events shows 90 texts, not
	// 90,000: each is a texture to make.
	seen := map[string]bool{}
	for n := 10_000; n < 100_000; n++ {
		seen[shortCount(n)] = true
	}
	if len(seen) != 90 {
		t.Errorf("%d texts for the counts 10,000 to 99,999, want 90", len(seen))
	}
}
