package app

import (
	"os"
	"path/filepath"
	"runtime"
)

// ConfigDir is the folder where Fyne keeps the preferences of the app with
// ID appID, and where the app keeps its StateFile: what Fyne 2.7's
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
