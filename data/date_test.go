package data

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		display string
		ok      bool
	}{
		{"2019-06-30", "Jun 30, 2019", true},
		{"2019-06", "Jun 2019", true},
		{"2019", "2019", true},
		{"-0044-03-15", "Mar 15, 44 BCE", true},
		{"2020-02-29", "Feb 29, 2020", true},
		{"2019-02-29", "", false},
		{"2019-00", "", false},
		{"2019-6-30", "", false},
		{"19", "", false},
		{"2019-06-30-01", "", false},
		{"", "", false},
		{"June 2019", "", false},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDate(%q) err = %v", tc.in, err)
			continue
		}
		if tc.ok {
			if got := d.Display(); got != tc.display {
				t.Errorf("%q displays as %q, want %q", tc.in, got, tc.display)
			}
			if got := d.String(); got != tc.in {
				t.Errorf("%q round-trips as %q", tc.in, got)
			}
		}
	}
}

func TestDisplayRange(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"2019-02-27", "2019-02-28", "Feb 27–28, 2019"},
		{"2019-06-30", "2019-07-02", "Jun 30 – Jul 2, 2019"},
		{"2019-12-30", "2020-01-02", "Dec 30, 2019 – Jan 2, 2020"},
		{"2019-06", "2019-08", "Jun 2019 – Aug 2019"},
		{"2019-06-30", "", "Jun 30, 2019"},
	}
	for _, tc := range tests {
		a, _ := ParseDate(tc.a)
		var b Date
		if tc.b != "" {
			b, _ = ParseDate(tc.b)
		}
		if got := DisplayRange(a, b); got != tc.want {
			t.Errorf("DisplayRange(%s, %s) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestUntilCoversThePeriod(t *testing.T) {
	m, _ := ParseDate("2019-02")
	if got := m.Until(); !got.Equal(time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("month until %v", got)
	}
	y, _ := ParseDate("2019")
	if !y.Before(DayDate(2019, 1, 1)) || DayDate(2019, 1, 1).Before(y) {
		t.Error("a year sorts before its first day")
	}
}
