package app

// The monkey's actions: one line of text each, so that a failing run is a
// file a person can read, edit and replay.
//
//	key NAME [+ctrl] [+shift] [+alt] [char "c"]   a key (and the character it types)
//	type "text"                                   characters, as an input method commits them
//	paste "text"                                  the clipboard set to text, then Ctrl+V
//	click X Y | dclick X Y | rclick X Y           a primary, double or secondary click
//	drag X Y DX DY                                press at X Y, move by DX DY, release
//	scroll X Y DX DY [+ctrl] [+shift]             the wheel over X Y
//	move X Y                                      the pointer to X Y
//	resize W H                                    the person resizes the window
//	screen W H                                    the monitor's size (for fullscreen)
//	menu "File > Open…"                           a main-menu item (only while the menu can be clicked)
//	open synthetic N SEED                         a generated data set (as --synthetic N opens one)
//	open file "PATH"                              a file by path (as File > Open recent does)
//	                                              (both only while the menu can be clicked)
//	drop "PATH"                                   a file dropped on the window
//	wait                                          nothing: lets searches and loads finish
//
// A trailing & leaves what the action started (a search, a file load)
// running into the next action instead of waiting for it. Lines starting
// with # are comments.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"trumpkim/data"
)

type mAction struct {
	op     string
	key    fyne.KeyName
	mods   fyne.KeyModifier
	char   rune
	text   string // typed or pasted text, menu path, file path, data set kind
	x, y   int
	dx, dy int
	n      int
	seed   uint64
	async  bool
}

var modNames = []struct {
	m    fyne.KeyModifier
	name string
}{
	{fyne.KeyModifierControl, "+ctrl"},
	{fyne.KeyModifierShift, "+shift"},
	{fyne.KeyModifierAlt, "+alt"},
	{fyne.KeyModifierSuper, "+super"},
}

func modString(m fyne.KeyModifier) string {
	var b strings.Builder
	for _, mn := range modNames {
		if m&mn.m != 0 {
			b.WriteString(" " + mn.name)
		}
	}
	return b.String()
}

func (a mAction) String() string {
	var s string
	switch a.op {
	case "key":
		s = "key " + string(a.key) + modString(a.mods)
		if a.char != 0 {
			s += " char " + strconv.Quote(string(a.char))
		}
	case "type", "paste", "menu", "drop":
		s = a.op + " " + strconv.Quote(a.text)
	case "click", "dclick", "rclick", "move":
		s = fmt.Sprintf("%s %d %d", a.op, a.x, a.y)
	case "drag":
		s = fmt.Sprintf("drag %d %d %d %d", a.x, a.y, a.dx, a.dy)
	case "scroll":
		s = fmt.Sprintf("scroll %d %d %d %d%s", a.x, a.y, a.dx, a.dy, modString(a.mods))
	case "resize", "screen":
		s = fmt.Sprintf("%s %d %d", a.op, a.x, a.y)
	case "open":
		if a.text == "synthetic" {
			s = fmt.Sprintf("open synthetic %d %d", a.n, a.seed)
		} else {
			s = "open file " + strconv.Quote(a.text)
		}
	default:
		s = a.op
	}
	if a.async {
		s += " &"
	}
	return s
}

// tokens splits a line at spaces, keeping Go-quoted strings whole
// (unquoted).
func tokens(line string) ([]string, error) {
	var out []string
	for {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			return out, nil
		}
		if line[0] == '"' {
			q, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil, fmt.Errorf("bad quoted string in %q: %w", line, err)
			}
			u, _ := strconv.Unquote(q)
			out = append(out, u)
			line = line[len(q):]
			continue
		}
		i := strings.IndexAny(line, " \t")
		if i < 0 {
			i = len(line)
		}
		out = append(out, line[:i])
		line = line[i:]
	}
}

// parseAction reads one line; ok is false for a blank or comment line.
func parseAction(line string) (a mAction, ok bool, err error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return a, false, nil
	}
	if strings.HasSuffix(line, " &") {
		a.async = true
		line = strings.TrimSpace(strings.TrimSuffix(line, "&"))
	}
	ts, err := tokens(line)
	if err != nil {
		return a, false, err
	}
	a.op = ts[0]
	args := ts[1:]
	ints := func(n int) error {
		if len(args) < n {
			return fmt.Errorf("%q: want %d numbers", line, n)
		}
		vs := make([]int, n)
		for i := range vs {
			v, err := strconv.Atoi(args[i])
			if err != nil {
				return fmt.Errorf("%q: %w", line, err)
			}
			vs[i] = v
		}
		a.x, a.y = vs[0], vs[1]
		if n == 4 {
			a.dx, a.dy = vs[2], vs[3]
		}
		args = args[n:]
		return nil
	}
	mods := func() error {
		for _, t := range args {
			found := false
			for _, mn := range modNames {
				if t == mn.name {
					a.mods |= mn.m
					found = true
				}
			}
			if !found {
				return fmt.Errorf("%q: unknown modifier %q", line, t)
			}
		}
		return nil
	}
	switch a.op {
	case "key":
		if len(args) < 1 {
			return a, false, fmt.Errorf("%q: no key", line)
		}
		a.key = fyne.KeyName(args[0])
		args = args[1:]
		if n := len(args); n >= 2 && args[n-2] == "char" {
			rs := []rune(args[n-1])
			if len(rs) != 1 {
				return a, false, fmt.Errorf("%q: char is not one character", line)
			}
			a.char = rs[0]
			args = args[:n-2]
		}
		err = mods()
	case "type", "paste", "menu", "drop":
		if len(args) != 1 {
			return a, false, fmt.Errorf("%q: want one quoted string", line)
		}
		a.text = args[0]
	case "click", "dclick", "rclick", "move", "resize", "screen":
		err = ints(2)
	case "drag":
		err = ints(4)
	case "scroll":
		if err = ints(4); err == nil {
			err = mods()
		}
	case "open":
		switch {
		case len(args) == 3 && args[0] == "synthetic":
			a.text = "synthetic"
			a.n, err = strconv.Atoi(args[1])
			if err == nil {
				a.seed, err = strconv.ParseUint(args[2], 10, 64)
			}
		case len(args) == 2 && args[0] == "file":
			a.text = args[1]
		default:
			err = fmt.Errorf("%q: want open synthetic N SEED or open file PATH", line)
		}
	case "wait":
	default:
		err = fmt.Errorf("%q: unknown action %q", line, a.op)
	}
	return a, err == nil, err
}

// parseActions reads a replay file's text.
func parseActions(text string) ([]mAction, error) {
	var out []mAction
	for i, line := range strings.Split(text, "\n") {
		a, ok, err := parseAction(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		if ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// menuBar is the main menu a click can reach: none in presentation mode,
// and none while a dialog or pop-up covers the window (Fyne draws the menu
// bar on the canvas, under the overlays).
func (s *session) menuBar() *fyne.MainMenu {
	if s.w.Canvas().Overlays().Top() != nil {
		return nil
	}
	return s.w.MainMenu()
}

// do performs a on the session's window.
func (s *session) do(a mAction) {
	pos := fyne.NewPos(float32(a.x), float32(a.y))
	switch a.op {
	case "key":
		s.in.key(a.key, a.mods, a.char)
	case "type":
		for _, r := range a.text {
			s.in.char(r)
		}
	case "paste":
		s.a.Clipboard().SetContent(a.text)
		s.in.key(fyne.KeyV, fyne.KeyModifierControl, 0)
	case "click":
		s.in.click(pos, desktop.MouseButtonPrimary, false)
	case "dclick":
		s.in.click(pos, desktop.MouseButtonPrimary, true)
	case "rclick":
		s.in.click(pos, desktop.MouseButtonSecondary, false)
	case "drag":
		s.in.drag(pos, float32(a.dx), float32(a.dy))
	case "scroll":
		s.in.scroll(pos, float32(a.dx), float32(a.dy), a.mods)
	case "move":
		s.in.move(pos)
	case "resize":
		if !s.w.FullScreen() { // a fullscreen window has no edges to drag
			s.w.Resize(fyne.NewSize(float32(a.x), float32(a.y)))
		}
	case "screen":
		s.screen = fyne.NewSize(float32(a.x), float32(a.y))
	case "menu":
		if it := menuItem(s.menuBar(), a.text); it != nil && it.Action != nil && !it.Disabled {
			it.Action()
		}
	case "open":
		if s.menuBar() == nil {
			return // opened from the menu, which is not there
		}
		if a.text == "synthetic" {
			s.u.SetTimeline(data.Synthetic(a.n, a.seed))
		} else {
			s.u.OpenFile(a.text)
		}
	case "drop":
		s.u.dropped(pos, []fyne.URI{fileURI(a.text)})
	}
}
