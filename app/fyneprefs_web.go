//go:build wasm || js

package app

import "fyne.io/fyne/v2"

// KeepFynePreferencesUnsaved does nothing in a web build: Fyne's
// preferences, kept by the browser, are where the app remembers its state
// (PreferencesStore).
func KeepFynePreferencesUnsaved(fyne.App) {}
