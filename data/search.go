package data

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Field names the part of an event a search word matched.
type Field uint8

// The fields a search looks in, from the heaviest weight to the lightest:
// a hit in the title or a person's name outranks one in the place or date,
// which outranks one in a quote, which outranks one in the summary.
const (
	FieldTitle      Field = iota
	FieldPeople           // sender and recipient names
	FieldPlace            // Event.Place
	FieldDate             // the date written several ways, both ends of a range
	FieldKind             // "Letter", "Meeting"
	FieldGroup            // Event.Group, for imported timelines
	FieldReportedBy       // who says so
	FieldQuote            // the words quoted
	FieldQuoteBy          // who said them
	FieldSummary
	fieldCount
)

var (
	fieldNames  = [fieldCount]string{"title", "people", "place", "date", "kind", "group", "reported by", "quote", "quoted by", "summary"}
	fieldWeight = [fieldCount]int{10, 10, 7, 7, 6, 6, 5, 5, 4, 3}
)

// String is the field's name for people: "title", "reported by".
func (f Field) String() string {
	if f < fieldCount {
		return fieldNames[f]
	}
	return fmt.Sprintf("field(%d)", uint8(f))
}

// Match is one event found by a search.
type Match struct {
	// Event is the index of the event in Timeline.Events.
	Event int
	// Score ranks matches: higher is better.
	Score int
	// Field is the field of the best hit; a row shows it when it is not the
	// title.
	Field Field
	// Text is that field's text, exactly as the event has it (for FieldDate,
	// the way of writing the date that matched, or the event's DisplayDate
	// when the query named a period).
	Text string
	// Runes are the rune indexes into Text of the matched characters,
	// sorted, for highlighting.
	Runes []int
}

// fieldRec is one searchable text of one event.
type fieldRec struct {
	off, n uint32 // the folded text is Index.text[off : off+n]
	event  int32
	aux    uint32 // people: 0 sender, 1 recipient; quotes: quote number; dates: index into Index.dateText
	field  Field
	ascii  bool // the original is ASCII: folded byte i is rune i
}

// Index is the search corpus of one data set, built once: every field of
// every event folded (lower case, accents removed) into one block of bytes,
// plus what the filters need. It is safe for concurrent searches.
type Index struct {
	t        *Timeline
	text     []byte
	fields   []fieldRec
	evFields []uint32           // event e's fields are fields[evFields[e]:evFields[e+1]], heaviest first
	runeOf   map[uint32][]int32 // for non-ASCII fields: rune index of each folded byte
	dateText []string
	evFrom   []int64 // Unix seconds: start of the event ...
	evUpto   []int64 // ... and the first instant after it

	kinds     []Kind
	dirs      []Direction
	reporters []string
	kindOf    []uint16
	dirOf     []uint16
	repOf     []uint32
}

// NewIndex builds the search corpus of t. Build it once per data set; t
// must not change afterwards.
func NewIndex(t *Timeline) *Index {
	n := len(t.Events)
	ix := &Index{
		t:        t,
		evFields: make([]uint32, 0, n+1),
		runeOf:   map[uint32][]int32{},
		evFrom:   make([]int64, n),
		evUpto:   make([]int64, n),
		kindOf:   make([]uint16, n),
		dirOf:    make([]uint16, n),
		repOf:    make([]uint32, n),
	}
	ix.fields = make([]fieldRec, 0, n*12)
	ix.text = make([]byte, 0, n*256)
	kindID := map[Kind]uint16{}
	for _, k := range Kinds {
		kindID[k] = uint16(len(ix.kinds))
		ix.kinds = append(ix.kinds, k)
	}
	dirID := map[Direction]uint16{{}: 0}
	ix.dirs = []Direction{{}}
	repID := map[string]uint32{"": 0}
	ix.reporters = []string{""}
	runes := make([]int32, 0, 256)
	for i := range t.Events {
		e := &t.Events[i]
		ev := int32(i)
		ix.evFields = append(ix.evFields, uint32(len(ix.fields)))
		add := func(f Field, aux int, s string) {
			if s == "" {
				return
			}
			off := len(ix.text)
			var ascii bool
			ix.text, runes, ascii = appendFold(ix.text, runes[:0], s)
			rec := fieldRec{off: uint32(off), n: uint32(len(ix.text) - off), event: ev, aux: uint32(aux), field: f, ascii: ascii}
			if !ascii {
				ix.runeOf[uint32(len(ix.fields))] = slices.Clone(runes)
			}
			ix.fields = append(ix.fields, rec)
		}
		add(FieldTitle, 0, e.Title)
		if e.From != "" {
			add(FieldPeople, 0, t.PersonName(e.From))
		}
		if e.To != "" {
			add(FieldPeople, 1, t.PersonName(e.To))
		}
		add(FieldPlace, 0, e.Place)
		dates := dateTexts(e.Date)
		if e.IsRange() {
			dates = append(dates, dateTexts(e.End)...)
		}
		if e.DateText != "" {
			dates = append(dates, e.DateText)
		}
		for _, d := range dates {
			add(FieldDate, len(ix.dateText), d)
			ix.dateText = append(ix.dateText, d)
		}
		add(FieldKind, 0, e.Kind.Label())
		add(FieldGroup, 0, e.Group)
		add(FieldReportedBy, 0, e.ReportedBy)
		for q := range e.Quotes {
			add(FieldQuote, q, e.Quotes[q].Text)
		}
		for q := range e.Quotes {
			add(FieldQuoteBy, q, e.Quotes[q].By)
		}
		add(FieldSummary, 0, e.Summary)

		ix.evFrom[i] = e.Start().Unix()
		ix.evUpto[i] = e.Until().Unix()
		k, ok := kindID[e.Kind]
		if !ok {
			k = uint16(len(ix.kinds))
			kindID[e.Kind] = k
			ix.kinds = append(ix.kinds, e.Kind)
		}
		ix.kindOf[i] = k
		var dir Direction
		if e.From != "" {
			dir = Direction{From: e.From, To: e.To}
		}
		d, ok := dirID[dir]
		if !ok {
			d = uint16(len(ix.dirs))
			dirID[dir] = d
			ix.dirs = append(ix.dirs, dir)
		}
		ix.dirOf[i] = d
		r, ok := repID[e.ReportedBy]
		if !ok {
			r = uint32(len(ix.reporters))
			repID[e.ReportedBy] = r
			ix.reporters = append(ix.reporters, e.ReportedBy)
		}
		ix.repOf[i] = r
	}
	ix.evFields = append(ix.evFields, uint32(len(ix.fields)))
	return ix
}

// Timeline returns the data set the index was built from.
func (ix *Index) Timeline() *Timeline { return ix.t }

// Len is the number of events in the index.
func (ix *Index) Len() int { return len(ix.t.Events) }

// Search returns the events that match query, best first. A blank query
// returns every event in date order. See SearchContext.
func (ix *Index) Search(query string) []Match {
	ms, _ := ix.SearchContext(context.Background(), query, Filter{})
	return ms
}

// SearchContext returns the events that match query and f, best first
// (equal scores in date order). The query is split into words; every word
// must match, each in any field, in any order, ignoring case and accents.
// Words that write a date with its year ("2018", "june 2019", "2019-06",
// "6/30/2019") keep the events in that period. A blank query returns every
// event that f keeps, in date order. The search stops with ctx's error when
// ctx is done.
func (ix *Index) SearchContext(ctx context.Context, query string, f Filter) ([]Match, error) {
	q := parseQuery(query)
	res, _, err := ix.run(ctx, &q, nil, false, f)
	return res.Matches, err
}

// query is a parsed search query: words to match in the text and periods
// the events must overlap.
type query struct {
	words   [][]byte
	periods []period
}

func (q *query) blank() bool { return len(q.words) == 0 && len(q.periods) == 0 }

// parseQuery folds s, splits it into words, trims punctuation around them
// and reads the dates among them.
func parseQuery(s string) query {
	var toks []string
	for _, w := range strings.Fields(Fold(s)) {
		if w = strings.Trim(w, `,;:!?"()[]{}`); w != "" {
			toks = append(toks, w)
		}
	}
	var q query
	for i := 0; i < len(toks); {
		if d, n := datePrefix(toks[i:]); n > 0 {
			q.periods = append(q.periods, newPeriod(d))
			i += n
			continue
		}
		q.words = append(q.words, []byte(toks[i]))
		i++
	}
	return q
}

// refines reports whether every event matching q also matches old: the
// same periods, and each of old's words grown (or kept) in q, maybe with
// more words after them. Matches of a word are matches of its prefixes, so
// then q can be searched within old's result.
func (q *query) refines(old *query) bool {
	if len(q.periods) != len(old.periods) || len(q.words) < len(old.words) {
		return false
	}
	for i := range q.periods {
		if q.periods[i].date != old.periods[i].date {
			return false
		}
	}
	for i, w := range old.words {
		if !bytes.HasPrefix(q.words[i], w) {
			return false
		}
	}
	return true
}

// hit is one matching event while a search runs.
type hit struct {
	event, score int32
	field        int32 // index into Index.fields, or -1 for the event's display date
	pos, npos    uint32
}

// worker searches a share of the events with its own scratch space.
type worker struct {
	m       matcher
	hits    []hit
	pos     []int32   // matched byte offsets of all hits
	wordPos [][]int32 // per word: offsets of its best hit in the current event
	wordFld []int32
	wordSc  []int32
}

var workers = sync.Pool{New: func() any { return new(worker) }}

const periodScore = rawWord * 7 // a period named in the query counts as a whole-word date hit

// minShare is the fewest events worth a goroutine of their own.
const minShare = 4096

// run searches for q and returns the ranked result, the events that
// matched q before f was applied (in date order, for narrowing the next
// search), and ctx's error if it ended first. When narrowed is true it
// searches only cands, event indexes in ascending order; else every event.
func (ix *Index) run(ctx context.Context, q *query, cands []int32, narrowed bool, f Filter) (Result, []int32, error) {
	fs := ix.compile(f)
	if q.blank() {
		return ix.all(fs), nil, ctx.Err()
	}
	n := len(ix.t.Events)
	if narrowed {
		n = len(cands)
	}
	shares := runtime.GOMAXPROCS(0)
	if shares > n/minShare {
		shares = max(1, n/minShare)
	}
	ws := make([]*worker, shares)
	var wg sync.WaitGroup
	for s := range shares {
		w := workers.Get().(*worker)
		ws[s] = w
		lo, hi := n*s/shares, n*(s+1)/shares
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.search(ctx, ix, q, cands, narrowed, lo, hi)
		}()
	}
	wg.Wait()
	defer func() {
		for _, w := range ws {
			workers.Put(w)
		}
	}()
	if err := ctx.Err(); err != nil {
		return Result{}, nil, err
	}
	return ix.assemble(q, ws, fs)
}

// search matches events lo to hi (positions in cands when narrowed).
func (w *worker) search(ctx context.Context, ix *Index, q *query, cands []int32, narrowed bool, lo, hi int) {
	w.hits = w.hits[:0]
	w.pos = w.pos[:0]
	for len(w.wordPos) < len(q.words) {
		w.wordPos = append(w.wordPos, nil)
	}
	w.wordFld = slices.Grow(w.wordFld[:0], len(q.words))[:len(q.words)]
	w.wordSc = slices.Grow(w.wordSc[:0], len(q.words))[:len(q.words)]
	for i := lo; i < hi; i++ {
		if (i-lo)&1023 == 1023 && ctx.Err() != nil {
			return
		}
		e := int32(i)
		if narrowed {
			e = cands[i]
		}
		w.event(ix, q, e)
	}
}

// event matches event e against q and records a hit when every word and
// period matches.
func (w *worker) event(ix *Index, q *query, e int32) {
	for _, p := range q.periods {
		if ix.evFrom[e] >= p.upto || ix.evUpto[e] <= p.from {
			return
		}
	}
	total := int32(len(q.periods) * periodScore)
	bestSc, bestFld := int32(-1), int32(-1)
	if len(q.periods) > 0 {
		bestSc = periodScore
	}
	lo, hi := ix.evFields[e], ix.evFields[e+1]
	for wi, t := range q.words {
		best, bf := 0, int32(-1)
		for fi := lo; fi < hi; fi++ {
			rec := &ix.fields[fi]
			wt := fieldWeight[rec.field]
			if best >= rawMax*wt {
				break // fields come heaviest first: none left can do better
			}
			if r := w.m.match(ix.text[rec.off:rec.off+rec.n], t); r*wt > best {
				best, bf = r*wt, int32(fi)
				w.wordPos[wi] = append(w.wordPos[wi][:0], w.m.pos...)
			}
		}
		if best == 0 {
			return
		}
		total += int32(best)
		w.wordFld[wi], w.wordSc[wi] = bf, int32(best)
		if int32(best) > bestSc {
			bestSc, bestFld = int32(best), bf
		}
	}
	h := hit{event: e, score: total, field: bestFld, pos: uint32(len(w.pos))}
	if bestFld >= 0 {
		for wi := range q.words {
			if w.wordFld[wi] == bestFld {
				w.pos = append(w.pos, w.wordPos[wi]...)
			}
		}
	}
	h.npos = uint32(len(w.pos)) - h.pos
	w.hits = append(w.hits, h)
}

// all lists every event f keeps, in date order.
func (ix *Index) all(fs filterSet) Result {
	c := ix.newCounter()
	ms := make([]Match, 0, len(ix.t.Events))
	for i := range ix.t.Events {
		k, d, r := ix.pass(&fs, int32(i))
		ix.add(&c, int32(i), k, d, r)
		if k && d && r {
			ms = append(ms, Match{Event: i, Field: FieldTitle, Text: ix.t.Events[i].Title})
		}
	}
	return Result{Matches: ms, Counts: ix.counts(&c), Total: len(ix.t.Events)}
}

// assemble filters, counts and ranks the workers' hits and builds the
// matches.
func (ix *Index) assemble(q *query, ws []*worker, fs filterSet) (Result, []int32, error) {
	nhits := 0
	for _, w := range ws {
		nhits += len(w.hits)
	}
	matched := make([]int32, 0, nhits)
	kept := make([]*hit, 0, nhits)
	keptPos := make([][]int32, 0, nhits) // the worker's offsets slab of each kept hit
	c := ix.newCounter()
	maxScore := int32(0)
	for _, w := range ws {
		for i := range w.hits {
			h := &w.hits[i]
			matched = append(matched, h.event)
			k, d, r := ix.pass(&fs, h.event)
			ix.add(&c, h.event, k, d, r)
			if k && d && r {
				kept = append(kept, h)
				keptPos = append(keptPos, w.pos)
				maxScore = max(maxScore, h.score)
			}
		}
	}
	// Counting sort by score, best first; stable, so equal scores stay in
	// date order.
	start := make([]int, maxScore+2)
	for _, h := range kept {
		start[maxScore-h.score+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	order := make([]int32, len(kept))
	for i, h := range kept {
		b := maxScore - h.score
		order[start[b]] = int32(i)
		start[b]++
	}
	npos := 0
	for _, h := range kept {
		npos += int(h.npos)
	}
	slab := make([]int, 0, npos)
	ms := make([]Match, len(kept))
	for j, i := range order {
		h := kept[i]
		m := &ms[j]
		m.Event, m.Score = int(h.event), int(h.score)
		if h.field < 0 {
			e := &ix.t.Events[h.event]
			m.Field, m.Text = FieldDate, e.DisplayDate()
			var rs []int
			for _, p := range q.periods {
				rs = append(rs, dateRunes(m.Text, p.date)...)
			}
			m.Runes = sortedUnique(rs)
			continue
		}
		rec := &ix.fields[h.field]
		m.Field, m.Text = rec.field, ix.fieldText(rec)
		from := len(slab)
		pos := keptPos[i][h.pos : h.pos+h.npos]
		if rec.ascii {
			for _, p := range pos {
				slab = append(slab, int(p))
			}
		} else {
			ro := ix.runeOf[uint32(h.field)]
			for _, p := range pos {
				slab = append(slab, int(ro[p]))
			}
		}
		m.Runes = sortedUnique(slab[from:len(slab):len(slab)])
		slab = slab[:from+len(m.Runes)]
	}
	return Result{Matches: ms, Counts: ix.counts(&c), Total: len(ix.t.Events)}, matched, nil
}

// fieldText is the original text of a field.
func (ix *Index) fieldText(rec *fieldRec) string {
	e := &ix.t.Events[rec.event]
	switch rec.field {
	case FieldTitle:
		return e.Title
	case FieldPeople:
		if rec.aux == 0 {
			return ix.t.PersonName(e.From)
		}
		return ix.t.PersonName(e.To)
	case FieldPlace:
		return e.Place
	case FieldDate:
		return ix.dateText[rec.aux]
	case FieldKind:
		return e.Kind.Label()
	case FieldGroup:
		return e.Group
	case FieldReportedBy:
		return e.ReportedBy
	case FieldQuote:
		return e.Quotes[rec.aux].Text
	case FieldQuoteBy:
		return e.Quotes[rec.aux].By
	}
	return e.Summary
}

// sortedUnique sorts xs in place and drops repeats.
func sortedUnique(xs []int) []int {
	if len(xs) < 2 {
		return xs
	}
	if !slices.IsSorted(xs) {
		slices.Sort(xs)
	}
	return slices.Compact(xs)
}
