package data

import (
	"bytes"
	"testing"
)

// FuzzCSV feeds Load arbitrary bytes named as a spreadsheet: no panic,
// every problem names its place, and what loads round-trips.
func FuzzCSV(f *testing.F) {
	seeds(f, ".csv", ".tsv")
	f.Add([]byte("Year,Month,Day,Time,End Year,End Time,Type\n1,1,1,12:00 am,1,11:59:59.9 pm,\n2,,,,3,,era\n"))
	f.Add([]byte("\ufeffYear,Headline\r\n\r\n\"1\",\"a\"\"b\nc\"\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tl, ps, err := Load("fuzz.csv", bytes.NewReader(b))
		checkLoaded(t, tl, ps, err, true)
	})
}

func TestSplitTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"9", "9|||"},
		{"09:30", "09|30||"},
		{"23:59:59", "23|59|59|"},
		{"7:05:09.5", "7|05|09|500"},
		{"12:00 AM", "0|00||"},
		{"12:15 pm", "12|15||"},
		{"1 PM", "13|||"},
		{"13:00 PM", "error"},
		{"noon", "error"},
		{"10::00", "error"},
		{"1:2:3:4", "error"},
		{"10:00.5", "error"},
		{"10:00:00.", "error"},
		{"10:00:00.1234", "error"},
	}
	for _, tt := range tests {
		h, m, s, ms, err := splitTime(tt.in)
		got := h + "|" + m + "|" + s + "|" + ms
		if err != nil {
			got = "error"
		}
		if got != tt.want {
			t.Errorf("splitTime(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestCSVRowNumbers: rows are numbered as a spreadsheet shows them: an
// empty line is an empty row, a line break inside quotes is not a new row.
func TestCSVRowNumbers(t *testing.T) {
	in := "Year,Month,Headline\n\n1900,1,\"two\nlines\"\n\n\n1900,13,bad\n"
	tl, ps, err := Load("s.csv", bytes.NewReader([]byte(in)))
	if err != nil || len(tl.Events) != 1 || tl.Events[0].Title != "two lines" {
		t.Fatalf("got %v %v", tl, err)
	}
	wantProblems(t, ps, "row 6, column Month: '13' is not a month")
}
