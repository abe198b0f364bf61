package app

import (
	"math"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// reopen builds a second UI on the same app, as the next run would see the
// preferences.
func reopen(t *testing.T, a fyne.App) *UI {
	t.Helper()
	tl, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, tl)
	t.Cleanup(u.Window().Close)
	queueHandBacks(u)
	return u
}

func TestStateRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name  string
		store func(a fyne.App) StateStore
	}{
		{"Fyne preferences", func(a fyne.App) StateStore { return PreferencesStore{a.Preferences()} }},
		{"state file", func(fyne.App) StateStore { return StateFile{Path: filepath.Join(t.TempDir(), StateFileName)} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			store := c.store(a)
			u := reopenWith(t, a, store)
			u.SetThemeMode(ThemeHighContrast)
			u.BiggerText()
			u.BiggerText()
			scale := u.TextScale()
			u.Window().Resize(fyne.NewSize(1000, 700))
			u.split.Offset = 0.33
			u.cardSplit.Offset = 0.6
			u.Select(u.tl.Index("dmz-meeting"))
			u.addRecent("/tmp/x.json")
			folder := storage.NewFileURI(t.TempDir()).String()
			a.Preferences().SetString(prefFileDialogFolder, folder) // as a file dialog does
			u.savePlace()

			// the next run starts from defaults in memory and reads them back
			a.Settings().SetTheme(theme.DefaultTheme())
			if _, ok := store.(StateFile); ok {
				// On the desktop Fyne's preferences are not saved: the
				// next run has them empty.
				a.Preferences().RemoveValue(prefFileDialogFolder)
			}
			v := reopenWith(t, a, store)
			if got := a.Preferences().String(prefFileDialogFolder); got != folder {
				t.Errorf("the file dialogs' folder is %q, want %q", got, folder)
			}
			if v.ThemeMode() != ThemeHighContrast || v.TextScale() != scale {
				t.Errorf("look: %s at %v, want high-contrast at %v", v.ThemeMode(), v.TextScale(), scale)
			}
			if got := a.Settings().Theme().Size(theme.SizeNameText); got != theme.DefaultTheme().Size(theme.SizeNameText)*scale {
				t.Errorf("the app's theme was not restored: text %v", got)
			}
			if got := v.Window().Canvas().Size(); got != fyne.NewSize(1000, 700) {
				t.Errorf("window %v, want 1000x700", got)
			}
			if math.Abs(v.split.Offset-0.33) > 1e-9 || math.Abs(v.cardSplit.Offset-0.6) > 1e-9 {
				t.Errorf("splits %v %v, want 0.33 0.6", v.split.Offset, v.cardSplit.Offset)
			}
			if v.Selected() < 0 || v.tl.Events[v.Selected()].ID != "dmz-meeting" {
				t.Errorf("selected %d, want dmz-meeting", v.Selected())
			}
			if r := v.Recent(); len(r) != 1 || r[0] != "/tmp/x.json" {
				t.Errorf("recent %v", r)
			}
			if _, ok := store.(StateFile); ok {
				if keys := prefKeys(a.Preferences()); len(keys) != 0 {
					t.Errorf("Fyne preferences written: %v", keys)
				}
			}
		})
	}
}

func TestPresentationSizeIsNotRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	u := reopen(t, a)
	u.Window().Resize(fyne.NewSize(900, 650))
	u.Present(true)
	u.Window().Resize(fyne.NewSize(1920, 1080)) // fullscreen
	u.savePlace()
	if w, h := a.Preferences().Float(prefWindowWidth), a.Preferences().Float(prefWindowHeight); w != 900 || h != 650 {
		t.Errorf("remembered %vx%v, want the window's own 900x650", w, h)
	}
}

func TestCorruptPreferencesNeverStopTheApp(t *testing.T) {
	cases := []struct {
		name string
		set  func(p fyne.Preferences)
	}{
		{"unknown theme", func(p fyne.Preferences) { p.SetString(prefTheme, "purple") }},
		{"NaN scale", func(p fyne.Preferences) { p.SetFloat(prefTextScale, math.NaN()) }},
		{"huge scale", func(p fyne.Preferences) { p.SetFloat(prefTextScale, 1e9) }},
		{"negative scale", func(p fyne.Preferences) { p.SetFloat(prefTextScale, -2) }},
		{"scale of the wrong type", func(p fyne.Preferences) { p.SetString(prefTextScale, "big") }},
		{"tiny window", func(p fyne.Preferences) { p.SetFloat(prefWindowWidth, 3); p.SetFloat(prefWindowHeight, 2) }},
		{"infinite window", func(p fyne.Preferences) {
			p.SetFloat(prefWindowWidth, math.Inf(1))
			p.SetFloat(prefWindowHeight, math.Inf(1))
		}},
		{"split out of range", func(p fyne.Preferences) { p.SetFloat(prefSplitSide, 7); p.SetFloat(prefSplitCard, -1) }},
		{"split of the wrong type", func(p fyne.Preferences) { p.SetBool(prefSplitSide, true) }},
		{"unknown event", func(p fyne.Preferences) { p.SetString(prefSelected, "no-such-event") }},
		{"event of the wrong type", func(p fyne.Preferences) { p.SetInt(prefSelected, 3) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			c.set(a.Preferences())
			u := reopen(t, a)
			if !u.ThemeMode().Valid() {
				t.Errorf("theme %q", u.ThemeMode())
			}
			if s := u.TextScale(); !(s >= MinTextScale && s <= MaxTextScale) {
				t.Errorf("scale %v", s)
			}
			if s := u.Window().Canvas().Size(); s.Width < minWindowSide || s.Height < minWindowSide || s.Width > maxWindowSide {
				t.Errorf("window %v", s)
			}
			if o := u.split.Offset; o < 0.05 || o > 0.95 {
				t.Errorf("split %v", o)
			}
			if u.Selected() != -1 {
				t.Errorf("selected %d", u.Selected())
			}
		})
	}
}

// TestRememberedEventIsOnTheFirstFrame reopens with an event remembered:
// the card shows it as soon as the window is built, before any frame.
func TestRememberedEventIsOnTheFirstFrame(t *testing.T) {
	u := newTestUI(t)
	u.Select(u.tl.Index("dmz-meeting"))
	u.settle()
	u.savePlace()
	v := New(fyne.CurrentApp(), u.tl) // no settling: what the first frame draws
	t.Cleanup(v.Window().Close)
	defer v.settle()
	if got := v.card.Title(); got != v.tl.Events[v.tl.Index("dmz-meeting")].Title {
		t.Errorf("the reopened window's card shows %q before its first frame", got)
	}
}
