package data

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"
	"unicode/utf8"
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
	// the ids, whatever the order of the events on one day
	evs := slices.SortedFunc(slices.Values(tl.Events), func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	var got []string
	for _, e := range evs {
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

// longWords is text of about n characters: words of several scripts, so
// that a cut in bytes rather than characters would split a character.
func longWords(n int) string {
	var b strings.Builder
	for words := []string{"Pyŏngyang", "北京", "summit", "d’accord", "🇰🇷", "letters"}; utf8.RuneCountInString(b.String()) < n; {
		for _, w := range words {
			b.WriteString(w + " ")
		}
	}
	r := []rune(b.String())[:n]
	r[n-1] = 'x' // no white space at the end, which PlainText would trim
	return string(r)
}

// TestLongTextIsShortened: text over its field's limit loads shortened,
// at a word boundary and whole characters, with a message that says how
// much was left out, in every format. A 1 MB headline froze the window
// for 17 s when its event was shown.
func TestLongTextIsShortened(t *testing.T) {
	summary := longWords(100_000)
	tjs := `{"events":[{"start_date":{"year":2000},"text":{"headline":"` + strings.Repeat("H", 1_000_000) +
		`","text":"` + summary + `"}},{"start_date":{"year":2001},"text":{"headline":"Short"}}]}`
	app := `{"title": "T", "events": [{"id": "x", "date": "2000", "kind": "context", "title": "X", "summary": "` + summary + `"}]}`
	csv := "Year,Headline,Text\n2000,Fine,\"" + summary + "\"\n"
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"h.json", tjs, []string{
			"events[0].text.headline: 1,000,000 characters, over the 200-character limit: the last 999,800 are left out",
			"events[0].text.text: 100,000 characters, over the 4,000-character limit: the last 96,00",
		}},
		{"app.json", app, []string{`events[0] "x".summary: 100,000 characters, over the 4,000-character limit: the last 96,00`}},
		{"s.csv", csv, []string{"row 2, column Text: 100,000 characters, over the 4,000-character limit: the last 96,00"}},
	} {
		tl, ps, err := Load(tt.name, strings.NewReader(tt.doc))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(ps) != len(tt.want) {
			t.Errorf("%s: problems %q, want %d", tt.name, ps, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(ps[i].String(), w) {
				t.Errorf("%s: problem %q, want %q…", tt.name, ps[i], w)
			}
		}
		e := tl.Events[0]
		if n := utf8.RuneCountInString(e.Title); n > MaxTitle {
			t.Errorf("%s: a title of %d characters", tt.name, n)
		}
		if n := utf8.RuneCountInString(e.Summary); n > MaxSummary || n < MaxSummary-100 {
			t.Errorf("%s: a summary of %d characters", tt.name, n)
		}
		if !utf8.ValidString(e.Summary) || !strings.HasPrefix(summary, e.Summary) || summary[len(e.Summary)] != ' ' {
			t.Errorf("%s: the summary is not cut at a word boundary: …%q", tt.name, e.Summary[len(e.Summary)-20:])
		}
		if tt.name != "app.json" {
			// What was shortened exports and loads back as it is.
			checkLoaded(t, tl, ps, err, true)
		}
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("H", 1_000_000)
	for _, tt := range []struct {
		in   string
		max  int
		want string
		cut  int
	}{
		{"short", 10, "short", 0},
		{"exactly ten", 11, "exactly ten", 0},
		{"été à Pyŏngyang", 15, "été à Pyŏngyang", 0}, // 15 characters, more bytes
		{"one two three four", 16, "one two three", 5},
		{"one two   three", 10, "one two", 8},
		{long, 300, long[:300], 999_700},                     // one word: cut between characters
		{"a " + long, 300, "a " + long[:298], 999_702},       // the only space is too far back
		{strings.Repeat("北京", 10), 7, "北京北京北京北", 13},         // never inside a character
		{"word e\u0301e\u0301e\u0301", 8, "word e\u0301", 4}, // é as e + accent stays whole
		{"👩\u200d💻👩\u200d💻", 4, "👩\u200d💻", 3},               // emoji joined by ZWJ stay whole
	} {
		got, cut := shorten(tt.in, tt.max)
		if got != tt.want || cut != tt.cut {
			t.Errorf("shorten(%.40q…, %d) = %.40q…, %d; want %.40q…, %d", tt.in, tt.max, got, cut, tt.want, tt.cut)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > tt.max {
			t.Errorf("shorten(%.40q…, %d) gave %d characters", tt.in, tt.max, utf8.RuneCountInString(got))
		}
	}
}

func TestLimitEvent(t *testing.T) {
	var quotes []Quote
	for i := range MaxQuotes + 3 {
		quotes = append(quotes, Quote{Text: fmt.Sprint("q", i), By: "x"})
	}
	quotes[1].Text = strings.Repeat("word ", 1000)
	e := Event{Title: "fine", Quotes: quotes, Media: Media{URL: "https://x.org/" + strings.Repeat("a", MaxLink), Caption: strings.Repeat("c", MaxCaption+1)}}
	var ps Problems
	limitEvent(&e, func(f string) string { return "e." + f }, &ps)
	wantProblems(t, ps,
		"e.quotes: 8 quotes, over the limit of 5: the last 3 are left out",
		"e.quotes[1].text: 5,000 characters, over the 300-character limit: the last 4,701 are left out",
		"e.media.caption: 1,001 characters, over the 1,000-character limit: the last 1 are left out",
		"e.media.url: 2,014 characters, over the 2,000-character limit for a link: left out",
	)
	if len(e.Quotes) != MaxQuotes || e.Media.URL != "" || len(e.Quotes[1].Text) != 299 {
		t.Errorf("quotes %d, url %q, quote 1 %d bytes", len(e.Quotes), e.Media.URL, len(e.Quotes[1].Text))
	}
	if got, want := e.CutNote("quotes[1].text"), "… 4,701 more characters, see the file"; got != want {
		t.Errorf("CutNote = %q, want %q", got, want)
	}
	if got := e.CutNote("title"); got != "" {
		t.Errorf("CutNote(title) = %q for a title that was not cut", got)
	}
	if got := e.CutNote("media.caption"); got != "… 1 more character, see the file" {
		t.Errorf("CutNote(media.caption) = %q", got)
	}
}

// TestLabelFromLongText: a label made from the text's first words stays
// within MaxLabel however long those words are.
func TestLabelFromLongText(t *testing.T) {
	tl, ps, err := ParseTimelineJS("l.json", []byte(`{"events":[{"start_date":{"year":2000},"text":{"text":"`+strings.Repeat("W", 1500)+` and more"}}]}`))
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	if l := tl.Events[0].Label; utf8.RuneCountInString(l) != MaxLabel || !strings.HasSuffix(l, "…") {
		t.Errorf("label of %d characters: %.20q…", utf8.RuneCountInString(l), l)
	}
}

// onlyShortened reports whether every problem of ps is text over its limit,
// which the app's JSON loads with (shortened).
func onlyShortened(ps Problems) bool {
	for _, p := range ps {
		if !strings.Contains(p.What, "-character limit") && !strings.Contains(p.What, ", over the limit of ") {
			return false
		}
	}
	return true
}

// TestAppJSONLoadsWithOnlyShortenedText: the app's JSON loads with text
// over its limit, and with nothing else wrong; the FuzzTimelineJS target
// relies on onlyShortened telling the two apart.
func TestAppJSONLoadsWithOnlyShortenedText(t *testing.T) {
	doc := strings.Replace(validDoc, `"title": "Two"`, `"title": "`+strings.Repeat("Two ", 100)+`", "related": ["one", "one", "one", "one", "one", "one", "one", "one", "one", "one", "one"]`, 1)
	tl, ps, err := Load("t.json", strings.NewReader(doc))
	if err != nil || tl == nil || len(ps) != 2 || !onlyShortened(ps) {
		t.Fatalf("%v %v", err, ps)
	}
	if onlyShortened(Problems{{Where: "x", What: "missing"}}) {
		t.Error("onlyShortened took another problem for a cut")
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
