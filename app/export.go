package app

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"

	"trumpkim/app/internal/atomicfile"
	"trumpkim/data"
)

// DefaultExportSize is the size File > Export image… and --export-png draw
// at unless told otherwise: a 1080p slide.
var DefaultExportSize = fyne.NewSize(1920, 1080)

// Bounds of an exported image's sides, in pixels. The window's Export
// image… draws up to maxWindowExportSide: the slide is drawn on the UI
// goroutine (Fyne's widgets live there), and an 8192x8192 slide took 10 s
// there, the window frozen; 3840x2160 takes about a second. --export-png,
// with no window to freeze, draws up to maxExportSide.
const (
	minExportSide       = 64
	maxExportSide       = 8192
	maxWindowExportSide = 3840
)

// ParseSize reads a size written "WxH" ("1920x1080"), each side from 64 to
// 8192 pixels.
func ParseSize(s string) (fyne.Size, error) { return parseSizeUpTo(s, maxExportSide) }

// parseWindowSize reads the size of an image the window exports: each
// side up to maxWindowExportSide.
func parseWindowSize(s string) (fyne.Size, error) { return parseSizeUpTo(s, maxWindowExportSide) }

func parseSizeUpTo(s string, maxSide int) (fyne.Size, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	if !ok {
		return fyne.Size{}, fmt.Errorf("size %q: want WIDTHxHEIGHT, like 1920x1080", s)
	}
	w, err1 := strconv.Atoi(strings.TrimSpace(ws))
	h, err2 := strconv.Atoi(strings.TrimSpace(hs))
	if err := errors.Join(err1, err2); err != nil {
		return fyne.Size{}, fmt.Errorf("size %q: %w", s, err)
	}
	if w < minExportSide || h < minExportSide || w > maxSide || h > maxSide {
		return fyne.Size{}, fmt.Errorf("size %q: each side must be %d to %d pixels", s, minExportSide, maxSide)
	}
	return fyne.NewSize(float32(w), float32(h)), nil
}

// RenderSlide draws event index of tl as a slide (the timeline framed
// around it and its card, as presentation mode shows them) of size pixels,
// off-screen: no window is touched. order is the stepping order for the
// "5 / 15" progress and the dimming (nil for every event); mode and
// textScale give the look.
func RenderSlide(tl *data.Timeline, index int, order []int, size fyne.Size, mode ThemeMode, textScale float32) image.Image {
	if textScale <= 0 {
		textScale = 1
	}
	// Every theme scope the slide makes costs a parse of the fonts when it
	// is drawn, so the slide is made at its final scale, and the card's
	// contents are themed once, after the event is on it.
	s := newSlide(tl, mode, textScale, size, true)
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(s.view)
	c.Resize(size)

	var match []bool
	pos, total := -1, len(tl.Events)
	if order == nil {
		pos = index
	} else {
		total = len(order)
		if k := sort.SearchInts(order, index); k < len(order) && order[k] == index {
			pos = k
		}
		if len(order) < len(tl.Events) {
			match = make([]bool, len(tl.Events))
			for _, i := range order {
				match[i] = true
			}
		}
	}
	s.show(index, pos, total, match, false)
	img := c.Capture()
	s.release()
	return img
}

// WritePNG encodes img as a PNG to w.
func WritePNG(w io.Writer, img image.Image) error {
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("export: encode png: %w", err)
	}
	return nil
}

// ExportImage writes what the window shows (the selected or presented
// event, else the search's first; the search's events dimmed as on
// screen) as a PNG slide of size pixels to w, drawn off-screen.
func (u *UI) ExportImage(w io.Writer, size fyne.Size) error { return u.pngOf(size)(w) }

// exportSlide draws the slide ExportImage writes. It must run on the UI
// goroutine: the slide is made of Fyne's widgets.
func (u *UI) exportSlide(size fyne.Size) image.Image {
	i := u.selected
	if u.presenting && u.pres != nil {
		i = u.pres.current
	}
	order := u.stepOrder()
	if i < 0 && len(order) > 0 {
		i = order[0] // nothing chosen yet: the first event of the search
	}
	if len(order) == len(u.tl.Events) {
		order = nil
	}
	img := RenderSlide(u.tl, i, order, size, u.themeMode, u.textScale)
	// Fyne parses the fonts again for every theme override scope and
	// keeps them until the settings change (4 MB an export): setting the
	// theme in use again makes it drop them.
	withGLContext(u.win, func() { u.app.Settings().SetTheme(u.app.Settings().Theme()) })
	return img
}

// exportSizes are the sizes File > Export image… offers.
var exportSizes = []string{"1920x1080", "1280x720", "3840x2160", "1024x768", "1080x1080"}

// ShowExport opens File > Export image…: choose a size, then where to save.
func (u *UI) ShowExport() {
	if u.presenting || u.dialogOpen() {
		return // the dialog would show on the slide, or over another
	}
	sizes := u.newEscEntry(exportSizes)
	sizes.SetText(fmt.Sprintf("%.0fx%.0f", DefaultExportSize.Width, DefaultExportSize.Height))
	sizes.Validator = func(s string) error { _, err := parseWindowSize(s); return err }
	items := []*widget.FormItem{
		widget.NewFormItem("Size in pixels", sizes),
	}
	d := dialog.NewForm("Export image", saveLabel(), "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		size, err := parseWindowSize(sizes.Text)
		if err != nil {
			u.showError(err)
			return
		}
		u.save(u.imageFile(size))
	}, u.win)
	d.Resize(fyne.NewSize(440, d.MinSize().Height))
	u.showDialog(d)
}

// imageSaveDialog asks where to save the image of size.
func (u *UI) imageSaveDialog(size fyne.Size) *dialog.FileDialog {
	return u.saveDialog(u.imageFile(size))
}

// imageFile is the image of size as a file to save (see save).
func (u *UI) imageFile(size fyne.Size) (name, ext, what string, prepare func() func(io.Writer) error) {
	name = "trump-kim-letters.png"
	if u.selected >= 0 {
		name = "trump-kim-" + u.tl.Events[u.selected].ID + ".png"
	}
	return name, ".png", "The image", func() func(io.Writer) error { return u.pngOf(size) }
}

// pngOf draws the slide ExportImage writes now, and returns what writes it
// as a PNG, which may run on another goroutine.
func (u *UI) pngOf(size fyne.Size) func(io.Writer) error {
	img := u.exportSlide(size)
	return func(w io.Writer) error { return WritePNG(w, img) }
}

// ExportPNG is --export-png: it writes event id's slide (the first event
// when id is empty) of tl at size ("" for DefaultExportSize) to file,
// without a window, in the theme mode. source is the file tl was read from
// ("" for the built-in timeline): file must not be it. a must be the
// running fyne app (it need not show a window).
func ExportPNG(a fyne.App, tl *data.Timeline, source, file, id, size string, mode ThemeMode) error {
	sz := DefaultExportSize
	if size != "" {
		var err error
		if sz, err = ParseSize(size); err != nil {
			return fmt.Errorf("export-png: %w", err)
		}
	}
	i := 0
	if id != "" {
		if i = tl.Index(id); i < 0 {
			return fmt.Errorf("export-png: no event with id %q", id)
		}
	}
	if len(tl.Events) == 0 {
		i = -1
	}
	if source != "" && atomicfile.SameFile(file, source) {
		return fmt.Errorf("export-png: %s is the timeline being drawn; write to another file", file)
	}
	if !mode.Valid() {
		mode = ThemeSystem
	}
	a.Settings().SetTheme(NewTheme(mode, 1))
	img := RenderSlide(tl, i, nil, sz, mode, 1)
	if err := atomicfile.WriteFile(file, atomicfile.DocumentMode, func(w io.Writer) error { return WritePNG(w, img) }); err != nil {
		return fmt.Errorf("export-png: %w", err)
	}
	return nil
}
