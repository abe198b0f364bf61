//go:build !wasm && !js

package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestFynePreferencesKeptInMemory checks what main does to Fyne's
// preferences on the desktop (KeepFynePreferencesUnsaved): they are no
// longer Fyne's own type, which Fyne alone saves, and what they held, and
// what is set in them, can still be read.
func TestFynePreferencesKeptInMemory(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefFileDialogFolder, "file:///tmp")
	own := a.Preferences()
	KeepFynePreferencesUnsaved(a)
	p := a.Preferences()
	if _, ok := p.(unsavedPreferences); !ok || p == own {
		t.Fatalf("the app's preferences are a %T", p)
	}
	if got := p.String(prefFileDialogFolder); got != "file:///tmp" {
		t.Errorf("what Fyne had read is lost: %q", got)
	}
	changed := 0
	p.AddChangeListener(func() { changed++ })
	p.SetInt("fyne:fileDialogViewLayout", 1)
	if p.Int("fyne:fileDialogViewLayout") != 1 || changed == 0 {
		t.Errorf("a value set is not kept (%d), or no listener heard of it (%d)", p.Int("fyne:fileDialogViewLayout"), changed)
	}
}
