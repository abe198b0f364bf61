package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets"
)

// lookState is the look the UI keeps (theme and text size), which it
// embeds.
type lookState struct {
	themeMode ThemeMode
	textScale float32
	restoring bool // restoring the remembered look: do not save it back yet
}

// ThemeMode is the look the person chose: the system's, light, dark or high
// contrast. Its value is what the preferences store.
type ThemeMode string

// The theme modes, in the order the View menu lists them.
const (
	ThemeSystem       ThemeMode = "system"
	ThemeLight        ThemeMode = "light"
	ThemeDark         ThemeMode = "dark"
	ThemeHighContrast ThemeMode = "high-contrast"
)

// ThemeModes lists every theme mode.
var ThemeModes = []ThemeMode{ThemeSystem, ThemeLight, ThemeDark, ThemeHighContrast}

// Label is the mode's name in menus.
func (m ThemeMode) Label() string {
	switch m {
	case ThemeLight:
		return "Light"
	case ThemeDark:
		return "Dark"
	case ThemeHighContrast:
		return "High contrast"
	}
	return "System"
}

// Valid reports whether m is one of ThemeModes.
func (m ThemeMode) Valid() bool {
	for _, v := range ThemeModes {
		if m == v {
			return true
		}
	}
	return false
}

// The text sizes Ctrl+Plus and Ctrl+Minus step through; 1 is Fyne's own.
var textScales = []float32{0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5}

// MinTextScale and MaxTextScale bound the interface scale.
const (
	MinTextScale = 0.8
	MaxTextScale = 2.5
)

// appTheme is the app's theme: Fyne's default theme in a fixed variant (or
// the system's), or the high-contrast palette, with every size multiplied by
// scale. It is a comparable value, so a widget that caches colours per theme
// sees a new theme when the mode or the scale changes.
type appTheme struct {
	mode  ThemeMode
	scale float32
}

var (
	_ fyne.Theme             = appTheme{}
	_ widgets.KindColorTheme = appTheme{}
)

// NewTheme returns the app's theme in mode m with every size multiplied by
// scale (1 is Fyne's default size; out-of-range scales are clamped).
func NewTheme(m ThemeMode, scale float32) fyne.Theme {
	if !m.Valid() {
		m = ThemeSystem
	}
	return appTheme{mode: m, scale: clampScale(scale)}
}

func clampScale(s float32) float32 {
	if !(s >= MinTextScale) { // also catches NaN
		return MinTextScale
	}
	return min(s, MaxTextScale)
}

// variant is the variant this theme draws in, given the one the system asks for.
func (t appTheme) variant(system fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case ThemeLight:
		return theme.VariantLight
	case ThemeDark, ThemeHighContrast:
		return theme.VariantDark
	}
	return system
}

// Color returns the named colour; the light, dark and high-contrast modes
// ignore the system's variant.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if k, ok := kindOfColorName[n]; ok {
		return t.KindColor(k, v)
	}
	if t.mode == ThemeHighContrast {
		if c, ok := highContrast[n]; ok {
			return c
		}
	}
	v = t.variant(v)
	switch n {
	case theme.ColorNameFocus:
		// Fyne's focus tint is faint. Ours stands 3:1 off the background
		// and the buttons it is blended over, and the text on it stays
		// 4.5:1 (theme_test.go checks both).
		if v == theme.VariantLight {
			return rgb(0x00, 0x90, 0xec)
		}
		return rgb(0x58, 0x68, 0xe4)
	case theme.ColorNameForeground:
		// A little more contrast than Fyne's greys, for projectors, and
		// enough to read on the focus colour.
		if v == theme.VariantLight {
			return rgb(0x22, 0x22, 0x22)
		}
		return color.White
	}
	return theme.DefaultTheme().Color(n, v)
}

// KindColor gives each event kind its colour in this theme's variant.
func (t appTheme) KindColor(k data.Kind, v fyne.ThemeVariant) color.Color {
	if t.mode == ThemeHighContrast {
		if c, ok := highContrastKinds[k]; ok {
			return c
		}
		return highContrastKinds[data.KindContext]
	}
	return widgets.DefaultKindColor(t.variant(v), k)
}

// Font is Fyne's.
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon is Fyne's; icons take the theme's foreground colour.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size is Fyne's size scaled.
//
// A scaled size is rounded to 1/64 of a unit, as Fyne's text heights are
// (they come from 26.6 fixed point): then a label's height less its
// padding is exactly the height of its text. At 1.1, 8.8 units of padding
// added and taken away again left a hair less than a line, and a one-line
// label that cuts its text with "…" (Fyne's file dialogs' list view)
// found no line that fits and panicked (RichText.updateRowBounds, index
// -1).
func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.scale
	if s == 0 {
		s = 1
	}
	return float32(math.Round(float64(theme.DefaultTheme().Size(n)*s)*64) / 64)
}

// highContrast is a black-background palette: white text, yellow accents,
// every text colour at least 4.5:1 against its background (WCAG AA) and
// every marker at least 4.5:1, focus and selection at least 3:1
// (theme_test.go checks).
var highContrast = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          color.Black,
	theme.ColorNameForeground:          color.White,
	theme.ColorNamePrimary:             rgb(0xff, 0xd7, 0x00),
	theme.ColorNameForegroundOnPrimary: color.Black,
	theme.ColorNameFocus:               rgb(0xb0, 0x40, 0xc8), // magenta: apart from yellow primary and blue selection
	theme.ColorNameSelection:           rgb(0x00, 0x5f, 0xcc),
	theme.ColorNameHover:               color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x30},
	theme.ColorNamePressed:             color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x50},
	theme.ColorNamePlaceHolder:         rgb(0xc8, 0xc8, 0xc8),
	theme.ColorNameDisabled:            rgb(0xa0, 0xa0, 0xa0),
	theme.ColorNameDisabledButton:      rgb(0x26, 0x26, 0x26),
	theme.ColorNameButton:              rgb(0x26, 0x26, 0x26),
	theme.ColorNameInputBackground:     rgb(0x14, 0x14, 0x14),
	theme.ColorNameInputBorder:         color.White,
	theme.ColorNameMenuBackground:      rgb(0x10, 0x10, 0x10),
	theme.ColorNameOverlayBackground:   rgb(0x10, 0x10, 0x10),
	theme.ColorNameHeaderBackground:    rgb(0x1c, 0x1c, 0x1c),
	theme.ColorNameSeparator:           rgb(0x90, 0x90, 0x90),
	theme.ColorNameShadow:              color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x60},
	theme.ColorNameScrollBar:           color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xb0},
	theme.ColorNameScrollBarBackground: rgb(0x20, 0x20, 0x20),
	theme.ColorNameHyperlink:           rgb(0x7c, 0xc4, 0xff),
	theme.ColorNameError:               rgb(0xff, 0x70, 0x70),
	theme.ColorNameForegroundOnError:   color.Black,
	theme.ColorNameSuccess:             rgb(0x4c, 0xe3, 0x6b),
	theme.ColorNameForegroundOnSuccess: color.Black,
	theme.ColorNameWarning:             rgb(0xff, 0xb0, 0x20),
	theme.ColorNameForegroundOnWarning: color.Black,
}

// highContrastKinds is the Okabe–Ito palette, chosen to stay apart for
// people with red–green colour blindness, on black; every kind also keeps its
// own marker shape.
var highContrastKinds = map[data.Kind]color.Color{
	data.KindLetter:    rgb(0x56, 0xb4, 0xe9), // sky blue
	data.KindMessage:   rgb(0xcc, 0x79, 0xa7), // reddish purple
	data.KindMeeting:   rgb(0xe6, 0x9f, 0x00), // orange
	data.KindTalks:     rgb(0x00, 0x9e, 0x73), // bluish green
	data.KindStatement: rgb(0xf0, 0xe4, 0x42), // yellow
	data.KindContext:   rgb(0xd0, 0xd0, 0xd0), // light grey, hollow octagon
}

// kindOfColorName maps widgets.KindColorName back to the kind.
var kindOfColorName = func() map[fyne.ThemeColorName]data.Kind {
	m := map[fyne.ThemeColorName]data.Kind{}
	for _, k := range data.Kinds {
		m[widgets.KindColorName(k)] = k
	}
	return m
}()

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

// ThemeMode is the look in use.
func (u *UI) ThemeMode() ThemeMode { return u.themeMode }

// TextScale is the interface scale in use (1 is Fyne's default).
func (u *UI) TextScale() float32 { return u.textScale }

// SetThemeMode switches the look, remembers it, and redraws everything.
func (u *UI) SetThemeMode(m ThemeMode) {
	if !m.Valid() {
		m = ThemeSystem
	}
	u.themeMode = m
	u.applyTheme()
}

// SetTextScale scales the whole interface (clamped to MinTextScale to
// MaxTextScale) and remembers it. While a dialog is showing it does
// nothing, as the keys that open dialogs: Fyne 2.7.1's file dialog keeps
// the cell size of the text size it opened with, and lays out a file name
// too tall for its cell with a panic (RichText.updateRowBounds, index -1).
func (u *UI) SetTextScale(s float32) {
	if u.dialogOpen() {
		return
	}
	u.textScale = clampScale(s)
	u.applyTheme()
}

// BiggerText and SmallerText step the interface scale; ResetTextSize
// returns to 1.
func (u *UI) BiggerText() {
	for _, s := range textScales {
		if s > u.textScale+0.001 {
			u.SetTextScale(s)
			return
		}
	}
}

// SmallerText steps the interface scale down.
func (u *UI) SmallerText() {
	for i := len(textScales) - 1; i >= 0; i-- {
		if textScales[i] < u.textScale-0.001 {
			u.SetTextScale(textScales[i])
			return
		}
	}
}

// ResetTextSize returns the interface to Fyne's own size.
func (u *UI) ResetTextSize() { u.SetTextScale(1) }

// WithGLContext, when set (by main, from app/desktop),
// runs f with w's GL context current, if w has one yet. A theme change
// makes Fyne 2.7.1 (RescaleContext, on every settings change) delete the
// window's text textures through whatever GL context is current, and
// none is outside a frame: the deletes did nothing, and every text the
// window showed stayed in memory, 2 to 15 MB per theme or text-size
// change and per presentation on or off.
var WithGLContext func(w fyne.Window, f func())

func withGLContext(w fyne.Window, f func()) {
	if WithGLContext == nil || w == nil {
		f()
		return
	}
	WithGLContext(w, f)
}

func (u *UI) applyTheme() {
	if u.textScale == 0 {
		u.textScale = 1
	}
	scale := u.textScale
	if u.presenting && u.pres != nil {
		scale *= u.pres.screen // the slide owns the window
	}
	// Each theme Fyne is given costs: it draws every text again, and
	// Fyne 2.7.1 frees the GL textures of the old ones without the
	// window's GL context, so that they stay in memory for good
	// (WithGLContext). Ctrl+0 at the normal size changes nothing.
	if th := NewTheme(u.themeMode, scale); th != u.app.Settings().Theme() {
		withGLContext(u.win, func() { u.app.Settings().SetTheme(th) })
	}
	u.savePrefs()
	if u.pres != nil {
		u.pres.applyTheme(u.themeMode, u.textScale)
	}
	u.syncMenuChecks()
}
