package widgets

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// shownArrow is a letter's arrow as drawn: where its curve starts and
// where its head is, in the window.
type shownArrow struct {
	start, end fyne.Position
}

// shownArrows reads the visible arrows back from the renderer's lines, by
// event, the hovered letter's included.
func shownArrows(tw *Timeline) map[int]shownArrow {
	r := rendererOf(tw)
	off := r.content.Position()
	out := map[int]shownArrow{}
	for _, a := range append(append([]arrowObjects{}, r.arrows...), r.hoverArrow) {
		if a.ev < 0 || !a.lines[0].Visible() {
			continue
		}
		s, e := a.lines[0].Position1, a.lines[arrowSegments-1].Position2
		out[int(a.ev)] = shownArrow{s.Add(off), e.Add(off)}
	}
	return out
}

// crossesAxis reports whether e is a letter or message from a person on
// one side to a person on the other, and the sender's side.
func crossesAxis(tl *data.Timeline, e *data.Event) (data.Side, bool) {
	if e.Kind != data.KindLetter && e.Kind != data.KindMessage {
		return 0, false
	}
	from, ok1 := tl.Person(e.From)
	to, ok2 := tl.Person(e.To)
	if !ok1 || !ok2 {
		return 0, false
	}
	fs, ts := data.ParseSide(from.Side), data.ParseSide(to.Side)
	return fs, fs != data.SideAxis && ts != data.SideAxis && fs != ts
}

func TestTimelineLettersCrossTheAxis(t *testing.T) {
	tl := defaultData(t)
	for _, size := range []fyne.Size{{Width: 900, Height: 330}, {Width: 1280, Height: 800}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, size.Width, size.Height)
			arrows := shownArrows(tw)
			axis := tw.lay.TickTop // the axis line
			letters := 0
			for i := range tl.Events {
				e := &tl.Events[i]
				side, crosses := crossesAxis(tl, e)
				a, shown := arrows[i]
				if !crosses {
					if shown {
						t.Errorf("%s (%s) has an arrow", e.ID, e.Kind)
					}
					continue
				}
				letters++
				if !shown {
					t.Errorf("%s (%s, %s to %s) has no arrow", e.ID, e.Kind, e.From, e.To)
					continue
				}
				// from the sender's side of the axis line to the recipient's
				if side == data.SideAbove && !(a.start.Y < axis && a.end.Y > axis) ||
					side == data.SideBelow && !(a.start.Y > axis && a.end.Y < axis) {
					t.Errorf("%s, sent from %v: arrow from y %v to y %v, axis at %v", e.ID, side, a.start.Y, a.end.Y, axis)
				}
				// at its marker
				if x := chipCentre(tw, chipOf(t, tw, i)).X; a.start.X != x || a.end.X != x {
					t.Errorf("%s: arrow from x %v to %v, its marker at %v", e.ID, a.start.X, a.end.X, x)
				}
			}
			if letters < 10 || len(arrows) != letters {
				t.Errorf("%d arrows for %d letters and messages crossing the axis", len(arrows), letters)
			}
		})
	}
}

func TestTimelineArrowsLook(t *testing.T) {
	tl := defaultData(t)
	_, win := showTimeline(t, tl, 1280, 800)
	test.AssertImageMatches(t, "timeline_arrows_1280x800.png", win.Canvas().Capture())
}

func TestTimelineImportedWithoutPeopleHasNoArrows(t *testing.T) {
	tl := loadFile(t, "testdata/groups.json")
	if len(tl.People) != 0 {
		t.Fatalf("groups.json has people %v", tl.People)
	}
	tw, _ := showTimeline(t, tl, 900, 330)
	if a := shownArrows(tw); len(a) != 0 {
		t.Errorf("%d arrows drawn for a timeline without people", len(a))
	}
}

// In a crowd, arrows give way to the markers: no two closer than half a
// marker, never more than lanes.MaxArrows, and the selected and hovered
// letters still show theirs.
func TestTimelineArrowsGiveWayInACrowd(t *testing.T) {
	tl := data.Synthetic(10000, 1)
	tw, _ := showTimeline(t, tl, 900, 330)
	check := func(when string) {
		t.Helper()
		arrows := shownArrows(tw)
		if len(arrows) > lanes.MaxArrows+1 { // the hovered one may be extra
			t.Errorf("%s: %d arrows drawn, at most %d", when, len(arrows), lanes.MaxArrows)
		}
	}
	check("fit all")
	candidates := func() []int {
		var out []int
		for _, it := range tw.lay.Items {
			if it.Count <= 1 {
				if _, ok := crossesAxis(tl, &tl.Events[it.Ev]); ok {
					out = append(out, int(it.Ev))
				}
			}
		}
		return out
	}
	shown := candidates()
	if len(shown) <= len(shownArrows(tw)) {
		t.Fatalf("%d letters shown, %d arrows: nothing gave way", len(shown), len(shownArrows(tw)))
	}

	// zoomed in, the arrows drawn are apart
	for range 6 {
		tw.ZoomIn()
	}
	check("zoomed in")
	r := rendererOf(tw)
	for n := 1; n < len(r.arrows) && r.arrows[n].ev >= 0; n++ {
		a, b := r.arrows[n-1].lines[0].Position1.X, r.arrows[n].lines[0].Position1.X
		if b-a < tw.lay.M.Marker/2 {
			t.Errorf("arrows of events %d and %d %v px apart", r.arrows[n-1].ev, r.arrows[n].ev, b-a)
		}
	}

	// back in the crowd, the selected letter and the hovered one show theirs
	tw.FitAll()
	var gaveWay []int
	arrows := shownArrows(tw)
	for _, i := range candidates() {
		if _, ok := arrows[i]; !ok {
			gaveWay = append(gaveWay, i)
		}
	}
	if len(gaveWay) < 2 {
		t.Fatalf("%d letters without an arrow at fit-all", len(gaveWay))
	}
	sel := gaveWay[0]
	tw.SetSelected(sel)
	if _, ok := shownArrows(tw)[sel]; !ok {
		t.Errorf("the selected letter %d has no arrow", sel)
	}
	for _, i := range gaveWay[1:] {
		if i == sel {
			continue
		}
		var it *lanes.Item
		for n := range tw.lay.Items {
			if x := &tw.lay.Items[n]; int(x.Ev) == i && x.Count == 0 {
				it = x
			}
		}
		if it == nil {
			continue // a lone marker: too small a target to aim at here
		}
		if _, ok := shownArrows(tw)[i]; ok {
			continue // no longer crowded with the selection's chip bold
		}
		p := chipCentre(tw, *it)
		if p.X < 0 || p.X > tw.Size().Width {
			continue
		}
		tw.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
		if _, ok := shownArrows(tw)[i]; !ok {
			t.Errorf("the hovered letter %d has no arrow", i)
		}
		tw.MouseOut()
		if _, ok := shownArrows(tw)[i]; ok {
			t.Errorf("letter %d keeps its arrow after the pointer left", i)
		}
		return
	}
	t.Error("no crowded letter's chip to hover")
}

func TestTimelineSelectionLinksRelatedEvents(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 1280, 800)
	links := func() [][2]fyne.Position {
		r := rendererOf(tw)
		off := r.content.Position()
		var out [][2]fyne.Position
		for _, ln := range r.links {
			if ln.Visible() {
				out = append(out, [2]fyne.Position{ln.Position1.Add(off), ln.Position2.Add(off)})
			}
		}
		return out
	}
	if l := links(); len(l) != 0 {
		t.Errorf("%d links with nothing selected", len(l))
	}
	for _, pair := range [][2]string{
		{"nice-note-claim", "nice-note-denial"},
		{"nice-note-denial", "nice-note-claim"},
		{"dmz-invitation", "dmz-meeting"},
		{"dmz-meeting", "dmz-invitation"},
	} {
		a, b := tl.Index(pair[0]), tl.Index(pair[1])
		tw.SetSelected(a)
		got := links()
		want := [2]fyne.Position{chipCentre(tw, chipOf(t, tw, a)), chipCentre(tw, chipOf(t, tw, b))}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s selected: links %v, want one %v", pair[0], got, want)
		}
	}
	tw.SetSelected(tl.Index("hanoi-summit"))
	if l := links(); len(l) != 0 {
		t.Errorf("%d links with the Hanoi summit selected", len(l))
	}
}

func TestTimelineMarksDisputedEvents(t *testing.T) {
	tl := defaultData(t)
	want := map[string]bool{
		"nice-note-claim":  true, // disputed by the denial
		"nice-note-denial": true, // disputes the claim
		"birthday-message": true, // accounts of its delivery differ
	}
	tw, _ := showTimeline(t, tl, 1280, 800)
	r := rendererOf(tw)
	for i := range tl.Events {
		id := tl.Events[i].ID
		it := chipOf(t, tw, i)
		var c *chipObjects
		for n := range tw.lay.Items {
			if tw.lay.Items[n] == it {
				c = &r.chips[n]
			}
		}
		if c == nil {
			t.Fatalf("%s has no chip objects", id)
		}
		if c.mark.Visible() != want[id] {
			t.Errorf("%s: disputed mark shown %v, want %v", id, c.mark.Visible(), want[id])
			continue
		}
		if !want[id] {
			continue
		}
		mc := c.mark.Position().Add(fyne.NewPos(c.mark.Size().Width/2, c.mark.Size().Height/2))
		if p := chipCentre(tw, it).Add(fyne.NewPos(tw.lay.Shift, 0)); mc != p {
			t.Errorf("%s: mark centred at %v, marker at %v", id, mc, p)
		}
	}
}

// TestTimelineDimsDisputeRings checks that a disputed event a search leaves
// out has its ring drawn quietly, as its marker is, and one it finds in
// the theme's error colour.
func TestTimelineDimsDisputeRings(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 1280, 800)
	r := rendererOf(tw)
	claim, denial := tl.Index("nice-note-claim"), tl.Index("nice-note-denial")
	match := make([]bool, len(tl.Events))
	match[denial] = true
	tw.SetDimmed(match)
	ring := func(i int) color.Color {
		it := chipOf(t, tw, i)
		for n := range tw.lay.Items {
			if tw.lay.Items[n] == it {
				return r.chips[n].mark.StrokeColor
			}
		}
		t.Fatalf("event %d has no chip objects", i)
		return nil
	}
	if got := ring(claim); got != r.colors.errDim {
		t.Errorf("the claim, dimmed: ring %v, want the quiet %v", got, r.colors.errDim)
	}
	if got := ring(denial); got != r.colors.err {
		t.Errorf("the denial, found: ring %v, want %v", got, r.colors.err)
	}
}
