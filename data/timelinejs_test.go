package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// wholeFile are the problems that concern a whole file and so name no place
// inside it.
var wholeFile = map[string]bool{
	"the file is empty":          true,
	"the file is not UTF-8 text": true,
	"the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)": true,
}

// checkLoaded checks what any importer must give for any input: an error
// only with no timeline and with problems, each problem naming its place;
// otherwise a valid, sorted timeline that survives a TimelineJS round trip.
func checkLoaded(t *testing.T, tl *Timeline, ps Problems, err error, roundTrip bool) {
	t.Helper()
	for _, p := range ps {
		if p.What == "" || p.Where == "" && !wholeFile[p.What] {
			t.Fatalf("problem %q names no place", p)
		}
	}
	if err != nil {
		var eps Problems
		if tl != nil || len(ps) == 0 || !errors.As(err, &eps) {
			t.Fatalf("error %v with timeline %v and problems %v", err, tl != nil, ps)
		}
		return
	}
	if tl == nil || len(tl.Events) == 0 {
		t.Fatalf("no error and no events")
	}
	if strings.ContainsAny(tl.Title, "\n") {
		t.Errorf("title %q has a line break", tl.Title)
	}
	ids := map[string]bool{}
	for i := range tl.Events {
		e := &tl.Events[i]
		if !slugPattern.MatchString(e.ID) || ids[e.ID] {
			t.Fatalf("event %d: id %q is not a fresh slug", i, e.ID)
		}
		ids[e.ID] = true
		if tl.Index(e.ID) != i {
			t.Fatalf("Index(%q) = %d, want %d", e.ID, tl.Index(e.ID), i)
		}
		checkDate(t, e.Date)
		if !e.End.IsZero() {
			checkDate(t, e.End)
			if e.End.Until().Before(e.Date.Until()) {
				t.Fatalf("event %s ends %s before it starts %s", e.ID, e.End, e.Date)
			}
		}
		if i > 0 && e.Date.Before(tl.Events[i-1].Date) {
			t.Fatalf("events %d and %d out of order", i-1, i)
		}
		if e.Kind != KindContext || e.From != "" || e.To != "" {
			t.Fatalf("event %s: kind %q from %q to %q", e.ID, e.Kind, e.From, e.To)
		}
		_ = e.DisplayDate()
	}
	for _, era := range tl.Eras {
		checkDate(t, era.Start)
		checkDate(t, era.End)
		if era.End.Until().Before(era.Start.Until()) {
			t.Fatalf("era %q ends before it starts", era.Title)
		}
	}
	if !roundTrip {
		return
	}
	var buf bytes.Buffer
	if err := ExportTimelineJS(tl, &buf); err != nil {
		t.Fatal(err)
	}
	back, ps2, err := Load("export.json", bytes.NewReader(buf.Bytes()))
	if err != nil || len(ps2) > 0 {
		t.Fatalf("export does not load back: %v %v\n%s", err, ps2, buf.Bytes())
	}
	if got, want := dumpLoaded(back, nil, nil), dumpLoaded(tl, nil, nil); got != want {
		t.Fatalf("round trip changed the timeline:\n%s", diffLines(want, got))
	}
}

func checkDate(t *testing.T, d Date) {
	t.Helper()
	if d.Precision < PrecisionYear || d.Precision > PrecisionMillisecond || d.Year < MinYear || d.Year > MaxYear {
		t.Fatalf("date %+v is not one the timeline can show", d)
	}
	if back, err := ParseDate(d.String()); err != nil || back != d {
		t.Fatalf("date %+v writes as %q, which reads back as %+v, %v", d, d.String(), back, err)
	}
}

// seeds adds every file under the interop corpus and testdata/import whose
// name ends in one of exts.
func seeds(f *testing.F, exts ...string) {
	var files []string
	for _, pattern := range []string{interopDir + "/*", "testdata/import/*"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	for _, name := range files {
		for _, ext := range exts {
			if strings.HasSuffix(name, ext) {
				if b, err := os.ReadFile(name); err == nil {
					f.Add(b)
				}
			}
		}
	}
}

// FuzzTimelineJS feeds Load arbitrary bytes named as a TimelineJS file:
// no panic, every problem names its place, and what loads round-trips.
func FuzzTimelineJS(f *testing.F) {
	seeds(f, ".json")
	f.Add([]byte(`{"events":[{"start_date":{"year":"1","month":"2","day":"29","hour":"1"},"text":{"headline":"<a href='x'>"}}]}`))
	f.Add([]byte(`{"scale":"cosmological","eras":[{"start_date":{"year":-1e9},"end_date":{"year":1}}],"events":[{"start_date":{"year":0}}]}`))
	for _, doc := range append(tjsShortWayDocs, sniffDocs...) {
		f.Add([]byte(doc))
	}
	for _, doc := range scanDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		scanAgrees(t, b)
		sameBothWays(t, b)
		if f, ok := sniffJSONShort(b); ok && f != sniffJSONLong(b) {
			t.Fatalf("%q: sniffed as %v in one pass, %v through encoding/json", b, f, sniffJSONLong(b))
		}
		tl, ps, err := Load("fuzz.json", bytes.NewReader(b))
		if Sniff("fuzz.json", b) == FormatApp {
			if err == nil && (tl == nil || !onlyShortened(ps)) {
				t.Fatalf("app JSON loaded with problems %v", ps)
			}
			return
		}
		checkLoaded(t, tl, ps, err, true)
	})
}

func TestReadSlideNumbersAndText(t *testing.T) {
	tl, ps, err := ParseTimelineJS("n.json", []byte(`{"events":[
		{"start_date":{"year":"+1815","month":"06.0","day":1.8e1}, "text":{"headline":18}},
		{"start_date":{"year":null,"month":null}, "text":{"headline":"null year"}},
		{"start_date":{"year":2000}, "end_date":{}, "text":null, "media":null, "group":null}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, ps, "events[1].start_date: missing")
	if len(tl.Events) != 2 || tl.Events[0].Date != DayDate(1815, 6, 18) || tl.Events[0].Title != "18" ||
		tl.Events[1].Date.String() != "2000" || !tl.Events[1].End.IsZero() {
		t.Errorf("events %+v", tl.Events)
	}
}

// tjsShortWayDocs are TimelineJS documents at the edges of what
// scanTimelineJS reads in one pass: what it must leave to encoding/json
// (keys that differ in case only, a key twice, escapes, values of another
// type, invalid JSON) and what it takes (nulls, numbers, escaped text,
// unknown keys).
var tjsShortWayDocs = []string{
	`{"events":[{"start_date":{"year":2000},"text":{"headline":"a","text":"<p>b</p>"}}]}`,
	`{"events":[{"start_date":{"year":"2000","month":1.2e1,"day":-0},"text":{"headline":"a\u00e9\ud83d\ude00\ud800 \"q\" \\ \/"}}]}`,
	`{"events":[{"Start_Date":{"year":2000},"TEXT":{"Headline":"case"}}]}`,
	`{"events":[{"start_date":{"year":2000},"start_date":{"month":2},"text":{"headline":"twice"}}]}`,
	`{"events":[{"start_date":{"year":2000,"\u0079ear":1999},"text":{"headline":"escaped key"}}]}`,
	`{"events":[{"start_date":{"\u212aey":1,"year":2000},"text":{"headline":"kelvin"}}]}`,
	`{"events":[{"start_date":{"year":2000},"text":{"headline":true}}]}`,
	`{"events":[{"start_date":{"year":2000},"text":{"headline":["a"]}}]}`,
	`{"events":[{"start_date":"2000","text":{"headline":"date as text"}}]}`,
	`{"events":[{"start_date":{"year":2000},"text":null,"media":null,"group":null,"unique_id":7}]}`,
	`{"events":[null, 1, "x", [], {}, {"start_date":{"year":2000}}]}`,
	`{"events":[{"start_date":{"year":2000},"other":{"deep":[1,2,{"x":null}]},"text":{"headline":"unknown keys"}}]}`,
	`{"events":{"start_date":{"year":2000}}}`,
	`{"events":[{"start_date":{"year":2000}}],"events":[{"start_date":{"year":1999}}]}`,
	`{"Events":[{"start_date":{"year":2000}}]}`,
	`{"title":"plain","scale":"human","eras":[{"start_date":{"year":1990},"end_date":{"year":1995}}],"events":[{"start_date":{"year":2000}}]}`,
	`{"title":{"text":{"headline":"T","text":"S"}},"events":[{"start_date":{"year":2000}}]} `,
	`{"events":[{"start_date":{"year":2000}}]} x`,
	`{"events":[{"start_date":{"year":2000}}]}{}`,
	`{"events":[{"start_date":{"year":2000}},]}`,
	`{"events":[{"start_date":{"year":01}}]}`,
	`{"events":[{"start_date":{"year":1.}}]}`,
	`{"events":[{"start_date":{"year":2000},"text":{"headline":"tab\tin\u0009side", "text":"raw	tab"}}]}`,
	"{\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"bad \xff byte\"}}]}",
	`{"events":[{"start_date":{"year":2000},"text":{"headline":"x"}}], "other": [[[[[[[[[[[]]]]]]]]]]]}`,
	`[{"start_date":{"year":2000}}]`,
	`null`,
	`{"events":[{"start_date":{"year":2000},"text":{"headline":"\x"}}]}`,
	`{"events":[{"start_date":{"year":2000},"text":{"headline":"\u12"}}]}`,
	`{"events":[{"start_date":{"year":tru}}]}`,
	`{"events":[{"start_date":{"year":2000},"media":{"url":"<iframe src='u'></iframe>","caption":"c","credit":null,"alt":3}}]}`,
}

// sniffDocs are documents whose format sniffJSON tells from keys that come
// after others, or cannot tell.
var sniffDocs = []string{`{}`, `{"events":[{"a":[1,{"b":null}]}],"title":"App"}`, `{"events":[],"title":{"text":{}}}`,
	`{"events":[] "title":"x"}`, `{"x":1,"people":[]}`, `{"x":tru,"people":[]}`, `{"x":"\u00e9","subtitle":""}`,
	`{"\u0074itle":"x"}`, `{"title":"bad \x"}`, `{"x":{},"eras":[]}`, `{"x":1}`, `{"x":1,`, `{"title"`, `{"title":`,
	`{"scale":"human","people":[]}`, ` {"title":5}`}

// sameBothWays checks that a TimelineJS document reads the same in one
// pass as through encoding/json.
func sameBothWays(t *testing.T, b []byte) {
	t.Helper()
	tl, ps, err := parseTimelineJS("x.json", b, true)
	tl2, ps2, err2 := parseTimelineJS("x.json", b, false)
	if fmt.Sprint(err) != fmt.Sprint(err2) || !reflect.DeepEqual(ps, ps2) || !reflect.DeepEqual(tl, tl2) {
		t.Fatalf("%q reads differently in one pass:\n%v %v\n%+v\nthan through encoding/json:\n%v %v\n%+v", b, err, ps, tl, err2, ps2, tl2)
	}
}

// TestTimelineJSShortWay: a TimelineJS document reads the same in one pass
// as through encoding/json, at the edges of what the pass takes, for every
// file in testdata/import and for a large synthetic one.
func TestTimelineJSShortWay(t *testing.T) {
	for _, doc := range append(tjsShortWayDocs, sniffDocs...) {
		sameBothWays(t, []byte(doc))
		if f, ok := sniffJSONShort([]byte(doc)); ok && f != sniffJSONLong([]byte(doc)) {
			t.Errorf("%s: sniffed as %v in one pass, %v through encoding/json", doc, f, sniffJSONLong([]byte(doc)))
		}
	}
	files, _ := filepath.Glob("testdata/import/*.json")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sameBothWays(t, b)
	}
	var buf bytes.Buffer
	if err := ExportTimelineJS(Synthetic(2000, 3), &buf); err != nil {
		t.Fatal(err)
	}
	sameBothWays(t, buf.Bytes())
	if scanTimelineJS(buf.Bytes()) == nil {
		t.Error("an exported file is not read in one pass")
	}
}

// TestDatePartNeedsAnHour: the message of a date part given without the
// one above it reads as English: "an hour", not "a hour".
func TestDatePartNeedsAnHour(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{`{"year":2019,"hour":5}`, "events[0].start_date.hour: an hour needs a month"},
		{`{"year":2019,"month":1,"day":2,"minute":5}`, "events[0].start_date.minute: a minute needs an hour"},
	} {
		doc := `{"events":[{"start_date":` + c.date + `,"text":{"headline":"a"}},{"start_date":{"year":2019},"text":{"headline":"b"}}]}`
		_, ps, err := ParseTimelineJS("t.json", []byte(doc))
		if err != nil || len(ps) != 1 || ps[0].String() != c.want {
			t.Errorf("%s: got %v %v, want %q", c.date, ps, err, c.want)
		}
	}
}
