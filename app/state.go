package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"trumpkim/app/internal/atomicfile"
)

// State is what the app remembers between runs: the look, the place and
// the recent files. A zero field is "nothing remembered". Any value may be
// out of range or stale (an event no longer there): the UI checks each one
// as it applies it, and ignores what does not fit.
type State struct {
	Theme                     ThemeMode
	TextScale                 float64
	WindowWidth, WindowHeight float64 // in Fyne units, outside presentation mode
	SplitSidebar, SplitCard   float64 // the splits' offsets, 0 to 1
	Selected                  string  // the selected event's id
	Recent                    []string
	AutoplaySeconds           int // presentation mode's autoplay interval; 0 for the default
	// FileDialogFolder is the folder the file dialogs showed last, as a
	// URI (Fyne's dialogs open there; Fyne keeps it in its preferences,
	// which it no longer saves on the desktop: KeepFynePreferencesUnsaved).
	FileDialogFolder string
}

func (s State) equal(o State) bool {
	return s.Theme == o.Theme && s.TextScale == o.TextScale &&
		s.WindowWidth == o.WindowWidth && s.WindowHeight == o.WindowHeight &&
		s.SplitSidebar == o.SplitSidebar && s.SplitCard == o.SplitCard &&
		s.Selected == o.Selected && slices.Equal(s.Recent, o.Recent) && s.AutoplaySeconds == o.AutoplaySeconds &&
		s.FileDialogFolder == o.FileDialogFolder
}

// StateStore keeps the State between runs. On the desktop it is a file,
// StateFile; where there are no files (a web build) Fyne's preferences,
// PreferencesStore, which keep it in the browser.
type StateStore interface {
	// Load returns what was saved. An error says what could not be read:
	// what could be is still returned.
	Load() (State, error)
	// Save replaces what was saved by s.
	Save(s State) error
}

// StateFileName is the name of the state file.
const StateFileName = "state.json"

// StatePath is where the app keeps its state file: in a folder "state" of
// its settings folder, configDir (ConfigDir). Not in configDir itself,
// beside Fyne's preferences.json: Fyne watches that folder, and at any
// change in it, a file of the app's included, re-reads its preferences and
// writes them out again, truncating the file and starting its save
// goroutine each time.
func StatePath(configDir string) string {
	return filepath.Join(configDir, "state", StateFileName)
}

// stateVersion is the version of the state file's format.
const stateVersion = 1

// StateFile is a StateStore in a small JSON file, written whole or not at
// all (atomicfile), so that a crash or kill while saving leaves the
// previous state or the new one. Each field is read on its own: one of the
// wrong type is ignored. A file that is not a state file at all (not JSON,
// no version) is set aside beside it, as state.json.bad-TIME, and the app
// starts with the default settings.
type StateFile struct {
	Path string
	// Legacy, when set, gives the state while the file does not exist
	// yet: the Fyne preferences earlier versions kept it in. It is read,
	// never written.
	Legacy StateStore
}

// stateJSON is the file's layout.
type stateJSON struct {
	Version      int      `json:"version"`
	Theme        string   `json:"theme,omitempty"`
	TextScale    float64  `json:"text_scale,omitempty"`
	WindowWidth  float64  `json:"window_width,omitempty"`
	WindowHeight float64  `json:"window_height,omitempty"`
	SplitSidebar float64  `json:"split_sidebar,omitempty"`
	SplitCard    float64  `json:"split_card,omitempty"`
	Selected     string   `json:"selected,omitempty"`
	Recent       []string `json:"recent,omitempty"`
	Autoplay     int      `json:"autoplay_seconds,omitempty"`
	FileDialog   string   `json:"file_dialog_folder,omitempty"`
}

// Load reads the file; see StateFile.
func (f StateFile) Load() (State, error) {
	atomicfile.RemoveStale(f.Path, time.Minute) // saves a kill cut short
	b, err := os.ReadFile(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		if f.Legacy == nil {
			return State{}, nil
		}
		// The first start of this version: the state moves to the file,
		// once. Should the file not be written now, the next save will.
		s, err := f.Legacy.Load()
		if err == nil {
			f.Save(s)
		}
		return s, err
	}
	if err != nil {
		return State{}, fmt.Errorf("the settings could not be read: %w", err)
	}
	s, err := decodeState(b)
	if err != nil {
		return State{}, setAsideError(f.Path, err)
	}
	return s, nil
}

// Save writes s to the file, creating its folder if need be.
func (f StateFile) Save(s State) error {
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o700); err != nil {
		return fmt.Errorf("save the settings: %w", err)
	}
	j := stateJSON{
		Version:      stateVersion,
		Theme:        string(s.Theme),
		TextScale:    finite(s.TextScale),
		WindowWidth:  finite(s.WindowWidth),
		WindowHeight: finite(s.WindowHeight),
		SplitSidebar: finite(s.SplitSidebar),
		SplitCard:    finite(s.SplitCard),
		Selected:     s.Selected,
		Recent:       s.Recent,
		Autoplay:     s.AutoplaySeconds,
		FileDialog:   s.FileDialogFolder,
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return fmt.Errorf("save the settings: %w", err)
	}
	b = append(b, '\n')
	return atomicfile.WriteFile(f.Path, 0o600, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// finite is f, or 0 (not remembered) for NaN and the infinities, which
// JSON cannot hold.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// decodeState reads a state file: an error when it is not one (not a JSON
// object, no version); otherwise each field it can read.
func decodeState(b []byte) (State, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return State{}, errors.New("the file is empty")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return State{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if v, ok := field[int](fields, "version"); !ok || v < 1 {
		return State{}, errors.New(`no "version"`)
	}
	// A newer version's file is read for the fields this one knows.
	s := State{
		Selected:         fieldOr[string](fields, "selected"),
		Theme:            ThemeMode(fieldOr[string](fields, "theme")),
		AutoplaySeconds:  fieldOr[int](fields, "autoplay_seconds"),
		FileDialogFolder: fieldOr[string](fields, "file_dialog_folder"),
	}
	for key, dst := range map[string]*float64{
		"text_scale": &s.TextScale, "window_width": &s.WindowWidth, "window_height": &s.WindowHeight,
		"split_sidebar": &s.SplitSidebar, "split_card": &s.SplitCard,
	} {
		*dst = fieldOr[float64](fields, key)
	}
	for _, raw := range fieldOr[[]json.RawMessage](fields, "recent") {
		var p string
		if json.Unmarshal(raw, &p) == nil && p != "" {
			s.Recent = append(s.Recent, p)
		}
	}
	return s, nil
}

// field decodes fields[key] as a T, reporting false when it is missing or
// of another type.
func field[T any](fields map[string]json.RawMessage, key string) (T, bool) {
	var v T
	raw, ok := fields[key]
	if !ok || json.Unmarshal(raw, &v) != nil {
		var zero T
		return zero, false
	}
	return v, true
}

func fieldOr[T any](fields map[string]json.RawMessage, key string) T {
	v, _ := field[T](fields, key)
	return v
}

// setAside renames a settings file that cannot be read to
// NAME.bad-YYYYMMDD-HHMMSS (or .bad-…-2, -3… if taken) beside it, so that
// the app starts without it and the person keeps a copy. It returns the new
// path.
func setAside(path string) (string, error) {
	base := path + ".bad-" + time.Now().Format("20060102-150405")
	bad := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(bad); errors.Is(err, fs.ErrNotExist) {
			break
		}
		if i > 100 {
			return "", fmt.Errorf("set aside %s: too many earlier copies", path)
		}
		bad = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, bad); err != nil {
		return "", fmt.Errorf("set aside %s: %w", path, err)
	}
	return bad, nil
}

// setAsideError sets path aside because of err, and says so.
func setAsideError(path string, err error) error {
	bad, merr := setAside(path)
	if merr != nil {
		return fmt.Errorf("%s could not be read (%w), nor set aside: %w", path, err, merr)
	}
	return fmt.Errorf("%s could not be read (%w); it was kept as %s and the app starts with the default settings",
		path, err, filepath.Base(bad))
}

// remembered is what the UI keeps of its State (UI embeds it).
type remembered struct {
	store  StateStore
	state  State  // what is remembered now
	stored State  // what store holds, as far as the UI knows
	source string // the open timeline's file; "" for the built-in one or one not from a file
}

// cleanRecent is the recent files list without empty entries, at most
// maxRecent long.
func cleanRecent(list []string) []string {
	var out []string
	for _, p := range list {
		if p != "" && len(out) < maxRecent {
			out = append(out, p)
		}
	}
	return out
}

// PreferencesStore is a StateStore in Fyne's preferences: the app's before
// it had StateFile, and the one for builds without files (a web build keeps
// Fyne's preferences in the browser). Tests use it with the test app's
// in-memory preferences.
type PreferencesStore struct{ P fyne.Preferences }

// The preference keys. A value of the wrong type reads as missing.
const (
	prefTheme        = "theme"
	prefTextScale    = "textScale"
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefSplitSide    = "split.sidebar"
	prefSplitCard    = "split.card"
	prefSelected     = "selected"
	prefRecent       = "recent"
	// prefFileDialogFolder is Fyne's own key for it (dialog/file.go).
	prefFileDialogFolder = "fyne:fileDialogLastFolder"
)

// Load reads the preferences; it never fails.
func (p PreferencesStore) Load() (State, error) {
	return State{
		Theme:            ThemeMode(p.P.String(prefTheme)),
		TextScale:        p.P.Float(prefTextScale),
		WindowWidth:      p.P.Float(prefWindowWidth),
		WindowHeight:     p.P.Float(prefWindowHeight),
		SplitSidebar:     p.P.Float(prefSplitSide),
		SplitCard:        p.P.Float(prefSplitCard),
		Selected:         p.P.String(prefSelected),
		Recent:           p.P.StringList(prefRecent),
		FileDialogFolder: p.P.String(prefFileDialogFolder),
	}, nil
}

// Save sets the preferences; Fyne writes them out.
func (p PreferencesStore) Save(s State) error {
	setString := func(key, v string) {
		if v == "" {
			p.P.RemoveValue(key)
		} else {
			p.P.SetString(key, v)
		}
	}
	setFloat := func(key string, v float64) {
		if v == 0 || finite(v) != v {
			p.P.RemoveValue(key)
		} else {
			p.P.SetFloat(key, v)
		}
	}
	setString(prefTheme, string(s.Theme))
	setFloat(prefTextScale, s.TextScale)
	setFloat(prefWindowWidth, s.WindowWidth)
	setFloat(prefWindowHeight, s.WindowHeight)
	setFloat(prefSplitSide, s.SplitSidebar)
	setFloat(prefSplitCard, s.SplitCard)
	setString(prefSelected, s.Selected)
	setString(prefFileDialogFolder, s.FileDialogFolder)
	if len(s.Recent) == 0 {
		p.P.RemoveValue(prefRecent)
	} else {
		p.P.SetStringList(prefRecent, s.Recent)
	}
	return nil
}
