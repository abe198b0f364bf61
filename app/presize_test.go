package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestPresize checks the size presize lays the content out at before the
// data fills it: the window's, remembered or DefaultSize, less Fyne's
// padding when the window has it and one menu line with inner padding.
func TestPresize(t *testing.T) {
	u := newTestUI(t)
	th := u.app.Settings().Theme()
	pad, inner := th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInnerPadding)
	menu := fyne.MeasureText("File", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height + inner
	for _, tc := range []struct {
		name   string
		w, h   float64 // remembered, 0 for none
		padded bool
		want   fyne.Size
	}{
		{"default size", 0, 0, true, fyne.NewSize(DefaultSize.Width-2*pad, DefaultSize.Height-2*pad-menu)},
		{"remembered size", 1000, 700, true, fyne.NewSize(1000-2*pad, 700-2*pad-menu)},
		{"a remembered size too small is not used", 100, 700, true, fyne.NewSize(DefaultSize.Width-2*pad, DefaultSize.Height-2*pad-menu)},
		{"no padding", 1000, 700, false, fyne.NewSize(1000, 700-menu)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u.state.WindowWidth, u.state.WindowHeight = tc.w, tc.h
			u.win.SetPadded(tc.padded)
			u.win.Content().Resize(fyne.NewSize(10, 10)) // as Fyne's SetContent leaves it: the minimum size
			u.presize()
			if got := u.win.Content().Size(); got != tc.want {
				t.Errorf("content laid out at %v, want %v", got, tc.want)
			}
		})
	}
}
