package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// ConfigDir is the folder where Fyne keeps the preferences of the app with
// ID appID, and the app its state file (StatePath): what Fyne 2.7's
// app.RootConfigDir gives on each desktop system, joined with the ID
// (~/.config/fyne/ID on Linux, honouring $XDG_CONFIG_HOME). It is empty
// where Fyne keeps no such folder (mobile, web).
func ConfigDir(appID string) string {
	var root string
	switch runtime.GOOS {
	case "windows":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "AppData", "Roaming")
	case "darwin":
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, "Library", "Preferences")
	case "linux", "freebsd", "openbsd", "netbsd":
		root, _ = os.UserConfigDir() // as Fyne: on an error, relative to the working folder
	default:
		return ""
	}
	return filepath.Join(root, "fyne", appID)
}

// FynePreferencesFile is the name of Fyne's preferences file in ConfigDir.
const FynePreferencesFile = "preferences.json"

// CheckFynePreferences makes sure that Fyne can read its preferences file
// at path before the Fyne app is made (fyne.io/fyne/v2/app.NewWithID reads
// it): Fyne 2.7.1 panics, at every start, on a list whose items are not
// all of one type (`{"recent":["/tmp/a.json",1]}`, its convertLists), and
// rewrites a file it cannot parse with what it could read, losing it. A
// file with either problem is set aside (preferences.json.bad-TIME) and Fyne
// starts without one; an empty one, which a kill while Fyne rewrote it
// leaves, is removed. The error says what was done; the app goes on.
func CheckFynePreferences(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil // none, not a file, or not readable: Fyne logs the last two and goes on
	}
	if len(bytes.TrimSpace(b)) == 0 {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("%s is empty and could not be removed: %w", path, err)
		}
		return nil
	}
	if err := fynePreferencesProblem(b); err != nil {
		return setAsideError(path, err)
	}
	return nil
}

// fynePreferencesProblem reads b as Fyne 2.7.1's preferences.load does (one
// JSON value decoded into a map), and finds what would make it fail or
// panic.
func fynePreferencesProblem(b []byte) error {
	var values map[string]any
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&values); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	for key, v := range values {
		items, ok := v.([]any)
		if !ok || len(items) == 0 {
			continue
		}
		// Fyne converts a list by the type of its first item, asserting
		// that every other item has that type.
		same := func(any) bool { return true }
		switch items[0].(type) {
		case bool:
			same = func(x any) bool { _, ok := x.(bool); return ok }
		case float64:
			same = func(x any) bool { _, ok := x.(float64); return ok }
		case string:
			same = func(x any) bool { _, ok := x.(string); return ok }
		}
		for i, item := range items {
			if !same(item) {
				return fmt.Errorf("%q: item %d is %s, item 0 %s", key, i, jsonType(item), jsonType(items[0]))
			}
		}
	}
	return nil
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	default:
		return "an object"
	}
}
