package widgets

import (
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// erasFile is a timeline written for these tests with three eras (50, 50
// and 20 years, given out of order) and twenty events with no group and no
// people. interopEras is the TimelineJS sample of that shape in the team's
// corpus beside the project (CI only): tests over it are ...Interop extras.
const (
	erasFile    = "testdata/eras.json"
	interopEras = "../../shared/interop/timelinejs/eras.json"
)

func loadFile(t *testing.T, path string) *data.Timeline {
	t.Helper()
	tl, _, err := data.LoadFile(path)
	if err != nil {
		t.Fatalf("data.LoadFile(%s): %v", path, err)
	}
	return tl
}

// loadInterop loads a file of the team's corpus, or skips the test, saying
// why, when the corpus is not there.
func loadInterop(t *testing.T, path string) *data.Timeline {
	t.Helper()
	_, err := os.Stat(filepath.Dir(path))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/interop not present (the team's corpus, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return loadFile(t, path)
}

// markerColor is the colour a chip's marker is drawn in (a hollow marker's
// outline).
func markerColor(c chipObjects) color.Color {
	if c.marker.FillColor == nil || c.marker.FillColor == color.Transparent {
		return c.marker.StrokeColor
	}
	if _, _, _, a := c.marker.FillColor.RGBA(); a == 0 {
		return c.marker.StrokeColor
	}
	return c.marker.FillColor
}

func TestTimelineGroupsGetLanesAndColours(t *testing.T) {
	tl := loadFile(t, "testdata/groups.json")
	groups := tl.Groups()
	tw, _ := showTimeline(t, tl, 1200, 400)
	r := rendererOf(tw)
	slot := map[string]int{}
	for i, g := range groups {
		slot[g] = i
	}
	bandOf := map[string]int{}
	colourOf := map[string]color.Color{}
	seen := 0
	for n, it := range tw.lay.Items {
		if it.Count > 0 {
			t.Errorf("a cluster at 1200x400 with only %d events", len(tl.Events))
			continue
		}
		e := &tl.Events[it.Ev]
		side := tw.lay.Bands()[it.Band].Side
		if e.Group == "" {
			if int(it.Band) != tw.lay.Axis() {
				t.Errorf("%q has no group but sits in band %d, not on the axis", e.Title, it.Band)
			}
			continue
		}
		seen++
		want := data.SideAbove
		if slot[e.Group]%2 == 1 {
			want = data.SideBelow
		}
		if side != want {
			t.Errorf("%q of group %d sits on side %v, want %v", e.Title, slot[e.Group], side, want)
		}
		if b, ok := bandOf[e.Group]; ok && b != int(it.Band) {
			t.Errorf("group %q is in bands %d and %d", e.Group, b, it.Band)
		}
		bandOf[e.Group] = int(it.Band)
		c := markerColor(r.chips[n])
		if prev, ok := colourOf[e.Group]; ok && prev != c {
			t.Errorf("group %q drawn in %v and %v", e.Group, prev, c)
		}
		colourOf[e.Group] = c
		if want := GroupColor(fyne.CurrentApp().Settings().ThemeVariant(), slot[e.Group]); c != want {
			t.Errorf("%q is drawn in %v, want its group's %v", e.Title, c, want)
		}
	}
	if seen < len(tl.Events)-1 {
		t.Errorf("only %d grouped events laid out", seen)
	}
	for i, a := range groups {
		for _, b := range groups[i+1:] {
			if bandOf[a] == bandOf[b] {
				t.Errorf("groups %q and %q share band %d", a, b, bandOf[a])
			}
			if colourOf[a] == colourOf[b] {
				t.Errorf("groups %q and %q share colour %v", a, b, colourOf[a])
			}
		}
	}
}

func TestTimelineEmbeddedDataKeepsItsBands(t *testing.T) {
	tl := defaultData(t)
	tw, _ := showTimeline(t, tl, 900, 330)
	if len(tw.lay.Bands()) != 3 || tw.lay.Axis() != 1 {
		t.Fatalf("%d bands, axis %d: want the three of above, axis, below", len(tw.lay.Bands()), tw.lay.Axis())
	}
	for i := range tl.Events {
		want := tl.Side(&tl.Events[i])
		if got := tw.lay.Bands()[tw.lay.BandOf(i)].Side; got != want || tw.lay.GroupOf(i) != -1 {
			t.Errorf("%s on side %v (group %d), want %v in its kind's colour", tl.Events[i].ID, got, tw.lay.GroupOf(i), want)
		}
	}
}

func TestTimelineWithoutPeopleUsesBothSides(t *testing.T) {
	checkBothSides(t, loadFile(t, erasFile))
}

func TestTimelineWithoutPeopleUsesBothSidesInterop(t *testing.T) {
	checkBothSides(t, loadInterop(t, interopEras))
}

// checkBothSides: a timeline with neither people nor groups puts its
// events above and below the axis, none on it.
func checkBothSides(t *testing.T, tl *data.Timeline) {
	t.Helper()
	if len(tl.People) != 0 || len(tl.Groups()) != 0 {
		t.Fatalf("the timeline has people %v or groups %q", tl.People, tl.Groups())
	}
	tw, _ := showTimeline(t, tl, 900, 330)
	var above, below, axis int
	for _, it := range tw.lay.Items {
		switch tw.lay.Bands()[it.Band].Side {
		case data.SideAbove:
			above++
		case data.SideBelow:
			below++
		default:
			axis++
		}
	}
	if above == 0 || below == 0 || axis != 0 {
		t.Errorf("%d chips above, %d below, %d on the axis: want both sides and none on the axis", above, below, axis)
	}
	if n := tw.lay.NLanes[tw.lay.Axis()]; n != 0 {
		t.Errorf("the empty axis takes %d lanes", n)
	}
}

func TestTimelineErasDrawnBehindWithTitles(t *testing.T) {
	checkErasDrawnBehind(t, loadFile(t, erasFile))
}

func TestTimelineErasDrawnBehindWithTitlesInterop(t *testing.T) {
	checkErasDrawnBehind(t, loadInterop(t, interopEras))
}

// checkErasDrawnBehind: a timeline's three eras are drawn behind the
// events, with their titles, and fill the view when zoomed into one.
func checkErasDrawnBehind(t *testing.T, tl *data.Timeline) {
	t.Helper()
	if len(tl.Eras) != 3 {
		t.Fatalf("the timeline has %d eras, want 3", len(tl.Eras))
	}
	for _, w := range []float32{1200, 900, 520} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, w, 300)
			r := rendererOf(tw)
			// behind: every era object comes before every tick and chip
			first := map[fyne.CanvasObject]int{}
			for n, o := range r.content.Objects {
				first[o] = n
			}
			lastEra := -1
			titles := map[string]bool{}
			for _, e := range r.eras {
				if !e.bg.Visible() {
					continue
				}
				lastEra = max(lastEra, first[e.bg], first[e.title])
				if _, _, _, a := e.bg.FillColor.RGBA(); a > 0x30*0x101 {
					t.Errorf("era shade %v is too strong to read labels over", e.bg.FillColor)
				}
				if e.bg.Size().Height < tw.Size().Height {
					t.Errorf("era band %v does not span the height %v", e.bg.Size(), tw.Size().Height)
				}
				if e.title.Visible() {
					titles[e.title.Text] = true
				}
			}
			for _, c := range r.chips {
				if c.label.Visible() && first[c.box] < lastEra {
					t.Errorf("chip %q drawn before (under) an era", c.label.Text)
				}
			}
			// at fit-all every era has its title along the top
			want := 3
			if w < 600 {
				want = 2 // the 20-year era is too narrow for its title
			}
			if len(titles) < want {
				t.Errorf("era titles shown %v, want at least %d", titles, want)
			}
			assertNoOverlap(t, tw)

			// deep inside the middle era, its band still fills the view and
			// its title stays at the left edge
			mid := &tw.lay.EraSpans()[1]
			tw.fitted = false
			tw.viewFrom, tw.viewTo = mid.From+(mid.To-mid.From)*0.4, mid.From+(mid.To-mid.From)*0.45
			tw.Refresh()
			shown := false
			for _, e := range r.eras {
				if !e.bg.Visible() {
					continue
				}
				x0 := e.bg.Position().X + r.content.Position().X
				if x0 <= 0 && x0+e.bg.Size().Width >= w && e.title.Visible() {
					shown = true
					if tx := e.title.Position().X + r.content.Position().X; tx < 0 || tx > 20 {
						t.Errorf("zoomed in, era title %q is at x %v, want the left edge", e.title.Text, tx)
					}
				}
			}
			if !shown {
				t.Errorf("zoomed into %q, no era band covers the view with its title", tl.Eras[mid.Idx].Title)
			}
			assertNoOverlap(t, tw)
		})
	}
}

func TestTimelineGroupsAndErasNeverOverlap(t *testing.T) {
	for _, f := range []string{erasFile, "testdata/groups.json"} {
		checkNeverOverlap(t, f, loadFile(t, f))
	}
}

func TestTimelineErasNeverOverlapInterop(t *testing.T) {
	checkNeverOverlap(t, interopEras, loadInterop(t, interopEras))
}

// checkNeverOverlap: the labels of the timeline in file f never overlap at
// three sizes, zoomed and panned step by step.
func checkNeverOverlap(t *testing.T, f string, tl *data.Timeline) {
	t.Helper()
	for _, size := range []fyne.Size{{Width: 1200, Height: 400}, {Width: 900, Height: 330}, {Width: 520, Height: 250}} {
		t.Run(fmt.Sprintf("%s/%vx%v", filepath.Base(f), size.Width, size.Height), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, size.Width, size.Height)
			for step := range 8 {
				assertNoOverlap(t, tw)
				if t.Failed() {
					t.Fatalf("overlap at step %d", step)
				}
				tw.ZoomIn()
				tw.Pan(0.13)
			}
		})
	}
}

func TestTimelineCaptionsNameTheSides(t *testing.T) {
	tl := defaultData(t)
	for _, size := range []fyne.Size{{Width: 900, Height: 330}, {Width: 900, Height: 250}, {Width: 520, Height: 250}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, size.Width, size.Height)
			r := rendererOf(tw)
			want := [2]string{"Donald Trump", "Kim Jong Un, …"}
			for s, c := range r.captions {
				if !c.text.Visible() || c.text.Text != want[s] {
					t.Errorf("caption %d: %q shown %v, want %q", s, c.text.Text, c.text.Visible(), want[s])
				}
			}
			above, below := objRect(r.captions[0].text), objRect(r.captions[1].text)
			if above.y1 > tw.lay.AxisTop || below.y0 < tw.lay.TickTop+tw.lay.M.TickH {
				t.Errorf("captions at %v and %v are not above and below the axis (%v–%v)", above, below, tw.lay.AxisTop, tw.lay.TickTop)
			}
			if above.x0 > 30 || below.x0 > 30 {
				t.Errorf("captions at %v and %v are not at the left edge", above, below)
			}
			assertNoOverlap(t, tw)
			// zoomed and panned, a caption hides rather than cover a chip
			for range 6 {
				tw.ZoomIn()
				tw.Pan(0.2)
				assertNoOverlap(t, tw)
			}
		})
	}
}

func TestTimelineEveryLabelAtSmallSizes(t *testing.T) {
	tl := defaultData(t)
	// 515x243 is the timeline's size in the app's window at 800x600
	for _, size := range []fyne.Size{{Width: 515, Height: 243}, {Width: 520, Height: 250}, {Width: 600, Height: 250}, {Width: 900, Height: 200}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			tw, _ := showTimeline(t, tl, size.Width, size.Height)
			labels := map[string]bool{}
			for _, c := range shownChips(tw) {
				labels[c.label] = true
				if c.box.y0 < 0 || c.box.y1 > size.Height {
					t.Errorf("%q at %v is outside the height %v", c.label, c.box, size.Height)
				}
			}
			for _, e := range tl.Events {
				if !labels[e.ShortLabel()] {
					t.Errorf("%s has no label", e.ID)
				}
			}
			assertNoOverlap(t, tw)
		})
	}
}

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.04045 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestGroupColorsReadInBothVariants(t *testing.T) {
	if len(groupColors) != GroupColors {
		t.Fatalf("%d group colours, GroupColors says %d", len(groupColors), GroupColors)
	}
	test.NewTempApp(t)
	th := theme.DefaultTheme() // the test theme has one grey background for both variants
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for i := range GroupColors {
			c := GroupColor(v, i)
			if r := contrast(c, bg); r < 3 {
				t.Errorf("variant %d: group colour %d %v has contrast %.2f with the background %v, want 3:1", v, i, c, r, bg)
			}
			for j := range i {
				if GroupColor(v, j) == c {
					t.Errorf("variant %d: groups %d and %d share a colour", v, i, j)
				}
			}
		}
		if GroupColor(v, GroupColors) != GroupColor(v, 0) {
			t.Errorf("the palette does not repeat after %d colours", GroupColors)
		}
	}
}

func TestTimelineHoverRightAfterNewData(t *testing.T) {
	tw, _ := showTimeline(t, defaultData(t), 900, 330)
	grouped := loadFile(t, "testdata/groups.json")
	// more bands than before: the hit test must not look at the old ones
	tw.setData(grouped)
	for y := float32(0); y < 330; y += 7 {
		if h := tw.lay.HitTest(450, y); h >= 0 {
			t.Errorf("hit %d at y %v before the new data is laid out", h, y)
		}
	}
	tw.SetTimeline(grouped)
	if len(tw.lay.Items) == 0 {
		t.Fatal("nothing laid out")
	}
	it := tw.lay.Items[0]
	if p := chipCentre(tw, it); tw.lay.HitTest(p.X, p.Y) != 0 {
		t.Errorf("the centre of the first chip hits %d", tw.lay.HitTest(p.X, p.Y))
	}
}

func TestTimelineGroupsAndErasLook(t *testing.T) {
	tl := loadFile(t, "testdata/groups.json")
	_, win := showTimeline(t, tl, 900, 300)
	test.AssertImageMatches(t, "timeline_groups.png", win.Canvas().Capture())
}

func TestTimelineErasWithoutEvents(t *testing.T) {
	tl := &data.Timeline{Eras: []data.Era{
		{Title: "Bronze", Start: data.Date{Year: -3300, Precision: data.PrecisionYear}, End: data.Date{Year: -1200, Precision: data.PrecisionYear}},
	}}
	tw, _ := showTimeline(t, tl, 900, 300)
	from, to := tw.VisibleRange()
	if from.Year() > -3300 || to.Year() < -1200 || to.Year() > -1000 {
		t.Errorf("an eras-only timeline shows %v – %v, want the era", from, to)
	}
	if r := rendererOf(tw); len(r.eras) == 0 || !r.eras[0].title.Visible() {
		t.Error("the era is not drawn with its title")
	}
}
