package widgets

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
	"trumpkim/widgets/lanes"
)

// longLabels is testdata/long_labels.json: 25 events over a century, whose
// headlines run from "Treaty" to 300 characters (event 12; the data keeps
// the first 200 or so, with a note), with two eras, one with a long title.
// TimelineJS headlines are the events' labels.
func longLabels(t testing.TB) *data.Timeline {
	t.Helper()
	tl, _, err := data.LoadFile("testdata/long_labels.json")
	if err != nil {
		t.Fatalf("testdata/long_labels.json: %v", err)
	}
	return tl
}

// A chip must stay inside the story's edges: at fit-all inside the
// timeline, and after panning to either end inside the view there. A chip
// near the right edge flipped its label to the left of its marker even when
// that took it past the left edge ("ummit" for "Summit"), and a long label
// ran off the right edge.
func TestTimelineChipsStayInsideTheStory(t *testing.T) {
	for _, tl := range []*data.Timeline{defaultData(t), longLabels(t)} {
		for w := float32(300); w <= 1300; w += 50 {
			t.Run(fmt.Sprintf("%s/%v", tl.Title, w), func(t *testing.T) {
				tw, _ := showTimeline(t, tl, w, 330)
				inside := func(when string, left, right bool) {
					t.Helper()
					for _, c := range shownChips(tw) {
						if left && c.box.x0 < -0.5 || right && c.box.x1 > w+0.5 {
							t.Errorf("%s: %q %q drawn at %v, outside 0–%v", when, c.date, c.label, c.box, w)
						}
					}
					r := rendererOf(tw)
					for _, tk := range r.ticks {
						if !tk.label.Visible() {
							continue
						}
						// the timeline clips what lies outside it: a label
						// across its edge is cut ("000" for "2000")
						b := objRect(tk.label)
						x0, x1 := b.x0+r.content.Position().X, b.x1+r.content.Position().X
						if left && x0 < -0.5 && x1 > 0 || right && x0 < w && x1 > w+0.5 {
							t.Errorf("%s: tick label %q drawn at %v–%v, across the edge of 0–%v", when, tk.label.Text, x0, x1, w)
						}
					}
				}
				inside("fit all", true, true)
				tw.SetSelected(len(tl.Events) - 1)
				tw.stopAnimation()
				tw.FitAll()
				inside("fit all, last selected", true, true)
				tw.ZoomIn()
				tw.ZoomIn()
				tw.Pan(-100)
				inside("zoomed in, at the start", true, false)
				tw.Pan(100)
				inside("zoomed in, at the end", false, true)
			})
		}
	}
}

// A long label is cut with "…" to at most lanes.MaxLabelEms of the theme's text
// size (less in a narrow timeline), at a character boundary; the tooltip
// keeps to the timeline too.
func TestTimelineCutsLongLabels(t *testing.T) {
	tl := longLabels(t)
	long := tl.Events[12].ShortLabel()
	if n := utf8.RuneCountInString(long); n < 150 {
		t.Fatalf("event 12's label has %d characters, want the long one", n)
	}
	for _, w := range []float32{1200, 700, 400} {
		tw, _ := showTimeline(t, tl, w, 400)
		size := tw.lay.M.TextSize
		found := false
		for _, c := range shownChips(tw) {
			lw := fyne.MeasureText(c.label, size, fyne.TextStyle{Bold: c.bold}).Width
			if lw > lanes.MaxLabelEms*size+0.5 || lw > w*lanes.MaxLabelShare+0.5 {
				t.Errorf("width %v: label %q is %v wide", w, c.label, lw)
			}
			if cut, ok := strings.CutSuffix(c.label, "…"); ok && strings.HasPrefix(long, cut) {
				found = true
				if !utf8.ValidString(cut) || cut == "" {
					t.Errorf("width %v: the long label is cut to %q", w, c.label)
				}
			}
		}
		if !found {
			t.Errorf("width %v: the long label is not shown cut", w)
		}

		// the tooltip of the long event stays inside the timeline
		it := chipOf(t, tw, 12)
		p := chipCentre(tw, it)
		tw.pointerIn, tw.pointer = true, p
		r := rendererOf(tw)
		r.layoutTooltip()
		if !r.tipTitle.Visible() {
			t.Fatalf("width %v: no tooltip over the long event", w)
		}
		if x1 := r.tipBg.Position().X + r.tipBg.Size().Width; r.tipBg.Position().X < 0 || x1 > w+0.5 {
			t.Errorf("width %v: tooltip drawn from %v to %v", w, r.tipBg.Position().X, x1)
		}
		if tw := fyne.MeasureText(r.tipTitle.Text, r.tipTitle.TextSize, r.tipTitle.TextStyle).Width; tw > r.tipTitle.Size().Width+0.5 {
			t.Errorf("width %v: the tooltip's title %q is %v wide, in a box of %v", w, r.tipTitle.Text, tw, r.tipTitle.Size().Width)
		}
	}
}

// Cut labels are made once: panning over them, far enough to lay the
// events out again, allocates nothing.
func TestTimelinePanOverCutLabelsAllocatesNothing(t *testing.T) {
	tw, _ := showTimeline(t, longLabels(t), 700, 330)
	tw.ZoomIn()
	pan := func() {
		tw.Pan(0.6)
		tw.Pan(-0.6)
	}
	for range 5 {
		pan() // warm up: the labels of every region are cut once
	}
	if n := testing.AllocsPerRun(20, pan); n > 0 {
		t.Errorf("a pan that lays out again allocates %v times", n)
	}
}

// Shorter than it asks to be (a window on a smaller screen), the timeline
// still draws nothing outside itself and no era title over a chip: it
// gives up the era strip, then spacing, then outer lanes.
func TestTimelineShorterThanItsMinSize(t *testing.T) {
	for _, tl := range []*data.Timeline{defaultData(t), longLabels(t)} {
		min := NewTimeline(tl).MinSize().Height
		for h := min; h >= 30; h -= 8 {
			t.Run(fmt.Sprintf("%s/%v", tl.Title, h), func(t *testing.T) {
				tw, _ := showTimeline(t, tl, 600, h)
				assertNoOverlap(t, tw)
				for _, c := range shownChips(tw) {
					if c.box.y0 < -0.5 || c.box.y1 > h+0.5 {
						t.Errorf("%q drawn at %v, outside the height %v", c.label, c.box, h)
					}
				}
			})
		}
	}
}

// A presentation's timeline takes a text size from the window's size, so
// that it can see many: the widths it measured at each were all kept.
func TestTimelineKeepsTheWidthsOfOneTextSize(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	n := len(tw.texts.widths)
	for k := range 50 {
		fyne.CurrentApp().Settings().SetTheme(scaledTheme{theme.DefaultTheme(), 1 + float32(k)/50})
		tw.Refresh()
	}
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	tw.Refresh()
	if got := len(tw.texts.widths); got > 2*n {
		t.Errorf("after 50 text sizes the timeline keeps %d widths, %d at one size", got, n)
	}
}
