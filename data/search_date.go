package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// period is a stretch of time a query names ("2018", "june 2019",
// "6/30/2019"): it keeps the events that overlap it.
type period struct {
	date       Date
	from, upto int64 // Unix seconds, [from, upto)
}

func newPeriod(d Date) period {
	return period{date: d, from: d.Start().Unix(), upto: d.Until().Unix()}
}

// monthNames are the folded month names a query may use, full or as their
// first three letters ("sept" too).
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		name := strings.ToLower(mo.String())
		m[name] = mo
		m[name[:3]] = mo
	}
	return m
}()

// digits reports whether s is 1 to max ASCII digits and returns its value.
func digits(s string, max int) (int, bool) {
	if s == "" || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// year reads a four-digit year from 1000 to 2999.
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, ok := digits(s, 4)
	return y, ok && y >= 1000 && y < 3000
}

// dayOf reads a day of the month, "30", "30th", "1st".
func dayOf(s string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	d, ok := digits(s, 2)
	return d, ok && d >= 1 && d <= 31
}

// mkDate builds a Date to the precision given by which parts are non-zero,
// refusing days the month does not have.
func mkDate(y int, m time.Month, d int) (Date, bool) {
	switch {
	case m == 0:
		return Date{Year: y, Precision: PrecisionYear}, true
	case m < 1 || m > 12:
		return Date{}, false
	case d == 0:
		return Date{Year: y, Month: m, Precision: PrecisionMonth}, true
	case d > daysIn(y, m):
		return Date{}, false
	}
	return DayDate(y, m, d), true
}

// datePrefix reads a date from the start of words, the ways people write
// them: "2019", "2019-06", "2019-06-30", "6/30/2019", "30/6/2019", "6/2019",
// "june 2019", "jun 30 2019", "june 30th, 2019", "30 june 2019". It returns
// the date and how many words it took, or 0 words. A month or day without a
// year is not a date here: it stays a word to match in the text.
func datePrefix(words []string) (Date, int) {
	w := words[0]
	if y, ok := year(w); ok {
		return Date{Year: y, Precision: PrecisionYear}, 1
	}
	if p := strings.Split(w, "-"); len(p) >= 2 && len(p) <= 3 {
		if y, ok := year(p[0]); ok {
			m, ok1 := digits(p[1], 2)
			d := 0
			ok2 := true
			if len(p) == 3 {
				d, ok2 = digits(p[2], 2)
				ok2 = ok2 && d >= 1 && len(p[2]) == 2
			}
			if ok1 && ok2 && len(p[1]) == 2 {
				if dt, ok := mkDate(y, time.Month(m), d); ok {
					return dt, 1
				}
			}
		}
	}
	if p := strings.Split(w, "/"); len(p) >= 2 && len(p) <= 3 {
		y, ok := year(p[len(p)-1])
		a, okA := digits(p[0], 2)
		b, okB := 0, true
		if len(p) == 3 {
			b, okB = digits(p[1], 2)
		}
		if ok && okA && okB && a >= 1 {
			m, d := a, b
			if len(p) == 3 && a > 12 {
				m, d = b, a // day first, as most of the world writes it
			}
			if len(p) == 3 && d == 0 {
				return Date{}, 0
			}
			if dt, ok := mkDate(y, time.Month(m), d); ok {
				return dt, 1
			}
		}
	}
	// Month names: "june 2019", "june 30 2019", "30 june 2019".
	if m, ok := monthNames[w]; ok && len(words) >= 2 {
		if y, ok := year(words[1]); ok {
			return Date{Year: y, Month: m, Precision: PrecisionMonth}, 2
		}
		if d, ok := dayOf(words[1]); ok && len(words) >= 3 {
			if y, ok := year(words[2]); ok {
				if dt, ok := mkDate(y, m, d); ok {
					return dt, 3
				}
			}
		}
	}
	if d, ok := dayOf(w); ok && len(words) >= 3 {
		if m, ok := monthNames[words[1]]; ok {
			if y, ok := year(words[2]); ok {
				if dt, ok := mkDate(y, m, d); ok {
					return dt, 3
				}
			}
		}
	}
	return Date{}, 0
}

// appendDateTexts appends to dst the ways date d is written for matching
// words against, one after another: "June 30, 2019", "2019-06-30" and
// "6/30/2019" for a day; "June 2019", "2019-06" and "6/2019" for a month;
// "2019" for a year; nothing for no date. Times of day are left out. After
// each it appends to ends where it ends, base+len(dst). It writes what
// Month.String, Date.String and Date.Display would, without their
// garbage: NewIndex writes three for each of 100,000 events.
func appendDateTexts(dst []byte, ends []uint32, base uint32, d Date) ([]byte, []uint32) {
	end := func() { ends = append(ends, base+uint32(len(dst))) }
	switch {
	case d.IsZero():
		return dst, ends
	case d.Precision == PrecisionYear:
		dst = appendYearText(dst, d.Year)
		end()
		return dst, ends
	}
	dst = append(dst, d.Month.String()...)
	dst = append(dst, ' ')
	if d.Precision != PrecisionMonth {
		dst = strconv.AppendInt(dst, int64(d.Day), 10)
		dst = append(dst, ", "...)
	}
	dst = appendYearText(dst, d.Year)
	end()
	// Date.String: "%04d-%02d-%02d", a year before 1 as "-%04d".
	if d.Year < 0 {
		dst = appendPadded(append(dst, '-'), -d.Year, 4)
	} else {
		dst = appendPadded(dst, d.Year, 4)
	}
	dst = appendPadded(append(dst, '-'), int(d.Month), 2)
	if d.Precision != PrecisionMonth {
		dst = appendPadded(append(dst, '-'), d.Day, 2)
	}
	end()
	dst = append(strconv.AppendInt(dst, int64(d.Month), 10), '/')
	if d.Precision != PrecisionMonth {
		dst = append(strconv.AppendInt(dst, int64(d.Day), 10), '/')
	}
	dst = appendYearText(dst, d.Year)
	end()
	return dst, ends
}

// appendYearText appends year as Date.Display writes it ("2019", "44 BCE").
func appendYearText(dst []byte, year int) []byte {
	if year < 0 {
		return append(strconv.AppendInt(dst, int64(-year), 10), " BCE"...)
	}
	return strconv.AppendInt(dst, int64(year), 10)
}

// appendPadded appends v as fmt's "%0*d" does with width.
func appendPadded(dst []byte, v, width int) []byte {
	if v < 0 {
		return fmt.Appendf(dst, "%0*d", width, v)
	}
	digits := 1
	for x := v; x >= 10; x /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(v), 10)
}

// dateRunes returns the rune indexes of display text s (an event's
// DisplayDate) that show period p: its year, month and day where s has them.
func dateRunes(s string, d Date) []int {
	rs := []rune(s)
	var out []int
	mark := func(tok string, wholeNumber bool) {
		tr := []rune(tok)
		for i := 0; i+len(tr) <= len(rs); i++ {
			if string(rs[i:i+len(tr)]) != tok {
				continue
			}
			if wholeNumber && (i > 0 && isDigit(rs[i-1]) || i+len(tr) < len(rs) && isDigit(rs[i+len(tr)])) {
				continue
			}
			for k := range tr {
				out = append(out, i+k)
			}
			return
		}
	}
	mark(strconv.Itoa(d.Year), true)
	if d.Precision >= PrecisionMonth {
		mark(d.Month.String()[:3], false)
	}
	if d.Precision >= PrecisionDay {
		mark(strconv.Itoa(d.Day), true)
	}
	return sortedUnique(out)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }
