package widgets

import (
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
	sides [3]*widget.Label
}

// NewLegend returns a legend; SetTimeline gives it the people whose sides
// it names.
func NewLegend() *Legend {
	l := &Legend{}
	for i := range l.sides {
		l.sides[i] = widget.NewLabel("")
	}
	l.ExtendBaseWidget(l)
	return l
}

// SetTimeline takes the names of each side of the axis from tl's people.
func (l *Legend) SetTimeline(tl *data.Timeline) {
	l.tl = tl
	l.setSides()
}

func (l *Legend) setSides() {
	for i, s := range l.SidesText() {
		l.sides[i].SetText(s)
	}
}

// SidesText is the legend's wording for the sides of the axis: "Above
// the axis: Donald Trump's side", "Below: Kim Jong Un's side", "On the axis:
// meetings and talks".
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
	names := func(n []string) string {
		switch {
		case len(n) == 0:
			return "nobody"
		case len(n) > 3:
			return strconv.Itoa(len(n)) + " people"
		}
		return strings.Join(n, ", ")
	}
	return [3]string{
		"Above the axis: " + names(above) + "'s side",
		"Below: " + names(below) + "'s side",
		"On the axis: meetings and talks",
	}
}

// CreateRenderer lays out the entries in wrapping rows.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	var items []fyne.CanvasObject
	size := theme.DefaultTheme().Size(theme.SizeNameText)
	for _, k := range data.Kinds {
		lbl := widget.NewLabel(k.Label())
		items = append(items, container.New(&rowLayout{}, NewKindIcon(k, size+4), lbl))
	}
	arrow := canvas.NewPolygon(3, theme.Color(theme.ColorNameForeground))
	arrow.Angle = 180
	arrowBox := &fixedSize{size: fyne.NewSquareSize(size)}
	items = append(items, container.New(&rowLayout{}, container.New(arrowBox, arrow), widget.NewLabel("points to the recipient")))
	l.setSides()
	for _, s := range l.sides {
		items = append(items, s)
	}
	return widget.NewSimpleRenderer(container.New(&flowLayout{}, items...))
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
type flowLayout struct{ width float32 }

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
			x, y, rowH = 0, y+rowH, 0
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
