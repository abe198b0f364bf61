package data

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
	aux   uint16 // which one: 0 sender, 1 recipient; the quote; the way of writing the date
	field Field
	plain bool // folded byte i is rune i of the original (ASCII, or accents that fold to one letter)
}

// Index is the search corpus of one data set, built once: the vocabulary
// of the distinct whitespace-separated tokens of every field of every
// event, folded (lower case, accents removed), that sahilm/fuzzy matches
// query words against, the postings from each token to the fields holding
// it, and what the filters need. The folded texts themselves are not kept:
// a posting says where in its field a token starts, and a match's
// highlights need no more. It is safe for concurrent searches.
type Index struct {
	t        *Timeline
	fields   []fieldRec
	dates    string   // the ways each event's date is written, one after another
	dateAt   []uint32 // date text i is dates[dateAt[i]:dateAt[i+1]]
	evDates  []uint32 // event e's date texts are from dateAt[evDates[e]] on
	labels   []string // Kind.Label of each of kinds
	evFields []uint32 // event e's fields are fields[evFields[e]:evFields[e+1]], heaviest first
	runeFld  []uint32 // the fields that are not plain, in order ...
	runeAt   []uint32 // ... field runeFld[k]'s folded bytes' rune indexes are runeOf[runeAt[k]:runeAt[k+1]]
	runeOf   []int32  // the rune index of each folded byte of the fields that are not plain
	evFrom   []int64  // Unix seconds: start of the event ...
	evUpto   []int64  // ... and the first instant after it

	kinds     []Kind
	dirs      []Direction
	reporters []string
	groups    []string // TimelineJS groups; "" for none
	kindOf    []uint16
	dirOf     []uint16
	repOf     []uint32
	grpOf     []uint32

	vocab     []string // the distinct tokens of all fields' folded texts
	postAt    []uint32 // token t occurs at postField/postOff[postAt[t]:postAt[t+1]]
	postField []uint32 // ... in these fields, in order
	postOff   []uint32 // ... at these offsets into their folded text
	postEv    []int32  // ... of these events
	postKind  []uint8  // ... whose Field is this, with postPlain set if the field is plain

	mu   sync.Mutex
	idle []*worker // scratch space of finished searches, for the next ones
}

// NewIndex builds the search corpus of t. Build it once per data set; t
// must not change afterwards.
//
// It is built in one pass over the events, each field folded into a
// scratch buffer and cut into tokens there, and what the index keeps is
// allocated once at its size where that is known: at 100,000 events the
// build runs in the app after the first frame, beside the window's own
// memory, and all it allocates adds to the process's peak.
func NewIndex(t *Timeline) *Index {
	n := len(t.Events)
	ix := &Index{
		t:        t,
		evFields: make([]uint32, 0, n+1),
		evDates:  make([]uint32, n),
		evFrom:   make([]int64, n),
		evUpto:   make([]int64, n),
		kindOf:   make([]uint16, n),
		dirOf:    make([]uint16, n),
		repOf:    make([]uint32, n),
		grpOf:    make([]uint32, n),
		runeAt:   []uint32{0},
	}
	const fieldsGuess = 12 // an event's fields, most of the time (more with quotes)
	ix.fields = make([]fieldRec, 0, n*fieldsGuess)
	ix.dateAt = append(make([]uint32, 0, n*3+1), 0)
	b := vocabBuilder{id: map[string]uint32{}, fieldOcc: make([]uint32, 0, n*fieldsGuess+1),
		runes: make([]int32, 0, 256)} // not nil: appendFold gives rune indexes only then
	var dates strings.Builder // its String is not copied: the date texts are pieces of it
	dates.Grow(n * 32)
	kindID := map[Kind]uint16{}
	for _, k := range Kinds {
		kindID[k] = uint16(len(ix.kinds))
		ix.kinds = append(ix.kinds, k)
		ix.labels = append(ix.labels, k.Label())
	}
	dirID := map[Direction]uint16{{}: 0}
	ix.dirs = []Direction{{}}
	repID := map[string]uint32{"": 0}
	ix.reporters = []string{""}
	grpID := map[string]uint32{"": 0}
	ix.groups = []string{""}
	var dbuf []byte // the event's date texts
	for i := range t.Events {
		e := &t.Events[i]
		ix.evFields = append(ix.evFields, uint32(len(ix.fields)))
		first := len(ix.fields)
		add := func(f Field, aux int, s string) {
			if s == "" || len(ix.fields)-first >= maxFields {
				return // nothing to search, or more quotes than anyone reads
			}
			b.add(ix, int32(i), f, aux, s)
		}
		kind := intern(kindID, &ix.kinds, e.Kind)
		if int(kind) == len(ix.labels) {
			ix.labels = append(ix.labels, e.Kind.Label())
		}
		add(FieldTitle, 0, e.Title)
		if e.From != "" {
			add(FieldPeople, 0, t.PersonName(e.From))
		}
		if e.To != "" {
			add(FieldPeople, 1, t.PersonName(e.To))
		}
		add(FieldPlace, 0, e.Place)
		first0 := len(ix.dateAt) - 1
		dbuf, ix.dateAt = appendDateTexts(dbuf[:0], ix.dateAt, uint32(dates.Len()), e.Date)
		if e.IsRange() {
			dbuf, ix.dateAt = appendDateTexts(dbuf, ix.dateAt, uint32(dates.Len()), e.End)
		}
		if e.DateText != "" {
			dbuf = append(dbuf, e.DateText...)
			ix.dateAt = append(ix.dateAt, uint32(dates.Len()+len(dbuf)))
		}
		dates.Write(dbuf)
		ix.evDates[i] = uint32(first0)
		all := dates.String()
		for k := first0; k < len(ix.dateAt)-1; k++ {
			add(FieldDate, k-first0, all[ix.dateAt[k]:ix.dateAt[k+1]])
		}
		add(FieldKind, 0, ix.labels[kind])
		add(FieldGroup, 0, e.Group)
		add(FieldReportedBy, 0, e.ReportedBy)
		for q := range min(len(e.Quotes), maxFields/2-16) {
			add(FieldQuote, q, e.Quotes[q].Text)
		}
		for q := range min(len(e.Quotes), maxFields/2-16) {
			add(FieldQuoteBy, q, e.Quotes[q].By)
		}
		add(FieldSummary, 0, e.Summary)

		ix.evFrom[i] = e.Start().Unix()
		ix.evUpto[i] = e.Until().Unix()
		ix.kindOf[i] = kind
		var dir Direction
		if e.From != "" {
			dir = Direction{From: e.From, To: e.To}
		}
		ix.dirOf[i] = intern(dirID, &ix.dirs, dir)
		ix.repOf[i] = intern(repID, &ix.reporters, e.ReportedBy)
		ix.grpOf[i] = intern(grpID, &ix.groups, e.Group)
	}
	ix.evFields = append(ix.evFields, uint32(len(ix.fields)))
	ix.dates = dates.String()
	b.post(ix)
	return ix
}

// intern returns v's number in ids, giving it the next one (and appending
// it to values) the first time v is seen.
func intern[K comparable, N uint16 | uint32](ids map[K]N, values *[]K, v K) N {
	n, ok := ids[v]
	if !ok {
		n = N(len(*values))
		ids[v] = n
		*values = append(*values, v)
	}
	return n
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
// A word matches a word of a field (a whitespace-separated token) as
// sahilm/fuzzy matches it, weak scattered matches left out (see
// tokenScore); fuzzy's score, the field's weight and the form of the match
// rank it, and fuzzy's matched characters are the highlights. Words that
// write a date with its year ("2018", "june 2019", "2019-06", "6/30/2019")
// keep the events in that period. A blank query returns every event that f
// keeps, in date order. The search stops with ctx's error when ctx is done.
func (ix *Index) SearchContext(ctx context.Context, query string, f Filter) ([]Match, error) {
	q := parseQuery(query)
	res, _, err := ix.run(ctx, &q, nil, f)
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

// maxFields is the most fields an event can have (fieldRec.aux's bits).
const maxFields = 1 << 16

// vocabBuilder cuts every field's folded text into tokens (see tokens) as
// NewIndex adds it and lists, for each distinct token, where it occurs:
// the vocabulary that sahilm/fuzzy searches, and the postings that lead
// from a token to the fields holding it.
type vocabBuilder struct {
	id       map[string]uint32
	lastEv   []int32  // the last event each token was seen in
	count    []uint32 // the places of each token
	occ      [][]occurrence
	nocc     int
	fieldOcc []uint32 // field f's places are occ's from fieldOcc[f] to fieldOcc[f+1]
	fold     []byte
	runes    []int32
}

// occurrence is a token's place in a field, until the postings are made.
type occurrence struct{ tok, off uint32 }

// occBlock is the number of occurrences in a block of vocabBuilder.occ:
// blocks rather than one slice, so that gathering some three million of
// them at 100,000 events leaves no garbage of a growing slice behind, and
// each block can go once the postings have it.
const occBlock = 1 << 14

// add folds s, field f of event ev, adds it to ix.fields (and its rune
// indexes to ix.runeOf if it is not plain) and notes the places of its
// tokens.
func (b *vocabBuilder) add(ix *Index, ev int32, f Field, aux int, s string) {
	fi := uint32(len(ix.fields))
	var plain bool
	b.fold, _, plain = appendFold(b.fold[:0], nil, s)
	if !plain {
		b.fold, b.runes, _ = appendFold(b.fold[:0], b.runes[:0], s)
		plain = true
		for i, r := range b.runes {
			if r != int32(i) {
				plain = false
				break
			}
		}
	}
	if !plain {
		ix.runeFld = append(ix.runeFld, fi)
		ix.runeOf = append(ix.runeOf, b.runes...)
		ix.runeAt = append(ix.runeAt, uint32(len(ix.runeOf)))
	}
	ix.fields = append(ix.fields, fieldRec{aux: uint16(aux), field: f, plain: plain})
	b.fieldOcc = append(b.fieldOcc, uint32(b.nocc))
	s2 := b.fold
	tokens(s2, func(lo, hi int) {
		t, ok := b.id[string(s2[lo:hi])]
		if !ok {
			t = uint32(len(ix.vocab))
			w := string(s2[lo:hi])
			b.id[w] = t
			ix.vocab = append(ix.vocab, w)
			b.lastEv = append(b.lastEv, -1)
			b.count = append(b.count, 0)
		}
		// Only a token's first place in an event counts: its field
		// weighs the most and it comes first, so it is the hit a
		// search keeps of all the token's places in the event.
		if b.lastEv[t] == ev {
			return
		}
		b.lastEv[t] = ev
		b.count[t]++
		if k := len(b.occ) - 1; k < 0 || len(b.occ[k]) == occBlock {
			b.occ = append(b.occ, make([]occurrence, 0, occBlock))
		}
		k := len(b.occ) - 1
		b.occ[k] = append(b.occ[k], occurrence{tok: t, off: uint32(lo)})
		b.nocc++
	})
}

// post makes ix's postings from the places gathered: by token, each
// token's in field order (a counting sort).
func (b *vocabBuilder) post(ix *Index) {
	ix.postAt = make([]uint32, len(ix.vocab)+1)
	for t, c := range b.count {
		ix.postAt[t+1] = ix.postAt[t] + c
	}
	next := b.count // reused: where each token's next posting goes
	copy(next, ix.postAt)
	ix.postField = make([]uint32, b.nocc)
	ix.postOff = make([]uint32, b.nocc)
	ix.postEv = make([]int32, b.nocc)
	ix.postKind = make([]uint8, b.nocc)
	b.fieldOcc = append(b.fieldOcc, uint32(b.nocc))
	k := 0 // the occurrence, b.occ[k/occBlock][k%occBlock]
	for e := range len(ix.evFields) - 1 {
		for f := ix.evFields[e]; f < ix.evFields[e+1]; f++ {
			kind := uint8(ix.fields[f].field)
			if ix.fields[f].plain {
				kind |= postPlain
			}
			for ; k < int(b.fieldOcc[f+1]); k++ {
				o := b.occ[k/occBlock][k%occBlock]
				if k%occBlock == occBlock-1 {
					b.occ[k/occBlock] = nil // all taken
				}
				p := next[o.tok]
				next[o.tok]++
				ix.postField[p], ix.postOff[p] = f, o.off
				ix.postEv[p], ix.postKind[p] = int32(e), kind
			}
		}
	}
}

// foldedRunes is, for field f when it is not plain, the rune index in its
// original text of each byte of its folded text.
func (ix *Index) foldedRunes(f int) []int32 {
	k, _ := slices.BinarySearch(ix.runeFld, uint32(f))
	return ix.runeOf[ix.runeAt[k]:ix.runeAt[k+1]]
}

// postPlain marks, in Index.postKind, a posting in a plain field (see
// fieldRec).
const postPlain = 0x80

// worker gathers, for a share of the events, the best hit of each query
// word from the postings of the tokens it matches, and builds the matches
// of the events that have all words, with its own scratch space.
type worker struct {
	best    []int32  // best[wi*n+e-lo]: word wi's best score in event e, 0 for none
	bestP   []uint32 // ... the posting of that hit
	bestK   []uint32 // ... and its tokHit in wordHits.hits
	hits    []hit    // events that match and pass the filter, in date order
	c       counter  // filter counts
	runes   []int    // the hits' Runes, one after the other; new for each search
	scratch []int    // where they are gathered
	wfld    []int64
	total   int // events that matched the query, filter or not
}

// prior is what a narrowing search starts from: what each word of the
// previous query matched in the vocabulary.
type prior struct {
	words []*wordHits
}

// worker returns scratch space for one share of a search.
func (ix *Index) worker() *worker {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n := len(ix.idle); n > 0 {
		w := ix.idle[n-1]
		ix.idle = ix.idle[:n-1]
		return w
	}
	return new(worker)
}

// done gives w back for later searches.
func (ix *Index) done(w *worker) {
	w.runes = nil // the matches hold them
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.idle = append(ix.idle, w)
}

// periodScore is what a period named in the query counts: about a
// whole-word hit in the date.
const periodScore = 100 * 7

// A search cuts the events into shares that the goroutines (one per core)
// take one after another: more shares than cores, so that a core slowed
// by other programs does not hold the rest up.
const (
	minShare  = 2048 // the fewest events worth a share of their own
	maxShares = 16
)

// parallel runs do(i) for i from 0 to n-1 on up to GOMAXPROCS goroutines,
// this one included, each taking the next i not taken yet.
func parallel(n int, do func(i int)) {
	var next atomic.Int32
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
}

// run searches for q and returns the ranked result, and what the next
// search needs to narrow from this one; or ctx's error if it ended first.
// With a nil from, each word is fuzzy-matched against the whole
// vocabulary; else word i only against the tokens from's word i matched
// (q must refine the query from comes from).
func (ix *Index) run(ctx context.Context, q *query, from *prior, f Filter) (Result, *prior, error) {
	fs := ix.compile(f)
	if q.blank() {
		return ix.all(fs), nil, ctx.Err()
	}
	next := &prior{words: make([]*wordHits, len(q.words))}
	for i, t := range q.words {
		var base *wordHits
		if from != nil && i < len(from.words) {
			base = from.words[i]
		}
		next.words[i] = ix.matchWord(string(t), base)
		if err := ctx.Err(); err != nil {
			return Result{}, nil, err
		}
	}
	n := len(ix.t.Events)
	shares := min(maxShares, max(1, n/minShare))
	ws := make([]*worker, shares)
	for i := range ws {
		ws[i] = ix.worker()
	}
	defer func() {
		for _, w := range ws {
			ix.done(w)
		}
	}()
	parallel(shares, func(i int) {
		ws[i].search(ctx, ix, q, next.words, &fs, n*i/shares, n*(i+1)/shares)
	})
	if err := ctx.Err(); err != nil {
		return Result{}, nil, err
	}
	res := ix.assemble(q, ws)
	return res, next, nil
}

// search finds the events lo to hi that match q, whose words matched the
// tokens of words.
func (w *worker) search(ctx context.Context, ix *Index, q *query, words []*wordHits, fs *filterSet, lo, hi int) {
	n := hi - lo
	nw := len(words)
	w.best = slices.Grow(w.best[:0], nw*n)[:nw*n]
	w.bestP = slices.Grow(w.bestP[:0], nw*n)[:nw*n]
	w.bestK = slices.Grow(w.bestK[:0], nw*n)[:nw*n]
	clear(w.best)
	w.hits = w.hits[:0]
	w.total = 0
	if len(w.c.kind) != len(ix.kinds) || len(w.c.dir) != len(ix.dirs) || len(w.c.rep) != len(ix.reporters) || len(w.c.grp) != len(ix.groups) {
		w.c = ix.newCounter()
	} else {
		clear(w.c.kind)
		clear(w.c.dir)
		clear(w.c.rep)
		clear(w.c.grp)
	}
	flo, fhi := ix.evFields[lo], ix.evFields[hi]
	for wi, wh := range words {
		best, bestP, bestK := w.best[wi*n:(wi+1)*n], w.bestP[wi*n:(wi+1)*n], w.bestK[wi*n:(wi+1)*n]
		for k, th := range wh.hits {
			if k&63 == 63 && ctx.Err() != nil {
				return
			}
			p0, p1 := ix.postAt[th.tok], ix.postAt[th.tok+1]
			fields := ix.postField[p0:p1]
			a, _ := slices.BinarySearch(fields, flo)
			z, _ := slices.BinarySearch(fields[a:], fhi)
			for p := p0 + uint32(a); p < p0+uint32(a+z); p++ {
				e := ix.postEv[p] - int32(lo)
				if wi > 0 && w.best[e] == 0 {
					continue // the first word is not in e: e is out
				}
				sc := th.raw * int32(fieldWeight[ix.postKind[p]&^postPlain])
				cur := best[e]
				if sc > cur || sc == cur && ix.before(p, bestP[e]) {
					best[e], bestP[e], bestK[e] = sc, p, uint32(k)
				}
			}
		}
	}
	if ctx.Err() != nil {
		return
	}
	w.wfld = slices.Grow(w.wfld[:0], nw)[:nw]
	// The runes go to scratch space kept between searches, then to a
	// slice of their own that the matches keep.
	w.runes = w.scratch[:0]
	w.hits = slices.Grow(w.hits, n)
events:
	for e := lo; e < hi; e++ {
		for _, p := range q.periods {
			if ix.evFrom[e] >= p.upto || ix.evUpto[e] <= p.from {
				continue events
			}
		}
		total := len(q.periods) * periodScore
		bestSc, bestFld, bestPost := -1, int64(-1), uint32(0)
		if len(q.periods) > 0 {
			bestSc = periodScore
		}
		for wi := range nw {
			sc := int(w.best[wi*n+e-lo])
			if sc == 0 {
				continue events
			}
			total += sc
			bp := w.bestP[wi*n+e-lo]
			f := int64(ix.postField[bp])
			w.wfld[wi] = f
			if sc > bestSc {
				bestSc, bestFld, bestPost = sc, f, bp
			}
		}
		w.total++
		p := ix.pass(fs, int32(e))
		ix.add(&w.c, int32(e), p)
		if !p.all() {
			continue
		}
		h := hit{event: int32(e), score: int32(total), field: int32(bestFld), runes: uint32(len(w.runes)), kind: FieldDate}
		if bestFld >= 0 {
			pk := ix.postKind[bestPost]
			h.kind = Field(pk &^ postPlain)
			var ro []int32
			if pk&postPlain == 0 {
				ro = ix.foldedRunes(int(bestFld))
			}
			for wi, wh := range words {
				if w.wfld[wi] != bestFld {
					continue
				}
				x := wi*n + e - lo
				th := &wh.hits[w.bestK[x]]
				off := int(ix.postOff[w.bestP[x]])
				for _, i := range wh.idx[th.i0:th.i1] {
					if ro != nil {
						w.runes = append(w.runes, int(ro[off+i]))
					} else {
						w.runes = append(w.runes, off+i)
					}
				}
			}
			w.runes = append(w.runes[:h.runes], sortedUnique(w.runes[h.runes:])...)
		}
		h.nrunes = uint32(len(w.runes)) - h.runes
		w.hits = append(w.hits, h)
	}
	w.scratch = w.runes
	w.runes = slices.Clone(w.runes)
}

// before reports whether posting p comes before posting o: in an earlier
// field, or earlier in the same field.
func (ix *Index) before(p, o uint32) bool {
	return ix.postField[p] < ix.postField[o] || ix.postField[p] == ix.postField[o] && ix.postOff[p] < ix.postOff[o]
}

// hit is an event that matches a search, until its Match is built.
type hit struct {
	event, score  int32
	field         int32 // index into Index.fields, or -1 for the date the query names
	runes, nrunes uint32
	kind          Field
}

// build writes the Match of each of w's hits at its place in ms.
func (w *worker) build(ix *Index, q *query, ms []Match, place []int32) {
	for i, h := range w.hits {
		m := &ms[place[i]]
		m.Event, m.Score = int(h.event), int(h.score)
		if h.field < 0 {
			m.Field, m.Text = FieldDate, ix.t.Events[h.event].DisplayDate()
			var rs []int
			for _, p := range q.periods {
				rs = append(rs, dateRunes(m.Text, p.date)...)
			}
			m.Runes = sortedUnique(rs)
			continue
		}
		m.Field, m.Text = h.kind, ix.fieldText(int(h.field), h.event)
		if h.nrunes > 0 {
			m.Runes = w.runes[h.runes : h.runes+h.nrunes : h.runes+h.nrunes]
		}
	}
}

// all lists every event f keeps, in date order.
func (ix *Index) all(fs filterSet) Result {
	c := ix.newCounter()
	ms := make([]Match, 0, len(ix.t.Events))
	for i := range ix.t.Events {
		p := ix.pass(&fs, int32(i))
		ix.add(&c, int32(i), p)
		if p.all() {
			ms = append(ms, Match{Event: i, Field: FieldTitle, Text: ix.t.Events[i].Title})
		}
	}
	return Result{Matches: ms, Counts: ix.counts(&c), Total: len(ix.t.Events)}
}

// assemble merges the workers' hits, best first (a counting sort by
// score: stable, so equal scores stay in date order), builds their matches
// (each worker its own, in parallel) and adds up the counts.
func (ix *Index) assemble(q *query, ws []*worker) Result {
	nhits, maxScore := 0, int32(0)
	c := ix.newCounter()
	for _, w := range ws {
		nhits += len(w.hits)
		for i := range w.hits {
			maxScore = max(maxScore, w.hits[i].score)
		}
		for i := range c.kind {
			c.kind[i] += w.c.kind[i]
		}
		for i := range c.dir {
			c.dir[i] += w.c.dir[i]
		}
		for i := range c.rep {
			c.rep[i] += w.c.rep[i]
		}
		for i := range c.grp {
			c.grp[i] += w.c.grp[i]
		}
	}
	start := make([]int32, maxScore+2)
	for _, w := range ws {
		for i := range w.hits {
			start[maxScore-w.hits[i].score+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	places := make([][]int32, len(ws))
	for k, w := range ws {
		places[k] = make([]int32, len(w.hits))
		for i := range w.hits {
			b := maxScore - w.hits[i].score
			places[k][i] = start[b]
			start[b]++
		}
	}
	ms := make([]Match, nhits)
	parallel(len(ws), func(k int) { ws[k].build(ix, q, ms, places[k]) })
	return Result{Matches: ms, Counts: ix.counts(&c), Total: len(ix.t.Events)}
}

// fieldText is the original text of field f of event e.
func (ix *Index) fieldText(f int, e int32) string {
	rec := &ix.fields[f]
	ev := &ix.t.Events[e]
	switch rec.field {
	case FieldTitle:
		return ev.Title
	case FieldPeople:
		if rec.aux == 0 {
			return ix.t.PersonName(ev.From)
		}
		return ix.t.PersonName(ev.To)
	case FieldPlace:
		return ev.Place
	case FieldDate:
		i := ix.evDates[e] + uint32(rec.aux)
		return ix.dates[ix.dateAt[i]:ix.dateAt[i+1]]
	case FieldKind:
		return ix.labels[ix.kindOf[e]]
	case FieldGroup:
		return ev.Group
	case FieldReportedBy:
		return ev.ReportedBy
	case FieldQuote:
		return ev.Quotes[rec.aux].Text
	case FieldQuoteBy:
		return ev.Quotes[rec.aux].By
	}
	return ev.Summary
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
