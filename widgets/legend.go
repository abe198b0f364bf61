package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

var _ fyne.Widget = (*Legend)(nil)

// Legend says what the timeline's shapes and colours mean, in one compact
// row: a swatch per group when the timeline has groups, an entry per kind
// of event it holds (its marker and name), and what the direction chevron
// shows when some event has one. Whose side of the axis is which is
// captioned in the timeline itself. When the row is wider than the legend,
// the gaps shrink, then the entries that do not fit are left out from the
// end.
type Legend struct {
	widget.BaseWidget

	tl  *data.Timeline
	ver int // counts SetTimeline calls
}

// NewLegend returns a legend of every kind; SetTimeline narrows it to a
// timeline's groups and kinds.
func NewLegend() *Legend {
	l := &Legend{}
	l.ExtendBaseWidget(l)
	return l
}

// SetTimeline shows the groups and kinds of tl (every kind for nil).
func (l *Legend) SetTimeline(tl *data.Timeline) {
	l.tl = tl
	l.ver++
	l.Refresh()
}

// Entries lists the legend's entries as their names, in order: the
// groups', the kinds' labels, then "points to the recipient".
func (l *Legend) Entries() []string {
	groups, kinds, arrow := l.contents()
	var out []string
	out = append(out, groups...)
	for _, k := range kinds {
		out = append(out, k.Label())
	}
	if arrow {
		out = append(out, arrowEntry)
	}
	return out
}

const arrowEntry = "points to the recipient"

// contents is what the legend shows for its timeline.
func (l *Legend) contents() (groups []string, kinds []data.Kind, arrow bool) {
	tl := l.tl
	if tl == nil {
		return nil, data.Kinds, true
	}
	groups = tl.Groups()
	has := map[data.Kind]bool{}
	for i := range tl.Events {
		e := &tl.Events[i]
		has[e.Kind] = true
		if !arrow && e.From != "" && e.To != "" {
			from, ok1 := tl.Person(e.From)
			to, ok2 := tl.Person(e.To)
			arrow = ok1 && ok2 && from.Side != to.Side && tl.Side(e) != data.SideAxis
		}
	}
	for _, k := range data.Kinds {
		if has[k] {
			kinds = append(kinds, k)
		}
	}
	return groups, kinds, arrow
}

// MinSize is one row high, and as wide as the widest entry (names are cut
// to maxLegendEms): a narrower legend leaves entries out rather than
// wrapping.
func (l *Legend) MinSize() fyne.Size {
	l.ExtendBaseWidget(l)
	return l.BaseWidget.MinSize()
}

// CreateRenderer builds the row of entries.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	r := &legendRenderer{legend: l, ver: -1}
	r.Refresh()
	return r
}

// legendEntry is one swatch or marker and its name.
type legendEntry struct {
	name  string // the whole name; text may show it cut (maxLegendEms)
	icon  fyne.CanvasObject
	swat  *canvas.Rectangle // a group's colour; nil for a kind or the arrow
	group int
	arrow *canvas.Polygon
	text  *canvas.Text
}

type legendRenderer struct {
	legend  *Legend
	ver     int
	entries []legendEntry
	objects []fyne.CanvasObject
	size    float32 // text size
	pad     float32
}

func (r *legendRenderer) Destroy() {}

func (r *legendRenderer) Objects() []fyne.CanvasObject { return r.objects }

// build makes the entries for the legend's timeline.
func (r *legendRenderer) build() {
	l := r.legend
	r.ver = l.ver
	r.entries = r.entries[:0]
	r.objects = r.objects[:0]
	groups, kinds, arrow := l.contents()
	iconSize := r.size + 4
	for i, g := range groups {
		sw := &canvas.Rectangle{CornerRadius: 3}
		r.entries = append(r.entries, legendEntry{name: g, icon: sw, swat: sw, group: i, text: &canvas.Text{}})
	}
	for _, k := range kinds {
		r.entries = append(r.entries, legendEntry{name: k.Label(), icon: NewKindIcon(k, iconSize), text: &canvas.Text{}})
	}
	if arrow {
		a := &canvas.Polygon{Sides: 3, Angle: 180}
		r.entries = append(r.entries, legendEntry{name: arrowEntry, icon: a, arrow: a, text: &canvas.Text{}})
	}
	for _, e := range r.entries {
		r.objects = append(r.objects, e.icon, e.text)
	}
}

// maxLegendEms is the widest an entry's name is drawn, in multiples of the
// text size.
const maxLegendEms = 14

// iconBox is the square an entry's icon takes: a kind's marker box, a
// group's swatch or the chevron are drawn inside it.
func (r *legendRenderer) iconBox() float32 { return r.size + 4 }

func (r *legendRenderer) entryWidth(e *legendEntry) float32 {
	return r.iconBox() + r.pad/2 + fyne.MeasureText(e.text.Text, r.size, e.text.TextStyle).Width
}

func (r *legendRenderer) rowHeight() float32 {
	return fyne.Max(r.iconBox(), fyne.MeasureText("Mg", r.size, fyne.TextStyle{}).Height)
}

func (r *legendRenderer) MinSize() fyne.Size {
	w := float32(0)
	for i := range r.entries {
		w = fyne.Max(w, r.entryWidth(&r.entries[i]))
	}
	return fyne.NewSize(w, r.rowHeight())
}

// Layout places the entries in one row, 2 paddings apart, or as little as
// half a padding when that is what fits; entries that still do not fit are
// hidden.
func (r *legendRenderer) Layout(size fyne.Size) {
	n := len(r.entries)
	if n == 0 {
		return
	}
	sum := float32(0)
	for i := range r.entries {
		sum += r.entryWidth(&r.entries[i])
	}
	gap := 2 * r.pad
	if n > 1 && sum+float32(n-1)*gap > size.Width {
		gap = fyne.Max(r.pad/2, (size.Width-sum)/float32(n-1))
	}
	box := r.iconBox()
	h := r.rowHeight()
	y := (size.Height - h) / 2
	x := float32(0)
	for i := range r.entries {
		e := &r.entries[i]
		w := r.entryWidth(e)
		if x+w > size.Width+0.5 {
			e.icon.Hide()
			e.text.Hide()
			continue
		}
		e.icon.Show()
		e.text.Show()
		switch {
		case e.swat != nil:
			s := box * 0.7
			e.icon.Resize(fyne.NewSquareSize(s))
			e.icon.Move(fyne.NewPos(x+(box-s)/2, y+(h-s)/2))
		case e.arrow != nil:
			s := r.size * 0.8
			e.icon.Resize(fyne.NewSquareSize(s))
			e.icon.Move(fyne.NewPos(x+(box-s)/2, y+(h-s)/2))
		default:
			e.icon.Resize(fyne.NewSquareSize(box))
			e.icon.Move(fyne.NewPos(x, y+(h-box)/2))
		}
		ts := fyne.MeasureText(e.text.Text, r.size, e.text.TextStyle)
		e.text.Move(fyne.NewPos(x+box+r.pad/2, y+(h-ts.Height)/2))
		e.text.Resize(ts)
		x += w + gap
	}
}

func (r *legendRenderer) Refresh() {
	l := r.legend
	th := l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.size = th.Size(theme.SizeNameText)
	r.pad = th.Size(theme.SizeNameInnerPadding)
	if r.ver != l.ver {
		r.build()
	}
	fg := th.Color(theme.ColorNameForeground, v)
	for _, e := range r.entries {
		e.text.Color = fg
		if e.text.TextSize != r.size || e.text.Text == "" {
			// an imported group's name can be long: the legend's
			// MinSize is its widest entry
			e.text.Text = ellipsize(e.name, r.size, e.text.TextStyle, maxLegendEms*r.size)
		}
		e.text.TextSize = r.size
		switch {
		case e.swat != nil:
			e.swat.FillColor = GroupColor(v, e.group)
		case e.arrow != nil:
			e.arrow.FillColor = fg
		}
		e.icon.Refresh()
		e.text.Refresh()
	}
	r.Layout(l.Size())
}
