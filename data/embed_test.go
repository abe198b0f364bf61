package data

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEmbeddedHoldsEveryDatedItemOfTheArticle checks the built-in data set
// against the article, item by item: date, kind and direction.
func TestEmbeddedHoldsEveryDatedItemOfTheArticle(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatalf("embedded data: %v", err)
	}
	want := []struct {
		date, end string
		kind      Kind
		from, to  string
	}{
		{"2018-05-25", "", KindLetter, "trump", "kim"},
		{"2018-06-02", "", KindLetter, "kim", "trump"},
		{"2018-06-12", "", KindMeeting, "", ""},
		{"2018-07-23", "", KindLetter, "kim", "trump"},
		{"2018-08-02", "", KindLetter, "kim", "trump"},
		{"2019-02-27", "2019-02-28", KindMeeting, "", ""},
		{"2019-06-11", "", KindLetter, "kim", "trump"},
		{"2019-06-23", "", KindLetter, "trump", "kim"},
		{"2019-06-30", "", KindMeeting, "", ""},
		{"2019-08-10", "", KindLetter, "kim", "trump"},
		{"2019-10-05", "", KindTalks, "", ""},
		{"2020-01-10", "", KindMessage, "trump", "kim"},
		{"2020-03-22", "", KindLetter, "trump", "kim"},
		{"2020-04-18", "", KindMessage, "kim", "trump"},
		{"2020-04-19", "", KindStatement, "dprk-foreign-ministry", ""},
	}
	var article []Event
	for _, e := range tl.Events {
		if e.Kind != KindContext {
			article = append(article, e)
		}
	}
	if len(article) != len(want) {
		t.Fatalf("%d article events, want %d", len(article), len(want))
	}
	for i, w := range want {
		e := article[i]
		if e.Date.String() != w.date || e.End.String() != w.end || e.Kind != w.kind || e.From != w.from || e.To != w.to {
			t.Errorf("event %d %q: %s..%s %s %s→%s, want %s..%s %s %s→%s", i, e.ID,
				e.Date, e.End, e.Kind, e.From, e.To, w.date, w.end, w.kind, w.from, w.to)
		}
		if e.Summary == "" || e.ReportedBy == "" || e.Source == "" {
			t.Errorf("event %q lacks summary, reported_by or source", e.ID)
		}
	}
	if got := tl.Events[0].Date; got != DayDate(2018, time.May, 25) {
		t.Errorf("first event %s", got)
	}
	// Context events are the article's passing dates, marked as context.
	for _, id := range []string{"dmz-invitation", "rage-published"} {
		if i := tl.Index(id); i < 0 || tl.Events[i].Kind != KindContext {
			t.Errorf("context event %q missing or not marked context", id)
		}
	}
	// Trump's side above the axis, Kim's below; meetings on it.
	sides := map[string]Side{"summit-cancelled": SideAbove, "oversized-envelope": SideBelow,
		"hanoi-summit": SideAxis, "stockholm-talks": SideAxis, "nice-note-denial": SideBelow}
	for id, s := range sides {
		if got := tl.Side(&tl.Events[tl.Index(id)]); got != s {
			t.Errorf("%s: side %d, want %d", id, got, s)
		}
	}
}

// TestQuotesAreVerbatim checks that every quote in the data set stands in the
// article word for word. The article is the team's (../shared/seed), not the
// project's: this is an extra that skips, saying why, when it is absent.
func TestQuotesAreVerbatim(t *testing.T) {
	raw, err := os.ReadFile("../../shared/seed/article.txt")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/seed not present (the team's material, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	article := string(raw)
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tl.Events {
		for _, q := range e.Quotes {
			if !strings.Contains(article, q.Text) {
				t.Errorf("%s: quote %q is not in the article", e.ID, q.Text)
			}
			// The words must stand inside quotation marks there.
			quoted := false
			for _, open := range []string{"“", "\"", "‘", "'"} {
				if strings.Contains(article, open+q.Text) {
					quoted = true
				}
			}
			if !quoted {
				t.Errorf("%s: %q is in the article but not as a quotation", e.ID, q.Text)
			}
		}
	}
	// And the other way round: every phrase the article quotes in a dated
	// item is a quote of that day's event.
	line := regexp.MustCompile(`(?m)^([A-Z][a-z]+ \d{1,2})(?:-\d{1,2})?, (\d{4}): (.*)$`)
	phrase := regexp.MustCompile(`[“"]([^”"]+)[”"]`)
	items := line.FindAllStringSubmatch(article, -1)
	if len(items) != 15 {
		t.Fatalf("found %d dated items in the article, want 15", len(items))
	}
	for _, it := range items {
		day, err := time.Parse("January 2 2006", it[1]+" "+it[2])
		if err != nil {
			t.Fatalf("article date %q: %v", it[1], err)
		}
		var have []string
		for _, e := range tl.Events {
			if e.Start().Equal(day) {
				for _, q := range e.Quotes {
					have = append(have, q.Text)
				}
			}
		}
		for _, m := range phrase.FindAllStringSubmatch(it[3], -1) {
			words := strings.TrimRight(m[1], ".,")
			if !slices.Contains(have, words) {
				t.Errorf("%s, %s: the article quotes %q; the event's quotes are %q", it[1], it[2], words, have)
			}
		}
	}
	if src, ok := tl.Source("voa-2020-09"); !ok || !strings.Contains(article, src.Title) {
		t.Errorf("source title %q is not the article's headline", src.Title)
	}
}
