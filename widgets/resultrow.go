package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// ResultRow is one row of the search results, three short lines: the kind's
// marker with the date and kind; the title; and a line of context: where the
// query matched when it was not the title, else who wrote to whom or where.
// Matched characters are bold and in the primary colour.
type ResultRow struct {
	widget.BaseWidget

	icon    *fyne.Container
	kind    data.Kind
	date    *widget.RichText
	title   *widget.RichText
	context *widget.RichText
	box     fyne.CanvasObject
}

// NewResultRow returns an empty row for a list's CreateItem.
func NewResultRow() *ResultRow {
	r := &ResultRow{
		icon:    container.NewStack(),
		date:    widget.NewRichText(),
		title:   widget.NewRichText(),
		context: widget.NewRichText(),
	}
	for _, t := range []*widget.RichText{r.date, r.title, r.context} {
		t.Truncation = fyne.TextTruncateEllipsis
	}
	top := container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, r.date)
	r.box = container.NewThemeOverride(
		container.New(layout.NewCustomPaddedVBoxLayout(0), top, r.title, r.context), compact{})
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *ResultRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

// Set shows event e of tl, found by match m (m.Runes index into m.Text).
func (r *ResultRow) Set(tl *data.Timeline, e *data.Event, m data.Match) {
	if r.kind != e.Kind || len(r.icon.Objects) == 0 {
		r.kind = e.Kind
		r.icon.Objects = []fyne.CanvasObject{NewKindIcon(e.Kind, theme.Size(theme.SizeNameText))}
		r.icon.Refresh()
	}
	caption := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Bold: true}}
	setSegments(r.date, widget.TextSegment{Text: e.DisplayDate() + "  ·  " + e.Kind.Label(), Style: caption})
	if m.Field == data.FieldTitle && m.Text == e.Title {
		setHighlighted(r.title, "", m.Text, m.Runes)
		setSegments(r.context, widget.TextSegment{Text: contextLine(tl, e), Style: quiet})
	} else {
		setHighlighted(r.title, "", e.Title, nil)
		text, runes := Snippet(m.Text, m.Runes, 60)
		setHighlighted(r.context, m.Field.String()+": ", text, runes)
	}
	r.date.Refresh()
	r.title.Refresh()
	r.context.Refresh()
}

// contextLine is what a row says under the title when the title matched.
func contextLine(tl *data.Timeline, e *data.Event) string {
	switch {
	case e.From != "" && e.To != "":
		return tl.PersonName(e.From) + " → " + tl.PersonName(e.To)
	case e.Place != "":
		return e.Place
	case e.From != "":
		return tl.PersonName(e.From)
	}
	return e.ReportedBy
}

var (
	quiet = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}
	plain = widget.RichTextStyle{Inline: true}
	hot   = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
)

// setSegments makes t show exactly these segments, reusing its segment
// values where it can.
func setSegments(t *widget.RichText, segs ...widget.TextSegment) {
	for len(t.Segments) < len(segs) {
		t.Segments = append(t.Segments, &widget.TextSegment{})
	}
	t.Segments = t.Segments[:len(segs)]
	for i := range segs {
		if ts, ok := t.Segments[i].(*widget.TextSegment); ok {
			*ts = segs[i]
		} else {
			s := segs[i]
			t.Segments[i] = &s
		}
	}
}

// setHighlighted fills t with prefix (quiet), then text with the runes at the
// given indexes (sorted) highlighted.
func setHighlighted(t *widget.RichText, prefix, text string, runes []int) {
	var segs []widget.TextSegment
	if prefix != "" {
		segs = append(segs, widget.TextSegment{Text: prefix, Style: quiet})
	}
	rs := []rune(text)
	start, k := 0, 0
	for start < len(rs) {
		inMatch := k < len(runes) && runes[k] == start
		end := start
		for end < len(rs) && (k < len(runes) && runes[k] == end) == inMatch {
			if inMatch {
				k++
			}
			end++
		}
		style := plain
		if inMatch {
			style = hot
		}
		segs = append(segs, widget.TextSegment{Text: string(rs[start:end]), Style: style})
		start = end
	}
	if len(segs) == 0 {
		segs = append(segs, widget.TextSegment{Style: plain})
	}
	setSegments(t, segs...)
}

// Snippet cuts text to about width runes around the first matched rune,
// marking cuts with "…", and shifts the rune indexes to match.
func Snippet(text string, runes []int, width int) (string, []int) {
	rs := []rune(text)
	if len(rs) <= width {
		return text, runes
	}
	from := 0
	if len(runes) > 0 && runes[0] > width/3 {
		from = runes[0] - width/3
	}
	to := min(from+width, len(rs))
	out := make([]int, 0, len(runes))
	shift := from
	prefix := ""
	if from > 0 {
		prefix = "…"
		shift--
	}
	for _, i := range runes {
		if i >= from && i < to {
			out = append(out, i-shift)
		}
	}
	s := prefix + string(rs[from:to])
	if to < len(rs) {
		s += "…"
	}
	return s, out
}

// compact is the current theme with less padding inside text widgets, so
// that a result row's three lines sit close together.
type compact struct{}

func (compact) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (c compact) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return c.current().Color(n, v)
}
func (c compact) Font(s fyne.TextStyle) fyne.Resource     { return c.current().Font(s) }
func (c compact) Icon(n fyne.ThemeIconName) fyne.Resource { return c.current().Icon(n) }
func (c compact) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return 2
	}
	return c.current().Size(n)
}
