package app

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// pdfText is the text of the PDF file, as pdftotext reads it, its white
// space made single spaces; the test is skipped without pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF cannot be read back")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestRenderStripDrawsTheWholeTimeline(t *testing.T) {
	// Whatever the window's look, the strip is for paper: light.
	test.NewTempApp(t).Settings().SetTheme(NewTheme(ThemeDark, 1))
	tl, _ := data.Default()
	img := RenderStrip(tl, nil)
	if b := img.Bounds(); b.Dx() != 1800 || b.Dy() != 680 {
		t.Fatalf("strip of %v", b)
	}
	// Every kind's marker is there, in the light theme's colours, on its
	// white.
	th := NewTheme(ThemeLight, 1).(appTheme)
	seen := map[color.NRGBA]int{}
	for y := 0; y < 680; y++ {
		for x := 0; x < 1800; x++ {
			seen[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	for _, k := range data.Kinds {
		c := color.NRGBAModel.Convert(th.KindColor(k, 0)).(color.NRGBA)
		if seen[c] < 20 {
			t.Errorf("%s: %d pixels of its colour %v", k, seen[c], c)
		}
	}
	if white := (color.NRGBA{0xff, 0xff, 0xff, 0xff}); seen[white] < 1800*680/3 {
		t.Errorf("a third of the strip is not white: %d pixels", seen[white])
	}
}

// TestHandoutSpanIsItsEvents: the title page of a handout of a search
// gives the span of the events it holds, as the title slide does; it gave
// the whole timeline's ("May 2018 – September 2020" for "2019").
func TestHandoutSpanIsItsEvents(t *testing.T) {
	u := newTestUI(t)
	setSearch(t, u, "2019")
	order := u.stepOrder()
	var b bytes.Buffer
	if err := u.ExportHandout(&b, "a4"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "h.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	want := u.tl.Summary(order).Span()
	if want != "February 2019 – October 2019" {
		t.Fatalf("the search 2019 spans %q", want)
	}
	if !strings.Contains(text, want) {
		t.Errorf("the title page does not say %q: %.300s", want, text)
	}
}

func TestExportHandoutFollowsTheSearch(t *testing.T) {
	u := newTestUI(t)
	setSearch(t, u, "letter")
	order := u.stepOrder()
	if len(order) == 0 || len(order) == len(u.tl.Events) {
		t.Fatalf("%d events match", len(order))
	}
	var b bytes.Buffer
	if err := u.ExportHandout(&b, "letter"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "h.pdf")
	os.WriteFile(path, b.Bytes(), 0o644)
	text := pdfText(t, path)
	if want := data.Count(len(order), "event") + " of 17"; !strings.Contains(text, want) {
		t.Errorf("the title page does not say %q: %.300s", want, text)
	}
	in := map[int]bool{}
	for _, i := range order {
		in[i] = true
	}
	for i, e := range u.tl.Events {
		// (The summary: a title can be part of another, "Singapore summit".)
		if got := strings.Contains(text, e.Summary); got != in[i] {
			t.Errorf("%s: in the handout %v, matches the search %v", e.ID, got, in[i])
		}
	}
}

func TestExportHandoutFile(t *testing.T) {
	a := test.NewTempApp(t)
	tl, _ := data.Default()
	dir := t.TempDir()
	file := filepath.Join(dir, "handout.pdf")
	if err := ExportHandoutFile(a, tl, "", file, "Letter"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%v: %.20q", err, b)
	}
	text := pdfText(t, file)
	for _, e := range tl.Events {
		if !strings.Contains(text, e.Title) {
			t.Errorf("%s: its title is not in the handout", e.ID)
		}
	}

	if err := ExportHandoutFile(a, tl, "", filepath.Join(dir, "x.pdf"), "legal"); err == nil || !strings.Contains(err.Error(), `paper "legal"`) {
		t.Errorf("legal paper: %v", err)
	}
	src := filepath.Join(dir, "tl.csv")
	sheet := "Year,Month,Day,Headline\n2019,6,30,DMZ\n"
	os.WriteFile(src, []byte(sheet), 0o644)
	err = ExportHandoutFile(a, tl, src, filepath.Join(dir, ".", "tl.csv"), "")
	if err == nil || !strings.Contains(err.Error(), "is the timeline being drawn") {
		t.Errorf("over its timeline: %v", err)
	}
	if b, _ := os.ReadFile(src); string(b) != sheet {
		t.Errorf("the timeline became %d bytes", len(b))
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Errorf("the folder holds %d files", len(es))
	}
}

func TestFileMenuExportHandoutOpensItsDialog(t *testing.T) {
	u := newTestUI(t)
	var found bool
	for _, m := range u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "File" && it.Label == "Export handout…" {
				found = true
				it.Action()
			}
		}
	}
	if !found {
		t.Fatal("no File > Export handout…")
	}
	if !u.dialogOpen() {
		t.Error("File > Export handout… opened no dialog")
	}
	u.closeDialog()
	u.Present(true)
	u.ShowExportHandout()
	if u.dialogOpen() {
		t.Error("a dialog opened over the slide")
	}
}

// BenchmarkWriteHandout measures File > Export handout… as a whole, strip
// included, for the article's 17 events and 2,000 synthetic ones.
func BenchmarkWriteHandout(b *testing.B) {
	test.NewTempApp(b)
	for _, n := range []int{17, 2_000} {
		tl, err := data.NewSynthetic(n, 1)
		if n == 17 {
			tl, err = data.Default()
		}
		if err != nil {
			b.Fatal(err)
		}
		events := make([]int, n)
		for i := range events {
			events[i] = i
		}
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := WriteHandout(&buf, tl, events, "a4", time.Time{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
