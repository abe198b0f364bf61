package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The key map is the one place a key is bound. Each action says what it
// is called, which keys do it and how Help writes them; from the same
// table come the menus (menu.go), the shortcuts registered on the canvas,
// the window's key and character handler (keys.go), the keys the search
// field passes on, and Help > Keyboard shortcuts (help.go).

// binding is one way to ask for an action: a key with modifiers, or a
// typed character (char != 0) such as "/" or "+", whatever keys make it.
type binding struct {
	key  fyne.KeyName
	mod  fyne.KeyModifier
	char rune
	// std is Fyne's own shortcut for the key, when it has one (Copy): the
	// menu shows it and the canvas gets it, so that a text field's own
	// Copy and the app's agree on which key it is.
	std fyne.Shortcut
}

func plainKey(k fyne.KeyName) binding { return binding{key: k} }
func shiftKey(k fyne.KeyName) binding { return binding{key: k, mod: fyne.KeyModifierShift} }
func ctrlKey(k fyne.KeyName) binding  { return binding{key: k, mod: fyne.KeyModifierShortcutDefault} }
func charKey(r rune) binding          { return binding{char: r} }

// shortcut reports whether b is a shortcut Fyne delivers through the
// canvas (a key with Ctrl, Alt or Super) rather than as a typed key.
func (b binding) shortcut() bool {
	return b.char == 0 && b.mod&^fyne.KeyModifierShift != 0
}

// action is one thing the person can do.
type action struct {
	label string
	keys  []binding
	// help is how Help writes the keys ("Ctrl+Plus", "Ctrl+F or /"); ""
	// keeps the action out of Help.
	help string
	run  func()
	// fromSearch: the search field, which keeps the keys that edit text,
	// passes this action's keys on (a teacher types "letter", then F5).
	fromSearch bool
	// checked, when set, gives the menu item a check mark that follows it.
	checked func() bool
	// quit marks File > Quit, which Fyne places where the platform wants.
	quit bool
	// made, when set, is called with the menu item made for the action.
	made func(*fyne.MenuItem)
	// desktopOnly hides the action in a browser, where it cannot work
	// (web.go).
	desktopOnly bool
}

// menuShortcut is what the menu item shows: the action's first key that is
// not a typed character.
func (a *action) menuShortcut() fyne.Shortcut {
	for _, b := range a.keys {
		if b.std != nil {
			return b.std
		}
		if b.char == 0 {
			return &desktop.CustomShortcut{KeyName: b.key, Modifier: b.mod}
		}
	}
	return nil
}

// menuSpec is one menu of the menu bar: its actions in order, nil for a
// separator.
type menuSpec struct {
	name    string
	actions []*action
}

// keyMap is every action of the app, in the menus or not.
type keyMap struct {
	menus []menuSpec
	// window are the keys with no menu item of their own, in the window.
	window []*action
	// present are the keys of presentation mode, where the menu is hidden
	// and the keys step through the slides; the menus' shortcuts still work.
	present []*action
	// notes are rows Help shows for keys the app does not bind itself
	// (Fyne's focus keys, a dialog's Escape).
	notes [][2]string

	everything, search []*action // all and fromSearch, made once
}

// keyMap returns the app's key map, made once.
func (u *UI) keyMap() *keyMap {
	if u.keys != nil {
		return u.keys
	}
	step := func(d int) func() { return func() { u.Step(d) } }
	// Not Step(±n): with nothing selected yet (the story card), Step
	// shows the first event going forward and the last going back, which
	// put End on the first event and Home on the last.
	last := func() {
		if n := len(u.tl.Events); n > 0 {
			u.Select(n - 1)
		}
	}
	first := func() {
		if len(u.tl.Events) > 0 {
			u.Select(0)
		}
	}
	reveal := &action{label: "Predict, then reveal", keys: []binding{plainKey(fyne.KeyR)}, help: "R",
		run: u.ToggleReveal, checked: u.Revealing}
	autoplay := &action{label: "Autoplay", keys: []binding{plainKey(fyne.KeyA)}, help: "A",
		run: u.ToggleAutoplay, checked: u.Autoplaying}
	view := []*action{
		{label: "Presentation mode", keys: []binding{plainKey(fyne.KeyF5)}, help: "F5", run: u.TogglePresentation, fromSearch: true},
		reveal, autoplay,
		{label: "Autoplay every", made: u.autoplayMenu},
		nil,
	}
	for _, m := range ThemeModes {
		view = append(view, &action{label: m.Label() + " theme", run: func() { u.SetThemeMode(m) },
			checked: func() bool { return u.themeMode == m }})
	}
	view = append(view, nil,
		&action{label: "Bigger text", help: "Ctrl+Plus", run: u.BiggerText, keys: []binding{
			// Ctrl+Plus is Ctrl+Shift+= on most keyboards, or the keypad's plus.
			ctrlKey(fyne.KeyEqual), {key: fyne.KeyEqual, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
			ctrlKey(fyne.KeyPlus), {key: fyne.KeyPlus, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}}},
		&action{label: "Smaller text", keys: []binding{ctrlKey(fyne.KeyMinus)}, help: "Ctrl+Minus", run: u.SmallerText},
		&action{label: "Actual text size", keys: []binding{ctrlKey(fyne.Key0)}, help: "Ctrl+0", run: u.ResetTextSize},
		nil,
		&action{label: "Zoom in", keys: []binding{charKey('+'), charKey('=')}, help: "+", run: func() { u.timeline.ZoomIn() }},
		&action{label: "Zoom out", keys: []binding{charKey('-')}, help: "-", run: func() { u.timeline.ZoomOut() }},
		&action{label: "Fit the whole story", keys: []binding{charKey('0')}, help: "0", run: func() { u.timeline.FitAll() }},
	)
	u.keys = &keyMap{
		menus: []menuSpec{
			{"File", []*action{
				{label: "Open…", keys: []binding{ctrlKey(fyne.KeyO)}, help: "Ctrl+O", run: u.ShowOpen, desktopOnly: true},
				{label: "Open recent", desktopOnly: true, made: func(it *fyne.MenuItem) {
					u.recentItem = it
					it.ChildMenu = fyne.NewMenu("")
					u.fillRecent()
				}},
				{label: "Reopen the built-in timeline", run: u.ReopenBuiltin, desktopOnly: true},
				nil,
				{label: "Export as TimelineJS…", run: u.ShowExportTimelineJS},
				{label: "Export image…", keys: []binding{ctrlKey(fyne.KeyE)}, help: "Ctrl+E", run: u.ShowExport},
				{label: "Export handout…", run: u.ShowExportHandout},
				nil,
				{label: "Quit", keys: []binding{ctrlKey(fyne.KeyQ)}, help: "Ctrl+Q", run: u.Quit, quit: true, desktopOnly: true},
			}},
			{"Edit", []*action{
				{label: "Copy", help: "Ctrl+C", run: u.Copy, keys: []binding{
					{key: fyne.KeyC, mod: fyne.KeyModifierShortcutDefault, std: &fyne.ShortcutCopy{}}}},
			}},
			{"View", view},
			{"Go", []*action{
				{label: "Previous event", keys: []binding{plainKey(fyne.KeyLeft)}, help: "Left", run: step(-1)},
				{label: "Next event", keys: []binding{plainKey(fyne.KeyRight)}, help: "Right", run: step(1)},
				{label: "First event", keys: []binding{plainKey(fyne.KeyHome)}, help: "Home", run: first},
				{label: "Last event", keys: []binding{plainKey(fyne.KeyEnd)}, help: "End", run: last},
				{label: "Overview", run: u.ShowOverview},
				nil,
				{label: "Search", keys: []binding{ctrlKey(fyne.KeyF), charKey('/')}, help: "Ctrl+F or /", run: u.FocusSearch},
				{label: "Clear the search", keys: []binding{plainKey(fyne.KeyEscape)}, help: "Escape", run: func() {
					u.clearSearch()
					u.win.Canvas().Unfocus() // the keys go back to the window
				}},
			}},
			{"Help", []*action{
				{label: "Keyboard shortcuts", keys: []binding{plainKey(fyne.KeyF1)}, help: "F1", run: u.ShowShortcuts, fromSearch: true},
				{label: "About", run: u.ShowAbout},
			}},
		},
		window: []*action{
			{label: "Move in the search results", keys: []binding{plainKey(fyne.KeyUp)}, help: "Up, Down", run: func() { u.moveCursor(-1) }},
			{label: "Move down in the search results", keys: []binding{plainKey(fyne.KeyDown)}, run: func() { u.moveCursor(1) }},
			{label: "Open the highlighted result", keys: []binding{plainKey(fyne.KeyReturn), plainKey(fyne.KeyEnter)}, help: "Enter", run: u.openCursor},
		},
		present: []*action{
			{label: "The rest of a long card, then the next event that matches the search",
				keys: []binding{plainKey(fyne.KeyPageDown), plainKey(fyne.KeyRight), plainKey(fyne.KeyDown), plainKey(fyne.KeySpace), plainKey(fyne.KeyReturn), plainKey(fyne.KeyEnter)},
				help: "PageDown, Right, Down, Space", run: func() { u.presentClick(1) }},
			{label: "Back up a long card, then the previous event",
				keys: []binding{plainKey(fyne.KeyPageUp), plainKey(fyne.KeyLeft), plainKey(fyne.KeyUp), shiftKey(fyne.KeySpace), plainKey(fyne.KeyBackspace)},
				help: "PageUp, Left, Up, Shift+Space", run: func() { u.presentClick(-1) }},
			{label: "Blank the screen (black); any key brings the slide back", keys: []binding{plainKey(fyne.KeyB), plainKey(fyne.KeyPeriod)},
				help: "B or .", run: func() { u.Blank(false) }},
			{label: "Blank the screen (white)", keys: []binding{plainKey(fyne.KeyW)}, help: "W", run: func() { u.Blank(true) }},
			reveal, autoplay,
			{label: "First, last event", keys: []binding{plainKey(fyne.KeyHome)}, help: "Home, End", run: u.PresentFirst},
			{label: "Last event", keys: []binding{plainKey(fyne.KeyEnd)}, run: u.PresentLast},
			{label: "Leave presentation mode", keys: []binding{plainKey(fyne.KeyEscape), plainKey(fyne.KeyF5)}, help: "Escape or F5",
				run: func() { u.Present(false) }},
		},
		notes: [][2]string{
			{"Tab, Shift+Tab", "Move the keyboard focus"},
			{"Alt", "Open the menu bar; the arrows move in it, Enter chooses"},
			{"Escape, in a dialog", "Close it"},
			{"Drag or double-click on the card", "Select its text; right-click: Copy, Select all"},
			{"Ctrl+C with nothing selected", "Copy the event shown with its source's citation"},
		},
	}
	if inBrowser {
		u.keys.dropDesktopOnly()
	}
	return u.keys
}

// all lists every action of the menus and the window, without separators,
// made once: the window's keys look through it at every key press.
func (m *keyMap) all() []*action {
	if m.everything != nil {
		return m.everything
	}
	for _, menu := range m.menus {
		for _, a := range menu.actions {
			if a != nil {
				m.everything = append(m.everything, a)
			}
		}
	}
	m.everything = append(m.everything, m.window...)
	for _, a := range m.everything {
		if a.fromSearch {
			m.search = append(m.search, a)
		}
	}
	return m.everything
}

// fromSearch lists the actions the search field passes its keys on to.
func (m *keyMap) fromSearch() []*action {
	m.all()
	return m.search
}

// find returns the action among as bound to the typed key k with the
// modifiers mods held: a binding that names a modifier (Shift+Space) wins
// over the bare key; Ctrl, Alt and Super shortcuts come through the canvas
// (shortcuts), not here.
func find(as []*action, k fyne.KeyName, mods fyne.KeyModifier) *action {
	var bare *action
	for _, a := range as {
		for _, b := range a.keys {
			if b.char != 0 || b.key != k || b.shortcut() {
				continue
			}
			if b.mod != 0 && b.mod == mods&fyne.KeyModifierShift {
				return a
			}
			if b.mod == 0 && bare == nil {
				bare = a
			}
		}
	}
	return bare
}

// findShortcut returns the action among as bound to key k with exactly
// the modifiers mods (a shortcut: Ctrl+Shift+=, not Ctrl+=), or nil.
func findShortcut(as []*action, k fyne.KeyName, mods fyne.KeyModifier) *action {
	for _, a := range as {
		for _, b := range a.keys {
			if b.shortcut() && b.key == k && b.mod == mods {
				return a
			}
		}
	}
	return nil
}

// findChar returns the action among as bound to the typed character r.
func findChar(as []*action, r rune) *action {
	for _, a := range as {
		for _, b := range a.keys {
			if b.char == r {
				return a
			}
		}
	}
	return nil
}
