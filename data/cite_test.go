package data

import (
	"strings"
	"testing"
	"time"
)

func TestLongDisplay(t *testing.T) {
	for _, c := range []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{DayDate(2019, time.June, 30), "June 30, 2019"},
		{Date{Year: 2020, Month: time.September, Precision: PrecisionMonth}, "September 2020"},
		{Date{Year: 2019, Precision: PrecisionYear}, "2019"},
		{Date{Year: -44, Precision: PrecisionYear}, "44 BCE"},
		{Date{Year: 2019, Month: time.June, Day: 30, Hour: 15, Minute: 4, Precision: PrecisionMinute}, "June 30, 2019, 15:04"},
	} {
		if got := c.d.LongDisplay(); got != c.want {
			t.Errorf("%v: %q, want %q", c.d, got, c.want)
		}
	}
}

func TestSourceCitation(t *testing.T) {
	sep2020 := Date{Year: 2020, Month: time.September, Precision: PrecisionMonth}
	for _, c := range []struct {
		s    Source
		want string
	}{
		{Source{Title: "Newly Obtained Trump-Kim Letters", Publisher: "Voice of America", Date: sep2020},
			"Voice of America, “Newly Obtained Trump-Kim Letters”, September 2020."},
		{Source{Title: "Rage", Publisher: "Simon & Schuster", Date: sep2020, URL: "https://example.org/rage"},
			"Simon & Schuster, “Rage”, September 2020. https://example.org/rage"},
		{Source{Title: "Notes"}, "“Notes”."},
		{Source{URL: "https://example.org/"}, "https://example.org/"},
		{Source{}, ""},
	} {
		if got := c.s.Citation(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.s, got, c.want)
		}
	}
}

// TestCitedTextOfEveryArticleEvent checks that the text Copy puts on the
// clipboard holds, for every event of the built-in data set, its title,
// date, who wrote to whom, summary, every quote word for word in quotation
// marks with who said it, who reports it, and the source's full citation.
func TestCitedTextOfEveryArticleEvent(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		got := tl.CitedText(i)
		src, ok := tl.Source(e.Source)
		if !ok {
			t.Fatalf("%s: no source %q", e.ID, e.Source)
		}
		want := []string{e.Title + "\n", e.DisplayDate(), e.Summary, "According to: " + e.ReportedBy,
			"Source: Voice of America, “Newly Obtained Trump-Kim Letters May Reveal More on Unlikely Relationship”, September 2020.",
			"Source: " + src.Citation()}
		if e.From != "" {
			want = append(want, "From "+tl.PersonName(e.From))
		}
		if e.To != "" {
			want = append(want, " to "+tl.PersonName(e.To))
		}
		if e.Place != "" {
			want = append(want, "Place: "+e.Place)
		}
		for _, q := range e.Quotes {
			want = append(want, "“"+q.Text+"”\n", "— "+q.By)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the text lacks %q:\n%s", e.ID, w, got)
			}
		}
		if !strings.HasPrefix(got, e.Title+"\n") {
			t.Errorf("%s: the text does not start with the title:\n%s", e.ID, got)
		}
	}
}

func TestCitedTextNotesCutsAndMedia(t *testing.T) {
	tl := &Timeline{Events: []Event{{
		ID: "x", Date: DayDate(1815, time.June, 18), Kind: KindContext, Title: "Waterloo",
		Summary: "A battle", Source: "missing",
		Media: Media{URL: "https://example.org/w.jpg", Caption: "The field", Credit: "A painter"},
		Cuts:  []Cut{{Field: "summary", Runes: 1200}},
	}}}
	tl.index()
	got := tl.CitedText(0)
	for _, w := range []string{"Jun 18, 1815 · Context", "A battle … 1,200 more characters, see the file",
		"Media: The field", "Credit: A painter", "Address: https://example.org/w.jpg", "Source: missing"} {
		if !strings.Contains(got, w) {
			t.Errorf("the text lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "According to") || strings.Contains(got, "From ") {
		t.Errorf("the text names fields the event does not have:\n%s", got)
	}
	if tl.CitedText(-1) != "" || tl.CitedText(1) != "" {
		t.Error("CitedText of no event is not empty")
	}
}
