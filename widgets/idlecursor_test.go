package widgets

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestIdleCursorHidesWhenResting(t *testing.T) {
	test.NewTempApp(t)
	c := NewIdleCursor()
	// The test driver runs fyne.Do on the timer's goroutine.
	var mu sync.Mutex
	var changes []bool
	c.OnIdleChanged = func(idle bool) {
		mu.Lock()
		defer mu.Unlock()
		changes = append(changes, idle)
	}
	if c.Cursor() != desktop.HiddenCursor {
		t.Fatal("a new overlay shows the pointer")
	}
	c.MouseMoved(&desktop.MouseEvent{})
	if c.Cursor() != desktop.DefaultCursor || len(changes) != 1 || changes[0] {
		t.Fatalf("after a move: cursor %v, changes %v", c.Cursor(), changes)
	}
	c.MouseMoved(&desktop.MouseEvent{}) // already shown: no second report
	mu.Lock()
	n := len(changes)
	mu.Unlock()
	if n != 1 {
		t.Fatalf("a second move reported again: %v", changes)
	}

	// After Delay of rest the pointer hides by itself.
	c.Delay = 20 * time.Millisecond
	c.Wake()
	deadline := time.Now().Add(2 * time.Second)
	for !c.Idle() && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if !c.Idle() || c.Cursor() != desktop.HiddenCursor {
		t.Fatal("the pointer did not hide after resting")
	}

	// Stop cancels a pending hide.
	c.Delay = 20 * time.Millisecond
	c.Wake()
	c.Stop()
	time.Sleep(80 * time.Millisecond)
	if c.Idle() {
		t.Error("the pointer hid after Stop")
	}
}
