package widgets

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The cards' text can be selected with the mouse, as a desktop's labels
// can: press and drag to select, double-click for a word, right-click for
// Copy and Select all. There is one selection in the whole app, as on a
// desktop: selecting in one text drops the selection of the one before.
// The app's Edit > Copy (Ctrl+C) copies it (SelectedText); with nothing
// selected it copies the whole event with its citation. A selection stays
// within one text (a field of the card, a quote); a new text in that
// field (another event) drops it.
//
// The text takes no keyboard focus, so the keys stay the app's: the
// arrows still step through events while text is selected.

var (
	_ fyne.Draggable         = (*wrapText)(nil)
	_ fyne.DoubleTappable    = (*wrapText)(nil)
	_ fyne.SecondaryTappable = (*wrapText)(nil)
	_ desktop.Mouseable      = (*wrapText)(nil)
	_ desktop.Cursorable     = (*wrapText)(nil)
)

// selection is the one selection of text, between byte offsets anchor
// (where it began) and caret (where the pointer is) of owner's text,
// which was text then. Used on the UI goroutine only, as widgets are.
var selection textSelection

type textSelection struct {
	owner         *wrapText
	anchor, caret int
	text          string
	dragging      bool
}

// selectedIn is the text selected in a wrapText that card shows in box,
// "" when there is none: the card's SelectedText, which Edit > Copy
// copies rather than the whole event.
func selectedIn(card, box fyne.CanvasObject) string {
	o := selection.owner
	if o == nil || !card.Visible() {
		return ""
	}
	in := false
	walkTexts(box, func(t *wrapText) { in = in || t == o })
	if !in {
		return ""
	}
	return selection.selected()
}

// selected is the text selected.
func (s *textSelection) selected() string {
	a, b := s.bounds()
	return s.text[a:b]
}

// ClearSelection drops the selection, if any.
func ClearSelection() { setSelection(nil, 0, 0) }

// bounds are the selection's start and end, in order.
func (s *textSelection) bounds() (int, int) {
	return min(s.anchor, s.caret), max(s.anchor, s.caret)
}

// setSelection selects from anchor to caret in t's text (nil t: none) and
// redraws the texts whose highlight changes.
func setSelection(t *wrapText, anchor, caret int) {
	old := selection.owner
	if t != nil && t == old && anchor == selection.anchor && caret == selection.caret {
		return
	}
	selection.owner, selection.anchor, selection.caret = t, anchor, caret
	selection.dragging = false
	if t != nil {
		selection.text = t.String()
	} else {
		selection.text = ""
	}
	if old != nil && old != t {
		old.refreshSelection()
	}
	if t != nil {
		t.refreshSelection()
	}
}

// Cursor is the text cursor: the text can be selected.
func (t *wrapText) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown starts a selection where the primary button was pressed (an
// empty one until the pointer is dragged).
func (t *wrapText) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	at := t.offsetAt(e.Position)
	setSelection(t, at, at)
	selection.dragging = true
}

// MouseUp ends nothing: the selection stays until another begins.
func (t *wrapText) MouseUp(*desktop.MouseEvent) {}

// Dragged moves the selection's end to the pointer. A drag that did not
// begin with MouseDown here (Fyne's test driver sends none) begins where
// the pointer was before this move.
func (t *wrapText) Dragged(e *fyne.DragEvent) {
	if selection.owner != t || !selection.dragging {
		from := t.offsetAt(e.Position.Subtract(e.Dragged))
		setSelection(t, from, from)
		selection.dragging = true
	}
	caret := t.offsetAt(e.Position)
	if caret != selection.caret {
		selection.caret = caret
		t.refreshSelection()
	}
}

// DragEnd ends the drag; the selection stays.
func (t *wrapText) DragEnd() { selection.dragging = false }

// DoubleTapped selects the word under the pointer.
func (t *wrapText) DoubleTapped(e *fyne.PointEvent) {
	s := t.String()
	at := t.offsetAt(e.Position)
	a, b := at, at
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:a])
		if !wordRune(r) {
			break
		}
		a -= n
	}
	for b < len(s) {
		r, n := utf8.DecodeRuneInString(s[b:])
		if !wordRune(r) {
			break
		}
		b += n
	}
	setSelection(t, a, b)
}

// wordRune reports whether r is part of a word for a double click: letters,
// digits and the apostrophes inside words such as "Kim's".
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// TappedSecondary offers Copy (the selection) and Select all (this text),
// unless its card's menu is off.
func (t *wrapText) TappedSecondary(e *fyne.PointEvent) {
	if t.noMenu != nil && *t.noMenu {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		widget.ShowPopUpMenuAtPosition(t.contextMenu(), c, e.AbsolutePosition)
	}
}

// contextMenu is the menu of a right click: Copy the selection (off with
// none here) and Select all of this text.
func (t *wrapText) contextMenu() *fyne.Menu {
	cp := fyne.NewMenuItem("Copy", func() {
		if selection.owner == t {
			fyne.CurrentApp().Clipboard().SetContent(selection.selected())
		}
	})
	cp.Disabled = selection.owner != t || selection.anchor == selection.caret
	all := fyne.NewMenuItem("Select all", func() { setSelection(t, 0, len(t.String())) })
	return fyne.NewMenu("", cp, all)
}

// refreshSelection draws t's highlight again, when it has a renderer.
func (t *wrapText) refreshSelection() {
	if r := t.r; r != nil {
		r.highlight()
		canvas.Refresh(t)
	}
}

// offsetAt is the byte offset of the character boundary of t's text
// nearest to pos: before the first row, the start; after the last, the
// end; beside a row, its first or last character.
func (t *wrapText) offsetAt(pos fyne.Position) int {
	r := t.r
	if r == nil || len(r.pieces) == 0 {
		return 0
	}
	x, y := pos.X-r.pad, pos.Y-r.pad
	// the row: the last whose top is at or above y
	row := r.pieces[0].y
	for _, p := range r.pieces {
		if p.y > y {
			break
		}
		row = p.y
	}
	var last *wrapPiece
	for i := range r.pieces {
		p := &r.pieces[i]
		if p.y != row {
			if p.y > row {
				break
			}
			continue
		}
		if x < p.x {
			return p.off
		}
		if x <= p.x+p.w {
			return p.off + r.nearestBoundary(p, x-p.x)
		}
		last = p
	}
	if last == nil {
		return 0
	}
	return last.off + len(last.text)
}

// nearestBoundary is the byte offset in p's text of the character
// boundary nearest to x from its start: the end of the longest prefix no
// wider than x (fitText), or the next boundary when x is nearer to it.
func (r *wrapTextRenderer) nearestBoundary(p *wrapPiece, x float32) int {
	n := fitText(p.text, r.sizes[p.seg], r.t.segs[p.seg].Style.TextStyle, x)
	if n == len(p.text) {
		return n
	}
	_, size := utf8.DecodeRuneInString(p.text[n:])
	if r.prefixWidth(p, n+size)-x < x-r.prefixWidth(p, n) {
		return n + size
	}
	return n
}

// prefixWidth is how wide the first n bytes of p's text are drawn.
func (r *wrapTextRenderer) prefixWidth(p *wrapPiece, n int) float32 {
	switch n {
	case 0:
		return 0
	case len(p.text):
		return p.w
	}
	s := r.t.segs[p.seg]
	return probeWidth(p.text[:n], r.sizes[p.seg], s.Style.TextStyle)
}

// highlight lays out the selection's rectangles, behind the text.
func (r *wrapTextRenderer) highlight() {
	n := 0
	if selection.owner == r.t && selection.anchor != selection.caret {
		a, b := selection.bounds()
		col := r.t.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
		for i := range r.pieces {
			p := &r.pieces[i]
			from, to := max(a, p.off)-p.off, min(b, p.off+len(p.text))-p.off
			if from >= to {
				continue
			}
			if n == len(r.marks) {
				r.marks = append(r.marks, canvas.NewRectangle(nil))
			}
			m := r.marks[n]
			n++
			x1, x2 := r.prefixWidth(p, from), r.prefixWidth(p, to)
			m.FillColor = col
			m.Move(fyne.NewPos(r.pad+p.x+x1, r.pad+p.y))
			m.Resize(fyne.NewSize(x2-x1, r.heights[p.seg]))
			m.Show()
		}
	}
	for _, m := range r.marks[n:] {
		m.Hide()
	}
	r.objects = r.objects[:0]
	for _, m := range r.marks[:n] {
		r.objects = append(r.objects, m)
	}
	for _, t := range r.texts {
		r.objects = append(r.objects, t)
	}
}
