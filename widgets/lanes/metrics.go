package lanes

import "math"

// Metrics are the sizes a timeline is laid out and drawn with, in pixels,
// all derived from the theme's text size (NewMetrics).
type Metrics struct {
	TextSize float32
	TextH    float32
	ChipH    float32 // height of an event's chip: marker, date and label
	LaneH    float32 // chip plus the space between lanes
	TickH    float32 // the strip of tick labels under the axis
	Pad      float32 // around the whole drawing
	PadL     float32 // chip edge to marker
	PadR     float32 // label to chip edge
	Marker   float32 // marker box
	Arrow    float32 // direction chevron box
	Gap      float32 // between marker, date and label, and between chips
	// LaneTight and TickTight are the closest spacing of lanes and the
	// thinnest tick strip, used when the theme's leave some labels out at
	// small heights; Chip0, Lane0 and Tick0 are the theme's.
	LaneTight, TickTight float32
	Chip0, Lane0, Tick0  float32
	Gap0, PadR0          float32 // the theme's Gap and PadR; tighter at small sizes
	DigitW               float32 // widest digit, for cluster counts
	PlusW                float32
	CapSize              float32 // text size of the side captions and era titles
	CapH                 float32 // height of their strips
}

// NewMetrics works out the sizes for a text size, given how texts measure:
// measure(s, size, bold) is the width and height of s drawn at size.
func NewMetrics(size float32, measure func(s string, size float32, bold bool) (w, h float32)) Metrics {
	_, h := measure("Mg", size, false)
	digitW, _ := measure("0", size, true)
	plusW, _ := measure("+", size, true)
	m := Metrics{
		TextSize: size,
		TextH:    h,
		ChipH:    float32(math.Ceil(float64(h + 3))),
		Pad:      3,
		PadL:     4,
		// The spaces between marker, date and label grow with the type,
		// as a space does (5 and 6 at Fyne's 14): 5 px between a date and
		// a label in a slide's big type read as none.
		PadR:   6 * max(1, size/14),
		Gap:    5 * max(1, size/14),
		DigitW: digitW,
		PlusW:  plusW,
	}
	m.LaneH = m.ChipH + 1
	m.CapSize = float32(math.Round(float64(size * 0.85)))
	_, capH := measure("Mg", m.CapSize, false)
	m.CapH = float32(math.Ceil(float64(capH + 2)))
	m.TickH = float32(math.Ceil(float64(h + 6)))
	m.Chip0, m.Lane0, m.Tick0 = m.ChipH, m.LaneH, m.TickH
	m.Gap0, m.PadR0 = m.Gap, m.PadR
	m.LaneTight = float32(math.Ceil(float64(h)))
	m.TickTight = float32(math.Ceil(float64(h + 1)))
	m.Marker = float32(math.Round(float64(m.ChipH * 0.6)))
	m.Arrow = float32(math.Round(float64(m.Marker * 0.7)))
	return m
}

// ClusterWidth is how wide a cluster marker of n events is drawn: "+n" in
// a pill at least three chips' heights long.
func (m Metrics) ClusterWidth(n int32) float32 {
	digits := 1
	for n >= 10 {
		n /= 10
		digits++
	}
	return max(m.PadR*2+m.PlusW+float32(digits)*m.DigitW, 3*m.ChipH)
}
