package app

// How the monkey chooses what to do next: from a seeded generator or from a
// fuzzer's bytes, looking at what is on screen.

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"fyne.io/fyne/v2"

	"trumpkim/widgets"
)

// chooser picks numbers: intn(n) is in [0, n).
type chooser interface {
	intn(n int) int
}

type rngChooser struct{ r *rand.Rand }

// rand64 is the monkey's generator for a seed.
func rand64(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x6d6f6e6b6579)) }

func (c rngChooser) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return c.r.IntN(n)
}

// byteChooser reads its choices from a fuzzer's input; past its end every
// choice is 0 and done reports true.
type byteChooser struct {
	b []byte
	i int
}

func (c *byteChooser) intn(n int) int {
	if n <= 1 {
		return 0
	}
	v := 0
	for k := 1; k < n && k <= 1<<16; k <<= 8 {
		if c.i < len(c.b) {
			v = v<<8 | int(c.b[c.i])
		}
		c.i++
	}
	return v % n
}

func (c *byteChooser) done() bool { return c.i >= len(c.b) }

// generator makes actions for one session.
type generator struct {
	c chooser
	// datasets are the other data sets the monkey may open, as actions.
	datasets []mAction
	// stay keeps the session on its data set: nothing that opens another.
	stay bool
}

// opensData reports whether a opens (or offers to open) another data set.
func opensData(a mAction) bool {
	switch {
	case a.op == "open", a.op == "drop":
		return true
	case a.op == "menu":
		return strings.HasPrefix(a.text, "File > Open") || strings.HasPrefix(a.text, "File > Reopen")
	case a.op == "key" && a.key == fyne.KeyO && a.mods == fyne.KeyModifierControl:
		return true
	}
	return false
}

type weighted struct {
	w  int
	do func() []mAction
}

func pick(c chooser, ws []weighted) []mAction {
	total := 0
	for _, w := range ws {
		total += w.w
	}
	k := c.intn(total)
	for _, w := range ws {
		if k < w.w {
			return w.do()
		}
		k -= w.w
	}
	return nil
}

func one(a mAction) []mAction { return []mAction{a} }

// next chooses the next action or few, looking at the session's window.
func (g *generator) next(s *session) []mAction {
	as := g.choose(s)
	if g.stay {
		for i, a := range as {
			if opensData(a) {
				as[i] = mAction{op: "wait"}
			}
		}
	}
	if len(as) == 1 && g.c.intn(8) == 0 {
		as[0].async = true // let the next action race what this one started
	}
	return as
}

func (g *generator) choose(s *session) []mAction {
	c := g.c
	if top := s.w.Canvas().Overlays().Top(); top != nil && c.intn(3) > 0 {
		return g.inOverlay(s)
	}
	return pick(c, []weighted{
		{24, func() []mAction { return one(g.key()) }},
		{18, func() []mAction { return g.clickSomething(s, "click") }},
		{4, func() []mAction { return one(g.at(s, "click")) }},
		{2, func() []mAction { return g.clickSomething(s, "dclick") }},
		{2, func() []mAction { return g.clickSomething(s, "rclick") }},
		{9, func() []mAction { return one(mAction{op: "type", text: g.text(s)}) }},
		{2, func() []mAction { return one(mAction{op: "paste", text: g.hostileText()}) }},
		{4, func() []mAction { return g.drag(s) }},
		{6, func() []mAction { return g.scroll(s) }},
		{3, func() []mAction { return one(g.at(s, "move")) }},
		{4, func() []mAction { return one(g.resize()) }},
		{7, func() []mAction { return one(g.menu(s)) }},
		{7, func() []mAction { return g.ctrlKey() }},
		{2, func() []mAction { return g.openData() }},
	})
}

// keys are every key the app binds, and a few it does not.
var monkeyKeys = []mAction{
	{op: "key", key: fyne.KeyLeft}, {op: "key", key: fyne.KeyRight},
	{op: "key", key: fyne.KeyUp}, {op: "key", key: fyne.KeyDown},
	{op: "key", key: fyne.KeyHome}, {op: "key", key: fyne.KeyEnd},
	{op: "key", key: fyne.KeyPageUp}, {op: "key", key: fyne.KeyPageDown},
	{op: "key", key: fyne.KeySpace, char: ' '}, {op: "key", key: fyne.KeySpace, mods: fyne.KeyModifierShift, char: ' '},
	{op: "key", key: fyne.KeyReturn}, {op: "key", key: fyne.KeyEnter},
	{op: "key", key: fyne.KeyEscape}, {op: "key", key: fyne.KeyEscape},
	{op: "key", key: fyne.KeyF1}, {op: "key", key: fyne.KeyF5},
	{op: "key", key: fyne.KeyTab}, {op: "key", key: fyne.KeyTab, mods: fyne.KeyModifierShift},
	{op: "key", key: fyne.KeyBackspace}, {op: "key", key: fyne.KeyDelete},
	{op: "key", key: fyne.KeySlash, char: '/'},
	{op: "key", key: fyne.KeyEqual, mods: fyne.KeyModifierShift, char: '+'},
	{op: "key", key: fyne.KeyEqual, char: '='},
	{op: "key", key: fyne.KeyMinus, char: '-'},
	{op: "key", key: fyne.Key0, char: '0'},
	{op: "key", key: fyne.KeyA, char: 'a'},
	{op: "key", key: fyne.KeyF2},
}

// ctrlKeys are the shortcuts, the app's and the entry's; textKeys change
// the text size (which redraws everything: a quarter of a second each).
var (
	ctrlKeys = []mAction{
		ctrlAction(fyne.KeyF, 0), ctrlAction(fyne.KeyE, 0), ctrlAction(fyne.KeyO, 0),
		ctrlAction(fyne.KeyA, 0), ctrlAction(fyne.KeyC, 0), ctrlAction(fyne.KeyV, 0), ctrlAction(fyne.KeyX, 0),
		ctrlAction(fyne.KeyZ, 0), ctrlAction(fyne.KeyY, 0), ctrlAction(fyne.KeyF, 0),
	}
	textKeys = []mAction{
		ctrlAction(fyne.KeyEqual, 0), ctrlAction(fyne.KeyEqual, fyne.KeyModifierShift), ctrlAction(fyne.KeyPlus, 0),
		ctrlAction(fyne.KeyMinus, 0), ctrlAction(fyne.Key0, 0),
	}
)

func ctrlAction(k fyne.KeyName, more fyne.KeyModifier) mAction {
	return mAction{op: "key", key: k, mods: fyne.KeyModifierControl | more}
}

func (g *generator) key() mAction { return monkeyKeys[g.c.intn(len(monkeyKeys))] }

// ctrlKey is a shortcut: Ctrl+Q rarely, the text size keys now and then.
func (g *generator) ctrlKey() []mAction {
	switch g.c.intn(60) {
	case 0:
		return one(ctrlAction(fyne.KeyQ, 0))
	case 1, 2:
		return g.textScaleToEnd()
	}
	if g.c.intn(4) == 0 {
		return one(textKeys[g.c.intn(len(textKeys))])
	}
	return one(ctrlKeys[g.c.intn(len(ctrlKeys))])
}

// textScaleToEnd presses Ctrl+Plus or Ctrl+Minus until the text is at its
// largest or smallest.
func (g *generator) textScaleToEnd() []mAction {
	k := ctrlAction(fyne.KeyEqual, fyne.KeyModifierShift)
	if g.c.intn(2) == 0 {
		k = ctrlAction(fyne.KeyMinus, 0)
	}
	out := make([]mAction, len(textScales))
	for i := range out {
		out[i] = k
	}
	return out
}

var monkeyWords = []string{
	"letter", "hanoi", "summit", "kim", "trump", "dmz", "2019", "june 2019", "2018-06", "6/30/2019",
	"birthday", "nice", "stockholm", "singapore", "beautiful", "rage", "woodward", "meeting", "talks",
	"letter 2019", "kim trump", "1999", "-44", "x", "a", "e", "  ", "zzzzqqq", "sep 2020", "2020-13",
}

var oddTexts = []string{
	"김정은 위원장 친서", "트럼프", "رسالة من كيم إلى ترامب", "שלום", "金正恩", "Пхеньян",
	"💌🚀🇰🇵👨‍👩‍👧‍👦", "e\u0301e\u0301e\u0301", "Z\u0337\u031b\u031c\u0351a\u0335l\u0338g\u0336o\u0337",
	"\u202eevil\u202c", "a\u200bb\u200dc", "\ufeffbom", "\ufffd\ufffd", "ﷺ", "𝕳𝖆𝖓𝖔𝖎", "ǅ", "ß", "İ", "ﬃ",
	"x\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030f",
}

var controlTexts = []string{"\x00", "\t", "\n", "\r\n", "\x1b", "\x7f", "\x08", "a\x00b", "line1\nline2"}

// text is something to type: usually a word the data holds, sometimes odd
// text, now and then a long run of it (up to 500 characters: typing that
// is slow, as Fyne's entry measures its whole text at every keystroke).
func (g *generator) text(s *session) string {
	c := g.c
	switch c.intn(12) {
	case 0, 1, 2, 3:
		tl := s.u.tl
		if len(tl.Events) > 0 {
			words := strings.Fields(tl.Events[c.intn(len(tl.Events))].Title)
			if len(words) > 0 {
				w := []rune(words[c.intn(len(words))])
				return string(w[:1+c.intn(min(len(w), 30))])
			}
		}
		return "x"
	case 4, 5, 6, 7:
		return monkeyWords[c.intn(len(monkeyWords))]
	case 8, 9:
		return oddTexts[c.intn(len(oddTexts))]
	case 10:
		return g.longText(c.intn(60) + 1)
	default:
		if c.intn(12) == 0 {
			return g.longText(c.intn(500) + 1)
		}
		return g.longText(c.intn(30) + 1)
	}
}

// longText is n runes of mixed scripts, spaces and marks.
func (g *generator) longText(n int) string {
	pieces := append(append([]string{" ", "a", "letter ", "2019 "}, oddTexts...), monkeyWords...)
	var b strings.Builder
	for k := 0; k < n; {
		p := pieces[g.c.intn(len(pieces))]
		if g.c.intn(4) == 0 {
			p = strings.Repeat(p, 1+g.c.intn(20))
		}
		b.WriteString(p)
		k += len([]rune(p))
	}
	rs := []rune(b.String())
	return string(rs[:min(n, len(rs))])
}

// hostileText is text to paste: control characters among the rest, now
// and then up to 500 characters long.
func (g *generator) hostileText() string {
	var b strings.Builder
	if g.c.intn(4) == 0 {
		b.WriteString(g.longText(1 + g.c.intn(500)))
	}
	for range 1 + g.c.intn(4) {
		if g.c.intn(2) == 0 {
			b.WriteString(controlTexts[g.c.intn(len(controlTexts))])
		} else {
			b.WriteString(g.longText(1 + g.c.intn(40)))
		}
	}
	return b.String()
}

// targetWeight is how often the monkey aims at an object of this type:
// mostly at the timeline, the results and the toggles.
func targetWeight(o fyne.CanvasObject) int {
	switch o.(type) {
	case *widgets.Timeline:
		return 12
	}
	switch fmt.Sprintf("%T", o) {
	case "*widget.listItem", "*widget.Check", "*app.navCheck":
		return 4
	case "*widget.Button", "*app.navButton", "*widget.Hyperlink", "*widgets.KeyButton", "*widgets.KeyLink", "*widgets.SearchEntry":
		return 3
	}
	return 1
}

// targets are the visible objects that match, with a non-empty area.
func targets(s *session, match func(fyne.CanvasObject) bool) []visible {
	var out []visible
	for _, v := range visibleObjects(s.w.Canvas()) {
		if !match(v.obj) {
			continue
		}
		if _, size := v.area(); size.Width >= 1 && size.Height >= 1 {
			out = append(out, v)
		}
	}
	return out
}

// pointIn is a point inside v's visible area.
func (g *generator) pointIn(v visible) (int, int) {
	pos, size := v.area()
	return int(pos.X) + g.c.intn(int(size.Width)), int(pos.Y) + g.c.intn(int(size.Height))
}

func (g *generator) pickTarget(ts []visible) visible {
	total := 0
	for _, t := range ts {
		total += targetWeight(t.obj)
	}
	k := g.c.intn(total)
	for _, t := range ts {
		if k < targetWeight(t.obj) {
			return t
		}
		k -= targetWeight(t.obj)
	}
	return ts[len(ts)-1]
}

// clickSomething clicks a point on something that reacts to clicks.
func (g *generator) clickSomething(s *session, op string) []mAction {
	ts := targets(s, isClickable)
	if len(ts) == 0 {
		return one(g.at(s, op))
	}
	x, y := g.pointIn(g.pickTarget(ts))
	return one(mAction{op: op, x: x, y: y})
}

// at is op at any point of the window.
func (g *generator) at(s *session, op string) mAction {
	size := s.w.Canvas().Size()
	return mAction{op: op, x: g.c.intn(int(size.Width) + 1), y: g.c.intn(int(size.Height) + 1)}
}

var dragDistances = []int{-2000, -400, -120, -30, -5, 0, 5, 30, 120, 400, 2000}

// pointOn is op at a point of something match accepts, if anything is
// on screen, else anywhere.
func (g *generator) pointOn(s *session, op string, match func(fyne.CanvasObject) bool) mAction {
	a := g.at(s, op)
	if ts := targets(s, match); len(ts) > 0 {
		a.x, a.y = g.pointIn(g.pickTarget(ts))
	}
	return a
}

func (g *generator) drag(s *session) []mAction {
	a := g.pointOn(s, "drag", func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Draggable); return ok })
	a.dx = dragDistances[g.c.intn(len(dragDistances))]
	a.dy = dragDistances[g.c.intn(len(dragDistances))] / 4
	return one(a)
}

var wheelSteps = []int{-500, -60, -20, -10, -2, 0, 2, 10, 20, 60, 500}

func (g *generator) scroll(s *session) []mAction {
	a := g.pointOn(s, "scroll", func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Scrollable); return ok })
	a.dy = wheelSteps[g.c.intn(len(wheelSteps))]
	if g.c.intn(3) == 0 {
		a.dx = wheelSteps[g.c.intn(len(wheelSteps))]
	}
	switch g.c.intn(4) {
	case 0:
		a.mods = fyne.KeyModifierControl
	case 1:
		a.mods = fyne.KeyModifierShift
	}
	return one(a)
}

var windowSizes = [][2]int{{200, 150}, {200, 150}, {2560, 1600}, {1280, 800}, {800, 600}, {1024, 768}, {360, 640}, {1920, 1080}, {640, 360}, {300, 900}}

func (g *generator) resize() mAction {
	if g.c.intn(2) == 0 {
		s := windowSizes[g.c.intn(len(windowSizes))]
		return mAction{op: "resize", x: s[0], y: s[1]}
	}
	return mAction{op: "resize", x: 200 + g.c.intn(2361), y: 150 + g.c.intn(1451)}
}

var (
	menuPaths = []string{
		"File > Open…", "File > Reopen the built-in timeline", "File > Export as TimelineJS…", "File > Export image…",
		"View > Presentation mode", "View > Zoom in", "View > Zoom out", "View > Fit the whole story",
		"Go > Previous event", "Go > Next event", "Go > First event", "Go > Last event", "Go > Search",
		"Go > Clear the search", "Help > Keyboard shortcuts", "Help > About",
	}
	lookPaths = []string{
		"View > System theme", "View > Light theme", "View > Dark theme", "View > High contrast theme",
		"View > Bigger text", "View > Smaller text", "View > Actual text size",
	}
)

// menu is a main-menu item; changing the look is rarer, being slow.
func (g *generator) menu(s *session) mAction {
	switch r := s.u.Recent(); {
	case len(r) > 0 && g.c.intn(8) == 0:
		return mAction{op: "menu", text: "File > Open recent > " + r[g.c.intn(len(r))]}
	case g.c.intn(80) == 0:
		return mAction{op: "menu", text: "File > Quit"}
	case g.c.intn(4) == 0:
		return mAction{op: "menu", text: lookPaths[g.c.intn(len(lookPaths))]}
	}
	return mAction{op: "menu", text: menuPaths[g.c.intn(len(menuPaths))]}
}

func (g *generator) openData() []mAction {
	if len(g.datasets) == 0 {
		return one(mAction{op: "menu", text: "File > Reopen the built-in timeline"})
	}
	return one(g.datasets[g.c.intn(len(g.datasets))])
}

// inOverlay acts on the dialog or pop-up menu on top: mostly its buttons.
func (g *generator) inOverlay(s *session) []mAction {
	c := g.c
	return pick(c, []weighted{
		{5, func() []mAction {
			ts := targets(s, func(o fyne.CanvasObject) bool {
				t := fmt.Sprintf("%T", o)
				return t == "*widget.Button" || t == "*app.navButton" || t == "*widget.menuItem"
			})
			if len(ts) == 0 {
				return g.clickSomething(s, "click")
			}
			x, y := g.pointIn(ts[c.intn(len(ts))])
			return one(mAction{op: "click", x: x, y: y})
		}},
		{4, func() []mAction { return g.clickSomething(s, "click") }},
		{2, func() []mAction { return one(mAction{op: "key", key: fyne.KeyEscape}) }},
		{1, func() []mAction { return one(mAction{op: "key", key: fyne.KeyReturn}) }},
		{2, func() []mAction { return one(mAction{op: "type", text: g.text(s)}) }},
		{1, func() []mAction { return one(g.key()) }},
		{1, func() []mAction { return one(g.resize()) }},
		{1, func() []mAction { return g.scroll(s) }},
	})
}
