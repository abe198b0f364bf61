//go:build !wasm && !js

package app

import "fyne.io/fyne/v2"

// KeepFynePreferencesUnsaved makes Fyne keep its preferences in memory
// only, never writing preferences.json: the app keeps what it remembers in
// state.json (StateFile), and Fyne 2.7.1 rewrote preferences.json in place
// at every quit (truncating it first), and after every change it saved it
// and started a goroutine that waits on the UI goroutine (DoAndWait) a
// tenth of a second later, which was seen in a quit that never ended; its
// file watcher, reading its own half-written file, logged "Preferences
// load error: EOF". Call it with the desktop app, just after it is made.
//
// How: Fyne saves only its own preferences type, and only while it is the
// app's (fyne.io/fyne/v2/app: the exit save asserts a.prefs to
// *preferences; the change listener returns when p != app.prefs). A cloud
// provider replaces the app's preferences with its own (transitionCloud):
// this one hands back Fyne's own, wrapped, so that what was read from
// preferences.json stays readable and what is set is kept, in memory, for
// the run. The app's storage root and settings are made as they were.
//
// A web build has no state.json: Fyne's preferences are its store there
// (fyneprefs_web.go).
func KeepFynePreferencesUnsaved(a fyne.App) {
	a.SetCloudProvider(memoryOnly{})
}

// memoryOnly is the cloud provider that keeps Fyne's preferences in
// memory.
type memoryOnly struct{}

var (
	_ fyne.CloudProvider            = memoryOnly{}
	_ fyne.CloudProviderPreferences = memoryOnly{}
)

func (memoryOnly) ProviderName() string        { return "memory" }
func (memoryOnly) ProviderDescription() string { return "Preferences kept in memory for the run" }
func (memoryOnly) ProviderIcon() fyne.Resource { return nil }
func (memoryOnly) Setup(fyne.App) error        { return nil }
func (memoryOnly) Cleanup(fyne.App)            {}

// CloudPreferences wraps the app's preferences, which are still Fyne's
// own when the provider is set.
func (memoryOnly) CloudPreferences(a fyne.App) fyne.Preferences {
	return unsavedPreferences{a.Preferences()}
}

// unsavedPreferences are Fyne's preferences under another type, which
// Fyne does not save. (Fyne adds its listeners to them again when it
// swaps them in: Fyne's own saver is then there twice, and returns at once
// both times.)
type unsavedPreferences struct{ fyne.Preferences }
