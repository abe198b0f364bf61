package main

import (
	"runtime/debug"
	"testing"
)

// gcSettings reads GOGC and GOMEMLIMIT as they are now.
func gcSettings() (pct int, limit int64) {
	pct = debug.SetGCPercent(100)
	debug.SetGCPercent(pct)
	return pct, debug.SetMemoryLimit(-1)
}

// TestPauseGC checks that pauseGC turns the collector off under
// startupHeapLimit, and that resuming gives back the settings as they
// were, once, however often it is called.
func TestPauseGC(t *testing.T) {
	for _, tc := range []struct {
		name      string
		pct       int
		limit     int64
		wantLimit int64 // while paused
	}{
		{"default", 100, 1 << 62, startupHeapLimit},
		{"GOGC and a high GOMEMLIMIT", 50, 1 << 30, startupHeapLimit},
		{"a lower GOMEMLIMIT is kept", 200, 32 << 20, 32 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			oldPct, oldLimit := gcSettings()
			t.Cleanup(func() {
				debug.SetGCPercent(oldPct)
				debug.SetMemoryLimit(oldLimit)
			})
			debug.SetGCPercent(tc.pct)
			debug.SetMemoryLimit(tc.limit)
			resume := pauseGC()
			if pct, limit := gcSettings(); pct != -1 || limit != tc.wantLimit {
				t.Errorf("paused: GOGC %d, limit %d; want -1 (off), %d", pct, limit, tc.wantLimit)
			}
			resume()
			if pct, limit := gcSettings(); pct != tc.pct || limit != tc.limit {
				t.Errorf("resumed: GOGC %d, limit %d; want %d, %d", pct, limit, tc.pct, tc.limit)
			}
			debug.SetGCPercent(tc.pct + 1) // changed since: a second resume leaves it
			resume()
			if pct, _ := gcSettings(); pct != tc.pct+1 {
				t.Errorf("a second resume set GOGC to %d", pct)
			}
		})
	}
}

// TestWithoutGC checks that withoutGC runs its function with the collector
// off and turns it back on as it was, GOGC and GOMEMLIMIT both.
func TestWithoutGC(t *testing.T) {
	oldPct, oldLimit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(oldPct)
		debug.SetMemoryLimit(oldLimit)
	})
	debug.SetGCPercent(150)
	ran := false
	withoutGC(func() {
		ran = true
		if pct, limit := gcSettings(); pct != -1 || limit != oldLimit {
			t.Errorf("inside: GOGC %d, GOMEMLIMIT %d; want off and %d", pct, limit, oldLimit)
		}
	})
	if pct, limit := gcSettings(); !ran || pct != 150 || limit != oldLimit {
		t.Errorf("after (ran %v): GOGC %d, GOMEMLIMIT %d; want 150 and %d", ran, pct, limit, oldLimit)
	}
}
