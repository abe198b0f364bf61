package app

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trumpkim/app/handout"
	"trumpkim/app/internal/atomicfile"
	"trumpkim/data"
	"trumpkim/widgets"
)

// The handout's strip is drawn at stripSize (Fyne units) and stripScale
// pixels a unit: 1800x680 pixels, which a page of text 178 mm wide prints
// at 257 pixels an inch, with the timeline's labels at about 8 points.
var stripSize = fyne.NewSize(900, 340)

const stripScale = 2

// RenderStrip draws the whole of tl on the app's Timeline widget, with
// its legend below, off-screen and in the light theme, for a handout's
// title page; match
// dims the events it does not hold (nil dims none). No window is touched.
func RenderStrip(tl *data.Timeline, match []bool) image.Image {
	th := NewTheme(ThemeLight, 1)
	t := widgets.NewTimeline(tl)
	t.SetDimmed(match)
	legend := widgets.NewLegend()
	legend.SetTimeline(tl)
	bg := canvas.NewRectangle(th.Color(theme.ColorNameBackground, theme.VariantLight))
	over := container.NewThemeOverride(container.NewStack(bg, container.NewBorder(nil, legend, nil, nil, t)), th)
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetScale(stripScale)
	c.SetContent(over)
	c.Resize(stripSize)
	t.FitAll()
	img := c.Capture()
	// Fyne keeps what an override themed, and through it the strip and
	// its data, for good (see slide.release).
	over.Content = container.NewStack()
	over.Refresh()
	return img
}

// handoutOptions are the handout's options on paper, made at made: the
// app's own fonts, and the kinds' colours of the light theme, in which the
// strip is drawn.
func handoutOptions(paper string, made time.Time) handout.Options {
	th := NewTheme(ThemeLight, 1)
	colours := map[data.Kind]color.Color{}
	for _, k := range data.Kinds {
		colours[k] = widgets.KindColor(th, theme.VariantLight, k)
	}
	return handout.Options{
		Paper:     paper,
		Generated: made,
		Fonts: handout.Fonts{
			Regular: th.Font(fyne.TextStyle{}).Content(),
			Bold:    th.Font(fyne.TextStyle{Bold: true}).Content(),
			Italic:  th.Font(fyne.TextStyle{Italic: true}).Content(),
		},
		KindColors: colours,
	}
}

// WriteHandout writes the handout of events (indexes into tl.Events, in
// date order) of tl on paper ("a4" or "letter") to w: the title page
// with the whole timeline drawn as a strip, the events not in the handout
// dimmed, then a card for each event.
func WriteHandout(w io.Writer, tl *data.Timeline, events []int, paper string, made time.Time) error {
	return handoutWriter(tl, events, paper, made)(w)
}

// handoutWriter draws the handout's strip now (with Fyne's widgets: on the
// UI goroutine) and returns what writes the PDF, which may run on another
// goroutine.
func handoutWriter(tl *data.Timeline, events []int, paper string, made time.Time) func(io.Writer) error {
	var strip image.Image
	if len(tl.Events) > 0 {
		var match []bool
		if len(events) < len(tl.Events) {
			match = make([]bool, len(tl.Events))
			for _, i := range events {
				match[i] = true
			}
		}
		strip = RenderStrip(tl, match)
	}
	opts := handoutOptions(paper, made)
	return func(w io.Writer) error { return handout.Write(w, tl, events, strip, opts) }
}

// ExportHandout writes the handout of the events the search and filters
// let through (all of them when there are none) on paper to w.
func (u *UI) ExportHandout(w io.Writer, paper string) error { return u.handoutOf(paper)(w) }

// handoutOf draws ExportHandout's strip now and returns what writes the
// PDF, which may run on another goroutine.
func (u *UI) handoutOf(paper string) func(io.Writer) error {
	write := handoutWriter(u.tl, u.stepOrder(), paper, time.Now())
	// The strip's theme override made Fyne parse the fonts again; setting
	// the theme in use again makes it drop them (as ExportImage does).
	withGLContext(u.win, func() { u.app.Settings().SetTheme(u.app.Settings().Theme()) })
	return write
}

// ShowExportHandout opens File > Export handout…: choose the paper, then
// where to save.
func (u *UI) ShowExportHandout() {
	if u.presenting || u.dialogOpen() {
		return
	}
	papers := map[string]string{"A4": handout.A4, "Letter": handout.Letter}
	paper := widget.NewRadioGroup([]string{"A4", "Letter"}, nil)
	paper.Horizontal = true
	paper.Required = true
	paper.SetSelected("A4")
	n := len(u.stepOrder())
	what := "every event"
	if n < len(u.tl.Events) {
		what = fmt.Sprintf("the %s the search and filters show", data.Count(n, "event"))
	}
	note := widget.NewLabel("A PDF to print: a title page with the whole timeline, then a card for " + what + ".")
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("Paper", paper), widget.NewFormItem("", note)}
	d := dialog.NewForm("Export handout", saveLabel(), "Cancel", items, func(ok bool) {
		if ok {
			p := papers[paper.Selected]
			u.save("trump-kim-letters-handout.pdf", ".pdf", "The handout",
				func() func(io.Writer) error { return u.handoutOf(p) })
		}
	}, u.win)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	u.showDialog(d)
}

// ExportHandoutFile is --export-handout: it writes the handout of every
// event of tl on paper ("" for A4) to file, without a window. source is
// the file tl was read from ("" for the built-in timeline): file must not
// be it. a must be the running fyne app (it need not show a window).
func ExportHandoutFile(a fyne.App, tl *data.Timeline, source, file, paper string) error {
	p, err := handout.ParsePaper(paper)
	if err != nil {
		return fmt.Errorf("export-handout: %w", err)
	}
	if source != "" && atomicfile.SameFile(file, source) {
		return fmt.Errorf("export-handout: %s is the timeline being drawn; write to another file", file)
	}
	a.Settings().SetTheme(NewTheme(ThemeLight, 1))
	events := make([]int, len(tl.Events))
	for i := range events {
		events[i] = i
	}
	if err := atomicfile.WriteFile(file, atomicfile.DocumentMode, func(w io.Writer) error {
		return WriteHandout(w, tl, events, p, time.Now())
	}); err != nil {
		return fmt.Errorf("export-handout: %w", err)
	}
	return nil
}
