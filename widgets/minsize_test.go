package widgets

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trumpkim/data"
)

// longValues is a timeline in the app's format whose names, groups, dates
// and titles run to hundreds of characters, as an imported file's can.
func longValues(t *testing.T) *data.Timeline {
	t.Helper()
	long := func(s string) string { return s + strings.Repeat(" and so on", 40) }
	ev := func(id, kind, group string, related ...string) map[string]any {
		e := map[string]any{"id": id, "date": "2001-02-03", "kind": kind, "title": long("Title of " + id),
			"display_date": long("Written as the author wants"), "related": related}
		switch kind {
		case "letter":
			e["from"], e["to"] = "a", "b"
		case "context":
			e["group"] = long(group)
		}
		return e
	}
	doc := map[string]any{
		"title": long("Title"),
		"people": []map[string]any{
			{"id": "a", "name": long("Person A"), "side": "above"},
			{"id": "b", "name": long("Person B"), "side": "below"},
		},
		"events": []map[string]any{ev("one", "letter", "", "two"), ev("two", "context", "Group", "one")},
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := data.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// A widget's minimum width may grow with the text size, not with the data:
// the legend's widest entry was a whole group name, and the card's
// "From … to …" line, its kind-and-date line and its related-event
// buttons did not wrap, so that an imported file's long names made the
// window thousands of pixels wide.
func TestMinWidthsDoNotGrowWithTheData(t *testing.T) {
	test.NewTempApp(t)
	em := theme.DefaultTheme().Size(theme.SizeNameText)
	tl := longValues(t)

	l := NewLegend()
	l.SetTimeline(tl)
	w := test.NewWindow(l)
	defer w.Close()
	if got, most := l.MinSize().Width, (maxLegendEms+2)*em; got > most {
		t.Errorf("legend MinSize width %v with a long group name, want at most %v", got, most)
	}

	c := NewEventCard()
	cw := test.NewWindow(c)
	defer cw.Close()
	cw.Resize(fyne.NewSize(400, 600))
	for i := range tl.Events {
		c.SetEvent(tl, i)
		if got, most := c.MinSize().Width, 30*em; got > most {
			t.Errorf("card of %s: MinSize width %v, want at most %v", tl.Events[i].ID, got, most)
		}
	}
}
