package app

import (
	"fmt"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"trumpkim/data"
)

// useRandomly does n random things a person does with the window, from r:
// select and step through events, search (words, dates, nonsense, a long
// paste), clear, filter, zoom and pan, hover, resize, change the text size
// and the theme, present and step, export a slide.
func useRandomly(u *UI, r *rand.Rand, n int) {
	words := []string{"hanoi", "letter", "kim", "trump", "2019", "june 2019", "dmz", "summit", "note", "e", "zq", "pyongyang", "beautiful"}
	for range n {
		switch r.IntN(20) {
		case 0, 1, 2:
			u.Select(r.IntN(len(u.tl.Events)))
		case 3:
			u.Step(r.IntN(3) - 1)
		case 4, 5:
			q := words[r.IntN(len(words))]
			if r.IntN(4) == 0 {
				q += fmt.Sprintf(" %x", r.Uint32()) // new text every time
			}
			if r.IntN(20) == 0 {
				q = strings.Repeat(q, 500/len(q))
			}
			u.search.SetText(q)
		case 6:
			u.search.SetText("")
		case 7:
			u.setKindFilter(data.Kinds[r.IntN(len(data.Kinds))], r.IntN(2) == 0)
		case 8:
			u.timeline.ZoomIn()
		case 9:
			u.timeline.ZoomOut()
		case 10:
			u.timeline.Pan(r.Float64() - 0.5)
		case 11:
			u.timeline.FitAll()
		case 12:
			u.timeline.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{
				Position: fyne.NewPos(r.Float32()*u.timeline.Size().Width, r.Float32()*u.timeline.Size().Height)}})
		case 13:
			if !u.Presenting() { // presentation mode is full screen
				u.Window().Resize(fyne.NewSize(float32(600+r.IntN(900)), float32(400+r.IntN(500))))
			}
		case 14:
			switch r.IntN(3) {
			case 0:
				u.BiggerText()
			case 1:
				u.SmallerText()
			default:
				u.ResetTextSize()
			}
		case 15:
			u.SetThemeMode(ThemeModes[r.IntN(len(ThemeModes))])
		case 16:
			if !u.Presenting() {
				// full screen, as the app's window is when presenting (the
				// test window does not change size for it)
				u.Window().Resize(fyne.NewSize(1280, 800))
			}
			u.TogglePresentation()
		case 17, 18:
			if u.Presenting() {
				u.PresentStep(r.IntN(3) - 1)
			} else {
				u.Step(1)
			}
		case 19:
			if r.IntN(10) == 0 {
				RenderSlide(u.tl, max(u.selected, 0), nil, fyne.NewSize(640, 360), u.themeMode, u.textScale)
			}
		}
		u.settle()
	}
}

// liveHeap is the heap in use by what the window shows and keeps, in the
// same state each time (no search, no presentation, Fyne's text size,
// the first event chosen), as the
// real driver would leave it: it waits out Fyne's cache lifetime (FYNE_CACHE,
// which the test sets to a second; it is a minute in the app) and the ten
// seconds Fyne leaves between cleans, draws the window (a capture cleans
// Fyne's caches first, as each frame of the real driver does: renderers of
// widgets no longer drawn are destroyed), then collects twice.
func liveHeap(u *UI) uint64 {
	// the same state each time: what is shown is not what is kept
	u.Present(false)
	u.search.SetText("")
	u.ClearFilters()
	u.ResetTextSize()
	u.SetThemeMode(ThemeSystem)
	u.Window().Resize(DefaultSize)
	u.timeline.FitAll()
	u.Select(0)
	u.settle()
	time.Sleep(10500 * time.Millisecond)
	u.Window().Canvas().(interface{ Capture() image.Image }).Capture()
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// writeHeapProfile writes a heap profile to $TRUMPKIM_HEAPPROFILE-name.pprof
// when that variable is set, for `go tool pprof`.
func writeHeapProfile(t *testing.T, name string) {
	base := os.Getenv("TRUMPKIM_HEAPPROFILE")
	if base == "" {
		return
	}
	f, err := os.Create(base + "-" + name + ".pprof")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		t.Fatal(err)
	}
}

// Memory must not grow while the window is used: the real window went from
// 216 MB to 570 MB over 1,500 random actions. After a warm-up that has
// shown every kind of thing, ten times as many more actions must leave the
// live heap where it was (within 10%).
//
// It takes about two minutes: TRUMPKIM_MEMORY=1 runs it (see
// inCleaningProcess); TRUMPKIM_MEMORY_ACTIONS sets the number of actions
// after the warm-up (default 3000).
func TestMemoryStaysFlatWhileUsed(t *testing.T) {
	if !inCleaningProcess(t) {
		return
	}
	if os.Getenv("TRUMPKIM_HEAPPROFILE") != "" {
		runtime.MemProfileRate = 1 // every allocation, for profiles that add up
	}
	warm, more := 300, 3000
	if n, err := strconv.Atoi(os.Getenv("TRUMPKIM_MEMORY_ACTIONS")); err == nil && n > 0 {
		more = n
	}
	u := newTestUI(t)
	r := rand.New(rand.NewPCG(12, 1))
	useRandomly(u, r, warm)
	before := liveHeap(u)
	writeHeapProfile(t, "warm")
	t.Logf("live heap after %d actions of warm-up: %.1f MB", warm, float64(before)/(1<<20))
	const steps = 4
	for i := range steps {
		useRandomly(u, r, more/steps)
		if i < steps-1 {
			t.Logf("after %d more actions: live heap %.1f MB", (i+1)*more/steps, float64(liveHeap(u))/(1<<20))
		}
	}
	after := liveHeap(u)
	writeHeapProfile(t, "after")
	t.Logf("live heap after %d actions of warm-up %.1f MB, after %d more %.1f MB", warm, float64(before)/(1<<20), more, float64(after)/(1<<20))
	if after > before+before/10 {
		t.Errorf("the live heap grew from %.1f MB to %.1f MB over %d actions", float64(before)/(1<<20), float64(after)/(1<<20), more)
	}
}

// inCleaningProcess reports whether the test runs where Fyne's caches are
// cleaned as in the app, and runs the test there when it does not.
// Fyne's test driver keeps every renderer it made until its caches are
// cleaned, which only a capture does, at most every ten seconds, of
// renderers unused for a minute; the test runs itself again with that
// minute made a second (FYNE_CACHE is read when Fyne starts). The memory
// tests take minutes: they run only with TRUMPKIM_MEMORY=1.
func inCleaningProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv("TRUMPKIM_MEMORY") == "" {
		t.Skip("takes minutes: TRUMPKIM_MEMORY=1 runs it")
	}
	if os.Getenv("FYNE_CACHE") != "" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.timeout=1h")
	cmd.Env = append(os.Environ(), "FYNE_CACHE=1s")
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "memory_test.go") {
			t.Log(strings.TrimSpace(line))
		}
	}
	if err != nil {
		t.Fatalf("the test run with FYNE_CACHE=1s failed: %v", err)
	}
	return false
}

// An exported slide must not be kept once written: Fyne keeps what a
// theme override themed for good, and each export kept its whole slide
// (1 MB at 20,000 events), and the fonts it parsed for each override
// scope until the settings change (4 MB).
func TestMemoryExportKeepsNothing(t *testing.T) {
	if !inCleaningProcess(t) {
		return
	}
	u := newTestUI(t)
	u.SetTimeline(data.Synthetic(20000, 1))
	u.settle()
	const n = 10
	export := func() {
		for range n {
			if err := u.ExportImage(io.Discard, fyne.NewSize(640, 360)); err != nil {
				t.Fatal(err)
			}
		}
	}
	export()
	before := liveHeap(u)
	export()
	after := liveHeap(u)
	t.Logf("live heap %.1f MB, after %d more exports %.1f MB", float64(before)/(1<<20), n, float64(after)/(1<<20))
	if per := (float64(after) - float64(before)) / n; per > 100<<10 {
		t.Errorf("each export keeps %.0f kB", per/(1<<10))
	}
}
