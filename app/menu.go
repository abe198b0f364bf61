package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// fileItems are the File menu's own items, above Export image… and Quit:
// opening files and the like go here, one line each, e.g.
//
//	u.item("Open…", ctrl(fyne.KeyO), u.showOpen),
func (u *UI) fileItems() []*fyne.MenuItem {
	return u.openItems()
}

// action is one thing the person can do from the menu, with the keys that
// do it; the menu, the canvas shortcuts and Help > Keyboard shortcuts are all
// made from the same actions.
type action struct {
	label string
	keys  string        // how Help writes the keys; empty to leave it out of Help
	short fyne.Shortcut // shown in the menu; registered on the canvas when it has a modifier
	run   func()
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func plain(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k}
}

// item makes a menu item for an action.
func (u *UI) item(a action) *fyne.MenuItem {
	it := fyne.NewMenuItem(a.label, a.run)
	it.Shortcut = a.short
	return it
}

// actions are the View, Go and File actions by menu, in menu order; nil
// entries are separators.
func (u *UI) actions() (file, view, goMenu, help []*action) {
	file = []*action{
		{label: "Export image…", keys: "Ctrl+E", short: ctrl(fyne.KeyE), run: u.ShowExport},
		{label: "Export handout…", run: u.ShowExportHandout},
	}
	view = []*action{
		{label: "Presentation mode", keys: "F5", short: plain(fyne.KeyF5), run: u.TogglePresentation},
		nil,
		{label: "Bigger text", keys: "Ctrl+Plus", short: ctrl(fyne.KeyEqual), run: u.BiggerText},
		{label: "Smaller text", keys: "Ctrl+Minus", short: ctrl(fyne.KeyMinus), run: u.SmallerText},
		{label: "Actual text size", keys: "Ctrl+0", short: ctrl(fyne.Key0), run: u.ResetTextSize},
		nil,
		{label: "Zoom in", keys: "+", run: func() { u.timeline.ZoomIn() }},
		{label: "Zoom out", keys: "-", run: func() { u.timeline.ZoomOut() }},
		{label: "Fit the whole story", keys: "0", run: func() { u.timeline.FitAll() }},
	}
	goMenu = []*action{
		{label: "Previous event", keys: "Left", short: plain(fyne.KeyLeft), run: func() { u.Step(-1) }},
		{label: "Next event", keys: "Right", short: plain(fyne.KeyRight), run: func() { u.Step(1) }},
		{label: "First event", keys: "Home", short: plain(fyne.KeyHome), run: func() { u.Step(-len(u.tl.Events)) }},
		{label: "Last event", keys: "End", short: plain(fyne.KeyEnd), run: func() { u.Step(len(u.tl.Events)) }},
		nil,
		{label: "Search", keys: "Ctrl+F or /", short: ctrl(fyne.KeyF), run: u.FocusSearch},
		{label: "Clear the search", keys: "Escape", run: u.clearSearch},
	}
	help = []*action{
		{label: "Keyboard shortcuts", keys: "F1", short: plain(fyne.KeyF1), run: u.ShowShortcuts},
		{label: "About", run: u.ShowAbout},
	}
	return file, view, goMenu, help
}

// editActions are the Edit menu's actions.
func (u *UI) editActions() []*action {
	return []*action{
		{label: "Copy", keys: "Ctrl+C", short: &fyne.ShortcutCopy{}, run: u.Copy},
	}
}

// menuItems turns actions into menu items, separators for nils.
func (u *UI) menuItems(as []*action) []*fyne.MenuItem {
	items := make([]*fyne.MenuItem, 0, len(as))
	for _, a := range as {
		if a == nil {
			items = append(items, fyne.NewMenuItemSeparator())
			continue
		}
		items = append(items, u.item(*a))
	}
	return items
}

// mainMenu is the window's menu: File, Edit, View, Go and Help. It is built once
// and kept, so that the theme items' check marks can follow the setting.
func (u *UI) mainMenu() *fyne.MainMenu {
	if u.menu != nil {
		return u.menu
	}
	file, view, goMenu, help := u.actions()

	fileItems := append(u.fileItems(), u.menuItems(file)...)
	quit := fyne.NewMenuItem("Quit", u.Quit)
	quit.Shortcut = ctrl(fyne.KeyQ)
	quit.IsQuit = true
	fileItems = append(fileItems, fyne.NewMenuItemSeparator(), quit)

	viewItems := u.menuItems(view[:2])
	u.themeItems = u.themeItems[:0]
	for _, m := range ThemeModes {
		it := fyne.NewMenuItem(m.Label()+" theme", func() { u.SetThemeMode(m) })
		it.Checked = m == u.themeMode
		u.themeItems = append(u.themeItems, it)
		viewItems = append(viewItems, it)
	}
	viewItems = append(viewItems, fyne.NewMenuItemSeparator())
	viewItems = append(viewItems, u.menuItems(view[2:])...)

	u.menu = fyne.NewMainMenu(
		fyne.NewMenu("File", fileItems...),
		fyne.NewMenu("Edit", u.menuItems(u.editActions())...),
		fyne.NewMenu("View", viewItems...),
		fyne.NewMenu("Go", u.menuItems(goMenu)...),
		fyne.NewMenu("Help", u.menuItems(help)...),
	)
	return u.menu
}

// syncThemeMenu puts the check mark on the theme in use.
func (u *UI) syncThemeMenu() {
	if u.menu == nil {
		return
	}
	for i, it := range u.themeItems {
		it.Checked = ThemeModes[i] == u.themeMode
	}
	u.menu.Refresh()
}

// shortcuts registers on the canvas every action that has a modifier, so
// that the keys work with the menu hidden (presentation mode) and in tests;
// with the menu shown, Fyne runs the menu's item instead, once.
func (u *UI) shortcuts() {
	c := u.win.Canvas()
	file, view, goMenu, help := u.actions()
	all := append(append(append(append(file, u.editActions()...), view...), goMenu...), help...)
	for _, a := range all {
		if a == nil || a.short == nil {
			continue
		}
		// Fyne's own shortcuts (Copy) have a modifier by nature.
		if s, ok := a.short.(*desktop.CustomShortcut); !ok || s.Modifier != 0 {
			run := a.run
			c.AddShortcut(a.short, func(fyne.Shortcut) { run() })
		}
	}
	add := func(k fyne.KeyName, mod fyne.KeyModifier, run func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { run() })
	}
	def := fyne.KeyModifierShortcutDefault
	// Ctrl+Plus is Ctrl+Shift+= on most keyboards, or the keypad's plus.
	add(fyne.KeyEqual, def|fyne.KeyModifierShift, u.BiggerText)
	add(fyne.KeyPlus, def, u.BiggerText)
	add(fyne.KeyPlus, def|fyne.KeyModifierShift, u.BiggerText)
	add(fyne.KeyQ, def, u.Quit)
}

// Quit saves the window's place, says so on Quitting, and asks Fyne to
// stop. Closing the window does the same (New sets it as the close
// intercept).
func (u *UI) Quit() {
	u.savePlace()
	u.quitOnce.Do(func() { close(u.quitting) })
	u.app.Quit()
}

// Quitting is closed once Quit has saved everything: from then on the
// process may end at any moment without losing anything. Fyne 2.7.1 can
// hang on its way out (its driver hands the stop hook to the main thread
// through a queue that it drains and closes at the same time), so main
// ends the process itself a moment after this closes.
func (u *UI) Quitting() <-chan struct{} { return u.quitting }
