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

// TestEvalEqualsMatchPerField checks that matching a word against a whole
// event at once gives what matching each field on its own does, and the
// same again when trying it only where a shorter word matched.
func TestEvalEqualsMatchPerField(t *testing.T) {
	ix := NewIndex(searchTimeline(2000, 3))
	r := rand.New(rand.NewPCG(3, 3))
	var m1, m2 matcher
	for range 3000 {
		q := parseQuery(randomQuery(r, ix))
		for _, word := range q.words {
			e := r.IntN(ix.Len())
			lo, hi := ix.evFields[e], ix.evFields[e+1]
			want, wantF := 0, lo
			var wantPos []int32
			for f := lo; f < hi; f++ {
				if sc := m1.match(ix.fieldBytes(int(f)), word) * fieldWeight[ix.fields[f].field]; sc > want {
					want, wantF = sc, f
					wantPos = slices.Clone(m1.pos)
				}
			}
			got, gotF, starts, info := m2.eval(ix, lo, hi, word, nil, nil, 0, nil, nil)
			if got != want || got > 0 && (gotF != wantF || !slices.Equal(m2.pos, wantPos)) {
				t.Fatalf("%q in event %d: eval gives %d in field %d at %v, match per field %d in %d at %v",
					word, e, got, gotF, m2.pos, want, wantF, wantPos)
			}
			// Trying only where a shorter word (or the same) matched
			// gives the same.
			for cut := 1; cut <= len(word); cut++ {
				_, _, shorter, shorterInfo := m1.eval(ix, lo, hi, word[:cut], nil, nil, 0, nil, nil)
				if shorter == nil {
					shorter = []uint32{}
				}
				got2, gotF2, starts2, info2 := m1.eval(ix, lo, hi, word, shorter, shorterInfo, cut, nil, nil)
				if got2 != got || got2 > 0 && (gotF2 != gotF || !slices.Equal(m1.pos, m2.pos)) ||
					!slices.Equal(starts, starts2) || !slices.Equal(info, info2) {
					t.Fatalf("%q in event %d, from where %q matched: %d in %d at %v (starts %v %x), from all %d in %d at %v (starts %v %x)",
						word, e, word[:cut], got2, gotF2, m1.pos, starts2, info2, got, gotF, m2.pos, starts, info)
				}
			}
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
	if !slices.Contains(ix.Directions(), kimToTrump) || !slices.Contains(ix.Reporters(), "Trump, on Twitter") {
		t.Errorf("filter values missing: %v, %v", ix.Directions(), ix.Reporters())
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

// TestMatchesAreFuzzyMatches checks that every match is one sahilm/fuzzy
// finds too (letters in order, case folded): the search is fuzzy.Find's
// matching with weak, scattered matches left out, not something else.
func TestMatchesAreFuzzyMatches(t *testing.T) {
	ix := NewIndex(searchTimeline(1000, 5))
	r := rand.New(rand.NewPCG(5, 5))
	var m matcher
	checked := 0
	for range 2000 {
		q := parseQuery(randomQuery(r, ix))
		e := r.IntN(ix.Len())
		for _, word := range q.words {
			for f := ix.evFields[e]; f < ix.evFields[e+1]; f++ {
				text := ix.fieldBytes(int(f))
				if m.match(text, word) == 0 {
					continue
				}
				checked++
				if len(fuzzy.Find(string(word), []string{string(text)})) != 1 {
					t.Fatalf("%q matches %q, but not for fuzzy.Find", word, text)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d matches checked", checked)
	}
}

// TestChain2 holds the two-letter shortcut to the general chain search.
func TestChain2(t *testing.T) {
	ix := NewIndex(searchTimeline(300, 9))
	var fast, slow matcher
	letters := []byte("abcdefghijklmnopqrstuvwxyz0")
	n := 0
	for f := range len(ix.fields) - 1 {
		s := ix.fieldBytes(f)
		for w := range s {
			if !isWordStart(s, w) {
				continue
			}
			for _, c := range letters {
				if w+1 < len(s) && s[w+1] == c {
					continue // a substring: chains are only looked for where it is not
				}
				word := []byte{s[w], c}
				got := fast.chain2(s[w:], word)
				want := 0
				if mayChain(s[w:], 0, c) {
					want = slow.chainSlow(s[w:], word)
				}
				if got != want || got > 0 && !slices.Equal(fast.try, slow.try) {
					t.Fatalf("%q at %d of %q: chain2 %d %v, general %d %v", word, w, s, got, fast.try, want, slow.try)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d cases", n)
	}
}
