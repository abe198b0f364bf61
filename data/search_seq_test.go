package data

import (
	"context"
	"errors"
	"testing"
)

// TestSearchSeqLateOlderSearchGivesWay checks that a search numbered before
// one that already ran neither runs nor cancels anything: goroutines started
// per keystroke may reach the Searcher out of order.
func TestSearchSeqLateOlderSearchGivesWay(t *testing.T) {
	tl, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSearcher(NewIndex(tl))
	res, err := s.SearchSeq(context.Background(), 2, "stockholm", Filter{})
	if err != nil || len(res.Matches) == 0 {
		t.Fatalf("seq 2: %v, %d matches", err, len(res.Matches))
	}
	if _, err := s.SearchSeq(context.Background(), 1, "hanoi", Filter{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("a late seq 1 ran: err = %v", err)
	}
	// Search keeps numbering after the largest seq seen.
	if res, err := s.Search(context.Background(), "dmz", Filter{}); err != nil || len(res.Matches) == 0 {
		t.Fatalf("Search after SearchSeq: %v", err)
	}
}
