package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want fyne.Size
		ok   bool
	}{
		{"1920x1080", fyne.NewSize(1920, 1080), true},
		{" 800X600 ", fyne.NewSize(800, 600), true},
		{"1920", fyne.Size{}, false},
		{"axb", fyne.Size{}, false},
		{"10x10", fyne.Size{}, false},
		{"100000x100", fyne.Size{}, false},
		{"-5x100", fyne.Size{}, false},
	} {
		got, err := ParseSize(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSize(%q) = %v, %v", c.in, got, err)
		}
	}
}

// TestWindowExportSizeIsCapped checks that the window's Export image…
// draws no more than 3840 pixels a side (the slide is drawn on the UI
// goroutine: 8192x8192 froze the window for 10 s), and --export-png, with
// no window, up to 8192; every size the dialog offers is allowed.
func TestWindowExportSizeIsCapped(t *testing.T) {
	for _, s := range exportSizes {
		if _, err := parseWindowSize(s); err != nil {
			t.Errorf("the dialog offers %s, and refuses it: %v", s, err)
		}
	}
	if _, err := parseWindowSize("8192x8192"); err == nil || !strings.Contains(err.Error(), "3840") {
		t.Errorf("the window draws 8192x8192 (error %v)", err)
	}
	if _, err := ParseSize("8192x8192"); err != nil {
		t.Errorf("--export-png refuses 8192x8192: %v", err)
	}
}

// distinctColours counts the colours in img, up to limit.
func distinctColours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

func TestExportImageSizeAndContent(t *testing.T) {
	u := newTestUI(t)
	u.Select(u.tl.Index("dmz-meeting"))
	w := u.Window()
	content, size := w.Content(), w.Canvas().Size()
	for _, sz := range []fyne.Size{DefaultExportSize, fyne.NewSize(800, 600)} {
		var buf bytes.Buffer
		if err := u.ExportImage(&buf, sz); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%v: the export is not a PNG: %v", sz, err)
		}
		if b := img.Bounds(); b.Dx() != int(sz.Width) || b.Dy() != int(sz.Height) {
			t.Fatalf("exported %dx%d, want %v", b.Dx(), b.Dy(), sz)
		}
		if n := distinctColours(img, 50); n < 50 {
			t.Errorf("%v: only %d colours: blank", sz, n)
		}
	}
	if w.Content() != content || w.Canvas().Size() != size || u.Selected() != u.tl.Index("dmz-meeting") {
		t.Error("exporting changed the window")
	}
}

func TestExportShowsTheEvent(t *testing.T) {
	u := newTestUI(t)
	// Two different events give two different images; the same event twice
	// gives the same one.
	render := func(id string) image.Image {
		return RenderSlide(u.tl, u.tl.Index(id), nil, fyne.NewSize(480, 270), ThemeLight, 1)
	}
	a, b, a2 := render("hanoi-summit"), render("dmz-meeting"), render("hanoi-summit")
	same := func(x, y image.Image) bool {
		for yy := 0; yy < 270; yy++ {
			for xx := 0; xx < 480; xx++ {
				if x.At(xx, yy) != y.At(xx, yy) {
					return false
				}
			}
		}
		return true
	}
	if same(a, b) {
		t.Error("two events export the same image")
	}
	if !same(a, a2) {
		t.Error("one event exports two different images")
	}
}

func TestExportPNGWritesAFile(t *testing.T) {
	a := test.NewTempApp(t)
	u := reopen(t, a)
	file := filepath.Join(t.TempDir(), "slide.png")
	if err := ExportPNG(a, u.tl, "", file, "stockholm-talks", "640x360", ThemeDark); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 640 || cfg.Height != 360 {
		t.Fatalf("%v: %dx%d", err, cfg.Width, cfg.Height)
	}
	if err := ExportPNG(a, u.tl, "", file, "no-such-event", "", ThemeDark); err == nil {
		t.Error("an unknown event exported")
	}
	if err := ExportPNG(a, u.tl, "", file, "", "big", ThemeDark); err == nil {
		t.Error("a bad size exported")
	}
}

func TestExportPNGWritesSafely(t *testing.T) {
	a := test.NewTempApp(t)
	u := reopen(t, a)
	dir := t.TempDir()

	// over a file of the person's: whole, and with its mode
	old := filepath.Join(dir, "old.png")
	os.WriteFile(old, []byte("old"), 0o600)
	if err := ExportPNG(a, u.tl, "", old, "", "320x200", ThemeLight); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(old); fi.Mode().Perm() != 0o600 || fi.Size() < 100 {
		t.Errorf("old.png: mode %v, %d bytes", fi.Mode().Perm(), fi.Size())
	}
	// never over the timeline it draws
	src := filepath.Join(dir, "tl.csv")
	sheet := "Year,Month,Day,Headline\n2019,6,30,DMZ\n"
	os.WriteFile(src, []byte(sheet), 0o644)
	tl, _, err := data.LoadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	err = ExportPNG(a, tl, src, filepath.Join(dir, ".", "tl.csv"), "", "", ThemeLight)
	if err == nil || !strings.Contains(err.Error(), "is the timeline being drawn") {
		t.Errorf("over its timeline: %v", err)
	}
	if b, _ := os.ReadFile(src); string(b) != sheet {
		t.Errorf("the timeline became %d bytes", len(b))
	}
	// a folder
	if err := ExportPNG(a, u.tl, "", dir, "", "", ThemeLight); err == nil || !strings.Contains(err.Error(), dir+" is a directory") {
		t.Errorf("into a folder: %v", err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Errorf("the folder holds %d files", len(es))
	}
}

// BenchmarkRenderSlide measures File > Export image…'s drawing, which runs
// on the UI goroutine while the person waits.
func BenchmarkRenderSlide(b *testing.B) {
	test.NewTempApp(b)
	tl, err := data.Default()
	if err != nil {
		b.Fatal(err)
	}
	i := tl.Index("hanoi-summit")
	for _, sz := range []fyne.Size{fyne.NewSize(960, 540), DefaultExportSize, fyne.NewSize(3840, 2160)} {
		b.Run(fmt.Sprintf("%.0fx%.0f", sz.Width, sz.Height), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				RenderSlide(tl, i, nil, sz, ThemeLight, 1)
			}
		})
	}
}

// BenchmarkPresentStep measures one step in presentation mode: the card,
// the progress and the timeline's glide (which the test driver runs to its
// end at once).
func BenchmarkPresentStep(b *testing.B) {
	tl, err := data.Default()
	if err != nil {
		b.Fatal(err)
	}
	u := New(test.NewTempApp(b), tl)
	u.Window().Resize(fyne.NewSize(1920, 1080))
	u.Present(true)
	b.ReportAllocs()
	d := 1
	for b.Loop() {
		if u.PresentedEvent() == len(tl.Events)-1 {
			d = -1
		} else if u.PresentedEvent() == 0 {
			d = 1
		}
		u.PresentStep(d)
	}
}
