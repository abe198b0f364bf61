package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// TestEventCardNotesShortenedText: a field shortened on loading ends with a
// note of how much was left out, right after its text.
func TestEventCardNotesShortenedText(t *testing.T) {
	test.NewTempApp(t)
	doc := `{"title": "T", "events": [{"id": "x", "date": "2000", "kind": "context", "title": "` + strings.Repeat("H", 1_000_000) +
		`", "summary": "` + strings.Repeat("word ", 20_000) + `end", "place": "Here",
		"quotes": [{"text": "` + strings.Repeat("said ", 300) + `", "by": "Someone"}]}]}`
	tl, _, err := data.Load("h.json", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := NewEventCard()
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 800))
	c.SetEvent(tl, 0)
	got := cardText(c)
	for _, want := range []string{
		strings.Repeat("H", data.MaxTitle) + " … 999,800 more characters, see the file\n",
		strings.Repeat("word ", 799) + "word … 96,004 more characters, see the file\n",
		"said said” … 1,201 more characters, see the file— Someone\n",
		"Place: Here\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the card lacks %.60q…%.60q; it shows …%q", want, want[max(0, len(want)-60):], got[max(0, len(got)-200):])
		}
	}
}
