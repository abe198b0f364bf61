package data

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSummaryOfTheArticle(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := tl.Summary(nil)
	if s.Events != len(tl.Events) || s.All != len(tl.Events) {
		t.Errorf("events %d of %d, want all %d", s.Events, s.All, len(tl.Events))
	}
	// The letters and meetings run from May 2018 to April 2020; the book
	// (a context event, September 2020) is not part of the story's span.
	if got := s.Span(); got != "May 2018 – April 2020" {
		t.Errorf("span %q", got)
	}
	kinds, dirs, reported := map[Kind]int{}, map[Direction]int{}, 0
	for _, e := range tl.Events {
		kinds[e.Kind]++
		if e.From != "" && e.To != "" {
			dirs[Direction{e.From, e.To}]++
		}
		if e.ReportedBy != "" {
			reported++
		}
	}
	total := 0
	for i, k := range s.Kinds {
		if k.N != kinds[k.Kind] {
			t.Errorf("%s: %d, counted %d", k.Kind, k.N, kinds[k.Kind])
		}
		if i > 0 && k.Kind == s.Kinds[i-1].Kind {
			t.Errorf("%s twice", k.Kind)
		}
		total += k.N
	}
	if total != len(tl.Events) || len(s.Kinds) != len(kinds) {
		t.Errorf("kinds %v sum to %d", s.Kinds, total)
	}
	for i, d := range s.Directions {
		if d.N != dirs[d.Direction] {
			t.Errorf("%v: %d, counted %d", d.Direction, d.N, dirs[d.Direction])
		}
		if i > 0 && d.N > s.Directions[i-1].N {
			t.Errorf("directions not most first: %v", s.Directions)
		}
	}
	if len(s.Directions) != len(dirs) || s.Directions[0].FromName == s.Directions[0].From {
		t.Errorf("directions %v, want %d with names", s.Directions, len(dirs))
	}
	n := 0
	for _, r := range s.Reporters {
		n += len(r.Events)
		for _, i := range r.Events {
			if tl.Events[i].ReportedBy != r.Name {
				t.Errorf("%s listed under %q", tl.Events[i].ID, r.Name)
			}
		}
	}
	if n != reported {
		t.Errorf("reporters cover %d events, %d have one", n, reported)
	}
	if len(s.Sources) != 1 || s.Sources[0].Publisher != "Voice of America" {
		t.Errorf("sources %v", s.Sources)
	}
	if want := KindLetter.Count(kinds[KindLetter]) + ", "; !strings.HasPrefix(s.KindsText(), want) || !strings.Contains(s.KindsText(), " and ") {
		t.Errorf("kinds text %q", s.KindsText())
	}
}

func TestSummaryOfASearch(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var letters []int
	for i, e := range tl.Events {
		if e.Kind == KindMeeting {
			letters = append(letters, i)
		}
	}
	s := tl.Summary(letters)
	if s.Events != len(letters) || s.All != len(tl.Events) || len(s.Kinds) != 1 || s.Kinds[0].Kind != KindMeeting {
		t.Errorf("summary of the meetings: %d of %d, kinds %v", s.Events, s.All, s.Kinds)
	}
	if got := s.Span(); got != "June 2018 – June 2019" {
		t.Errorf("meetings span %q", got)
	}
	if got := s.KindsText(); got != "3 meetings" {
		t.Errorf("kinds text %q", got)
	}
	slices.Reverse(letters)
	if got := tl.Summary(letters).Span(); got != "June 2018 – June 2019" {
		t.Errorf("meetings in reverse: span %q", got)
	}
	if s := tl.Summary([]int{}); s.Span() != "" || s.Events != 0 || s.KindsText() != "" {
		t.Errorf("summary of nothing: %+v", s)
	}
}

func TestKindCountAndJoin(t *testing.T) {
	for _, c := range []struct {
		k    Kind
		n    int
		want string
	}{
		{KindLetter, 1, "1 letter"}, {KindLetter, 2000, "2,000 letters"}, {KindTalks, 1, "1 round of talks"}, {KindTalks, 3, "3 rounds of talks"},
		{KindContext, 2, "2 context events"}, {KindStatement, 1, "1 statement"}, {"hearing", 3, "3 hearings"},
	} {
		if got := c.k.Count(c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.k, c.n, got, c.want)
		}
	}
	for _, c := range []struct {
		parts []string
		want  string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"}} {
		if got := joinAnd(c.parts); got != c.want {
			t.Errorf("%v: %q", c.parts, got)
		}
	}
}

// The notes rest on the article: each has the article's own words, the
// numbers it gives are in them, and (an extra, when the team's copy of
// the article is there) the words are the article's verbatim.
func TestNotesRestOnTheArticle(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Notes) < 2 {
		t.Fatalf("%d notes, want the 25 letters and the 10 instances", len(tl.Notes))
	}
	number := regexp.MustCompile(`\d+`)
	for i, n := range tl.Notes {
		if n.Quote == "" || n.Source == "" {
			t.Errorf("note %d has no quote or source: %+v", i, n)
		}
		for _, d := range number.FindAllString(n.Text, -1) {
			if !strings.Contains(n.Quote, d) {
				t.Errorf("note %d says %s, its quote does not: %q", i, d, n.Quote)
			}
		}
	}
	raw, err := os.ReadFile("../../shared/seed/article.txt")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/seed not present (the team's material, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range tl.Notes {
		if !strings.Contains(string(raw), n.Quote) {
			t.Errorf("note %d: %q is not in the article", i, n.Quote)
		}
	}
}

func TestNotesAreChecked(t *testing.T) {
	_, ps, err := Load("n.json", strings.NewReader(`{"title":"T","sources":[{"id":"s","title":"S"}],
		"events":[{"id":"a","date":"2019-01-01","kind":"letter","title":"A","source":"s"}],
		"notes":[{"text":" ","source":"s"},{"text":"ok","source":"nope"}]}`))
	if err == nil && len(ps) < 2 {
		t.Fatalf("problems %v", ps)
	}
	got := ps.Error()
	for _, want := range []string{"notes[0].text", "notes[1].source"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %s: %s", want, got)
		}
	}
}

// Every disputed mark names the sentence of the article it comes from: in
// the data, a quote and what it says; with the team's copy of the article
// (an extra), the quote is the article's verbatim. A dispute of another
// event is also a related event, so that selecting one links the other.
func TestDisputesRestOnTheArticle(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var disputes []*Event
	for i := range tl.Events {
		e := &tl.Events[i]
		if e.Dispute == nil {
			continue
		}
		disputes = append(disputes, e)
		if e.Dispute.Quote == "" || e.Dispute.About == "" {
			t.Errorf("%s: a dispute without its words or what it says", e.ID)
		}
		if of := e.Dispute.Of; of != "" && !slices.Contains(e.Related, of) {
			t.Errorf("%s disputes %s but is not related to it", e.ID, of)
		}
	}
	if len(disputes) != 2 {
		t.Errorf("%d disputes, want the denial of the nice note and the birthday message's delivery", len(disputes))
	}
	if got := tl.DisputedBy(tl.Index("nice-note-claim")); len(got) != 1 || tl.Events[got[0]].ID != "nice-note-denial" {
		t.Errorf("the claim is disputed by %v", got)
	}
	raw, err := os.ReadFile("../../shared/seed/article.txt")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/seed not present (the team's material, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range disputes {
		if !strings.Contains(string(raw), e.Dispute.Quote) {
			t.Errorf("%s: %q is not in the article", e.ID, e.Dispute.Quote)
		}
	}
}

func TestDisputesAreChecked(t *testing.T) {
	_, ps, _ := Load("d.json", strings.NewReader(`{"title":"T",
		"events":[{"id":"a","date":"2019-01-01","kind":"context","title":"A","dispute":{"of":"nope","about":" "}},
		{"id":"b","date":"2019-01-02","kind":"context","title":"B","dispute":{"of":"b","about":"x","quote":"y"}}]}`))
	got := ps.Error()
	for _, want := range []string{`"a".dispute.of`, `"a".dispute.about`, `"a".dispute.quote`, `"b".dispute.of`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %s: %s", want, got)
		}
	}
}
