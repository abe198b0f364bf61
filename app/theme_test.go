package app

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets"
)

// linear converts an sRGB channel (0–255) to linear light.
func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// over composites c on the opaque bg, as the screen shows it.
func over(c, bg color.Color) color.NRGBA {
	f, b := nrgba(c), nrgba(bg)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.NRGBA) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// contrast is WCAG 2's contrast ratio of fg drawn on bg.
func contrast(fg, bg color.Color) float64 {
	b := over(bg, color.Black)
	l1, l2 := luminance(over(fg, b)), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func TestContrastFormula(t *testing.T) {
	// Known values: black on white is 21:1, #767676 on white is 4.54:1.
	if got := contrast(color.Black, color.White); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f", got)
	}
	if got := contrast(rgb(0x76, 0x76, 0x76), color.White); math.Abs(got-4.54) > 0.01 {
		t.Errorf("#767676 on white = %.2f", got)
	}
}

// TestHighContrastMeetsWCAGAA checks every text colour of the
// high-contrast theme against the backgrounds it is drawn on at 4.5:1 (WCAG
// AA for normal text), and the markers, focus and selection at 4.5:1 too
// (stricter than the 3:1 AA asks of graphics, since markers carry meaning).
func TestHighContrastMeetsWCAGAA(t *testing.T) {
	th := NewTheme(ThemeHighContrast, 1)
	v := theme.VariantDark
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg := c(theme.ColorNameBackground)
	pairs := []struct {
		what   string
		fg, bg color.Color
		min    float64
	}{
		{"foreground", c(theme.ColorNameForeground), bg, 4.5},
		{"placeholder", c(theme.ColorNamePlaceHolder), bg, 4.5},
		{"disabled text", c(theme.ColorNameDisabled), bg, 4.5},
		{"primary", c(theme.ColorNamePrimary), bg, 4.5},
		{"hyperlink", c(theme.ColorNameHyperlink), bg, 4.5},
		{"error", c(theme.ColorNameError), bg, 4.5},
		{"success", c(theme.ColorNameSuccess), bg, 4.5},
		{"warning", c(theme.ColorNameWarning), bg, 4.5},
		{"focus", c(theme.ColorNameFocus), bg, 3},
		{"input border", c(theme.ColorNameInputBorder), bg, 4.5},
		{"text on primary", c(theme.ColorNameForegroundOnPrimary), c(theme.ColorNamePrimary), 4.5},
		{"text on error", c(theme.ColorNameForegroundOnError), c(theme.ColorNameError), 4.5},
		{"text on success", c(theme.ColorNameForegroundOnSuccess), c(theme.ColorNameSuccess), 4.5},
		{"text on warning", c(theme.ColorNameForegroundOnWarning), c(theme.ColorNameWarning), 4.5},
		{"text on selection", c(theme.ColorNameForeground), over(c(theme.ColorNameSelection), bg), 4.5},
		{"text on button", c(theme.ColorNameForeground), c(theme.ColorNameButton), 4.5},
		{"disabled on button", c(theme.ColorNameDisabled), c(theme.ColorNameDisabledButton), 4.5},
		{"text in input", c(theme.ColorNameForeground), c(theme.ColorNameInputBackground), 4.5},
		{"placeholder in input", c(theme.ColorNamePlaceHolder), c(theme.ColorNameInputBackground), 4.5},
		{"text on hover", c(theme.ColorNameForeground), over(c(theme.ColorNameHover), bg), 4.5},
		{"text in menu", c(theme.ColorNameForeground), c(theme.ColorNameMenuBackground), 4.5},
		{"text in dialog", c(theme.ColorNameForeground), c(theme.ColorNameOverlayBackground), 4.5},
		{"text on header", c(theme.ColorNameForeground), c(theme.ColorNameHeaderBackground), 4.5},
		{"selection outline", c(theme.ColorNameSelection), bg, 3},
		{"scroll bar", c(theme.ColorNameScrollBar), c(theme.ColorNameScrollBarBackground), 3},
	}
	for _, k := range data.Kinds {
		kc := widgets.KindColor(th, v, k)
		pairs = append(pairs, struct {
			what   string
			fg, bg color.Color
			min    float64
		}{"marker " + string(k), kc, bg, 4.5})
		// through the colour name, as under a ThemeOverride
		if got := th.Color(widgets.KindColorName(k), v); got != kc {
			t.Errorf("%s: colour name gives %v, KindColor %v", k, got, kc)
		}
	}
	for _, p := range pairs {
		if r := contrast(p.fg, p.bg); r < p.min {
			t.Errorf("%s: contrast %.2f:1, want at least %.1f:1", p.what, r, p.min)
		}
	}
}

// deuteranopia and protanopia are Machado, Oliveira and Fernandes (2009)
// simulation matrices at severity 1.0, applied to linear RGB.
var (
	deuteranopia = [3][3]float64{
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	}
	protanopia = [3][3]float64{
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	}
)

// simulate returns c as seen with the colour-vision deficiency m, in linear RGB.
func simulate(m [3][3]float64, c color.NRGBA) [3]float64 {
	in := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var out [3]float64
	for i := range out {
		for j := range in {
			out[i] += m[i][j] * in[j]
		}
		out[i] = max(0, min(1, out[i]))
	}
	return out
}

// lab converts linear RGB (D65) to CIELAB.
func lab(rgb [3]float64) [3]float64 {
	x := 0.4124*rgb[0] + 0.3576*rgb[1] + 0.1805*rgb[2]
	y := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	z := 0.0193*rgb[0] + 0.1192*rgb[1] + 0.9505*rgb[2]
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// minKindDeltaE is the least CIELAB difference (ΔE*76) two kinds' colours
// must keep as a person with the simulated deficiency sees them. About 2.3
// is just noticeable; 10 is told apart at a glance on a projector. Colour is
// never the only cue: each kind also has its own marker shape.
const minKindDeltaE = 10

func TestKindColoursStayApartForColourBlindViewers(t *testing.T) {
	sims := []struct {
		name string
		m    [3][3]float64
	}{{"deuteranopia", deuteranopia}, {"protanopia", protanopia}}
	for _, mode := range []ThemeMode{ThemeLight, ThemeDark, ThemeHighContrast} {
		th := NewTheme(mode, 1)
		bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
		for _, sim := range sims {
			for i, a := range data.Kinds {
				for _, b := range data.Kinds[i+1:] {
					ca := over(widgets.KindColor(th, theme.VariantLight, a), bg)
					cb := over(widgets.KindColor(th, theme.VariantLight, b), bg)
					if d := deltaE(lab(simulate(sim.m, ca)), lab(simulate(sim.m, cb))); d < minKindDeltaE {
						t.Errorf("%s theme, %s: %s and %s differ by ΔE %.1f, want at least %d", mode, sim.name, a, b, d, minKindDeltaE)
					}
				}
			}
		}
	}
}

func TestDeuteranopiaSimulationFoldsRedAndGreen(t *testing.T) {
	// The check above must be able to fail: pure red and a green of the
	// same lightness look alike to a deuteranope but not to others.
	red, green := rgb(0xd0, 0x50, 0x00), rgb(0x70, 0x80, 0x00)
	normal := deltaE(lab([3]float64{linear(red.R), linear(red.G), linear(red.B)}), lab([3]float64{linear(green.R), linear(green.G), linear(green.B)}))
	deut := deltaE(lab(simulate(deuteranopia, red)), lab(simulate(deuteranopia, green)))
	if !(normal > 30 && deut < minKindDeltaE) {
		t.Fatalf("red/green ΔE normal %.1f, deuteranopia %.1f: the simulation does not fold them", normal, deut)
	}
}

func TestThemeModesForceTheirVariant(t *testing.T) {
	light, dark := NewTheme(ThemeLight, 1), NewTheme(ThemeDark, 1)
	// Whatever the system asks for, light stays light and dark stays dark.
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if l := luminance(nrgba(light.Color(theme.ColorNameBackground, v))); l < 0.8 {
			t.Errorf("light theme, system variant %d: background luminance %.2f", v, l)
		}
		if l := luminance(nrgba(dark.Color(theme.ColorNameBackground, v))); l > 0.1 {
			t.Errorf("dark theme, system variant %d: background luminance %.2f", v, l)
		}
	}
	sys := NewTheme(ThemeSystem, 1)
	if sys.Color(theme.ColorNameBackground, theme.VariantLight) == sys.Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("system theme ignores the system's variant")
	}
	if NewTheme("purple", 1).(appTheme).mode != ThemeSystem {
		t.Error("an unknown mode is not the system's")
	}
}

func TestScaleMultipliesEverySize(t *testing.T) {
	base := theme.DefaultTheme()
	// Scaled sizes are rounded to 1/64, as text heights are.
	near := func(got, want float32) bool {
		return math.Abs(float64(got-want)) <= 1.0/128 && got*64 == float32(math.Round(float64(got*64)))
	}
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNamePadding, theme.SizeNameInlineIcon} {
		if got, want := NewTheme(ThemeLight, 1.1).Size(n), base.Size(n)*1.1; !near(got, want) {
			t.Errorf("%s at 1.1: %v, want %v", n, got, want)
		}
	}
	if got := NewTheme(ThemeLight, 100).Size(theme.SizeNameText); !near(got, base.Size(theme.SizeNameText)*MaxTextScale) {
		t.Errorf("scale 100 not clamped: text %v", got)
	}
	if got := NewTheme(ThemeLight, float32(math.NaN())).Size(theme.SizeNameText); !near(got, base.Size(theme.SizeNameText)*MinTextScale) {
		t.Errorf("NaN scale not clamped: text %v", got)
	}
}

func shortcut(u *UI, k fyne.KeyName, mod fyne.KeyModifier) {
	u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod})
}

func TestThemeAndTextSizeSwitching(t *testing.T) {
	u := newTestUI(t)
	a := fyne.CurrentApp()
	text := func() float32 { return a.Settings().Theme().Size(theme.SizeNameText) }
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	if u.ThemeMode() != ThemeSystem || text() != base {
		t.Fatalf("opens in %s at text %v, want system at %v", u.ThemeMode(), text(), base)
	}

	u.SetThemeMode(ThemeHighContrast)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); nrgba(got) != nrgba(color.Black) {
		t.Errorf("high contrast: background %v", got)
	}
	var themeItems []*fyne.MenuItem
	for _, c := range u.checkItems {
		if strings.HasSuffix(c.item.Label, " theme") {
			themeItems = append(themeItems, c.item)
		}
	}
	if len(themeItems) != len(ThemeModes) {
		t.Fatalf("%d theme menu items with a check mark, want one per theme (%d)", len(themeItems), len(ThemeModes))
	}
	for i, it := range themeItems {
		if it.Checked != (ThemeModes[i] == ThemeHighContrast) {
			t.Errorf("menu item %q checked=%v", it.Label, it.Checked)
		}
	}
	u.SetThemeMode(ThemeDark)
	if l := luminance(nrgba(a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight))); l > 0.1 {
		t.Errorf("dark: background luminance %.2f", l)
	}

	ctrl := fyne.KeyModifierShortcutDefault
	shortcut(u, fyne.KeyEqual, ctrl|fyne.KeyModifierShift) // Ctrl+Plus
	bigger := text()
	if bigger <= base {
		t.Fatalf("Ctrl+Plus: text %v, was %v", bigger, base)
	}
	shortcut(u, fyne.KeyEqual, ctrl)
	if text() <= bigger {
		t.Fatalf("Ctrl+=: text %v, was %v", text(), bigger)
	}
	shortcut(u, fyne.Key0, ctrl)
	if text() != base {
		t.Fatalf("Ctrl+0: text %v, want %v", text(), base)
	}
	shortcut(u, fyne.KeyMinus, ctrl)
	if text() >= base {
		t.Fatalf("Ctrl+Minus: text %v, want less than %v", text(), base)
	}
	for range 20 {
		shortcut(u, fyne.KeyMinus, ctrl)
	}
	if got := u.TextScale(); got != MinTextScale {
		t.Errorf("many Ctrl+Minus: scale %v, want the minimum %v", got, MinTextScale)
	}
}

// TestCardGoldens draws the Hanoi summit's card in each theme and compares
// it with testdata/card_<theme>.png (on a mismatch Fyne writes the new image
// under testdata/failed/ to look at). The timeline is left out: its author
// is still changing how it draws, and its own tests hold its goldens.
func TestCardGoldens(t *testing.T) {
	u := newTestUI(t)
	i := u.tl.Index("hanoi-summit")
	for _, m := range []ThemeMode{ThemeLight, ThemeDark, ThemeHighContrast} {
		u.SetThemeMode(m)
		card := widgets.NewEventCard()
		card.SetEvent(u.tl, i)
		c := software.NewCanvas()
		c.SetPadded(true)
		c.SetContent(container.NewVScroll(card)) // as the window shows it
		c.Resize(fyne.NewSize(720, 420))
		test.AssertImageMatches(t, "card_"+string(m)+".png", c.Capture())
	}
}

// TestKeyboardFocusIsVisible checks, in every theme, that the focus colour
// (which Fyne blends over a focused button, check or menu item) stands out
// from the background at 3:1 (WCAG 2.2 focus appearance) and that text
// stays readable on it at 4.5:1.
func TestKeyboardFocusIsVisible(t *testing.T) {
	for _, m := range []ThemeMode{ThemeLight, ThemeDark, ThemeHighContrast} {
		th := NewTheme(m, 1)
		v := theme.VariantLight
		focus := th.Color(theme.ColorNameFocus, v)
		fg := th.Color(theme.ColorNameForeground, v)
		for _, under := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameButton, theme.ColorNameMenuBackground} {
			bg := over(th.Color(under, v), over(th.Color(theme.ColorNameBackground, v), color.Black))
			f := over(focus, bg)
			if r := contrast(f, bg); r < 3 {
				t.Errorf("%s: focus on %s: %.2f:1, want 3:1", m, under, r)
			}
			if r := contrast(fg, f); r < 4.5 {
				t.Errorf("%s: text on focus over %s: %.2f:1, want 4.5:1", m, under, r)
			}
		}
	}
}

// Each theme given to Fyne redraws every text (and in Fyne 2.7.1 left the
// old texts' textures in memory): Ctrl+0 at the normal size, Ctrl+Plus at
// the largest and choosing the look in use give Fyne nothing.
func TestUnchangedLookSetsNoTheme(t *testing.T) {
	u := newTestUI(t)
	set := 0
	u.app.Settings().AddListener(func(fyne.Settings) { set++ })
	u.ResetTextSize()
	u.SetThemeMode(u.ThemeMode())
	if set != 0 {
		t.Errorf("Ctrl+0 at 1x and the same look set the theme %d times", set)
	}
	u.SetTextScale(MaxTextScale)
	set = 0
	u.BiggerText()
	if set != 0 {
		t.Errorf("Ctrl+Plus at the largest size set the theme %d times", set)
	}
	u.ResetTextSize()
	if set != 1 {
		t.Errorf("Ctrl+0 from 2.5x set the theme %d times, want 1", set)
	}
}

// TestFileDialogListViewAtEveryTextSize opens File > Open in its list view
// at every text size the app offers: at 1.1 Fyne's one-line file names,
// whose height less their padding came out a hair under a line, panicked
// (RichText.updateRowBounds, index -1) as the dialog laid them out.
func TestFileDialogListViewAtEveryTextSize(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"letters.json", "sheet.csv", "a.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, sc := range textScales {
		t.Run(fmt.Sprint(sc), func(t *testing.T) {
			u := newTestUI(t)
			p := u.app.Preferences()
			p.SetInt("fyne:fileDialogViewLayout", int(dialog.ListView))
			p.SetString(prefFileDialogFolder, storage.NewFileURI(dir).String())
			u.SetTextScale(sc)
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("text size %v: File > Open panics: %v", sc, r)
				}
			}()
			u.ShowOpen()
			for _, o := range u.win.Canvas().Overlays().List() {
				o.Resize(o.Size().AddWidthHeight(1, 1))
			}
			u.closeDialog()
		})
	}
}
