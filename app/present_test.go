package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets"
)

func presentedID(u *UI) string {
	if i := u.PresentedEvent(); i >= 0 {
		return u.tl.Events[i].ID
	}
	return ""
}

// setSearch types q into the search field and waits for its results.
func setSearch(t *testing.T, u *UI, q string) {
	t.Helper()
	u.search.SetText(q)
	u.settle()
	if u.Query() != q {
		t.Fatalf("query %q, want %q", u.Query(), q)
	}
}

func TestF5EntersAndEscapeLeavesPresentation(t *testing.T) {
	u := newTestUI(t)
	w := u.Window()
	normal := w.Content()
	if w.MainMenu() == nil {
		t.Fatal("no main menu")
	}
	key(u, fyne.KeyF5)
	if !u.Presenting() || !w.FullScreen() {
		t.Fatalf("F5: presenting=%v fullscreen=%v", u.Presenting(), w.FullScreen())
	}
	if w.Content() == normal || w.Content() != u.pres.view {
		t.Fatal("F5: the slide does not fill the window")
	}
	if w.MainMenu() != nil {
		t.Error("presentation mode shows the menu")
	}
	if w.Canvas().Focused() != nil {
		t.Error("presentation mode leaves a widget focused (a blinking cursor)")
	}
	if u.PresentedEnd() != -1 || !u.pres.story.Visible() || u.pres.card.Visible() || u.PresentProgress() != "" {
		t.Errorf("opens at end %d (story shown %v), progress %q; want the title slide", u.PresentedEnd(), u.pres.story.Visible(), u.PresentProgress())
	}
	u.pres.scroll.ScrollToBottom() // a long title slide: next shows its end first
	key(u, fyne.KeyRight)
	if presentedID(u) != "summit-cancelled" || u.PresentProgress() != "1 / 17" || !u.pres.card.Visible() {
		t.Errorf("Right from the title: at %q %q, want the first event, 1 / 17", presentedID(u), u.PresentProgress())
	}

	u.pres.scroll.ScrollToBottom() // a long card: next shows its end first
	key(u, fyne.KeyRight)
	key(u, fyne.KeyEscape)
	if u.Presenting() || w.FullScreen() || w.Content() != normal || w.MainMenu() == nil {
		t.Fatalf("Escape: presenting=%v fullscreen=%v menu=%v", u.Presenting(), w.FullScreen(), w.MainMenu() != nil)
	}
	if got := u.tl.Events[u.Selected()].ID; got != "oversized-envelope" {
		t.Errorf("after leaving, selected %q, want the event presented last", got)
	}

	// The toolbar's button and F5 toggle too.
	u.TogglePresentation()
	key(u, fyne.KeyF5)
	if u.Presenting() {
		t.Error("F5 in presentation mode does not leave it")
	}
}

func TestEscapeInPresentationKeepsTheSearch(t *testing.T) {
	u := newTestUI(t)
	setSearch(t, u, "letter")
	n := len(u.Results())
	u.Present(true)
	key(u, fyne.KeyEscape)
	if u.Presenting() {
		t.Fatal("Escape did not leave presentation mode")
	}
	if u.Query() != "letter" || len(u.Results()) != n {
		t.Errorf("Escape cleared the search: %q, %d results", u.Query(), len(u.Results()))
	}
	key(u, fyne.KeyEscape) // outside presentation mode it clears
	if u.Query() != "" {
		t.Errorf("second Escape: query %q", u.Query())
	}
}

// title and sources stand for the title and sources slides in step tables.
const (
	title   = -1
	sources = -2
)

func TestEveryStepKey(t *testing.T) {
	u := newTestUI(t)
	shift := false
	oldModifiers := widgets.KeyModifiers
	t.Cleanup(func() { widgets.KeyModifiers = oldModifiers })
	widgets.KeyModifiers = func() fyne.KeyModifier {
		if shift {
			return fyne.KeyModifierShift
		}
		return 0
	}
	u.Present(true)
	u.pres.scroll.ScrollToBottom()
	key(u, fyne.KeyRight) // from the title slide to the first event
	ids := make([]string, len(u.tl.Events))
	for i, e := range u.tl.Events {
		ids[i] = e.ID
	}
	steps := []struct {
		key   fyne.KeyName
		shift bool
		want  int // index into events
	}{
		{fyne.KeyPageDown, false, 1},
		{fyne.KeyRight, false, 2},
		{fyne.KeyDown, false, 3},
		{fyne.KeySpace, false, 4},
		{fyne.KeyReturn, false, 5},
		{fyne.KeyPageUp, false, 4},
		{fyne.KeyLeft, false, 3},
		{fyne.KeyUp, false, 2},
		{fyne.KeySpace, true, 1},
		{fyne.KeyBackspace, false, 0},
		{fyne.KeyPageUp, false, title},
		{fyne.KeyPageUp, false, title}, // stays at the title
		{fyne.KeyPageDown, false, 0},
		{fyne.KeyEnd, false, len(ids) - 1},
		{fyne.KeySpace, false, sources},
		{fyne.KeySpace, false, sources}, // stays at the sources
		{fyne.KeyLeft, false, len(ids) - 1},
		{fyne.KeyHome, false, 0},
	}
	for n, s := range steps {
		shift = s.shift
		if s.key != fyne.KeyHome && s.key != fyne.KeyEnd {
			u.pres.scroll.ScrollToBottom() // a long card: next shows its end first
			back := s.shift || slices.Contains([]fyne.KeyName{fyne.KeyPageUp, fyne.KeyLeft, fyne.KeyUp, fyne.KeyBackspace}, s.key)
			if back {
				u.pres.scroll.ScrollToTop() // and previous its start
			}
		}
		key(u, s.key)
		if s.want < 0 {
			end := map[int]int{title: -1, sources: 1}[s.want]
			if u.PresentedEnd() != end || u.PresentedEvent() != -1 {
				t.Fatalf("step %d (%s): at end %d event %d, want end %d", n, s.key, u.PresentedEnd(), u.PresentedEvent(), end)
			}
			continue
		}
		if got := presentedID(u); got != ids[s.want] {
			t.Fatalf("step %d (%s shift=%v): at %q, want %q", n, s.key, s.shift, got, ids[s.want])
		}
		if want := fmt.Sprintf("%d / %d", s.want+1, len(ids)); u.PresentProgress() != want {
			t.Fatalf("step %d: progress %q, want %q", n, u.PresentProgress(), want)
		}
		p := u.pres
		if p.card.Index() != s.want || p.timeline.Selected() != s.want || u.Selected() != s.want {
			t.Fatalf("step %d: card %d, timeline %d, app %d, want %d", n, p.card.Index(), p.timeline.Selected(), u.Selected(), s.want)
		}
	}
	if !u.Presenting() {
		t.Fatal("a step key left presentation mode")
	}
}

func TestSteppingFollowsTheSearch(t *testing.T) {
	u := newTestUI(t)
	setSearch(t, u, "2019")
	match := map[int]bool{}
	for _, m := range u.Results() {
		match[m.Event] = true
	}
	if len(match) == 0 || len(match) >= len(u.tl.Events) {
		t.Fatalf("2019: %d results; the test needs a narrower set", len(match))
	}
	u.Present(true)
	var seen []int
	for range 3 * len(u.tl.Events) { // long cards take more than one click
		key(u, fyne.KeyPageDown)
		if i := u.PresentedEvent(); i >= 0 && (len(seen) == 0 || i != seen[len(seen)-1]) {
			seen = append(seen, i)
		}
	}
	if u.PresentedEnd() != 1 || u.PresentProgress() != "Sources" {
		t.Errorf("after the last event: end %d, progress %q; want the sources slide", u.PresentedEnd(), u.PresentProgress())
	}
	u.pres.scroll.ScrollToTop()
	key(u, fyne.KeyPageUp) // back to the last event
	if len(seen) != len(match) {
		t.Fatalf("stepped through %d events, want the %d that match", len(seen), len(match))
	}
	for k, i := range seen {
		if !match[i] {
			t.Errorf("stepped onto %s, which does not match 2019", u.tl.Events[i].ID)
		}
		if k > 0 && i <= seen[k-1] {
			t.Errorf("not in date order: %d after %d", i, seen[k-1])
		}
	}
	if want := fmt.Sprintf("%d / %d", len(match), len(match)); u.PresentProgress() != want {
		t.Errorf("progress %q, want %q", u.PresentProgress(), want)
	}
	// Events outside the search are dimmed on the slide's timeline.
	for i := range u.tl.Events {
		if u.pres.timeline.Dimmed(i) == match[i] {
			t.Errorf("%s: dimmed=%v, match=%v", u.tl.Events[i].ID, u.pres.timeline.Dimmed(i), match[i])
		}
	}
}

func TestSteppingFollowsTheFilters(t *testing.T) {
	u := newTestUI(t)
	u.setKindFilter(data.KindLetter, true)
	u.settle()
	letters := 0
	for _, e := range u.tl.Events {
		if e.Kind == data.KindLetter {
			letters++
		}
	}
	u.Present(true)
	u.pres.scroll.ScrollToBottom()
	key(u, fyne.KeyRight) // from the title slide
	for n := 1; n <= letters; n++ {
		if k := u.tl.Events[u.PresentedEvent()].Kind; k != data.KindLetter {
			t.Fatalf("step %d: presenting a %s", n, k)
		}
		if want := fmt.Sprintf("%d / %d", n, letters); u.PresentProgress() != want {
			t.Errorf("step %d: progress %q, want %q", n, u.PresentProgress(), want)
		}
		u.pres.scroll.ScrollToBottom() // a long card: next shows its end first
		key(u, fyne.KeyRight)
	}
	if u.PresentedEnd() != 1 {
		t.Errorf("after the last letter, end %d: want the sources slide", u.PresentedEnd())
	}
}

func TestPresentFromStartsAtTheEvent(t *testing.T) {
	u := newTestUI(t)
	u.PresentFrom("hanoi-summit")
	i := u.tl.Index("hanoi-summit")
	if u.PresentedEvent() != i || u.PresentProgress() != fmt.Sprintf("%d / 17", i+1) {
		t.Fatalf("at %q %q", presentedID(u), u.PresentProgress())
	}
	if u.pres.card.Title() != u.tl.Events[i].Title {
		t.Errorf("card shows %q", u.pres.card.Title())
	}
}

func TestPresentationTimelineGlidesToTheEvent(t *testing.T) {
	u := newTestUI(t)
	u.Window().Resize(fyne.NewSize(1920, 1080))
	u.Present(true)
	u.PresentFirst()
	tl := u.pres.timeline
	for range 8 {
		key(u, fyne.KeyRight)
		e := u.tl.Events[u.PresentedEvent()]
		from, to := tl.VisibleRange()
		if e.Start().Before(from) || !e.Start().Before(to) {
			t.Fatalf("%s (%s) is outside the slide's timeline %s – %s", e.ID, e.Start(), from, to)
		}
		// What is to come is in view: the view runs well past the event
		// unless the story ends first.
		_, last := u.tl.Span()
		ahead := to.Sub(e.Start())
		if ahead < to.Sub(from)/2 && to.Before(last) {
			t.Errorf("%s: only %v of the view lies ahead", e.ID, ahead)
		}
	}
	full := u.tl.Events[len(u.tl.Events)-1].Start().Sub(u.tl.Events[0].Start())
	from, to := tl.VisibleRange()
	if to.Sub(from) >= full {
		t.Errorf("the slide's timeline shows the whole story (%v), not a part that can move", to.Sub(from))
	}
}

func TestPresentationTypeScalesWithTheScreen(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	for _, c := range []struct {
		size        fyne.Size
		min, maxTop float32
	}{
		{fyne.NewSize(1920, 1080), 48, 60},
		{fyne.NewSize(1024, 768), 24, 40},
	} {
		u.Window().Resize(c.size)
		u.pres.view.Resize(c.size) // the test window does not go fullscreen
		h := u.pres.theme().Size(theme.SizeNameHeadingText)
		if a := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameHeadingText); a != h {
			t.Errorf("at %v the app's theme has %v headings, the slide's %v", c.size, a, h)
		}
		if h < c.min || h > c.maxTop {
			t.Errorf("at %v the card title is %v tall, want %v to %v", c.size, h, c.min, c.maxTop)
		}
		tl := u.pres.timeline
		if tl.Size().Height < c.size.Height/5 || u.pres.scroll.Size().Height < c.size.Height/3 {
			t.Errorf("at %v: timeline %v, card %v do not fill the screen", c.size, tl.Size(), u.pres.scroll.Size())
		}
	}
}

func TestLeavingPresentationRestoresTheTypeSize(t *testing.T) {
	u := newTestUI(t)
	base := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)
	u.Window().Resize(fyne.NewSize(1920, 1080))
	u.Present(true)
	u.pres.view.Resize(fyne.NewSize(1920, 1080))
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got < 2*base {
		t.Fatalf("presenting at 1080p: text %v, want at least %v", got, 2*base)
	}
	u.Present(false)
	if got := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); got != base {
		t.Errorf("after presenting: text %v, want %v", got, base)
	}
	if got := fyne.CurrentApp().Preferences().Float(prefTextScale); got != 1 {
		t.Errorf("the slide's scale was saved as the text size: %v", got)
	}
}

func TestIdlePointerHidesInPresentation(t *testing.T) {
	u := newTestUI(t)
	var calls []bool
	HideCursor = func(_ fyne.Window, hidden bool) { calls = append(calls, hidden) }
	t.Cleanup(func() { HideCursor = nil })
	u.Present(true)
	idle := u.pres.idle
	if !idle.Idle() || len(calls) == 0 || !calls[len(calls)-1] {
		t.Fatalf("on entering: idle=%v calls=%v, want the pointer hidden", idle.Idle(), calls)
	}
	idle.MouseMoved(nil)
	if idle.Idle() || calls[len(calls)-1] {
		t.Fatalf("after a move: idle=%v calls=%v", idle.Idle(), calls)
	}
	idle.Sleep()
	if !calls[len(calls)-1] {
		t.Fatalf("after rest: calls=%v", calls)
	}
	u.Present(false)
	if calls[len(calls)-1] {
		t.Errorf("leaving presentation mode leaves the pointer hidden: %v", calls)
	}
}

// TestSlideTooltipsUnderTheIdlePointer checks that the pointer, moved over
// the presented event on the slide's timeline, shows its tooltip and the
// pointing hand: the idle-pointer overlay above the whole slide took every
// move, and the timeline heard of none.
func TestSlideTooltipsUnderTheIdlePointer(t *testing.T) {
	u := newTestUI(t)
	u.PresentFrom("hanoi-summit")
	c := u.win.Canvas()
	tw := u.pres.timeline
	want := u.PresentedEvent()
	// The presented event sits a third of the way in (slideAnchor);
	// its marker is somewhere down that line.
	x := tw.Position().X + tw.Size().Width*slideAnchor
	for y := tw.Position().Y; y < tw.Position().Y+tw.Size().Height && tw.HoveredEvent() != want; y += 2 {
		test.MoveMouse(c, fyne.NewPos(x, y))
	}
	if tw.HoveredEvent() != want {
		t.Fatalf("down the presented event's line the timeline hovers %d, want %d", tw.HoveredEvent(), want)
	}
	if got := u.pres.idle.Cursor(); got != desktop.PointerCursor {
		t.Errorf("over the event the cursor is %v, want the pointing hand", got)
	}
	test.MoveMouse(c, fyne.NewPos(x, tw.Position().Y+tw.Size().Height+20)) // the card
	if tw.HoveredEvent() != -1 {
		t.Errorf("off the timeline it still hovers %d", tw.HoveredEvent())
	}
}

func TestF5FromTheSearchFieldPresentsTheResults(t *testing.T) {
	u := newTestUI(t)
	u.FocusSearch()
	setSearch(t, u, "letter")
	key(u, fyne.KeyF5)
	if !u.Presenting() {
		t.Fatal("F5 in the search field did not present")
	}
	if u.Window().Canvas().Focused() != nil {
		t.Error("the search field keeps the focus on the slide")
	}
	// The title slide sums up what the search found; then its events.
	if want := fmt.Sprintf("%d of %d events", len(u.Results()), len(u.tl.Events)); !strings.Contains(u.pres.story.String(), want) {
		t.Errorf("the title slide does not say %q:\n%s", want, u.pres.story.String())
	}
	u.pres.scroll.ScrollToBottom()
	key(u, fyne.KeyRight)
	if want := fmt.Sprintf("1 / %d", len(u.Results())); u.PresentProgress() != want {
		t.Errorf("progress %q, want %q", u.PresentProgress(), want)
	}
}

func TestOpeningAnotherFileWhilePresenting(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	key(u, fyne.KeyEnd)
	u.SetTimeline(data.Synthetic(40, 1))
	u.settle()
	if !u.Presenting() || u.pres.tl != u.tl {
		t.Fatal("the slides still show the old data")
	}
	if want := "1 / 40"; u.PresentProgress() != want || u.PresentedEvent() != 0 {
		t.Errorf("progress %q at event %d, want %q at 0", u.PresentProgress(), u.PresentedEvent(), want)
	}
	key(u, fyne.KeyRight)
	if want := "2 / 40"; u.PresentProgress() != want {
		t.Errorf("after Right, progress %q, want %q", u.PresentProgress(), want)
	}
	key(u, fyne.KeyEscape)
	if u.Presenting() || u.Window().Content() == fyne.CanvasObject(u.pres.view) {
		t.Error("Escape left the slide in the window")
	}
	if u.Selected() != 1 {
		t.Errorf("selected %d after presenting the new data up to its second event", u.Selected())
	}
}

// TestSlideSizeDoesNotDependOnItsType checks that the slide fills the
// window edge to edge: in a padded window the padding, which grows with
// the type, made the slide's size depend on its own type size, and at
// 800x600 the two chased each other for ever (a spinning CPU).
func TestSlideSizeDoesNotDependOnItsType(t *testing.T) {
	u := newTestUI(t)
	w := u.Window()
	for _, sz := range []fyne.Size{fyne.NewSize(800, 600), fyne.NewSize(1024, 768), fyne.NewSize(1366, 768)} {
		w.Resize(sz)
		u.Present(true)
		if got := u.pres.view.Size(); got != w.Canvas().Size() {
			t.Errorf("at %v the slide is %v, the window's content %v", sz, got, w.Canvas().Size())
		}
		// A pixel less keeps the type: no re-measuring every text.
		if a, b := slideScale(sz), slideScale(sz.SubtractWidthHeight(1, 1)); a != b && a-b > 0.051 {
			t.Errorf("at %v one pixel changes the slide's type from %v to %v", sz, a, b)
		}
		u.Present(false)
		if !w.Padded() {
			t.Error("leaving presentation mode leaves the window unpadded")
		}
	}
}

// TestClickerShowsTheRestOfALongCard presents the events at 1024x768: where
// the card is taller than the space below the timeline, the clicker's next
// shows the rest of it before the next event, and previous goes back up
// first; a short card steps at once.
func TestClickerShowsTheRestOfALongCard(t *testing.T) {
	u := newTestUI(t)
	size := fyne.NewSize(1024, 768)
	u.Window().Resize(size)
	u.Present(true)
	u.pres.view.Resize(size) // the test window does not go fullscreen
	long := 0
	for range len(u.tl.Events) - 1 {
		p := u.pres
		at := u.PresentedEvent()
		room, need := p.scroll.Size().Height, p.card.MinSize().Height
		clicks := 0
		for u.PresentedEvent() == at && clicks < 10 {
			bottom := p.scroll.Offset.Y + room
			key(u, fyne.KeyPageDown)
			clicks++
			if u.PresentedEvent() != at && bottom < need-1 {
				t.Errorf("%s: stepped on with %.0f of %.0f shown", u.tl.Events[at].ID, bottom, need)
			}
		}
		if clicks > 1 {
			long++
			// Back on the long card, scrolled down: previous goes up
			// to its start first, then to the event before.
			key(u, fyne.KeyPageUp)
			key(u, fyne.KeyPageDown)
			if u.PresentedEvent() != at || p.scroll.Offset.Y <= 0 {
				t.Fatalf("%s: back and next again: at %q, scrolled %v", u.tl.Events[at].ID, presentedID(u), p.scroll.Offset.Y)
			}
			key(u, fyne.KeyPageUp)
			if u.PresentedEvent() != at || p.scroll.Offset.Y > 0 {
				t.Errorf("%s: previous on a scrolled card left it at %q, scrolled %v", u.tl.Events[at].ID, presentedID(u), p.scroll.Offset.Y)
			}
			for u.PresentedEvent() == at {
				key(u, fyne.KeyPageDown)
			}
		}
	}
	if long == 0 {
		t.Error("no card was too long at 1024x768: the test tests nothing")
	}
}
