// Package widgets holds the app's reusable Fyne widgets: the Timeline (whose
// lane layout is the Fyne-free package widgets/lanes), the EventCard, the
// ResultRow of the result list, the SearchEntry, the Legend, the kind icons
// (NewKindIcon) with the kind and group colours, and the IdleCursor that
// hides the pointer in presentation mode. They know nothing of files or app
// state: they are given data through setters and report what the person
// did through On… callbacks.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// kindColors holds the fallback colour of each kind for light and dark
// variants: saturated enough to read on the theme's background, distinct in
// hue, and never the only cue (every kind also has its own shape). The
// app's theme tests check that they stay apart under deuteranopia and
// protanopia simulations (app/theme_test.go).
var kindColors = map[data.Kind][2]color.NRGBA{
	data.KindLetter:    {{0x15, 0x65, 0xc0, 0xff}, {0x64, 0xb5, 0xf6, 0xff}},
	data.KindMessage:   {{0x7b, 0x1f, 0xa2, 0xff}, {0xba, 0x68, 0xc8, 0xff}},
	data.KindMeeting:   {{0xc6, 0x28, 0x28, 0xff}, {0xef, 0x6a, 0x6a, 0xff}},
	data.KindTalks:     {{0x2e, 0x7d, 0x32, 0xff}, {0x81, 0xc7, 0x84, 0xff}},
	data.KindStatement: {{0xd8, 0x5a, 0x00, 0xff}, {0xff, 0xb7, 0x4d, 0xff}},
	data.KindContext:   {{0x61, 0x61, 0x61, 0xff}, {0xbd, 0xbd, 0xbd, 0xff}},
}

// KindColorTheme is a theme that chooses the kinds' colours itself.
type KindColorTheme interface {
	KindColor(k data.Kind, v fyne.ThemeVariant) color.Color
}

// KindColorName is the theme colour name of kind k ("kind-letter", …), for
// themes that also answer kind colours by name. KindColor itself asks
// KindColorTheme, so that themes without the names (Fyne's test themes log
// every unknown name) stay quiet.
func KindColorName(k data.Kind) fyne.ThemeColorName {
	return fyne.ThemeColorName("kind-" + string(k))
}

// KindColor returns the colour of kind k in theme th and variant v. A theme
// that implements KindColorTheme decides, else the app's theme if it does
// (th may be a ThemeOverride's wrapper of it); otherwise a built-in palette
// tuned for the light and the dark variant is used.
func KindColor(th fyne.Theme, v fyne.ThemeVariant, k data.Kind) color.Color {
	if kt, ok := th.(KindColorTheme); ok {
		if c := kt.KindColor(k, v); c != nil {
			return c
		}
	}
	// A container.ThemeOverride hides the methods of the theme it wraps;
	// the app's own theme still knows the kinds. Where it does, so do the
	// themes the app overrides it with (a handout's light strip in a dark
	// window), which answer by name as well.
	if a := fyne.CurrentApp(); a != nil {
		if kt, ok := a.Settings().Theme().(KindColorTheme); ok {
			if c := th.Color(KindColorName(k), v); c != nil && !isTransparent(c) {
				return c
			}
			if c := kt.KindColor(k, v); c != nil {
				return c
			}
		}
	}
	return DefaultKindColor(v, k)
}

func isTransparent(c color.Color) bool {
	_, _, _, a := c.RGBA()
	return a == 0
}

// DefaultKindColor is the built-in colour of kind k for variant v, which
// KindColor falls back to.
func DefaultKindColor(v fyne.ThemeVariant, k data.Kind) color.Color {
	pair, ok := kindColors[k]
	if !ok {
		pair = kindColors[data.KindContext]
	}
	if v == theme.VariantDark {
		return pair[1]
	}
	return pair[0]
}

// shape is how a kind's marker is drawn with one canvas.Polygon.
type shape struct {
	sides  uint
	angle  float32
	round  bool    // fully rounded corners: a circle
	hollow bool    // outline only
	scale  float32 // of the marker box, so that shapes look the same size
}

// kindShapes gives each kind its own marker shape, so that colour is never
// the only difference: letter a square (an envelope), message a circle,
// meeting a hexagon, talks a diamond, statement a pentagon, context a hollow
// octagon.
var kindShapes = map[data.Kind]shape{
	data.KindLetter:    {sides: 4, angle: 45, scale: 1.2},
	data.KindMessage:   {sides: 4, round: true, scale: 0.85},
	data.KindMeeting:   {sides: 6, scale: 1.1},
	data.KindTalks:     {sides: 4, scale: 1.2},
	data.KindStatement: {sides: 5, scale: 1.1},
	data.KindContext:   {sides: 8, hollow: true, scale: 0.95},
}

func kindShape(k data.Kind) shape {
	if s, ok := kindShapes[k]; ok {
		return s
	}
	return kindShapes[data.KindContext]
}

// styleMarker makes p the marker of kind k in colour c, centred on centre in
// a box of side size.
func styleMarker(p *canvas.Polygon, k data.Kind, c color.Color, centre fyne.Position, size float32) {
	s := kindShape(k)
	side := size * s.scale
	p.Sides = s.sides
	p.Angle = s.angle
	p.CornerRadius = 0
	if s.round {
		p.CornerRadius = side / 2
	}
	if s.hollow {
		p.FillColor = color.Transparent
		p.StrokeColor = c
		p.StrokeWidth = fyne.Max(2, side/7)
	} else {
		p.FillColor = c
		p.StrokeColor = nil
		p.StrokeWidth = 0
	}
	p.Resize(fyne.NewSquareSize(side))
	p.Move(fyne.NewPos(centre.X-side/2, centre.Y-side/2))
}

// NewKindIcon returns kind k's marker shape in its colour, in a square of
// side size, for legends, cards and result rows. It follows theme changes.
func NewKindIcon(k data.Kind, size float32) fyne.CanvasObject {
	i := &kindIcon{kind: k, size: size}
	i.ExtendBaseWidget(i)
	return i
}

type kindIcon struct {
	widget.BaseWidget
	kind data.Kind
	size float32
}

func (i *kindIcon) CreateRenderer() fyne.WidgetRenderer {
	r := &kindIconRenderer{icon: i, marker: &canvas.Polygon{}}
	r.objects = []fyne.CanvasObject{r.marker}
	r.Refresh()
	return r
}

func (i *kindIcon) MinSize() fyne.Size {
	i.ExtendBaseWidget(i)
	return fyne.NewSquareSize(i.size)
}

type kindIconRenderer struct {
	icon    *kindIcon
	marker  *canvas.Polygon
	objects []fyne.CanvasObject
}

func (r *kindIconRenderer) Destroy() {}

func (r *kindIconRenderer) Layout(size fyne.Size) {
	side := fyne.Min(size.Width, size.Height) * 0.8
	if s := kindShape(r.icon.kind); s.scale > 0 {
		side /= fyne.Max(1, s.scale)
	}
	c := r.marker.FillColor
	if kindShape(r.icon.kind).hollow {
		c = r.marker.StrokeColor
	}
	styleMarker(r.marker, r.icon.kind, c, fyne.NewPos(size.Width/2, size.Height/2), side)
}

func (r *kindIconRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(r.icon.size) }

func (r *kindIconRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *kindIconRenderer) Refresh() {
	th := r.icon.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := KindColor(th, v, r.icon.kind)
	if kindShape(r.icon.kind).hollow {
		r.marker.StrokeColor = c
	} else {
		r.marker.FillColor = c
	}
	r.Layout(r.icon.Size())
	r.marker.Refresh()
}

// groupColors are the colours of an imported timeline's groups
// (TimelineJS's "group"), in the order the groups first appear, for the
// light and the dark variant: distinct in hue, dark enough to read on a
// light background and light enough on a dark one. The timeline draws a
// grouped event's marker in its group's colour (its shape still says its
// kind) and the legend shows a swatch per group.
var groupColors = [][2]color.NRGBA{
	{{0x0b, 0x63, 0xb5, 0xff}, {0x6c, 0xb4, 0xf0, 0xff}}, // blue
	{{0xc2, 0x54, 0x00, 0xff}, {0xff, 0xa9, 0x59, 0xff}}, // orange
	{{0x1b, 0x7f, 0x3b, 0xff}, {0x7e, 0xd6, 0x9a, 0xff}}, // green
	{{0xa8, 0x32, 0x7e, 0xff}, {0xe8, 0x8b, 0xc4, 0xff}}, // magenta
	{{0x00, 0x76, 0x7a, 0xff}, {0x5f, 0xd0, 0xcf, 0xff}}, // teal
	{{0x8a, 0x5a, 0x1e, 0xff}, {0xd8, 0xae, 0x74, 0xff}}, // brown
	{{0x5e, 0x45, 0xb5, 0xff}, {0xaf, 0xa0, 0xf0, 0xff}}, // purple
	{{0xb3, 0x26, 0x1e, 0xff}, {0xf2, 0x8b, 0x82, 0xff}}, // red
}

// GroupColor is the colour of the i-th group of a timeline (in the order
// of data.Timeline.Groups) for variant v; the palette repeats after
// GroupColors colours.
func GroupColor(v fyne.ThemeVariant, i int) color.Color {
	pair := groupColors[((i%len(groupColors))+len(groupColors))%len(groupColors)]
	if v == theme.VariantDark {
		return pair[1]
	}
	return pair[0]
}

// GroupColors is how many distinct group colours there are.
const GroupColors = 8
