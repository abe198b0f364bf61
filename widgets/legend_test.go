package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// showLegend puts a Legend of tl in an unpadded test window width wide.
func showLegend(t *testing.T, tl *data.Timeline, width float32) *Legend {
	t.Helper()
	test.NewTempApp(t)
	l := NewLegend()
	l.SetTimeline(tl)
	win := test.NewWindow(l)
	t.Cleanup(win.Close)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(width, l.MinSize().Height))
	return l
}

// shownTexts are the legend's visible texts with their boxes, relative to
// the legend (its objects are its renderer's own, not nested).
func shownTexts(l *Legend) (texts []string, boxes []rect) {
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && o.Visible() {
			texts = append(texts, tx.Text)
			p := o.Position()
			s := fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle)
			boxes = append(boxes, rect{p.X, p.Y, p.X + s.Width, p.Y + s.Height})
		}
	}
	return texts, boxes
}

func TestLegendIsOneRowOfKinds(t *testing.T) {
	l := showLegend(t, defaultData(t), 900)
	texts, boxes := shownTexts(l)
	all := strings.Join(texts, "|")
	for _, k := range data.Kinds {
		if !strings.Contains(all, k.Label()) {
			t.Errorf("legend %q lacks %q", all, k.Label())
		}
	}
	if !strings.Contains(all, "points to the recipient") {
		t.Errorf("legend %q does not explain the chevron", all)
	}
	if strings.Contains(all, "Above") || strings.Contains(all, "Trump") {
		t.Errorf("legend %q still names the sides: the timeline captions them", all)
	}
	// one row inside 900 px, nothing overlapping
	h := l.MinSize().Height
	if h > 2*fyne.MeasureText("Mg", 14, fyne.TextStyle{}).Height-4 {
		t.Errorf("MinSize height %v is more than one row", h)
	}
	for i, b := range boxes {
		if b.x1 > 900 || b.y0 < -1 || b.y1 > h+1 {
			t.Errorf("%q at %v is outside one 900 px row (height %v)", texts[i], b, h)
		}
		for j := i + 1; j < len(boxes); j++ {
			if b.overlaps(boxes[j]) {
				t.Errorf("%q %v overlaps %q %v", texts[i], b, texts[j], boxes[j])
			}
		}
	}
}

func TestLegendNarrowLeavesEntriesOut(t *testing.T) {
	l := showLegend(t, defaultData(t), 300)
	texts, boxes := shownTexts(l)
	if len(texts) == 0 || len(texts) >= len(l.Entries()) {
		t.Fatalf("at 300 px the legend shows %q of %q", texts, l.Entries())
	}
	if texts[0] != "Letter" {
		t.Errorf("first entry %q, want Letter", texts[0])
	}
	for i, b := range boxes {
		if b.x1 > 300 {
			t.Errorf("%q at %v overflows 300 px", texts[i], b)
		}
	}
}

func TestLegendShowsGroups(t *testing.T) {
	tl, _, err := data.LoadFile("testdata/groups.json")
	if err != nil {
		t.Fatal(err)
	}
	l := showLegend(t, tl, 900)
	want := tl.Groups()
	if len(want) != 3 {
		t.Fatalf("groups.json has groups %q, want 3", want)
	}
	got := l.Entries()
	if strings.Join(got[:3], "|") != strings.Join(want, "|") || got[3] != "Context" || len(got) != 4 {
		t.Errorf("entries %q, want the groups %q then Context alone", got, want)
	}
	// a swatch per group, each in its own colour
	var swatches []color.Color
	for _, o := range test.LaidOutObjects(l) {
		if r, ok := o.(*canvas.Rectangle); ok && o.Visible() && r.FillColor != nil {
			swatches = append(swatches, r.FillColor)
		}
	}
	if len(swatches) != 3 {
		t.Fatalf("%d swatches, want 3", len(swatches))
	}
	for i := range swatches {
		for j := i + 1; j < len(swatches); j++ {
			if swatches[i] == swatches[j] {
				t.Errorf("groups %d and %d share colour %v", i, j, swatches[i])
			}
		}
	}
}

func TestKindShapesDiffer(t *testing.T) {
	seen := map[shape]data.Kind{}
	for _, k := range data.Kinds {
		s := kindShape(k)
		s.scale = 0
		if other, ok := seen[s]; ok {
			t.Errorf("%s and %s have the same shape", k, other)
		}
		seen[s] = k
	}
}
