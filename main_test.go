package main

import (
	"os"
	"path/filepath"
	"testing"

	"trumpkim/app"
)

// TestFynePreferencesNeverWritten checks that the desktop app's Fyne never
// writes its preferences.json: neither when a preference changes (as the
// file dialogs change their last folder) nor when the app stops (Fyne
// 2.7.1 rewrote it in place at every quit, and a kill then left it empty);
// one from an earlier version is read, and left as it was.
func TestFynePreferencesNeverWritten(t *testing.T) {
	// Not t.TempDir: Fyne's app may still create its storage folders
	// there on its own goroutine when the test ends, and TempDir's
	// cleanup then fails with "directory not empty".
	config, err := os.MkdirTemp("", "prefs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(config) })
	t.Setenv("XDG_CONFIG_HOME", config)
	dir := app.ConfigDir(appID)
	if dir == "" || filepath.Dir(filepath.Dir(dir)) != config {
		t.Skipf("Fyne keeps no preferences file under $XDG_CONFIG_HOME here (%q)", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	prefs := filepath.Join(dir, app.FynePreferencesFile)
	old := `{"fyne:fileDialogLastFolder":"file:///srv"}` + "\n"
	if err := os.WriteFile(prefs, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	a, _ := newFyneApp()
	p := a.Preferences()
	if got := p.String("fyne:fileDialogLastFolder"); got != "file:///srv" {
		t.Errorf("the earlier preferences are not read: %q", got)
	}
	p.SetString("fyne:fileDialogLastFolder", "file:///home") // Fyne saves on a change
	if got := p.String("fyne:fileDialogLastFolder"); got != "file:///home" {
		t.Errorf("a preference set is not kept for the run: %q", got)
	}
	// What the driver runs when the app stops: Fyne saves its preferences.
	if stopped := a.Lifecycle().(interface{ OnStopped() func() }).OnStopped(); stopped != nil {
		stopped()
	}
	if b, err := os.ReadFile(prefs); err != nil || string(b) != old {
		t.Errorf("Fyne wrote its preferences file: %q (%v), was %q", b, err, old)
	}
}
