package app

import (
	"math"

	"fyne.io/fyne/v2"
)

// Bounds for a remembered window size, in Fyne units.
const (
	minWindowSide = 320
	maxWindowSide = 16384
)

// extend adds what presentation, themes, preferences and menus need to a
// freshly built UI: it restores the remembered look and place and sets the
// main menu (the shortcuts are bound with the other keys, bindKeys).
func (u *UI) extend() {
	u.restorePlace()
	u.win.SetMainMenu(u.mainMenu())
	u.app.Lifecycle().SetOnStopped(u.savePlace)
}

// restoreLook applies the remembered theme and text size, skipping any that
// is missing or invalid. New calls it before it builds any widget, so that
// nothing is first drawn in another look.
func (u *UI) restoreLook() {
	st := u.state
	u.themeMode = st.Theme
	if !u.themeMode.Valid() {
		u.themeMode = ThemeSystem
	}
	u.textScale = 1
	if validFloat(st.TextScale, MinTextScale, MaxTextScale) {
		u.textScale = float32(st.TextScale)
	}
	u.restoring = true
	u.applyTheme()
	u.restoring = false
}

// restorePlace applies the remembered window size, split positions and
// selected event, skipping any that is missing or invalid.
func (u *UI) restorePlace() {
	st := u.state
	if size, ok := u.rememberedSize(); ok {
		u.win.Resize(size)
	}
	if o := st.SplitSidebar; validFloat(o, 0.05, 0.95) && u.split != nil {
		u.split.Offset = o
		u.split.Refresh()
	}
	if c := u.cardSplit; c != nil && validFloat(st.SplitCard, 0.05, 0.95) {
		c.Offset = st.SplitCard
		c.Refresh()
	}
	if id := st.Selected; id != "" && u.tl != nil {
		if i := u.tl.Index(id); i >= 0 {
			u.Select(i)
		}
	}
}

// rememberedSize is the window size remembered, when there is a valid one.
func (u *UI) rememberedSize() (fyne.Size, bool) {
	w, h := u.state.WindowWidth, u.state.WindowHeight
	if validFloat(w, minWindowSide, maxWindowSide) && validFloat(h, minWindowSide, maxWindowSide) {
		return fyne.NewSize(float32(w), float32(h)), true
	}
	return fyne.Size{}, false
}

func validFloat(f, lo, hi float64) bool {
	return !math.IsNaN(f) && f >= lo && f <= hi
}

// savePrefs remembers the look.
func (u *UI) savePrefs() {
	if u.restoring {
		return
	}
	st := u.state
	st.Theme, st.TextScale = u.themeMode, float64(u.textScale)
	u.saveState(st)
}

// savePlace remembers the window size (as it is outside presentation
// mode), the split positions and the selected event, with the look.
func (u *UI) savePlace() {
	st := u.state
	st.Theme, st.TextScale = u.themeMode, float64(u.textScale)
	size := fyne.Size{}
	if u.presenting && u.pres != nil {
		size = u.pres.prevSize
	} else {
		size = u.win.Canvas().Size() // what Window.Resize takes: menu and padding included
	}
	if size.Width >= minWindowSide && size.Height >= minWindowSide {
		st.WindowWidth, st.WindowHeight = float64(size.Width), float64(size.Height)
	}
	if u.split != nil {
		st.SplitSidebar = u.split.Offset
	}
	if c := u.cardSplit; c != nil {
		st.SplitCard = c.Offset
	}
	st.FileDialogFolder = u.app.Preferences().String(prefFileDialogFolder)
	st.Selected = ""
	if u.tl != nil && u.selected >= 0 && u.selected < len(u.tl.Events) {
		st.Selected = u.tl.Events[u.selected].ID
	}
	u.saveState(st)
}

// saveState makes st what is remembered, and saves it when it differs
// from what was last saved. A failure is logged: the app goes on, and the
// next change tries again.
func (u *UI) saveState(st State) {
	u.state = st
	if st.equal(u.stored) {
		return
	}
	if err := u.store.Save(st); err != nil {
		fyne.LogError("The settings could not be saved", err)
		return
	}
	u.stored = st
}
