//go:build ignore

// Genicon draws the app's icon: two letters on either side of a horizontal
// timeline, the upper one (Trump's side in the app) warm, the lower one (Kim's
// side) cool, each tied to the axis by a stem like a timeline marker.
//
// It writes icon.png (512 px, the one FyneApp.toml and the app use) and
// icon-N.png for the sizes a Linux desktop asks for. Every size is drawn
// from the same geometry, not scaled from the big one: edges are snapped to
// whole pixels at small sizes and strokes never get thinner than one pixel,
// so the 16 px icon stays crisp.
//
// Run it from assets/ with `go generate` (or `go run genicon.go`); it needs
// nothing but the standard library.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

//go:generate go run genicon.go

// Colours: few and far apart in lightness, so the shapes read at 16 px.
var (
	navy  = color.NRGBA{0x1b, 0x2a, 0x4a, 0xff} // background
	paper = color.NRGBA{0xf6, 0xf1, 0xe7, 0xff} // timeline axis
	coral = color.NRGBA{0xef, 0x5b, 0x4b, 0xff} // upper letter
	sky   = color.NRGBA{0x6c, 0xb8, 0xf5, 0xff} // lower letter
	ink   = color.NRGBA{0x1b, 0x2a, 0x4a, 0xff} // envelope flap lines
)

// sdf is a signed distance in pixels: negative inside the shape.
type sdf func(x, y float64) float64

// layer is one flat-coloured shape.
type layer struct {
	c     color.NRGBA
	shape sdf
}

func main() {
	sizes := []int{16, 24, 32, 48, 64, 128, 256, 512}
	for _, s := range sizes {
		img := render(s)
		name := fmt.Sprintf("icon-%d.png", s)
		if err := save(name, img); err != nil {
			fmt.Fprintln(os.Stderr, "genicon:", err)
			os.Exit(1)
		}
		if s == 512 {
			if err := save("icon.png", img); err != nil {
				fmt.Fprintln(os.Stderr, "genicon:", err)
				os.Exit(1)
			}
		}
	}
}

func save(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return f.Close()
}

// render draws the icon at s×s pixels. The design lives on a 16-unit grid;
// u converts units to pixels and snap rounds a length to whole pixels when
// the icon is small enough for half-covered pixels to look blurred.
func render(s int) *image.NRGBA {
	size := float64(s)
	u := size / 16
	snap := func(v float64) float64 {
		if s > 64 {
			return v
		}
		return math.Round(v)
	}
	atLeast := func(v, min float64) float64 { return math.Max(snap(v), min) }

	var layers []layer
	// Background: a rounded square, full bleed.
	layers = append(layers, layer{navy, roundRect(0, 0, size, size, snap(3.2*u))})

	// Timeline axis through the middle, with round ends.
	axisH := atLeast(1.4*u, 2)
	axisTop := snap(size/2 - axisH/2)
	axisY := axisTop + axisH/2
	layers = append(layers, layer{paper, roundRect(snap(1.4*u), axisTop, size-snap(1.4*u), axisTop+axisH, axisH/2)})

	// Two letters: upper left (warm), lower right (cool), mirrored about the
	// centre; a stem ties each to the axis and a dot marks its date.
	envW, envH := snap(7.8*u), snap(4.7*u)
	gap := atLeast(0.9*u, 1) // between letter and axis
	stemW := atLeast(1.0*u, 1)
	ux0 := snap(1.7 * u)
	uy1 := axisTop - gap
	uy0 := uy1 - envH
	lx1 := size - ux0
	ly0 := axisTop + axisH + gap
	line := atLeast(0.75*u, 1)
	for _, e := range []struct {
		x0, y0 float64
		c      color.NRGBA
		up     bool
	}{
		{ux0, uy0, coral, true},
		{lx1 - envW, ly0, sky, false},
	} {
		x1, y1 := e.x0+envW, e.y0+envH
		cx := snap((e.x0+x1)/2-stemW/2) + stemW/2
		// stem from the letter to the axis
		if e.up {
			layers = append(layers, layer{e.c, rect(cx-stemW/2, y1-1, cx+stemW/2, axisY)})
		} else {
			layers = append(layers, layer{e.c, rect(cx-stemW/2, axisY, cx+stemW/2, e.y0+1)})
		}
		// a dot on the axis where the stem lands (only where it can show)
		if s >= 32 {
			r := axisH * 0.8
			layers = append(layers, layer{e.c, circle(cx, axisY, r)})
		}
		// the envelope and its flap: a V from the top corners to below the middle
		layers = append(layers, layer{e.c, roundRect(e.x0, e.y0, x1, y1, math.Max(0.5*u, 0.5))})
		inset := line / 2
		if s <= 16 {
			inset = line // keep the V off the outline at 16 px
		}
		tip := e.y0 + envH*0.58
		layers = append(layers,
			layer{ink, segment(e.x0+inset, e.y0+inset, cx, tip, line/2)},
			layer{ink, segment(x1-inset, e.y0+inset, cx, tip, line/2)},
		)
	}
	return paint(s, layers)
}

// paint composites the layers with analytic anti-aliasing: each pixel's
// coverage is its centre's distance to the edge, clamped to one pixel.
func paint(s int, layers []layer) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, s, s))
	for y := 0; y < s; y++ {
		for x := 0; x < s; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			var r, g, b, a float64 // premultiplied, 0..1
			for _, l := range layers {
				cov := clamp(0.5 - l.shape(px, py))
				if cov == 0 {
					continue
				}
				la := cov * float64(l.c.A) / 255
				r = float64(l.c.R)/255*la + r*(1-la)
				g = float64(l.c.G)/255*la + g*(1-la)
				b = float64(l.c.B)/255*la + b*(1-la)
				a = la + a*(1-la)
			}
			// Nothing but the background's own edge is see-through, so clip
			// every layer to the background by scaling with its coverage.
			bg := clamp(0.5 - layers[0].shape(px, py))
			if a > 0 {
				r, g, b = r/a, g/a, b/a
			}
			a = math.Min(a, bg)
			img.SetNRGBA(x, y, color.NRGBA{to8(r), to8(g), to8(b), to8(a)})
		}
	}
	return img
}

func clamp(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func to8(v float64) uint8 { return uint8(math.Round(clamp(v) * 255)) }

func rect(x0, y0, x1, y1 float64) sdf { return roundRect(x0, y0, x1, y1, 0) }

func roundRect(x0, y0, x1, y1, r float64) sdf {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	return func(x, y float64) float64 {
		dx := math.Abs(x-cx) - hx
		dy := math.Abs(y-cy) - hy
		out := math.Hypot(math.Max(dx, 0), math.Max(dy, 0))
		in := math.Min(math.Max(dx, dy), 0)
		return out + in - r
	}
}

func circle(cx, cy, r float64) sdf {
	return func(x, y float64) float64 { return math.Hypot(x-cx, y-cy) - r }
}

// segment is a line from (ax, ay) to (bx, by) with round caps, r thick on
// each side.
func segment(ax, ay, bx, by, r float64) sdf {
	return func(x, y float64) float64 {
		px, py := x-ax, y-ay
		dx, dy := bx-ax, by-ay
		t := math.Max(0, math.Min(1, (px*dx+py*dy)/(dx*dx+dy*dy)))
		return math.Hypot(px-dx*t, py-dy*t) - r
	}
}
