package app

// A monkey session (one app, one window) and the invariants checked after
// every action.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// maxScreen is the largest screen the app must fit: its window's minimum
// size may not pass it.
var maxScreen = fyne.NewSize(2560, 1600)

// oracleLimit is the largest data set whose results are checked against a
// fresh search after every action (the check builds an index of its own).
const oracleLimit = 5000

// session is one app and window driven by the monkey.
type session struct {
	a    *monkeyApp
	u    *UI
	w    fyne.Window
	in   *input
	home string

	screen   fyne.Size // the monitor, for fullscreen
	windowed fyne.Size // the window's size before it went fullscreen
	wasFull  bool
	maxMin   fyne.Size // the largest minimum size the content asked for, since last reported
	peakMin  fyne.Size // and over the whole session
	grew     int       // times the window had to grow to its content's minimum

	oracle map[*data.Timeline]*data.Index
	mins   map[fyne.CanvasObject]fyne.Size // minimum sizes at the last frame
	slow   []slowStep                      // the slowest actions, slowest first
}

// newSession opens the app on the built-in data in a new test app, with a
// HOME of its own (so that files one session exports never show in the
// next one's file dialogs).
func newSession() *session {
	home, err := sessionHome()
	if err != nil {
		panic(err)
	}
	os.Setenv("HOME", home)
	a := newMonkeyApp(home)
	tl, err := data.Default()
	if err != nil {
		panic(err)
	}
	u := New(a, tl)
	s := &session{a: a, u: u, w: u.Window(), home: home, screen: fyne.NewSize(1920, 1080),
		oracle: map[*data.Timeline]*data.Index{}}
	s.in = &input{a: a, w: s.w}
	s.u.settle()
	s.driverAfter()
	return s
}

// sessionHome makes a sandbox HOME holding the files the monkey may open
// through the file dialog. Its path is always as long, with digits where
// homes differ, so that a file dialog lays out alike in every session and
// a replay's clicks land alike.
func sessionHome() (string, error) {
	for {
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("monkey-%010d", rand.Uint32()))
		if err := os.Mkdir(dir, 0o700); errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", err
		}
		home := filepath.Join(dir, "home")
		if err := os.Mkdir(home, 0o700); err != nil {
			return "", err
		}
		return sandboxHome(home, monkeyFiles...)
	}
}

// close ends the session, running what its goroutines left queued.
func (s *session) close() {
	func() {
		defer func() { _ = recover() }()
		s.u.settle()
	}()
	s.w.Close()
	os.RemoveAll(filepath.Dir(s.home))
}

// violation is an invariant that failed: its name (with a detail that
// tells failures of one kind apart, e.g. the panicking function) and what
// was seen.
type violation struct {
	sig    string // what identifies the defect: "panic: … @ widgets.fitPrefix"
	detail string
}

// step performs a, lets the window react as the GLFW driver would, waits
// for what a started (unless a.async), and checks every invariant.
func (s *session) step(a mAction) (vs []violation) {
	before := s.observe()
	start := time.Now()
	func() {
		defer func() {
			if r := recover(); r != nil {
				vs = append(vs, panicViolation(r, debug.Stack()))
			}
		}()
		s.do(a)
		s.driverAfter()
		if a.async {
			// Let the goroutines finish but keep what they hand back
			// queued: it reaches the window with a later action.
			s.u.searching.Wait()
			s.u.opening.Wait()
			s.u.drawing.Wait()
		} else {
			s.u.settle()
		}
		s.driverAfter()
	}()
	s.noteTime(a, time.Since(start), fmt.Sprintf("%d events, dialog %q", len(s.u.tl.Events), before.title))
	if len(vs) > 0 {
		return vs
	}
	return s.check(a, before)
}

// slowStep is an action and how long it took, waiting included.
type slowStep struct {
	a    mAction
	d    time.Duration
	note string // the data set and the dialog on top, before the action
}

// noteTime keeps the five slowest actions.
func (s *session) noteTime(a mAction, d time.Duration, note string) {
	if len(s.slow) == 5 && d <= s.slow[4].d {
		return
	}
	s.slow = append(s.slow, slowStep{a, d, note})
	slices.SortFunc(s.slow, func(x, y slowStep) int { return int(y.d - x.d) })
	s.slow = s.slow[:min(5, len(s.slow))]
}

// driverAfter does what the GLFW driver does between frames: a window
// gone fullscreen fills the screen (and gets its size back after), and a
// window smaller than its content's minimum size grows to it.
func (s *session) driverAfter() {
	c := s.w.Canvas()
	full := s.w.FullScreen()
	switch {
	case full && !s.wasFull:
		s.windowed = c.Size()
		s.w.Resize(s.screen)
	case !full && s.wasFull:
		if s.windowed.Width > 0 {
			s.w.Resize(s.windowed)
		}
	}
	s.wasFull = full
	content := c.Content()
	if content == nil {
		return
	}
	s.ensureMinSize(append([]fyne.CanvasObject{content}, c.Overlays().List()...))
	m := content.MinSize()
	if p, ok := c.(interface{ Padded() bool }); ok && p.Padded() {
		m = m.Add(fyne.NewSquareSize(2 * theme.Padding()))
	}
	s.maxMin = s.maxMin.Max(m)
	s.peakMin = s.peakMin.Max(m)
	// The window grows to its content's minimum size, but no further than
	// the screen: a window manager keeps it there (and the content is laid
	// out smaller than its minimum, as in fullscreen).
	size := c.Size()
	if grown := size.Max(m).Min(s.screen.Max(size)); !full && grown != size {
		s.grew++
		s.w.Resize(grown)
	}
}

// ensureMinSize lays out again every container one of whose children
// changed its minimum size since the last frame, as the GLFW driver does
// before it draws (internal/driver/common/canvas.go, EnsureMinSize); the
// test canvas does not, so that, say, a filter group that opens would not
// push the result list down.
func (s *session) ensureMinSize(roots []fyne.CanvasObject) {
	mins := make(map[fyne.CanvasObject]fyne.Size, len(s.mins))
	var visit func(o fyne.CanvasObject) bool
	visit = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		changed := false
		for _, k := range children(o) {
			if visit(k) {
				changed = true
			}
		}
		if changed {
			relayout(o)
		}
		m := o.MinSize()
		mins[o] = m
		old, ok := s.mins[o]
		return !ok || old != m
	}
	for _, r := range roots {
		if visit(r) {
			r.Resize(r.Size())
			relayout(r)
		}
	}
	s.mins = mins
}

// observed is what the checks compare an action's effect with.
type observed struct {
	top   fyne.CanvasObject
	title string // the top dialog's title
	n     int    // overlays
	focus fyne.Focusable
}

func (s *session) observe() observed {
	c := s.w.Canvas()
	top := c.Overlays().Top()
	return observed{top: top, title: overlayTitle(top), n: len(c.Overlays().List()), focus: c.Focused()}
}

// overlayTitle is an overlay's title: its first bold label (a dialog's
// title), else its first label, cut to 60 characters.
func overlayTitle(o fyne.CanvasObject) string {
	if o == nil {
		return ""
	}
	title, bold := "", ""
	huge := fyne.NewSize(1<<30, 1<<30)
	walkVisible(o, fyne.Position{}, fyne.Position{}, huge, func(v visible) {
		if l, ok := v.obj.(*widget.Label); ok && l.Text != "" {
			if title == "" {
				title = l.Text
			}
			if bold == "" && l.TextStyle.Bold {
				bold = l.Text
			}
		}
	})
	if bold != "" {
		title = bold
	}
	if rs := []rune(title); len(rs) > 60 {
		title = string(rs[:59]) + "…"
	}
	return title
}

// isDialog tells a dialog (a modal pop-up holding buttons) from a pop-up
// menu, which needs no Escape of its own.
func isDialog(o fyne.CanvasObject) bool {
	p, ok := o.(*widget.PopUp)
	return ok && p.Content != nil && fmt.Sprintf("%T", p.Content) != "*widget.Menu"
}

var countLabel = regexp.MustCompile(`^(\d+) of (\d+) events$`)

// check tests every invariant after action a; before is what was seen
// before it.
func (s *session) check(a mAction, before observed) []violation {
	var vs []violation
	fail := func(sig, format string, args ...any) {
		vs = append(vs, violation{sig: sig, detail: fmt.Sprintf(format, args...)})
	}
	u := s.u
	c := s.w.Canvas()
	n := len(u.tl.Events)
	settled := len(testQueue.fs) == 0

	if u.selected < -1 || u.selected >= n {
		fail("selection out of range", "selected %d of %d events", u.selected, n)
		return vs // the rest would index with it
	}
	// The card and the timeline follow the selection once per frame
	// (redraw): until the queued redraw has run, they show the one before.
	if settled && u.staleSelection {
		fail("a redraw was lost", "nothing is queued, yet the widgets do not show the selection %d", u.selected)
	}
	if !u.presenting && !u.staleSelection {
		if u.card.Index() != u.selected {
			fail("card does not show the selected event", "card shows %d, selected %d", u.card.Index(), u.selected)
		}
		if u.timeline.Selected() != u.selected {
			fail("timeline does not show the selected event", "timeline %d, selected %d", u.timeline.Selected(), u.selected)
		}
	}

	// The results, the list and the count.
	seen := make(map[int]bool, len(u.results))
	for r, m := range u.results {
		if m.Event < 0 || m.Event >= n {
			fail("result refers to no event", "result %d is event %d of %d", r, m.Event, n)
			return vs
		}
		if seen[m.Event] {
			fail("event listed twice", "event %d appears twice in the results", m.Event)
		}
		seen[m.Event] = true
	}
	if l := u.list.Length(); l != len(u.results) {
		fail("list length differs from results", "list %d rows, %d results", l, len(u.results))
	}
	if len(u.results) > 0 {
		want := fmt.Sprintf("%d of %d events", len(u.results), n)
		if u.count.Text != want {
			fail("count label wrong", "count %q, want %q", u.count.Text, want)
		}
	} else if countLabel.MatchString(u.count.Text) {
		fail("count label wrong", "count %q with no results", u.count.Text)
	}
	if u.search.Text != u.query {
		fail("query differs from the search field", "field %q, query %q", u.search.Text, u.query)
	}
	if settled {
		s.checkSettled(fail)
	}

	// The window.
	if s.maxMin.Width > maxScreen.Width || s.maxMin.Height > maxScreen.Height {
		fail("window minimum size exceeds the screen", "content asks for at least %.0fx%.0f (screen %.0fx%.0f)",
			s.maxMin.Width, s.maxMin.Height, maxScreen.Width, maxScreen.Height)
		s.maxMin = fyne.Size{} // report each growth once
	}
	if t := s.w.Title(); t != u.windowTitle() {
		fail("window title wrong", "title %q, want %q", t, u.windowTitle())
	}
	checkRange := func(which string, from, to time.Time) {
		y0, y1 := from.Year(), to.Year()
		if !from.Before(to) || y0 < -1e9 || y1 > 1e9 {
			fail("timeline range broken", "%s shows %v to %v", which, from, to)
		}
	}
	from, to := u.timeline.VisibleRange()
	checkRange("the timeline", from, to)

	// Presentation mode.
	p := u.pres
	slide := p != nil && c.Content() == p.view
	_, anySlide := c.Content().(*slideView) // this presentation's or an older one's
	if u.presenting != slide || u.presenting != anySlide || u.presenting != s.w.FullScreen() || u.presenting != (s.w.MainMenu() == nil) {
		fail("presentation state inconsistent", "presenting %v, its slide shown %v, a slide shown %v, fullscreen %v, menu %v",
			u.presenting, slide, anySlide, s.w.FullScreen(), s.w.MainMenu() != nil)
	}
	if u.presenting && p != nil {
		from, to := p.timeline.VisibleRange()
		checkRange("the slide's timeline", from, to)
		if p.tl != u.tl {
			fail("slide shows another data set", "the slide has %q (%d events), the window %q (%d events)",
				p.tl.Title, len(p.tl.Events), u.tl.Title, n)
		} else {
			order := u.stepOrder()
			want := ""
			if k, ok := slices.BinarySearch(order, p.current); ok && p.current >= 0 {
				want = fmt.Sprintf("%d / %d", k+1, len(order))
			}
			if p.progress.Text != want {
				fail("presentation progress wrong", "progress %q, want %q (event %d)", p.progress.Text, want, p.current)
			}
			if p.current >= n || p.current < -1 {
				fail("presented event out of range", "presenting %d of %d", p.current, n)
			} else if p.current >= 0 && p.card.Index() != p.current {
				fail("slide card does not show the presented event", "card %d, presented %d", p.card.Index(), p.current)
			}
		}
		if len(c.Overlays().List()) > 0 {
			fail("dialog over the slide", "%q is open in presentation mode", overlayTitle(c.Overlays().Top()))
		}
	}

	// Keyboard focus and dialogs.
	s.checkFocus(a, before, fail)
	after := s.observe()
	if a.op == "key" && a.key == fyne.KeyEscape && a.mods == 0 && isDialog(before.top) && after.top == before.top {
		fail("Escape does not close the dialog", "%q stays open after Escape", before.title)
	}
	titles := map[string]int{}
	for _, o := range c.Overlays().List() {
		if t := overlayTitle(o); t != "" {
			titles[t]++
			if titles[t] == 2 {
				fail(fmt.Sprintf("the same dialog is open twice: %q", t), "%q is open twice", t)
			}
		}
	}
	return vs
}

// checkSettled checks what holds once every search and load has finished.
func (s *session) checkSettled(fail func(sig, format string, args ...any)) {
	u := s.u
	n := len(u.tl.Events)
	if u.filter.IsZero() == u.clearFilters.Visible() {
		fail("Clear filters shown wrongly", "filters set %v, button shown %v", !u.filter.IsZero(), u.clearFilters.Visible())
	}
	dim := len(u.results) < n
	in := make(map[int]bool, len(u.results))
	for _, m := range u.results {
		in[m.Event] = true
	}
	for i := 0; i < n; i++ {
		if u.timeline.Dimmed(i) != (dim && !in[i]) {
			fail("timeline dimming differs from the results", "event %d dimmed %v, in results %v", i, u.timeline.Dimmed(i), in[i])
			break
		}
	}
	if n > oracleLimit {
		return
	}
	ix := s.oracle[u.tl]
	if ix == nil {
		ix = data.NewIndex(u.tl)
		s.oracle[u.tl] = ix
	}
	want, err := ix.SearchContext(context.Background(), u.query, u.filter.Filter)
	if err != nil {
		return
	}
	if !sameEvents(want, u.results) {
		fail("results differ from a fresh search", "query %q: shown %s, a fresh search finds %s",
			u.query, eventList(u.results), eventList(want))
	}
}

func sameEvents(a, b []data.Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Event != b[i].Event {
			return false
		}
	}
	return true
}

func eventList(ms []data.Match) string {
	var b strings.Builder
	for i, m := range ms {
		if i == 8 {
			fmt.Fprintf(&b, " … (%d)", len(ms))
			break
		}
		fmt.Fprintf(&b, " %d", m.Event)
	}
	return "[" + strings.TrimSpace(b.String()) + "]"
}

// checkFocus checks that the keyboard focus is where the app's keys can
// work: a click moves it only to the search field, into a dialog, or to a
// widget that hands the window's keys to the app (keyForwarder), and
// there the keys must work (probeKeys); Tab may put it anywhere, as the
// person asked. And it is never on a widget that is not on screen.
func (s *session) checkFocus(a mAction, before observed, fail func(sig, format string, args ...any)) {
	c := s.w.Canvas()
	f := c.Focused()
	if f == nil {
		return
	}
	onScreen, inOverlay := false, false
	huge := fyne.NewSize(1<<30, 1<<30)
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for i, r := range roots {
		walkVisible(r, fyne.Position{}, fyne.Position{}, huge, func(v visible) {
			if v.obj == f.(fyne.CanvasObject) {
				onScreen = true
				inOverlay = i > 0
			}
		})
	}
	if !onScreen {
		fail(fmt.Sprintf("keyboard focus on a hidden %T", f), "the focused %T is not on screen: keys go nowhere", f)
		return
	}
	if (a.op != "click" && a.op != "dclick") || f == before.focus || c.Overlays().Top() != before.top ||
		inOverlay || f == fyne.Focusable(s.u.search) {
		return
	}
	if _, ok := f.(keyForwarder); !ok {
		fail(fmt.Sprintf("click puts keyboard focus on %T", f),
			"after %s the focus is on a %T: the window's keys (arrows, F1, F5) no longer reach the app", a, f)
		return
	}
	if msg := s.probeKeys(); msg != "" {
		fail(fmt.Sprintf("keys lost after a click on %T", f), "after %s the focus is on a %T: %s", a, f, msg)
	}
}

// probeKeys presses Right, then Left, as GLFW delivers them (to the focused
// widget), and reports what went wrong: the selection must move one event
// on and come back (Left, then Right, from the last event). With nothing
// selected, Right selects the first event, which stays selected: the
// probe then changes what the window shows, as the person's Right would.
// Outside presentation mode only; with fewer than two events nothing can
// move.
func (s *session) probeKeys() string {
	u := s.u
	n := len(u.tl.Events)
	if u.presenting || n < 2 {
		return ""
	}
	// The keys change the selection at once; the widgets follow with the
	// next frame (the queued redraw runs with the next action), so that a
	// search or load left running by an action with & still races the
	// next one.
	press := func(k fyne.KeyName) { s.in.key(k, 0, 0) }
	sel := u.selected
	if sel < 0 {
		press(fyne.KeyRight)
		if u.selected != 0 {
			return fmt.Sprintf("Right with nothing selected selects %d, not the first event", u.selected)
		}
		return ""
	}
	there, back, d := fyne.KeyRight, fyne.KeyLeft, 1
	if sel == n-1 {
		there, back, d = back, there, -1
	}
	press(there)
	if u.selected != sel+d {
		return fmt.Sprintf("%s moves the selection from %d to %d, not %d", there, sel, u.selected, sel+d)
	}
	press(back)
	if u.selected != sel {
		return fmt.Sprintf("%s moves the selection from %d to %d, not back to %d", back, sel+d, u.selected, sel)
	}
	return ""
}

var digits = regexp.MustCompile(`[0-9]+`)

// panicViolation names a panic by its message (numbers left out) and the
// innermost function of the project's own code where it happened (else
// Fyne's).
func panicViolation(r any, stack []byte) violation {
	msg := fmt.Sprint(r)
	type frame struct{ fn, file string }
	var frames []frame
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i+1], "\t") {
			frames = append(frames, frame{lines[i], strings.TrimSpace(lines[i+1])})
			i++
		}
	}
	// The stack starts in the recovering function: skip to the panic.
	for i, f := range frames {
		if strings.HasPrefix(f.fn, "panic(") {
			frames = frames[i+1:]
			break
		}
	}
	// The panic's place: the innermost frame in the project's code or in
	// Fyne's (a panic inside Fyne is Fyne's place, whichever of the app's
	// paths reached it); the app's own frame, when another, goes in the
	// detail.
	where, app := "", ""
	for _, f := range frames {
		if strings.Contains(f.file, "_test.go") {
			continue
		}
		fn := f.fn
		if i := strings.LastIndex(fn, "("); i > 0 {
			fn = fn[:i]
		}
		if where == "" && (strings.HasPrefix(fn, "trumpkim/") || strings.HasPrefix(fn, "fyne.io/")) {
			where = fn
		}
		if app == "" && strings.HasPrefix(fn, "trumpkim/") {
			app = fn
		}
	}
	first, _, _ := strings.Cut(msg, "\n")
	if app != "" && app != where {
		msg += " (reached from " + app + ")"
	}
	return violation{
		sig:    "panic: " + digits.ReplaceAllString(first, "N") + " @ " + where,
		detail: msg + "\n" + string(stack),
	}
}
