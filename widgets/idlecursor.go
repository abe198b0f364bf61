package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Widget        = (*IdleCursor)(nil)
	_ desktop.Hoverable  = (*IdleCursor)(nil)
	_ desktop.Cursorable = (*IdleCursor)(nil)
)

// DefaultIdleDelay is how long the pointer must rest before IdleCursor hides
// it.
const DefaultIdleDelay = 2 * time.Second

// IdleCursor is an invisible overlay that hides the mouse pointer while it
// rests and shows it again when it moves, for a presentation that must show
// nothing but its slides. It draws nothing and lets taps through to what is
// below.
//
// Fyne asks an object for its cursor only when the pointer moves, so the
// pointer may stay on screen until the next move after it goes idle;
// OnIdleChanged lets the program hide it at once where the driver allows
// (see the app's HideCursor hook).
type IdleCursor struct {
	widget.BaseWidget

	// Delay is how long the pointer must rest before it hides.
	Delay time.Duration
	// OnIdleChanged is called with true when the pointer hides and false
	// when it shows again.
	OnIdleChanged func(idle bool) `json:"-"`

	mu    sync.Mutex
	idle  bool
	timer *time.Timer
	gen   int
}

// NewIdleCursor returns an overlay whose pointer hides after
// DefaultIdleDelay; it starts idle (hidden).
func NewIdleCursor() *IdleCursor {
	c := &IdleCursor{Delay: DefaultIdleDelay, idle: true}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *IdleCursor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// Cursor is hidden while the pointer rests.
func (c *IdleCursor) Cursor() desktop.Cursor {
	if c.Idle() {
		return desktop.HiddenCursor
	}
	return desktop.DefaultCursor
}

// Idle reports whether the pointer is hidden.
func (c *IdleCursor) Idle() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idle
}

// MouseIn shows the pointer.
func (c *IdleCursor) MouseIn(*desktop.MouseEvent) { c.Wake() }

// MouseMoved shows the pointer and restarts the idle timer.
func (c *IdleCursor) MouseMoved(*desktop.MouseEvent) { c.Wake() }

// MouseOut does nothing: the pointer left the window.
func (c *IdleCursor) MouseOut() {}

// Wake shows the pointer and hides it again after Delay of rest.
func (c *IdleCursor) Wake() {
	c.mu.Lock()
	was := c.idle
	c.idle = false
	c.gen++
	gen := c.gen
	if c.timer != nil {
		c.timer.Stop()
	}
	delay := c.Delay
	if delay <= 0 {
		delay = DefaultIdleDelay
	}
	c.timer = time.AfterFunc(delay, func() {
		fyne.Do(func() { c.sleep(gen) })
	})
	c.mu.Unlock()
	if was && c.OnIdleChanged != nil {
		c.OnIdleChanged(false)
	}
}

// Sleep hides the pointer now.
func (c *IdleCursor) Sleep() {
	c.mu.Lock()
	gen := c.gen
	c.mu.Unlock()
	c.sleep(gen)
}

func (c *IdleCursor) sleep(gen int) {
	c.mu.Lock()
	if gen != c.gen || c.idle {
		c.mu.Unlock()
		return
	}
	c.idle = true
	c.mu.Unlock()
	if c.OnIdleChanged != nil {
		c.OnIdleChanged(true)
	}
}

// Stop cancels the idle timer, for when the overlay leaves the screen.
func (c *IdleCursor) Stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
}
