package app

// The monkey's world: a test app that reports what the GLFW driver would
// (the modifier keys held, Quit), a file system the file dialogs cannot
// leave, and input delivered the way the GLFW driver delivers it (Fyne
// v2.7.1, internal/driver/glfw/window.go): pointer events to the object
// under the pointer, keys to the focused widget or else the canvas, menu
// shortcuts first, characters after keys.

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
	"fyne.io/fyne/v2/test"

	"trumpkim/widgets"
)

// monkeyApp is Fyne's test app with a driver that knows the modifier keys
// held, and a Quit that only counts: Ctrl+Q must not end the test process.
type monkeyApp struct {
	fyne.App
	drv   *monkeyDriver
	quits int
}

func (a *monkeyApp) Driver() fyne.Driver { return a.drv }

// Quit records that the app asked to end; the real driver would stop the
// event loop.
func (a *monkeyApp) Quit() { a.quits++ }

// OpenURL opens nothing: a hyperlink on the card is tapped now and then.
func (a *monkeyApp) OpenURL(*url.URL) error { return nil }

// monkeyDriver is the test driver plus desktop.Driver's modifier state, so
// that widgets which ask the driver (the timeline's Ctrl+wheel, the entry's
// Shift+arrows) see the keys the monkey holds.
type monkeyDriver struct {
	fyne.Driver
	mods fyne.KeyModifier
}

var _ desktop.Driver = (*monkeyDriver)(nil)

func (d *monkeyDriver) CurrentKeyModifiers() fyne.KeyModifier { return d.mods }

func (d *monkeyDriver) CreateSplashWindow() fyne.Window { return d.CreateWindow("") }

// newMonkeyApp makes a fresh test app, wrapped, as the current app, with
// file access jailed to home (see jailRepo).
func newMonkeyApp(home string) *monkeyApp {
	base := test.NewApp()
	a := &monkeyApp{App: base, drv: &monkeyDriver{Driver: base.Driver()}}
	fyne.SetCurrentApp(a)
	if r, err := repository.ForScheme("file"); err == nil {
		repository.Register("file", &jailRepo{inner: r, root: filepath.Clean(home)})
	}
	// The app's keys and the timeline's wheel ask this; other tests
	// replace it, so the monkey sets it back to the driver's answer.
	widgets.KeyModifiers = func() fyne.KeyModifier { return a.drv.mods }
	return a
}

// jailRepo is the file repository the monkey's file dialogs see: reading any
// file works (the app opens fixtures by path), but listing, creating and
// writing work only inside root, a temporary HOME. The dialogs start there
// and cannot leave it, so no random tap saves a file anywhere else.
type jailRepo struct {
	inner repository.Repository
	root  string
}

var errJail = errors.New("monkey: outside the sandbox")

var (
	_ repository.WritableRepository     = (*jailRepo)(nil)
	_ repository.AppendableRepository   = (*jailRepo)(nil)
	_ repository.ListableRepository     = (*jailRepo)(nil)
	_ repository.HierarchicalRepository = (*jailRepo)(nil)
	_ repository.CopyableRepository     = (*jailRepo)(nil)
	_ repository.MovableRepository      = (*jailRepo)(nil)
)

func (r *jailRepo) inside(u fyne.URI) bool {
	p := filepath.Clean(u.Path())
	return p == r.root || strings.HasPrefix(p, r.root+string(filepath.Separator))
}

func (r *jailRepo) Exists(u fyne.URI) (bool, error)               { return r.inner.Exists(u) }
func (r *jailRepo) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return r.inner.Reader(u) }
func (r *jailRepo) CanRead(u fyne.URI) (bool, error)              { return r.inner.CanRead(u) }
func (r *jailRepo) Destroy(scheme string)                         { r.inner.Destroy(scheme) }

func (r *jailRepo) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if !r.inside(u) {
		return nil, errJail
	}
	return r.inner.(repository.WritableRepository).Writer(u)
}

func (r *jailRepo) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if !r.inside(u) {
		return nil, errJail
	}
	return r.inner.(repository.AppendableRepository).Appender(u)
}

func (r *jailRepo) CanWrite(u fyne.URI) (bool, error) {
	if !r.inside(u) {
		return false, nil
	}
	return r.inner.(repository.WritableRepository).CanWrite(u)
}

func (r *jailRepo) Delete(u fyne.URI) error {
	if !r.inside(u) {
		return errJail
	}
	return r.inner.(repository.WritableRepository).Delete(u)
}

func (r *jailRepo) Parent(u fyne.URI) (fyne.URI, error) {
	if filepath.Clean(u.Path()) == r.root || !r.inside(u) {
		return nil, repository.ErrURIRoot
	}
	return r.inner.(repository.HierarchicalRepository).Parent(u)
}

func (r *jailRepo) Child(u fyne.URI, component string) (fyne.URI, error) {
	return r.inner.(repository.HierarchicalRepository).Child(u, component)
}

func (r *jailRepo) List(u fyne.URI) ([]fyne.URI, error) {
	if !r.inside(u) {
		return nil, errJail
	}
	return r.inner.(repository.ListableRepository).List(u)
}

func (r *jailRepo) CanList(u fyne.URI) (bool, error) {
	if !r.inside(u) {
		return false, nil
	}
	return r.inner.(repository.ListableRepository).CanList(u)
}

func (r *jailRepo) CreateListable(u fyne.URI) error {
	if !r.inside(u) {
		return errJail
	}
	return r.inner.(repository.ListableRepository).CreateListable(u)
}

func (r *jailRepo) Copy(src, dst fyne.URI) error {
	if !r.inside(dst) {
		return errJail
	}
	return r.inner.(repository.CopyableRepository).Copy(src, dst)
}

func (r *jailRepo) Move(src, dst fyne.URI) error {
	if !r.inside(src) || !r.inside(dst) {
		return errJail
	}
	return r.inner.(repository.MovableRepository).Move(src, dst)
}

// sandboxHome makes the monkey's HOME in dir: copies of the files it may
// open through the file dialog.
func sandboxHome(dir string, files ...string) (string, error) {
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a fixture that is not there is simply not offered
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o600); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// visible is an object on screen: where it is and the part of it not
// clipped away (by a scroll container), in canvas coordinates.
type visible struct {
	obj      fyne.CanvasObject
	pos      fyne.Position
	clipPos  fyne.Position
	clipSize fyne.Size
}

// area is the part of the object that can be pointed at.
func (v visible) area() (fyne.Position, fyne.Size) {
	x0 := max(v.pos.X, v.clipPos.X)
	y0 := max(v.pos.Y, v.clipPos.Y)
	x1 := min(v.pos.X+v.obj.Size().Width, v.clipPos.X+v.clipSize.Width)
	y1 := min(v.pos.Y+v.obj.Size().Height, v.clipPos.Y+v.clipSize.Height)
	return fyne.NewPos(x0, y0), fyne.NewSize(max(0, x1-x0), max(0, y1-y0))
}

// walkVisible calls fn for every visible object under o, parents first, in
// drawing order, as the driver walks them to find what is under the
// pointer (internal/driver/util.go: a scrollable or clipping widget sets
// the clip for what is inside it).
func walkVisible(o fyne.CanvasObject, off, clipPos fyne.Position, clipSize fyne.Size, fn func(visible)) {
	if o == nil || !o.Visible() {
		return
	}
	pos := o.Position().Add(off)
	kids := children(o)
	if isClip(o) {
		clipPos, clipSize = pos, o.Size()
	}
	fn(visible{obj: o, pos: pos, clipPos: clipPos, clipSize: clipSize})
	for _, k := range kids {
		walkVisible(k, pos, clipPos, clipSize, fn)
	}
}

// children are what a container holds or a widget's renderer draws.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}

// relayout lays o out again at its size, as the driver does when a child's
// minimum size changed.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
	case fyne.Widget:
		test.WidgetRenderer(x).Layout(x.Size())
	}
}

func isClip(o fyne.CanvasObject) bool {
	if _, ok := o.(fyne.Scrollable); ok {
		return true
	}
	w, ok := o.(fyne.Widget)
	if !ok {
		return false
	}
	_, clip := test.WidgetRenderer(w).(interface{ IsClip() })
	return clip
}

// pointerRoot is what pointer events reach: the top overlay (a dialog or
// pop-up menu) when there is one, else the window's content.
func pointerRoot(c fyne.Canvas) fyne.CanvasObject {
	if top := c.Overlays().Top(); top != nil {
		return top
	}
	return c.Content()
}

// visibleObjects lists what the pointer can reach now.
func visibleObjects(c fyne.Canvas) []visible {
	var out []visible
	huge := fyne.NewSize(1<<30, 1<<30)
	walkVisible(pointerRoot(c), fyne.Position{}, fyne.Position{}, huge, func(v visible) { out = append(out, v) })
	return out
}

// objectAt is the last (topmost, deepest) object under pos that match
// accepts, and pos relative to it.
func objectAt(c fyne.Canvas, pos fyne.Position, match func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	var found fyne.CanvasObject
	var rel fyne.Position
	for _, v := range visibleObjects(c) {
		if !match(v.obj) {
			continue
		}
		if pos.X < v.clipPos.X || pos.Y < v.clipPos.Y || pos.X >= v.clipPos.X+v.clipSize.Width || pos.Y >= v.clipPos.Y+v.clipSize.Height {
			continue
		}
		if pos.X < v.pos.X || pos.Y < v.pos.Y || pos.X >= v.pos.X+v.obj.Size().Width || pos.Y >= v.pos.Y+v.obj.Size().Height {
			continue
		}
		found, rel = v.obj, pos.Subtract(v.pos)
	}
	return found, rel
}

func isClickable(o fyne.CanvasObject) bool {
	switch o.(type) {
	case fyne.Tappable, fyne.SecondaryTappable, fyne.DoubleTappable, fyne.Focusable, desktop.Mouseable:
		return true
	}
	return false
}

func isFocusable(o fyne.CanvasObject) bool { _, ok := o.(fyne.Focusable); return ok }

// input delivers the monkey's keys and pointer events to one window as the
// GLFW driver would.
type input struct {
	a *monkeyApp
	w fyne.Window
}

func (in *input) canvas() fyne.Canvas { return in.w.Canvas() }

// click presses and releases a mouse button at pos (window.go,
// processMouseClicked): Mouseable gets down and up, the keyboard focus is
// dropped unless something focusable is under the pointer, and a primary
// click taps (twice: double-taps).
func (in *input) click(pos fyne.Position, button desktop.MouseButton, double bool) {
	c := in.canvas()
	co, rel := objectAt(c, pos, isClickable)
	ev := &fyne.PointEvent{Position: rel, AbsolutePosition: pos}
	mev := &desktop.MouseEvent{PointEvent: *ev, Button: button, Modifier: in.a.drv.mods}
	unfocus := func() {
		if f, ok := co.(fyne.Focusable); ok && f == c.Focused() {
			return
		}
		if under, _ := objectAt(c, pos, isFocusable); under == nil {
			c.Unfocus()
		}
	}
	if m, ok := co.(desktop.Mouseable); ok {
		m.MouseDown(mev)
	}
	unfocus()
	if m, ok := co.(desktop.Mouseable); ok {
		m.MouseUp(mev)
	}
	unfocus()
	if button == desktop.MouseButtonSecondary {
		if s, ok := co.(fyne.SecondaryTappable); ok {
			s.TappedSecondary(ev)
		}
		return
	}
	if d, ok := co.(fyne.DoubleTappable); ok && double {
		d.DoubleTapped(ev)
		return
	}
	if t, ok := co.(fyne.Tappable); ok {
		t.Tapped(ev)
		if double { // no DoubleTapped: two taps
			t.Tapped(ev)
		}
	}
}

// drag presses at pos, moves by (dx, dy) in steps and releases: the
// draggable under the press gets Dragged events and DragEnd, and no tap.
func (in *input) drag(pos fyne.Position, dx, dy float32) {
	c := in.canvas()
	if co, _ := objectAt(c, pos, isClickable); co != nil {
		if f, ok := co.(fyne.Focusable); !ok || f != c.Focused() {
			if under, _ := objectAt(c, pos, isFocusable); under == nil {
				c.Unfocus()
			}
		}
	}
	o, rel := objectAt(c, pos, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Draggable); return ok })
	if o == nil {
		return
	}
	d := o.(fyne.Draggable)
	const steps = 4
	for i := 1; i <= steps; i++ {
		step := fyne.Delta{DX: dx / steps, DY: dy / steps}
		at := rel.Add(fyne.NewPos(dx*float32(i)/steps, dy*float32(i)/steps))
		d.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: pos.Add(at.Subtract(rel))}, Dragged: step})
	}
	d.DragEnd()
}

// scroll turns the wheel over pos with mods held.
func (in *input) scroll(pos fyne.Position, dx, dy float32, mods fyne.KeyModifier) {
	in.a.drv.mods = mods
	defer func() { in.a.drv.mods = 0 }()
	o, rel := objectAt(in.canvas(), pos, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Scrollable); return ok })
	if o == nil {
		return
	}
	o.(fyne.Scrollable).Scrolled(&fyne.ScrollEvent{
		PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: pos},
		Scrolled:   fyne.Delta{DX: dx, DY: dy},
	})
}

// move moves the pointer to pos: hover in and out.
func (in *input) move(pos fyne.Position) { test.MoveMouse(in.canvas(), pos) }

// key presses and releases a key with mods held, then delivers char (0 for
// none) as the character callback would (window.go, processKeyPressed and
// processCharInput).
func (in *input) key(name fyne.KeyName, mods fyne.KeyModifier, char rune) {
	in.a.drv.mods = mods
	defer func() { in.a.drv.mods = 0 }()
	c := in.canvas()
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyDown(ev)
	}
	defer func() {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyUp(ev)
		}
	}()
	other := mods & (fyne.KeyModifierControl | fyne.KeyModifierAlt | fyne.KeyModifierSuper)
	if name == fyne.KeyTab && other == 0 && !in.capturesTab(mods) {
		return
	}
	if in.shortcut(name, mods) {
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	if char != 0 && other == 0 {
		in.char(char)
	}
}

// char delivers a typed character (an input method's commit, or a key's).
func (in *input) char(r rune) {
	c := in.canvas()
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
	} else if h := c.OnTypedRune(); h != nil {
		h(r)
	}
}

func (in *input) capturesTab(mods fyne.KeyModifier) bool {
	c := in.canvas()
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		return true
	}
	switch mods {
	case 0:
		c.FocusNext()
	case fyne.KeyModifierShift:
		c.FocusPrevious()
	}
	return false
}

// shortcut is window.go's triggersShortcut: a key with Ctrl (or Alt, not
// Shift alone) is a shortcut, for the main menu first, then the focused
// widget, then the canvas.
func (in *input) shortcut(name fyne.KeyName, mods fyne.KeyModifier) bool {
	var s fyne.Shortcut
	clip := in.a.Clipboard()
	if mods == fyne.KeyModifierControl {
		switch name {
		case fyne.KeyZ:
			s = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			s = &fyne.ShortcutRedo{}
		case fyne.KeyV:
			s = &fyne.ShortcutPaste{Clipboard: clip}
		case fyne.KeyC, fyne.KeyInsert:
			s = &fyne.ShortcutCopy{Clipboard: clip}
		case fyne.KeyX:
			s = &fyne.ShortcutCut{Clipboard: clip}
		case fyne.KeyA:
			s = &fyne.ShortcutSelectAll{}
		}
	}
	if mods == fyne.KeyModifierShift {
		switch name {
		case fyne.KeyInsert:
			s = &fyne.ShortcutPaste{Clipboard: clip}
		case fyne.KeyDelete:
			s = &fyne.ShortcutCut{Clipboard: clip}
		}
	}
	if s == nil && mods != 0 && mods != fyne.KeyModifierShift {
		s = &desktop.CustomShortcut{KeyName: name, Modifier: mods}
	}
	if s == nil {
		return false
	}
	return routeShortcut(in.w, s)
}

// routeShortcut gives s where window.go's triggersShortcut does: to the
// main menu's item with that shortcut, else to the focused widget if it
// takes shortcuts, else to the canvas.
func routeShortcut(w fyne.Window, s fyne.Shortcut) bool {
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			if menuShortcut(s, menu) {
				return true
			}
		}
	}
	c := w.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		type selectable interface {
			fyne.Disableable
			SelectedText() string
		}
		run := true
		if sel, ok := f.(selectable); ok && sel.Disabled() {
			run = s.ShortcutName() == "Copy"
		}
		if run {
			f.TypedShortcut(s)
		}
		return run
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
	return true
}

func menuShortcut(s fyne.Shortcut, m *fyne.Menu) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && menuShortcut(s, it.ChildMenu) {
			return true
		}
	}
	return false
}

// menuItem finds a main-menu item by its path of labels, " > " between
// them ("File > Open…").
func menuItem(m *fyne.MainMenu, path string) *fyne.MenuItem {
	if m == nil {
		return nil
	}
	parts := strings.Split(path, " > ")
	var items []*fyne.MenuItem
	for _, menu := range m.Items {
		if menu.Label == parts[0] {
			items = menu.Items
		}
	}
	var found *fyne.MenuItem
	for _, p := range parts[1:] {
		found = nil
		for _, it := range items {
			if !it.IsSeparator && it.Label == p {
				found = it
			}
		}
		if found == nil {
			return nil
		}
		items = nil
		if found.ChildMenu != nil {
			items = found.ChildMenu.Items
		}
	}
	return found
}

// fileURI is a file's URI by its path, made absolute.
func fileURI(path string) fyne.URI {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return storage.NewFileURI(path)
}
