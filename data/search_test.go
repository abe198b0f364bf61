package data

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func defaultIndex(t testing.TB) (*Timeline, *Index) {
	t.Helper()
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tl, NewIndex(tl)
}

func ids(tl *Timeline, ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = tl.Events[m.Event].ID
	}
	return out
}

// TestSearchRanking checks what comes first for the queries people type.
func TestSearchRanking(t *testing.T) {
	tl, ix := defaultIndex(t)
	for _, tc := range []struct {
		query string
		first []string // the first results, in this order or as a set (see anyOrder)
		set   bool     // first may come in any order
		only  bool     // nothing else may match
	}{
		{query: "hanoi", first: []string{"hanoi-summit"}},
		{query: "Hanoi", first: []string{"hanoi-summit"}},
		{query: "nice", first: []string{"nice-letter", "nice-note-claim"}, set: true},
		{query: "dmz", first: []string{"dmz-meeting"}},
		{query: "stockholm", first: []string{"stockholm-talks"}},
		{query: "birthday", first: []string{"birthday-message"}},
		{query: "olympics", only: true},
		{query: "zzz", only: true},
		// any order, several words, every word must match
		{query: "summit hanoi", first: []string{"hanoi-summit"}, only: true},
		{query: "hanoi summit", first: []string{"hanoi-summit"}, only: true},
		{query: "missile letter", first: []string{"missile-apology"}, only: true},
		{query: "hanoi olympics", only: true},
		// dates the ways people write them; a year or month narrows to it
		{query: "2019-06-30", first: []string{"dmz-meeting"}, only: true},
		{query: "6/30/2019", first: []string{"dmz-meeting"}, only: true},
		{query: "June 30, 2019", first: []string{"dmz-meeting"}, only: true},
		{query: "jun 30", first: []string{"dmz-meeting"}},
		{query: "june 2019", first: []string{"beautiful-letter", "excellent-content", "dmz-invitation", "dmz-meeting"}, only: true},
		{query: "2019-06", first: []string{"beautiful-letter", "excellent-content", "dmz-invitation", "dmz-meeting"}, only: true},
		{query: "feb 2019", first: []string{"hanoi-summit"}, only: true},
		{query: "2019-02-28", first: []string{"hanoi-summit"}, only: true}, // the range's second day
		{query: "2018", first: []string{"summit-cancelled", "oversized-envelope", "singapore-summit", "epochal-progress", "nice-letter"}, only: true},
		{query: "2018 letter", first: []string{"summit-cancelled", "oversized-envelope", "epochal-progress", "nice-letter"}, set: true, only: true},
		// title and person outrank summary; word start outranks mid-word
		{query: "rage", first: []string{"rage-published"}},
		{query: "jong", first: []string{"summit-cancelled"}}, // in Kim Jong Un, in date order
		{query: "pyongyang", first: []string{"birthday-message"}, only: true},
		{query: "korea's foreign", first: []string{"nice-note-denial"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			got := ids(tl, ix.Search(tc.query))
			if len(got) < len(tc.first) {
				t.Fatalf("got %v, want %v first", got, tc.first)
			}
			head := slices.Clone(got[:len(tc.first)])
			want := slices.Clone(tc.first)
			if tc.set {
				slices.Sort(head)
				slices.Sort(want)
			}
			if !slices.Equal(head, want) {
				t.Errorf("got %v first, want %v", got, tc.first)
			}
			if tc.only && len(got) != len(tc.first) {
				t.Errorf("got %v, want only %v", got, tc.first)
			}
		})
	}
}

// TestSearchBlankListsAll checks that a blank query lists every event in
// date order.
func TestSearchBlankListsAll(t *testing.T) {
	tl, ix := defaultIndex(t)
	for _, q := range []string{"", "   ", "\t"} {
		ms := ix.Search(q)
		if len(ms) != len(tl.Events) {
			t.Fatalf("%q: %d matches, want all %d", q, len(ms), len(tl.Events))
		}
		for i, m := range ms {
			if m.Event != i || m.Field != FieldTitle || m.Text != tl.Events[i].Title || m.Runes != nil {
				t.Errorf("%q: match %d = %+v, want event %d's title without highlights", q, i, m, i)
			}
		}
	}
}

// TestSearchWeakMatchesLeftOut checks that letters occurring in order
// across a long text are no match.
func TestSearchWeakMatchesLeftOut(t *testing.T) {
	tl, ix := defaultIndex(t)
	// Every summary holds these letters in order, scattered.
	for _, q := range []string{"tkla", "wrtdn", "aeiou", "trmpkm", "hanoisingapore", "letterhanoi"} {
		if got := ids(tl, ix.Search(q)); len(got) != 0 {
			t.Errorf("%q: got %v, want nothing", q, got)
		}
	}
}

// checkRunes checks that m's highlights are inside m.Text, sorted, and on
// characters that fold to the query word's letters in order.
func checkRunes(t *testing.T, word string, m Match) {
	t.Helper()
	rs := []rune(m.Text)
	if !slices.IsSorted(m.Runes) {
		t.Errorf("%q: runes %v not sorted", word, m.Runes)
	}
	var lit strings.Builder
	for _, r := range m.Runes {
		if r < 0 || r >= len(rs) {
			t.Fatalf("%q: rune %d outside %q (%d runes)", word, r, m.Text, len(rs))
		}
		lit.WriteRune(rs[r])
	}
	if got := Fold(lit.String()); got != Fold(word) {
		t.Errorf("%q: highlights %v of %q read %q", word, m.Runes, m.Text, lit.String())
	}
}

// TestSearchRunesOnTheRightCharacters checks the highlights of every match
// of single words over the default data.
func TestSearchRunesOnTheRightCharacters(t *testing.T) {
	_, ix := defaultIndex(t)
	for _, q := range []string{"hanoi", "nice", "kim", "jong", "hs", "letter", "dmz", "trmp", "korea's",
		"ngapore", "seriously", "u.s", "ha", "e", "pyongyang", "mber", "june"} {
		ms := ix.Search(q)
		if len(ms) == 0 {
			t.Errorf("%q: no match", q)
		}
		for _, m := range ms {
			if m.Field == FieldDate && strings.Contains(q, "june") {
				continue
			}
			checkRunes(t, q, m)
		}
	}
}

// testTimeline builds a timeline from events, for tests.
func testTimeline(events ...Event) *Timeline {
	tl := &Timeline{Title: "test", People: []Person{{ID: "a", Name: "Ana Müller", Side: "above"}, {ID: "b", Name: "Bo Ŏ", Side: "below"}}}
	for i := range events {
		if events[i].ID == "" {
			events[i].ID = "e" + string(rune('a'+i))
		}
		if events[i].Kind == "" {
			events[i].Kind = KindLetter
		}
		if events[i].Date.IsZero() {
			events[i].Date = DayDate(2019, 6, 30)
		}
	}
	tl.Events = events
	tl.index()
	return tl
}

// TestSearchAccents checks that accents fold both ways and highlights map
// back to the original runes.
func TestSearchAccents(t *testing.T) {
	tl := testTimeline(
		Event{Title: "Talks in Pyŏngyang", From: "a", To: "b"},
		Event{Title: "A café in Zürich", Summary: "Straße, Œuvre — “quoted” São Paulo"},
		Event{Title: "북한 김정은 letter"},
	)
	ix := NewIndex(tl)
	for _, tc := range []struct {
		query, text, lit string
	}{
		{"pyongyang", "Talks in Pyŏngyang", "Pyŏngyang"},
		{"PYŎNGYANG", "Talks in Pyŏngyang", "Pyŏngyang"},
		{"muller", "Ana Müller", "Müller"},
		{"zurich", "A café in Zürich", "Zürich"},
		{"cafe", "A café in Zürich", "café"},
		{"strasse", "Straße, Œuvre — “quoted” São Paulo", "Straße"},
		{"oeuvre", "Straße, Œuvre — “quoted” São Paulo", "Œuvre"},
		{"sao", "Straße, Œuvre — “quoted” São Paulo", "São"},
		{"김정은", "북한 김정은 letter", "김정은"},
		{"김은", "북한 김정은 letter", "김은"},
	} {
		ms := ix.Search(tc.query)
		if len(ms) == 0 {
			t.Errorf("%q: no match", tc.query)
			continue
		}
		m := ms[0]
		rs := []rune(m.Text)
		var lit []rune
		for _, r := range m.Runes {
			if r < 0 || r >= len(rs) {
				t.Fatalf("%q: rune %d outside %q", tc.query, r, m.Text)
			}
			lit = append(lit, rs[r])
		}
		if m.Text != tc.text || string(lit) != tc.lit {
			t.Errorf("%q: got %q highlighting %q, want %q highlighting %q", tc.query, m.Text, string(lit), tc.text, tc.lit)
		}
	}
	if ms := ix.Search("\xff\xfe"); len(ms) != 0 {
		t.Errorf("invalid UTF-8 query matched %v", ms)
	}
}

// TestFold checks the folding of single strings.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Pyŏngyang":        "pyongyang",
		"Kim Jong Un":      "kim jong un",
		"Straße":           "strasse",
		"North Korea’s":    "north korea's",
		"U.S.–South":       "u.s.-south",
		"ÀÉÎÕÜ çñ":         "aeiou cn",
		"\xff":             "\uFFFD",
		"Hà Nội":           "ha noi",
		"ΑΒΓ":              "αβγ",
		"":                 "",
		"a\u00a0b":         "a b",
		"Œuvre Æsir ĳssel": "oeuvre aesir ijssel",
		// decomposed and stripped of their marks by Unicode's tables, not
		// by a list of accented letters: Vietnamese, Polish, Greek, Cyrillic
		"Đặng Thị Ngọc Thịnh": "dang thi ngoc thinh",
		"Łódź Wałęsa":         "lodz walesa",
		"Ελλάδα":              "ελλαδα",
		"Ёлка й":              "елка и",
		"ǿ Ǻ":                 "o a",
		"e\u0301":             "e",
		// a syllable that decomposes into letters without marks is kept
		"김정은": "김정은",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if got := Fold(in); !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q is not UTF-8", in, got)
		}
	}
}

// TestSearchWeighting checks that the field and the place of a hit rank
// it: title or person over place or date over quote over summary, and a
// word start over the middle of a word.
func TestSearchWeighting(t *testing.T) {
	tl := testTimeline(
		Event{ID: "in-summary", Title: "Talks", Summary: "They met in Hanoi."},
		Event{ID: "in-quote", Title: "Talks", Quotes: []Quote{{Text: "Hanoi was fine", By: "someone"}}},
		Event{ID: "in-place", Title: "Talks", Place: "Hanoi"},
		Event{ID: "in-title", Title: "Hanoi talks"},
		Event{ID: "mid-word", Title: "Washington talks"},
		Event{ID: "word-start", Title: "Tonkin talks"},
		Event{ID: "person", Title: "Talks", From: "a", To: "b"},
		Event{ID: "summary-name", Title: "Talks", Summary: "Ana Müller wrote."},
	)
	ix := NewIndex(tl)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"hanoi", []string{"in-title", "in-place", "in-quote", "in-summary"}},
		{"ton", []string{"word-start", "mid-word"}},
		{"muller", []string{"person", "summary-name"}},
	} {
		if got := ids(tl, ix.Search(tc.query)); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestParseQueryDates checks which words of a query name a period and
// which stay words to match in the text.
func TestParseQueryDates(t *testing.T) {
	for _, tc := range []struct {
		query   string
		periods []string
		words   []string
	}{
		{"2018", []string{"2018"}, nil},
		{"june 2019", []string{"2019-06"}, nil},
		{"Jun 30, 2019", []string{"2019-06-30"}, nil},
		{"30 June 2019", []string{"2019-06-30"}, nil},
		{"june 30th 2019 letter", []string{"2019-06-30"}, []string{"letter"}},
		{"sept 2019", []string{"2019-09"}, nil},
		{"2019-06", []string{"2019-06"}, nil},
		{"2019-06-30", []string{"2019-06-30"}, nil},
		{"2019-06-3", nil, []string{"2019-06-3"}}, // still being typed
		{"6/30/2019", []string{"2019-06-30"}, nil},
		{"30/6/2019", []string{"2019-06-30"}, nil},
		{"6/2019", []string{"2019-06"}, nil},
		{"2/30/2019", nil, []string{"2/30/2019"}},
		{"june", nil, []string{"june"}},
		{"jun 30", nil, []string{"jun", "30"}},
		{"201", nil, []string{"201"}},
		{"hanoi 2019 summit", []string{"2019"}, []string{"hanoi", "summit"}},
	} {
		q := parseQuery(tc.query)
		var periods, words []string
		for _, p := range q.periods {
			periods = append(periods, p.date.String())
		}
		for _, w := range q.words {
			words = append(words, string(w))
		}
		if !slices.Equal(periods, tc.periods) || !slices.Equal(words, tc.words) {
			t.Errorf("%q: periods %v, words %v; want %v, %v", tc.query, periods, words, tc.periods, tc.words)
		}
	}
}

// An imported timeline's groups filter like kinds do: alternatives within
// the group, combined with the other groups, each value counted as its
// toggle shows it.
func TestFilterByGroup(t *testing.T) {
	tl, _, err := LoadFile("testdata/import/timekeeping.json")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSearcher(NewIndex(tl))
	byGroup := map[string]int{}
	for _, e := range tl.Events {
		if e.Group != "" {
			byGroup[e.Group]++
		}
	}
	if len(byGroup) < 2 {
		t.Fatalf("the fixture has groups %v; the test needs two", byGroup)
	}
	all, err := s.Search(context.Background(), "", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all.Counts.Groups, byGroup) {
		t.Errorf("group counts %v, want %v", all.Counts.Groups, byGroup)
	}
	res, err := s.Search(context.Background(), "", Filter{Groups: map[string]bool{"Clocks": true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) != byGroup["Clocks"] {
		t.Errorf("%d matches for Clocks, want %d", len(res.Matches), byGroup["Clocks"])
	}
	for _, m := range res.Matches {
		if g := tl.Events[m.Event].Group; g != "Clocks" {
			t.Errorf("%s of group %q passes the Clocks filter", tl.Events[m.Event].ID, g)
		}
	}
	// The group's own counts ignore its own selection, as the toggles do.
	if !reflect.DeepEqual(res.Counts.Groups, byGroup) {
		t.Errorf("group counts under a group filter %v, want %v", res.Counts.Groups, byGroup)
	}
	if (Filter{Groups: map[string]bool{"Clocks": true}}).IsZero() {
		t.Error("a group filter is zero")
	}
}

// TestAppendDateTexts checks the date texts the index writes against the
// ways of writing a date they stand for, built from Month.String,
// Date.String and Date.Display (as NewIndex built them before it wrote
// them itself), for years from 9999 BCE to 9999, every precision and a
// range of months and days.
func TestAppendDateTexts(t *testing.T) {
	want := func(d Date) []string {
		y := Date{Year: d.Year, Precision: PrecisionYear}.Display()
		switch {
		case d.IsZero():
			return nil
		case d.Precision == PrecisionYear:
			return []string{d.Display()}
		case d.Precision == PrecisionMonth:
			return []string{d.Month.String() + " " + y, d.String(), strconv.Itoa(int(d.Month)) + "/" + y}
		}
		day := Date{Year: d.Year, Month: d.Month, Day: d.Day, Precision: PrecisionDay}
		return []string{d.Month.String() + " " + strconv.Itoa(d.Day) + ", " + y, day.String(),
			strconv.Itoa(int(d.Month)) + "/" + strconv.Itoa(d.Day) + "/" + y}
	}
	dates := []Date{{}}
	for _, y := range []int{MinYear, -1000, -44, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 2019, MaxYear} {
		for _, m := range []time.Month{1, 6, 9, 10, 12} {
			for _, d := range []int{1, 9, 10, 31} {
				for p := PrecisionYear; p <= PrecisionMillisecond; p++ {
					dates = append(dates, Date{Year: y, Month: m, Day: d, Precision: p, Hour: 15, Minute: 4})
				}
			}
		}
	}
	var buf []byte
	ends := []uint32{7}
	for _, d := range dates {
		var got []string
		buf, ends = appendDateTexts(buf[:0], ends[:1], 7, d)
		for k := 1; k < len(ends); k++ {
			got = append(got, string(buf[ends[k-1]-7:ends[k]-7]))
		}
		if w := want(d); !slices.Equal(got, w) {
			t.Errorf("%+v: %q, want %q", d, got, w)
		}
	}
}
