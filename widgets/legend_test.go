package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

func TestLegendNamesSidesAndKinds(t *testing.T) {
	test.NewTempApp(t)
	l := NewLegend()
	win := test.NewWindow(l)
	defer win.Close()
	win.SetPadded(false)
	win.Resize(fyne.NewSize(500, 200))
	l.SetTimeline(defaultData(t))

	s := l.SidesText()
	if s[0] != "Above the axis: Donald Trump's side" || !strings.HasPrefix(s[1], "Below: Kim Jong Un's side") {
		t.Errorf("sides = %q", s)
	}
	var shown []string
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && o.Visible() {
			shown = append(shown, tx.Text)
		}
	}
	all := strings.Join(shown, "|")
	for _, k := range data.Kinds {
		if !strings.Contains(all, k.Label()) {
			t.Errorf("legend %q lacks %q", all, k.Label())
		}
	}
	if !strings.Contains(all, "Donald Trump") {
		t.Errorf("legend %q does not name Trump's side", all)
	}
	// it wraps inside 500 px
	for _, o := range test.LaidOutObjects(l) {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if p.X+o.Size().Width > 501 {
			t.Errorf("%T at %v wide %v overflows 500 px", o, p, o.Size().Width)
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
