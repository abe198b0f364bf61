package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// What a teacher does with presentation mode beyond stepping: blank the
// screen, let the class guess before the card shows what happened
// (reveal), and let the slides step on their own (autoplay).

// DefaultAutoplaySeconds is how long autoplay shows each slide unless the
// person chose otherwise (View > Autoplay every…).
const DefaultAutoplaySeconds = 8

// AutoplayChoices are the intervals View > Autoplay every… offers.
var AutoplayChoices = []int{5, 8, 10, 15, 20, 30}

// afterFunc runs f after d on another goroutine and returns a function
// that stops it: time.AfterFunc, which tests replace with a fake clock.
var afterFunc = func(d time.Duration, f func()) (stop func()) {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

// lesson is the state of those modes, kept in the UI.
type lesson struct {
	blank    *canvas.Rectangle // over the slide when the screen is blanked
	line     *canvas.Rectangle // autoplay's progress, along the bottom
	lineBox  *fyne.Container   // lays out line (lineLayout)
	filled   float32           // how much of the line is drawn, 0 to 1
	lineAnim *fyne.Animation
	reveal   bool // predict, then reveal
	autoplay bool
	seconds  int    // autoplay's interval
	stop     func() // stops autoplay's timer
	gen      int    // autoplay's timer generation: a stopped timer's tick is dropped
	// revealTool and autoplayTool are the window's toolbar toggles,
	// highlighted while their mode is on (syncTools).
	revealTool, autoplayTool *navButton
}

// syncTools highlights the toolbar toggles of the modes that are on.
func (l *lesson) syncTools() {
	if l == nil {
		return // not made yet
	}
	for _, t := range []struct {
		b  *navButton
		on bool
	}{{l.revealTool, l.reveal}, {l.autoplayTool, l.autoplay}} {
		imp := widget.LowImportance
		if t.on {
			imp = widget.HighImportance
		}
		if t.b != nil && t.b.Importance != imp {
			t.b.Importance = imp
			t.b.Refresh()
		}
	}
}

func newLesson() *lesson {
	l := &lesson{seconds: DefaultAutoplaySeconds}
	l.blank = canvas.NewRectangle(color.Black)
	l.blank.Hide()
	l.line = canvas.NewRectangle(color.Transparent)
	l.line.Hide()
	l.lineBox = container.New(&lineLayout{l}, l.line)
	return l
}

// overlays are what the lesson draws over the slide, in the order they
// stack: the progress line, then the blank screen over everything.
func (l *lesson) overlays() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.lineBox, l.blank}
}

// lineLayout lays autoplay's line along the bottom edge, as long as the
// part of the interval gone by.
type lineLayout struct{ l *lesson }

func (ll *lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := max(3, size.Height/200)
	objs[0].Move(fyne.NewPos(0, size.Height-h))
	objs[0].Resize(fyne.NewSize(size.Width*ll.l.filled, h))
}

func (ll *lineLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// Blank turns the presentation's screen black (white when white), the
// progress corner too; any key brings the slide back where it was. It does
// nothing outside presentation mode.
func (u *UI) Blank(white bool) {
	if !u.presenting {
		return
	}
	u.stopAutoplay()
	c := color.Color(color.Black)
	if white {
		c = color.White
	}
	u.lesson.blank.FillColor = c
	u.lesson.blank.Show()
	u.refreshBlank()
}

// refreshBlank redraws the slide with the blank screen shown or hidden.
// The rectangle starts hidden, so the GLFW driver never walked it and knows
// no canvas for it: its own Refresh (canvas.Refresh) reached none, and the
// window did not repaint until something else changed. The slide's view is
// on the window's canvas.
func (u *UI) refreshBlank() {
	if u.pres != nil {
		canvas.Refresh(u.pres.view)
	}
}

// Blanked reports whether the screen is blanked.
func (u *UI) Blanked() bool { return u.lesson.blank.Visible() }

// unblank brings the slide back, and reports whether it was blanked.
func (u *UI) unblank() bool {
	if !u.lesson.blank.Visible() {
		return false
	}
	u.lesson.blank.Hide()
	u.refreshBlank()
	return true
}

// SetReveal turns predict-then-reveal on or off: each slide first hides
// what happened (title, summary, quotes), the next click reveals it, the
// one after moves on. Turning it on hides the current slide's card.
func (u *UI) SetReveal(on bool) {
	u.lesson.reveal = on
	if u.pres != nil {
		u.pres.revealed = nil // a new round: every slide hides again
		u.pres.card.SetHidden(on && u.presenting)
		u.concealAhead(u.stepOrder())
	}
	u.syncMenuChecks()
}

// concealAhead hides, in reveal mode, the labels on the slide's timeline of
// what the class has yet to guess: the events still to come in the
// stepping order that it has not seen revealed, and the one on the slide
// until it is revealed. All of
// them on the title slide; none on the sources slide, or out of reveal
// mode. order is the stepping order (stepOrder).
func (u *UI) concealAhead(order []int) {
	p := u.pres
	if p == nil {
		return
	}
	if !u.lesson.reveal || p.end > 0 {
		p.timeline.SetConcealed(nil)
		return
	}
	hide := make([]bool, len(u.tl.Events))
	for _, j := range order {
		hide[j] = p.end < 0 || !p.revealed[j] && (j > p.current || (j == p.current && p.card.Hidden()))
	}
	p.timeline.SetConcealed(hide)
}

// ToggleReveal turns predict-then-reveal on or off (R).
func (u *UI) ToggleReveal() { u.SetReveal(!u.lesson.reveal) }

// Revealing reports whether predict-then-reveal is on.
func (u *UI) Revealing() bool { return u.lesson.reveal }

// revealStep is what a click forward does first in reveal mode: show what
// the card hides. It reports whether it did.
func (u *UI) revealStep() bool {
	if u.pres == nil || !u.pres.card.Hidden() || u.pres.end != 0 || u.pres.current < 0 {
		return false // nothing is hidden on the title or sources slide
	}
	u.pres.card.SetHidden(false)
	if u.pres.revealed == nil {
		u.pres.revealed = map[int]bool{}
	}
	u.pres.revealed[u.pres.current] = true
	u.concealAhead(u.stepOrder())
	return true
}

// SetAutoplay starts or stops autoplay: in presentation mode the slides
// step on their own every AutoplaySeconds, with a thin line along the
// bottom that fills up until the next; any key or click stops it. Turning
// it on outside presentation mode enters it.
func (u *UI) SetAutoplay(on bool) {
	if !on {
		u.stopAutoplay()
		return
	}
	if !u.presenting {
		u.Present(true)
	}
	u.lesson.autoplay = true
	u.scheduleAutoplay()
	u.syncMenuChecks()
}

// ToggleAutoplay starts or stops autoplay (A).
func (u *UI) ToggleAutoplay() { u.SetAutoplay(!u.lesson.autoplay) }

// Autoplaying reports whether autoplay is on.
func (u *UI) Autoplaying() bool { return u.lesson.autoplay }

// AutoplaySeconds is autoplay's interval.
func (u *UI) AutoplaySeconds() int { return u.lesson.seconds }

// SetAutoplaySeconds sets autoplay's interval (View > Autoplay every…) and
// remembers it.
func (u *UI) SetAutoplaySeconds(s int) {
	if s <= 0 {
		s = DefaultAutoplaySeconds
	}
	u.lesson.seconds = s
	u.rememberAutoplay(s)
	if u.lesson.autoplay {
		u.scheduleAutoplay()
	}
	u.syncMenuChecks()
}

// scheduleAutoplay (re)starts the timer to the next step and the line.
func (u *UI) scheduleAutoplay() {
	l := u.lesson
	if l.stop != nil {
		l.stop()
	}
	l.gen++
	gen := l.gen
	d := time.Duration(l.seconds) * time.Second
	l.stop = afterFunc(d, func() {
		handBack(func() {
			if gen != l.gen || !l.autoplay || !u.presenting {
				return
			}
			u.autoplayStep()
		})
	})
	u.startLine(d)
}

// autoplayStep does what a click forward does, and stops at the end of
// the stepping order.
func (u *UI) autoplayStep() {
	if !u.presentClick(1) {
		u.stopAutoplay() // the last slide: nothing more to show
		return
	}
	u.scheduleAutoplay()
}

// startLine draws autoplay's line filling up over d.
func (u *UI) startLine(d time.Duration) {
	l := u.lesson
	if l.lineAnim != nil {
		l.lineAnim.Stop()
	}
	l.line.FillColor = theme.Color(theme.ColorNamePrimary)
	l.line.Show()
	l.lineAnim = fyne.NewAnimation(d, func(p float32) {
		l.filled = p
		l.lineBox.Refresh()
	})
	l.lineAnim.Curve = fyne.AnimationLinear
	l.lineAnim.Start()
}

// stopAutoplay stops autoplay and hides its line.
func (u *UI) stopAutoplay() {
	l := u.lesson
	if !l.autoplay && l.stop == nil {
		return
	}
	l.autoplay = false
	l.gen++
	if l.stop != nil {
		l.stop()
		l.stop = nil
	}
	if l.lineAnim != nil {
		l.lineAnim.Stop()
		l.lineAnim = nil
	}
	l.line.Hide()
	l.line.Refresh()
	u.syncMenuChecks()
}

// lessonKey is what presentation mode does with a key before stepping:
// over a blanked screen any key brings the slide back (and does nothing
// else); autoplay stops at any key but its own. It reports whether the key
// was used up.
func (u *UI) lessonKey(k *fyne.KeyEvent) bool {
	if u.unblank() {
		return true
	}
	if u.lesson.autoplay && k.Name != fyne.KeyA {
		u.stopAutoplay()
	}
	return false
}

// rememberAutoplay keeps autoplay's interval in the state file.
func (u *UI) rememberAutoplay(s int) {
	st := u.state
	st.AutoplaySeconds = s
	u.saveState(st)
}

// restoreAutoplay takes the remembered interval, when it is one of the
// choices.
func (u *UI) restoreAutoplay() {
	for _, c := range AutoplayChoices {
		if c == u.state.AutoplaySeconds {
			u.lesson.seconds = c
		}
	}
}

// autoplayMenu fills View > Autoplay every… with the intervals, the one in
// use checked.
func (u *UI) autoplayMenu(it *fyne.MenuItem) {
	var items []*fyne.MenuItem
	for _, sec := range AutoplayChoices {
		c := fyne.NewMenuItem(fmt.Sprintf("%d seconds", sec), func() { u.SetAutoplaySeconds(sec) })
		checked := func() bool { return u.lesson.seconds == sec }
		c.Checked = checked()
		u.checkItems = append(u.checkItems, checkItem{c, checked})
		items = append(items, c)
	}
	it.ChildMenu = fyne.NewMenu("", items...)
}
