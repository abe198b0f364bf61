package widgets

import (
	"image"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

var (
	_ fyne.Widget        = (*Overview)(nil)
	_ fyne.Tappable      = (*Overview)(nil)
	_ fyne.Draggable     = (*Overview)(nil)
	_ desktop.Hoverable  = (*Overview)(nil)
	_ desktop.Cursorable = (*Overview)(nil)
)

const (
	// overviewTicks is the most events the overview draws one by one, as
	// ticks in their kind's colour; more make a histogram.
	overviewTicks = 200
	// overviewBinWidth is the width of a histogram bin in Fyne units.
	overviewBinWidth = 2
	// overviewMargin is the share of the data's span left empty at each
	// end of the strip, so that the first and last events are not on its
	// edges.
	overviewMargin = 0.01
)

// Overview is a strip showing the whole span of a data set and, as a
// window on it, the span a Timeline shows. Up to overviewTicks events are
// drawn as thin ticks in their kind's colour; more as a density histogram
// (events per bin, bins across the width, bar heights by the square root
// of the count so that quiet stretches still show). The strip is one
// raster, counted once per data set and width and drawn again only when
// the data, the width or the theme change; the window is three rectangles
// that move on their own.
//
// Dragging the window pans, dragging one of its edges zooms, and a tap
// outside it moves the window to be centred there (a drag that starts
// outside it jumps, then pans). Each reports the span asked for through
// OnViewChanged; SetView, which shows the span the timeline settled on,
// does not. The Overview is not focusable.
type Overview struct {
	widget.BaseWidget

	// OnViewChanged is called with the span the person asked for by
	// dragging or tapping.
	OnViewChanged func(from, to time.Time) `json:"-"`

	tl      *data.Timeline
	dataVer int       // counts SetTimeline calls
	pos     []float64 // each event's position, days since the Unix epoch, in data order
	kinds   []int8    // each event's index in data.Kinds, when ticks are drawn

	// first and last are the strip's ends, days.
	first, last float64
	// the view, days
	viewFrom, viewTo float64
	viewVer          int // counts changes of the view

	drag    overviewPart // what the drag under way moves; partNone between drags
	hoverAt overviewPart
}

// overviewPart is a part of the strip under the pointer.
type overviewPart int8

const (
	partNone    overviewPart = iota
	partOutside              // the strip outside the window: a tap jumps there
	partWindow               // inside the window: a drag pans
	partLeft                 // the window's left edge: a drag moves the start
	partRight                // the window's right edge: a drag moves the end
)

// NewOverview returns an Overview of tl (which may be nil), its window on
// the whole span.
func NewOverview(tl *data.Timeline) *Overview {
	o := &Overview{}
	o.ExtendBaseWidget(o)
	o.setData(tl)
	return o
}

// SetTimeline shows new data, the window on its whole span until SetView.
func (o *Overview) SetTimeline(tl *data.Timeline) {
	o.setData(tl)
	o.Refresh()
}

func (o *Overview) setData(tl *data.Timeline) {
	o.tl = tl
	o.dataVer++
	o.drag = partNone
	n := tl.Len()
	o.pos = make([]float64, n)
	o.kinds = nil
	if n <= overviewTicks {
		o.kinds = make([]int8, n)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < n; i++ {
		e := &tl.Events[i]
		p := lanes.Days(e.Start())
		if e.Date.Precision == data.PrecisionDay {
			p += 0.5 // the middle of the day, as the timeline puts it
		}
		o.pos[i] = p
		end := p
		if e.IsRange() {
			end = lanes.Days(e.Until())
		}
		lo, hi = math.Min(lo, p), math.Max(hi, end)
		if o.kinds != nil {
			o.kinds[i] = kindIndex(e.Kind)
		}
	}
	if tl != nil {
		for i := range tl.Eras {
			if from, to, ok := lanes.EraDays(&tl.Eras[i]); ok {
				lo, hi = math.Min(lo, from), math.Max(hi, to)
			}
		}
	}
	if math.IsInf(lo, 0) {
		now := lanes.Days(time.Now())
		lo, hi = now-180, now+180
	}
	m := math.Max((hi-lo)*overviewMargin, lanes.MinSpanDays/2.0)
	o.first, o.last = lo-m, hi+m
	o.viewFrom, o.viewTo = o.first, o.last
}

// kindIndex is k's index in data.Kinds, that of context for an unknown kind.
func kindIndex(k data.Kind) int8 {
	for i, kk := range data.Kinds {
		if kk == k {
			return int8(i)
		}
	}
	return int8(len(data.Kinds) - 1)
}

// SetView shows [from, to) as the window. It does not call OnViewChanged.
func (o *Overview) SetView(from, to time.Time) {
	f, t := lanes.Days(from), lanes.Days(to)
	if !(t > f) {
		return
	}
	if f == o.viewFrom && t == o.viewTo {
		return
	}
	o.viewFrom, o.viewTo = f, t
	o.viewVer++
	o.Refresh()
}

// View returns the span the window shows.
func (o *Overview) View() (from, to time.Time) {
	return lanes.DayTime(o.viewFrom), lanes.DayTime(o.viewTo)
}

// Span returns the instants at the strip's left and right ends.
func (o *Overview) Span() (from, to time.Time) {
	return lanes.DayTime(o.first), lanes.DayTime(o.last)
}

// MinSize is one and a half times the text size high: the histogram's
// bars stay readable, and at the largest text the window still fits a
// 1280x800 screen.
func (o *Overview) MinSize() fyne.Size {
	o.ExtendBaseWidget(o)
	size := o.Theme().Size(theme.SizeNameText)
	return fyne.NewSize(60, float32(math.Ceil(float64(size)*1.5)))
}

// CreateRenderer makes the strip's raster and the window's rectangles.
func (o *Overview) CreateRenderer() fyne.WidgetRenderer {
	o.ExtendBaseWidget(o)
	return newOverviewRenderer(o)
}

// xOf is where instant d (days) is across a strip w wide.
func (o *Overview) xOf(d float64, w float32) float32 {
	return float32((d - o.first) / (o.last - o.first) * float64(w))
}

// dayAt is the instant (days) at x across the strip.
func (o *Overview) dayAt(x float32) float64 {
	return o.first + float64(x)/float64(o.Size().Width)*(o.last-o.first)
}

// windowBox is the window's left and right edges as drawn: inside the
// strip, and at least minWindow wide around the view's centre so that a
// view of a day in fifty years can still be seen and grabbed.
func (o *Overview) windowBox() (x0, x1 float32) {
	w := o.Size().Width
	x0, x1 = o.xOf(o.viewFrom, w), o.xOf(o.viewTo, w)
	minW := min(o.handleWidth()*3, w)
	if x1-x0 < minW {
		c := (x0 + x1) / 2
		x0, x1 = c-minW/2, c+minW/2
	}
	if x0 < 0 {
		x0, x1 = 0, min(w, x1-x0)
	}
	if x1 > w {
		x0, x1 = max(0, w-(x1-x0)), w
	}
	return x0, x1
}

// handleWidth is the width of the window's edge handles.
func (o *Overview) handleWidth() float32 {
	return max(4, o.Theme().Size(theme.SizeNameText)/3)
}

// partAt says what part of the strip is at x.
func (o *Overview) partAt(x float32) overviewPart {
	x0, x1 := o.windowBox()
	grab := o.handleWidth() * 1.5
	inner := min(grab, (x1-x0)/3) // a narrow window keeps a middle to pan by
	switch {
	case x >= x0-grab && x <= x0+inner:
		return partLeft
	case x >= x1-inner && x <= x1+grab:
		return partRight
	case x > x0 && x < x1:
		return partWindow
	}
	return partOutside
}

// Tapped centres the window where the strip was tapped outside it.
func (o *Overview) Tapped(e *fyne.PointEvent) {
	if o.Size().Width <= 0 || o.partAt(e.Position.X) != partOutside {
		return
	}
	o.centreAt(o.dayAt(e.Position.X))
}

// centreAt moves the view to be centred on day d, keeping its span.
func (o *Overview) centreAt(d float64) {
	half := (o.viewTo - o.viewFrom) / 2
	o.ask(d-half, d+half)
}

// Dragged pans the view by the window, zooms it by an edge, or jumps to
// where a drag outside the window started and pans from there. As Fyne's
// desktop driver does, e.Position is where the pointer is now and
// e.Dragged how far it moved since the last event.
func (o *Overview) Dragged(e *fyne.DragEvent) {
	w := o.Size().Width
	if w <= 0 {
		return
	}
	if o.drag == partNone {
		start := e.Position.X - e.Dragged.DX
		o.drag = o.partAt(start)
		if o.drag == partOutside {
			o.drag = partWindow
			o.centreAt(o.dayAt(start))
		}
	}
	d := float64(e.Dragged.DX) / float64(w) * (o.last - o.first)
	from, to := o.viewFrom, o.viewTo
	switch o.drag {
	case partWindow:
		from, to = from+d, to+d
	case partLeft:
		from = math.Min(from+d, to-lanes.MinSpanDays)
	case partRight:
		to = math.Max(to+d, from+lanes.MinSpanDays)
	}
	o.ask(from, to)
}

// DragEnd ends a drag.
func (o *Overview) DragEnd() { o.drag = partNone }

// ask shows [from, to), its centre kept on the strip, and reports it.
func (o *Overview) ask(from, to float64) {
	if c := (from + to) / 2; c < o.first {
		from, to = from+o.first-c, to+o.first-c
	} else if c > o.last {
		from, to = from-(c-o.last), to-(c-o.last)
	}
	if from == o.viewFrom && to == o.viewTo {
		return
	}
	o.viewFrom, o.viewTo = from, to
	o.viewVer++
	o.Refresh()
	if o.OnViewChanged != nil {
		o.OnViewChanged(lanes.DayTime(from), lanes.DayTime(to))
	}
}

// MouseIn notes the part under the pointer, for its cursor.
func (o *Overview) MouseIn(e *desktop.MouseEvent) { o.MouseMoved(e) }

// MouseMoved notes the part under the pointer, for its cursor.
func (o *Overview) MouseMoved(e *desktop.MouseEvent) { o.hoverAt = o.partAt(e.Position.X) }

// MouseOut forgets the part under the pointer.
func (o *Overview) MouseOut() { o.hoverAt = partNone }

// Cursor is a resize cursor over the window's edges, a pointing hand
// elsewhere on the strip.
func (o *Overview) Cursor() desktop.Cursor {
	switch o.hoverAt {
	case partLeft, partRight:
		return desktop.HResizeCursor
	case partWindow, partOutside:
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// countBins counts the positions (days) into len(out) equal bins across
// [from, to): out[i] is how many fall in the i-th. Positions outside go to
// the first or last bin. It takes O(len(pos) + len(out)) and allocates
// nothing.
func countBins(pos []float64, from, to float64, out []int32) {
	clear(out)
	n := len(out)
	if n == 0 || !(to > from) {
		return
	}
	scale := float64(n) / (to - from)
	for _, p := range pos {
		b := int((p - from) * scale)
		b = max(0, min(n-1, b))
		out[b]++
	}
}

// overviewColours are the strip's colours in the current theme.
type overviewColours struct {
	bg, bar, fill, edge color.RGBA
	kinds               [8]color.RGBA // by index in data.Kinds
}

func rgba(c color.Color) color.RGBA { return color.RGBAModel.Convert(c).(color.RGBA) }

// mix is a over b at opacity a (0 to 1), both premultiplied.
func mix(a, b color.RGBA, alpha float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*alpha + float64(y)*(1-alpha))) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}

type overviewRenderer struct {
	o       *Overview
	raster  *canvas.Raster
	window  *canvas.Rectangle
	handles [2]*canvas.Rectangle
	objects []fyne.CanvasObject

	colours overviewColours
	drawn   int // the dataVer the raster was last asked to draw
	viewVer int // the view last placed

	// what the raster draws from: the bins, counted for binsVer and the
	// width, and the image, reused while the size holds
	bins    []int32
	binsVer int
	binsW   int
	img     *image.RGBA
}

func newOverviewRenderer(o *Overview) *overviewRenderer {
	r := &overviewRenderer{o: o, window: &canvas.Rectangle{}}
	r.raster = canvas.NewRaster(r.draw)
	r.raster.ScaleMode = canvas.ImageScalePixels // drawn at the size shown: keep bars crisp
	for i := range r.handles {
		r.handles[i] = &canvas.Rectangle{}
	}
	r.objects = []fyne.CanvasObject{r.raster, r.window, r.handles[0], r.handles[1]}
	r.applyTheme()
	r.drawn = o.dataVer
	return r
}

func (r *overviewRenderer) Destroy() {}

func (r *overviewRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *overviewRenderer) MinSize() fyne.Size { return r.o.MinSize() }

// Layout places the raster over the whole strip and the window on the view.
func (r *overviewRenderer) Layout(size fyne.Size) {
	r.raster.Resize(size) // draws again only when the size changed
	r.layoutWindow(size)
}

func (r *overviewRenderer) layoutWindow(size fyne.Size) {
	x0, x1 := r.o.windowBox()
	r.window.Move(fyne.NewPos(x0, 0))
	r.window.Resize(fyne.NewSize(x1-x0, size.Height))
	hw := r.o.handleWidth()
	hh := size.Height * 0.6
	for i, x := range []float32{x0, x1} {
		h := r.handles[i]
		h.Resize(fyne.NewSize(hw, hh))
		h.Move(fyne.NewPos(min(max(0, x-hw/2), size.Width-hw), (size.Height-hh)/2))
	}
}

// Refresh follows the view, the data and the theme; the raster is drawn
// again only for new data or colours. A refresh for a new view (the
// timeline panning, once a frame) only moves the window.
func (r *overviewRenderer) Refresh() {
	if r.viewVer != r.o.viewVer {
		r.viewVer = r.o.viewVer
		r.placeWindow()
		return
	}
	if r.applyTheme() || r.drawn != r.o.dataVer {
		r.drawn = r.o.dataVer
		r.raster.Refresh()
	}
	r.raster.Resize(r.o.Size())
	r.placeWindow()
}

// placeWindow moves the window to the view.
func (r *overviewRenderer) placeWindow() {
	r.layoutWindow(r.o.Size())
	r.window.Refresh()
	r.handles[0].Refresh()
	r.handles[1].Refresh()
}

// applyTheme takes the colours of the current theme and reports whether
// they changed.
func (r *overviewRenderer) applyTheme() bool {
	th := r.o.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := rgba(th.Color(theme.ColorNameInputBackground, v))
	fg := rgba(th.Color(theme.ColorNameForeground, v))
	primary := th.Color(theme.ColorNamePrimary, v)
	c := overviewColours{bg: bg, bar: mix(fg, bg, 0.55), edge: rgba(primary)}
	c.fill = mix(c.edge, color.RGBA{}, 0.14)
	for i, k := range data.Kinds {
		c.kinds[i] = rgba(KindColor(th, v, k))
	}
	r.window.FillColor = c.fill
	r.window.StrokeColor = c.edge
	r.window.StrokeWidth = max(1, th.Size(theme.SizeNameInputBorder))
	r.window.CornerRadius = th.Size(theme.SizeNameInputRadius) / 2
	for _, h := range r.handles {
		h.FillColor = c.edge
		h.CornerRadius = r.o.handleWidth() / 2
	}
	changed := c != r.colours
	r.colours = c
	return changed
}

// draw is the raster's generator: the strip at w x h pixels.
func (r *overviewRenderer) draw(w, h int) image.Image {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 0, 0))
	}
	if r.img == nil || r.img.Rect.Dx() != w || r.img.Rect.Dy() != h {
		r.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	img, c := r.img, &r.colours
	fillRect(img, 0, 0, w, h, c.bg)
	o := r.o
	scale := float64(w) / float64(max(1, o.Size().Width)) // pixels per Fyne unit
	pad := int(math.Round(2 * scale))
	inner := h - 2*pad
	if inner <= 0 || len(o.pos) == 0 {
		return img
	}
	if o.kinds != nil {
		tw := max(1, int(math.Round(2*scale)))
		for i, p := range o.pos {
			x := int((p-o.first)/(o.last-o.first)*float64(w)) - tw/2
			fillRect(img, x, pad, x+tw, pad+inner, c.kinds[o.kinds[i]])
		}
		return img
	}
	bw := max(1, int(math.Round(overviewBinWidth*scale)))
	nb := (w + bw - 1) / bw
	r.countBins(w, nb, float64(nb*bw)/float64(w))
	most := int32(1)
	for _, n := range r.bins {
		most = max(most, n)
	}
	for b, n := range r.bins {
		if n == 0 {
			continue
		}
		bh := max(1, int(math.Round(float64(inner)*math.Sqrt(float64(n)/float64(most)))))
		fillRect(img, b*bw, pad+inner-bh, b*bw+bw, pad+inner, c.bar)
	}
	return img
}

// countBins counts the events into nb bins for a strip w pixels wide,
// the bins covering stretch times the strip, unless they were counted for
// this data and width already.
func (r *overviewRenderer) countBins(w, nb int, stretch float64) {
	o := r.o
	if r.binsVer == o.dataVer && r.binsW == w && len(r.bins) == nb {
		return
	}
	r.binsW = w
	if cap(r.bins) < nb {
		r.bins = make([]int32, nb)
	}
	r.bins = r.bins[:nb]
	r.binsVer = o.dataVer
	countBins(o.pos, o.first, o.first+(o.last-o.first)*stretch, r.bins)
}

// fillRect fills [x0, x1) x [y0, y1) of img with c, clipped to img.
func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	b := img.Rect
	x0, y0, x1, y1 = max(x0, b.Min.X), max(y0, b.Min.Y), min(x1, b.Max.X), min(y1, b.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	px := [4]uint8{c.R, c.G, c.B, c.A}
	row := img.Pix[img.PixOffset(x0, y0) : img.PixOffset(x1-1, y0)+4]
	for i := 0; i < len(row); i += 4 {
		copy(row[i:i+4], px[:])
	}
	for y := y0 + 1; y < y1; y++ {
		off := img.PixOffset(x0, y)
		copy(img.Pix[off:off+len(row)], row)
	}
}
