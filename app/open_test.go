package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenTimelineJSFile(t *testing.T) {
	checkOpenFile(t, filepath.Join(fixtures, "timekeeping.csv"), "Clocks & Calendars", 16, "rømer", "Rømer")
}

func TestOpenTimelineJSFileInterop(t *testing.T) {
	checkOpenFile(t, interopFile(t, "my-own-timeline.csv"), "MY OWN CSV", 10, "lovelace", "Lovelace")
}

// checkOpenFile opens path, a timeline of the given title and number of
// events, searches it for query, whose top result's title must hold
// inTitle, and goes back to the built-in data.
func checkOpenFile(t *testing.T, path, title string, events int, query, inTitle string) {
	t.Helper()
	u := newTestUI(t)
	u.OpenFile(path)
	u.settle()
	if got := u.tl.Title; got != title {
		t.Fatalf("title %q: the file did not open", got)
	}
	if got := u.Window().Title(); got != title+" — "+AppName {
		t.Errorf("window title %q", got)
	}
	if len(u.Results()) != len(u.tl.Events) || len(u.tl.Events) != events {
		t.Errorf("%d results for %d events, want %d", len(u.Results()), len(u.tl.Events), events)
	}
	abs, _ := filepath.Abs(path)
	if r := u.Recent(); len(r) != 1 || r[0] != abs {
		t.Errorf("recent = %v", r)
	}
	u.search.SetText(query)
	u.settle()
	if len(u.Results()) == 0 || !strings.Contains(u.tl.Events[u.Results()[0].Event].Title, inTitle) {
		t.Errorf("search for %q in the opened file: %v", query, u.Results())
	}

	u.ReopenBuiltin()
	if u.Window().Title() != AppName || len(u.tl.Events) != 17 {
		t.Errorf("reopen built-in: %q, %d events", u.Window().Title(), len(u.tl.Events))
	}
}

func TestBadFileChangesNothing(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"month.csv", "Year,Month,Day,Headline\n2019,13,1,A\n2019,14,1,B\n", "row 2, column Month"},
		{"junk.json", "\x00\x01\x02binary", "could not be opened"},
		{"empty.json", "", "could not be opened"},
		{"array.json", `[{"title": "x"}]`, "array"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			u.Select(3)
			before := u.tl
			u.OpenFile(writeFile(t, tc.name, tc.content))
			u.settle()
			if u.tl != before || u.Selected() != 3 {
				t.Fatalf("a bad file changed the timeline or lost the place")
			}
			if !strings.Contains(u.openMessage, tc.want) || !strings.Contains(u.openMessage, tc.name) {
				t.Errorf("message %q does not say %q about %s", u.openMessage, tc.want, tc.name)
			}
			if u.Window().Canvas().Overlays().Top() == nil {
				t.Error("no dialog shown")
			}
			if len(u.Recent()) != 0 {
				t.Error("a file that did not open went into the recent list")
			}
		})
	}
}

func TestPartlyBrokenFileLoadsTheGoodRows(t *testing.T) {
	u := newTestUI(t)
	p := writeFile(t, "part.csv", "Year,Month,Day,Headline\n2019,6,30,Good one\n2019,13,1,Bad month\n2020,1,2,Good two\n")
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(p)})
	u.settle()
	if len(u.tl.Events) != 2 {
		t.Fatalf("%d events loaded, want the 2 good rows", len(u.tl.Events))
	}
	if !strings.Contains(u.openMessage, "1 problem") || !strings.Contains(u.openMessage, "row 3, column Month") {
		t.Errorf("message %q", u.openMessage)
	}
}

// fixtures holds the project's own TimelineJS files.
const fixtures = "../data/testdata/import"

// interop holds the team's TimelineJS corpus beside the project, there in CI
// and absent from a fresh clone.
const interop = "../../shared/interop/timelinejs"

// interopFile returns the path of a file of the team's corpus, or skips the
// test, saying why, when the corpus is absent.
func interopFile(t *testing.T, name string) string {
	t.Helper()
	if _, err := os.Stat(interop); err != nil {
		t.Skipf("../shared/interop not present (the team's corpus, CI only): %v", err)
	}
	return filepath.Join(interop, name)
}

// A file named on the command line is read before the window is built: the
// window's first frame, its title and its timeline, are the file's, and the
// built-in data is not there at all. A file that cannot be used leaves the
// built-in data with a dialog that says why.
func TestStartFileIsWhatTheWindowFirstShows(t *testing.T) {
	path := filepath.Join(fixtures, "timekeeping.json")
	sf := LoadStartFile(path)
	if sf.Timeline() == nil {
		t.Fatalf("%s: no timeline", path)
	}
	u := New(test.NewTempApp(t), sf.Timeline())
	t.Cleanup(u.Window().Close)
	queueHandBacks(u)
	if got, want := u.Window().Title(), "Clocks & Calendars — "+AppName; got != want {
		t.Errorf("first title %q, want %q", got, want)
	}
	if u.tl != sf.Timeline() || len(u.tl.Events) != 16 || len(u.results) != 16 {
		t.Errorf("the timeline does not show the file's 16 events")
	}
	u.ShowStartFile(sf)
	if u.dialogOpen() {
		t.Errorf("a dialog for a file without problems: %s", u.openMessage)
	}
	abs, _ := filepath.Abs(path)
	if u.source != path || len(u.Recent()) == 0 || u.Recent()[0] != abs {
		t.Errorf("source %q, recent %v: the start file is not the open file", u.source, u.Recent())
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"events": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	sf = LoadStartFile(bad)
	if sf.Timeline() != nil {
		t.Fatal("a truncated file gave a timeline")
	}
	u = newTestUI(t)
	u.ShowStartFile(sf)
	if !u.dialogOpen() || !strings.Contains(u.openMessage, "bad.json could not be opened") || !strings.Contains(u.openMessage, "built-in timeline is shown instead") {
		t.Errorf("no dialog saying why: %q", u.openMessage)
	}
}

// The search index of a new data set is built after the frame that shows
// it, not before it nor at the first keystroke: drawing the window starts
// it.
func TestSearchIndexStartsAfterTheFirstFrame(t *testing.T) {
	old := frameHookFallback
	frameHookFallback = time.Hour // only the frame starts it here
	t.Cleanup(func() { frameHookFallback = old })
	tl, err := data.NewSynthetic(30000, 1)
	if err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), tl)
	t.Cleanup(u.Window().Close)
	queueHandBacks(u)
	if n := u.frames.waiting(); n != 1 || u.finder.s != nil {
		t.Fatalf("before any frame: %d waiting, index built %v; want the build waiting for the frame", n, u.finder.s != nil)
	}
	u.Window().Canvas().Capture() // a frame
	if n := u.frames.waiting(); n != 0 {
		t.Fatalf("after a frame %d still waiting", n)
	}
	if u.finder.searcher() == nil { // waits for the build the frame started
		t.Fatal("no index")
	}
}

// The index is built between two collections that give memory back: the
// garbage the window's first frame left, and then the build's own, would
// otherwise stay in the process (at 100,000 events, 55 MB of its peak and
// 95 MB of its size at rest).
func TestSearchIndexBuiltBetweenReleases(t *testing.T) {
	u := newTestUI(t)
	f := &finder{tl: u.tl}
	var built []bool // whether the index existed at each release
	f.release = func() { built = append(built, f.s != nil) }
	f.searcher()
	f.searcher()
	if want := []bool{false, true}; !slices.Equal(built, want) {
		t.Errorf("index built at each release: %v, want %v", built, want)
	}
	if u.finder.release == nil {
		t.Error("the window's finder gives no memory back")
	}
}
