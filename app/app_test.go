package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets"
)

func newTestUI(t *testing.T) *UI {
	t.Helper()
	tl, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), tl)
	u.Window().Resize(DefaultSize)
	t.Cleanup(u.Window().Close)
	queueHandBacks(u)
	return u
}

// testQueue holds what the app's goroutines hand back to the UI goroutine;
// settle runs it on the test's goroutine, the way the driver's event loop
// runs fyne.Do functions: one at a time, in the order they arrive.
var testQueue struct {
	sync.Mutex
	fs []func()
}

func TestMain(m *testing.M) {
	handBack = func(f func()) {
		testQueue.Lock()
		testQueue.fs = append(testQueue.fs, f)
		testQueue.Unlock()
	}
	drainHandBacks = func() bool {
		testQueue.Lock()
		fs := testQueue.fs
		testQueue.fs = nil
		testQueue.Unlock()
		for _, f := range fs {
			f()
		}
		return len(fs) > 0
	}
	os.Exit(m.Run())
}

// queueHandBacks lets the search that New started finish.
func queueHandBacks(u *UI) { u.settle() }

// key sends a key press the way the driver does: to the focused widget,
// else to the canvas.
func key(u *UI, name fyne.KeyName) {
	c := u.Window().Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// typeRune sends a character the way the driver does.
func typeRune(u *UI, r rune) {
	c := u.Window().Canvas()
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
		return
	}
	c.OnTypedRune()(r)
}

func TestOpensWithEverythingListed(t *testing.T) {
	u := newTestUI(t)
	if got := len(u.Results()); got != 17 {
		t.Fatalf("results = %d, want all 17 events", got)
	}
	if got := u.count.Text; got != "17 of 17 events" {
		t.Errorf("count = %q", got)
	}
	if u.Selected() != -1 || u.card.Title() != "" {
		t.Errorf("nothing should be selected on open, got %d %q", u.Selected(), u.card.Title())
	}
	if got := u.Window().Title(); got != "Trump–Kim Letters" {
		t.Errorf("window title = %q", got)
	}
}

func TestArrowKeysStepThroughEvents(t *testing.T) {
	u := newTestUI(t)
	steps := []struct {
		key  fyne.KeyName
		want string // event id
	}{
		{fyne.KeyRight, "summit-cancelled"},
		{fyne.KeyRight, "oversized-envelope"},
		{fyne.KeyLeft, "summit-cancelled"},
		{fyne.KeyLeft, "summit-cancelled"}, // stays at the first
		{fyne.KeyEnd, "rage-published"},
		{fyne.KeyRight, "rage-published"}, // stays at the last
		{fyne.KeyHome, "summit-cancelled"},
	}
	for i, s := range steps {
		key(u, s.key)
		u.settle() // a frame: the widgets follow the selection
		if got := u.tl.Events[u.Selected()].ID; got != s.want {
			t.Fatalf("step %d (%s): selected %q, want %q", i, s.key, got, s.want)
		}
		if u.card.Title() != u.tl.Events[u.Selected()].Title {
			t.Fatalf("step %d: card shows %q", i, u.card.Title())
		}
		if u.timeline.Selected() != u.Selected() {
			t.Fatalf("step %d: timeline selected %d, app %d", i, u.timeline.Selected(), u.Selected())
		}
	}
}

// TestHomeAndEndFromTheStoryCard: with nothing selected yet (the story card
// the window opens on), End shows the last event and Home the first, as
// the keys say; Right shows the first and Left the last. End showed the
// first event, and Home the last.
func TestHomeAndEndFromTheStoryCard(t *testing.T) {
	for _, s := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyEnd, "rage-published"}, {fyne.KeyHome, "summit-cancelled"},
		{fyne.KeyRight, "summit-cancelled"}, {fyne.KeyLeft, "rage-published"},
	} {
		u := newTestUI(t)
		if u.Selected() != -1 {
			t.Fatalf("the window opens with event %d selected", u.Selected())
		}
		key(u, s.key)
		u.settle()
		if i := u.Selected(); i < 0 || u.tl.Events[i].ID != s.want {
			t.Errorf("%s from the story card: selected %d, want %q", s.key, i, s.want)
		}
	}
}

// TestKeyBurstDrawsOnce sends keys faster than frames come, as the driver
// delivers a burst: every key moves the selection, so the next one steps
// from it, but the card and the list are drawn once, for the last.
func TestKeyBurstDrawsOnce(t *testing.T) {
	u := newTestUI(t)
	key(u, fyne.KeyRight)
	u.settle()
	first := u.card.Index()
	rebuilt := 0
	for range 5 {
		key(u, fyne.KeyRight)
		if u.card.Index() != first {
			rebuilt++
		}
	}
	if got := u.tl.Events[u.Selected()].ID; got != u.tl.Events[5].ID {
		t.Fatalf("after 6 Rights: selected %q, want the sixth event %q", got, u.tl.Events[5].ID)
	}
	if rebuilt > 0 {
		t.Errorf("the card was filled on %d of 5 keys of a burst, want none until the frame", rebuilt)
	}
	u.settle()
	if u.card.Index() != 5 || u.timeline.Selected() != 5 || u.cursor != 5 {
		t.Fatalf("after the frame: card %d, timeline %d, row %d, want 5", u.card.Index(), u.timeline.Selected(), u.cursor)
	}
}

func TestTypingNarrowsListAndDimsTimeline(t *testing.T) {
	u := newTestUI(t)
	u.FocusSearch()
	test.Type(u.search, "stockholm")
	u.settle()
	if u.Query() != "stockholm" {
		t.Fatalf("query = %q", u.Query())
	}
	r := u.Results()
	if len(r) == 0 || u.tl.Events[r[0].Event].ID != "stockholm-talks" {
		t.Fatalf("stockholm: results %v", r)
	}
	if len(r) >= 17 {
		t.Fatalf("the list did not narrow: %d results", len(r))
	}
	if !strings.HasPrefix(u.count.Text, "1 of 17") && !strings.Contains(u.count.Text, " of 17") {
		t.Errorf("count = %q", u.count.Text)
	}
	match := map[int]bool{}
	for _, m := range r {
		match[m.Event] = true
	}
	for i := range u.tl.Events {
		if u.timeline.Dimmed(i) == match[i] {
			t.Errorf("event %s: dimmed=%v but match=%v", u.tl.Events[i].ID, u.timeline.Dimmed(i), match[i])
		}
	}

	// Escape clears the search and undims everything.
	key(u, fyne.KeyEscape)
	u.settle()
	if u.Query() != "" || len(u.Results()) != 17 {
		t.Fatalf("after Escape: query %q, %d results", u.Query(), len(u.Results()))
	}
	for i := range u.tl.Events {
		if u.timeline.Dimmed(i) {
			t.Fatalf("event %d still dimmed after Escape", i)
		}
	}
}

func TestNoMatchSaysSo(t *testing.T) {
	u := newTestUI(t)
	u.search.SetText("olympics")
	u.settle()
	if len(u.Results()) != 0 {
		t.Fatalf("olympics: %d results", len(u.Results()))
	}
	if !strings.Contains(u.count.Text, "Nothing matches “olympics”") {
		t.Errorf("count = %q", u.count.Text)
	}
}

func TestSearchKeys(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != u.search {
		t.Fatalf("Ctrl+F: focus on %T", c.Focused())
	}
	test.Type(u.search, "nice")
	u.settle()
	first, second := u.Results()[0].Event, u.Results()[1].Event

	// Enter opens the top result and gives the keys back to the timeline.
	key(u, fyne.KeyReturn)
	if u.Selected() != first {
		t.Fatalf("Enter selected %d, want top result %d", u.Selected(), first)
	}
	if c.Focused() != nil {
		t.Fatalf("after Enter the search keeps the focus")
	}

	// "/" focuses the search again; the highlight is on the open event's
	// row, so Down moves to the second result.
	typeRune(u, '/')
	if c.Focused() != u.search {
		t.Fatalf("/: focus on %T", c.Focused())
	}
	key(u, fyne.KeyDown)
	if u.Selected() != second {
		t.Fatalf("Down: selected %d, want second result %d", u.Selected(), second)
	}
	key(u, fyne.KeyUp)
	if u.Selected() != first {
		t.Fatalf("Up: selected %d, want first result %d", u.Selected(), first)
	}
}

func TestChoosingAResultSelectsEverywhere(t *testing.T) {
	u := newTestUI(t)
	u.search.SetText("dmz")
	u.settle()
	u.list.Select(0)
	u.settle()
	want := u.Results()[0].Event
	if u.Selected() != want || u.timeline.Selected() != want || u.card.Index() != want {
		t.Fatalf("selected app=%d timeline=%d card=%d, want %d", u.Selected(), u.timeline.Selected(), u.card.Index(), want)
	}
}

func TestTimelineTapSelectsAndFillsCard(t *testing.T) {
	u := newTestUI(t)
	i := u.tl.Index("hanoi-summit")
	u.timeline.OnSelected(i) // what a tap on the marker reports; the widget's own tests tap for real
	u.settle()
	if u.Selected() != i || u.card.Title() != u.tl.Events[i].Title {
		t.Fatalf("selected %d card %q", u.Selected(), u.card.Title())
	}
}

func TestRelatedLinkAndCardButtons(t *testing.T) {
	u := newTestUI(t)
	u.Select(u.tl.Index("nice-note-claim"))
	u.card.OnRelated(u.tl.Index("nice-note-denial"))
	if got := u.tl.Events[u.Selected()].ID; got != "nice-note-denial" {
		t.Fatalf("related: selected %q", got)
	}
	u.card.OnPrevious()
	if got := u.tl.Events[u.Selected()].ID; got != "nice-note-claim" {
		t.Fatalf("previous: selected %q", got)
	}
}

// TestTypingFastEndsWithTheLastQuery types a query letter by letter without
// waiting, lets the searches finish in whatever order, and checks that the
// list shows the results of the last query, not of an older one.
func TestTypingFastEndsWithTheLastQuery(t *testing.T) {
	u := newTestUI(t)
	u.FocusSearch()
	for _, q := range []string{"stockholm", "birthday", "dmz"} {
		u.search.SetText("")
		test.Type(u.search, q)
		u.settle()
		r := u.Results()
		want := map[string]string{"stockholm": "stockholm-talks", "birthday": "birthday-message", "dmz": "dmz-meeting"}[q]
		if len(r) == 0 || u.tl.Events[r[0].Event].ID != want {
			t.Fatalf("%q: top result %v, want %s", q, r, want)
		}
		for _, m := range r {
			if m.Event == u.tl.Index("hanoi-summit") {
				t.Fatalf("%q: an older query's result (hanoi) is listed", q)
			}
		}
	}
	// Results that arrive in reverse order: only the newest is shown.
	u.search.SetText("hanoi")
	u.search.SetText("stockholm")
	u.searching.Wait()
	q := testQueue.fs
	q[0], q[len(q)-1] = q[len(q)-1], q[0]
	u.settle()
	if r := u.Results(); len(r) == 0 || u.tl.Events[r[0].Event].ID != "stockholm-talks" {
		t.Fatalf("out of order: top result %v", r)
	}
}

func TestFiltersNarrowAndCount(t *testing.T) {
	u := newTestUI(t)
	if got := u.filterPanel.kinds[data.KindLetter].Text; got != "Letter (8)" {
		t.Errorf("letter toggle %q, want the article's 8 letters", got)
	}
	u.setKindFilter(data.KindMeeting, true)
	u.settle()
	if n := len(u.Results()); n != 3 {
		t.Fatalf("meetings: %d results", n)
	}
	if !u.timeline.Dimmed(u.tl.Index("summit-cancelled")) || u.timeline.Dimmed(u.tl.Index("hanoi-summit")) {
		t.Error("the timeline does not follow the filter")
	}
	u.search.SetText("stockholm")
	u.settle()
	if len(u.Results()) != 0 || !strings.Contains(u.count.Text, "with these filters") || u.clearFilters.Hidden {
		t.Fatalf("no result under a filter: %d results, %q, clear button hidden %v", len(u.Results()), u.count.Text, u.clearFilters.Hidden)
	}
	test.Tap(u.clearFilters)
	u.settle()
	if r := u.Results(); len(r) == 0 || u.tl.Events[r[0].Event].ID != "stockholm-talks" {
		t.Fatalf("after clearing filters: %v", r)
	}
	if !u.clearFilters.Hidden {
		t.Error("clear button still shown")
	}
}

// TestLargestTextFitsTheScreen sets the largest text size and checks that
// the window's content fits a 1280x800 screen without scrolling as a
// whole (the sidebar's head scrolls instead, and the list keeps its share),
// and that the window as a whole can shrink to any screen.
func TestLargestTextFitsTheScreen(t *testing.T) {
	u := newTestUI(t)
	u.SetTextScale(MaxTextScale)
	u.settle()
	screen := fyne.NewSize(1280, 700) // less the menu bar, about 70 high at this text size
	if got := u.split.MinSize(); got.Width > screen.Width || got.Height > screen.Height {
		t.Errorf("at text scale %v the window needs %v, more than a 1280x800 screen gives it (%v)", MaxTextScale, got, screen)
	}
	if got := u.Window().Content().MinSize(); got.Width > 320 || got.Height > 240 {
		t.Errorf("the window cannot shrink below %v", got)
	}
	u.Window().Resize(fyne.NewSize(1280, 800))
	side := u.split.Leading.(*fyne.Container)
	if list := u.list.Size().Height; list < 0.35*side.Size().Height {
		t.Errorf("the result list has %v of the sidebar's %v", list, side.Size().Height)
	}
}

// The window opens on the story card; Right shows the first event's card;
// Go > Overview goes back to the story, which follows the search.
func TestWindowOpensOnTheStoryCard(t *testing.T) {
	u := newTestUI(t)
	u.settle()
	if !u.story.Visible() || u.card.Visible() {
		t.Fatal("the window does not open on the story card")
	}
	u.windowKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	u.settle()
	if u.story.Visible() || !u.card.Visible() || u.card.Index() != 0 {
		t.Fatalf("Right: story %v, card %v at %d", u.story.Visible(), u.card.Visible(), u.card.Index())
	}
	u.ShowOverview()
	if !u.story.Visible() || u.card.Visible() || u.Selected() != -1 || u.timeline.Selected() != -1 {
		t.Fatal("Overview did not go back to the story card with nothing selected")
	}
	u.windowKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	u.settle()
	if u.card.Index() != 0 {
		t.Errorf("Right after Overview shows event %d, want the first", u.card.Index())
	}
	u.ShowOverview()
	test.Type(u.search, "hanoi")
	u.settle()
	if got := u.story.String(); !strings.Contains(got, "1 of 17 events") || !strings.Contains(got, "1 meeting") {
		t.Errorf("the story card does not follow the search:\n%s", got)
	}
}

// drainHandBacks runs what the tests' handBack queued and reports whether
// there was anything.
var drainHandBacks func() bool

// settle waits for the searches, file loads, redraws and saves under way
// and runs what they hand back, as the driver's event loop would.
func (u *UI) settle() {
	for {
		u.searching.Wait()
		u.opening.Wait()
		u.drawing.Wait()
		u.saving.Wait()
		if drainHandBacks == nil || !drainHandBacks() {
			return
		}
	}
}

// An imported timeline's groups get their own filter section, which
// narrows the list and counts like the others; the article, without
// groups, has none.
func TestGroupFiltersNarrowAnImportedFile(t *testing.T) {
	u := newTestUI(t)
	for _, it := range u.filterPanel.accordion.Items {
		if it.Title == "Filter by group" {
			t.Error("the article has a group filter")
		}
	}
	u.OpenFile(filepath.Join(fixtures, "timekeeping.json"))
	u.settle()
	var section *widget.AccordionItem
	for _, it := range u.filterPanel.accordion.Items {
		if it.Title == "Filter by group" {
			section = it
		}
	}
	if section == nil || len(u.filterPanel.groups) < 2 {
		t.Fatalf("no group filter for the imported file: %v", u.filterPanel.groups)
	}
	clocks := u.filterPanel.groups["Clocks"]
	n := 0
	for _, e := range u.tl.Events {
		if e.Group == "Clocks" {
			n++
		}
	}
	if want := fmt.Sprintf("Clocks (%d)", n); clocks.Text != want {
		t.Errorf("toggle %q, want %q", clocks.Text, want)
	}
	test.Tap(clocks)
	u.settle()
	if len(u.Results()) != n {
		t.Fatalf("%d results with Clocks ticked, want %d", len(u.Results()), n)
	}
	for _, m := range u.Results() {
		if g := u.tl.Events[m.Event].Group; g != "Clocks" {
			t.Errorf("%s (%q) passes the Clocks filter", u.tl.Events[m.Event].ID, g)
		}
	}
	u.ClearFilters()
	u.settle()
	if len(u.Results()) != len(u.tl.Events) || clocks.Checked {
		t.Errorf("clearing the filters left %d of %d, Clocks ticked %v", len(u.Results()), len(u.tl.Events), clocks.Checked)
	}
}

// A button that hides never keeps the keyboard focus (the monkey found
// both): Clear filters pressed with Space from the keyboard, and the card's
// Next button when Go > Overview puts the story card in its place.
func TestHiddenButtonsGiveUpTheFocus(t *testing.T) {
	u := newTestUI(t)
	c := u.Window().Canvas()
	u.setKindFilter(data.KindLetter, true)
	u.settle()
	if !u.clearFilters.Visible() {
		t.Fatal("no Clear filters with a filter ticked")
	}
	c.Focus(u.clearFilters)
	u.clearFilters.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	u.settle()
	if u.clearFilters.Visible() || c.Focused() != nil {
		t.Errorf("after Space on Clear filters: shown %v, focus on %T", u.clearFilters.Visible(), c.Focused())
	}
	key(u, fyne.KeyRight)
	u.settle()
	var next fyne.Focusable
	for f := range focusables(u.card) {
		if b, ok := f.(*widgets.KeyButton); ok && b.Text == "Next" {
			next = f
		}
	}
	if next == nil {
		t.Fatal("the card has no Next button")
	}
	c.Focus(next)
	u.ShowOverview()
	if c.Focused() != nil {
		t.Errorf("after Overview the focus is on a hidden %T", c.Focused())
	}
}

// focusables yields the widgets under o that can take the focus.
func focusables(o fyne.CanvasObject) func(func(fyne.Focusable) bool) {
	return func(yield func(fyne.Focusable) bool) {
		var walk func(o fyne.CanvasObject) bool
		walk = func(o fyne.CanvasObject) bool {
			if f, ok := o.(fyne.Focusable); ok && !yield(f) {
				return false
			}
			switch w := o.(type) {
			case *fyne.Container:
				for _, c := range w.Objects {
					if !walk(c) {
						return false
					}
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(w).Objects() {
					if !walk(c) {
						return false
					}
				}
			}
			return true
		}
		walk(o)
	}
}
