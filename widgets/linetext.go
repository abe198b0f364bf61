package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// LineText is one line of text, cut with an ellipsis where it is wider
// than the widget, laid out as a Label with TextTruncateEllipsis: for a
// toolbar that keeps its width whatever the text. A Label shapes a new
// text again for its rows and once more for every cut it tries; the
// timeline's toolbar shows a new span at every zoom step, which cost 2.8%
// of the CPU while zooming at 100,000 events (make framebench). LineText
// measures a new text once (Fyne keeps the measure) and cuts it only when
// it does not fit.
type LineText struct {
	widget.BaseWidget
	Text      string
	TextStyle fyne.TextStyle
}

var _ fyne.Widget = (*LineText)(nil)

// NewLineText returns a LineText showing s.
func NewLineText(s string) *LineText {
	t := &LineText{Text: s}
	t.ExtendBaseWidget(t)
	return t
}

// SetText shows s; the same text again costs nothing.
func (t *LineText) SetText(s string) {
	if s == t.Text {
		return
	}
	t.Text = s
	t.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (t *LineText) CreateRenderer() fyne.WidgetRenderer {
	r := &lineTextRenderer{t: t, text: &canvas.Text{}}
	r.objects = []fyne.CanvasObject{r.text}
	r.Refresh()
	return r
}

type lineTextRenderer struct {
	t       *LineText
	text    *canvas.Text
	objects []fyne.CanvasObject
}

func (r *lineTextRenderer) Layout(size fyne.Size) {
	pad := r.t.Theme().Size(theme.SizeNameInnerPadding)
	r.text.Text = ellipsize(r.t.Text, r.text.TextSize, r.text.TextStyle, size.Width-2*pad)
	h := fyne.MeasureText("M", r.text.TextSize, r.text.TextStyle).Height
	r.text.Move(fyne.NewPos(pad, pad)) // where a Label puts its line
	r.text.Resize(fyne.NewSize(max(0, size.Width-2*pad), h))
}

// MinSize is a Label's with TextTruncateEllipsis: a line high with its
// padding, and as wide as an "M" and an ellipsis in regular type.
func (r *lineTextRenderer) MinSize() fyne.Size {
	pad := r.t.Theme().Size(theme.SizeNameInnerPadding)
	h := fyne.MeasureText("M", r.text.TextSize, r.text.TextStyle).Height
	w := fyne.MeasureText("M", r.text.TextSize, fyne.TextStyle{}).Width + fyne.MeasureText("…", r.text.TextSize, fyne.TextStyle{}).Width
	return fyne.NewSize(w, h+2*pad)
}

func (r *lineTextRenderer) Refresh() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.text.TextStyle = r.t.TextStyle
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.Layout(r.t.Size())
	canvas.Refresh(r.text)
}

func (r *lineTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *lineTextRenderer) Destroy() {}
