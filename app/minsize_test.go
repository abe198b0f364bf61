package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"trumpkim/data"
)

// contentMinBound is the most the window's content (what the window
// scrolls when the screen is smaller) may ask for at each text scale,
// whatever the data and the query: at 1x it fits an 800x600 screen, at
// 2.5x a 1280x800 one.
var contentMinBound = map[float32]fyne.Size{
	1:   {Width: 800, Height: 600},
	2.5: {Width: 1280, Height: 800},
}

// The window's minimum size must not grow with what is typed or shown: a
// 500-character search wrapped the count ("Nothing matches “…”") over
// hundreds of lines, and an imported file with long values (a 300
// character title, a 2,000-character subtitle, long names, group names
// and dates) made the content ask for 14989x3362 at 2.5x text.
func TestContentMinSizeIsBounded(t *testing.T) {
	// (the data cuts values over its limits, with a note: that is fine)
	long, _, err := data.LoadFile("testdata/long_values.json")
	if err != nil {
		t.Fatalf("testdata/long_values.json: %v", err)
	}
	for scale, bound := range contentMinBound {
		t.Run(fmt.Sprint(scale), func(t *testing.T) {
			u := newTestUI(t)
			u.SetTextScale(scale)
			var most fyne.Size
			t.Cleanup(func() { t.Logf("at %vx text the content asked for at most %v", scale, most) })
			check := func(what string) {
				t.Helper()
				m := u.split.MinSize() // the window scrolls it when the screen is smaller
				most = most.Max(m)
				if m.Width > bound.Width || m.Height > bound.Height {
					t.Errorf("at %vx text, %s: the content asks for %v, more than %v", scale, what, m, bound)
				}
			}
			check("on opening")
			u.FocusSearch()
			u.search.SetText(strings.Repeat("zq", 250))
			u.settle()
			check("with a 500-character search that finds nothing")
			u.search.SetText("")
			u.SetTimeline(long)
			u.settle()
			check("with a file of long values")
			for i := range long.Events {
				u.Select(i)
				check(fmt.Sprintf("with %s selected", long.Events[i].ID))
			}
			u.search.SetText(strings.Repeat("e", 500))
			u.settle()
			check("with a file of long values and a 500-character search")
		})
	}
}

// TestSidebarTitleIsNotCutMidLine: where the sidebar has no room for the
// title and the whole subtitle, the title shows whole and the subtitle is
// left to the scroll (or, with no room at all, the block is not shown): at
// 800x600 the subtitle's last line was shown cut in half above the search
// field.
func TestSidebarTitleIsNotCutMidLine(t *testing.T) {
	type tc struct {
		size  fyne.Size
		scale float32
	}
	var cases []tc
	for h := float32(440); h <= 800; h += 30 {
		cases = append(cases, tc{fyne.NewSize(800, h), 1}, tc{fyne.NewSize(1024, h), 1.5})
	}
	cases = append(cases, tc{fyne.NewSize(1280, 800), 2.5})
	alone := 0
	u := newTestUI(t)
	for _, tc := range cases {
		u.SetTextScale(tc.scale)
		u.Window().Resize(tc.size)
		u.settle()
		var scroll *container.Scroll
		walk(u.Window().Canvas().Content(), func(o fyne.CanvasObject) {
			if s, ok := o.(*container.Scroll); ok {
				if c, ok := s.Content.(*fyne.Container); ok && len(c.Objects) > 0 && c.Objects[0] == fyne.CanvasObject(u.title) {
					scroll = s
				}
			}
		})
		if scroll == nil {
			t.Fatal("no scroll holds the title")
		}
		h, whole, title := scroll.Size().Height, scroll.Content.MinSize().Height, u.title.MinSize().Height
		if h > 0.5 && h < whole-0.5 {
			alone++
			if h < title-0.5 || h > title+0.5 {
				t.Errorf("%v at %vx text: the title block is %.1f high, neither whole (%.1f) nor the title alone (%.1f)", tc.size, tc.scale, h, whole, title)
			}
		}
	}
	if alone == 0 {
		t.Error("no size left room for the title alone: the test checks nothing of the cut")
	}
}
