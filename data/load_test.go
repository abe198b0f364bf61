package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite the golden files under testdata/import/golden and testdata/export")

// interopDir holds real TimelineJS files no one on this project wrote: the
// team's corpus beside the project, there in CI but not in a fresh clone.
// Tests over it are extras, named ...Interop..., that skip saying so when it
// is absent; each has a twin over the project's own fixtures.
const interopDir = "../../shared/interop/timelinejs"

// dump writes everything Load gave, for golden files and for comparing two
// loads.
func dumpLoaded(t *Timeline, ps Problems, err error) string {
	var b strings.Builder
	if t != nil {
		fmt.Fprintf(&b, "title: %q\nsubtitle: %q\n%d events, %d eras, groups %q\n", t.Title, t.Subtitle, len(t.Events), len(t.Eras), t.Groups())
		for i := range t.Events {
			e := &t.Events[i]
			fmt.Fprintf(&b, "\nevent %s\n  date: %s", e.ID, e.Date)
			if !e.End.IsZero() {
				fmt.Fprintf(&b, " to %s", e.End)
			}
			fmt.Fprintf(&b, " shown %q\n  kind: %s\n  title: %q\n", e.DisplayDate(), e.Kind, e.Title)
			if e.Label != "" {
				fmt.Fprintf(&b, "  label: %q\n", e.Label)
			}
			if e.Summary != "" {
				fmt.Fprintf(&b, "  text: %q\n", e.Summary)
			}
			if e.Group != "" {
				fmt.Fprintf(&b, "  group: %q\n", e.Group)
			}
			if e.From != "" || e.To != "" {
				fmt.Fprintf(&b, "  from %q to %q\n", e.From, e.To)
			}
			if !e.Media.IsZero() {
				fmt.Fprintf(&b, "  media: %+q\n", e.Media)
			}
		}
		for _, era := range t.Eras {
			fmt.Fprintf(&b, "\nera %q %s to %s\n", era.Title, era.Start, era.End)
			if era.Summary != "" {
				fmt.Fprintf(&b, "  text: %q\n", era.Summary)
			}
		}
	}
	if len(ps) > 0 {
		fmt.Fprintf(&b, "\nproblems:\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	if err != nil {
		fmt.Fprintf(&b, "\nerror: %v\n", err)
	}
	return b.String()
}

// The project's own fixtures, under testdata/import: the twin timekeeping
// files (one timeline as TimelineJS JSON and as a spreadsheet, using every
// field the importers read) and small files that each test one rule.
const (
	fixtureJSON = "testdata/import/timekeeping.json"
	fixtureCSV  = "testdata/import/timekeeping.csv"
	// minFixtures is how many files testdata/import holds at least.
	minFixtures = 18
)

// goldenFiles lists the files under testdata/import; it fails when there are
// fewer than minFixtures, so that a glob matching nothing cannot pass.
func goldenFiles(t *testing.T) []string {
	t.Helper()
	files := regularFiles(t, "testdata/import/*")
	if len(files) < minFixtures {
		t.Fatalf("found only %d files under testdata/import, want at least %d: is the checkout whole?", len(files), minFixtures)
	}
	return files
}

// interopFiles lists the team's corpus, or skips the test, saying why, when
// it is not beside the project. Its README names four files.
func interopFiles(t *testing.T) []string {
	t.Helper()
	requireInterop(t)
	files := regularFiles(t, interopDir+"/*")
	if len(files) < 4 {
		t.Fatalf("found only %d files in %s, want the 4 its README names", len(files), interopDir)
	}
	return files
}

// interopFile returns the path of one file of the team's corpus, or skips
// the test when the corpus is not there.
func interopFile(t *testing.T, name string) string {
	t.Helper()
	requireInterop(t)
	return filepath.Join(interopDir, name)
}

// requireInterop skips the test, saying why, when the team's corpus is not
// beside the project (as in a fresh clone); CI has it.
func requireInterop(t *testing.T) {
	t.Helper()
	_, err := os.Stat(interopDir)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/interop not present (the team's corpus, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// regularFiles lists the regular files pattern matches, leaving out READMEs.
func regularFiles(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range m {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() && !strings.HasSuffix(f, ".md") {
			files = append(files, f)
		}
	}
	return files
}

// TestLoadGolden loads every file under testdata/import and compares what
// Load gives with its golden file.
func TestLoadGolden(t *testing.T) {
	for _, f := range goldenFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) { checkLoadGolden(t, f) })
	}
}

// TestLoadGoldenInterop does the same for the team's corpus, whose golden
// files are kept with the project's; and every golden file has its input in
// one place or the other.
func TestLoadGoldenInterop(t *testing.T) {
	files := interopFiles(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { checkLoadGolden(t, f) })
	}
	inputs := map[string]bool{}
	for _, f := range append(files, goldenFiles(t)...) {
		inputs[filepath.Base(f)+".golden"] = true
	}
	for _, g := range regularFiles(t, "testdata/import/golden/*") {
		if !inputs[filepath.Base(g)] {
			t.Errorf("%s has no input file in testdata/import or %s", g, interopDir)
		}
	}
}

// checkLoadGolden compares what Load gives for f with
// testdata/import/golden/<f's name>.golden, or writes it with -update-golden.
func checkLoadGolden(t *testing.T, f string) {
	t.Helper()
	tl, ps, err := LoadFile(f)
	got := dumpLoaded(tl, ps, err)
	golden := filepath.Join("testdata", "import", "golden", filepath.Base(f)+".golden")
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestLoadGolden -update-golden to write it, then read it)", err)
	}
	if got != string(want) {
		t.Errorf("Load(%s) differs from %s:\n%s", f, golden, diffLines(string(want), got))
	}
}

// diffLines shows the first lines where want and got differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestEveryEventAndEra counts the events and eras of the project's twin
// fixtures independently of the importer and checks that Load keeps every
// one with its headline.
func TestEveryEventAndEra(t *testing.T) {
	checkEveryEventAndEra(t, fixtureJSON, 16, 3)
	checkEveryEventAndEra(t, fixtureCSV, 16, 3)
}

// TestInteropEveryEventAndEra does the same for the real TimelineJS files.
func TestInteropEveryEventAndEra(t *testing.T) {
	checkEveryEventAndEra(t, interopFile(t, "women_in_computing.json"), 10, 0)
	checkEveryEventAndEra(t, interopFile(t, "eras.json"), 20, 3)
	checkEveryEventAndEra(t, interopFile(t, "women_in_computing.csv"), 10, 0)
	checkEveryEventAndEra(t, interopFile(t, "my-own-timeline.csv"), 10, 0)
}

// checkEveryEventAndEra counts the slides of a TimelineJS file with a start
// year, by encoding/json or encoding/csv rather than the importer, checks
// the count is what the test expects, then that Load keeps every event and
// era, each event with a headline whose words are in the file.
func checkEveryEventAndEra(t *testing.T, path string, events, eras int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gotEvents, gotEras int
	if strings.HasSuffix(path, ".json") {
		gotEvents, gotEras = countJSONSlides(t, path, b)
	} else {
		gotEvents, gotEras = countCSVRows(t, path, b)
	}
	if gotEvents != events || gotEras != eras {
		t.Fatalf("%s: the test's own count is %d events and %d eras, want %d and %d", path, gotEvents, gotEras, events, eras)
	}
	tl, ps, err := LoadFile(path)
	if err != nil || len(ps) > 0 {
		t.Fatalf("%s: %v %v", path, err, ps)
	}
	if len(tl.Events) != events || len(tl.Eras) != eras {
		t.Errorf("%s: %d events and %d eras, want %d and %d", path, len(tl.Events), len(tl.Eras), events, eras)
	}
	for _, e := range tl.Events {
		for _, w := range strings.Fields(e.Title) {
			w = strings.Trim(w, `"'.,:;`)
			if isASCII(w) && !strings.Contains(string(b), w) {
				t.Errorf("%s: event %s has headline %q: %q is not in the file", path, e.ID, e.Title, w)
			}
		}
		if e.Title == "" {
			t.Errorf("%s: event %s has no headline", path, e.ID)
		}
		if e.Kind != KindContext || e.From != "" || e.To != "" {
			t.Errorf("%s: event %s is kind %q from %q: imported events are context with no sender", path, e.ID, e.Kind, e.From)
		}
		if !slugPattern.MatchString(e.ID) {
			t.Errorf("%s: id %q is not a slug", path, e.ID)
		}
	}
}

// countJSONSlides counts the events and eras of a TimelineJS JSON file that
// have a start year.
func countJSONSlides(t *testing.T, path string, b []byte) (events, eras int) {
	t.Helper()
	type slides []struct {
		Start struct {
			Year any `json:"year"`
		} `json:"start_date"`
	}
	var f struct{ Events, Eras slides }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	count := func(s slides) (n int) {
		for _, sl := range s {
			if y := sl.Start.Year; y != nil && y != "" {
				n++
			}
		}
		return n
	}
	return count(f.Events), count(f.Eras)
}

// countCSVRows counts the rows of a TimelineJS spreadsheet that have a
// Year, those whose Type is "era" as eras.
func countCSVRows(t *testing.T, path string, b []byte) (events, eras int) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %d rows, %v", path, len(rows), err)
	}
	year, typ := slices.Index(rows[0], "Year"), slices.Index(rows[0], "Type")
	if year < 0 || typ < 0 {
		t.Fatalf("%s: no Year or Type column in %q", path, rows[0])
	}
	for _, row := range rows[1:] {
		switch {
		case len(row) <= year || strings.TrimSpace(row[year]) == "":
		case len(row) > typ && strings.EqualFold(strings.TrimSpace(row[typ]), "era"):
			eras++
		default:
			events++
		}
	}
	return events, eras
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestJSONMatchesCSV: the twin fixtures hold the same timeline as JSON and
// as a spreadsheet; both load to the same events, groups, media, display
// dates and eras.
func TestJSONMatchesCSV(t *testing.T) {
	j, ps, err := LoadFile(fixtureJSON)
	if err != nil || len(ps) > 0 {
		t.Fatalf("%s: %v %v", fixtureJSON, err, ps)
	}
	c, ps, err := LoadFile(fixtureCSV)
	if err != nil || len(ps) > 0 {
		t.Fatalf("%s: %v %v", fixtureCSV, err, ps)
	}
	if got, want := dumpLoaded(c, nil, nil), dumpLoaded(j, nil, nil); got != want {
		t.Errorf("the spreadsheet loads differently from the JSON:\n%s", diffLines(want, got))
	}
}

// TestInteropJSONMatchesCSV: the corpus holds the same timeline as JSON and
// as CSV; both must load to the same events (the files differ only in one
// media item).
func TestInteropJSONMatchesCSV(t *testing.T) {
	j, _, err := LoadFile(interopFile(t, "women_in_computing.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := LoadFile(interopFile(t, "women_in_computing.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if j.Title != c.Title || j.Subtitle != c.Subtitle {
		t.Errorf("titles differ: %q/%q and %q/%q", j.Title, j.Subtitle, c.Title, c.Subtitle)
	}
	if len(j.Events) != len(c.Events) {
		t.Fatalf("%d events from JSON, %d from CSV", len(j.Events), len(c.Events))
	}
	for i := range j.Events {
		a, b := j.Events[i], c.Events[i]
		if a.ID != b.ID || a.Date != b.Date || a.End != b.End || a.Title != b.Title || a.Summary != b.Summary {
			t.Errorf("event %d differs:\nJSON %+v\nCSV  %+v", i, a, b)
		}
	}
}

func TestLoadRules(t *testing.T) {
	tests := []struct {
		file string
		// check is called with what Load returned.
		check func(t *testing.T, tl *Timeline, ps Problems, err error)
	}{
		{"tjs_rules.json", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			noProblems(t, ps, err)
			wantEvent(t, tl, "year-as-a-number", "1815", "1815")
			wantEvent(t, tl, "year-as-text-with-a-month", "1815-12", "Dec 1815")
			wantEvent(t, tl, "a-range", "1815-12-10/1852-11-27", "Dec 10, 1815 – Nov 27, 1852")
			wantEvent(t, tl, "ides-of-march", "-0044-03-15", "Mar 15, 44 BCE")
			wantEvent(t, tl, "moon-landing", "1969-07-20T20:17/1969-07-21T02:56:15", "Jul 20, 1969, 20:17 – Jul 21, 1969, 02:56:15")
			wantEvent(t, tl, "one-millisecond-in", "2000-01-01T00:00:00.001", "Jan 1, 2000, 00:00:00.001")
			wantEvent(t, tl, "date-text-from-the-date-object", "1776", "Summer 1776")
			wantEvent(t, tl, "date-text-from-the-slide", "1492", "Autumn 1492")
			wantEvent(t, tl, "empty-strings-are-absent-parts", "1908", "1908")
			wantEvent(t, tl, "last-day-the-timeline-shows", "9999-12-31", "Dec 31, 9999")
			wantEvent(t, tl, "first-year-the-timeline-shows", "-9999", "9999 BCE")
			wantEvent(t, tl, "year-written-1910-0", "1910", "1910")
			if tl.Title != "Rules & dates" || tl.Subtitle != "First paragraph.\n\nSecond, with a link (https://example.org/a?b=1&c=2)." {
				t.Errorf("title %q, subtitle %q", tl.Title, tl.Subtitle)
			}
			if e := eventByID(t, tl, "html-text"); e != nil {
				want := "One & two\u00a0three ééé.\n\nLine\nbreak and bold and a link (https://example.org/).\n\nhttps://same.example/"
				if e.Summary != want {
					t.Errorf("HTML text rendered as %q, want %q", e.Summary, want)
				}
			}
			if e := eventByID(t, tl, "media"); e != nil {
				want := Media{URL: "https://example.org/pic.jpg", Caption: "Source (https://example.org/src) caption",
					Credit: "Credit & thanks", Thumbnail: "https://example.org/t.jpg", Alt: "A picture"}
				if e.Media != want {
					t.Errorf("media %+v, want %+v", e.Media, want)
				}
			}
			if e := eventByID(t, tl, "blockquote-media"); e != nil && (e.Media.URL != "" || e.Media.Embed != "Words said. Someone") {
				t.Errorf("blockquote media kept as %+v", e.Media)
			}
			if e := eventByID(t, tl, "no-headline-here-only-some-words"); e != nil && (e.Title != "" || e.Label != "No headline here, only some words…") {
				t.Errorf("event without headline: title %q, label %q", e.Title, e.Label)
			}
			for _, id := range []string{"my-own-id", "same-headline", "same-headline-2", "not-a-slug"} {
				eventByID(t, tl, id)
			}
			if g := tl.Groups(); strings.Join(g, ",") != "Rome,People" {
				t.Errorf("groups %q, want Rome then People (by date)", g)
			}
			if len(tl.Eras) != 2 || tl.Eras[0].Title != "Before the common era" || tl.Eras[0].Start.Year != -500 ||
				tl.Eras[0].End.Year != -1 || tl.Eras[1].End != DayDate(99, 12, 31) || tl.Eras[1].Start.Precision != PrecisionMonth {
				t.Errorf("eras %+v", tl.Eras)
			}
		}},
		{"tjs_broken.json", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Events) != 2 || tl.Events[0].Title != "Good one" || tl.Events[1].Title != "Good two" {
				t.Errorf("kept %d events, want the two good ones", len(tl.Events))
			}
			if len(tl.Eras) != 1 || tl.Eras[0].Title != "Good era" {
				t.Errorf("eras %+v, want only the good one", tl.Eras)
			}
			wantProblems(t, ps,
				"events[1].start_date: missing",
				"events[2].start_date.year: missing",
				"events[3].start_date.month: '13' is not a month",
				"events[4].start_date.day: '29' is not a day of February 1900",
				"events[5].start_date.day: a day needs a month",
				"events[6].start_date.year: 'nineteen' is not a year",
				"events[7].start_date.year: '1900.5' is not a year",
				"events[8].start_date.hour: '24' is not an hour",
				"events[9].end_date: 1899 is before the start, 1900",
				"events[10].text.headline: a JSON list where text belongs",
				"events[11].start_date.year: a JSON true or false where text belongs",
				"events[12]: a JSON string where an object belongs",
				"events[13].start_date.year: 12000 is outside the years this timeline can show (9999 BCE to 9999)",
				"eras[0].end_date: missing: an era needs an end",
				"eras[1].end_date: 1940 is before the start, 1950",
			)
		}},
		{"tjs_cosmological.json", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Events) != 1 || tl.Events[0].Title != "Writing" {
				t.Errorf("events %+v, want only Writing", tl.Events)
			}
			wantProblems(t, ps,
				`scale: "cosmological" timelines are not supported: this app shows the years 9999 BCE to 9999, and events outside them are skipped`,
				"events[0].start_date.year: -13800000000 is outside the years this timeline can show (9999 BCE to 9999)",
				"events[1].start_date.year: -4540000000 is outside the years this timeline can show (9999 BCE to 9999)",
				"events[3].start_date.year: 1e20 is outside the years this timeline can show (9999 BCE to 9999)",
			)
		}},
		{"tjs_array.json", wantFailure("line 1, column 1: the file is a JSON array; a TimelineJS file is an object with \"events\"")},
		{"tjs_no_events.json", wantFailure("events: missing: the file has no events")},
		{"tjs_truncated.json", wantFailure("line 1, column 85: the file ends in the middle of the timeline")},
		{"empty.json", wantFailure("the file is empty")},
		{"empty.csv", wantFailure("the file is empty")},
		{"binary.json", wantFailure("line 3, column 1: the file is binary, not a text timeline")},
		{"latin1.csv", wantFailure("line 2, column 15: byte 0xe9 is not UTF-8 text; save the file as UTF-8")},
		{"utf16.csv", wantFailure("the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)")},
		{"not_timeline.csv", wantFailure("row 1: not a TimelineJS spreadsheet: the first row names none of its columns (Year, Month, Day, Headline, Text, …)")},
		{"no_year.csv", wantFailure("row 1: no Year column: the first row must name the TimelineJS columns (Year, Month, Day, Time, …, Headline, Text, …)")},
		{"sheet_rules.csv", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			noProblems(t, ps, err)
			if tl.Title != "Sheet rules" || tl.Subtitle != "A sheet with the columns out of order." {
				t.Errorf("title %q, subtitle %q", tl.Title, tl.Subtitle)
			}
			wantEvent(t, tl, "only-a-year", "1815", "1815")
			wantEvent(t, tl, "year-and-month", "1815-06", "Jun 1815")
			wantEvent(t, tl, "waterloo", "1815-06-18", "Jun 18, 1815")
			wantEvent(t, tl, "morning", "1815-06-18T11:30/1815-06-18T21:30", "Jun 18, 1815, 11:30–21:30")
			wantEvent(t, tl, "seconds", "1815-06-19T07:05:09.500", "Jun 19, 1815, 07:05:09.500")
			wantEvent(t, tl, "own-date-text", "1816/1817", "Summer 1816 to 1817")
			wantEvent(t, tl, "bce", "-0044-03-15", "Mar 15, 44 BCE")
			wantEvent(t, tl, "short-row", "1900", "1900")
			if e := eventByID(t, tl, "waterloo"); e != nil && (e.Summary != "Quoted, with commas, \"quotes\"\nand a line break" || e.Group != "Battles") {
				t.Errorf("waterloo text %q group %q", e.Summary, e.Group)
			}
			if e := eventByID(t, tl, "media-row"); e != nil {
				want := Media{URL: "https://example.org/m.jpg", Credit: "Credit (https://example.org/c)", Caption: "Caption, \"quoted\"",
					Thumbnail: "https://example.org/t.jpg", Alt: "Alt words"}
				if e.Media != want {
					t.Errorf("media %+v, want %+v", e.Media, want)
				}
			}
			if len(tl.Eras) != 2 || tl.Eras[0].Title != "Napoleonic era" || tl.Eras[0].Summary != "The wars" ||
				tl.Eras[0].End != DayDate(1815, 11, 20) || tl.Eras[1].Title != "Restoration" {
				t.Errorf("eras %+v", tl.Eras)
			}
		}},
		{"sheet_broken.csv", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, e := range tl.Events {
				titles = append(titles, e.Title)
			}
			if strings.Join(titles, ",") != "Good one,Good two,Good three" {
				t.Errorf("kept %q, want the three good rows", titles)
			}
			wantProblems(t, ps,
				"row 4, column Year: missing",
				"row 5, column Day: '30' is not a day of February 1900",
				"row 6, column Day: a day needs a month",
				"row 7, column Year: '19OO' is not a year",
				"row 8, column Time: '25:00' is not a time: there is no hour 25",
				"row 9, column Time: 'noon' is not a time (HH:MM or HH:MM:SS, with AM or PM if you like)",
				"row 10, column End Year: 1899 is before the start, 1900",
				"row 11, column End Year: missing: an era needs an end",
				"row 12, column End Year: missing",
				"row 13, column Type: a second title row; the first is used",
				"row 14, column Month: '13' is not a month",
				`row 16 (line 16, column 19): a " inside a field that does not start with one; put the field in quotes and double each " inside it`,
			)
		}},
		{"sheet.tsv", func(t *testing.T, tl *Timeline, ps Problems, err error) {
			noProblems(t, ps, err)
			wantEvent(t, tl, "moon-landing", "1969-07-20", "Jul 20, 1969")
			if tl.Title != "sheet" {
				t.Errorf("title %q, want the file's name", tl.Title)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tl, ps, err := LoadFile(filepath.Join("testdata", "import", tt.file))
			if err != nil {
				if tl != nil {
					t.Errorf("an error and a timeline")
				}
				var eps Problems
				if !errors.As(err, &eps) || len(eps) != len(ps) {
					t.Errorf("error %v does not wrap the problems returned", err)
				}
			}
			tt.check(t, tl, ps, err)
		})
	}
}

func noProblems(t *testing.T, ps Problems, err error) {
	t.Helper()
	if err != nil || len(ps) > 0 {
		t.Fatalf("want no problems, got %v / %v", err, ps)
	}
}

func wantFailure(problem string) func(t *testing.T, tl *Timeline, ps Problems, err error) {
	return func(t *testing.T, tl *Timeline, ps Problems, err error) {
		t.Helper()
		if err == nil || tl != nil {
			t.Fatalf("want an error, got %d events", len(tl.Events))
		}
		if len(ps) != 1 || ps[0].String() != problem {
			t.Errorf("problems %q, want %q", ps, problem)
		}
	}
}

func wantProblems(t *testing.T, ps Problems, want ...string) {
	t.Helper()
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.String()
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func eventByID(t *testing.T, tl *Timeline, id string) *Event {
	t.Helper()
	i := tl.Index(id)
	if i < 0 {
		var ids []string
		for _, e := range tl.Events {
			ids = append(ids, e.ID)
		}
		t.Errorf("no event %q among %q", id, ids)
		return nil
	}
	return &tl.Events[i]
}

// wantEvent checks an event's dates ("start" or "start/end" as
// Date.String writes them) and how they are shown.
func wantEvent(t *testing.T, tl *Timeline, id, dates, shown string) {
	t.Helper()
	e := eventByID(t, tl, id)
	if e == nil {
		return
	}
	got := e.Date.String()
	if !e.End.IsZero() {
		got += "/" + e.End.String()
	}
	if got != dates || e.DisplayDate() != shown {
		t.Errorf("%s: dates %s shown %q, want %s shown %q", id, got, e.DisplayDate(), dates, shown)
	}
}

func TestLoadAppJSON(t *testing.T) {
	tl, ps, err := Load("events.json", bytes.NewReader(Embedded()))
	if err != nil || len(ps) > 0 {
		t.Fatalf("the embedded data set through Load: %v %v", err, ps)
	}
	want, _ := Default()
	if dumpLoaded(tl, nil, nil) != dumpLoaded(want, nil, nil) {
		t.Error("Load of the embedded data differs from Default")
	}
	// The app's format stays strict: one problem and nothing loads.
	bad := bytes.Replace(Embedded(), []byte(`"kind": "letter"`), []byte(`"kind": "postcard"`), 1)
	tl, ps, err = Load("mine.json", bytes.NewReader(bad))
	if err == nil || tl != nil || len(ps) != 1 || !strings.Contains(ps[0].String(), `"postcard" is not one of`) {
		t.Errorf("a bad kind in app JSON: %v, %v", ps, err)
	}
}

func TestMediaEmbedCode(t *testing.T) {
	doc := `{"events": [{"start_date": {"year": 2000}, "text": {"headline": "Video"},
		"media": {"url": "<iframe width=\"560\" src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe>"}}]}`
	tl, _, err := Load("v.json", strings.NewReader(doc))
	if err != nil || tl.Events[0].Media != (Media{URL: "https://www.youtube.com/embed/x"}) {
		t.Errorf("an iframe embed code gives media %+v (%v), want its address", tl.Events[0].Media, err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.json", `{"title": "Mine", "events": []}`, FormatApp},
		{"a.json", `{"people": [], "title": {}}`, FormatApp},
		{"a.json", `{"title": {"text": {}}, "events": []}`, FormatTimelineJS},
		{"a.json", `{"events": [{"start_date": {"year": 1}}]}`, FormatTimelineJS},
		{"download", "\ufeff  {\"events\": []}", FormatTimelineJS},
		{"a.json", `[1]`, FormatTimelineJS},
		{"a.csv", "anything", FormatCSV},
		{"Sheet1", "Year,Month,Day,Time,Headline\r\n", FormatCSV},
		{"Sheet1", "Headline\tText\tYear\n", FormatCSV},
		{"notes", "Dear diary", FormatUnknown},
	}
	for _, tt := range tests {
		if got := Sniff(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
	tl, ps, err := Load("notes", strings.NewReader("Dear diary"))
	if err == nil || tl != nil || len(ps) != 1 || ps[0].Where != "line 1" {
		t.Errorf("Load of plain prose: %v %v", ps, err)
	}
}

// sizedReader says it holds size bytes but fails if read: Load must refuse
// a file that says it is too big before reading it.
type sizedReader struct{ size int }

func (r sizedReader) Len() int { return r.size }
func (r sizedReader) Read([]byte) (int, error) {
	return 0, errors.New("read a file that was too big to read")
}

func TestLoadLimits(t *testing.T) {
	tl, ps, err := Load("big.csv", sizedReader{MaxFileSize + 1})
	if err == nil || tl != nil || len(ps) != 1 || !strings.Contains(ps[0].What, "files over 50 MB are refused") {
		t.Errorf("a reader of %d bytes: %v %v", MaxFileSize+1, ps, err)
	}
	// A reader that cannot say its size is read only up to the limit.
	big := io.MultiReader(strings.NewReader("Year,Headline\n"), zeroes{})
	tl, ps, err = Load("big.csv", io.LimitReader(big, MaxFileSize+10))
	if err == nil || tl != nil || len(ps) != 1 || !strings.Contains(ps[0].What, "over 50 MB") {
		t.Errorf("an unsized stream over the limit: %v %v", ps, err)
	}
	// A file on disk is refused by its size before it is opened.
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if tl, ps, err := LoadFile(path); err == nil || tl != nil || len(ps) != 1 || !strings.Contains(ps[0].What, "50.0 MB") {
		t.Errorf("LoadFile of a sparse 50 MB file: %v %v", ps, err)
	}
}

type zeroes struct{}

func (zeroes) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestLoadEventLimit(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Year,Headline\n")
	for i := 0; i <= MaxEvents; i++ {
		b.WriteString("2000,e\n")
	}
	tl, ps, err := Load("many.csv", &b)
	if err == nil || tl != nil || len(ps) != 1 || ps[0].String() != "row 200002: more than 200000 events; bigger files are refused" {
		t.Errorf("a sheet of %d rows: %v %v", MaxEvents+1, ps, err)
	}
	var j bytes.Buffer
	j.WriteString(`{"events": [`)
	for i := 0; i <= MaxEvents; i++ {
		if i > 0 {
			j.WriteByte(',')
		}
		j.WriteString(`{}`)
	}
	j.WriteString(`]}`)
	tl, ps, err = Load("many.json", &j)
	if err == nil || tl != nil || len(ps) != 1 || ps[0].String() != "events: 200001 events; files with more than 200000 are refused" {
		t.Errorf("a TimelineJS file of %d events: %v %v", MaxEvents+1, ps, err)
	}
}

func TestLoadProblemsListed(t *testing.T) {
	var b strings.Builder
	b.WriteString("Year,Month,Headline\n2000,1,fine\n")
	for i := 0; i < 30; i++ {
		b.WriteString("2000,13,bad\n")
	}
	tl, ps, err := Load("many-bad.csv", strings.NewReader(b.String()))
	if err != nil || len(tl.Events) != 1 || len(ps) != 30 {
		t.Fatalf("got %v, %d problems", err, len(ps))
	}
	msg := ps.Error()
	if strings.Count(msg, "\n") != MaxListed || !strings.HasSuffix(msg, "… and 10 more") {
		t.Errorf("Problems.Error lists:\n%s", msg)
	}
}

// syntheticFiles writes Synthetic(n) as a TimelineJS file, as a
// spreadsheet and in the app's own JSON, for benchmarks.
func syntheticFiles(b *testing.B, n int) (tjs, sheet, app []byte) {
	b.Helper()
	tl := Synthetic(n, 1)
	for i := range tl.Events {
		// Synthetic may end a month-precise date on a day inside it, which
		// importers refuse as an end before the start.
		if e := &tl.Events[i]; e.End.Until().Before(e.Date.Until()) {
			e.End = Date{}
		}
	}
	var buf bytes.Buffer
	if err := ExportTimelineJS(tl, &buf); err != nil {
		b.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n")
	for _, e := range tl.Events {
		month, day := "", ""
		if e.Date.Precision >= PrecisionMonth {
			month = fmt.Sprint(int(e.Date.Month))
		}
		if e.Date.Precision >= PrecisionDay {
			day = fmt.Sprint(e.Date.Day)
		}
		fmt.Fprintf(&csv, "%d,%s,%s,,,,,,,\"%s\",\"<p>%s</p>\",,,,,,%s,\r\n", e.Date.Year, month, day,
			strings.ReplaceAll(e.Title, `"`, `""`), strings.ReplaceAll(e.Summary, `"`, `""`), e.Kind.Label())
	}
	return buf.Bytes(), []byte(csv.String()), appJSON(b, tl)
}

// appJSON writes tl in the app's own JSON format (see parse.go).
func appJSON(b *testing.B, tl *Timeline) []byte {
	b.Helper()
	f := fileJSON{Title: tl.Title, Subtitle: tl.Subtitle, People: tl.People}
	for _, s := range tl.Sources {
		f.Sources = append(f.Sources, sourceJSON{ID: s.ID, Title: s.Title, Publisher: s.Publisher, URL: s.URL})
	}
	for _, e := range tl.Events {
		r := eventJSON{ID: e.ID, Date: e.Date.String(), Kind: string(e.Kind), From: e.From, To: e.To,
			Title: e.Title, Label: e.Label, Summary: e.Summary, Place: e.Place, ReportedBy: e.ReportedBy,
			Quotes: e.Quotes, Related: e.Related, Source: e.Source}
		if !e.End.IsZero() {
			r.End = e.End.String()
		}
		f.Events = append(f.Events, r)
	}
	out, err := json.Marshal(f)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		tjs, sheet, app := syntheticFiles(b, n)
		for _, f := range []struct {
			name string
			body []byte
		}{{"timelinejs.json", tjs}, {"sheet.csv", sheet}, {"app.json", app}} {
			b.Run(fmt.Sprintf("%s/%d", f.name, n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(f.body)))
				done := reportCPU(b)
				for b.Loop() {
					tl, ps, err := Load(f.name, bytes.NewReader(f.body))
					if err != nil || len(ps) > 0 || len(tl.Events) != n {
						b.Fatalf("%v %v", err, ps)
					}
				}
				done()
			})
		}
	}
}

func BenchmarkExportTimelineJS(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		tl := Synthetic(n, 1)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := ExportTimelineJS(tl, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseAppJSONImportFields: the app's own format carries what imports
// add (group, media, display date, times of day, eras), all optional.
func TestParseAppJSONImportFields(t *testing.T) {
	doc := `{"title": "Mine", "events": [
		{"id": "landing", "date": "1969-07-20T20:17", "end": "1969-07-21T02:56:15", "kind": "context", "title": "Moon landing",
		 "group": "Space", "display_date": "July 1969", "media": {"url": "https://example.org/m", "caption": "C", "embed": "E"}}],
		"eras": [{"title": "Space race", "summary": "S", "start": "1957-10", "end": "1975"}]}`
	tl, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	e := tl.Events[0]
	if e.Date.Precision != PrecisionMinute || e.End.Precision != PrecisionSecond || e.Group != "Space" ||
		e.DisplayDate() != "July 1969" || e.Media != (Media{URL: "https://example.org/m", Caption: "C", Embed: "E"}) {
		t.Errorf("event %+v", e)
	}
	if len(tl.Eras) != 1 || tl.Eras[0] != (Era{Title: "Space race", Summary: "S", Start: Date{Year: 1957, Month: 10, Precision: PrecisionMonth}, End: Date{Year: 1975, Precision: PrecisionYear}}) {
		t.Errorf("eras %+v", tl.Eras)
	}
	for _, tc := range []struct{ eras, where string }{
		{`[{"start": "1950", "end": "1960"}]`, "eras[0].title: missing"},
		{`[{"title": "x", "end": "1960"}]`, "eras[0].start: missing"},
		{`[{"title": "x", "start": "1960", "end": "1950"}]`, "eras[0].end: 1950 is before the start, 1960"},
		{`[{"title": "x", "start": "1960", "end": "19"}]`, `eras[0].end: "19" is not YYYY, YYYY-MM or YYYY-MM-DD`},
	} {
		bad := strings.Replace(doc, `"eras": [{"title": "Space race", "summary": "S", "start": "1957-10", "end": "1975"}]`, `"eras": `+tc.eras, 1)
		_, err := Parse([]byte(bad))
		if err == nil || err.Error() != tc.where {
			t.Errorf("eras %s: %v, want %q", tc.eras, err, tc.where)
		}
	}
}

// TestEventsOnTheSameDayKeepTheFileOrder: events at the same instant
// come in the order the file gives them, as TimelineJS shows them (its
// sort is stable), in every format. They were sorted by id, which for an
// imported file is made from the headline: "Morning", "Afternoon",
// "Evening" came out "Afternoon", "Evening", "Morning", and "Letter 10"
// before "Letter 2".
func TestEventsOnTheSameDayKeepTheFileOrder(t *testing.T) {
	titles := []string{"Morning", "Letter 10", "Afternoon", "Letter 2", "Evening"}
	var js, csv, own strings.Builder
	js.WriteString(`{"events":[`)
	csv.WriteString("Year,Month,Day,Headline,Text\n")
	own.WriteString(`{"title":"t","events":[`)
	for i, s := range titles {
		if i > 0 {
			js.WriteString(",")
			own.WriteString(",")
		}
		fmt.Fprintf(&js, `{"start_date":{"year":2019,"month":6,"day":30},"text":{"headline":%q}}`, s)
		fmt.Fprintf(&csv, "2019,6,30,%s,x\n", s)
		id := strings.ToLower(strings.ReplaceAll(s, " ", "-"))
		fmt.Fprintf(&own, `{"id":%q,"date":"2019-06-30","kind":"context","title":%q,"summary":"x","reported_by":"x"}`, id, s)
	}
	js.WriteString("]}")
	own.WriteString("]}")
	for _, c := range []struct{ name, text string }{
		{"same.json", js.String()},
		{"same.csv", csv.String()},
		{"own.json", own.String()},
	} {
		t.Run(c.name, func(t *testing.T) {
			tl, probs, err := Load(c.name, strings.NewReader(c.text))
			if err != nil {
				t.Fatalf("%v %v", err, probs)
			}
			var got []string
			for i := range tl.Events {
				got = append(got, tl.Events[i].Title)
			}
			if strings.Join(got, ", ") != strings.Join(titles, ", ") {
				t.Errorf("the events come as %q, want the file's order %q", got, titles)
			}
		})
	}
}

// TestSyntheticTitleCounts: --synthetic 1 was titled "Synthetic timeline
// (1 events)".
func TestSyntheticTitleCounts(t *testing.T) {
	for n, want := range map[int]string{1: "Synthetic timeline (1 event)", 3: "Synthetic timeline (3 events)"} {
		if got := Synthetic(n, 1).Title; got != want {
			t.Errorf("Synthetic(%d): title %q, want %q", n, got, want)
		}
	}
}
