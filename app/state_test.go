package app

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// reopenWith builds a UI on a whose state is in store, as main does.
func reopenWith(t *testing.T, a fyne.App, store StateStore) *UI {
	t.Helper()
	tl, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Load()
	if err != nil {
		t.Errorf("load: %v", err)
	}
	u := NewWithState(a, tl, store, st)
	t.Cleanup(u.Window().Close)
	queueHandBacks(u)
	return u
}

func TestStateFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	f := StateFile{Path: filepath.Join(dir, "sub", StateFileName)} // the folder is made
	want := State{Theme: ThemeDark, TextScale: 1.25, WindowWidth: 1000, WindowHeight: 700,
		SplitSidebar: 0.3, SplitCard: 0.6, Selected: "hanoi-summit", Recent: []string{"/a.json", "/b é.csv"},
		FileDialogFolder: "file:///home/me/timelines"}
	if err := f.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := f.Load()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("loaded %+v, %v; want %+v", got, err, want)
	}
	if fi, _ := os.Stat(f.Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %v, want 0600", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(f.Path)
	if !strings.Contains(string(b), `"version": 1`) {
		t.Errorf("no version in\n%s", b)
	}
	// Values JSON cannot hold are not remembered, rather than failing.
	if err := f.Save(State{TextScale: math.NaN(), WindowWidth: math.Inf(1)}); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Load(); got.TextScale != 0 || got.WindowWidth != 0 {
		t.Errorf("NaN and Inf came back as %v, %v", got.TextScale, got.WindowWidth)
	}
	if es, _ := os.ReadDir(filepath.Dir(f.Path)); len(es) != 1 {
		t.Errorf("the folder holds %d files", len(es))
	}
}

func TestStateFileFieldsOfTheWrongTypeAreIgnored(t *testing.T) {
	p := writeFile(t, StateFileName, `{"version": 1, "theme": 3, "text_scale": "big", "window_width": 900,
		"window_height": null, "split_sidebar": [0.3], "selected": "dmz-meeting",
		"recent": ["/a.json", 7, "", null, "/b.json"], "from_the_future": {"x": 1}}`)
	got, err := StateFile{Path: p}.Load()
	want := State{WindowWidth: 900, Selected: "dmz-meeting", Recent: []string{"/a.json", "/b.json"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("loaded %+v, %v; want %+v", got, err, want)
	}
	if _, err := os.Stat(p); err != nil {
		t.Error("a readable file was set aside")
	}
}

func TestCorruptStateFileIsSetAside(t *testing.T) {
	for _, c := range []struct{ name, content string }{
		{"not JSON", "{\"version\": 1, \"theme\": \"da"},
		{"empty", ""},
		{"a list", `[1, 2]`},
		{"no version", `{"theme": "dark"}`},
		{"version of the wrong type", `{"version": "one"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, StateFileName, c.content)
			st, err := StateFile{Path: p}.Load()
			if err == nil || !strings.Contains(err.Error(), "state.json.bad-") || !strings.Contains(err.Error(), "default settings") {
				t.Errorf("error %v", err)
			}
			if !st.equal(State{}) {
				t.Errorf("state %+v, want the defaults", st)
			}
			bad, _ := filepath.Glob(p + ".bad-*")
			if len(bad) != 1 {
				t.Fatalf("set aside as %v", bad)
			}
			if b, _ := os.ReadFile(bad[0]); string(b) != c.content {
				t.Errorf("the copy holds %q", b)
			}
			if _, err := os.Stat(p); err == nil {
				t.Error("the bad file is still in place")
			}
			// and the app starts, and saves a good one
			u := reopenWith(t, test.NewTempApp(t), StateFile{Path: p})
			u.SetThemeMode(ThemeDark)
			if got, err := (StateFile{Path: p}).Load(); err != nil || got.Theme != ThemeDark {
				t.Errorf("after a change: %+v, %v", got, err)
			}
		})
	}
	// Two in one second keep both copies.
	p := writeFile(t, StateFileName, "x")
	StateFile{Path: p}.Load()
	os.WriteFile(p, []byte("y"), 0o600)
	StateFile{Path: p}.Load()
	if bad, _ := filepath.Glob(p + ".bad-*"); len(bad) != 2 {
		t.Errorf("copies: %v", bad)
	}
}

func prefKeys(p fyne.Preferences) []string {
	var keys []string
	for _, k := range []string{prefTheme, prefTextScale, prefWindowWidth, prefWindowHeight, prefSplitSide, prefSplitCard, prefSelected, prefRecent} {
		if p.String(k) != "" || p.Float(k) != 0 || len(p.StringList(k)) > 0 {
			keys = append(keys, k)
		}
	}
	return keys
}

func TestStateMovesFromFynePreferencesOnce(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetString(prefTheme, string(ThemeDark))
	p.SetFloat(prefTextScale, 1.5)
	p.SetString(prefSelected, "hanoi-summit")
	p.SetStringList(prefRecent, []string{"/old.json"})
	store := StateFile{Path: filepath.Join(t.TempDir(), StateFileName), Legacy: PreferencesStore{p}}
	u := reopenWith(t, a, store)
	if u.ThemeMode() != ThemeDark || u.TextScale() != 1.5 || u.tl.Events[u.Selected()].ID != "hanoi-summit" || len(u.Recent()) != 1 {
		t.Fatalf("migrated: %s %v %d %v", u.ThemeMode(), u.TextScale(), u.Selected(), u.Recent())
	}
	if _, err := os.Stat(store.Path); err != nil {
		t.Fatalf("the state file was not written at once: %v", err)
	}
	// From now on the file is what counts.
	p.SetString(prefTheme, string(ThemeLight))
	if v := reopenWith(t, a, store); v.ThemeMode() != ThemeDark {
		t.Errorf("read the preferences again: %s", v.ThemeMode())
	}
}

func TestSaveOnlyWhatChanged(t *testing.T) {
	store := &countingStore{}
	u := reopenWith(t, test.NewTempApp(t), store)
	u.savePlace()
	n := store.saves
	u.savePlace()
	u.savePlace()
	if store.saves != n {
		t.Errorf("%d saves of an unchanged state", store.saves-n)
	}
	u.SetThemeMode(ThemeDark)
	if store.saves != n+1 || store.last.Theme != ThemeDark {
		t.Errorf("a theme change: %d saves, theme %q", store.saves-n, store.last.Theme)
	}
}

type countingStore struct {
	saves int
	last  State
}

func (c *countingStore) Load() (State, error) { return State{}, nil }
func (c *countingStore) Save(s State) error   { c.saves++; c.last = s; return nil }

func TestCheckFynePreferences(t *testing.T) {
	for _, c := range []struct {
		name, content string
		aside         bool // set aside
		gone          bool // removed
	}{
		{"mixed list", `{"recent":["/tmp/a.json",1]}`, true, false},
		{"mixed bools", `{"flags":[true,"no"]}`, true, false},
		{"numbers then null", `{"sizes":[1,null]}`, true, false},
		{"not JSON", `{"theme": "da`, true, false},
		{"a list", `[1,2]`, true, false},
		{"a string", `"theme"`, true, false},
		{"empty", "", false, true},
		{"blank", " \n", false, true},
		{"good", `{"theme":"dark","textScale":1.2,"recent":["/a","/b"],"n":[1,2],"b":[true,false],"e":[],"o":{"x":[1,"a"]}}`, false, false},
		{"list Fyne leaves alone", `{"x":[null,1,"a"],"y":[[1],"a"]}`, false, false},
		{"null", `null`, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, FynePreferencesFile, c.content)
			err := CheckFynePreferences(p)
			bad, _ := filepath.Glob(p + ".bad-*")
			_, statErr := os.Stat(p)
			switch {
			case c.aside:
				if err == nil || len(bad) != 1 || statErr == nil {
					t.Errorf("not set aside: %v, %v", err, bad)
				}
			case c.gone:
				if err != nil || len(bad) != 0 || statErr == nil {
					t.Errorf("empty file: %v, copies %v, still there: %v", err, bad, statErr == nil)
				}
			default:
				if err != nil || len(bad) != 0 || statErr != nil {
					t.Errorf("a file Fyne reads was touched: %v, %v", err, bad)
				}
			}
		})
	}
	if err := CheckFynePreferences(filepath.Join(t.TempDir(), "none.json")); err != nil {
		t.Errorf("no file: %v", err)
	}
}

func TestConfigDirFollowsXDG(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the XDG folders are Linux's")
	}
	t.Setenv("XDG_CONFIG_HOME", "/x/config")
	if got := ConfigDir("org.example.x"); got != "/x/config/fyne/org.example.x" {
		t.Errorf("ConfigDir = %s, want Fyne's /x/config/fyne/org.example.x", got)
	}
}
