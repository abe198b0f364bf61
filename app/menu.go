package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// menuState is what the menus keep in the UI, which embeds it.
type menuState struct {
	menu       *fyne.MainMenu
	checkItems []checkItem // menu items with a check mark
	keys       *keyMap     // made once by keyMap
}

// menuItems turns actions into menu items, separators for nils.
func menuItems(as []*action) []*fyne.MenuItem {
	items := make([]*fyne.MenuItem, 0, len(as))
	for _, a := range as {
		if a == nil {
			items = append(items, fyne.NewMenuItemSeparator())
			continue
		}
		it := fyne.NewMenuItem(a.label, a.run)
		it.Shortcut = a.menuShortcut()
		it.IsQuit = a.quit
		if a.checked != nil {
			it.Checked = a.checked()
		}
		if a.made != nil {
			a.made(it)
		}
		items = append(items, it)
	}
	return items
}

// mainMenu is the window's menu, made from the key map. It is built once
// and kept, so that the check marks can follow the settings.
func (u *UI) mainMenu() *fyne.MainMenu {
	if u.menu != nil {
		return u.menu
	}
	var menus []*fyne.Menu
	u.checkItems = u.checkItems[:0]
	for _, m := range u.keyMap().menus {
		items := menuItems(m.actions)
		for k, a := range m.actions {
			if a != nil && a.checked != nil {
				u.checkItems = append(u.checkItems, checkItem{items[k], a.checked})
			}
		}
		menus = append(menus, fyne.NewMenu(m.name, items...))
	}
	u.menu = fyne.NewMainMenu(menus...)
	return u.menu
}

// checkItem is a menu item with a check mark and what decides it.
type checkItem struct {
	item    *fyne.MenuItem
	checked func() bool
}

// syncMenuChecks puts the menu's check marks where the settings are.
func (u *UI) syncMenuChecks() {
	u.lesson.syncTools()
	if u.menu == nil {
		return
	}
	for _, c := range u.checkItems {
		c.item.Checked = c.checked()
	}
	u.menu.Refresh()
}

// shortcuts registers on the canvas every key of the key map with Ctrl,
// Alt or Super, so that they work with the menu hidden (presentation mode)
// and in tests; with the menu shown, Fyne runs the menu's item instead, once.
func (u *UI) shortcuts() {
	c := u.win.Canvas()
	for _, a := range u.keyMap().all() {
		for _, b := range a.keys {
			if !b.shortcut() {
				continue
			}
			run := a.run
			var s fyne.Shortcut = &desktop.CustomShortcut{KeyName: b.key, Modifier: b.mod}
			if b.std != nil {
				s = b.std
			}
			c.AddShortcut(s, func(fyne.Shortcut) { run() })
		}
	}
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
