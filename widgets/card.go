package widgets

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

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
//
// It is built as Fyne's own widgets are: a fixed skeleton of parts made
// once (as many quote and related-event rows as the data allows, see
// data.MaxQuotes and data.MaxRelated), SetEvent fills them and hides those
// the event has not, and Refresh restyles them from the current theme. The
// set of objects never changes, so a container.ThemeOverride around the
// card reaches every part. (It made new widgets for every event and every
// Refresh, and Fyne keeps a widget's renderer for a minute after it was
// last drawn: stepping through events and changing the theme kept
// hundreds of them.)
type EventCard struct {
	widget.BaseWidget

	// OnPrevious and OnNext are called by the card's arrow buttons.
	OnPrevious func() `json:"-"`
	OnNext     func() `json:"-"`
	// OnRelated is called with the index of a related event the person chose.
	OnRelated func(index int) `json:"-"`
	// NoTextMenu turns off the menu a right click on the text opens (a
	// slide has no menus).
	NoTextMenu bool

	tl    *data.Timeline
	index int
	// hidden hides what happened (title, summary, quotes, dispute, media)
	// for a class to guess first: SetHidden.
	hidden bool
	// shown lists the parts fill chose to show; applyShown shows them
	// and hides the rest.
	shown []fyne.CanvasObject

	prev, next *KeyButton
	position   *widget.Label
	body       *fyne.Container
	box        *fyne.Container

	hint      *wrapText
	icon      *kindIcon
	kind      *wrapText // kind and date
	kindRow   *fyne.Container
	who       *wrapText
	title     *wrapText
	summary   *wrapText
	dispute   *wrapText // "Disputed: …" or "Disputes: …"
	place     *wrapText
	group     *wrapText
	mediaText *wrapText
	mediaLink *KeyLink
	mediaURL  *wrapText // a link that is not http(s), as text
	quotes    [data.MaxQuotes]*quoteView
	reported  *wrapText
	source    *wrapText
	relHead   *widget.Label
	related   [data.MaxRelated]*KeyLink
	relatedTo []int // the event each related link shows
}

var _ fyne.Widget = (*EventCard)(nil)

// NewEventCard returns an empty card; SetEvent fills it.
func NewEventCard() *EventCard {
	c := &EventCard{index: -1}
	c.prev = NewKeyButton("Previous", theme.NavigateBackIcon(), func() {
		if c.OnPrevious != nil {
			c.OnPrevious()
		}
	})
	c.next = NewKeyButton("Next", theme.NavigateNextIcon(), func() {
		if c.OnNext != nil {
			c.OnNext()
		}
	})
	c.next.IconPlacement = widget.ButtonIconTrailingText
	c.position = widget.NewLabel("")
	c.body = container.NewVBox()

	// Regular type for the hint: an italic face here would be one more
	// font to load before the first frame. Everything wraps: the card's
	// minimum width is the window's.
	c.hint = newWrapText(plain("Choose an event on the timeline or in the list, or press Right.", "")...)
	c.icon = NewKindIcon(data.KindLetter, 0).(*kindIcon)
	c.kind = newWrapText()
	// A Border rather than an HBox, so that a long date as the file writes
	// it wraps rather than widen the card.
	c.kindRow = container.NewBorder(nil, nil, c.icon, nil, c.kind)
	c.who, c.title, c.summary = newWrapText(), newWrapText(), newWrapText()
	c.place, c.group, c.mediaText, c.mediaURL = newWrapText(), newWrapText(), newWrapText(), newWrapText()
	c.reported, c.source, c.dispute = newWrapText(), newWrapText(), newWrapText()
	c.mediaLink = NewKeyLink("", nil)
	c.mediaLink.Truncation = fyne.TextTruncateEllipsis
	c.relHead = widget.NewLabelWithStyle("Related", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{c.hint, c.kindRow, c.who, c.title, c.summary, c.dispute, c.place, c.group,
		c.mediaText, c.mediaLink, c.mediaURL}
	for k := range c.quotes {
		c.quotes[k] = newQuoteView()
		objs = append(objs, c.quotes[k].box)
	}
	objs = append(objs, c.reported, c.source, c.relHead)
	for k := range c.related {
		c.related[k] = c.newRelatedLink(k)
		objs = append(objs, c.related[k])
	}
	c.body.Objects = objs

	nav := container.NewHBox(c.prev, c.position, c.next)
	c.box = container.NewVBox(nav, c.body)
	menuFlag(c.box, &c.NoTextMenu)
	c.ExtendBaseWidget(c)
	c.SetEvent(nil, -1)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *EventCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.box)
}

// SelectedText is the text selected in the card, "" when none is.
func (c *EventCard) SelectedText() string { return selectedIn(c, c.box) }

// Refresh restyles the card from the current theme (its colours and the
// kind icon's size) and redraws it.
func (c *EventCard) Refresh() {
	c.style()
	c.BaseWidget.Refresh()
	c.body.Refresh()
}

// style gives the parts the colours and sizes of the card's theme.
func (c *EventCard) style() {
	th, v := c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	c.icon.size = th.Size(theme.SizeNameText) * 1.4
	accent := th.Color(theme.ColorNamePrimary, v)
	for _, q := range c.quotes {
		q.bar.FillColor = accent
	}
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

// SetHidden hides (on) or shows what the event shown was: its title,
// summary, quotes, dispute and media give way to a line that asks what
// happened, while the date, the kind, who wrote to whom, the place and who
// reports it stay. A class guesses, then the teacher reveals it.
func (c *EventCard) SetHidden(on bool) {
	if c.hidden == on {
		return
	}
	c.hidden = on
	c.fill()
	c.body.Refresh()
}

// Hidden reports whether the card hides what happened (SetHidden).
func (c *EventCard) Hidden() bool { return c.hidden }

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
	}
	c.fill()
	c.dropLostFocus()
	c.style()
	c.body.Refresh()
	if c.index < 0 {
		c.prev.Disable()
		c.next.Disable()
		c.position.SetText("")
		return
	}
	c.position.SetText(fmt.Sprintf("%d of %d", index+1, len(tl.Events)))
	setEnabled(&c.prev.Button, index > 0)
	setEnabled(&c.next.Button, index < len(tl.Events)-1)
}

// dropLostFocus gives the keyboard focus back to the window when one of
// the card's links had it (Tab, a click) and the event now shown has no
// such link: fill hid the link, and keys sent to it would go nowhere.
func (c *EventCard) dropLostFocus() { c.dropFocus(false) }

// Hide hides the card, and gives the keyboard focus back to the window
// when one of its buttons or links had it (Tab, a click): keys sent to a
// hidden widget would go nowhere.
func (c *EventCard) Hide() {
	c.dropFocus(true)
	c.BaseWidget.Hide()
}

// dropFocus unfocuses the card's button or link that has the keyboard
// focus: any of them when all is set (the card is going), else a link
// that is hidden.
func (c *EventCard) dropFocus(all bool) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil || cv.Focused() == nil {
		return
	}
	parts := []fyne.CanvasObject{c.mediaLink}
	for _, l := range c.related {
		parts = append(parts, l)
	}
	if all {
		parts = append(parts, c.prev, c.next)
	}
	f := cv.Focused()
	for _, p := range parts {
		if f == p.(fyne.Focusable) && (all || !p.Visible()) {
			cv.Unfocus()
			return
		}
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// fill gives the parts the shown event has its texts and shows them, and
// hides the others.
func (c *EventCard) fill() {
	c.shown = c.shown[:0]
	defer c.applyShown()
	if c.index < 0 {
		c.show(c.hint)
		c.relatedTo = c.relatedTo[:0]
		return
	}
	tl, e := c.tl, &c.tl.Events[c.index]

	c.icon.kind = e.Kind
	c.kind.segs = []*widget.TextSegment{
		{Text: e.Kind.Label(), Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}},
		{Text: "   " + e.DisplayDate(), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	}
	c.show(c.kindRow)
	if e.From != "" {
		// Words rather than an arrow: Fyne's fonts have no "→", so it
		// would come from a system font (slower to start, and a box where
		// there is none).
		who := "From " + tl.PersonName(e.From)
		if e.To != "" {
			who += " to " + tl.PersonName(e.To)
		}
		c.who.segs = []*widget.TextSegment{{Text: who, Style: widget.RichTextStyle{
			Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}}
		c.show(c.who)
	}
	if c.hidden {
		c.title.segs = []*widget.TextSegment{{Text: "What happened?", Style: widget.RichTextStyle{
			SizeName: theme.SizeNameHeadingText, ColorName: theme.ColorNamePlaceHolder}}}
		c.show(c.title)
	} else {
		c.title.segs = text(widget.RichTextStyleHeading, e.Title, e.CutNote("title"))
		c.show(c.title)
		if e.Summary != "" {
			c.summary.segs = plain(e.Summary, e.CutNote("summary"))
			c.show(c.summary)
		}
		c.fillDispute(tl, e)
	}
	c.showField(c.place, "Place", e.Place, e.CutNote("place"))
	c.showField(c.group, "Group", e.Group, e.CutNote("group"))
	if !c.hidden {
		c.fillMedia(e)
		c.fillQuotes(e)
	}
	c.fillRest(tl, e)
}

// fillQuotes shows e's quotes, each set apart.
func (c *EventCard) fillQuotes(e *data.Event) {
	for k, q := range e.Quotes {
		if k == len(c.quotes) {
			break // data keeps to data.MaxQuotes; one made in code may not
		}
		notes := [2]string{e.CutNote(fmt.Sprintf("quotes[%d].text", k)), e.CutNote(fmt.Sprintf("quotes[%d].by", k))}
		c.quotes[k].set(q, notes)
		c.show(c.quotes[k].box)
	}
}

// fillRest shows who reports e, its source and the related events.
func (c *EventCard) fillRest(tl *data.Timeline, e *data.Event) {
	c.showField(c.reported, "According to", e.ReportedBy, e.CutNote("reported_by"))
	src := ""
	if s, ok := tl.Source(e.Source); ok {
		src = fmt.Sprintf("“%s”, %s", s.Title, s.Publisher)
		if !s.Date.IsZero() {
			src += ", " + s.Date.Display()
		}
	}
	c.showField(c.source, "Source", src, "")
	c.relatedTo = c.relatedTo[:0]
	if c.hidden {
		return // a related event's title would give the answer away
	}
	for _, id := range e.Related {
		i := tl.Index(id)
		if i < 0 {
			continue
		}
		k := len(c.relatedTo)
		if k == len(c.related) {
			break
		}
		r := &tl.Events[i]
		c.related[k].Text = r.DisplayDate() + ": " + r.Title
		c.show(c.related[k])
		c.relatedTo = append(c.relatedTo, i)
	}
	if len(c.relatedTo) > 0 {
		c.show(c.relHead)
	}
}

// SetKeys has the card's buttons and links offer the keys and characters
// typed while one has the keyboard focus (Tab gives it) to key and char
// first: the window's, so that they go on working from there.
func (c *EventCard) SetKeys(key func(*fyne.KeyEvent) bool, char func(rune) bool) {
	for _, b := range []*KeyButton{c.prev, c.next} {
		b.OnKey, b.OnRune = key, char
	}
	for _, l := range append([]*KeyLink{c.mediaLink}, c.related[:]...) {
		l.OnKey, l.OnRune = key, char
	}
}

// SetOnFocus has f called with the card's button or link that gains the
// keyboard focus (Tab), so that the card's scroll can bring it into view.
func (c *EventCard) SetOnFocus(f func(fyne.CanvasObject)) {
	for _, b := range []*KeyButton{c.prev, c.next} {
		b.OnFocus = f
	}
	for _, l := range append([]*KeyLink{c.mediaLink}, c.related[:]...) {
		l.OnFocus = f
	}
}

// newRelatedLink makes the k-th related-event link: a link rather than a
// button, as it wraps, so that a long title does not widen the card (and
// the window).
func (c *EventCard) newRelatedLink(k int) *KeyLink {
	b := NewKeyLink("", nil)
	b.Wrapping = fyne.TextWrapWord
	b.OnTapped = func() {
		if c.OnRelated != nil && k < len(c.relatedTo) {
			c.OnRelated(c.relatedTo[k])
		}
	}
	return b
}

// fillDispute shows what disputes e's account, as the data puts it: the
// event that denies it ("Disputed: North Korea's foreign ministry denied
// this the next day"), the claim e denies ("Disputes: Apr 18, 2020: …"),
// or accounts of e that differ ("Disputed: how it was delivered. …").
func (c *EventCard) fillDispute(tl *data.Timeline, e *data.Event) {
	var parts []string
	name := "Disputed"
	if d := e.Dispute; d != nil {
		if i := tl.Index(d.Of); i >= 0 {
			name = "Disputes"
			parts = append(parts, tl.Events[i].DisplayDate()+": "+tl.Events[i].Title)
		} else if d.Of == "" {
			parts = append(parts, d.About)
		}
	}
	if name == "Disputed" {
		for _, j := range tl.DisputedBy(c.index) {
			parts = append(parts, tl.Events[j].Dispute.About+" ("+tl.Events[j].DisplayDate()+")")
		}
	}
	if len(parts) == 0 {
		return
	}
	c.dispute.segs = append([]*widget.TextSegment{{Text: name + ": ", Style: widget.RichTextStyle{
		Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}}},
		plain(strings.Join(parts, "; "), "")...)
	c.show(c.dispute)
}

// showField shows the "Name: value" line f with value s and its note,
// unless s is empty.
func (c *EventCard) showField(f *wrapText, name, s, note string) {
	if s == "" {
		return
	}
	f.segs = fieldSegments(name, plain(s, note))
	c.show(f)
}

// fillMedia shows an imported event's media as text and a link; nothing
// is fetched (the link opens in the browser only if the person follows it).
func (c *EventCard) fillMedia(e *data.Event) {
	m := e.Media
	if m.IsZero() {
		return
	}
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
		c.mediaText.segs = fieldSegments("Media", value)
		c.show(c.mediaText)
	}
	if u, err := url.Parse(m.URL); err == nil && m.URL != "" && (u.Scheme == "http" || u.Scheme == "https") {
		c.mediaLink.Text, c.mediaLink.URL = m.URL, u
		c.show(c.mediaLink)
		return
	}
	c.showField(c.mediaURL, "Link", m.URL, "")
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

// fieldSegments are the segments of a "Name: value" line, whose value
// wraps.
func fieldSegments(name string, value []*widget.TextSegment) []*widget.TextSegment {
	return append([]*widget.TextSegment{
		{Text: name + ": ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	}, value...)
}

// quoteView sets quoted words apart: a bar on the left, the words in
// quotation marks and italics, then who said them, with a note on what was
// cut of each, if anything.
type quoteView struct {
	bar  *canvas.Rectangle
	text *wrapText
	box  fyne.CanvasObject
}

func newQuoteView() *quoteView {
	t := newWrapText()
	bar := canvas.NewRectangle(nil)
	bar.SetMinSize(fyne.NewSize(4, 0))
	return &quoteView{bar: bar, text: t,
		box: container.NewBorder(nil, nil, bar, nil, container.New(layout.NewCustomPaddedLayout(0, 0, 4, 0), t))}
}

func (q *quoteView) set(quote data.Quote, notes [2]string) {
	words := widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}, SizeName: theme.SizeNameSubHeadingText}
	by := widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}
	q.text.segs = append(text(words, "“"+quote.Text+"”", notes[0]), text(by, "— "+quote.By, notes[1])...)
}

// show marks part o to be shown by the fill under way.
func (c *EventCard) show(o fyne.CanvasObject) { c.shown = append(c.shown, o) }

// applyShown shows the parts fill chose and hides the others, touching
// only those that change: a part shown already is drawn once, by the
// body's refresh, not also by Show.
func (c *EventCard) applyShown() {
	for _, o := range c.body.Objects {
		on := slices.Contains(c.shown, o)
		switch {
		case on && !o.Visible():
			o.Show()
		case !on && o.Visible():
			o.Hide()
		}
	}
}
