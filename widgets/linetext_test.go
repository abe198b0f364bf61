package widgets

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// LineText stands in for a bold Label with TextTruncateEllipsis (the
// toolbar's span): it must look the same where the text fits, be as high,
// and cut a text that does not fit.
func TestLineTextLooksLikeATruncatedLabel(t *testing.T) {
	test.NewTempApp(t)
	capture := func(o fyne.CanvasObject, w float32) image.Image {
		win := test.NewWindow(o)
		defer win.Close()
		win.SetPadded(false)
		win.Resize(fyne.NewSize(w, 40))
		return win.Canvas().Capture()
	}
	const span = "Jun 2018 – Feb 2019"
	label := widget.NewLabel(span)
	label.TextStyle.Bold = true
	label.Truncation = fyne.TextTruncateEllipsis
	lt := NewLineText(span)
	lt.TextStyle.Bold = true
	if lt.MinSize() != label.MinSize() {
		t.Errorf("LineText's MinSize is %v, a Label's %v", lt.MinSize(), label.MinSize())
	}
	a, b := capture(label, 300), capture(lt, 300)
	if !imagesEqual(a, b) {
		t.Error("LineText does not draw as the Label does")
	}

	win := test.NewWindow(lt)
	defer win.Close()
	win.SetPadded(false)
	win.Resize(fyne.NewSize(90, 40))
	text := test.WidgetRenderer(lt).Objects()[0].(*canvas.Text)
	if !strings.HasSuffix(text.Text, "…") || !strings.HasPrefix(span, strings.TrimSuffix(text.Text, "…")) {
		t.Errorf("at 90 wide it shows %q, want the start of %q and an ellipsis", text.Text, span)
	}
	if w := fyne.MeasureText(text.Text, text.TextSize, text.TextStyle).Width; text.Position().X+w > 90 {
		t.Errorf("%q is %v wide from %v: past the widget's 90", text.Text, w, text.Position().X)
	}
	lt.SetText("2019")
	if text.Text != "2019" {
		t.Errorf("after SetText it shows %q", text.Text)
	}
}

func imagesEqual(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}
