package widgets

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// textSize is the theme's text size for the timeline now.
func (t *Timeline) textSize() float32 {
	if th := t.Theme(); th != nil {
		return th.Size(theme.SizeNameText)
	}
	return theme.DefaultTheme().Size(theme.SizeNameText)
}

// metrics are the sizes the timeline is laid out and drawn with at the
// theme's text size now. It changes nothing: the timeline takes a new text
// size, and drops what it measured at the old one, in useTextSize.
func (t *Timeline) metrics() lanes.Metrics {
	if size := t.textSize(); size != t.m.TextSize {
		return lanes.NewMetrics(size, measureText)
	}
	return t.m
}

// useTextSize returns the metrics at the theme's text size now, and when
// that size changed, keeps them and makes the text caches hold widths at
// the new size only (a slide's text size follows the window's: kept for
// every size, they grew without end).
func (t *Timeline) useTextSize() lanes.Metrics {
	m := t.metrics()
	if m.TextSize != t.m.TextSize {
		t.m = m
		t.texts.setSize(m.TextSize)
	}
	return m
}

// place lays the timeline out for size and its state now (view,
// selection, captions), and returns the layout to draw from.
func (t *Timeline) place(size fyne.Size) *lanes.Layout {
	m := t.useTextSize()
	v := lanes.View{From: t.viewFrom, To: t.viewTo, Width: size.Width, Height: size.Height, Selected: t.selected}
	for s, c := range t.captions {
		if c != "" {
			v.CaptionW[s] = t.captionWidth(m, s)
		}
	}
	t.lay.Place(m, v)
	return t.lay
}

// captionWidth is how wide caption s is drawn: margin, triangle, names.
func (t *Timeline) captionWidth(m lanes.Metrics, s int) float32 {
	return m.Pad + 2 + captionArrow(m) + 4 + t.texts.width(t.captions[s], m.CapSize, false) + 4
}

// captionArrow is the size of a caption's triangle.
func captionArrow(m lanes.Metrics) float32 {
	return float32(math.Round(float64(m.CapSize * 0.75)))
}

// measureText is fyne.MeasureText in the form lanes.NewMetrics asks for.
func measureText(s string, size float32, bold bool) (w, h float32) {
	sz := fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold})
	return sz.Width, sz.Height
}

// texts measures the timeline's texts and cuts its long labels, at one
// text size (setSize), keeping what it measured so that a pan allocates
// nothing. It is the lanes.Measurer of the timeline's layout.
type texts struct {
	tl     *data.Timeline
	size   float32
	widths map[textKey]float32
	labelW []float32 // per event, its label's width when not bold; 0 unmeasured
	cuts   map[int64]labelCut
}

var _ lanes.Measurer = (*texts)(nil)

type textKey struct {
	s    string
	size float32
	bold bool
}

// labelCut is a label cut to fit a budget, kept so that a pan over it
// allocates nothing.
type labelCut struct {
	budget float32
	s      string
	w      float32
}

// setData starts afresh for new data.
func (c *texts) setData(tl *data.Timeline) {
	c.tl = tl
	n := tl.Len()
	c.labelW = make([]float32, n)
	c.cuts = nil
	c.widths = map[textKey]float32{}
}

// setSize makes size the text size measured at, forgetting what was
// measured at another.
func (c *texts) setSize(size float32) {
	if size == c.size {
		return
	}
	c.size = size
	clear(c.labelW)
	clear(c.cuts)
	clear(c.widths)
}

// TextWidth is how wide s is drawn at the text size, bold or not.
func (c *texts) TextWidth(s string, bold bool) float32 { return c.width(s, c.size, bold) }

// width is how wide s is drawn at size, bold or not.
func (c *texts) width(s string, size float32, bold bool) float32 {
	if c.widths == nil {
		c.widths = map[textKey]float32{}
	}
	k := textKey{s, size, bold}
	if w, ok := c.widths[k]; ok {
		return w
	}
	w := probeWidth(s, size, fyne.TextStyle{Bold: bold})
	c.widths[k] = w
	return w
}

// LabelWidth is how wide event i's label is drawn within budget
// (label).
func (c *texts) LabelWidth(i int, bold bool, budget float32) float32 {
	_, w := c.label(i, bold, budget)
	return w
}

// labelWidth is how wide event i's whole label is.
func (c *texts) labelWidth(i int, bold bool) float32 {
	if bold {
		return probeWidth(c.tl.Events[i].ShortLabel(), c.size, fyne.TextStyle{Bold: true})
	}
	if w := c.labelW[i]; w > 0 {
		return w
	}
	w := probeWidth(c.tl.Events[i].ShortLabel(), c.size, fyne.TextStyle{})
	c.labelW[i] = w
	return w
}

// label is what event i's chip shows and how wide it is: its label, or
// when that is wider than budget, as much of it as fits before a "…" (""
// when not even that fits).
func (c *texts) label(i int, bold bool, budget float32) (string, float32) {
	s := c.tl.Events[i].ShortLabel()
	w := c.labelWidth(i, bold)
	if w <= budget {
		return s, w
	}
	key := int64(i) << 1
	if bold {
		key |= 1
	}
	if cut, ok := c.cuts[key]; ok && cut.budget == budget {
		return cut.s, cut.w
	}
	if c.cuts == nil {
		c.cuts = map[int64]labelCut{}
	}
	style := fyne.TextStyle{Bold: bold}
	// The label's width and the ellipsis' are known: not measured again.
	cut := labelCut{budget: budget, s: ellipsizeWide(s, c.size, style, budget-c.width("…", c.size, bold))}
	cut.w = probeWidth(cut.s, c.size, style)
	c.cuts[key] = cut
	return cut.s, cut.w
}

// ellipsize returns s when it is at most width wide, else as much of it as
// fits before a "…", cut at a character boundary (trailing spaces
// dropped); "" when not even "…" fits.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	if probeWidth(s, size, style) <= width {
		return s
	}
	return ellipsizeWide(s, size, style, width-probeWidth("…", size, style))
}

// ellipsizeWide is ellipsize for an s known to be wider than its room,
// with room the width less the "…": as much of s as fits in room, then
// "…"; "" when room is negative.
func ellipsizeWide(s string, size float32, style fyne.TextStyle, room float32) string {
	if room < 0 {
		return ""
	}
	return strings.TrimRight(s[:fitText(s, size, style, room)], " ") + "…"
}
