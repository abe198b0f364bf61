package data

import (
	"context"
	"sync"
)

// Result is what one search returns.
type Result struct {
	// Query is the query searched for, as given.
	Query string
	// Matches are the events that match the query and the filter, best
	// first.
	Matches []Match
	// Counts are the per-value counts for the filter toggles.
	Counts Counts
	// Total is the number of events in the data set ("4 of 17").
	Total int
	// Narrowed reports that the search looked only within what the
	// previous search matched, because the query had only grown.
	Narrowed bool
}

// Searcher runs the searches of one search field: each Search cancels the
// one before it, and a query that only grows since the last completed
// search (more letters, more words, the same dates) is searched within that
// search's matches: each grown word is fuzzy-matched only against the
// vocabulary tokens its shorter form matched, which gives the same result
// as a full search, sooner.
// Filters do not affect narrowing. It is safe for use from several
// goroutines; the usual use is one goroutine per keystroke, handing the
// result to the UI with fyne.Do when err is nil.
type Searcher struct {
	ix *Index

	mu     sync.Mutex
	gen    uint64
	cancel context.CancelFunc
	last   *query // the last completed search's query ...
	prev   *prior // ... and where it matched
}

// NewSearcher returns a Searcher over ix.
func NewSearcher(ix *Index) *Searcher { return &Searcher{ix: ix} }

// Index returns the index s searches.
func (s *Searcher) Index() *Index { return s.ix }

// Search cancels any search still running on s and searches ix for query
// and f (see Index.SearchContext). It returns ctx's error if ctx ends
// first, and context.Canceled if a newer Search started before this one
// finished: a nil error means the result is the newest there is.
func (s *Searcher) Search(ctx context.Context, query string, f Filter) (Result, error) {
	s.mu.Lock()
	seq := s.gen + 1
	s.mu.Unlock()
	return s.SearchSeq(ctx, seq, query, f)
}

// SearchSeq is Search for callers that start each search on a goroutine of
// its own: seq numbers the searches in the order the person asked for them
// (1, 2, 3…), since goroutines may reach the Searcher in another order. A
// search that arrives after a newer one (a larger seq) started returns
// context.Canceled at once and cancels nothing; so the newest search is
// never cancelled by an older one that was merely late.
func (s *Searcher) SearchSeq(ctx context.Context, seq uint64, query string, f Filter) (Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	if seq <= s.gen {
		s.mu.Unlock()
		return Result{}, context.Canceled
	}
	if s.cancel != nil {
		s.cancel()
	}
	s.gen = seq
	gen := s.gen
	s.cancel = cancel
	last, prev := s.last, s.prev
	s.mu.Unlock()

	q := parseQuery(query)
	var from *prior
	if last != nil && prev != nil && q.refines(last) {
		from = prev
	}
	res, next, err := s.ix.run(ctx, &q, from, f)
	res.Narrowed = from != nil
	res.Query = query

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil && s.gen != gen {
		err = context.Canceled
	}
	if err != nil {
		return Result{}, err
	}
	s.cancel = nil
	s.last, s.prev = &q, next
	return res, nil
}
