package data

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// searchTimeline is Synthetic data with some texts made harder: accents,
// non-Latin letters, punctuation, repeated letters.
func searchTimeline(n int, seed uint64) *Timeline {
	tl := Synthetic(n, seed)
	r := rand.New(rand.NewPCG(seed, 99))
	extra := []string{"Pyŏngyang", "Zürich", "Straße", "北京", "김정은", "aa aa aab", "U.S.–South Korea", "Hà Nội", "“nice” letter", "ha-ha", "HANOI"}
	for i := range tl.Events {
		e := &tl.Events[i]
		switch r.IntN(6) {
		case 0:
			e.Title += " " + extra[r.IntN(len(extra))]
		case 1:
			e.Summary = extra[r.IntN(len(extra))] + " " + e.Summary
		case 2:
			e.Place = extra[r.IntN(len(extra))]
		}
	}
	return tl
}

// randomQuery makes a query from words of the data, pieces of them, dates
// and noise.
func randomQuery(r *rand.Rand, ix *Index) string {
	var words []string
	for range 1 + r.IntN(3) {
		switch r.IntN(8) {
		case 0:
			words = append(words, []string{"2019", "june 2019", "6/30/2019", "2019-06", "1999", "jun", "mar 3"}[r.IntN(7)])
		case 1:
			words = append(words, string(rune('a'+r.IntN(26)))+string(rune('a'+r.IntN(26))))
		default:
			// A piece of a field's text from a word start, maybe with letters left out.
			e := r.IntN(ix.Len())
			f := int(ix.evFields[e]) + r.IntN(int(ix.evFields[e+1]-ix.evFields[e]))
			text := []rune(ix.fieldText(f, int32(e)))
			i := r.IntN(len(text))
			j := min(len(text), i+1+r.IntN(8))
			var b strings.Builder
			for _, c := range text[i:j] {
				if r.IntN(4) > 0 {
					b.WriteRune(c)
				}
			}
			words = append(words, b.String())
		}
	}
	return strings.Join(words, " ")
}

// TestSearchNarrowingEqualsFullSearch types random queries letter by
// letter into a Searcher and checks every result against a full search.
func TestSearchNarrowingEqualsFullSearch(t *testing.T) {
	ctx := context.Background()
	narrowedAny := 0
	for seed := uint64(1); seed <= 4; seed++ {
		ix := NewIndex(searchTimeline(3000, seed))
		r := rand.New(rand.NewPCG(seed, 7))
		for range 25 {
			s := NewSearcher(ix)
			query := []rune(randomQuery(r, ix))
			var f Filter
			if r.IntN(3) == 0 {
				f.Kinds = map[Kind]bool{Kinds[r.IntN(len(Kinds))]: true}
			}
			for n := 1; n <= len(query); n++ {
				q := string(query[:n])
				got, err := s.Search(ctx, q, f)
				if err != nil {
					t.Fatal(err)
				}
				if got.Narrowed {
					narrowedAny++
				}
				want, err := ix.SearchContext(ctx, q, f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Matches, want) {
					t.Fatalf("seed %d, %q (narrowed %v): incremental gives %d matches, full %d", seed, q, got.Narrowed, len(got.Matches), len(want))
				}
				full, _, _ := ix.run(ctx, ptr(parseQuery(q)), nil, f)
				if !reflect.DeepEqual(got.Counts, full.Counts) {
					t.Fatalf("seed %d, %q: counts %v, full search %v", seed, q, got.Counts, full.Counts)
				}
			}
		}
	}
	if narrowedAny < 100 {
		t.Errorf("only %d searches narrowed: the test does not test narrowing", narrowedAny)
	}
}

func ptr[T any](v T) *T { return &v }

// TestSearchEqualsFuzzyPerField checks single-word searches against
// sahilm/fuzzy run directly on each field's tokens: the event matches
// exactly when fuzzy finds a token that is not a weak match, with the best
// token score times the field's weight, and its highlights are fuzzy's
// MatchedIndexes in that field, as runes of the original text.
func TestSearchEqualsFuzzyPerField(t *testing.T) {
	ix := NewIndex(searchTimeline(400, 3))
	r := rand.New(rand.NewPCG(3, 3))
	ctx := context.Background()
	checked := 0
	for range 60 {
		q := parseQuery(randomQuery(r, ix))
		for _, word := range q.words {
			one := query{words: [][]byte{word}}
			res, _, err := ix.run(ctx, &one, nil, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]Match{}
			for _, m := range res.Matches {
				got[m.Event] = m
			}
			for e := range ix.Len() {
				want, wantF, wantRunes := 0, -1, []int(nil)
				for f := int(ix.evFields[e]); f < int(ix.evFields[e+1]); f++ {
					folded, runes, _ := appendFold(nil, []int32{}, ix.fieldText(f, int32(e)))
					tokens(folded, func(lo, hi int) {
						ms := fuzzy.Find(string(word), []string{string(folded[lo:hi])})
						if len(ms) == 0 {
							return
						}
						sc := tokenScore(ms[0].Str, ms[0].MatchedIndexes, ms[0].Score) * fieldWeight[ix.fields[f].field]
						if sc > want {
							want, wantF, wantRunes = sc, f, nil
							for _, i := range ms[0].MatchedIndexes {
								wantRunes = append(wantRunes, int(runes[lo+i]))
							}
						}
					})
				}
				m, ok := got[e]
				if ok != (want > 0) || ok && m.Score != want {
					t.Fatalf("%q in event %d: search gives %v %d, fuzzy per field %d", word, e, ok, m.Score, want)
				}
				if !ok {
					continue
				}
				checked++
				if m.Text != ix.fieldText(wantF, int32(e)) || !slices.Equal(m.Runes, sortedUnique(wantRunes)) {
					t.Fatalf("%q in event %d: %q %v, fuzzy per field %q %v", word, e, m.Text, m.Runes, ix.fieldText(wantF, int32(e)), wantRunes)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d matches checked", checked)
	}
}

// TestTokenScore checks which forms of fuzzy matches are kept, and that
// the forms rank as they should.
func TestTokenScore(t *testing.T) {
	score := func(word, tok string) int {
		ms := fuzzy.Find(word, []string{tok})
		if len(ms) == 0 {
			return -1
		}
		return tokenScore(tok, ms[0].MatchedIndexes, ms[0].Score)
	}
	for _, tc := range []struct {
		word, tok string
		kept      bool
	}{
		{"hanoi", "hanoi,", true},
		{"han", "hanoi", true},
		{"noi", "hanoi", true},
		{"trmp", "trump", true},
		{"us", "u.s.-south", true},
		{"uss", "u.s.-south", true},
		{"korea's", "korea's", true},
		{"30", "2019-06-30", true},
		{"pyongyang", "pyongyang", true},
		{"김은", "김정은", true},
		{"tkab", "talk-about", false}, // scattered over two words
		{"aeiou", "aerobic-outing", false},
		{"hs", "the-summit", false}, // starts mid-token, not at a word start
		{"rmp", "trump", false},     // letters in order, not from the word start
	} {
		sc := score(tc.word, tc.tok)
		if sc < 0 {
			t.Fatalf("%q in %q: fuzzy finds nothing", tc.word, tc.tok)
		}
		if (sc > 0) != tc.kept {
			t.Errorf("%q in %q: score %d, want kept %v", tc.word, tc.tok, sc, tc.kept)
		}
	}
	for _, pair := range [][4]string{
		{"hanoi", "hanoi", "hanoi", "xhanoi"},    // word start over mid-word
		{"han", "hanoi", "han", "xhanoi"},        // prefix over inside
		{"ton", "ton", "ton", "tonkin"},          // whole word over prefix
		{"ton", "tonkin", "ton", "washington"},   // prefix over inside
		{"hs", "hanoi-summit", "hs", "hashtags"}, // initials over letters in a word
	} {
		if a, b := score(pair[0], pair[1]), score(pair[2], pair[3]); a <= b {
			t.Errorf("%q in %q scores %d, not above %q in %q (%d)", pair[0], pair[1], a, pair[2], pair[3], b)
		}
	}
}

// TestSearchFilterAndCounts checks filters combined with a query, and the
// counts each toggle shows.
func TestSearchFilterAndCounts(t *testing.T) {
	tl, ix := defaultIndex(t)
	ctx := context.Background()
	s := NewSearcher(ix)
	kimToTrump := Direction{From: "kim", To: "trump"}

	res, err := s.Search(ctx, "", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	letters := 0
	for _, e := range tl.Events {
		if e.Kind == KindLetter {
			letters++
		}
	}
	if res.Counts.Kinds[KindLetter] != letters || res.Total != len(tl.Events) {
		t.Errorf("blank query: %d letters of %d, want %d of %d", res.Counts.Kinds[KindLetter], res.Total, letters, len(tl.Events))
	}

	res, err = s.Search(ctx, "trump", Filter{Kinds: map[Kind]bool{KindLetter: true}, Directions: map[Direction]bool{kimToTrump: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Matches {
		e := tl.Events[m.Event]
		if e.Kind != KindLetter || e.From != "kim" || e.To != "trump" {
			t.Errorf("%s passed the filter: %s from %s to %s", e.ID, e.Kind, e.From, e.To)
		}
	}
	if len(res.Matches) == 0 {
		t.Fatal("no letter from Kim to Trump mentions Trump")
	}
	// A group's counts ignore that group's own selection, so the kind
	// toggles say what selecting another kind would add.
	all, _ := ix.SearchContext(ctx, "trump", Filter{Directions: map[Direction]bool{kimToTrump: true}})
	byKind := map[Kind]int{}
	for _, m := range all {
		byKind[tl.Events[m.Event].Kind]++
	}
	if !reflect.DeepEqual(res.Counts.Kinds, byKind) {
		t.Errorf("kind counts %v, want %v", res.Counts.Kinds, byKind)
	}
	if res.Counts.Kinds[KindLetter] != len(res.Matches) {
		t.Errorf("letter count %d, but %d matches", res.Counts.Kinds[KindLetter], len(res.Matches))
	}
	res, _ = s.Search(ctx, "", Filter{ReportedBy: map[string]bool{"Trump, on Twitter": true}})
	for _, m := range res.Matches {
		if tl.Events[m.Event].ReportedBy != "Trump, on Twitter" {
			t.Errorf("%s passed the reported-by filter", tl.Events[m.Event].ID)
		}
	}
	if len(res.Matches) == 0 || res.Counts.ReportedBy["Trump, on Twitter"] != len(res.Matches) {
		t.Errorf("reported-by filter: %d matches, count %d", len(res.Matches), res.Counts.ReportedBy["Trump, on Twitter"])
	}
}

// TestSearcherCancelsOlderSearch checks that a newer search cancels an
// older one and that a cancelled context gives its error.
func TestSearcherCancelsOlderSearch(t *testing.T) {
	ix := NewIndex(Synthetic(20000, 2))
	s := NewSearcher(ix)
	ctx := context.Background()
	done := make(chan error, 8)
	for _, q := range []string{"s", "sa", "san", "sanc"} {
		go func() {
			_, err := s.Search(ctx, q, Filter{})
			done <- err
		}()
	}
	for range 4 {
		<-done
	}
	res, err := s.Search(ctx, "sanctions", Filter{})
	if err != nil || len(res.Matches) == 0 {
		t.Fatalf("last search: %d matches, %v", len(res.Matches), err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Search(cctx, "trade", Filter{}); err == nil {
		t.Error("search with a cancelled context succeeded")
	}
	// The cancelled search must not become the base of the next one.
	res, err = s.Search(ctx, "sanctions geneva", Filter{})
	want, _ := ix.SearchContext(ctx, "sanctions geneva", Filter{})
	if err != nil || !reflect.DeepEqual(res.Matches, want) {
		t.Errorf("after a cancelled search: %d matches, want %d (%v)", len(res.Matches), len(want), err)
	}
}

// FuzzSearch searches random text with random queries: no panic,
// highlights inside the text, and letter-by-letter typing gives what a full
// search does.
func FuzzSearch(f *testing.F) {
	f.Add("hanoi", "Hanoi summit ends without a deal", "The second meeting", "Hanoi, Vietnam")
	f.Add("pyongyang", "Talks in Pyŏngyang", "Straße", "Zürich")
	f.Add("김은", "북한 김정은", "", "")
	f.Add("june 2019 a", "aa aa aab", "6/30/2019", "")
	f.Add("\xff", "\xfe\xff", "a\x00b", "ß")
	f.Fuzz(func(t *testing.T, query, title, summary, place string) {
		tl := testTimeline(
			Event{Title: title, Summary: summary, Place: place, From: "a", To: "b", Quotes: []Quote{{Text: summary, By: title}}},
			Event{Title: place, Summary: title, Date: Date{Year: 2019, Precision: PrecisionYear}},
		)
		ix := NewIndex(tl)
		ctx := context.Background()
		s := NewSearcher(ix)
		rs := []rune(query)
		for n := 1; n <= len(rs); n++ {
			q := string(rs[:n])
			got, err := s.Search(ctx, q, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := ix.SearchContext(ctx, q, Filter{})
			if !reflect.DeepEqual(got.Matches, want) {
				t.Fatalf("%q: incremental %v, full %v", q, got.Matches, want)
			}
			for _, m := range got.Matches {
				count := utf8.RuneCountInString(m.Text)
				for i, r := range m.Runes {
					if r < 0 || r >= count || i > 0 && r <= m.Runes[i-1] {
						t.Fatalf("%q: runes %v outside %q or not increasing", q, m.Runes, m.Text)
					}
				}
			}
		}
	})
}

// TestTokensAreFields checks that the vocabulary cuts texts where
// strings.Fields does, as the query is cut.
func TestTokensAreFields(t *testing.T) {
	ix := NewIndex(searchTimeline(300, 4))
	texts := []string{"", " ", "a", "  a  b\tc\n", "x\u2003y\u3000z\u0085w", "é b", "\xff \xfe"}
	for e := range ix.Len() {
		for f := ix.evFields[e]; f < ix.evFields[e+1]; f++ {
			texts = append(texts, Fold(ix.fieldText(int(f), int32(e))))
		}
	}
	for _, s := range texts {
		var got []string
		tokens([]byte(s), func(lo, hi int) { got = append(got, s[lo:hi]) })
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Fatalf("%q: tokens %q, strings.Fields %q", s, got, want)
		}
	}
}

// TestFieldsHeaviestFirst checks what the postings rely on to keep only a
// token's first place in an event: each event's fields come in Field
// order, and a later Field never weighs more than an earlier one.
func TestFieldsHeaviestFirst(t *testing.T) {
	for f := FieldTitle + 1; f < fieldCount; f++ {
		if fieldWeight[f] > fieldWeight[f-1] {
			t.Errorf("%s weighs %d, more than %s before it (%d)", f, fieldWeight[f], f-1, fieldWeight[f-1])
		}
	}
	ix := NewIndex(searchTimeline(300, 6))
	for e := range ix.Len() {
		for f := ix.evFields[e] + 1; f < ix.evFields[e+1]; f++ {
			if ix.fields[f].field < ix.fields[f-1].field {
				t.Fatalf("event %d: %s after %s", e, ix.fields[f].field, ix.fields[f-1].field)
			}
		}
	}
}
