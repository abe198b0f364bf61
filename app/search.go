package app

import (
	"cmp"
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// finder is the search machinery of one data set. Its index is built off
// the UI goroutine, after the first frame that shows the data set, or on
// first use if that comes first.
type finder struct {
	tl   *data.Timeline
	once sync.Once
	s    *data.Searcher
	// release collects the garbage and gives the memory it held back to
	// the system (debug.FreeOSMemory), before the index is built and
	// after.
	release func()
}

// searcher builds the index once, between two collections that give
// memory back. At 100,000 events the first frame leaves some 70 MB of
// garbage and freed pages behind, which the build would otherwise add to
// (the process's peak went from 400 to 345 MB), and the build's own 40 MB
// of garbage would stay in the process until the heap grew into it (at
// rest 400 MB, now 305 MB; at 17 events 175 MB, now 150 MB). Each
// collection costs some 50 ms of CPU at 100,000 events, on this goroutine.
func (s *finder) searcher() *data.Searcher {
	s.once.Do(func() {
		s.release()
		s.s = data.NewSearcher(data.NewIndex(s.tl))
		s.release()
	})
	return s.s
}

// startSearch prepares searching tl: the list shows every event at once
// and the filter toggles their counts, neither of which needs the index.
func (u *UI) startSearch(tl *data.Timeline) {
	u.finder = &finder{tl: tl, release: debug.FreeOSMemory}
	u.filter = filterState{}.clone()
	u.query = ""
	all := make([]data.Match, len(tl.Events))
	for i := range tl.Events {
		all[i] = data.Match{Event: i, Field: data.FieldTitle, Text: tl.Events[i].Title}
	}
	u.searchGen++
	u.showResult(data.Result{Matches: all, Total: len(tl.Events)})
	// The index (a second of CPU at 100,000 events) is built right after
	// the frame that shows the new data, so that it neither delays that
	// frame nor the first keystroke; a query typed before it is ready
	// waits for it and then answers.
	// (Not counted in u.searching: a search waits for the index itself.)
	s := u.finder
	u.frames.after(func() { go s.searcher() })
}

// setQuery is the search field's OnChanged: a new search for q.
func (u *UI) setQuery(q string) {
	if q == u.query {
		return
	}
	u.query = q
	u.runSearch()
}

// runSearch searches for the current query and filter on a goroutine of its
// own. A newer search cancels an older one (data.Searcher), and a result
// that comes back after a newer search started is dropped, so the list
// always ends with the results of the last query. The UI never waits.
func (u *UI) runSearch() {
	u.searchGen++
	gen, q, f, s := u.searchGen, u.query, u.filter.clone(), u.finder
	u.searching.Add(1)
	go func() {
		defer u.searching.Done()
		// Goroutines may reach the searcher out of order: SearchSeq makes a
		// late older search give way instead of cancelling this one.
		res, err := s.searcher().SearchSeq(context.Background(), gen, q, f.Filter)
		if err != nil {
			return // cancelled by a newer search
		}
		handBack(func() {
			if gen == u.searchGen {
				u.showResult(res)
			}
		})
	}()
}

// showResult puts a search result on screen: the list, the count, the
// filter counts and the dimming on the timeline.
func (u *UI) showResult(res data.Result) {
	u.results = res.Matches
	// The story card sums the results up once a frame (redraw): results
	// arriving a keystroke at a time at 100,000 events cost one summary.
	u.storyStale = true
	u.queueRedraw()
	u.cursor = -1
	u.list.Refresh()
	u.list.ScrollToTop()
	if u.selected >= 0 {
		u.cursor = u.rowOf(u.selected)
	}
	u.showCursor()
	total := len(u.tl.Events)
	switch {
	case len(u.results) > 0:
		u.count.SetText(fmt.Sprintf("%d of %d events", len(u.results), total))
	case strings.TrimSpace(u.query) != "" && !u.filter.IsZero():
		u.count.SetText(fmt.Sprintf("Nothing matches “%s” with these filters.", shorten(u.query, maxQuoted)))
	case !u.filter.IsZero():
		u.count.SetText("Nothing matches these filters.")
	default:
		u.count.SetText(fmt.Sprintf("Nothing matches “%s”. Escape clears the search.", shorten(u.query, maxQuoted)))
	}
	if u.filter.IsZero() {
		if c := u.win.Canvas(); c.Focused() == fyne.Focusable(u.clearFilters) {
			c.Unfocus() // Space pressed it: the keys go back to the window, not to a hidden button
		}
		u.clearFilters.Hide()
	} else {
		u.clearFilters.Show()
	}
	if res.Counts.Kinds != nil {
		u.filterPanel.setCounts(res.Counts)
	}
	u.followResults() // presentation mode steps through the results
	if len(u.results) == total {
		u.timeline.SetDimmed(nil)
		return
	}
	if len(u.match) != total {
		u.match = make([]bool, total)
	}
	clear(u.match)
	for _, m := range u.results {
		u.match[m.Event] = true
	}
	u.timeline.SetDimmed(u.match)
}

// handBack hands the result of work done on another goroutine to the UI
// goroutine. It is fyne.Do; tests replace it with a queue that they run on
// their own goroutine, as the driver's event loop would (the test driver's
// fyne.Do runs the function at once, on the calling goroutine).
var handBack = fyne.Do

// filterState is the filter the toggles set, kept as a data.Filter.
type filterState struct{ data.Filter }

func (f filterState) clone() filterState {
	c := filterState{data.Filter{
		Kinds:      make(map[data.Kind]bool, len(f.Kinds)),
		Directions: make(map[data.Direction]bool, len(f.Directions)),
		ReportedBy: make(map[string]bool, len(f.ReportedBy)),
		Groups:     make(map[string]bool, len(f.Groups)),
	}}
	for k, v := range f.Kinds {
		c.Kinds[k] = v
	}
	for k, v := range f.Directions {
		c.Directions[k] = v
	}
	for k, v := range f.ReportedBy {
		c.ReportedBy[k] = v
	}
	for k, v := range f.Groups {
		c.Groups[k] = v
	}
	return c
}

// filterPanel is the toggles beside the query: by kind, by direction, by
// who reports it and by an imported timeline's groups, each with the
// number of events it would show.
type filterPanel struct {
	u         *UI
	accordion *filterSections
	kinds     map[data.Kind]*navCheck
	dirs      map[data.Direction]*navCheck
	reps      map[string]*navCheck
	groups    map[string]*navCheck
	labels    map[*navCheck]string
}

func newFilterPanel(u *UI) *filterPanel {
	return &filterPanel{u: u, accordion: newFilterSections(u)}
}

// filterSections is the filter groups, each under a header that opens and
// closes it, one open at a time: Fyne's Accordion, but with headers that
// leave the window's keys to the window (navButton). Tab gives a header
// the focus, and the Accordion's own buttons took Right, F5 and the rest
// and did nothing with them. The layout is the Accordion's.
type filterSections struct {
	widget.BaseWidget
	u     *UI
	Items []*widget.AccordionItem
}

func newFilterSections(u *UI) *filterSections {
	a := &filterSections{u: u}
	a.ExtendBaseWidget(a)
	return a
}

// Open opens section i and closes the others.
func (a *filterSections) Open(i int) {
	for k, it := range a.Items {
		it.Open = k == i
	}
	a.Refresh()
}

// Close closes section i.
func (a *filterSections) Close(i int) {
	if i >= 0 && i < len(a.Items) {
		a.Items[i].Open = false
		a.Refresh()
	}
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (a *filterSections) CreateRenderer() fyne.WidgetRenderer {
	r := &filterSectionsRenderer{a: a}
	r.update()
	return r
}

type filterSectionsRenderer struct {
	a        *filterSections
	headers  []*navButton
	dividers []*widget.Separator
	objects  []fyne.CanvasObject
}

func (r *filterSectionsRenderer) Destroy()                     {}
func (r *filterSectionsRenderer) Objects() []fyne.CanvasObject { return r.objects }

// update makes a header for each section, with the arrow that says
// whether it is open, and shows the open one's group.
func (r *filterSectionsRenderer) update() {
	th := r.a.Theme()
	for len(r.headers) < len(r.a.Items) {
		i := len(r.headers)
		h := r.a.u.newNavButton("", nil, func() {
			if r.a.Items[i].Open {
				r.a.Close(i)
			} else {
				r.a.Open(i)
			}
		})
		h.Alignment = widget.ButtonAlignLeading
		h.IconPlacement = widget.ButtonIconLeadingText
		h.Importance = widget.LowImportance
		r.headers = append(r.headers, h)
	}
	for len(r.dividers) < len(r.a.Items)-1 {
		r.dividers = append(r.dividers, widget.NewSeparator())
	}
	r.objects = r.objects[:0]
	for i, h := range r.headers {
		if i >= len(r.a.Items) {
			if h.Visible() {
				h.Hide()
			}
			continue
		}
		it := r.a.Items[i]
		h.Text = it.Title
		h.Icon = th.Icon(theme.IconNameArrowDropDown)
		if it.Open {
			h.Icon = th.Icon(theme.IconNameArrowDropUp)
			it.Detail.Show()
		} else {
			it.Detail.Hide()
		}
		h.Show()
		h.Refresh()
		r.objects = append(r.objects, h, it.Detail)
	}
	for i, d := range r.dividers {
		if i < len(r.a.Items)-1 {
			r.objects = append(r.objects, d)
		}
	}
}

func (r *filterSectionsRenderer) Refresh() {
	r.update()
	r.Layout(r.a.Size())
	canvas.Refresh(r.a)
}

// MinSize is the headers' and the open group's, as the Accordion's.
func (r *filterSectionsRenderer) MinSize() fyne.Size {
	pad := r.a.Theme().Size(theme.SizeNamePadding)
	var size fyne.Size
	for i, it := range r.a.Items {
		if i != 0 {
			size.Height += pad
		}
		m := r.headers[i].MinSize()
		size.Width = fyne.Max(size.Width, m.Width)
		size.Height += m.Height
		m = it.Detail.MinSize()
		size.Width = fyne.Max(size.Width, m.Width)
		if it.Open {
			size.Height += m.Height + pad
		}
	}
	return size
}

// Layout stacks the headers, the open group under its header taking the
// room left, and a divider between each two, as the Accordion does.
func (r *filterSectionsRenderer) Layout(size fyne.Size) {
	th := r.a.Theme()
	pad := th.Size(theme.SizeNamePadding)
	sep := th.Size(theme.SizeNameSeparatorThickness)
	y, open := float32(0), 0
	for i, it := range r.a.Items {
		y += r.headers[i].MinSize().Height
		if it.Open {
			y += pad + it.Detail.MinSize().Height
			open++
		}
		if i < len(r.a.Items)-1 {
			y += pad
		}
	}
	extra := float32(0)
	if open > 0 {
		extra = fyne.Max(0, (size.Height-y)/float32(open))
	}
	y = 0
	for i, it := range r.a.Items {
		if i > 0 {
			d := r.dividers[i-1]
			d.Move(fyne.NewPos(0, y-(pad+sep)/2))
			d.Resize(fyne.NewSize(size.Width, sep))
		}
		h := r.headers[i]
		h.Move(fyne.NewPos(0, y))
		hh := h.MinSize().Height
		h.Resize(fyne.NewSize(size.Width, hh))
		y += hh
		if it.Open {
			y += pad
			it.Detail.Move(fyne.NewPos(0, y))
			dh := it.Detail.MinSize().Height + extra
			it.Detail.Resize(fyne.NewSize(size.Width, dh))
			y += dh
		}
		if i < len(r.a.Items)-1 {
			y += pad
		}
	}
}

// setTimeline makes one toggle per value found in tl, all off. The old
// toggles go: UI.SetTimeline, its one caller, has taken the focus from them
// already (or, under a dialog, marked it to go when the dialog closes).
func (p *filterPanel) setTimeline(tl *data.Timeline) {
	p.kinds = map[data.Kind]*navCheck{}
	p.dirs = map[data.Direction]*navCheck{}
	p.reps = map[string]*navCheck{}
	p.groups = map[string]*navCheck{}
	p.labels = map[*navCheck]string{}
	var kinds, dirs, reps, groups []fyne.CanvasObject
	kindCount, dirCount, repCount, groupCount := map[data.Kind]int{}, map[data.Direction]int{}, map[string]int{}, map[string]int{}
	for i := range tl.Events {
		e := &tl.Events[i]
		kindCount[e.Kind]++
		if e.From != "" {
			dirCount[data.Direction{From: e.From, To: e.To}]++
		}
		if e.ReportedBy != "" {
			repCount[e.ReportedBy]++
		}
		if e.Group != "" {
			groupCount[e.Group]++
		}
	}
	for _, d := range mostCommon(dirCount, func(a, b data.Direction) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	}) {
		label := tl.PersonName(d.From)
		if d.To != "" {
			label += " to " + tl.PersonName(d.To)
		}
		c := p.check(label, func(on bool) { p.u.filter.Directions[d] = on })
		p.dirs[d] = c
		dirs = append(dirs, c)
	}
	for _, r := range mostCommon(repCount, strings.Compare) {
		c := p.check(r, func(on bool) { p.u.filter.ReportedBy[r] = on })
		p.reps[r] = c
		reps = append(reps, c)
	}
	for _, g := range mostCommon(groupCount, strings.Compare) {
		c := p.check(g, func(on bool) { p.u.filter.Groups[g] = on })
		p.groups[g] = c
		groups = append(groups, c)
	}
	for _, k := range data.Kinds {
		if kindCount[k] == 0 {
			continue
		}
		c := p.check(k.Label(), func(on bool) { p.u.filter.Kinds[k] = on })
		p.kinds[k] = c
		kinds = append(kinds, c)
	}
	items := []*widget.AccordionItem{widget.NewAccordionItem("Filter by kind", p.group(kinds))}
	if len(dirs) > 0 {
		items = append(items, widget.NewAccordionItem("Filter by who wrote", p.group(dirs)))
	}
	if len(reps) > 0 {
		items = append(items, widget.NewAccordionItem("Filter by who says so", p.group(reps)))
	}
	if len(groups) > 0 {
		items = append(items, widget.NewAccordionItem("Filter by group", p.group(groups)))
	}
	p.accordion.Items = items
	p.accordion.Refresh()
	p.setCounts(data.Counts{Kinds: kindCount, Directions: dirCount, ReportedBy: repCount, Groups: groupCount})
}

// unfocus takes the keyboard focus from the toggle that has it, if mine
// says it is one of those leaving the screen: such a toggle must not keep
// it, or Space would tick a filter the person cannot see (the window's
// other keys work from a toggle, navCheck, and go on working from the
// window).
func (p *filterPanel) unfocus(mine func(*navCheck) bool) {
	c := p.u.win.Canvas()
	if f, ok := c.Focused().(*navCheck); ok && mine(f) {
		c.Unfocus()
	}
}

// filterGroup is one group of toggles in the filter accordion. When the
// group closes (the accordion hides it), a toggle of it that had the
// keyboard focus gives it up.
type filterGroup struct {
	widget.BaseWidget
	p   *filterPanel
	box *fyne.Container
}

func (p *filterPanel) group(checks []fyne.CanvasObject) *filterGroup {
	g := &filterGroup{p: p, box: container.NewVBox(checks...)}
	g.ExtendBaseWidget(g)
	return g
}

// CreateRenderer shows the toggles one below the other.
func (g *filterGroup) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(g.box) }

// Hide hides the group, taking the focus from its toggles.
func (g *filterGroup) Hide() {
	g.p.unfocus(func(c *navCheck) bool { return slices.Contains(g.box.Objects, fyne.CanvasObject(c)) })
	g.BaseWidget.Hide()
}

// maxToggles is how many values of one filter group get a toggle: the most
// common ones. A generated data set has hundreds of sender–recipient pairs;
// a list that long helps nobody (the search finds names) and measuring it
// held up the first frame.
const maxToggles = 12

// mostCommon returns the keys of counts, most common first (ties in the
// order cmpKeys gives), at most maxToggles of them.
func mostCommon[K comparable](counts map[K]int, cmpKeys func(a, b K) int) []K {
	keys := make([]K, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int {
		return cmp.Or(counts[b]-counts[a], cmpKeys(a, b))
	})
	return keys[:min(len(keys), maxToggles)]
}

func (p *filterPanel) check(label string, set func(on bool)) *navCheck {
	label = shorten(label, 30)
	c := p.u.newNavCheck(label)
	c.OnChanged = func(on bool) {
		set(on)
		p.u.runSearch()
	}
	p.labels[c] = label
	return c
}

// maxQuoted is how many characters of the query the "Nothing matches"
// line repeats: a pasted page said back in full helps nobody, and the
// line wraps.
const maxQuoted = 40

// shorten cuts s to at most n runes, ending in "…" where it cut, so that a
// long value (who reports an event, in an imported file) cannot widen the
// sidebar.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

// setCounts writes each toggle's count beside its label.
func (p *filterPanel) setCounts(c data.Counts) {
	for k, chk := range p.kinds {
		p.setLabel(chk, c.Kinds[k])
	}
	for d, chk := range p.dirs {
		p.setLabel(chk, c.Directions[d])
	}
	for r, chk := range p.reps {
		p.setLabel(chk, c.ReportedBy[r])
	}
	for g, chk := range p.groups {
		p.setLabel(chk, c.Groups[g])
	}
}

func (p *filterPanel) setLabel(chk *navCheck, n int) {
	text := fmt.Sprintf("%s (%d)", p.labels[chk], n)
	if chk.Text != text {
		chk.Text = text
		chk.Refresh()
	}
}

// clear turns every toggle off without searching once per toggle.
func (p *filterPanel) clear() {
	for chk := range p.labels {
		if chk.Checked {
			f := chk.OnChanged
			chk.OnChanged = nil
			chk.SetChecked(false)
			chk.OnChanged = f
		}
	}
}

// ClearFilters turns every filter off.
func (u *UI) ClearFilters() {
	u.filterPanel.clear()
	u.filter = filterState{}.clone()
	u.runSearch()
}

// setKindFilter sets one kind toggle, as a click on it would.
func (u *UI) setKindFilter(k data.Kind, on bool) {
	if c := u.filterPanel.kinds[k]; c != nil {
		c.SetChecked(on)
	}
}
