package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

func TestStoryCardShowsTheSummary(t *testing.T) {
	tl := defaultData(t)
	c := NewStoryCard()
	showInWindow(t, c, 900, 900)
	s := tl.Summary(nil)
	c.SetSummary(s)
	got := c.String()
	want := []string{tl.Title, tl.Subtitle, "May 2018 – April 2020 · 17 events", "Who wrote to whom",
		"Donald Trump to Kim Jong Un: ", "Kim Jong Un to Donald Trump: ", "Beyond these dates",
		"25 personal letters", "at least 10 instances", "Source: Voice of America, “Newly Obtained"}
	for _, k := range s.Kinds {
		want = append(want, k.Kind.Count(k.N))
	}
	for _, d := range s.Directions {
		want = append(want, d.FromName+" to "+d.ToName+": "+data.Count(d.N, ""))
	}
	for _, x := range want {
		if !strings.Contains(got, x) {
			t.Errorf("the story card lacks %q:\n%s", x, got)
		}
	}
	for i, icon := range c.kindIcons {
		if icon.kind != s.Kinds[i].Kind {
			t.Errorf("kind mark %d is %s, want %s", i, icon.kind, s.Kinds[i].Kind)
		}
	}

	// A search's summary: fewer kinds, no notes from the events (the notes
	// are the collection's), the rows left over hidden.
	var meetings []int
	for i, e := range tl.Events {
		if e.Kind == data.KindMeeting {
			meetings = append(meetings, i)
		}
	}
	m := tl.Summary(meetings)
	m.Notes = nil
	c.SetSummary(m)
	got = c.String()
	if !strings.Contains(got, "3 of 17 events") || !strings.Contains(got, "3 meetings") || strings.Contains(got, data.KindLetter.Count(s.Kinds[0].N)) {
		t.Errorf("the meetings' story card:\n%s", got)
	}
	if strings.Contains(got, "Who wrote to whom") || strings.Contains(got, "Beyond these dates") {
		t.Errorf("headings without rows shown:\n%s", got)
	}
}

func TestStoryCardImage(t *testing.T) {
	tl := defaultData(t)
	c := NewStoryCard()
	w := showInWindow(t, c, 800, 700)
	c.SetSummary(tl.Summary(nil))
	test.AssertImageMatches(t, "story_card.png", w.Canvas().Capture())
}

func TestSourcesCardCitesAndGroupsReporters(t *testing.T) {
	tl := defaultData(t)
	c := NewSourcesCard()
	w := showInWindow(t, c, 900, 1200)
	s := tl.Summary(nil)
	c.SetSummary(tl, s)
	got := c.String()
	if !strings.Contains(got, tl.Sources[0].Citation()) {
		t.Errorf("the source is not cited in full:\n%s", got)
	}
	for _, r := range s.Reporters {
		line := ""
		for _, l := range strings.Split(got, "\n") {
			if strings.HasPrefix(l, r.Name+" — ") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("no line for %q:\n%s", r.Name, got)
			continue
		}
		for _, i := range r.Events {
			if !strings.Contains(line, tl.Events[i].Title) {
				t.Errorf("%q's line lacks %q", r.Name, tl.Events[i].Title)
			}
		}
	}
	// The real canvas lays containers out again when wrapped rows grow
	// (EnsureMinSize, every frame); the test canvas does not: a second
	// refresh does it here.
	c.Refresh()
	test.AssertImageMatches(t, "sources_card.png", w.Canvas().Capture())
}

// A collection with hundreds of pairs of correspondents lists the busiest
// and sums up the rest in one row.
func TestStoryCardSumsUpManyPairs(t *testing.T) {
	c := NewStoryCard()
	showInWindow(t, c, 900, 900)
	s := data.Synthetic(20000, 1).Summary(nil)
	if len(s.Directions) <= storyDirections+1 {
		t.Fatalf("%d pairs: too few to test", len(s.Directions))
	}
	c.SetSummary(s)
	got := c.String()
	for i, d := range s.Directions {
		row := d.FromName + " to " + d.ToName + ": " + data.Count(d.N, "")
		if shown := strings.Contains(got, row); shown != (i < storyDirections) {
			t.Errorf("pair %d %q shown: %v", i, row, shown)
		}
	}
	rest := 0
	for _, d := range s.Directions[storyDirections:] {
		rest += d.N
	}
	want := "and " + data.Count(len(s.Directions)-storyDirections, "") + " more pairs, " + data.Count(rest, "event")
	if !strings.Contains(got, want) {
		t.Errorf("the card lacks %q:\n%s", want, got)
	}
}

// TestSourcesCardOfNoEventsSaysWhy: the sources slide of a search that
// lets no event through said "The events name no source.", which is not
// so: every event names one, and none is shown.
func TestSourcesCardOfNoEventsSaysWhy(t *testing.T) {
	tl := defaultData(t)
	c := NewSourcesCard()
	showInWindow(t, c, 900, 700)
	c.SetSummary(tl, tl.Summary([]int{}))
	got := c.String()
	if strings.Contains(got, "name no source") {
		t.Errorf("the sources of no event say the events name none:\n%s", got)
	}
	if want := "leave out all 17 events"; !strings.Contains(got, want) {
		t.Errorf("the sources of no event do not say %q:\n%s", want, got)
	}
}
