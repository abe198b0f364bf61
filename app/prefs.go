package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The preference keys. Every value read back is checked: a missing, out of
// range or mistyped one is ignored, never fatal.
const (
	prefTheme        = "theme"
	prefTextScale    = "textScale"
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefSplitSide    = "split.sidebar"
	prefSplitCard    = "split.card"
	prefSelected     = "selected"
)

// Bounds for a remembered window size, in Fyne units.
const (
	minWindowSide = 320
	maxWindowSide = 16384
)

// extend adds what presentation, themes, preferences and menus need to a
// freshly built UI: it restores the remembered look and place, sets the main
// menu and registers the shortcuts.
func (u *UI) extend() {
	u.restorePlace()
	u.win.SetMainMenu(u.mainMenu())
	u.shortcuts()
	u.app.Lifecycle().SetOnStopped(u.savePlace)
}

// restoreLook applies the remembered theme and text size, skipping any that
// is missing or invalid. New calls it before it builds any widget, so that
// nothing is first drawn in another look.
func (u *UI) restoreLook() {
	p := u.app.Preferences()
	u.themeMode = ThemeMode(p.StringWithFallback(prefTheme, string(ThemeSystem)))
	if !u.themeMode.Valid() {
		u.themeMode = ThemeSystem
	}
	u.textScale = 1
	if s := p.FloatWithFallback(prefTextScale, 1); validFloat(s, MinTextScale, MaxTextScale) {
		u.textScale = float32(s)
	}
	u.restoring = true
	u.applyTheme()
	u.restoring = false
}

// restorePlace applies the remembered window size, split positions and
// selected event, skipping any that is missing or invalid.
func (u *UI) restorePlace() {
	p := u.app.Preferences()

	w := p.FloatWithFallback(prefWindowWidth, 0)
	h := p.FloatWithFallback(prefWindowHeight, 0)
	if validFloat(w, minWindowSide, maxWindowSide) && validFloat(h, minWindowSide, maxWindowSide) {
		u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
	if o := p.FloatWithFallback(prefSplitSide, -1); validFloat(o, 0.05, 0.95) && u.split != nil {
		u.split.Offset = o
		u.split.Refresh()
	}
	if c := u.cardSplit(); c != nil {
		if o := p.FloatWithFallback(prefSplitCard, -1); validFloat(o, 0.05, 0.95) {
			c.Offset = o
			c.Refresh()
		}
	}
	if id := p.String(prefSelected); id != "" && u.tl != nil {
		if i := u.tl.Index(id); i >= 0 {
			u.Select(i)
		}
	}
}

func validFloat(f, lo, hi float64) bool {
	return !math.IsNaN(f) && f >= lo && f <= hi
}

// cardSplit is the split between the timeline and the card, if the layout
// has one.
func (u *UI) cardSplit() *container.Split {
	if u.split == nil {
		return nil
	}
	s, _ := u.split.Trailing.(*container.Split)
	return s
}

// savePrefs remembers the look.
func (u *UI) savePrefs() {
	if u.restoring {
		return
	}
	p := u.app.Preferences()
	p.SetString(prefTheme, string(u.themeMode))
	p.SetFloat(prefTextScale, float64(u.textScale))
}

// savePlace remembers the window size (as it is outside presentation
// mode), the split positions and the selected event.
func (u *UI) savePlace() {
	p := u.app.Preferences()
	size := fyne.Size{}
	if u.presenting && u.pres != nil {
		size = u.pres.prevSize
	} else {
		size = u.win.Canvas().Size() // what Window.Resize takes: menu and padding included
	}
	if size.Width >= minWindowSide && size.Height >= minWindowSide {
		p.SetFloat(prefWindowWidth, float64(size.Width))
		p.SetFloat(prefWindowHeight, float64(size.Height))
	}
	if u.split != nil {
		p.SetFloat(prefSplitSide, u.split.Offset)
	}
	if c := u.cardSplit(); c != nil {
		p.SetFloat(prefSplitCard, c.Offset)
	}
	id := ""
	if u.tl != nil && u.selected >= 0 && u.selected < len(u.tl.Events) {
		id = u.tl.Events[u.selected].ID
	}
	p.SetString(prefSelected, id)
	u.savePrefs()
}
