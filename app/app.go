// Package app is the application: its state, layout, actions, keys and
// menus. It owns the single source of truth (the data set, the selected event,
// the query and its results) and pushes it into the widgets through their
// setters; the widgets report back through On… callbacks.
package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets"
)

// DefaultSize is the window's size on first open.
var DefaultSize = fyne.NewSize(1280, 800)

// UI is one application window over one data set.
type UI struct {
	app fyne.App
	win fyne.Window

	tl       *data.Timeline
	selected int // index into tl.Events, -1 for none

	// search state (see search.go)
	finder    *finder
	query     string
	filter    filterState // what the filter toggles (filterPanel) select
	results   []data.Match
	match     []bool // by event: in results; reused for the timeline's dimming
	searchGen uint64 // bumped by every search; older results are dropped
	searching sync.WaitGroup
	frames    *frameHook     // starts the search index after a frame
	lesson    *lesson        // blank screen, reveal, autoplay (lesson.go)
	opening   sync.WaitGroup // files being read (open.go)
	saving    sync.WaitGroup // files being written (writer.go)
	// staleSelection says that the timeline, the card and the list do not
	// show the selection yet; redraw brings them up to date once per frame.
	staleSelection bool
	redrawQueued   bool
	drawing        sync.WaitGroup  // the hand-over of a queued redraw
	dialogs        []dialog.Dialog // open, top last (dialogs.go)
	focusStale     bool            // the data set changed under a dialog: the window's focus may have gone (dialogs.go)
	openMessage    string          // the text of the problem dialog showing, if one is
	recentItem     *fyne.MenuItem  // File > Open recent
	cursor         int             // highlighted row of results, -1 for none
	listEvent      bool
	// rowDate and rowContext are each event's result-row lines, made when
	// the event is first listed.
	rowDate, rowContext []string

	title, subtitle *widget.Label
	search          *widgets.SearchEntry
	count           *widget.Label
	filterPanel     *filterPanel      // the toggles; filter is what they set
	filterScroll    *container.Scroll // the filter pane, which scrolls to a toggle Tab focuses
	clearFilters    *navButton
	list            *navList
	timeline        *widgets.Timeline
	overview        *widgets.Overview
	span            *widgets.LineText
	legend          *widgets.Legend
	card            *widgets.EventCard
	story           *widgets.StoryCard // shown in the card's place when no event is selected
	storyStale      bool               // the results changed since the story card was filled
	split           *container.Split   // the sidebar beside the rest
	cardSplit       *container.Split   // the timeline above the card

	quitting chan struct{} // closed when Quit has saved everything
	quitOnce sync.Once

	presentState // presentation mode (present.go)
	lookState    // theme and text size (theme.go)
	menuState    // the menu bar and the key map (menu.go, keymap.go)
	remembered   // what is kept between runs, and where (state.go)
}

// New builds the window for tl in a (fyne's test app in tests), remembering
// its state in a's preferences (PreferencesStore). Call
// Window().ShowAndRun() to start.
func New(a fyne.App, tl *data.Timeline) *UI {
	store := PreferencesStore{a.Preferences()}
	st, _ := store.Load()
	return NewWithState(a, tl, store, st)
}

// NewWithState is New with the state remembered in store, st being what
// store.Load gave.
func NewWithState(a fyne.App, tl *data.Timeline, store StateStore, st State) *UI {
	u := &UI{app: a, selected: -1, cursor: -1, quitting: make(chan struct{})}
	st.Recent = cleanRecent(st.Recent)
	u.store, u.state, u.stored = store, st, st
	// Fyne's file dialogs open in the folder they showed last, which they
	// read from Fyne's preferences (saved with the app's state: savePlace).
	if f := st.FileDialogFolder; f != "" && a.Preferences().String(prefFileDialogFolder) != f {
		a.Preferences().SetString(prefFileDialogFolder, f)
	}
	// The save dialogs' writers for files replace them whole (writer.go).
	useAtomicFileWriter()
	u.restoreLook() // the remembered theme, before any widget is drawn (prefs.go)
	u.win = a.NewWindow(AppName)
	u.frames = newFrameHook()
	u.lesson = newLesson()
	u.restoreAutoplay()
	u.build()
	u.presize()
	u.SetTimeline(tl)
	u.win.Resize(DefaultSize)
	u.bindKeys()
	u.win.SetOnDropped(u.dropped)
	// The window's close button saves and quits as Ctrl+Q does.
	u.win.SetCloseIntercept(u.Quit)
	u.extend() // remembered look and place, menus, shortcuts (prefs.go)
	u.redraw() // the remembered event is on the first frame, not the one after
	return u
}

// dropWindowFocus gives the window's keys back to the window, from any
// widget but the search field, which never goes.
func (u *UI) dropWindowFocus() {
	if c := u.win.Canvas(); c.Focused() != nil && c.Focused() != fyne.Focusable(u.search) {
		c.Unfocus()
	}
}

// Window is the application's window.
func (u *UI) Window() fyne.Window { return u.win }

// SetTimeline replaces the data set: empty query, no filters, nothing
// selected.
func (u *UI) SetTimeline(tl *data.Timeline) {
	// The filter groups and the card's links are made anew or go: one of
	// them that kept the keyboard focus (Tab gives it to an accordion
	// header, a related event's link) would leave the screen with it.
	// The keys go back to the window; the search field keeps them. Under
	// a dialog the focus is the dialog's (a field of it keeps it), and the
	// window's goes back when the dialog closes (showDialog).
	if u.win.Canvas().Overlays().Top() != nil {
		u.focusStale = true
	} else {
		u.dropWindowFocus()
	}
	u.tl = tl
	u.rowDate, u.rowContext = nil, nil
	u.selected = -1
	u.win.SetTitle(u.windowTitle())
	u.title.SetText(tl.Title)
	u.subtitle.SetText(tl.Subtitle)
	u.overview.SetTimeline(tl) // first: the timeline reports its new view to it
	u.timeline.SetTimeline(tl)
	u.legend.SetTimeline(tl)
	u.card.SetEvent(tl, -1)
	u.filterPanel.setTimeline(tl)
	u.search.SetText("")
	u.presentTimeline(tl)
	u.startSearch(tl)
	u.showStory() // after the first results: summed up once, now, for the first frame
}

func (u *UI) build() {
	u.title = wrappingLabel(theme.SizeNameText) // an imported file's long title must not widen the sidebar
	u.title.TextStyle.Bold = true
	u.subtitle = wrappingLabel(theme.SizeNameCaptionText)

	u.search = widgets.NewSearchEntry("Search: name, place, words, date…")
	u.search.ActionItem = u.newNavButton("", theme.ContentClearIcon(), func() { u.clearSearch() })
	u.search.OnChanged = u.setQuery
	u.search.OnUp = func() { u.moveCursor(-1) }
	u.search.OnDown = func() { u.moveCursor(1) }
	u.search.OnEnter = u.openCursor
	u.search.OnEscape = u.escapeSearch
	u.count = wrappingLabel(theme.SizeNameCaptionText)
	u.filterPanel = newFilterPanel(u)
	u.clearFilters = u.newNavButton("Clear filters", theme.ContentClearIcon(), u.ClearFilters)
	u.clearFilters.Importance = widget.LowImportance
	u.clearFilters.Hide()

	u.list = &navList{u: u}
	u.list.Length = func() int { return len(u.results) }
	u.list.CreateItem = func() fyne.CanvasObject { return widgets.NewResultRow() }
	u.list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(u.results) {
			u.setRow(o.(*widgets.ResultRow), u.results[id])
		}
	}
	u.list.ExtendBaseWidget(u.list)
	u.list.OnSelected = func(id widget.ListItemID) {
		if u.listEvent || id >= len(u.results) {
			return
		}
		u.cursor = id
		u.Select(u.results[id].Event)
	}

	u.timeline = widgets.NewTimeline(nil)
	u.timeline.OnSelected = u.Select
	u.legend = widgets.NewLegend()
	u.card = widgets.NewEventCard()
	u.card.SetKeys(u.windowKey, u.windowRune) // its buttons and links after Tab
	u.card.OnPrevious = func() { u.Step(-1) }
	u.card.OnNext = func() { u.Step(1) }
	u.card.OnRelated = u.Select
	u.story = widgets.NewStoryCard()
	u.story.Hint = "Press Right, or choose an event on the timeline or in the list, to go through them one by one."

	u.filterScroll = container.NewVScroll(container.NewVBox(u.filterPanel.accordion,
		container.NewBorder(nil, nil, nil, u.clearFilters, u.count)))
	side := container.New(sideLayout{},
		container.NewVScroll(container.NewVBox(u.title, u.subtitle)),
		u.search,
		u.filterScroll,
		u.list)
	u.span = widgets.NewLineText("") // cut to the toolbar's width at large text
	u.span.TextStyle.Bold = true
	// The overview strip under the timeline follows the timeline's view and
	// asks it for another; SetView reports nothing back, so there is no loop.
	// The strip then shows what the timeline made of it, which the timeline
	// does not report when its clamps left the view as it was.
	u.overview = widgets.NewOverview(nil)
	u.overview.OnViewChanged = func(from, to time.Time) {
		u.timeline.ShowRange(from, to)
		u.overview.SetView(u.timeline.VisibleRange())
	}
	u.timeline.OnViewChanged = func(from, to time.Time) {
		// Every frame of a pan reports; the span's words change far less
		// often, and a Label shapes a new text again (17% of the CPU of a
		// pan at 100,000 events, make framebench's profile, when it was set
		// every frame; a LineText measures a new text once).
		u.span.SetText(u.timeline.VisibleSpan())
		u.overview.SetView(from, to)
	}
	reveal := u.toolbarAction(theme.VisibilityOffIcon(), u.ToggleReveal)        // predict, then reveal, R
	autoplay := u.toolbarAction(theme.MediaFastForwardIcon(), u.ToggleAutoplay) // present with autoplay, A
	u.lesson.revealTool, u.lesson.autoplayTool = reveal.b, autoplay.b
	tools := widget.NewToolbar(
		u.toolbarAction(theme.ZoomOutIcon(), func() { u.timeline.ZoomOut() }),
		u.toolbarAction(theme.ZoomFitIcon(), func() { u.timeline.FitAll() }),
		u.toolbarAction(theme.ZoomInIcon(), func() { u.timeline.ZoomIn() }),
		widget.NewToolbarSeparator(),
		u.toolbarAction(theme.MediaPlayIcon(), u.TogglePresentation), // presentation mode, F5
		reveal,
		autoplay,
		u.toolbarAction(theme.HomeIcon(), u.ShowOverview), // the story card, Go > Overview
	)
	u.lesson.syncTools()
	bar := container.New(toolbarLayout{}, container.NewHScroll(tools), u.span)
	top := container.NewBorder(bar, container.NewVBox(u.overview, u.legend), nil, nil, u.timeline)
	// The card scrolls both ways: a card wider than its pane (a long line
	// that cannot wrap, at large text) scrolls rather than widening the
	// window.
	cardScroll := container.NewScroll(container.NewStack(u.story, u.card))
	u.card.SetOnFocus(func(o fyne.CanvasObject) { scrollToShow(cardScroll, o) }) // Tab to a link below the pane
	u.cardSplit = container.NewVSplit(top, cardScroll)
	u.cardSplit.Offset = 0.55
	u.split = container.NewHSplit(side, u.cardSplit)
	u.split.Offset = sidebarShare
	// The whole window scrolls when the screen is smaller than what it
	// holds (at large text): Fyne would otherwise grow the window past the
	// screen to fit its content's minimum size.
	u.win.SetContent(container.NewStack(container.NewScroll(u.split), u.frames.box))
}

// presize lays the window's content out at the size it will have on the
// screen, before the data fills it. Fyne lays a window's content out at
// its minimum size when it is set, and at the window's size only when the
// window is made (ShowAndRun): filled in between, every label was cut and
// wrapped at that minimum width (the subtitle one word a line), measuring
// some 250 pieces of text that the window never shows, each shaped anew by
// Fyne (about 25 ms of start-up). The size is the window's remembered size
// or DefaultSize, less what Fyne's window takes from it: the padding, and
// the menu bar, one line of menu text high with inner padding below
// (fyne internal/driver/glfw menu_bar_item.go). Where the guess is wrong
// (a menu bar of the system's), the window's first layout corrects it.
func (u *UI) presize() {
	size, ok := u.rememberedSize()
	if !ok {
		size = DefaultSize
	}
	th := u.app.Settings().Theme()
	if u.win.Padded() {
		size = size.SubtractWidthHeight(2*th.Size(theme.SizeNamePadding), 2*th.Size(theme.SizeNamePadding))
	}
	menu := fyne.MeasureText("File", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height + th.Size(theme.SizeNameInnerPadding)
	u.win.Content().Resize(size.SubtractWidthHeight(0, menu))
}

// sideLayout stacks the sidebar: the title and subtitle, the search field,
// the filters and the count, and the result list. Each part has its full
// height while the list keeps at least listShare of the sidebar; past that
// (large text, a small screen, the filters open) the title scrolls,
// showing its first label (the title) whole, then the filters, and the
// search field always shows.
type sideLayout struct{}

const listShare = 0.4

func (sideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	title, search, filters, list := objs[0].(*container.Scroll), objs[1], objs[2].(*container.Scroll), objs[3]
	pad := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNamePadding)
	searchH := search.MinSize().Height + pad
	room := max(0, size.Height-searchH-max(list.MinSize().Height, size.Height*listShare))
	filtersH := min(filters.Content.MinSize().Height+pad, room)
	// The title and subtitle wrap, so their height is known only at the
	// sidebar's width: laid out at the old width first, the block was
	// given two lines' room for three.
	if w := title.Content.Size().Width; w != size.Width {
		title.Content.Resize(fyne.NewSize(size.Width, title.Content.Size().Height))
	}
	whole := title.Content.MinSize().Height + pad
	titleH := min(whole, room-filtersH)
	if titleH < whole {
		// Cut there, the subtitle would end in half a line, which reads
		// as a fault: the title shows whole, the subtitle is left to the
		// scroll, and the list gets the room; with no room for the title
		// either, the block does not show.
		first := title.Content.(*fyne.Container).Objects[0].MinSize().Height + pad
		if titleH < first {
			first = 0
		}
		titleH = first
	}
	y := float32(0)
	for _, p := range []struct {
		o   fyne.CanvasObject
		h   float32
		gap float32 // below it, within h
	}{{title, titleH, pad}, {search, searchH, pad}, {filters, filtersH, pad}, {list, max(0, size.Height-titleH-searchH-filtersH), 0}} {
		p.o.Move(fyne.NewPos(0, y))
		p.o.Resize(fyne.NewSize(size.Width, max(0, p.h-p.gap)))
		y += p.h
	}
}

func (sideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
	}
	s.Height = objs[1].MinSize().Height + objs[3].MinSize().Height // the search field and the list
	return s
}

// sidebarShare is the sidebar's share of the window's width at first.
const sidebarShare = 0.27

// wrappingLabel returns an empty label of text size size that wraps at word
// boundaries. Fyne wraps a label that has no width yet one letter per line,
// measuring ever longer pieces of its text: setting the subtitle took 17 to
// 20 ms of the start-up that way. A provisional width, the sidebar's at the
// default window size, which the first layout replaces, spares that.
func wrappingLabel(size fyne.ThemeSizeName) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = size
	l.Resize(fyne.NewSize(DefaultSize.Width*sidebarShare, 0))
	return l
}

// setRow fills a result row. The row's date and context lines are made
// once per event and kept, so that refreshing the list (every visible row,
// on every keystroke) allocates nothing.
func (u *UI) setRow(r *widgets.ResultRow, m data.Match) {
	if len(u.rowDate) != len(u.tl.Events) {
		u.rowDate = make([]string, len(u.tl.Events))
		u.rowContext = make([]string, len(u.tl.Events))
	}
	e := &u.tl.Events[m.Event]
	if u.rowDate[m.Event] == "" {
		u.rowDate[m.Event] = widgets.RowDate(e)
		u.rowContext[m.Event] = widgets.RowContext(u.tl, e)
	}
	r.SetLines(e.Kind, u.rowDate[m.Event], e.Title, m, u.rowContext[m.Event])
}

// Select makes event i the selected one everywhere: timeline, card, list.
// The state (selected event, highlighted row) changes at once, so that the
// next key steps from it; the widgets follow once per frame (redraw): a
// burst of keys costs one card, not one card per key.
func (u *UI) Select(i int) {
	if i < 0 || i >= len(u.tl.Events) {
		return
	}
	u.selected = i
	u.cursor = u.rowOf(i)
	u.staleSelection = true
	u.queueRedraw()
}

// Selected is the index of the selected event, or -1.
func (u *UI) Selected() int { return u.selected }

// Step selects the event delta places from the selected one in date order
// (the first or last when nothing is selected).
func (u *UI) Step(delta int) {
	n := len(u.tl.Events)
	if n == 0 {
		return
	}
	i := u.selected + delta
	if u.selected < 0 {
		i = 0
		if delta < 0 {
			i = n - 1
		}
	}
	u.Select(max(0, min(n-1, i)))
}

// rowOf is the row of event i in the results, or -1 when they lack it.
func (u *UI) rowOf(i int) int {
	if u.cursor >= 0 && u.cursor < len(u.results) && u.results[u.cursor].Event == i {
		return u.cursor
	}
	for r, m := range u.results {
		if m.Event == i {
			return r
		}
	}
	return -1
}

// queueRedraw asks for a redraw before the next frame. The driver runs what
// fyne.Do hands it after the input events it is working through, so all the
// keys that arrived together change the state first and the widgets once.
func (u *UI) queueRedraw() {
	if u.redrawQueued {
		return
	}
	u.redrawQueued = true
	u.drawing.Add(1)
	go func() {
		defer u.drawing.Done()
		handBack(u.redraw)
	}()
}

// redraw makes the widgets show the state.
func (u *UI) redraw() {
	u.redrawQueued = false
	u.fillStory()
	if !u.staleSelection {
		return
	}
	u.staleSelection = false
	if u.selected >= 0 && u.selected < len(u.tl.Events) {
		u.timeline.SetSelected(u.selected)
		u.card.SetEvent(u.tl, u.selected)
		u.story.Hide()
		u.card.Show()
	}
	u.showCursor()
}

// ShowOverview shows the story card, for the whole collection or what the
// search shows, in the card's place: nothing is selected, and Right starts
// from the first event again (Go > Overview, the toolbar's home button).
func (u *UI) ShowOverview() {
	u.selected, u.cursor = -1, -1
	u.staleSelection = false
	u.timeline.SetSelected(-1)
	u.card.SetEvent(u.tl, -1)
	u.showStory()
	u.showCursor()
}

// showStory puts the story card in the card's place, filled with the
// current results.
func (u *UI) showStory() {
	u.card.Hide()
	u.story.Show()
	u.storyStale = true
	u.fillStory()
}

// fillStory fills the story card, when it shows, from the results (all
// the events for a blank query): once per change of the results, at the
// frame's redraw.
func (u *UI) fillStory() {
	if !u.storyStale || !u.story.Visible() {
		return
	}
	u.storyStale = false
	events := make([]int, len(u.results))
	for i, m := range u.results {
		events[i] = m.Event
	}
	u.story.SetSummary(u.tl.Summary(events))
}

// showCursor highlights the cursor's row of the results, scrolled into
// view, without re-opening it; no row when the cursor is -1.
func (u *UI) showCursor() {
	u.listEvent = true
	defer func() { u.listEvent = false }()
	if u.cursor < 0 || u.cursor >= len(u.results) {
		u.list.UnselectAll()
		return
	}
	u.list.Select(u.cursor)
	u.list.ScrollTo(u.cursor)
}

// Query is the current search text.
func (u *UI) Query() string { return u.query }

// Results is the current result list, best first.
func (u *UI) Results() []data.Match { return u.results }

func (u *UI) clearSearch() {
	u.search.SetText("")
}

// escapeSearch is Escape in the search field: it clears the query, and in
// a field already empty it leaves the field, so that Left and Right step
// through the events again rather than move a cursor in nothing, as
// Escape leaves a browser's find bar.
func (u *UI) escapeSearch() {
	if u.search.Text != "" {
		u.clearSearch()
		return
	}
	u.win.Canvas().Unfocus()
}

// moveCursor moves the highlighted result by delta and shows that event.
func (u *UI) moveCursor(delta int) {
	if len(u.results) == 0 {
		return
	}
	c := u.cursor + delta
	if u.cursor < 0 {
		c = 0
		if delta < 0 {
			c = len(u.results) - 1
		}
	}
	c = max(0, min(len(u.results)-1, c))
	u.Select(u.results[c].Event)
	u.cursor = c
}

// openCursor opens the highlighted result, or the top one, and hands the
// keys back to the timeline (Left/Right step from there).
func (u *UI) openCursor() {
	if len(u.results) == 0 {
		return
	}
	c := max(u.cursor, 0)
	u.Select(u.results[c].Event)
	u.win.Canvas().Unfocus()
}

// FocusSearch puts the keyboard focus in the search field. In
// presentation mode it leaves the slides first: Ctrl+F means "find
// something", and F5 from the search then presents what it finds.
func (u *UI) FocusSearch() {
	if u.dialogOpen() {
		return
	}
	u.Present(false)
	u.win.Canvas().Focus(u.search)
}

// toolbarAction is a toolbar button that leaves the window's keys to the
// window when Tab has given it the focus (navButton).
type toolbarAction struct{ b *navButton }

func (u *UI) toolbarAction(icon fyne.Resource, run func()) toolbarAction {
	b := u.newNavButton("", icon, run)
	b.Importance = widget.LowImportance
	return toolbarAction{b}
}

// ToolbarObject is the button.
func (a toolbarAction) ToolbarObject() fyne.CanvasObject { return a.b }

// toolbarLayout lays out the toolbar (in a horizontal scroll, the first
// object) and the span label beside it: the toolbar as wide as its
// buttons when the width allows, the label the rest. At the largest text
// on a small screen the toolbar scrolls rather than widening the window
// (every button has a key and a menu item too).
type toolbarLayout struct{}

func (toolbarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	scroll, label := objs[0].(*container.Scroll), objs[1]
	w := min(scroll.Content.MinSize().Width, size.Width)
	scroll.Move(fyne.NewPos(0, 0))
	scroll.Resize(fyne.NewSize(w, size.Height))
	label.Move(fyne.NewPos(w, 0))
	label.Resize(fyne.NewSize(max(0, size.Width-w), size.Height))
}

func (toolbarLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	scroll, label := objs[0].(*container.Scroll), objs[1]
	h := max(scroll.Content.MinSize().Height, label.MinSize().Height)
	return fyne.NewSize(label.MinSize().Width, h)
}
