package widgets

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

var _ fyne.Widget = (*Legend)(nil)

// Legend says what the timeline's shapes and colours mean: one entry per
// kind (its marker and name), which side of the axis is whose, and what the
// direction chevron shows. It wraps onto more lines when narrow.
type Legend struct {
	widget.BaseWidget

	tl    *data.Timeline
	sides [3]*canvas.Text
	texts []*canvas.Text
}

// NewLegend returns a legend; SetTimeline gives it the people whose sides
// it names.
func NewLegend() *Legend {
	l := &Legend{}
	for i := range l.sides {
		l.sides[i] = &canvas.Text{}
	}
	l.ExtendBaseWidget(l)
	return l
}

// SetTimeline takes the names of each side of the axis from tl's people.
func (l *Legend) SetTimeline(tl *data.Timeline) {
	l.tl = tl
	l.setSides()
	l.Refresh()
}

func (l *Legend) setSides() {
	for i, s := range l.SidesText() {
		l.sides[i].Text = s
	}
}

// SidesText is the legend's wording for the sides of the axis: "Above
// the axis: Donald Trump's side", "Below: Kim Jong Un's side (and North
// Korea's foreign ministry)", "On the axis: meetings and talks".
func (l *Legend) SidesText() [3]string {
	var above, below []string
	if l.tl != nil {
		for _, p := range l.tl.People {
			switch p.Side {
			case "above":
				above = append(above, p.Name)
			case "below":
				below = append(below, p.Name)
			}
		}
	}
	side := func(n []string) string {
		switch {
		case len(n) == 0:
			return "nobody's side"
		case len(n) > 3:
			return strconv.Itoa(len(n)) + " people's side"
		case len(n) == 1:
			return n[0] + "'s side"
		}
		return n[0] + "'s side (and " + strings.Join(n[1:], ", ") + ")"
	}
	return [3]string{
		"Above the axis: " + side(above),
		"Below: " + side(below),
		"On the axis: meetings and talks",
	}
}

// CreateRenderer lays out the entries in wrapping rows.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	text := func(s string) *canvas.Text {
		t := &canvas.Text{Text: s, TextSize: size}
		l.texts = append(l.texts, t)
		return t
	}
	gap := func() fyne.CanvasObject {
		r := canvas.NewRectangle(color.Transparent)
		r.SetMinSize(fyne.NewSize(pad, 1))
		return r
	}
	var items []fyne.CanvasObject
	for _, k := range data.Kinds {
		items = append(items, container.New(rowLayout{}, NewKindIcon(k, size+4), gap(), text(k.Label()), gap(), gap()))
	}
	arrow := canvas.NewPolygon(3, th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant()))
	arrow.Angle = 180
	arrowBox := &fixedSize{size: fyne.NewSquareSize(size * 0.8)}
	items = append(items, container.New(rowLayout{}, container.New(arrowBox, arrow), gap(), text("points to the recipient"), gap(), gap()))
	l.setSides()
	for _, s := range l.sides {
		s.TextSize = size
		l.texts = append(l.texts, s)
		items = append(items, container.New(rowLayout{}, s, gap(), gap()))
	}
	r := &legendRenderer{legend: l, arrow: arrow, box: container.New(&flowLayout{rowGap: pad / 2}, items...)}
	r.Refresh()
	return r
}

type legendRenderer struct {
	legend *Legend
	arrow  *canvas.Polygon
	box    *fyne.Container
}

func (r *legendRenderer) Destroy() {}

func (r *legendRenderer) Layout(size fyne.Size) { r.box.Resize(size) }

func (r *legendRenderer) MinSize() fyne.Size { return r.box.MinSize() }

func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }

func (r *legendRenderer) Refresh() {
	th := r.legend.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	for _, t := range r.legend.texts {
		t.Color = fg
		t.TextSize = th.Size(theme.SizeNameText)
		t.Refresh()
	}
	r.arrow.FillColor = fg
	r.arrow.Refresh()
	r.box.Refresh()
}

// rowLayout puts objects side by side, centred vertically, at their
// minimum sizes.
type rowLayout struct{}

func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		x += m.Width
	}
}

func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = fyne.Max(s.Height, m.Height)
	}
	return s
}

// fixedSize gives its objects one size, centred.
type fixedSize struct{ size fyne.Size }

func (f *fixedSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(f.size)
		o.Move(fyne.NewPos((size.Width-f.size.Width)/2, (size.Height-f.size.Height)/2))
	}
}

func (f *fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return f.size }

// flowLayout places objects left to right and wraps them onto new rows;
// its minimum height is that of the rows at the last width it was given.
type flowLayout struct{ width, rowGap float32 }

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	width := f.width
	if width <= 0 {
		width = 1e9
	}
	return fyne.NewSize(w, f.place(objs, width, false))
}

func (f *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH+f.rowGap, 0
		}
		if move {
			o.Resize(m)
			o.Move(fyne.NewPos(x, y))
		}
		x += m.Width
		rowH = fyne.Max(rowH, m.Height)
	}
	return y + rowH
}
