package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// B blanks the screen black, W white, and any key brings back the slide
// where it was, doing nothing else.
func TestBlankAndBackToTheSameSlide(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	key(u, fyne.KeyRight)
	key(u, fyne.KeyRight)
	at := u.PresentedEvent()
	for _, c := range []struct {
		k     fyne.KeyName
		white bool
	}{{fyne.KeyB, false}, {fyne.KeyPeriod, false}, {fyne.KeyW, true}} {
		key(u, c.k)
		if !u.Blanked() {
			t.Fatalf("%s did not blank the screen", c.k)
		}
		r, g, b, _ := u.lesson.blank.FillColor.RGBA()
		if white := r == 0xffff && g == 0xffff && b == 0xffff; white != c.white {
			t.Errorf("%s blanks white=%v, want %v", c.k, white, c.white)
		}
		img := u.Window().Canvas().Capture()
		if px := img.At(img.Bounds().Dx()-5, img.Bounds().Dy()-5); px != u.lesson.blank.FillColor {
			r2, g2, b2, _ := px.RGBA()
			if (r2 == r) != true || g2 != g || b2 != b {
				t.Errorf("%s: the progress corner shows through (%v)", c.k, px)
			}
		}
		key(u, fyne.KeyRight) // any key: the slide comes back, and does not step
		if u.Blanked() || u.PresentedEvent() != at {
			t.Fatalf("after %s and Right: blanked %v, at %d, want the slide at %d", c.k, u.Blanked(), u.PresentedEvent(), at)
		}
	}
	u.Present(false)
	u.Blank(false)
	if u.Blanked() {
		t.Error("Blank outside presentation mode blanked the window")
	}
}

// A key with no name (Fyne's web driver sends one beside each letter)
// leaves the blank screen blank and autoplay playing: it came with the B
// that blanked, and brought the slide straight back.
func TestUnnamedKeyIsNoKey(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	key(u, fyne.KeyB)
	key(u, fyne.KeyUnknown)
	if !u.Blanked() {
		t.Error("a key with no name brought the slide back")
	}
	key(u, fyne.KeyRight)
	key(u, fyne.KeyA)
	key(u, fyne.KeyUnknown)
	if !u.Autoplaying() {
		t.Error("a key with no name stopped autoplay")
	}
}

// In reveal mode each slide first hides what happened; the next click
// reveals it, the one after moves on.
func TestRevealHidesThenShows(t *testing.T) {
	u := newTestUI(t)
	u.SetReveal(true)
	u.Present(true)
	if u.PresentedEnd() != -1 {
		t.Fatalf("presenting starts at %d, not the title slide", u.PresentedEvent())
	}
	// Nothing is hidden on the title slide: the clicks go on to the
	// first event (the rest of the title card first, if it is long).
	for range 10 {
		if key(u, fyne.KeyPageDown); u.PresentedEvent() >= 0 {
			break
		}
	}
	first := u.PresentedEvent()
	card := u.pres.card
	if first != 0 || !card.Hidden() {
		t.Fatalf("the first event slide: event %d, hidden %v; want event 0, hidden", first, card.Hidden())
	}
	key(u, fyne.KeyPageDown)
	if card.Hidden() || u.PresentedEvent() != first {
		t.Fatalf("the first click: hidden %v at %d, want revealed at %d", card.Hidden(), u.PresentedEvent(), first)
	}
	key(u, fyne.KeyPageDown)
	for card.Hidden() == false && u.PresentedEvent() == first {
		key(u, fyne.KeyPageDown) // the rest of a long card first
	}
	if u.PresentedEvent() == first || !card.Hidden() {
		t.Fatalf("the second click: at %d hidden %v, want the next slide, hidden", u.PresentedEvent(), card.Hidden())
	}
	key(u, fyne.KeyR)
	if card.Hidden() || u.Revealing() {
		t.Error("R did not turn reveal mode off and show the card")
	}
}

// fakeClock replaces afterFunc: Advance runs what is due.
type fakeClock struct {
	now   time.Duration
	timer []fakeTimer
}

type fakeTimer struct {
	at      time.Duration
	f       func()
	stopped *bool
}

func (c *fakeClock) afterFunc(d time.Duration, f func()) func() {
	stopped := new(bool)
	c.timer = append(c.timer, fakeTimer{c.now + d, f, stopped})
	return func() { *stopped = true }
}

func (c *fakeClock) advance(d time.Duration) {
	c.now += d
	due := c.timer
	c.timer = nil
	for _, t := range due {
		if t.at <= c.now && !*t.stopped {
			t.f()
		} else if !*t.stopped {
			c.timer = append(c.timer, t)
		}
	}
}

func useFakeClock(t *testing.T) *fakeClock {
	c := &fakeClock{}
	old := afterFunc
	afterFunc = c.afterFunc
	t.Cleanup(func() { afterFunc = old })
	return c
}

// Autoplay steps every N seconds on a fake clock, with its line, and stops
// at a key; its interval is remembered.
func TestAutoplayStepsAndStopsOnAKey(t *testing.T) {
	clock := useFakeClock(t)
	u := newTestUI(t)
	u.SetAutoplaySeconds(10)
	if u.state.AutoplaySeconds != 10 {
		t.Errorf("the interval is not remembered: %d", u.state.AutoplaySeconds)
	}
	key(u, fyne.KeyA) // from the window: presents and plays
	if !u.Presenting() || !u.Autoplaying() || !u.lesson.line.Visible() {
		t.Fatal("A did not start autoplay in presentation mode with its line")
	}
	first := u.PresentedEvent()
	top := u.pres.scroll.Offset
	clock.advance(9 * time.Second)
	u.settle()
	if u.PresentedEvent() != first || u.pres.scroll.Offset != top {
		t.Fatal("autoplay stepped before its interval")
	}
	for range 10 { // a long card scrolls first, one step a time
		clock.advance(10 * time.Second)
		u.settle()
		if u.PresentedEvent() != first {
			break
		}
	}
	if u.PresentedEvent() == first || !u.Autoplaying() {
		t.Fatalf("autoplay did not step on (at %d, playing %v)", u.PresentedEvent(), u.Autoplaying())
	}
	key(u, fyne.KeyLeft) // any key stops it, and does what it does
	if u.Autoplaying() || u.lesson.line.Visible() {
		t.Fatal("a key did not stop autoplay")
	}
	at := u.PresentedEvent()
	clock.advance(time.Minute)
	u.settle()
	if u.PresentedEvent() != at {
		t.Error("autoplay stepped after a key stopped it")
	}
	u.Present(false)
}

// The View menu has the modes, checked as they are, and the intervals.
func TestLessonMenu(t *testing.T) {
	u := newTestUI(t)
	var view *fyne.Menu
	for _, m := range u.mainMenu().Items {
		if m.Label == "View" {
			view = m
		}
	}
	labels := ""
	for _, it := range view.Items {
		labels += it.Label + "|"
		if it.Label == "Autoplay every" && len(it.ChildMenu.Items) != len(AutoplayChoices) {
			t.Errorf("Autoplay every has %d items", len(it.ChildMenu.Items))
		}
	}
	for _, want := range []string{"Predict, then reveal", "Autoplay|", "Autoplay every"} {
		if !strings.Contains(labels, want) {
			t.Errorf("View lacks %q: %s", want, labels)
		}
	}
	u.SetReveal(true)
	for _, c := range u.checkItems {
		if c.item.Label == "Predict, then reveal" && !c.item.Checked {
			t.Error("reveal's menu item not checked")
		}
	}
	_ = test.NewTempApp
}

// Presenting starts on a title slide and ends on a sources slide, both of
// the events the filters let through.
func TestTitleFirstAndSourcesLastUnderAFilter(t *testing.T) {
	u := newTestUI(t)
	u.setKindFilter(data.KindMeeting, true)
	u.settle()
	meetings := len(u.Results())
	u.Present(true)
	if u.PresentedEnd() != -1 {
		t.Fatalf("presenting starts at end %d, event %d: want the title slide", u.PresentedEnd(), u.PresentedEvent())
	}
	story := u.pres.story.String()
	for _, want := range []string{u.tl.Title, fmt.Sprintf("%d of %d events", meetings, len(u.tl.Events)), data.KindMeeting.Count(meetings)} {
		if !strings.Contains(story, want) {
			t.Errorf("the title slide lacks %q:\n%s", want, story)
		}
	}
	if regexp.MustCompile(`\d+ letters?\b`).MatchString(story) {
		t.Errorf("the title slide counts events the filter leaves out:\n%s", story)
	}
	for range 3 * meetings {
		u.pres.scroll.ScrollToBottom()
		key(u, fyne.KeyPageDown)
	}
	if u.PresentedEnd() != 1 || u.PresentProgress() != "Sources" {
		t.Fatalf("after the last meeting: end %d, progress %q; want the sources slide", u.PresentedEnd(), u.PresentProgress())
	}
	src := u.pres.sources.String()
	if !strings.Contains(src, u.tl.Sources[0].Citation()) || !strings.Contains(src, "Singapore summit") || strings.Contains(src, "warm letter") {
		t.Errorf("the sources slide does not follow the filter:\n%s", src)
	}
}

// What the class sees: the title slide, a hidden card, the sources slide.
func TestLessonSlideImages(t *testing.T) {
	u := newTestUI(t)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.SetReveal(true)
	u.Present(true)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.settle()
	relayout := func() { u.pres.scroll.Refresh(); u.pres.scroll.Content.Refresh() }
	relayout()
	test.AssertImageMatches(t, "slide_title.png", u.Window().Canvas().Capture())
	u.PresentFirst()
	relayout()
	test.AssertImageMatches(t, "slide_hidden.png", u.Window().Canvas().Capture())
	u.presentEnd(1)
	relayout()
	test.AssertImageMatches(t, "slide_sources.png", u.Window().Canvas().Capture())
}

// TestRevealConcealsWhatIsToCome checks that in reveal mode the slide's
// timeline hides the labels of the events the class has yet to guess:
// all of them on the title slide, the one on the slide until it is
// revealed and those after it, none on the sources slide or with reveal
// mode off.
func TestRevealConcealsWhatIsToCome(t *testing.T) {
	u := newTestUI(t)
	u.SetReveal(true)
	u.Present(true)
	tw := u.pres.timeline
	concealed := func() (n int, first int) {
		first = -1
		for i := range u.tl.Events {
			if tw.Concealed(i) {
				if first < 0 {
					first = i
				}
				n++
			}
		}
		return n, first
	}
	all := len(u.tl.Events)
	if u.PresentedEnd() != -1 {
		t.Fatalf("presenting starts at %d, not the title slide", u.PresentedEvent())
	}
	if n, _ := concealed(); n != all {
		t.Errorf("title slide: %d of %d labels concealed", n, all)
	}
	for range 10 {
		if key(u, fyne.KeyPageDown); u.PresentedEvent() >= 0 {
			break // the first event, hidden
		}
	}
	cur := u.PresentedEvent()
	if n, first := concealed(); n != all-cur || first != cur {
		t.Errorf("event %d hidden: %d concealed from %d, want %d from %d", cur, n, first, all-cur, cur)
	}
	key(u, fyne.KeyPageDown) // revealed
	if n, first := concealed(); n != all-cur-1 || first != cur+1 {
		t.Errorf("event %d revealed: %d concealed from %d, want %d from %d", cur, n, first, all-cur-1, cur+1)
	}
	key(u, fyne.KeyLeft) // back: the earlier event was seen
	if n, _ := concealed(); n > all-u.PresentedEvent()-1 {
		t.Errorf("back at %d: %d concealed", u.PresentedEvent(), n)
	}
	key(u, fyne.KeyEnd)
	for u.PresentedEnd() != 1 {
		key(u, fyne.KeyPageDown)
	}
	if n, _ := concealed(); n != 0 {
		t.Errorf("sources slide: %d concealed", n)
	}
	key(u, fyne.KeyHome)
	key(u, fyne.KeyR) // reveal mode off
	if n, _ := concealed(); n != 0 || u.Revealing() {
		t.Errorf("reveal mode off: %d concealed", n)
	}
}

// TestToolbarToggles checks the toolbar's reveal and autoplay buttons:
// they turn their modes on and off and are highlighted while on, whether
// the button, the key or the menu turned them on.
func TestToolbarToggles(t *testing.T) {
	useFakeClock(t)
	u := newTestUI(t)
	rv, ap := u.lesson.revealTool, u.lesson.autoplayTool
	if rv.Importance != widget.LowImportance || ap.Importance != widget.LowImportance {
		t.Fatal("a toggle is highlighted at start")
	}
	test.Tap(rv)
	if !u.Revealing() || rv.Importance != widget.HighImportance {
		t.Errorf("reveal button: revealing %v, highlighted %v", u.Revealing(), rv.Importance == widget.HighImportance)
	}
	key(u, fyne.KeyR)
	if u.Revealing() || rv.Importance != widget.LowImportance {
		t.Errorf("R after the button: revealing %v, highlighted %v", u.Revealing(), rv.Importance == widget.HighImportance)
	}
	test.Tap(ap)
	if !u.Presenting() || !u.Autoplaying() || ap.Importance != widget.HighImportance {
		t.Errorf("autoplay button: presenting %v, autoplay %v, highlighted %v", u.Presenting(), u.Autoplaying(), ap.Importance == widget.HighImportance)
	}
	key(u, fyne.KeyRight) // any key stops it
	if u.Autoplaying() || ap.Importance != widget.LowImportance {
		t.Errorf("a key during autoplay: autoplay %v, highlighted %v", u.Autoplaying(), ap.Importance == widget.HighImportance)
	}
}

// TestRevealedStaysRevealedGoingBack: in reveal mode, a slide the class has
// seen revealed shows revealed when the teacher steps back to it (from the
// next event, or from the sources slide to the last), as a slide show
// shows a slide built when going back; a slide not yet revealed still
// hides what happened. Going back hid it again, and its label on the
// timeline, so a click went on revealing what the class had seen.
func TestRevealedStaysRevealedGoingBack(t *testing.T) {
	u := newTestUI(t)
	u.SetReveal(true)
	u.Present(true)
	tw := u.pres.timeline
	u.PresentFirst()
	first := u.PresentedEvent()
	if !u.pres.card.Hidden() || !u.revealStep() {
		t.Fatal("the first event is not hidden, then revealed")
	}
	u.PresentStep(1)
	second := u.PresentedEvent()
	if !u.pres.card.Hidden() {
		t.Fatalf("event %d, never revealed, shows", second)
	}
	u.PresentStep(-1)
	if u.PresentedEvent() != first || u.pres.card.Hidden() || tw.Concealed(first) {
		t.Errorf("back at %d (want %d): hidden %v, its label concealed %v; it was revealed",
			u.PresentedEvent(), first, u.pres.card.Hidden(), tw.Concealed(first))
	}
	if !tw.Concealed(second) {
		t.Errorf("event %d, never revealed, has its label shown", second)
	}
	u.PresentStep(1)
	if !u.pres.card.Hidden() {
		t.Errorf("event %d, never revealed, shows on the way forward again", second)
	}
	u.PresentLast()
	last := u.PresentedEvent()
	u.revealStep()
	u.PresentStep(1)
	if u.PresentedEnd() != 1 {
		t.Fatal("no sources slide after the last event")
	}
	u.PresentStep(-1)
	if u.PresentedEvent() != last || u.pres.card.Hidden() {
		t.Errorf("back from the sources slide at %d (want %d): hidden %v; it was revealed", u.PresentedEvent(), last, u.pres.card.Hidden())
	}
	// a new round of reveal mode hides them all again
	u.SetReveal(false)
	u.SetReveal(true)
	u.PresentFirst()
	if !u.pres.card.Hidden() {
		t.Error("turned on again, reveal mode shows the first event revealed")
	}
}

// glfwLikeApp is the test app with a driver that, as GLFW's does, knows a
// canvas only for the objects it walked, visible, at the last frame, and
// records the refreshes that reach the window's canvas: the real window
// repaints only for those.
type glfwLikeApp struct {
	fyne.App
	d *glfwLikeDriver
}

func (a glfwLikeApp) Driver() fyne.Driver { return a.d }

type glfwLikeDriver struct {
	fyne.Driver
	c         fyne.Canvas
	walked    map[fyne.CanvasObject]bool
	refreshed []fyne.CanvasObject
}

// frame walks the window's visible objects, as each frame of GLFW's does.
func (d *glfwLikeDriver) frame() {
	d.walked = map[fyne.CanvasObject]bool{}
	eachVisible(d.c.Content(), false, func(o fyne.CanvasObject) { d.walked[o] = true })
}

func (d *glfwLikeDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if d.walked[o] {
		return recordingCanvas{d.c, d}
	}
	return nil
}

type recordingCanvas struct {
	fyne.Canvas
	d *glfwLikeDriver
}

func (r recordingCanvas) Refresh(o fyne.CanvasObject) {
	r.d.refreshed = append(r.d.refreshed, o)
	r.Canvas.Refresh(o)
}

// eachVisible calls f for root and every visible object under it, or every
// object at all.
func eachVisible(root fyne.CanvasObject, all bool, f func(fyne.CanvasObject)) {
	if root == nil || !all && !root.Visible() {
		return
	}
	f(root)
	for _, k := range children(root) {
		eachVisible(k, all, f)
	}
}

// B, W and the key that brings the slide back repaint the real window: the
// blank rectangle starts hidden, so GLFW knows no canvas for it, a refresh
// of its own reached none, and the screen stayed as it was (while the next
// key only unblanked).
func TestBlankRepaintsTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.Present(true)
	prev := fyne.CurrentApp()
	d := &glfwLikeDriver{Driver: prev.Driver(), c: u.Window().Canvas()}
	fyne.SetCurrentApp(glfwLikeApp{App: prev, d: d})
	t.Cleanup(func() { fyne.SetCurrentApp(prev) })
	for _, k := range []fyne.KeyName{fyne.KeyB, fyne.KeyRight, fyne.KeyW, fyne.KeyRight} {
		d.frame()
		d.refreshed = nil
		key(u, k)
		covers := func(o fyne.CanvasObject) bool { // drawn again with what is under it
			found := false
			eachVisible(o, true, func(c fyne.CanvasObject) { found = found || c == u.lesson.blank })
			return found || o == u.lesson.blank
		}
		if !slices.ContainsFunc(d.refreshed, covers) {
			t.Errorf("%s (blanked %v): no refresh of the blank screen reached the window's canvas", k, u.Blanked())
		}
	}
}
