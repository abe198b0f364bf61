package app

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets"
)

// slideAnchor is where, as a fraction of the timeline's width, a slide puts
// the current event: a third in, so that two thirds show what is to come.
const slideAnchor = 1.0 / 3

// slideStepDuration is how long the timeline takes to glide to the next event.
const slideStepDuration = 450 * time.Millisecond

// slideZoomIns is how many ZoomIn steps from "fit all" a slide's timeline
// shows: about 40% of the story at once.
const slideZoomIns = 2

// presentState is what presentation mode, the themes, the preferences and
// the menus keep in the UI, which embeds it.
type presentState struct {
	pres       *presentation
	presenting bool
	themeMode  ThemeMode
	textScale  float32
	menu       *fyne.MainMenu
	checkItems []checkItem // menu items with a check mark
	keys       *keyMap     // made once by keyMap
	restoring  bool        // restoring preferences: do not write them back yet
}

// HideCursor, when set (by main, from app/desktop), hides
// or shows the mouse pointer at once. Fyne itself only changes the pointer
// when it moves, so without it an idle pointer hides at its next move.
var HideCursor func(w fyne.Window, hidden bool)

// slideScale is how much bigger than Fyne's own sizes a slide's type is:
// the same share of the screen's height at any resolution (a 24-unit
// heading becomes 48 at 1080 lines, 34 at 768), unless the screen is so
// narrow that lines would break too often. It moves in steps of 1/20, so
// that a size that differs by a pixel or two keeps the same type: a new
// type size re-measures every text on the slide.
func slideScale(s fyne.Size) float32 {
	f := min(s.Width/720, s.Height/540)
	f = float32(math.Floor(float64(f)*20) / 20)
	return max(1, min(f, 4))
}

// slide is what presentation mode shows and image export draws: the
// timeline framed around the current event, that event's card, and a small
// "5 / 15" progress, all in type scaled for the screen. It has its own
// widgets, so that it never disturbs the window's.
//
// How the type is scaled differs. Presentation mode, which owns the whole
// window, sets the app's theme (onScreen); an export, drawn while the window
// stays as it is, wraps the slide in a container.ThemeOverride. An override
// costs more: each new scope it makes parses the fonts again.
type slide struct {
	tl       *data.Timeline
	timeline *widgets.Timeline
	card     *widgets.EventCard
	story    *widgets.StoryCard   // the title slide's card
	sources  *widgets.SourcesCard // the sources slide's card
	scroll   *container.Scroll
	progress *canvas.Text
	bg       *canvas.Rectangle
	content  fyne.CanvasObject        // the slide, themed or not
	over     *container.ThemeOverride // nil when the app's theme is the slide's
	view     *slideView
	// onScreen, for a slide without an override, is called when the
	// slide's theme changed with the screen size: the app sets it.
	onScreen func()

	mode      ThemeMode
	textScale float32
	screen    float32 // slideScale of the current size
	size      fyne.Size

	index int // event shown, -1 for none
}

// newSlide builds a slide of tl for a screen of size (zero when not yet
// known); override says whether it carries its own theme (for export) or
// relies on the app's (presentation mode); extra objects are drawn on top of
// it.
func newSlide(tl *data.Timeline, mode ThemeMode, textScale float32, size fyne.Size, override bool, extra ...fyne.CanvasObject) *slide {
	s := &slide{tl: tl, mode: mode, textScale: textScale, screen: slideScale(size), index: -1}
	s.timeline = widgets.NewTimeline(tl)
	s.card = widgets.NewEventCard()
	s.card.ShowNavigation(false)
	s.story = widgets.NewStoryCard()
	s.story.Hide()
	s.sources = widgets.NewSourcesCard()
	s.sources.Hide()
	s.scroll = container.NewVScroll(container.NewStack(s.card, s.story, s.sources))
	s.progress = canvas.NewText("", color.Black)
	s.progress.Alignment = fyne.TextAlignTrailing
	s.bg = canvas.NewRectangle(color.Black)
	s.content = container.New(&slideLayout{s: s}, s.timeline, s.scroll, s.progress)
	if override {
		s.over = container.NewThemeOverride(s.content, s.theme())
		s.content = s.over
	}
	s.view = newSlideView(s, extra...)
	s.applyColors()
	return s
}

// theme is the slide's theme: the app's look, scaled for the screen.
func (s *slide) theme() fyne.Theme {
	return NewTheme(s.mode, s.textScale*s.screen)
}

// applyTheme follows a new look or text size.
func (s *slide) applyTheme(mode ThemeMode, textScale float32) {
	if s.mode == mode && s.textScale == textScale {
		return
	}
	s.mode, s.textScale = mode, textScale
	s.retheme()
	s.frame()
}

// retheme gives the widgets the slide's theme.
func (s *slide) retheme() {
	if s.over != nil {
		s.over.Theme = s.theme()
		s.over.Refresh()
	} else if s.onScreen != nil {
		s.onScreen()
	}
	s.applyColors()
}

func (s *slide) applyColors() {
	th := s.theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	s.bg.FillColor = th.Color(theme.ColorNameBackground, v)
	s.bg.Refresh()
	s.progress.Color = th.Color(theme.ColorNamePlaceHolder, v)
	s.progress.TextSize = th.Size(theme.SizeNameText)
	s.progress.Refresh()
}

// resized follows a new size: the type scales with the screen.
func (s *slide) resized(size fyne.Size) {
	if size == s.size {
		return
	}
	s.size = size
	if sc := slideScale(size); sc != s.screen {
		s.screen = sc
		s.retheme()
	}
}

// show puts event i (an index into tl.Events, -1 for none) on the slide,
// position pos (0-based) of total in the stepping order; animate glides
// the timeline there.
func (s *slide) show(i, pos, total int, match []bool, animate bool) {
	s.index = i
	s.story.Hide()
	s.sources.Hide()
	s.card.Show()
	s.timeline.SetDimmed(match)
	s.card.SetEvent(s.tl, i)
	s.scroll.ScrollToTop()
	if total > 0 && pos >= 0 {
		s.progress.Text = fmt.Sprintf("%d / %d", pos+1, total)
	} else {
		s.progress.Text = ""
	}
	s.progress.Refresh()
	s.timeline.SetSelected(i)
	s.panTo(i, animate)
}

// showEnd puts the title slide (end < 0) or the sources slide (end > 0)
// of sum, the summary of the events stepped through (match, as show
// takes it), on the slide: the whole story on the timeline, and the story
// card or the sources card in the event card's place.
func (s *slide) showEnd(end int, sum data.Summary, match []bool) {
	s.index = -1
	s.timeline.SetDimmed(match)
	s.timeline.SetSelected(-1)
	s.card.Hide()
	if end < 0 {
		s.sources.Hide()
		s.story.SetSummary(sum)
		s.story.Show()
		s.progress.Text = ""
	} else {
		s.story.Hide()
		s.sources.SetSummary(s.tl, sum)
		s.sources.Show()
		s.progress.Text = "Sources"
	}
	s.scroll.ScrollToTop()
	s.scroll.Refresh()
	s.progress.Refresh()
	s.timeline.FitAll()
}

// frame zooms the timeline to show about 40% of the story with the current
// event a third of the way in.
func (s *slide) frame() {
	if s.timeline.Size().Width <= 0 {
		return
	}
	s.timeline.FitAll()
	if !s.card.Visible() {
		return // the title or sources slide shows the whole story
	}
	for range slideZoomIns {
		s.timeline.ZoomIn()
	}
	s.panTo(s.index, false)
}

// panTo moves the timeline so that event i sits at slideAnchor, gliding
// there when animate is set; the Timeline stops at the ends of the story.
func (s *slide) panTo(i int, animate bool) {
	if i < 0 || i >= len(s.tl.Events) || s.timeline.Size().Width <= 0 {
		return
	}
	d := time.Duration(0)
	if animate {
		d = slideStepDuration
	}
	s.timeline.PanTo(s.tl.Events[i].Start(), slideAnchor, d)
}

// scrollCard moves the card a page down (delta > 0) or up, and reports
// whether it could: a card taller than the slide shows the rest of its
// text on the next click before the next event comes.
func (s *slide) scrollCard(delta int) bool {
	view := s.scroll.Size().Height
	end := s.scroll.Content.Size().Height - view
	if view <= 0 || end <= 1 {
		return false
	}
	page := view * 0.8 // a few lines stay on screen, to read on from
	off := s.scroll.Offset.Y
	switch {
	case delta > 0 && off < end-1:
		off = min(end, off+page)
	case delta < 0 && off > 1:
		off = max(0, off-page)
	default:
		return false
	}
	s.scroll.ScrollToOffset(fyne.NewPos(0, off))
	return true
}

// release detaches a slide drawn with its own theme from its theme
// override scopes. Fyne keeps every canvas object an override themed in a
// map it never prunes (only widgets leave it, when their renderers
// expire), each with its scope, whose theme holds the ThemeOverride, and
// through it the whole slide: every export kept its slide, its timeline's
// arrays and its data for good (1 MB at 20,000 events).
func (s *slide) release() {
	if s.over == nil {
		return
	}
	s.over.Content = container.NewStack()
	s.over.Refresh()
}

// slideLayout places the timeline across the top 30%, the card below it
// and the progress in the bottom right corner, with margins that grow with
// the screen.
type slideLayout struct{ s *slide }

func (l *slideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	tl, card, progress := objs[0], objs[1], objs[2]
	pad := max(8, size.Height*0.025)
	ph := progress.MinSize().Height
	tlH := size.Height * 0.3
	tl.Move(fyne.NewPos(pad, pad))
	tl.Resize(fyne.NewSize(size.Width-2*pad, tlH))
	cardW := min(size.Width-4*pad, size.Height*2)
	top := pad + tlH + pad
	card.Move(fyne.NewPos((size.Width-cardW)/2, top))
	card.Resize(fyne.NewSize(cardW, max(0, size.Height-top-ph-pad)))
	progress.Resize(fyne.NewSize(size.Width-2*pad, ph))
	progress.Move(fyne.NewPos(pad, size.Height-ph-pad/2))
}

func (l *slideLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 150) }

// slideView is a slide's root object: it scales the slide's type to its
// size and frames the timeline again whenever that size changes.
type slideView struct {
	widget.BaseWidget
	s     *slide
	extra []fyne.CanvasObject // drawn on top, e.g. the idle-pointer overlay
}

func newSlideView(s *slide, extra ...fyne.CanvasObject) *slideView {
	v := &slideView{s: s, extra: extra}
	v.ExtendBaseWidget(v)
	return v
}

func (v *slideView) CreateRenderer() fyne.WidgetRenderer {
	objs := append([]fyne.CanvasObject{v.s.bg, v.s.content}, v.extra...)
	return widget.NewSimpleRenderer(container.NewStack(objs...))
}

// Resize scales the slide for the new size, lays it out and frames the
// timeline.
func (v *slideView) Resize(size fyne.Size) {
	changed := size != v.s.size
	v.s.resized(size)
	v.BaseWidget.Resize(size)
	if changed {
		v.s.frame()
	}
}

func (v *slideView) MinSize() fyne.Size {
	v.ExtendBaseWidget(v)
	return fyne.NewSize(200, 150)
}

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
		// A new slide hides what happened, in reveal mode, until the next click.
		p.card.SetHidden(u.lesson.reveal)
	}
	wasEnd := p.end != 0
	p.end = 0
	p.current = i
	p.show(i, pos, len(order), u.orderMatch(order), animate)
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
	p.tl, p.index, p.current = tl, -1, -1
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
