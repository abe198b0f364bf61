package assets

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

// TestIconIsSquarePNG checks the embedded icon: a PNG, square, at the size
// the window icon needs and no larger (see Icon).
func TestIconIsSquarePNG(t *testing.T) {
	if Icon.Name() != "icon.png" {
		t.Errorf("Icon.Name() = %q, want icon.png", Icon.Name())
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 256 || cfg.Height != 256 {
		t.Errorf("icon is %dx%d, want 256x256", cfg.Width, cfg.Height)
	}
}

// TestSizedIcons checks that every size the desktop is given exists, has
// that size, and still shows both letters and the axis: a pixel close to
// each of the design's colours must be there, which a blank, scaled-to-mush
// or wrongly generated file would not have.
func TestSizedIcons(t *testing.T) {
	want := map[string]color.NRGBA{
		"navy":  {0x1b, 0x2a, 0x4a, 0xff},
		"paper": {0xf6, 0xf1, 0xe7, 0xff},
		"coral": {0xef, 0x5b, 0x4b, 0xff},
		"sky":   {0x6c, 0xb8, 0xf5, 0xff},
	}
	for _, s := range []int{16, 24, 32, 48, 64, 128, 256, 512} {
		name := fmt.Sprintf("icon-%d.png", s)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if r := img.Bounds(); r.Dx() != s || r.Dy() != s {
				t.Fatalf("size %v, want %dx%d", r.Size(), s, s)
			}
			for cname, c := range want {
				if n := count(img, c); n == 0 {
					t.Errorf("no %s pixel", cname)
				}
			}
			if img.At(0, 0).(color.NRGBA).A != 0 {
				t.Errorf("corner pixel is opaque; the rounded square should leave it clear")
			}
		})
	}
}

// count returns how many opaque pixels of img are within a small distance
// of c.
func count(img image.Image, c color.NRGBA) int {
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if p.A == 0xff && near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint8) bool { return int(a)-int(b) <= 8 && int(b)-int(a) <= 8 }
