package data

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const validDoc = `{
  "title": "T",
  "people": [{"id": "a", "name": "A", "side": "above"}, {"id": "b", "name": "B", "side": "below"}],
  "sources": [{"id": "s", "title": "S", "publisher": "P", "date": "2020-09"}],
  "events": [
    {"id": "two", "date": "2019-02-27", "end": "2019-02-28", "kind": "meeting", "title": "Two"},
    {"id": "one", "date": "2018", "kind": "letter", "from": "a", "to": "b", "title": "One", "related": ["two"], "source": "s"}
  ]
}`

func TestParseValid(t *testing.T) {
	tl, err := Parse([]byte(validDoc))
	if err != nil {
		t.Fatal(err)
	}
	if tl.Events[0].ID != "one" || tl.Events[1].ID != "two" {
		t.Errorf("events not sorted by date: %s, %s", tl.Events[0].ID, tl.Events[1].ID)
	}
	if got := tl.Events[0].DisplayDate(); got != "2018" {
		t.Errorf("year precision kept: got %q", got)
	}
	if got := tl.Events[1].DisplayDate(); got != "Feb 27–28, 2019" {
		t.Errorf("range: got %q", got)
	}
	if tl.Index("two") != 1 || tl.PersonName("b") != "B" {
		t.Error("lookups")
	}
}

// TestParseProblems checks that each kind of mistake gives a problem that
// names the event and the field.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, from, to string // replace from with to in validDoc
		where, what    string
	}{
		{"unknown kind", `"kind": "meeting"`, `"kind": "summit"`, `events[0] "two".kind`, `"summit" is not one of`},
		{"missing kind", `"kind": "meeting", `, ``, `events[0] "two".kind`, "missing"},
		{"bad date", `"date": "2019-02-27"`, `"date": "2019-02-30"`, `events[0] "two".date`, "has no day 30"},
		{"bad month", `"date": "2019-02-27"`, `"date": "2019-13"`, `events[0] "two".date`, "month 13"},
		{"date form", `"date": "2019-02-27"`, `"date": "27/02/2019"`, `events[0] "two".date`, "is not YYYY"},
		{"missing date", `"date": "2019-02-27", `, ``, `events[0] "two".date`, "missing"},
		{"end before start", `"end": "2019-02-28"`, `"end": "2019-02-26"`, `events[0] "two".end`, "before the start"},
		{"duplicate id", `"id": "one"`, `"id": "two"`, `events[1] "two".id`, "used twice"},
		{"dangling related", `"related": ["two"]`, `"related": ["three"]`, `events[1] "one".related[0]`, `"three" is not the id`},
		{"self related", `"related": ["two"]`, `"related": ["one"]`, `events[1] "one".related[0]`, "itself"},
		{"unknown person", `"from": "a"`, `"from": "c"`, `events[1] "one".from`, `"c" is not one of the people`},
		{"letter without recipient", `, "to": "b"`, ``, `events[1] "one".to`, "needs a recipient"},
		{"unknown source", `"source": "s"`, `"source": "x"`, `events[1] "one".source`, "not one of the sources"},
		{"missing title", `"title": "Two"`, `"title": " "`, `events[0] "two".title`, "missing"},
		{"bad id", `"id": "one"`, `"id": "One Two"`, `events[1] "One Two".id`, "slug"},
		{"bad side", `"side": "below"`, `"side": "left"`, `people[1].side`, "above"},
		{"no title", `"title": "T"`, `"title": ""`, `title`, "missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(validDoc, tc.from, tc.to, 1)
			if doc == validDoc {
				t.Fatalf("test case does not change the document")
			}
			_, err := Parse([]byte(doc))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want Problems", err)
			}
			for _, p := range ps {
				if p.Where == tc.where && strings.Contains(p.What, tc.what) {
					return
				}
			}
			t.Errorf("no problem at %s saying %q; got:\n%v", tc.where, tc.what, err)
		})
	}
}

func TestParseBadFiles(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"empty", "  \n", "empty"},
		{"array", `[{"title": "x"}]`, "JSON array"},
		{"syntax", "{\n  \"title\": \"T\",\n  \"events\": [,]\n}", "line 3, column"},
		{"truncated", `{"title": "T", "events": [`, "ends in the middle"},
		{"binary", "\x00\xff\xfe", "not UTF-8"},
		{"wrong type", `{"title": 5}`, "a JSON number where a string belongs"},
		{"unknown field", `{"title": "T", "evnts": []}`, `unknown field "evnts"`},
		{"trailing", `{"title": "T", "events": []} {}`, "more data after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(validDoc))
	f.Add(Embedded())
	f.Add([]byte(`{"title":"x","events":[{"id":"a","date":"-0044-03-15","kind":"context","title":"Ides"}]}`))
	for _, doc := range appShortWayDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		parsesBothWays(t, b)
		tl, err := Parse(b)
		if err == nil {
			for i := 1; i < len(tl.Events); i++ {
				if tl.Events[i].Date.Before(tl.Events[i-1].Date) {
					t.Fatalf("events not sorted at %d", i)
				}
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error is not Problems: %v", err)
		}
		for _, p := range ps {
			if p.What == "" || p.Where == "" && !wholeFile[p.What] {
				t.Fatalf("problem %q names no place", p)
			}
		}
	})
}

// slugPattern is what isSlug checks, as a regular expression.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestIsSlug: isSlug says what the regular expression it stands for says.
func TestIsSlug(t *testing.T) {
	re := slugPattern
	for _, s := range []string{"", "a", "-", "a-", "-a", "a-b", "a--b", "hanoi-summit", "e000123", "A", "a_b",
		"a b", "ä", "a-b-c-9", "9", "--", "a-\n", "a\n", "é-a", "z0-y9-x8"} {
		if got, want := isSlug(s), re.MatchString(s); got != want {
			t.Errorf("isSlug(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

// appShortWayDocs are documents in the app's format at the edges of what
// scanAppFile reads in one pass.
var appShortWayDocs = []string{
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A"}]}`,
	`{"title":"T\u00e9\n","subtitle":"S","events":[{"id":"a","date":"2000","kind":"context","title":"A","quotes":[],"related":[]}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","Title":"case"}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","title":"twice"}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","extra":1}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":null}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":5}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","media":null}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","media":{"url":"u","alt":"x"}}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A","quotes":[{"text":"q","by":"b"}],"related":["a"]}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A"}]}}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A"}]} {}`,
	`{"title":"T","events":[null]}`,
	`{"title":"T","events":{}}`,
	`{"title":"T","events":[],"eras":[{"title":"E","start":"1990","end":"1995"}]}`,
	`{"title":"T","people":[{"id":"p","name":"P","side":"above"}],"sources":[{"id":"s","title":"S","publisher":"P","date":"2020"}],"events":[{"id":"a","date":"2000","kind":"letter","from":"p","to":"p","title":"A","source":"s"}]}`,
	`{"title":"T","events":[{"id":"a","date":"2000","kind":"context","title":"A"},]}`,
	`{"tit\u006ce":"T","events":[]}`,
	`{"title":"T","sources":[{"id":"s","title":"S"}],"events":[],"notes":[{"text":"n","quote":"q","source":"s"},{"text":""}]}`,
	`{"title":"T","events":[],"notes":[{"text":"n","Quote":"q"}]}`,
	`{"title":"T","events":[],"notes":null}`,
	`[]`,
}

// parsesBothWays checks that a document in the app's format reads the
// same in one pass as through encoding/json.
func parsesBothWays(t *testing.T, b []byte) {
	t.Helper()
	tl, cut, err := parse(b, true)
	tl2, cut2, err2 := parse(b, false)
	if fmt.Sprint(err) != fmt.Sprint(err2) || !reflect.DeepEqual(cut, cut2) || !reflect.DeepEqual(tl, tl2) {
		t.Fatalf("%q reads differently in one pass:\n%v %v\n%+v\nthan through encoding/json:\n%v %v\n%+v", b, err, cut, tl, err2, cut2, tl2)
	}
}

// TestParseShortWay: a document in the app's format reads the same in one
// pass as through encoding/json, at the edges of what the pass takes, and
// the embedded data set is read in one pass.
func TestParseShortWay(t *testing.T) {
	for _, doc := range append(appShortWayDocs, validDoc) {
		parsesBothWays(t, []byte(doc))
	}
	parsesBothWays(t, Embedded())
	if scanAppFile(Embedded()) == nil {
		t.Error("the embedded data set is not read in one pass")
	}
}

// TestIndexSortsEvents: index puts events in any order, moved in place,
// into date order, events at one instant in the order they came, each with
// its own fields.
func TestIndexSortsEvents(t *testing.T) {
	syn := Synthetic(500, 3)
	for seed := range uint64(5) {
		tl := &Timeline{Events: slices.Clone(syn.Events), People: syn.People}
		r := rand.New(rand.NewPCG(seed, 1))
		r.Shuffle(len(tl.Events), func(i, j int) { tl.Events[i], tl.Events[j] = tl.Events[j], tl.Events[i] })
		want := slices.Clone(tl.Events)
		slices.SortStableFunc(want, func(a, b Event) int {
			return cmp.Or(a.Start().Compare(b.Start()), cmp.Compare(a.Date.Precision, b.Date.Precision))
		})
		tl.index()
		if !reflect.DeepEqual(tl.Events, want) {
			t.Fatalf("seed %d: the events are not in order after index", seed)
		}
		for i, e := range tl.Events {
			if tl.events[e.ID] != i {
				t.Fatalf("seed %d: event %q is at %d, the index says %d", seed, e.ID, i, tl.events[e.ID])
			}
		}
	}
}

// TestLen: a nil timeline has no events; another has its Events' count.
func TestLen(t *testing.T) {
	var none *Timeline
	if n := none.Len(); n != 0 {
		t.Errorf("nil timeline: Len() = %d, want 0", n)
	}
	if n := Synthetic(7, 1).Len(); n != 7 {
		t.Errorf("7 events: Len() = %d, want 7", n)
	}
}

// TestAppScanKeys: the keys scanAppFile reads are those of the structs
// encoding/json reads the app's format into, so that a field added to the
// format is not read the long way only (or dropped) without a word.
func TestAppScanKeys(t *testing.T) {
	for _, tc := range []struct {
		v    any
		keys []string
	}{
		{fileJSON{}, fileKeys}, {sourceJSON{}, sourceKeys}, {Person{}, personKeys}, {eventJSON{}, eventKeys},
		{Quote{}, quoteKeys}, {mediaJSON{}, mediaKeys}, {eraJSON{}, eraKeys}, {Note{}, noteKeys},
	} {
		typ := reflect.TypeOf(tc.v)
		var tags []string
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name != "-" && typ.Field(i).IsExported() {
				tags = append(tags, name)
			}
		}
		slices.Sort(tags)
		keys := slices.Sorted(slices.Values(tc.keys))
		if !slices.Equal(tags, keys) {
			t.Errorf("%s has the keys %q, scanAppFile reads %q", typ.Name(), tags, keys)
		}
	}
}
