package app

// The monkey: random input on Fyne's test driver, with the app's invariants
// checked after every action (monkey_check_test.go). Failures are reported
// with the seed, the action and the whole sequence, shrunk to a short
// replay file.
//
//	go test ./app -run TestMonkey$                          a few thousand actions
//	go test ./app -run TestMonkey$ -monkey.seed=7 -monkey.actions=20000 [-monkey.seeds=10]
//	go test ./app -run TestMonkeyReplay$ -monkey.replay=FILE [-v]
//	go test ./app -run XXX -fuzz=FuzzMonkey                 the fuzzer's bytes choose the actions
//	go test ./app -run TestMonkeyHeap -monkey.heap=20000 -v the heap in use, every 1,000 actions
//
// The files under testdata/monkey/*.replay are replayed by every go test:
// those of knownBugs must still fail their way, all others must pass.

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

var (
	monkeySeed    = flag.Uint64("monkey.seed", 0, "monkey: the first seed (0: the built-in seeds)")
	monkeySeeds   = flag.Int("monkey.seeds", 1, "monkey: how many seeds from -monkey.seed on")
	monkeyActions = flag.Int("monkey.actions", 0, "monkey: actions per seed (0: the built-in budget)")
	monkeyData    = flag.String("monkey.data", "", "monkey: the first data set: embedded, synthetic:N or file:PATH (default: by seed)")
	monkeyStay    = flag.Bool("monkey.stay", false, "monkey: never open another data set")
	monkeyShrink  = flag.Duration("monkey.shrink", 45*time.Second, "monkey: time to spend shrinking each failure (0: none)")
	monkeyOut     = flag.String("monkey.out", "", "monkey: folder for failing sequences (default: a new temporary folder)")
	monkeyReplay  = flag.String("monkey.replay", "", "monkey: a replay file for TestMonkeyReplay")
	monkeyStrict  = flag.Bool("monkey.strict", false, "monkey: report known bugs as failures too")
	monkeyHeap    = flag.Int("monkey.heap", 0, "monkey: actions for TestMonkeyHeap's series at 17 and 100,000 events (0: skip)")
	monkeyStep    = flag.Duration("monkey.hang", 60*time.Second, "monkey: how long one action may take before it counts as a hang")
)

// knownBug is a defect the monkey finds on main that others are fixing.
// While it is listed, the random runs log it and go on, and its replay file
// must still show it; once it is fixed, TestMonkeyReplays says so: remove
// it from the list, and its replay becomes a regression test.
type knownBug struct {
	sig    string // the start of the violation's signature
	replay string // under testdata/monkey
	about  string
}

// knownBugs are the defects the monkey finds on main (2026-11-30) that
// are being fixed. The lead removes an entry when its fix is
// merged: TestMonkeyReplays then says which entries no longer fail.
var knownBugs = []knownBug{
	{"Escape does not close the dialog", "escape-tab-dialog.replay",
		"after Tab, one of Fyne's own widgets in a dialog has the focus and ignores Escape"},
	{"Escape does not close the dialog", "focus-hidden-dialog.replay",
		"after Tab, one of Fyne's own widgets in a dialog has the focus and ignores Escape"},
	{`the same dialog is open twice: "New Folder"`, "new-folder-twice.replay",
		"a double click on New Folder in Fyne's file dialog opens two of Fyne's forms (no app code shows them)"},
	{`the same dialog is open twice: "Overwrite?"`, "overwrite-twice.replay",
		"a double click on Save over an existing file asks Fyne's own \"Overwrite?\" twice (dialog/file.go; no app code shows it)"},
}

func knownBugFor(sig string) *knownBug {
	for i := range knownBugs {
		if strings.HasPrefix(sig, knownBugs[i].sig) {
			return &knownBugs[i]
		}
	}
	return nil
}

// monkeyFiles are the files the monkey opens besides the built-in data:
// its own hostile fixture and some of the importers' fixtures, good and bad.
var monkeyFiles = []string{
	"testdata/monkey/hostile.json",
	"../data/testdata/import/tjs_cosmological.json",
	"../data/testdata/import/sheet_rules.csv",
	"../data/testdata/import/tjs_rules.json",
	"../data/testdata/import/latin1.csv",
	"../data/testdata/export/women_in_computing.timelinejs.json",
	"../data/testdata/import/binary.json",
	"../data/testdata/import/tjs_truncated.json",
}

// plan is what one random run does.
type plan struct {
	seed    uint64
	actions int
	data    string // the first data set: embedded, synthetic:N or file:PATH
	hostile bool   // the hostile fixture is among the files it opens
	stay    bool   // it opens no other data set
}

const hostileFile = "testdata/monkey/hostile.json"

// datasetActions are the ways the monkey opens other data sets.
func (p plan) datasetActions() []mAction {
	if p.stay {
		return nil
	}
	as := []mAction{
		{op: "open", text: "synthetic", n: 2000, seed: p.seed},
		{op: "open", text: "synthetic", n: 40, seed: p.seed + 1},
		{op: "menu", text: "File > Reopen the built-in timeline"},
	}
	for _, f := range monkeyFiles {
		if f != hostileFile || p.hostile {
			as = append(as, mAction{op: "open", text: f})
		}
	}
	if p.hostile {
		as = append(as, mAction{op: "drop", text: hostileFile})
	}
	return as
}

// startActions are a run's first actions: the screen and the first data
// set.
func (p plan) startActions() []mAction {
	screens := [][2]int{{1920, 1080}, {1366, 768}, {2560, 1600}, {1024, 768}, {1280, 800}}
	sc := screens[p.seed%uint64(len(screens))]
	as := []mAction{{op: "screen", x: sc[0], y: sc[1]}}
	switch {
	case strings.HasPrefix(p.data, "synthetic:"):
		n, _ := strconv.Atoi(strings.TrimPrefix(p.data, "synthetic:"))
		as = append(as, mAction{op: "open", text: "synthetic", n: n, seed: p.seed})
	case strings.HasPrefix(p.data, "file:"):
		as = append(as, mAction{op: "open", text: strings.TrimPrefix(p.data, "file:")})
	}
	return as
}

// flagPlans are the runs the -monkey flags ask for.
func flagPlans() []plan {
	var ps []plan
	for i := range *monkeySeeds {
		p := plan{seed: *monkeySeed + uint64(i), actions: *monkeyActions, data: *monkeyData, hostile: true, stay: *monkeyStay}
		if p.actions == 0 {
			p.actions = 500
		}
		if p.data == "" {
			p.data = []string{"embedded", "synthetic:2000", "file:" + hostileFile}[p.seed%3]
		}
		ps = append(ps, p)
	}
	return ps
}

// defaultPlans are plain go test's runs: about 1,300 actions, in under
// twenty seconds of CPU (a fifth of that with -short). The hostile fixture is slow
// to lay out (a tenth of a second to seconds an action), so one short run
// has it.
var defaultPlans = []plan{
	{seed: 1, actions: 325, data: "embedded"},
	{seed: 2, actions: 325, data: "synthetic:2000"},
	{seed: 3, actions: 325, data: "embedded"},
	{seed: 4, actions: 325, data: "synthetic:2000"},
	{seed: 5, actions: 25, data: "file:" + hostileFile, hostile: true},
}

// failure is a violation with how to get there.
type failure struct {
	violation
	seed    uint64
	index   int       // of the failing action in actions
	actions []mAction // from the session's start to the failing action
	total   int       // actions the run had done
	shrunk  []mAction
	file    string
}

func (f *failure) isPanic() bool { return strings.HasPrefix(f.sig, "panic") }

// monkeyHome has HOME set back when the test ends: every session sets its
// own (see newSession).
func monkeyHome(t testing.TB) {
	t.Setenv("HOME", os.Getenv("HOME"))
}

// watchdog ends the process with every goroutine's stack if one action does
// not return: a hang. The sequence so far is written out first.
func watchdog(t testing.TB, seed uint64, seq func() []mAction) func() {
	timer := time.AfterFunc(*monkeyStep, func() {
		as := seq()
		path := writeReplay(t, fmt.Sprintf("hang-seed%d", seed), as, []string{
			fmt.Sprintf("hang: action %d (%s) did not return within %v", len(as)-1, as[len(as)-1], *monkeyStep)})
		debug.SetTraceback("all")
		panic(fmt.Sprintf("monkey: seed %d: action %d (%s) has not returned after %v: a hang; the sequence is in %s",
			seed, len(as)-1, as[len(as)-1], *monkeyStep, path))
	})
	return func() { timer.Stop() }
}

// runMonkey does p's random actions, starting a new session after a panic,
// and returns the failures, one per signature it had not seen (seen counts
// every violation). HOME is the test's monkeyHome.
func runMonkey(t testing.TB, p plan, seen map[string]int) ([]*failure, *session) {
	seed, n := p.seed, p.actions
	g := &generator{c: rngChooser{rand64(seed)}, datasets: p.datasetActions(), stay: p.stay}
	var found []*failure
	var seq []mAction
	var mu sync.Mutex
	snapshot := func() []mAction { mu.Lock(); defer mu.Unlock(); return append([]mAction(nil), seq...) }
	start := func() *session {
		s := newSession()
		seq = nil
		for _, a := range p.startActions() {
			seq = append(seq, a)
			for _, v := range s.step(a) {
				if strings.HasPrefix(v.sig, "panic") {
					// The first data set itself panics (say, a result
					// row at this size): the window is half set up, so
					// go on from the built-in data in a new one.
					seen[v.sig]++
					s.close()
					s = newSession()
					seq = nil
					return s
				}
			}
		}
		return s
	}
	s := start()
	done := 0
	for done < n {
		for _, a := range g.next(s) {
			mu.Lock()
			seq = append(seq, a)
			mu.Unlock()
			stop := watchdog(t, seed, snapshot)
			vs := s.step(a)
			stop()
			done++
			restart := false
			for _, v := range vs {
				restart = restart || strings.HasPrefix(v.sig, "panic")
				seen[v.sig]++
				if seen[v.sig] > 1 {
					continue
				}
				found = append(found, &failure{violation: v, seed: seed, index: len(seq) - 1,
					actions: append([]mAction(nil), seq...), total: done})
			}
			if restart {
				s.close()
				s = start()
				break
			}
		}
	}
	return found, s
}

// reproduces replays as and reports whether a violation whose signature
// starts with sig happens (other violations are passed over; another panic
// ends the replay).
func reproduces(as []mAction, sig string) bool {
	s := newSession()
	defer s.close()
	for _, a := range as {
		for _, v := range s.step(a) {
			if strings.HasPrefix(v.sig, sig) {
				return true
			}
			if strings.HasPrefix(v.sig, "panic") {
				return false
			}
		}
	}
	return false
}

// shrink finds a shorter sequence that still fails with sig: first the
// shortest tail that does, then chunks left out (delta debugging), then
// shorter typed text, within the time budget.
func shrink(as []mAction, sig string, budget time.Duration) []mAction {
	deadline := time.Now().Add(budget)
	try := func(c []mAction) bool { return time.Now().Before(deadline) && reproduces(c, sig) }
	cur := as
	for k := 1; k < len(cur); k *= 2 {
		if tail := cur[len(cur)-k:]; try(tail) {
			cur = tail
			break
		}
	}
	for n := 2; len(cur) >= 2 && time.Now().Before(deadline); {
		chunk := (len(cur) + n - 1) / n
		reduced := false
		for lo := 0; lo < len(cur); lo += chunk {
			c := append(append([]mAction{}, cur[:lo]...), cur[min(len(cur), lo+chunk):]...)
			if len(c) > 0 && try(c) {
				cur, reduced = c, true
				n = max(n-1, 2)
				break
			}
		}
		if !reduced {
			if n >= len(cur) {
				break
			}
			n = min(2*n, len(cur))
		}
	}
	for i := range cur {
		for cur[i].op == "type" || cur[i].op == "paste" {
			rs := []rune(cur[i].text)
			if len(rs) < 2 {
				break
			}
			c := append([]mAction{}, cur...)
			c[i].text = string(rs[:len(rs)/2])
			if !try(c) {
				break
			}
			cur = c
		}
	}
	return cur
}

var (
	outOnce sync.Once
	outDir  string
)

// writeReplay writes a sequence to the output folder and returns its path.
func writeReplay(t testing.TB, name string, as []mAction, comments []string) string {
	outOnce.Do(func() {
		outDir = *monkeyOut
		if outDir == "" {
			outDir, _ = os.MkdirTemp("", "monkey-out-")
		}
		_ = os.MkdirAll(outDir, 0o755)
	})
	path := filepath.Join(outDir, name+".replay")
	var b strings.Builder
	for _, c := range comments {
		for _, l := range strings.Split(c, "\n") {
			b.WriteString("# " + l + "\n")
		}
	}
	for _, a := range as {
		b.WriteString(a.String() + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Logf("monkey: cannot write %s: %v", path, err)
	}
	return path
}

// report shrinks f, writes its replay and describes it.
func report(t testing.TB, f *failure, shrinkFor time.Duration) string {
	f.shrunk = f.actions[:f.index+1]
	if shrinkFor > 0 {
		f.shrunk = shrink(f.shrunk, f.sig, shrinkFor)
	}
	detail := f.detail
	if i := strings.Index(detail, "\ngoroutine "); i >= 0 && f.isPanic() {
		detail = detail[:i] + "\n" + panicFrames(detail[i:], 12)
	}
	f.file = writeReplay(t, fmt.Sprintf("seed%d-%s", f.seed, slugOf(f.sig)), f.shrunk, []string{
		f.sig,
		fmt.Sprintf("found by -monkey.seed=%d at action %d of the session (%d of the run); shrunk from %d to %d actions",
			f.seed, f.index, f.total, f.index+1, len(f.shrunk)),
	})
	full := writeReplay(t, fmt.Sprintf("seed%d-%s-full", f.seed, slugOf(f.sig)), f.actions[:f.index+1], []string{f.sig})
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n  seed %d, action %d of the session (%d of the run): %s\n  %s\n",
		f.sig, f.seed, f.index, f.total, f.actions[f.index], strings.ReplaceAll(detail, "\n", "\n  "))
	fmt.Fprintf(&b, "  whole sequence (%d actions): %s\n  shrunk to %d actions: %s\n", f.index+1, full, len(f.shrunk), f.file)
	for _, a := range f.shrunk {
		fmt.Fprintf(&b, "    %s\n", a)
	}
	return b.String()
}

// panicFrames keeps the first n function lines of a stack.
func panicFrames(stack string, n int) string {
	var out []string
	for _, l := range strings.Split(stack, "\n") {
		if strings.HasPrefix(l, "\t") || l == "" || strings.HasPrefix(l, "goroutine") {
			continue
		}
		if strings.HasPrefix(l, "runtime/debug") || strings.HasPrefix(l, "panic(") || strings.HasPrefix(l, "runtime.") {
			continue
		}
		out = append(out, l)
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, "\n")
}

func slugOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// TestMonkey drives the app with seeded random input and checks the
// invariants after every action. A failure names the seed and the action
// and writes the whole sequence, and a shrunk one, as replay files.
func TestMonkey(t *testing.T) {
	plans := defaultPlans
	if *monkeySeed != 0 {
		plans = flagPlans()
	} else if testing.Short() {
		plans = slices.Clone(plans)
		for i := range plans {
			plans[i].actions /= 5
		}
	}
	monkeyHome(t)
	seen := map[string]int{}
	maxMin, grew, quits, total := fyne.Size{}, 0, 0, 0
	var slow []slowStep
	start := time.Now()
	var seeds []uint64
	for _, p := range plans {
		seeds = append(seeds, p.seed)
		found, s := runMonkey(t, p, seen)
		maxMin, grew, quits = maxMin.Max(s.peakMin), grew+s.grew, quits+s.a.quits
		slow = append(slow, s.slow...)
		s.close()
		total += p.actions
		if *monkeySeed != 0 {
			t.Logf("monkey: seed %d: %d actions (%d in all, %v); %d new failures", p.seed, p.actions, total,
				time.Since(start).Round(time.Second), len(found))
		}
		for _, f := range found {
			if k := knownBugFor(f.sig); k != nil && !*monkeyStrict {
				t.Logf("known bug (%s, %s): seed %d action %d: %s", k.about, k.replay, f.seed, f.index, f.sig)
				continue
			}
			t.Errorf("monkey: %s", report(t, f, *monkeyShrink))
		}
	}
	for _, sig := range slices.Sorted(maps.Keys(seen)) {
		t.Logf("monkey: %6d × %s", seen[sig], sig)
	}
	t.Logf("monkey: %d actions over seeds %v in %v; largest minimum size %.0fx%.0f; the window grew %d times; Quit asked %d times",
		total, seeds, time.Since(start).Round(time.Millisecond), maxMin.Width, maxMin.Height, grew, quits)
	slices.SortFunc(slow, func(x, y slowStep) int { return int(y.d - x.d) })
	for _, st := range slow[:min(5, len(slow))] {
		t.Logf("monkey: slow action: %v %.80s (%s)", st.d.Round(time.Millisecond), st.a, st.note)
	}
}

// readReplay reads a replay file: its first line's comment (the failure's
// signature) and its actions.
func readReplay(t testing.TB, path string) (string, []mAction) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	as, err := parseActions(string(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimPrefix(first, "# "), as
}

// TestMonkeyReplay replays -monkey.replay=FILE, reporting every violation
// (with -v, every action).
func TestMonkeyReplay(t *testing.T) {
	if *monkeyReplay == "" {
		t.Skip("no -monkey.replay=FILE")
	}
	_, as := readReplay(t, *monkeyReplay)
	monkeyHome(t)
	s := newSession()
	defer s.close()
	for i, a := range as {
		vs := s.step(a)
		if testing.Verbose() {
			t.Logf("%4d %-50s selected %d, %d results, %q, window %v", i, a, s.u.selected, len(s.u.results), s.u.query, s.w.Canvas().Size())
		}
		for _, v := range vs {
			detail := v.detail
			if strings.HasPrefix(v.sig, "panic") {
				if j := strings.Index(detail, "\ngoroutine "); j >= 0 {
					detail = detail[:j] + "\n" + panicFrames(detail[j:], 16)
				}
			}
			t.Errorf("action %d (%s): %s\n%s", i, a, v.sig, detail)
		}
		if len(vs) > 0 && strings.HasPrefix(vs[0].sig, "panic") {
			return
		}
	}
}

// TestMonkeyShrink shrinks -monkey.replay=FILE, whose first line names the
// failure ("# <signature>"), for -monkey.shrink, and writes the result
// beside the other outputs.
func TestMonkeyShrink(t *testing.T) {
	if *monkeyReplay == "" {
		t.Skip("no -monkey.replay=FILE")
	}
	sig, as := readReplay(t, *monkeyReplay)
	monkeyHome(t)
	if !reproduces(as, sig) {
		t.Fatalf("%s does not fail with %q", *monkeyReplay, sig)
	}
	short := shrink(as, sig, *monkeyShrink)
	name := strings.TrimSuffix(filepath.Base(*monkeyReplay), ".replay")
	path := writeReplay(t, name+"-shrunk", short, []string{sig, fmt.Sprintf("shrunk from %d to %d actions", len(as), len(short))})
	t.Logf("%d actions to %d: %s", len(as), len(short), path)
}

// TestMonkeyReplays replays every file under testdata/monkey: a known bug's
// must still fail with its signature, every other must pass.
func TestMonkeyReplays(t *testing.T) {
	files, _ := filepath.Glob("testdata/monkey/*.replay")
	known := map[string]*knownBug{}
	for i := range knownBugs {
		if known[knownBugs[i].replay] == nil { // the first bug that names it
			known[knownBugs[i].replay] = &knownBugs[i]
		}
	}
	monkeyHome(t)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			_, as := readReplay(t, f)
			if k := known[name]; k != nil {
				if !reproduces(as, k.sig) {
					t.Errorf("known bug %q (%s) no longer happens: remove it from knownBugs in monkey_test.go, "+
						"and %s becomes a regression test", k.sig, k.about, name)
				}
				return
			}
			s := newSession()
			defer s.close()
			for i, a := range as {
				for _, v := range s.step(a) {
					t.Errorf("action %d (%s): %s: %s", i, a, v.sig, firstLine(v.detail))
				}
			}
		})
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// FuzzMonkey lets the fuzzer's bytes choose the actions. A failing input is
// kept by go test under testdata/fuzz; its actions are written as a replay
// file too (the message says where). Go's fuzzer gives an input ten
// seconds before it calls it a hang, so an input is at most fuzzActions
// actions, and while fuzzing no more than fuzzTime of them (the seed
// corpus, run by plain go test, always runs its inputs whole).
const (
	fuzzActions = 60
	fuzzTime    = 3 * time.Second
)

func FuzzMonkey(f *testing.F) {
	for seed := range uint64(4) {
		r := rand64(seed + 100)
		b := make([]byte, 200+seed*100)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		f.Add(b)
	}
	monkeyHome(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		c := &byteChooser{b: b}
		// Not the hostile fixture: an action on it can take seconds.
		p := plan{seed: uint64(c.intn(1 << 16)), stay: *monkeyStay}
		p.data = []string{"embedded", "synthetic:300"}[c.intn(2)]
		g := &generator{c: c, datasets: p.datasetActions(), stay: p.stay}
		s := newSession()
		defer s.close()
		seq := p.startActions()
		for _, a := range seq {
			s.step(a)
		}
		begin, fuzzing := time.Now(), flag.Lookup("test.fuzz").Value.String() != ""
		for !c.done() && len(seq) < fuzzActions && (!fuzzing || time.Since(begin) < fuzzTime) {
			for _, a := range g.next(s) {
				seq = append(seq, a)
				for _, v := range s.step(a) {
					if knownBugFor(v.sig) != nil && !*monkeyStrict {
						if strings.HasPrefix(v.sig, "panic") {
							return
						}
						continue
					}
					path := writeReplay(t, "fuzz-"+slugOf(v.sig), seq, []string{v.sig})
					t.Fatalf("monkey: action %d (%s): %s\n%s\nreplay: go test ./app -run TestMonkeyReplay -monkey.replay=%s",
						len(seq)-1, a, v.sig, firstLine(v.detail), path)
				}
			}
		}
	})
}

// TestMonkeyHeap measures the heap in use after a collection every 1,000
// actions of a long run, at 17 events and at 100,000, and logs the series
// (and writes it as CSV to the output folder).
func TestMonkeyHeap(t *testing.T) {
	if *monkeyHeap == 0 {
		t.Skip("no -monkey.heap=N")
	}
	seed := uint64(1)
	if *monkeySeed != 0 {
		seed = *monkeySeed
	}
	monkeyHome(t)
	for _, p := range []plan{
		{seed: seed, actions: *monkeyHeap, data: "embedded", stay: true},
		{seed: seed, actions: *monkeyHeap, data: "synthetic:100000", stay: true},
	} {
		t.Run(p.data, func(t *testing.T) { heapSeries(t, p) })
	}
}

// cleanFyneCaches, when set (build tag monkeyheap, monkey_cache_test.go),
// drops what Fyne's caches hold for objects not used since before now, less
// Fyne's expiry (a minute).
var cleanFyneCaches func(now time.Time)

// fyneCacheExpiry is how long Fyne keeps a cached renderer, font metric or
// image unused (cache.ValidDuration).
const fyneCacheExpiry = time.Minute

// frame emulates what the GLFW driver does every 1,000 actions, which a
// person would take a quarter of an hour for: it draws what is on screen
// (touching its cache entries) and then cleans the caches, so that all
// else, unused for longer than the expiry, is dropped.
func (s *session) frame() {
	if cleanFyneCaches == nil {
		return
	}
	c := s.w.Canvas()
	huge := fyne.NewSize(1<<30, 1<<30)
	for _, r := range append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...) {
		walkVisible(r, fyne.Position{}, fyne.Position{}, huge, func(visible) {})
	}
	c.Content().Refresh()
	cleanFyneCaches(time.Now().Add(fyneCacheExpiry - time.Second))
}

// heapSeries runs p, measuring every 1,000 actions.
func heapSeries(t *testing.T, p plan) {
	g := &generator{c: rngChooser{rand64(p.seed)}, stay: true}
	start := func() *session {
		s := newSession()
		for _, a := range p.startActions() {
			s.step(a)
		}
		return s
	}
	s, sessions := start(), 1
	defer func() { s.close() }()
	var csv strings.Builder
	csv.WriteString("actions,heap_inuse_mb,heap_alloc_mb,heap_objects,goroutines,events,overlays,windows\n")
	measure := func(done int) {
		s.frame()
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		line := fmt.Sprintf("%d,%.1f,%.1f,%d,%d,%d,%d,%d", done, float64(m.HeapInuse)/(1<<20), float64(m.HeapAlloc)/(1<<20),
			m.HeapObjects, runtime.NumGoroutine(), len(s.u.tl.Events), len(s.w.Canvas().Overlays().List()), sessions)
		csv.WriteString(line + "\n")
		t.Logf("%s: %s", p.data, line)
	}
	measure(0)
	begin := time.Now()
	panics := map[string]int{}
	for done := 0; done < p.actions; {
		for _, a := range g.next(s) {
			vs := s.step(a)
			done++
			if len(vs) > 0 && strings.HasPrefix(vs[0].sig, "panic") {
				// The window may be broken: go on in a new one, as the
				// person would after a crash, and say so.
				panics[vs[0].sig]++
				s.close()
				s, sessions = start(), sessions+1
			}
			if done%1000 == 0 {
				measure(done)
			}
		}
	}
	t.Logf("%s: %d actions in %v; Fyne's caches cleaned as the driver would: %v; panics (a new window after each): %v",
		p.data, p.actions, time.Since(begin).Round(time.Second), cleanFyneCaches != nil, panics)
	writeText(t, "heap-"+slugOf(p.data)+".csv", csv.String())
}

// writeText writes a file beside the replays.
func writeText(t testing.TB, name, text string) {
	writeReplay(t, "x", nil, nil) // makes the folder
	_ = os.Remove(filepath.Join(outDir, "x.replay"))
	path := filepath.Join(outDir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Log(err)
		return
	}
	t.Logf("series written to %s", path)
}
