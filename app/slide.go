package app

import (
	"fmt"
	"image/color"
	"math"
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
	// Text on a slide can be selected, to point the room at words, and
	// copied with Ctrl+C; a right click opens no menu over the slide.
	s.card.NoTextMenu, s.story.NoTextMenu, s.sources.NoTextMenu = true, true, true
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
