package lanes

import (
	"math"
	"time"
)

// Tick is one mark on the date axis, with its label if there is room.
type Tick struct {
	X     float32 // in content coordinates
	Major bool    // a year, or the first of a month or week: longer, and its label bold
	Label string  // "" for none
	LX    float32 // where the label starts
}

// tickUnit is one rung of the ladder of tick spacings.
type tickUnit struct {
	days   float64 // typical length, to choose the rung
	months int     // a step of months (12 for a year), or 0
	step   int     // days per step when months is 0
}

var tickUnits = []tickUnit{
	{1, 0, 1}, {2, 0, 2}, {7, 0, 7}, {30.44, 1, 0}, {91.3, 3, 0}, {182.6, 6, 0},
	{365.25, 12, 0}, {730.5, 24, 0}, {1826, 60, 0}, {3652, 120, 0}, {7305, 240, 0},
	{18262, 600, 0}, {36525, 1200, 0},
}

// placeTicks chooses the finest tick spacing whose labels have room and
// lays the ticks out, dropping any label that would touch its neighbour.
func (l *Layout) placeTicks() {
	m := &l.M
	need := l.measure.TextWidth("Sep 30", true) + 3*m.Gap
	u := tickUnits[len(tickUnits)-1]
	for _, c := range tickUnits {
		if c.days*l.PPD >= float64(need) {
			u = c
			break
		}
	}
	from := DayTime(l.From)
	var tm time.Time
	if u.months > 0 {
		y, mo := from.Year(), int(from.Month())-1
		total := y*12 + mo
		total -= ((total % u.months) + u.months) % u.months
		tm = time.Date(total/12, time.Month(total%12+1), 1, 0, 0, 0, 0, time.UTC)
	} else {
		tm = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
		if u.step == 7 {
			for tm.Weekday() != time.Monday {
				tm = tm.AddDate(0, 0, -1)
			}
		}
	}
	lastEnd := float32(math.Inf(-1))
	for n := 0; n < 400; n++ {
		if n > 0 {
			if u.months > 0 {
				tm = tm.AddDate(0, u.months, 0)
			} else {
				tm = tm.AddDate(0, 0, u.step)
			}
		}
		x := l.XOf(Days(tm))
		if x > float32((l.To-l.From)*l.PPD) {
			break
		}
		if x < 0 {
			continue
		}
		tk := Tick{X: x, LX: x + 3}
		switch {
		case u.months >= 12:
			tk.Major = true
			tk.Label = l.dates.year(tm.Year())
		case u.months > 0:
			tk.Major = tm.Month() == time.January
			if tk.Major {
				tk.Label = l.dates.year(tm.Year())
			} else {
				tk.Label = monthAbbr[tm.Month()]
			}
		case u.step == 7:
			tk.Major = tm.Day() <= 7
			tk.Label = l.dates.monthDay(tm.Month(), tm.Day())
		default:
			tk.Major = tm.Day() == 1
			switch {
			case tk.Major && tm.Month() == time.January:
				tk.Label = l.dates.year(tm.Year())
			case tk.Major:
				tk.Label = monthAbbr[tm.Month()]
			default:
				tk.Label = l.dates.day(tm.Day())
			}
		}
		// no label across the story's edges, where the timeline clips it
		if w := l.measure.TextWidth(tk.Label, tk.Major); tk.LX < lastEnd+2*m.Gap || tk.LX < l.flipL-m.Pad || tk.LX+w > l.flipX+m.Pad {
			tk.Label = ""
		} else {
			lastEnd = tk.LX + w
		}
		l.Ticks = append(l.Ticks, tk)
	}
}
