package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// roundTrip exports t as TimelineJS and loads the result back.
func roundTrip(t *testing.T, tl *Timeline) (*Timeline, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportTimelineJS(tl, &buf); err != nil {
		t.Fatal(err)
	}
	back, ps, err := Load("export.json", bytes.NewReader(buf.Bytes()))
	if err != nil || len(ps) > 0 {
		t.Fatalf("the export does not load cleanly: %v %v\n%s", err, ps, buf.Bytes())
	}
	return back, buf.Bytes()
}

// TestExportRoundTripFiles: every usable file under testdata/import loads,
// exports and loads back to the same timeline: every event, date with its
// precision, headline, text, group, media, display date, ID and era.
func TestExportRoundTripFiles(t *testing.T) {
	checkRoundTripFiles(t, goldenFiles(t))
}

// TestExportRoundTripFilesInterop does the same for the team's corpus.
func TestExportRoundTripFilesInterop(t *testing.T) {
	checkRoundTripFiles(t, interopFiles(t))
}

func checkRoundTripFiles(t *testing.T, files []string) {
	t.Helper()
	usable := 0
	for _, f := range files {
		tl, _, err := LoadFile(f)
		if err != nil {
			continue
		}
		usable++
		t.Run(filepath.Base(f), func(t *testing.T) {
			back, _ := roundTrip(t, tl)
			if got, want := dumpLoaded(back, nil, nil), dumpLoaded(tl, nil, nil); got != want {
				t.Errorf("round trip changed the timeline:\n%s", diffLines(want, got))
			}
		})
	}
	if usable == 0 {
		t.Fatalf("none of the %d files loads", len(files))
	}
}

// TestExportTimelineJSGolden pins the exported form of the project's
// TimelineJS fixture.
func TestExportTimelineJSGolden(t *testing.T) {
	checkExportGolden(t, fixtureJSON, filepath.Join("testdata", "export", "timekeeping.timelinejs.json"))
}

// TestExportTimelineJSGoldenInterop pins the exported form of a real file.
func TestExportTimelineJSGoldenInterop(t *testing.T) {
	checkExportGolden(t, interopFile(t, "women_in_computing.json"), filepath.Join("testdata", "export", "women_in_computing.timelinejs.json"))
}

// checkExportGolden compares the TimelineJS export of src with the golden
// file, or writes it with -update-golden.
func checkExportGolden(t *testing.T, src, golden string) {
	t.Helper()
	tl, _, err := LoadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ExportTimelineJS(tl, &buf); err != nil {
		t.Fatal(err)
	}
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestExportTimelineJSGolden -update-golden to write it, then read it)", err)
	}
	if buf.String() != string(want) {
		t.Errorf("export of %s differs from %s:\n%s", src, golden, diffLines(string(want), buf.String()))
	}
}

func TestExportDatesAndMedia(t *testing.T) {
	tl := &Timeline{Title: "T", Events: []Event{
		{ID: "a", Kind: KindContext, Title: "Hour zero", Date: Date{Year: 2000, Month: 1, Day: 2, Precision: PrecisionHour}},
		{ID: "b", Kind: KindContext, Title: "BCE range", Date: Date{Year: -44, Precision: PrecisionYear}, End: Date{Year: -40, Month: 5, Precision: PrecisionMonth}},
		{ID: "c", Kind: KindContext, Title: "Quote", Date: Date{Year: 1, Precision: PrecisionYear}, Media: Media{Embed: "Said <this>", Credit: "Me & you"}},
	}}
	tl.index()
	var buf bytes.Buffer
	if err := ExportTimelineJS(tl, &buf); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	// Events are in date order: b (-44), c (1), a (2000).
	for i, want := range []string{
		"map[year:-44] map[month:5 year:-40] <nil>",
		"map[year:1] <nil> map[credit:Me &amp; you url:<blockquote><p>Said &lt;this&gt;</p></blockquote>]",
		"map[day:2 hour:0 month:1 year:2000] <nil> <nil>",
	} {
		e := f.Events[i]
		if got := fmt.Sprint(e["start_date"], " ", e["end_date"], " ", e["media"]); got != want {
			t.Errorf("event %d exported as %s, want %s", i, got, want)
		}
	}
}

// TestExportAppData: the built-in data exports with every event, and what
// TimelineJS has no field for (sender, place, quotes, source) goes into the
// text rather than being lost.
func TestExportAppData(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	back, _ := roundTrip(t, tl)
	if len(back.Events) != len(tl.Events) {
		t.Fatalf("%d events back, want %d", len(back.Events), len(tl.Events))
	}
	for i, e := range tl.Events {
		b := back.Events[i]
		if b.ID != e.ID || b.Date != e.Date || b.End != e.End || b.Title != e.Title {
			t.Errorf("event %s came back as %+v", e.ID, b)
		}
		if b.Group != e.Kind.Label() && e.Kind != KindContext {
			t.Errorf("event %s: group %q, want its kind %q", e.ID, b.Group, e.Kind.Label())
		}
		for _, q := range e.Quotes {
			if !strings.Contains(b.Summary, q.Text) {
				t.Errorf("event %s: quote %q lost from the text %q", e.ID, q.Text, b.Summary)
			}
		}
		if e.Place != "" && !strings.Contains(b.Summary, e.Place) {
			t.Errorf("event %s: place %q lost", e.ID, e.Place)
		}
		if e.From != "" && !strings.Contains(b.Summary, tl.PersonName(e.From)) {
			t.Errorf("event %s: sender %q lost", e.ID, e.From)
		}
	}
}

// TestExportRoundTripProperty: for random timelines of the kind an import
// makes (any text, any precision, any group, media and eras), exporting and
// loading back gives the same timeline.
func TestExportRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 300; i++ {
		tl := randomTimeline(r)
		back, out := roundTrip(t, tl)
		if got, want := dumpLoaded(back, nil, nil), dumpLoaded(tl, nil, nil); got != want {
			t.Fatalf("case %d: round trip changed the timeline:\n%s\nexport:\n%s", i, diffLines(want, got), out)
		}
		if !reflect.DeepEqual(back.Eras, tl.Eras) {
			t.Fatalf("case %d: eras %+v, want %+v", i, back.Eras, tl.Eras)
		}
	}
}

// randomText makes text in the form PlainText writes: words separated by
// single spaces, lines by "\n", paragraphs by "\n\n", no spaces at the
// ends, and characters HTML must escape.
func randomText(r *rand.Rand, maxParas, maxLines int) string {
	words := []string{"Ada", "&", "<b>", "a<b", "\"quoted\"", "it's", "Péter", "Spärck", "—", "&amp;",
		"x>y", "(https://example.org/?a=1&b=2)", "1815", "北京", "🙂", "tab", "semi;colon", "&#39;", "--"}
	var paras []string
	for p := 0; p < 1+r.IntN(maxParas); p++ {
		var lines []string
		for l := 0; l < 1+r.IntN(maxLines); l++ {
			var w []string
			for k := 0; k < 1+r.IntN(6); k++ {
				w = append(w, words[r.IntN(len(words))])
			}
			lines = append(lines, strings.Join(w, " "))
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

func randomDate(r *rand.Rand) Date {
	d := Date{Year: MinYear + r.IntN(MaxYear-MinYear+1), Precision: Precision(1 + r.IntN(int(PrecisionMillisecond)))}
	if d.Precision >= PrecisionMonth {
		d.Month = time.Month(1 + r.IntN(12))
	}
	if d.Precision >= PrecisionDay {
		d.Day = 1 + r.IntN(daysIn(d.Year, d.Month))
	}
	if d.Precision >= PrecisionHour {
		d.Hour = r.IntN(24)
	}
	if d.Precision >= PrecisionMinute {
		d.Minute = r.IntN(60)
	}
	if d.Precision >= PrecisionSecond {
		d.Second = r.IntN(60)
	}
	if d.Precision >= PrecisionMillisecond {
		d.Millisecond = r.IntN(1000)
	}
	return d
}

func randomTimeline(r *rand.Rand) *Timeline {
	tl := &Timeline{Title: strings.ReplaceAll(randomText(r, 1, 1), "\n", " ")}
	if r.IntN(2) == 0 {
		tl.Subtitle = randomText(r, 2, 2)
	}
	groups := []string{"", "", "People", "Wars & peace", "Ünïcode"}
	for i := 0; i < 1+r.IntN(8); i++ {
		e := Event{ID: fmt.Sprintf("e%d-%d", i, r.IntN(5)), Kind: KindContext, Date: randomDate(r),
			Title: strings.ReplaceAll(randomText(r, 1, 1), "\n", " "), Group: groups[r.IntN(len(groups))]}
		if r.IntN(2) == 0 {
			e.Summary = randomText(r, 3, 3)
		}
		if r.IntN(3) == 0 {
			e.End = randomDate(r)
			if e.End.Until().Before(e.Date.Until()) {
				e.Date, e.End = e.End, e.Date
			}
			if e.End == e.Date {
				e.End = Date{}
			}
			if e.End.Until().Before(e.Date.Until()) {
				e.End = Date{} // a coarse end inside a fine start
			}
		}
		if r.IntN(4) == 0 {
			e.DateText = strings.ReplaceAll(randomText(r, 1, 1), "\n", " ")
		}
		switch r.IntN(4) {
		case 0:
			e.Media = Media{URL: "https://example.org/" + fmt.Sprint(i), Caption: strings.ReplaceAll(randomText(r, 1, 1), "\n", " "),
				Credit: "Credit & co", Thumbnail: "https://example.org/t.png", Alt: "alt"}
		case 1:
			e.Media = Media{Embed: randomText(r, 2, 2), Credit: "Someone"}
		}
		tl.Events = append(tl.Events, e)
	}
	for i := 0; i < r.IntN(3); i++ {
		a, b := randomDate(r), randomDate(r)
		if b.Until().Before(a.Until()) {
			a, b = b, a
		}
		if b.Until().Before(a.Until()) {
			continue
		}
		era := Era{Title: strings.ReplaceAll(randomText(r, 1, 1), "\n", " "), Start: a, End: b}
		if r.IntN(2) == 0 {
			era.Summary = randomText(r, 2, 2)
		}
		tl.Eras = append(tl.Eras, era)
	}
	// IDs unique, as a Timeline's are.
	seen := map[string]bool{}
	for i := range tl.Events {
		for seen[tl.Events[i].ID] {
			tl.Events[i].ID += "-x"
		}
		seen[tl.Events[i].ID] = true
	}
	tl.index()
	return tl
}
