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
// below; the pointer's moves go on to the objects of Below under it, which
// the overlay would otherwise hide them from (the driver hands them to the
// top hoverable object only).
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
	// Below are the objects under the overlay that answer the pointer
	// (desktop.Hoverable, such as a timeline with its tooltips): each
	// move goes on to the one under the pointer, in its own coordinates,
	// and the overlay shows that one's cursor while the pointer shows.
	Below []fyne.CanvasObject `json:"-"`

	hovered fyne.CanvasObject // the one of Below under the pointer

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

// Cursor is hidden while the pointer rests; else it is the cursor of what
// is under it in Below, if that has one.
func (c *IdleCursor) Cursor() desktop.Cursor {
	if c.Idle() {
		return desktop.HiddenCursor
	}
	if cur, ok := c.hovered.(desktop.Cursorable); ok {
		return cur.Cursor()
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
func (c *IdleCursor) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the pointer, restarts the idle timer and tells what is
// under the pointer in Below.
func (c *IdleCursor) MouseMoved(e *desktop.MouseEvent) {
	c.Wake()
	c.hover(e)
}

// MouseOut tells what was under the pointer that it left.
func (c *IdleCursor) MouseOut() { c.hover(nil) }

// hover sends a pointer at e (nil: gone) to the object of Below under it,
// and MouseOut to the one it was over before.
func (c *IdleCursor) hover(e *desktop.MouseEvent) {
	var under fyne.CanvasObject
	var local desktop.MouseEvent
	if e != nil {
		d := fyne.CurrentApp().Driver()
		at := e.Position.Add(d.AbsolutePositionForObject(c)) // both in the driver's terms
		for _, o := range c.Below {
			if _, ok := o.(desktop.Hoverable); !ok || !o.Visible() {
				continue
			}
			p := at.Subtract(d.AbsolutePositionForObject(o))
			if s := o.Size(); p.X >= 0 && p.Y >= 0 && p.X < s.Width && p.Y < s.Height {
				under, local = o, *e
				local.Position = p
				break
			}
		}
	}
	if c.hovered != nil && c.hovered != under {
		c.hovered.(desktop.Hoverable).MouseOut()
	}
	if under != nil {
		if under == c.hovered {
			under.(desktop.Hoverable).MouseMoved(&local)
		} else {
			under.(desktop.Hoverable).MouseIn(&local)
		}
	}
	c.hovered = under
}

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
