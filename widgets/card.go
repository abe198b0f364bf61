package widgets

import (
	"fmt"
	"image/color"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// EventCard shows everything known about one event: kind, date, who wrote to
// whom, title, summary, place, the quoted words with who said them, who
// reports it, the source, related events and previous/next buttons.
type EventCard struct {
	widget.BaseWidget

	// OnPrevious and OnNext are called by the card's arrow buttons.
	OnPrevious func() `json:"-"`
	OnNext     func() `json:"-"`
	// OnRelated is called with the index of a related event the person chose.
	OnRelated func(index int) `json:"-"`

	tl    *data.Timeline
	index int

	prev, next *widget.Button
	position   *widget.Label
	body       *fyne.Container
	bodyTheme  *container.ThemeOverride // set by SetContentTheme
	box        *fyne.Container
	related    []*widget.Hyperlink
}

var _ fyne.Widget = (*EventCard)(nil)

// NewEventCard returns an empty card; SetEvent fills it.
func NewEventCard() *EventCard {
	c := &EventCard{index: -1}
	c.prev = widget.NewButtonWithIcon("Previous", theme.NavigateBackIcon(), func() {
		if c.OnPrevious != nil {
			c.OnPrevious()
		}
	})
	c.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() {
		if c.OnNext != nil {
			c.OnNext()
		}
	})
	c.next.IconPlacement = widget.ButtonIconTrailingText
	c.position = widget.NewLabel("")
	c.body = container.NewVBox()
	nav := container.NewHBox(c.prev, c.position, c.next)
	c.box = container.NewVBox(nav, c.body)
	c.ExtendBaseWidget(c)
	c.SetEvent(nil, -1)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *EventCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.box)
}

// Refresh rebuilds the card so that it follows theme changes.
func (c *EventCard) Refresh() {
	c.SetEvent(c.tl, c.index)
	c.BaseWidget.Refresh()
}

// ShowNavigation shows or hides the previous/next buttons and the "n of m"
// position (presentation mode hides them and shows its own progress).
func (c *EventCard) ShowNavigation(on bool) {
	if nav := c.box.Objects[0]; on {
		nav.Show()
	} else {
		nav.Hide()
	}
	c.box.Refresh()
}

// SetContentTheme draws the card's contents in th (nil for the app's
// theme), e.g. with type scaled for a projector. A container.ThemeOverride
// around the card does not reach them, as the card makes new objects for
// every event (and on every Refresh).
func (c *EventCard) SetContentTheme(th fyne.Theme) {
	switch {
	case th == nil && c.bodyTheme != nil:
		c.bodyTheme = nil
		c.box.Objects[1] = c.body
	case th != nil && c.bodyTheme == nil:
		c.bodyTheme = container.NewThemeOverride(c.body, th)
		c.box.Objects[1] = c.bodyTheme
	case th != nil:
		c.bodyTheme.Theme = th
	}
	c.refreshBody()
	c.box.Refresh()
}

// refreshBody redraws the contents, theming new objects.
func (c *EventCard) refreshBody() {
	if c.bodyTheme != nil {
		c.bodyTheme.Refresh()
		return
	}
	c.body.Refresh()
}

// Index is the index of the event shown, or -1.
func (c *EventCard) Index() int { return c.index }

// Title is the title of the event shown, or "".
func (c *EventCard) Title() string {
	if c.tl == nil || c.index < 0 {
		return ""
	}
	return c.tl.Events[c.index].Title
}

// SetEvent shows event index of tl; index -1 (or a nil tl) shows a hint to
// choose one.
func (c *EventCard) SetEvent(tl *data.Timeline, index int) {
	c.tl, c.index = tl, index
	if tl == nil || index < 0 || index >= len(tl.Events) {
		c.index = -1
		// Regular type: an italic face here would be one more font to load
		// before the first frame.
		// It wraps: the card's minimum width is the window's.
		c.body.Objects = []fyne.CanvasObject{
			newWrapText(plain("Choose an event on the timeline or in the list, or press Right.", "")...),
		}
		c.prev.Disable()
		c.next.Disable()
		c.position.SetText("")
		c.refreshBody()
		return
	}
	e := &tl.Events[index]
	c.body.Objects = c.describe(tl, e)
	c.refreshBody()
	c.position.SetText(fmt.Sprintf("%d of %d", index+1, len(tl.Events)))
	setEnabled(c.prev, index > 0)
	setEnabled(c.next, index < len(tl.Events)-1)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (c *EventCard) describe(tl *data.Timeline, e *data.Event) []fyne.CanvasObject {
	kind := newWrapText(
		&widget.TextSegment{Text: e.Kind.Label(), Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "   " + e.DisplayDate(), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	)
	// A Border rather than an HBox, so that a long date as the file writes
	// it wraps rather than widen the card.
	icon := NewKindIcon(e.Kind, c.Theme().Size(theme.SizeNameText)*1.4)
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, icon, nil, kind)}
	if e.From != "" {
		// Words rather than an arrow: Fyne's fonts have no "→", so it
		// would come from a system font (slower to start, and a box where
		// there is none).
		who := "From " + tl.PersonName(e.From)
		if e.To != "" {
			who += " to " + tl.PersonName(e.To)
		}
		// Wrapping: long names must not widen the card.
		objs = append(objs, newWrapText(&widget.TextSegment{Text: who, Style: widget.RichTextStyle{
			Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}))
	}
	objs = append(objs, newWrapText(text(widget.RichTextStyleHeading, e.Title, e.CutNote("title"))...))
	if e.Summary != "" {
		objs = append(objs, newWrapText(plain(e.Summary, e.CutNote("summary"))...))
	}
	if e.Place != "" {
		objs = append(objs, field("Place", plain(e.Place, e.CutNote("place"))...))
	}
	if e.Group != "" {
		objs = append(objs, field("Group", plain(e.Group, e.CutNote("group"))...))
	}
	objs = append(objs, media(e)...)
	th, v := c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	for i, q := range e.Quotes {
		notes := [2]string{e.CutNote(fmt.Sprintf("quotes[%d].text", i)), e.CutNote(fmt.Sprintf("quotes[%d].by", i))}
		objs = append(objs, quoteBlock(q, notes, th.Color(theme.ColorNamePrimary, v)))
	}
	if e.ReportedBy != "" {
		objs = append(objs, field("According to", plain(e.ReportedBy, e.CutNote("reported_by"))...))
	}
	if s, ok := tl.Source(e.Source); ok {
		text := fmt.Sprintf("“%s”, %s", s.Title, s.Publisher)
		if !s.Date.IsZero() {
			text += ", " + s.Date.Display()
		}
		objs = append(objs, field("Source", plain(text, "")...))
	}
	c.related = c.related[:0]
	if len(e.Related) > 0 {
		objs = append(objs, widget.NewLabelWithStyle("Related", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, id := range e.Related {
			i := tl.Index(id)
			if i < 0 {
				continue
			}
			r := &tl.Events[i]
			// A link rather than a button: it wraps, so that a long
			// title does not widen the card (and the window).
			b := widget.NewHyperlink(r.DisplayDate()+": "+r.Title, nil)
			b.Wrapping = fyne.TextWrapWord
			b.OnTapped = func() {
				if c.OnRelated != nil {
					c.OnRelated(i)
				}
			}
			c.related = append(c.related, b)
			objs = append(objs, b)
		}
	}
	return objs
}

// media shows an imported event's media as text and a link; nothing is
// fetched (the link opens in the browser only if the person follows it).
func media(e *data.Event) []fyne.CanvasObject {
	m := e.Media
	if m.IsZero() {
		return nil
	}
	var objs []fyne.CanvasObject
	var value []*widget.TextSegment
	if m.Caption != "" {
		value = plain(m.Caption, e.CutNote("media.caption"))
	}
	if m.Credit != "" {
		credit := "credit: " + m.Credit
		if len(value) > 0 {
			credit = " — " + credit
		}
		value = append(value, plain(credit, e.CutNote("media.credit"))...)
	}
	if m.Embed != "" && len(value) == 0 {
		value = plain(m.Embed, e.CutNote("media.embed"))
	}
	if len(value) > 0 {
		objs = append(objs, field("Media", value...))
	}
	if u, err := url.Parse(m.URL); err == nil && m.URL != "" && (u.Scheme == "http" || u.Scheme == "https") {
		link := widget.NewHyperlink(m.URL, u)
		link.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, link)
	} else if m.URL != "" {
		objs = append(objs, field("Link", plain(m.URL, "")...))
	}
	return objs
}

// text is s as a segment of style, then note, if any (what
// data.Event.CutNote says when s was shortened), right after it in small
// italics.
func text(style widget.RichTextStyle, s, note string) []*widget.TextSegment {
	seg := &widget.TextSegment{Text: s, Style: style}
	if note == "" {
		return []*widget.TextSegment{seg}
	}
	st := noteStyle
	st.Inline = style.Inline
	seg.Style.Inline = true // the note follows on the same row, and ends it when s did
	return []*widget.TextSegment{seg, {Text: " " + note, Style: st}}
}

// noteStyle is the style of a note on shortened text.
var noteStyle = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText,
	TextStyle: fyne.TextStyle{Italic: true}}

// plain is text in the card's ordinary inline style, and its note.
func plain(s, note string) []*widget.TextSegment {
	return text(widget.RichTextStyleInline, s, note)
}

// field is a "Name: value" line whose value wraps.
func field(name string, value ...*widget.TextSegment) fyne.CanvasObject {
	return newWrapText(append([]*widget.TextSegment{
		{Text: name + ": ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	}, value...)...)
}

// quoteBlock sets quoted words apart: a bar on the left, the words in
// quotation marks and italics, then who said them; notes says what was cut
// of each, if anything.
func quoteBlock(q data.Quote, notes [2]string, accent color.Color) fyne.CanvasObject {
	words := widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}, SizeName: theme.SizeNameSubHeadingText}
	by := widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}
	t := newWrapText(append(text(words, "“"+q.Text+"”", notes[0]), text(by, "— "+q.By, notes[1])...)...)
	bar := canvas.NewRectangle(accent)
	bar.SetMinSize(fyne.NewSize(4, 0))
	return container.NewBorder(nil, nil, bar, nil, container.New(layout.NewCustomPaddedLayout(0, 0, 4, 0), t))
}
