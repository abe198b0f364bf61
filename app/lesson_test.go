package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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

// In reveal mode each slide first hides what happened; the next click
// reveals it, the one after moves on.
func TestRevealHidesThenShows(t *testing.T) {
	u := newTestUI(t)
	u.SetReveal(true)
	u.Present(true)
	first := u.PresentedEvent()
	card := u.pres.card
	if !card.Hidden() {
		t.Fatal("the first slide is not hidden in reveal mode")
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
