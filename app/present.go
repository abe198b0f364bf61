package app

import (
	"slices"
	"sort"

	"fyne.io/fyne/v2"

	"trumpkim/data"
	"trumpkim/widgets"
)

// presentState is what presentation mode keeps in the UI, which embeds
// it.
type presentState struct {
	pres       *presentation // made when first presenting, and for each data set
	presenting bool
}

// HideCursor, when set (by main, from app/desktop), hides
// or shows the mouse pointer at once. Fyne itself only changes the pointer
// when it moves, so without it an idle pointer hides at its next move.
var HideCursor func(w fyne.Window, hidden bool)

// presentation is presentation mode: the slide fills the screen, the
// window goes fullscreen without its menu, and the keys step through the
// events that match the current search.
type presentation struct {
	*slide
	idle *widgets.IdleCursor

	prevContent fyne.CanvasObject
	prevSize    fyne.Size
	prevPadded  bool
	current     int // event shown, -1 for none
	// end is the title slide (-1) or the sources slide (1) when one of
	// them shows, else 0.
	end int
	// revealed are the events revealed in reveal mode since presenting or
	// reveal mode began: going back to one shows it revealed.
	revealed map[int]bool
}

func (u *UI) newPresentation() *presentation {
	idle := widgets.NewIdleCursor()
	s := newSlide(u.tl, u.themeMode, u.textScale, fyne.Size{}, false, append([]fyne.CanvasObject{idle}, u.lesson.overlays()...)...)
	s.onScreen = u.applyTheme
	idle.Below = []fyne.CanvasObject{s.timeline} // its tooltips
	p := &presentation{slide: s, idle: idle, current: -1}
	p.idle.OnIdleChanged = func(idle bool) {
		if HideCursor != nil && u.Presenting() {
			HideCursor(u.win, idle)
		}
	}
	// A click stops autoplay, as a key does.
	s.timeline.OnSelected = func(i int) { u.stopAutoplay(); u.presentEvent(i, true) }
	s.card.OnRelated = func(i int) { u.stopAutoplay(); u.presentEvent(i, true) }
	s.card.SetKeys(u.windowKey, u.windowRune) // a link Tab gave the focus to: Escape still leaves
	s.card.SetOnFocus(func(o fyne.CanvasObject) { scrollToShow(s.scroll, o) })
	return p
}

// Presenting reports whether presentation mode is on.
func (u *UI) Presenting() bool { return u.presenting }

// TogglePresentation enters or leaves presentation mode.
func (u *UI) TogglePresentation() { u.Present(!u.presenting) }

// Present enters (on) or leaves presentation mode. On entering, the slide
// shows the selected event if the current search lets it through, else the
// next one that does, else the first.
func (u *UI) Present(on bool) {
	if on == u.presenting {
		return
	}
	if u.pres == nil {
		u.pres = u.newPresentation()
	}
	p := u.pres
	if on {
		u.presenting = true
		p.applyTheme(u.themeMode, u.textScale)
		p.prevContent = u.win.Content()
		p.prevSize = u.win.Canvas().Size()
		p.prevPadded = u.win.Padded()
		// Unpadded, the slide's size is the screen's whatever the theme:
		// padded, a new type size changed the padding, so the size, so the
		// type size again, for ever at some sizes (800x600).
		u.win.SetPadded(false)
		u.win.Canvas().Unfocus()
		u.win.SetMainMenu(nil)
		u.win.SetContent(p.view)
		u.setFullScreen(true)
		u.applyTheme() // the slide's type, scaled for the screen
		p.idle.Sleep()
		if HideCursor != nil {
			HideCursor(u.win, true)
		}
		p.revealed = nil
		p.card.SetHidden(u.lesson.reveal)
		// The title slide first, unless an event is chosen: then that one.
		if u.selected < 0 {
			u.presentEnd(-1)
		} else {
			u.presentEvent(u.startEvent(), false)
		}
		return
	}
	u.presenting = false
	u.stopAutoplay()
	u.unblank()
	p.card.SetHidden(false)
	p.idle.Stop()
	if HideCursor != nil {
		HideCursor(u.win, false)
	}
	u.setFullScreen(false)
	u.win.SetPadded(p.prevPadded)
	if p.prevContent != nil {
		u.win.SetContent(p.prevContent)
	}
	u.applyTheme() // back to the window's own type size
	u.win.SetMainMenu(u.mainMenu())
	if p.prevSize.Width > 0 {
		u.win.Resize(p.prevSize)
	}
	// The window's widgets show the last event presented (which is the
	// selection: presentEvent sets it), even when the slide shows none
	// now (results that came back empty while presenting).
	if u.selected >= 0 {
		u.Select(u.selected)
	}
}

// PresentFrom enters presentation mode at the event with id (the first
// event the search lets through when there is no such id).
func (u *UI) PresentFrom(id string) {
	if i := u.tl.Index(id); i >= 0 {
		u.Select(i)
	}
	u.Present(true)
}

// stepOrder is the events that presentation mode steps through, in date
// order: those in the current results (search and filters).
func (u *UI) stepOrder() []int {
	n := len(u.tl.Events)
	if len(u.results) == n {
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		return order
	}
	order := make([]int, len(u.results))
	for r, m := range u.results {
		order[r] = m.Event
	}
	sort.Ints(order)
	return order
}

// startEvent is where presentation mode opens: the selected event when the
// search lets it through, else the next one that does, else the first.
func (u *UI) startEvent() int {
	order := u.stepOrder()
	if len(order) == 0 {
		return -1
	}
	if u.selected < 0 {
		return order[0]
	}
	k := sort.SearchInts(order, u.selected)
	if k == len(order) {
		return order[len(order)-1]
	}
	return order[k]
}

// presentEvent shows event i on the slide and selects it in the app.
func (u *UI) presentEvent(i int, animate bool) {
	p := u.pres
	if p == nil {
		return
	}
	order := u.stepOrder()
	pos := sort.SearchInts(order, i)
	if pos == len(order) || order[pos] != i {
		pos = -1
	}
	if i != p.current || p.end != 0 {
		// A new slide hides what happened, in reveal mode, until the next
		// click; one revealed before, stepped back to, shows revealed.
		p.card.SetHidden(u.lesson.reveal && !p.revealed[i])
	}
	wasEnd := p.end != 0
	p.end = 0
	p.current = i
	p.show(i, pos, len(order), u.orderMatch(order), animate)
	u.concealAhead(order)
	if wasEnd {
		p.frame() // from the whole story to the slides' zoom
	}
	if i >= 0 {
		u.selected = i
	}
}

// orderMatch is which events the stepping order holds, as the slide's
// timeline dims the others; nil when it holds them all.
func (u *UI) orderMatch(order []int) []bool {
	if len(order) == len(u.tl.Events) {
		return nil
	}
	match := make([]bool, len(u.tl.Events))
	for _, j := range order {
		match[j] = true
	}
	return match
}

// presentEnd shows the title slide (end < 0) or the sources slide (end >
// 0) of the events the search and filters let through.
func (u *UI) presentEnd(end int) {
	p := u.pres
	if p == nil {
		return
	}
	order := u.stepOrder()
	p.end = end
	p.current = -1
	p.showEnd(end, u.tl.Summary(order), u.orderMatch(order))
	u.concealAhead(order)
}

// PresentedEnd is -1 while the title slide shows, 1 while the sources
// slide does, else 0.
func (u *UI) PresentedEnd() int {
	if u.pres == nil || !u.presenting {
		return 0
	}
	return u.pres.end
}

// presentTimeline follows a new data set (SetTimeline): a presentation
// under way shows its slides from the start event on (the results, which
// come next, choose it: followResults); one not under way is dropped, to be
// made anew for the new data when presenting starts.
func (u *UI) presentTimeline(tl *data.Timeline) {
	p := u.pres
	if p == nil {
		return
	}
	if !u.presenting {
		u.pres = nil
		return
	}
	p.tl, p.index, p.current, p.revealed = tl, -1, -1, nil
	p.timeline.SetTimeline(tl) // stops a glide on its way
	p.card.SetEvent(tl, -1)
	p.frame()
}

// followResults brings a presentation under way up to date with new
// results (a search that came back after presenting started, or another
// data set's): the progress, the dimming and the stepping order follow
// them; the slide stays on its event when the results have it, else goes
// on to the next one they have, as entering presentation mode does.
func (u *UI) followResults() {
	p := u.pres
	if !u.presenting || p == nil {
		return
	}
	if p.end != 0 {
		u.presentEnd(p.end) // the title or sources of the new results
		return
	}
	i := p.current
	if _, ok := slices.BinarySearch(u.stepOrder(), i); !ok || i < 0 {
		i = u.startEvent()
	}
	u.presentEvent(i, false)
}

// PresentStep moves delta slides on in the stepping order (back when
// negative): the title slide, the events the search lets through in date
// order, the sources slide; it stays at either end.
func (u *UI) PresentStep(delta int) {
	p := u.pres
	if p == nil {
		return
	}
	order := u.stepOrder()
	n := len(order)
	var pos int // -1 the title slide, n the sources slide
	switch cur, k := p.current, sort.SearchInts(order, p.current); {
	case p.end < 0 || (p.end == 0 && cur < 0):
		pos = -1
	case p.end > 0:
		pos = n
	case k < n && order[k] == cur:
		pos = k
	case delta > 0: // cur is not in the order: k is the next one after it
		pos = k - 1
	default:
		pos = k
	}
	next := max(-1, min(n, pos+delta))
	switch {
	case next == pos:
		return
	case next < 0:
		u.presentEnd(-1)
	case next == n:
		u.presentEnd(1)
	default:
		u.presentEvent(order[next], true)
	}
}

// presentClick is what a clicker's next (delta 1) or previous (-1) does:
// in reveal mode, what the card hides first; the rest of a card too long
// for the screen next; then the next event. It reports whether anything
// changed (false at the end of the stepping order).
func (u *UI) presentClick(delta int) bool {
	if delta > 0 && u.revealStep() {
		return true
	}
	if u.pres != nil && u.pres.scrollCard(delta) {
		return true
	}
	before := u.PresentedEvent()
	u.PresentStep(delta)
	return u.PresentedEvent() != before
}

// PresentFirst shows the first event of the stepping order (Home).
func (u *UI) PresentFirst() { u.presentAt(0) }

// PresentLast shows the last event of the stepping order (End).
func (u *UI) PresentLast() { u.presentAt(-1) }

// presentAt shows the k-th event of the stepping order, counting from the
// end when k is negative; the title slide when there is none.
func (u *UI) presentAt(k int) {
	order := u.stepOrder()
	if len(order) == 0 {
		u.presentEnd(-1)
		return
	}
	if k < 0 {
		k += len(order)
	}
	u.presentEvent(order[max(0, min(len(order)-1, k))], true)
}

// PresentedEvent is the event presentation mode shows, or -1.
func (u *UI) PresentedEvent() int {
	if u.pres == nil || !u.presenting {
		return -1
	}
	return u.pres.current
}

// PresentProgress is the "5 / 15" the slide shows.
func (u *UI) PresentProgress() string {
	if u.pres == nil {
		return ""
	}
	return u.pres.progress.Text
}
