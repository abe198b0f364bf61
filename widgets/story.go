package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// StoryCard shows a collection as a whole: its title and subtitle, its
// span, how many events of each kind (with the kinds' marks, as on the
// timeline) and in each direction, what the source says beside its dated
// events (data.Note), and the sources. The window opens on it instead of an
// empty card; a presentation's title slide shows the same.
//
// Its parts are made once; SetSummary fills them (rows for kinds and
// directions are made as a summary needs more of them than before, and
// hidden when it needs fewer), and Refresh restyles them from the theme.
type StoryCard struct {
	widget.BaseWidget

	// Hint, when set, is a line at the end that says how to go on.
	Hint string
	// NoTextMenu turns off the menu a right click on the text opens (a
	// slide has no menus).
	NoTextMenu bool

	title, subtitle, span *wrapText
	kinds                 *fyne.Container
	kindIcons             []*kindIcon
	kindTexts             []*wrapText
	dirHead               *wrapText
	dirs                  []*wrapText
	dirBox                *fyne.Container
	notesHead             *wrapText
	notes                 []*wrapText
	notesBox              *fyne.Container
	sources               []*wrapText
	sourcesBox            *fyne.Container
	hint                  *wrapText
	box                   *fyne.Container
}

var _ fyne.Widget = (*StoryCard)(nil)

// NewStoryCard returns an empty story card; SetSummary fills it.
func NewStoryCard() *StoryCard {
	c := &StoryCard{
		title: newWrapText(), subtitle: newWrapText(), span: newWrapText(),
		dirHead:   newWrapText(bold("Who wrote to whom")),
		notesHead: newWrapText(bold("Beyond these dates")),
	}
	c.kinds = container.NewGridWrap(fyne.NewSize(0, 0))
	c.dirBox = container.NewVBox(c.dirHead)
	c.notesBox = container.NewVBox(c.notesHead)
	c.sourcesBox = container.NewVBox()
	c.hint = newWrapText()
	c.box = container.NewVBox(c.title, c.subtitle, c.span, c.kinds, c.dirBox, c.notesBox, c.sourcesBox, c.hint)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *StoryCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.box)
}

// storyDirections is how many "who wrote to whom" rows the card lists, the
// busiest pairs first; the others are summed up in one more row. A large
// collection can have hundreds of pairs (576 in --synthetic 100000), and
// Fyne draws every row of a scrolled card each frame, hidden by the scroll
// or not: those rows took about a tenth of the CPU of every frame while
// the timeline was panned or zoomed (make framebench).
const storyDirections = 12

func bold(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}
}

// SetSummary shows s.
func (c *StoryCard) SetSummary(s data.Summary) {
	c.title.segs = []*widget.TextSegment{{Text: s.Title, Style: widget.RichTextStyleHeading}}
	c.subtitle.segs = plain(s.Subtitle, "")
	what := data.Count(s.Events, "event")
	if s.Events != s.All {
		what = fmt.Sprintf("%s of %s", data.Count(s.Events, ""), data.Count(s.All, "event"))
	}
	if span := s.Span(); span != "" {
		what = span + " · " + what
	}
	c.span.segs = []*widget.TextSegment{bold(what)}

	for len(c.kindIcons) < len(s.Kinds) {
		icon := NewKindIcon(data.KindLetter, 0).(*kindIcon)
		text := newWrapText()
		c.kindIcons = append(c.kindIcons, icon)
		c.kindTexts = append(c.kindTexts, text)
		c.kinds.Add(container.NewBorder(nil, nil, container.NewCenter(icon), nil, text))
	}
	for i, row := range c.kinds.Objects {
		if i >= len(s.Kinds) {
			row.Hide()
			continue
		}
		k := s.Kinds[i]
		c.kindIcons[i].kind = k.Kind
		c.kindTexts[i].segs = plain(k.Kind.Count(k.N), "")
		row.Show()
	}

	var dirs []string
	for i, d := range s.Directions {
		if i == storyDirections && len(s.Directions) > storyDirections+1 {
			rest := 0
			for _, d := range s.Directions[i:] {
				rest += d.N
			}
			dirs = append(dirs, fmt.Sprintf("and %s more pairs, %s", data.Count(len(s.Directions)-i, ""), data.Count(rest, "event")))
			break
		}
		dirs = append(dirs, fmt.Sprintf("%s to %s: %s", d.FromName, d.ToName, data.Count(d.N, "")))
	}
	c.dirs = fillRows(c.dirBox, c.dirs, dirs)
	showIf(c.dirBox, len(dirs) > 0)

	var notes []string
	for _, n := range s.Notes {
		notes = append(notes, n.Text)
	}
	c.notes = fillRows(c.notesBox, c.notes, notes)
	showIf(c.notesBox, len(notes) > 0)

	var sources []string
	for _, src := range s.Sources {
		sources = append(sources, "Source: "+src.Citation())
	}
	c.sources = fillRows(c.sourcesBox, c.sources, sources)
	// Regular type: an italic face would be one more font to load before
	// the first frame, which shows this card.
	c.hint.segs = []*widget.TextSegment{{Text: c.Hint, Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}}}
	showIf(c.hint, c.Hint != "")
	menuFlag(c.box, &c.NoTextMenu)
	c.Refresh()
}

// fillRows shows texts in rows, the wrapText rows of box after its first
// object when it has a heading (a box whose first object is not one of
// rows), making rows as needed and hiding those left over.
func fillRows(box *fyne.Container, rows []*wrapText, texts []string) []*wrapText {
	for len(rows) < len(texts) {
		r := newWrapText()
		rows = append(rows, r)
		box.Add(r)
	}
	for i, r := range rows {
		if i < len(texts) {
			r.segs = plain(texts[i], "")
			r.Show()
		} else {
			r.Hide()
		}
	}
	return rows
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// Refresh restyles the card from its theme: the kind marks follow the
// text size, the grid of kinds its widest entry.
func (c *StoryCard) Refresh() {
	th := c.Theme()
	size := th.Size(theme.SizeNameText)
	w := float32(0)
	for i, icon := range c.kindIcons {
		icon.size = size * 1.4
		if i < len(c.kindTexts) {
			w = max(w, fyne.MeasureText(c.kindTexts[i].String(), size, fyne.TextStyle{}).Width)
		}
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	c.kinds.Layout = layout.NewGridWrapLayout(fyne.NewSize(w+size*1.4+4*pad, size*1.4+2*pad))
	c.BaseWidget.Refresh()
	c.box.Refresh()
}

// String is the text the card shows, a line per row, leaving out what it
// holds hidden.
func (c *StoryCard) String() string { return visibleText(c.box) }

// visibleText is the text of the wrapTexts under o that show, a line each.
func visibleText(o fyne.CanvasObject) string {
	var b strings.Builder
	walkTexts(o, func(w *wrapText) { b.WriteString(w.String() + "\n") })
	return b.String()
}

// walkTexts calls f with each wrapText under o that shows, in order.
func walkTexts(o fyne.CanvasObject, f func(*wrapText)) {
	if o.Visible() {
		eachText(o, f, true)
	}
}

// eachText calls f with each wrapText under o, in order, leaving out those
// in hidden containers when shownOnly is set.
func eachText(o fyne.CanvasObject, f func(*wrapText), shownOnly bool) {
	switch w := o.(type) {
	case *wrapText:
		f(w)
	case *fyne.Container:
		for _, child := range w.Objects {
			if !shownOnly || child.Visible() {
				eachText(child, f, shownOnly)
			}
		}
	}
}

// menuFlag makes flag turn the right-click menu of every text under o
// on and off (a card's NoTextMenu).
func menuFlag(o fyne.CanvasObject, flag *bool) {
	eachText(o, func(t *wrapText) { t.noMenu = flag }, false)
}

// SelectedText is the text selected in the card, "" when none is.
func (c *StoryCard) SelectedText() string { return selectedIn(c, c.box) }

// SelectedText is the text selected in the card, "" when none is.
func (c *SourcesCard) SelectedText() string { return selectedIn(c, c.box) }

// SourcesCard is a presentation's last slide: every source the events cite,
// in full, and who reports which events ("according to"), grouped by
// reporter, most first.
type SourcesCard struct {
	widget.BaseWidget

	// NoTextMenu turns off the menu a right click on the text opens (a
	// slide has no menus).
	NoTextMenu bool

	head, repHead *wrapText
	sources       []*wrapText
	sourcesBox    *fyne.Container
	reps          []*wrapText
	repBox        *fyne.Container
	box           *fyne.Container
}

var _ fyne.Widget = (*SourcesCard)(nil)

// NewSourcesCard returns an empty sources card; SetSummary fills it.
func NewSourcesCard() *SourcesCard {
	c := &SourcesCard{head: newWrapText(), repHead: newWrapText()}
	c.head.segs = []*widget.TextSegment{{Text: "Sources", Style: widget.RichTextStyleHeading}}
	c.repHead.segs = []*widget.TextSegment{{Text: "Who says so", Style: widget.RichTextStyleSubHeading}}
	c.sourcesBox = container.NewVBox()
	c.repBox = container.NewVBox(c.repHead)
	c.box = container.NewVBox(c.head, c.sourcesBox, c.repBox)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *SourcesCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.box)
}

// SetSummary shows the sources of s and its reporters with the titles of
// the events each reports, from tl.
func (c *SourcesCard) SetSummary(tl *data.Timeline, s data.Summary) {
	var sources []string
	for _, src := range s.Sources {
		sources = append(sources, src.Citation())
	}
	switch {
	case len(sources) > 0:
	case s.Events == 0 && s.All > 0:
		// a search or filters that let nothing through
		if s.All == 1 {
			sources = append(sources, "The search and filters leave out the only event.")
		} else {
			sources = append(sources, "The search and filters leave out all "+data.Count(s.All, "event")+".")
		}
	default:
		sources = append(sources, "The events name no source.")
	}
	c.sources = fillRows(c.sourcesBox, c.sources, sources)
	var reps []string
	for _, r := range s.Reporters {
		titles := make([]string, 0, len(r.Events))
		for k, i := range r.Events {
			if k == maxReported {
				titles = append(titles, fmt.Sprintf("and %s more", data.Count(len(r.Events)-k, "")))
				break
			}
			titles = append(titles, tl.Events[i].DisplayDate()+": "+tl.Events[i].Title)
		}
		reps = append(reps, r.Name+" — "+strings.Join(titles, "; "))
	}
	c.reps = fillRows(c.repBox, c.reps, reps)
	showIf(c.repBox, len(reps) > 0)
	menuFlag(c.box, &c.NoTextMenu)
	c.Refresh()
}

// maxReported is how many events a reporter's line names before it counts
// the rest: a generated data set's reporter reports thousands.
const maxReported = 8

// String is the text the card shows, a line per row.
func (c *SourcesCard) String() string { return visibleText(c.box) }
