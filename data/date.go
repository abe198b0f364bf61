package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

// The precisions a Date can have, coarsest first.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	// The time-of-day precisions, for imported timelines (TimelineJS dates
	// may carry an hour, minute, second and millisecond). The Trump–Kim data
	// set uses none of them.
	PrecisionHour
	PrecisionMinute
	PrecisionSecond
	PrecisionMillisecond
)

// MinYear and MaxYear bound the years a timeline can show, in every
// format: ParseDate and the importers refuse dates outside them with a
// message. Four digits are what the app's own dates are written with and
// all its displays and time arithmetic are made for; TimelineJS's
// "cosmological" timelines, in billions of years, are not supported (their
// events are skipped with a message).
const (
	MinYear = -9999
	MaxYear = 9999
)

// yearRange names the range of years for messages.
var yearRange = fmt.Sprintf("the years this timeline can show (%d BCE to %d)", -MinYear, MaxYear)

// Date is a calendar date known to year, month or day precision, or to a
// time of day (UTC) on that day. The fields finer than Precision are zero. A
// Date is written as "2019", "2019-06" or "2019-06-30" (a leading "-" for
// years before the common era), and with a time as "2019-06-30T15",
// "2019-06-30T15:04", "2019-06-30T15:04:05" or "2019-06-30T15:04:05.000".
type Date struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
	// Hour, Minute, Second and Millisecond are the time of day, for
	// precisions finer than PrecisionDay.
	Hour, Minute, Second, Millisecond int
}

// DayDate returns a Date known to the day.
func DayDate(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day, Precision: PrecisionDay}
}

// IsZero reports whether d holds no date at all.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". The year may have a
// leading "-" and must be within MinYear and MaxYear. Every part is checked,
// so "2019-02-30", "2019-13" and "10000" are errors.
//
// A day may be followed by a time of day, "T15", "T15:04", "T15:04:05" or
// "T15:04:05.000", which sets the finer precisions.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, fmt.Errorf("empty date")
	}
	if day, clock, ok := strings.Cut(s, "T"); ok {
		d, err := ParseDate(day)
		if err != nil {
			return Date{}, err
		}
		if d.Precision != PrecisionDay {
			return Date{}, fmt.Errorf("%q: a time of day needs a full date before it", s)
		}
		if err := d.parseClock(clock); err != nil {
			return Date{}, fmt.Errorf("%q: %w", s, err)
		}
		return d, nil
	}
	neg := strings.HasPrefix(s, "-")
	parts := strings.Split(strings.TrimPrefix(s, "-"), "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var d Date
	for i, p := range parts {
		if p == "" || len(p) > 9 || strings.TrimLeft(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		if i > 0 && len(p) != 2 || i == 0 && len(p) < 4 {
			return Date{}, fmt.Errorf("%q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, _ := strconv.Atoi(p)
		switch i {
		case 0:
			d.Year = n
			if neg {
				d.Year = -n
			}
			if d.Year < MinYear || d.Year > MaxYear {
				return Date{}, fmt.Errorf("%q: year %d is outside %s", s, d.Year, yearRange)
			}
			d.Precision = PrecisionYear
		case 1:
			if n < 1 || n > 12 {
				return Date{}, fmt.Errorf("%q: month %d is not 1 to 12", s, n)
			}
			d.Month = time.Month(n)
			d.Precision = PrecisionMonth
		case 2:
			if last := daysIn(d.Year, d.Month); n < 1 || n > last {
				return Date{}, fmt.Errorf("%q: %s %d has no day %d", s, d.Month, d.Year, n)
			}
			d.Day = n
			d.Precision = PrecisionDay
		}
	}
	return d, nil
}

// parseClock reads "15", "15:04", "15:04:05" or "15:04:05.000" into d.
func (d *Date) parseClock(s string) error {
	hms, ms, hasMS := strings.Cut(s, ".")
	parts := strings.Split(hms, ":")
	if len(parts) > 3 || hasMS && len(parts) != 3 {
		return fmt.Errorf("time %q is not HH, HH:MM, HH:MM:SS or HH:MM:SS.mmm", s)
	}
	if hasMS {
		parts = append(parts, ms)
	}
	limits := []int{23, 59, 59, 999}
	fields := []*int{&d.Hour, &d.Minute, &d.Second, &d.Millisecond}
	names := []string{"hour", "minute", "second", "millisecond"}
	for i, p := range parts {
		width := 2
		if i == 3 {
			width = 3
		}
		if len(p) != width || strings.TrimLeft(p, "0123456789") != "" {
			return fmt.Errorf("time %q is not HH, HH:MM, HH:MM:SS or HH:MM:SS.mmm", s)
		}
		n, _ := strconv.Atoi(p)
		if n > limits[i] {
			return fmt.Errorf("%s %d is not 0 to %d", names[i], n, limits[i])
		}
		*fields[i] = n
		d.Precision = PrecisionHour + Precision(i)
	}
	return nil
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Start is the first instant of the period d names, in UTC.
func (d Date) Start() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, d.Hour, d.Minute, d.Second, d.Millisecond*int(time.Millisecond), time.UTC)
}

// Until is the first instant after the period d names: the next day, month
// or year.
func (d Date) Until() time.Time {
	s := d.Start()
	switch d.Precision {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	case PrecisionHour:
		return s.Add(time.Hour)
	case PrecisionMinute:
		return s.Add(time.Minute)
	case PrecisionSecond:
		return s.Add(time.Second)
	case PrecisionMillisecond:
		return s.Add(time.Millisecond)
	default:
		return s.AddDate(0, 0, 1)
	}
}

// Before reports whether d starts before e (for equal starts, the coarser
// date first, so that "2019" sorts before "2019-01-01").
func (d Date) Before(e Date) bool {
	a, b := d.Start(), e.Start()
	if !a.Equal(b) {
		return a.Before(b)
	}
	return d.Precision < e.Precision
}

// String writes d in the form ParseDate reads.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y := fmt.Sprintf("%04d", d.Year)
	if d.Year < 0 {
		y = fmt.Sprintf("-%04d", -d.Year)
	}
	switch d.Precision {
	case PrecisionYear:
		return y
	case PrecisionMonth:
		return fmt.Sprintf("%s-%02d", y, int(d.Month))
	case PrecisionDay:
		return fmt.Sprintf("%s-%02d-%02d", y, int(d.Month), d.Day)
	}
	return fmt.Sprintf("%s-%02d-%02dT%s", y, int(d.Month), d.Day, d.clock(false))
}

// clock writes d's time of day as precisely as it is known: "15", "15:04",
// "15:04:05", "15:04:05.000"; forPeople writes an hour alone as "15:00".
func (d Date) clock(forPeople bool) string {
	switch d.Precision {
	case PrecisionHour:
		if forPeople {
			return fmt.Sprintf("%02d:00", d.Hour)
		}
		return fmt.Sprintf("%02d", d.Hour)
	case PrecisionMinute:
		return fmt.Sprintf("%02d:%02d", d.Hour, d.Minute)
	case PrecisionSecond:
		return fmt.Sprintf("%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
	case PrecisionMillisecond:
		return fmt.Sprintf("%02d:%02d:%02d.%03d", d.Hour, d.Minute, d.Second, d.Millisecond)
	}
	return ""
}

// Display writes d for people, as precisely as it is known: "Jun 30, 2019",
// "Jun 2019" or "2019" ("44 BCE" for negative years).
func (d Date) Display() string { return d.display(false) }

// display writes d for people, the month's name in full when long
// (LongDisplay) or in three letters.
func (d Date) display(long bool) string {
	y := strconv.Itoa(d.Year)
	if d.Year < 0 {
		y = strconv.Itoa(-d.Year) + " BCE"
	}
	month := d.Month.String()
	if !long && len(month) > 3 {
		month = month[:3]
	}
	switch d.Precision {
	case PrecisionNone:
		return ""
	case PrecisionYear:
		return y
	case PrecisionMonth:
		return month + " " + y
	case PrecisionDay:
		return fmt.Sprintf("%s %d, %s", month, d.Day, y)
	}
	return fmt.Sprintf("%s %d, %s, %s", month, d.Day, y, d.clock(true))
}

// DisplayRange writes the period from d to end for people, sharing what the
// two have in common: "Feb 27–28, 2019", "Jun 30 – Jul 2, 2019",
// "Dec 30, 2019 – Jan 2, 2020". A zero end gives d.Display().
func DisplayRange(d, end Date) string {
	if end.IsZero() || end == d {
		return d.Display()
	}
	if d.Precision > PrecisionDay && end.Precision > PrecisionDay &&
		d.Year == end.Year && d.Month == end.Month && d.Day == end.Day {
		return d.Display() + "–" + end.clock(true)
	}
	if d.Precision == PrecisionDay && end.Precision == PrecisionDay && d.Year == end.Year {
		if d.Month == end.Month {
			return fmt.Sprintf("%s %d–%d, %d", d.Month.String()[:3], d.Day, end.Day, d.Year)
		}
		return fmt.Sprintf("%s %d – %s %d, %d", d.Month.String()[:3], d.Day, end.Month.String()[:3], end.Day, d.Year)
	}
	return d.Display() + " – " + end.Display()
}

// MarshalText writes d as ParseDate reads it.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
