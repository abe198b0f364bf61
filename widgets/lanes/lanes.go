// Package lanes lays a timeline's events out in lanes, without Fyne: which
// band of lanes each event sits in (above the axis, on it or below it),
// which lane it takes in the view, which events fold into cluster markers,
// where the ticks of the date axis go, and what a point hits.
//
// Its inputs are explicit: the data (SetStory), the sizes the widget draws
// with (Metrics), the view (View: the visible days and the pixel size) and a
// Measurer for the widths of texts. Its output is a Frame: placed chips and
// clusters, lanes per band, ticks and eras, in pixels. widgets.Timeline asks
// it and draws what it says.
//
// Words: a Side is above the axis, on it or below it (data.Side). A Band is
// a strip of lanes on one side: a side's people, the axis, or an imported
// group's share of a side. A Lane is one row of chips within a band. A
// group is only ever the data's imported TimelineJS group.
package lanes

import (
	"math"
	"sort"
	"time"

	"trumpkim/data"
)

const (
	secondsPerDay = 86400
	// MinSpanDays is the deepest zoom: one day across the whole width.
	MinSpanDays = 1
)

// Days converts an instant to days since the Unix epoch: the unit of every
// position in a layout.
func Days(t time.Time) float64 { return float64(t.Unix()) / secondsPerDay }

// DayTime converts days since the Unix epoch to an instant (UTC, to the
// second).
func DayTime(d float64) time.Time {
	return time.Unix(int64(math.Round(d*secondsPerDay)), 0).UTC()
}

// Measurer measures the texts a layout needs to know the width of, at the
// text size of the Metrics it is given.
type Measurer interface {
	// TextWidth is how wide s is drawn, bold or not.
	TextWidth(s string, bold bool) float32
	// LabelWidth is how wide event i's label is drawn when it may be at
	// most budget wide: whole, or cut with "…" (0 when not even that
	// fits).
	LabelWidth(i int, bold bool, budget float32) float32
}

// Band is one strip of lanes: a side's people, the axis, or one imported
// group's share of a side.
type Band struct {
	Side data.Side
	// Slot is the imported group's band (0, 1, 2, … alternating above and
	// below) or -1 for a side's people or the axis.
	Slot int

	idx []int32   // its events in date order: indices into the data's events
	pos []float64 // their positions, days
	// reach is how many days a range in this band starts before its marker.
	reach float64
}

// Events returns how many events sit in the band.
func (b *Band) Events() int { return len(b.idx) }

// EraSpan is an era's stretch in days, [From, To), with its index in
// data.Timeline.Eras.
type EraSpan struct {
	From, To float64
	Idx      int
}

// Layout places one data set's events for a view. It keeps what it worked
// out (the lanes each band needs, chip widths, last frame's search bounds)
// for as long as the inputs it was worked out from stay the same, so that a
// pan allocates nothing and a pan inside the laid-out region costs almost
// nothing. Its Frame is the last placement.
type Layout struct {
	Frame

	measure Measurer

	// the story, set by SetStory; per event, by index into the data's Events
	pos     []float64 // marker position, days
	start   []float64 // first instant, days
	until   []float64 // end of a range's bar, days; 0 for a single date
	bandOf  []int8    // the band the event sits in: an index into bands
	bandPos []int32   // its position within its band
	groupOf []int16   // the group whose band it sits in (index into data.Timeline.Groups), or -1
	dir     []data.Side
	cross   []bool // a letter or message crossing the axis: drawn with an arrow
	bands   []Band
	axis    int // index of the axis band
	eras    []EraSpan
	first   float64 // earliest position, days
	last    float64 // latest position or range end, days
	dates   dateTexts

	// worked out from the inputs, kept while they stay the same
	given     Metrics   // the Metrics given; Frame.M is them, with the spacing chosen
	tight     bool      // chips closer than the theme's spacing (setGaps)
	labelMax  float32   // the widest a label is drawn
	chipW     []float32 // per event, its chip's width when not selected; 0 unmeasured
	key       placeKey  // what the frame was placed for
	valid     bool      // the frame is the placement for key
	demand    []int     // lanes each band needs to show all
	demandFor demandKey // what demand was measured for; demand nil when unmeasured
	saturated bool      // some band wants every lane it can have
	blocked   [2]bool   // a chip sits where the caption above/below would go, at fit-all
	captionW  [2]float32
	selected  int
	hints     [][2]int // last frame's sweep bounds per band
	lanes     [][]lane // per band
	sweeps    int      // counts placements, for Generation
}

// New returns an empty Layout that measures texts with measure.
func New(measure Measurer) *Layout {
	l := &Layout{measure: measure, selected: -1}
	l.SetStory(nil)
	return l
}

// SetStory takes the events to lay out (tl may be nil): which band each
// sits in, and where. It forgets everything worked out for the last data.
func (l *Layout) SetStory(tl *data.Timeline) {
	n := tl.Len()
	l.pos = make([]float64, n)
	l.start = make([]float64, n)
	l.until = make([]float64, n)
	l.bandOf = make([]int8, n)
	l.bandPos = make([]int32, n)
	l.groupOf = make([]int16, n)
	l.dir = make([]data.Side, n)
	l.cross = make([]bool, n)
	l.chipW = make([]float32, n)
	l.dates.reset()
	l.first, l.last = 0, 0
	l.assignBands(tl)
	for i := 0; i < n; i++ {
		e := &tl.Events[i]
		s := Days(e.Start())
		l.start[i] = s
		l.pos[i] = s
		if e.Date.Precision == data.PrecisionDay {
			l.pos[i] = s + 0.5
		}
		end := l.pos[i]
		if e.IsRange() {
			l.until[i] = Days(e.Until())
			end = l.until[i]
		}
		b := &l.bands[l.bandOf[i]]
		l.bandPos[i] = int32(len(b.idx))
		b.idx = append(b.idx, int32(i))
		b.pos = append(b.pos, l.pos[i])
		if e.IsRange() {
			b.reach = math.Max(b.reach, l.pos[i]-s)
		}
		if i == 0 || l.pos[i] < l.first {
			l.first = l.pos[i]
		}
		if i == 0 || end > l.last {
			l.last = end
		}
	}
	l.setEras(tl)
	for i := 0; i < n; i++ {
		l.dir[i] = l.direction(tl, i)
		l.cross[i] = l.crossing(tl, i)
	}
	if n == 0 && len(l.eras) == 0 {
		now := Days(time.Now())
		l.first, l.last = now-180, now+180
	}
	if l.last-l.first < MinSpanDays {
		l.last = l.first + MinSpanDays
	}
	l.dates.tl = tl
	l.demand = nil
	l.valid = false
	nb := len(l.bands)
	if cap(l.lanes) < nb {
		l.lanes = make([][]lane, nb)
	}
	l.lanes = l.lanes[:nb]
	l.hints = make([][2]int, nb)
	l.NLanes = make([]int, nb)
	l.edge = make([]float32, nb)
	l.Items = l.Items[:0]
	l.Ticks = l.Ticks[:0]
	l.Eras = l.Eras[:0]
	l.Arrows = l.Arrows[:0]
}

// direction says which way event i went, for its chevron: toward the
// recipient's side when a letter or message crosses the axis, else
// SideAxis (no chevron).
func (l *Layout) direction(tl *data.Timeline, i int) data.Side {
	e := &tl.Events[i]
	side := l.bands[l.bandOf[i]].Side
	if e.To == "" || e.From == "" || side == data.SideAxis {
		return data.SideAxis
	}
	p, ok := tl.Person(e.To)
	if !ok {
		return data.SideAxis
	}
	if to := data.ParseSide(p.Side); to != data.SideAxis && to != side {
		return to
	}
	return data.SideAxis
}

// setEras takes the eras' stretches in date order, and widens the span to
// show them whole.
func (l *Layout) setEras(tl *data.Timeline) {
	l.eras = l.eras[:0]
	if tl == nil {
		return
	}
	for i := range tl.Eras {
		from, to, ok := EraDays(&tl.Eras[i])
		if !ok {
			continue
		}
		sp := EraSpan{From: from, To: to, Idx: i}
		l.eras = append(l.eras, sp)
		if len(tl.Events) == 0 && len(l.eras) == 1 {
			l.first, l.last = sp.From, sp.To
		}
		l.first = math.Min(l.first, sp.From)
		l.last = math.Max(l.last, sp.To)
	}
	sort.SliceStable(l.eras, func(a, b int) bool { return l.eras[a].From < l.eras[b].From })
}

// EraDays is era e's stretch in days, [from, to): from its start to the
// end of its last day (its start's, when it has no end or one before the
// start); false for an era with no start, which is not drawn.
func EraDays(e *data.Era) (from, to float64, ok bool) {
	if e.Start.IsZero() {
		return 0, 0, false
	}
	end := e.End
	if end.IsZero() || end.Before(e.Start) {
		end = e.Start
	}
	return Days(e.Start.Start()), Days(end.Until()), true
}

// Pos is event i's marker position, days.
func (l *Layout) Pos(i int) float64 { return l.pos[i] }

// Bands are the strips of lanes from top to bottom: bands above the axis
// (outermost first), the axis, bands below (nearest first). The article's
// data has three: its people's sides and the axis.
func (l *Layout) Bands() []Band { return l.bands }

// Axis is the index of the axis band in Bands.
func (l *Layout) Axis() int { return l.axis }

// BandOf is the band event i sits in.
func (l *Layout) BandOf(i int) int { return int(l.bandOf[i]) }

// GroupOf is the imported group whose band event i sits in (an index into
// data.Timeline.Groups), or -1 when its side or the axis placed it.
func (l *Layout) GroupOf(i int) int { return int(l.groupOf[i]) }

// Direction is which way event i went, for its chevron: the recipient's
// side when a letter or message crosses the axis, else SideAxis.
func (l *Layout) Direction(i int) data.Side { return l.dir[i] }

// EraSpans are the data's dated eras, in date order.
func (l *Layout) EraSpans() []EraSpan { return l.eras }

// DateText is the short date in event i's chip: "Jun 2", "Jun 2019",
// "2019" or "Feb 27–28". The axis gives the year of day dates.
func (l *Layout) DateText(i int) string { return l.dates.event(i) }

// CountText is a cluster's count as its pill shows it: "+12", "+1.2k",
// "+46k" (see shortCount); the tooltip gives the exact count.
func (l *Layout) CountText(n int32) string { return l.dates.count(n) }

// FullSpan returns the view that fits every event at width (every event
// when the width is not known yet). Chips near the right edge put their
// label left of the marker, so the margins only need to hold a marker.
func (l *Layout) FullSpan(m Metrics, width float32) (from, to float64) {
	w := float64(width)
	if w <= 0 {
		return l.first, l.last
	}
	margin := float64(m.PadL + m.Marker/2 + m.Pad)
	inner := max(w-2*margin, w/2)
	ppd := inner / (l.last - l.first)
	from = l.first - margin/ppd
	return from, from + w/ppd
}

// ChipWidth is how wide event i's chip is drawn at width (with its range
// bar short), bold when selected, at the spacing of the last placement.
func (l *Layout) ChipWidth(m Metrics, width float32, i int, bold bool) float32 {
	l.use(m, width)
	return l.chipWidth(i, bold)
}
