package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

func TestMainMenuHasEveryActionWithItsShortcut(t *testing.T) {
	u := newTestUI(t)
	m := u.Window().MainMenu()
	var names []string
	items := map[string]*fyne.MenuItem{}
	for _, menu := range m.Items {
		names = append(names, menu.Label)
		for _, it := range menu.Items {
			if !it.IsSeparator {
				items[it.Label] = it
				if it.Action == nil && it.ChildMenu == nil {
					t.Errorf("%s > %s does nothing", menu.Label, it.Label)
				}
			}
		}
	}
	if got := strings.Join(names, " "); got != "File Edit View Go Help" {
		t.Errorf("menus %q", got)
	}
	for label, key := range map[string]fyne.KeyName{
		"Export image…": fyne.KeyE, "Quit": fyne.KeyQ, "Presentation mode": fyne.KeyF5,
		"Bigger text": fyne.KeyEqual, "Smaller text": fyne.KeyMinus, "Actual text size": fyne.Key0,
		"Search": fyne.KeyF, "Next event": fyne.KeyRight, "Keyboard shortcuts": fyne.KeyF1,
	} {
		it := items[label]
		if it == nil {
			t.Errorf("no %q item", label)
			continue
		}
		s, ok := it.Shortcut.(*desktop.CustomShortcut)
		if !ok || s.KeyName != key {
			t.Errorf("%q: shortcut %v, want %s", label, it.Shortcut, key)
		}
	}
	for _, l := range []string{"System theme", "Light theme", "Dark theme", "High contrast theme", "About"} {
		if items[l] == nil {
			t.Errorf("no %q item", l)
		}
	}
	if !items["System theme"].Checked || items["Dark theme"].Checked {
		t.Error("the system theme is not the checked default")
	}
	items["Dark theme"].Action()
	if u.ThemeMode() != ThemeDark || !items["Dark theme"].Checked || items["System theme"].Checked {
		t.Error("View > Dark theme did not switch or check")
	}
	items["Presentation mode"].Action()
	if !u.Presenting() {
		t.Error("View > Presentation mode did not present")
	}
}

func TestShortcutsWorkWithoutTheMenu(t *testing.T) {
	u := newTestUI(t)
	u.Present(true) // the menu is hidden
	shortcut(u, fyne.KeyEqual, fyne.KeyModifierShortcutDefault)
	if u.TextScale() <= 1 {
		t.Errorf("Ctrl+= in presentation mode: scale %v", u.TextScale())
	}
	if got, want := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText), u.pres.theme().Size(theme.SizeNameText); got != want {
		t.Errorf("presenting: app text %v, slide %v", got, want)
	}
}

func TestCtrlQSavesThePlace(t *testing.T) {
	u := newTestUI(t)
	u.Select(u.tl.Index("hanoi-summit"))
	shortcut(u, fyne.KeyQ, fyne.KeyModifierShortcutDefault)
	if got := fyne.CurrentApp().Preferences().String(prefSelected); got != "hanoi-summit" {
		t.Errorf("Ctrl+Q saved selected %q", got)
	}
}

// TestQuitSavesThenSays checks the order main relies on: when Quitting
// closes, the place is already saved, so ending the process loses nothing.
func TestQuitSavesThenSays(t *testing.T) {
	u := newTestUI(t)
	select {
	case <-u.Quitting():
		t.Fatal("Quitting closed before Quit")
	default:
	}
	u.Select(u.tl.Index("dmz-meeting"))
	u.Quit()
	select {
	case <-u.Quitting():
	default:
		t.Fatal("Quitting still open after Quit")
	}
	if got := fyne.CurrentApp().Preferences().String(prefSelected); got != "dmz-meeting" {
		t.Errorf("Quit saved selected %q before saying it had", got)
	}
	u.Quit() // a second Ctrl+Q while Fyne stops must not panic
}

func TestHelpListsTheShortcuts(t *testing.T) {
	u := newTestUI(t)
	text := ""
	for _, r := range u.shortcutRows() {
		text += r[0] + " " + r[1] + "\n"
	}
	for _, want := range []string{"F5", "Ctrl+E", "Ctrl+Plus", "Ctrl+Minus", "Ctrl+0", "Ctrl+F", "PageDown", "Shift+Space", "Home, End", "Escape", "Ctrl+Q"} {
		if !strings.Contains(text, want) {
			t.Errorf("Help > Keyboard shortcuts lacks %s", want)
		}
	}
	u.ShowShortcuts()
	if !u.dialogOpen() {
		t.Fatal("F1's dialog did not open")
	}
	u.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.dialogOpen() {
		t.Fatal("Escape did not close the shortcuts")
	}
	u.ShowAbout()
	if !u.dialogOpen() {
		t.Fatal("About did not open")
	}
}

// Every key is bound in one place: no two actions of the window, nor of
// presentation mode with the shortcuts that still work there, share a key;
// every action with keys is in Help, or shares a row with one that is.
func TestKeyMapBindsEachKeyOnce(t *testing.T) {
	u := newTestUI(t)
	m := u.keyMap()
	var shortcuts []*action
	for _, a := range m.all() {
		for _, b := range a.keys {
			if b.shortcut() {
				shortcuts = append(shortcuts, a)
				break
			}
		}
	}
	for name, as := range map[string][]*action{"window": m.all(), "presentation": append(m.present, shortcuts...)} {
		seen := map[binding]string{}
		for _, a := range as {
			for _, b := range a.keys {
				if name == "presentation" && !b.shortcut() && !slices.Contains(m.present, a) {
					continue
				}
				if prev, ok := seen[b]; ok && prev != a.label {
					t.Errorf("%s: %+v is bound to %q and to %q", name, b, prev, a.label)
				}
				seen[b] = a.label
			}
		}
	}
	rows := u.shortcutRows()
	for _, a := range append(m.all(), m.present...) {
		if len(a.keys) == 0 || a.help != "" {
			continue
		}
		// A second half of a Help row (Down of "Up, Down", End of "Home, End").
		b := a.keys[0]
		found := false
		for _, r := range rows {
			found = found || strings.Contains(r[0], string(b.key))
		}
		if !found {
			t.Errorf("%q (%s) is in no row of Help", a.label, b.key)
		}
	}
}

func TestAboutSaysVersionSourceAndDate(t *testing.T) {
	u := newTestUI(t)
	FallbackVersion = "9.8.7"
	t.Cleanup(func() { FallbackVersion = "" })
	if Version() != "9.8.7" {
		t.Fatalf("Version() = %q without packaged metadata, want the FallbackVersion 9.8.7", Version())
	}
	about := u.AboutText()
	for _, want := range []string{Version(), u.tl.Sources[0].Publisher, u.tl.Sources[0].Date.Display(), u.tl.Sources[0].Title} {
		if !strings.Contains(about, want) {
			t.Errorf("About lacks %q:\n%s", want, about)
		}
	}
}

func TestVersionFromTOML(t *testing.T) {
	for _, c := range []struct{ toml, want string }{
		{"[Details]\n  Version = \"1.2.3\"\n  Build = 4\n", "1.2.3"},
		{"Version = \"0.1\"\n[Details]\nName = \"x\"\n", ""}, // not under Details
		{"[Other]\nVersion = \"5\"\n[Details]\n Version=\"6.0.0\"", "6.0.0"},
		{"", ""},
	} {
		if got := VersionFromTOML([]byte(c.toml)); got != c.want {
			t.Errorf("VersionFromTOML(%q) = %q, want %q", c.toml, got, c.want)
		}
	}
}
