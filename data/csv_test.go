package data

import (
	"bytes"
	"strings"
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

// TestCSVSeparators: a sheet saved with semicolons, as Excel saves "CSV"
// where the decimal mark is a comma (German, French, …), reads as one
// saved with commas or tabs. It was refused with "the first row names none
// of its columns", which its first row does.
func TestCSVSeparators(t *testing.T) {
	for _, sep := range []string{",", "\t", ";"} {
		in := strings.Join([]string{"Year", "Month", "Day", "Headline", "Text"}, sep) + "\n" +
			strings.Join([]string{"2019", "6", "30", "DMZ meeting", "Trump, Kim; Moon"}, sep) + "\n"
		in = strings.Replace(in, "Trump, Kim; Moon", `"Trump, Kim; Moon"`, 1)
		tl, ps, err := Load("s.csv", strings.NewReader(in))
		if err != nil {
			t.Errorf("separated by %q: %v", sep, err)
			continue
		}
		if len(ps) > 0 || len(tl.Events) != 1 || tl.Events[0].Title != "DMZ meeting" || tl.Events[0].Summary != "Trump, Kim; Moon" {
			t.Errorf("separated by %q: got %+v, %v", sep, tl.Events, ps)
		}
	}
}

// TestCSVOnlyAHeader: a sheet with its header row and nothing under it
// said "rows 2 to 2: no events: every row is blank, a title or an era",
// of a row that is not there.
func TestCSVOnlyAHeader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Year,Month,Day,Headline\n", "row 1: no events: the sheet has only its header row"},
		{"Year,Month,Day,Headline", "row 1: no events: the sheet has only its header row"},
		{"\n\nYear,Month,Day,Headline\n", "row 3: no events: the sheet has only its header row"},
		{"Year,Month,Day,Headline\n,,,\n,,,\n", "rows 2 to 3: no events: every row is blank, a title or an era"},
		{"\nYear,Headline,Type\n2019,T,title\n", "row 3: no events: every row is blank, a title or an era"},
	} {
		_, ps, err := Load("s.csv", strings.NewReader(c.in))
		if err == nil || len(ps) != 1 || ps[0].String() != c.want {
			t.Errorf("%q: got %v %v, want %q", c.in, ps, err, c.want)
		}
	}
}
