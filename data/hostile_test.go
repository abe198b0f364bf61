package data

import (
	"bytes"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"
)

// This file tests what a hostile or broken file must not do: freeze the
// app, take quadratic time, hang on a pipe, print raw control characters to
// a terminal, or load dates the app cannot sort.

func TestProblemStringEscapesControls(t *testing.T) {
	p := Problem{Where: "row 2, column Headline\x1b[2J", What: "'\x1b]0;title\a' is not a month \u202eevil"}
	want := `row 2, column Headline\x1b[2J: '\x1b]0;title\x07' is not a month \u202eevil`
	if got := p.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	ps := Problems{p}
	if got := ps.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLoadEscapesControlsInMessages(t *testing.T) {
	csv := "Year,Month,Headline\n2000,\"\x1b]0;title\a\x1b[2J\",x\n2001,1,ok\n"
	_, ps, err := Load("sheet\x1b[2J.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, ps, `row 2, column Month: '\x1b]0;title\x07\x1b[2J' is not a month`)

	_, _, err = Load("bad\x1b[2J\u202e.json", strings.NewReader(""))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\u202e") {
		t.Errorf("error %q quotes the file name raw", err)
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain – text, été, 北京, C:\\path", "plain – text, été, 北京, C:\\path"},
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"\x00\x1b\x7f", `\x00\x1b\x7f`},
		{"c1 \u0085 \u009b", `c1 \u0085 \u009b`},
		{"bidi \u202a\u202e\u2066\u2069\u200e\u200f\u061c", `bidi \u202a\u202e\u2066\u2069\u200e\u200f\u061c`},
		{"lines \u2028\u2029", `lines \u2028\u2029`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// utf16 encodes s as UTF-16, little- or big-endian, without a byte-order
// mark, as some Windows tools save text.
func utf16(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestLoadUTF16WithoutBOM(t *testing.T) {
	const want = "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"
	for _, be := range []bool{false, true} {
		b := utf16("Year,Headline\n2000,Hi ő 北京\n2001,There\n", be)
		_, ps, err := Load("sheet.csv", bytes.NewReader(b))
		if err == nil || len(ps) != 1 || ps[0].What != want || ps[0].Where == "" {
			t.Errorf("big-endian %v: %v, want %q", be, ps, want)
		}
	}
	// A binary file is still called binary.
	_, ps, _ := Load("x.json", bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")))
	if len(ps) != 1 || !strings.Contains(ps[0].What, "binary") {
		t.Errorf("a PNG: %v, want it called binary", ps)
	}
}

func TestNewSyntheticRefusesMoreThanFiles(t *testing.T) {
	if _, err := NewSynthetic(MaxEvents+1, 1); err == nil || err.Error() != "data: a synthetic timeline of 200,001 events: at most 200,000, as for files" {
		t.Errorf("NewSynthetic(MaxEvents+1): %v", err)
	}
	if _, err := NewSynthetic(10_000_000, 1); err == nil {
		t.Error("NewSynthetic(10,000,000) made a timeline")
	}
	tl, err := NewSynthetic(50, 7)
	if err != nil || len(tl.Events) != 50 {
		t.Errorf("NewSynthetic(50): %v", err)
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 96000: "96,000",
		1234567: "1,234,567", -4500: "-4,500"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestYearRange: every format takes the same years, MinYear to MaxYear. The
// app's JSON took "999999999", which sorted wrongly past year 292,277,026
// (UnixMilli overflows) and which export then wrote into a file that check
// refused.
func TestYearRange(t *testing.T) {
	const outside = "is outside the years this timeline can show (9999 BCE to 9999)"
	for _, tt := range []struct{ from, to, want string }{
		{`"date": "2019-02-27"`, `"date": "999999999"`, `events[0] "two".date: "999999999": year 999999999 ` + outside},
		{`"date": "2019-02-27"`, `"date": "-10000-01"`, `events[0] "two".date: "-10000-01": year -10000 ` + outside},
		{`"end": "2019-02-28"`, `"end": "10000"`, `events[0] "two".end: "10000": year 10000 ` + outside},
		{`"date": "2020-09"`, `"date": "292277027"`, `sources[0].date: "292277027": year 292277027 ` + outside},
	} {
		doc := strings.Replace(validDoc, tt.from, tt.to, 1)
		_, ps, err := Load("t.json", strings.NewReader(doc))
		if err == nil {
			t.Errorf("%s loaded", tt.to)
			continue
		}
		wantProblems(t, ps, tt.want)
	}
	era := `{"title": "T", "events": [{"id": "a", "date": "2000", "kind": "context", "title": "A"}],
	  "eras": [{"title": "E", "start": "-9999", "end": "99999"}]}`
	_, ps, _ := Load("t.json", strings.NewReader(era))
	wantProblems(t, ps, `eras[0].end: "99999": year 99999 `+outside)

	csv := "Year,Headline\n10000,Far\n-10000,Before\n9999,Last\n-9999,First\n"
	_, ps, err := Load("t.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, ps, "row 2, column Year: 10000 "+outside, "row 3, column Year: -10000 "+outside)
}

// TestYearRangeRoundTrip: what the app's JSON accepts at the edges of the
// range, export writes and Load reads back.
func TestYearRangeRoundTrip(t *testing.T) {
	doc := `{"title": "T", "events": [
	  {"id": "first", "date": "-9999-01-01T00:00", "kind": "context", "title": "First"},
	  {"id": "last", "date": "9999-12-31", "end": "9999-12-31T23:59:59.999", "kind": "context", "title": "Last"}]}`
	tl, ps, err := Load("t.json", strings.NewReader(doc))
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	var b bytes.Buffer
	if err := ExportTimelineJS(tl, &b); err != nil {
		t.Fatal(err)
	}
	back, ps, err := Load("back.json", &b)
	if err != nil || len(ps) > 0 {
		t.Fatalf("the export does not load back: %v %v", err, ps)
	}
	for i := range tl.Events {
		if a, b := tl.Events[i], back.Events[i]; a.Date != b.Date || a.End != b.End {
			t.Errorf("event %d: %v–%v came back as %v–%v", i, a.Date, a.End, b.Date, b.End)
		}
	}
}

// TestUniqueIDsAsBefore: making IDs unique in linear time gives the IDs the
// quadratic search gave, wanted IDs and suffixes that collide with other
// headlines included (the IDs below are what it gave).
func TestUniqueIDsAsBefore(t *testing.T) {
	sheet := "Year,Headline,Unique ID\n" +
		"2000,Same,\n2000,Same,\n2000,X,same-3\n2000,Same,\n2000,Same 2,\n2000,Same,\n" +
		"2000,Y,Bad ID!\n2000,Bad id,\n2000,Z,same\n2000,Same,\n2000,Same 2,\n2000,Same 2 2,\n2000,,\n2000,,\n"
	tl, ps, err := ParseCSV("ids.csv", []byte(sheet))
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	var got []string
	for _, e := range tl.Events {
		got = append(got, e.ID+"="+e.Title)
	}
	want := "bad-id=Y bad-id-2=Bad id event-2000= event-2000-2= same=Z same-2=Same same-2-2=Same 2 " +
		"same-2-2-2=Same 2 2 same-2-3=Same 2 same-3=X same-4=Same same-5=Same same-6=Same same-7=Same"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("ids:\n%s\nwant:\n%s", g, want)
	}
}

// TestPlainTextUnclosedComment: a headline that opens a comment and never
// closes it was dropped whole, leaving an untitled event. An unclosed
// comment is not markup the author meant to hide, so it is shown as typed.
func TestPlainTextUnclosedComment(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<!-- title", "<!-- title"},
		{"Title <!-- note", "Title <!-- note"},
		{"<p>One</p><!-- open", "One\n\n<!-- open"},
		{"a<!-- closed -->b", "ab"},
		{"<!-->x", "x"}, // an empty comment, as browsers read it
	} {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	tl, _, err := ParseTimelineJS("c.json", []byte(`{"events":[{"start_date":{"year":2000},"text":{"headline":"<!-- title","text":"Body"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if e := tl.Events[0]; e.Title != "<!-- title" || e.ID != "title" {
		t.Errorf("event %q titled %q, want it titled as typed", e.ID, e.Title)
	}
}

// TestPlainTextAsBrowsersRead: cases the tokenizer reads as browsers do,
// where the hand-written scanner it replaced read them its own way or in
// quadratic time.
func TestPlainTextAsBrowsersRead(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a<svg><title>x</title><script></svg>b", "ab"}, // only </svg> ends the dropped <svg>
		{"<script/>shown", "shown"},
		{"<textarea><b>bold</b></textarea>", "bold"},
		{`<b title="x>y">z`, "z"},
		{"a </ b> c", "a c"}, // a bogus comment
		{"<a href=u><p>one</p><p>two</a>", "one\n\ntwo (u)"},
		{strings.Repeat("<a><p>", 1000) + "end", "end"},
		{`<a href="u">x<a href="v">y</a></a>`, "xy (v) (u)"},
	} {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{`<iframe src="https://x.org/e"></iframe>`, "https://x.org/e"},
		{`<img src=a.png><iframe src='b'>`, "b"},
		{`<video><source src="c.mp4"></video>`, "c.mp4"},
		{`<img alt="no source">`, ""},
	} {
		if got := embedSource(tt.in); got != tt.want {
			t.Errorf("embedSource(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksUTF16(t *testing.T) {
	for _, tt := range []struct {
		in   []byte
		want bool
	}{
		{utf16("Year,Headline\n", false), true},
		{utf16("Year,Headline\n", true), true},
		{[]byte("0000"), false}, // no NUL at all
		{[]byte("Year,Headline\n2000,x\n"), false},
		{[]byte{0, 0, 0, 0, 1, 2, 0, 0}, false}, // NULs in both halves: binary
		{[]byte{'a', 0}, false},                 // too short to tell
	} {
		if got := looksUTF16(tt.in); got != tt.want {
			t.Errorf("looksUTF16(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
