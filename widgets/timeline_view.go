package widgets

import (
	"time"

	"trumpkim/widgets/lanes"
)

// ShowRange shows [from, to) at once, without animation, clamped as a pan
// or a zoom is: the span between a day and the fit-all view, the view
// inside the fit-all view. It calls OnViewChanged when the view changes.
func (t *Timeline) ShowRange(from, to time.Time) {
	f, e := lanes.Days(from), lanes.Days(to)
	if !(e > f) {
		return
	}
	t.stopAnimation()
	oldFrom, oldTo := t.viewFrom, t.viewTo
	span := t.clampSpan(e - f)
	mid := (f + e) / 2
	t.viewFrom, t.viewTo = mid-span/2, mid+span/2
	t.viewFrom, t.viewTo = t.clamped(t.viewFrom, t.viewTo)
	lo, hi := t.fullSpan()
	t.fitted = t.viewFrom == lo && t.viewTo == hi
	if t.viewFrom != oldFrom || t.viewTo != oldTo {
		t.viewChanged()
	}
}
