package lanes

import (
	"strconv"
	"time"

	"trumpkim/data"
)

// dateTexts keeps the short strings a timeline draws (chip dates, tick
// labels, cluster counts), so that a pan allocates nothing once the
// strings it shows have been made.
type dateTexts struct {
	tl     *data.Timeline
	strs   map[int64]string
	ranges map[int32]string
}

const (
	keyMonthDay = iota << 40
	keyMonthYear
	keyYear
	keyMonth
	keyDay
	keyCount
)

func (c *dateTexts) reset() {
	c.strs = map[int64]string{}
	c.ranges = map[int32]string{}
}

func (c *dateTexts) get(key int64, make func() string) string {
	if s, ok := c.strs[key]; ok {
		return s
	}
	s := make()
	c.strs[key] = s
	return s
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// event is the short date in event i's chip: "Jun 2", "Jun 2019", "2019"
// or "Feb 27–28". The axis gives the year of day dates.
func (c *dateTexts) event(i int) string {
	e := &c.tl.Events[i]
	if e.IsRange() {
		return c.rangeLabel(int32(i), e)
	}
	switch e.Date.Precision {
	case data.PrecisionDay:
		return c.monthDay(e.Date.Month, e.Date.Day)
	case data.PrecisionMonth:
		return c.monthYear(e.Date.Year, e.Date.Month)
	}
	return c.year(e.Date.Year)
}

func (c *dateTexts) monthDay(m time.Month, d int) string {
	return c.get(keyMonthDay|int64(m)<<8|int64(d), func() string {
		return monthAbbr[m] + " " + strconv.Itoa(d)
	})
}

func (c *dateTexts) monthYear(y int, m time.Month) string {
	return c.get(keyMonthYear|int64(y+1<<20)<<8|int64(m), func() string {
		return monthAbbr[m] + " " + strconv.Itoa(y)
	})
}

func (c *dateTexts) year(y int) string {
	return c.get(keyYear|int64(y+1<<20), func() string {
		if y < 0 {
			return strconv.Itoa(-y) + " BCE"
		}
		return strconv.Itoa(y)
	})
}

func (c *dateTexts) day(d int) string {
	return c.get(keyDay|int64(d), func() string { return strconv.Itoa(d) })
}

func (c *dateTexts) count(n int32) string {
	return c.get(keyCount|int64(n), func() string { return "+" + shortCount(int(n)) })
}

// shortCount is n with at most two significant digits past 9,999 and
// one decimal from 1,000 ("987", "1.2k", "46k", "1.2M"), cut down rather
// than rounded up, so that it never says more than n. A cluster's count
// changes at almost every zoom step, and every new string is a new text
// texture to shape, rasterise and upload (make framebench); the cut one
// changes far less often.
func shortCount(n int) string {
	switch {
	case n < 1_000:
		return strconv.Itoa(n)
	case n < 10_000:
		return decimalCount(n/100, "k")
	case n < 1_000_000:
		return strconv.Itoa(n/1_000) + "k"
	case n < 10_000_000:
		return decimalCount(n/100_000, "M")
	}
	return strconv.Itoa(n/1_000_000) + "M"
}

// decimalCount is tenths (12 for 1.2) with its unit, without a ".0".
func decimalCount(tenths int, unit string) string {
	if tenths%10 == 0 {
		return strconv.Itoa(tenths/10) + unit
	}
	return strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10) + unit
}

func (c *dateTexts) rangeLabel(i int32, e *data.Event) string {
	if s, ok := c.ranges[i]; ok {
		return s
	}
	var s string
	d, end := e.Date, e.End
	switch {
	case d.Precision == data.PrecisionDay && end.Precision == data.PrecisionDay && d.Year == end.Year && d.Month == end.Month:
		s = monthAbbr[d.Month] + " " + strconv.Itoa(d.Day) + "–" + strconv.Itoa(end.Day)
	case d.Precision == data.PrecisionDay && end.Precision == data.PrecisionDay && d.Year == end.Year:
		s = monthAbbr[d.Month] + " " + strconv.Itoa(d.Day) + " – " + monthAbbr[end.Month] + " " + strconv.Itoa(end.Day)
	default:
		s = e.DisplayDate()
	}
	c.ranges[i] = s
	return s
}
