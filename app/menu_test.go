package app

import (
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
	u.ShowAbout()
}

func TestAboutSaysVersionSourceAndDate(t *testing.T) {
	u := newTestUI(t)
	FallbackVersion = "9.8.7"
	t.Cleanup(func() { FallbackVersion = "" })
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
