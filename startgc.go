package main

import (
	"runtime/debug"
	"sync"
)

// Start-up without the garbage collector. Until the window's first frame
// the heap grows from 4 to some 50 MB at the built-in data, and Go ran
// seven collections on the way, each marking what was live (up to 13 MB)
// to free a few MB that nothing needed back before the frame. They cost
// 20 to 45 ms of the 310 to 410 ms of CPU the app used until its first
// frame on the machine in the README (three side-by-side runs, and
// GOGC=off against the default), on a second core that the GL driver's
// threads and other programs want too. One collection after the frame
// frees the same garbage.
const (
	// startupGCEvents is the largest data set whose start-up runs
	// without collections. Building the window allocates more with
	// more events (51 MB at the built-in data, 190 MB at 5,000), most of
	// it garbage by the first frame (14 MB live at the built-in data).
	startupGCEvents = 5_000
	// startupHeapLimit bounds what Go holds while the collector is off:
	// there it collects (runtime/debug.SetMemoryLimit), and then again
	// each time it gets there, which at a live heap far below it is
	// fewer collections than usual. The built-in data's start-up stays
	// under it; with GOGC=off it made the process's peak 197 MB of
	// memory instead of 171 MB.
	startupHeapLimit = 64 << 20
)

// pauseGC turns the garbage collector off, under startupHeapLimit, until
// the returned function is called (once or more; the calls after the
// first do nothing), which gives back the settings as they were (GOGC,
// GOMEMLIMIT). A lower GOMEMLIMIT is kept. main calls it once the data
// set is loaded and known to be small, for the window only.
func pauseGC() (resume func()) {
	limit := debug.SetMemoryLimit(-1) // reads it
	pct := debug.SetGCPercent(-1)
	debug.SetMemoryLimit(min(limit, startupHeapLimit))
	var once sync.Once
	return func() {
		once.Do(func() {
			debug.SetGCPercent(pct)
			debug.SetMemoryLimit(limit)
		})
	}
}

// withoutGC runs f with the garbage collector off (no memory limit set
// here: a file is at most 50 MB, data.MaxFileSize), and turns it back on
// as it was. Reading a file builds its events, which stay live, so the
// collections Go would run on the way (six or so while a 100,000-event file
// is read) mark a growing heap to free little; one after it frees the
// parser's garbage. Only before the window exists: Mesa's memory and the
// search index come later, so the process's peak is not raised.
func withoutGC(f func()) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	f()
}
