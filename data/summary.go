package data

import (
	"cmp"
	"slices"
	"strings"
)

// Summary is what the story card, a presentation's title slide and its
// sources slide say of a collection, or of the events a search shows: the
// title, the span, how many events of each kind and in each direction, the
// sources the events cite and who reports what.
type Summary struct {
	Title, Subtitle string
	// Events is how many events are summed up; All how many the
	// collection has.
	Events, All int
	// First and Last are the dates of the first and last event, leaving
	// out context events (a book published after the story) unless there
	// is nothing else.
	First, Last Date
	Kinds       []KindCount      // in the order of Kinds, then others; none with 0
	Directions  []DirectionCount // most events first
	Sources     []Source         // those the events cite, in the collection's order
	Reporters   []ReporterCount  // who reports the events ("according to"), most first
	Notes       []Note           // what the collection says beside its events
}

// KindCount is how many events are of a kind.
type KindCount struct {
	Kind Kind
	N    int
}

// DirectionCount is how many events went from one person to another, with
// their names.
type DirectionCount struct {
	Direction
	FromName, ToName string
	N                int
}

// ReporterCount is who reports some of the events, and which (indices into
// Timeline.Events, in the order Summary was given them).
type ReporterCount struct {
	Name   string
	Events []int
}

// Summary sums up events (indices into t.Events, in any order; nil for
// all of them), in one pass.
func (t *Timeline) Summary(events []int) Summary {
	if events == nil {
		events = make([]int, len(t.Events))
		for i := range events {
			events[i] = i
		}
	}
	s := Summary{Title: t.Title, Subtitle: t.Subtitle, Events: len(events), All: len(t.Events), Notes: t.Notes}
	kinds := map[Kind]int{}
	dirs := map[Direction]int{}
	reps := map[string][]int{}
	cited := map[string]bool{}
	var first, last, anyFirst, anyLast *Event
	for _, i := range events {
		if i < 0 || i >= len(t.Events) {
			continue
		}
		e := &t.Events[i]
		kinds[e.Kind]++
		if e.From != "" && e.To != "" {
			dirs[Direction{From: e.From, To: e.To}]++
		}
		if e.ReportedBy != "" {
			reps[e.ReportedBy] = append(reps[e.ReportedBy], i)
		}
		if e.Source != "" {
			cited[e.Source] = true
		}
		// In any order (a search's, by relevance): the earliest start and
		// the latest end.
		anyFirst, anyLast = earlier(anyFirst, e), later(anyLast, e)
		if e.Kind != KindContext {
			first, last = earlier(first, e), later(last, e)
		}
	}
	if first == nil {
		first, last = anyFirst, anyLast
	}
	if first != nil {
		s.First, s.Last = first.Date, last.Date
		if !last.End.IsZero() {
			s.Last = last.End
		}
	}
	for _, k := range Kinds {
		if n := kinds[k]; n > 0 {
			s.Kinds = append(s.Kinds, KindCount{k, n})
			delete(kinds, k)
		}
	}
	others := make([]Kind, 0, len(kinds))
	for k := range kinds {
		others = append(others, k)
	}
	slices.Sort(others)
	for _, k := range others {
		s.Kinds = append(s.Kinds, KindCount{k, kinds[k]})
	}
	for d, n := range dirs {
		s.Directions = append(s.Directions, DirectionCount{d, t.PersonName(d.From), t.PersonName(d.To), n})
	}
	slices.SortFunc(s.Directions, func(a, b DirectionCount) int {
		return cmp.Or(b.N-a.N, cmp.Compare(a.FromName, b.FromName), cmp.Compare(a.ToName, b.ToName))
	})
	for _, src := range t.Sources {
		if cited[src.ID] {
			s.Sources = append(s.Sources, src)
		}
	}
	for name, evs := range reps {
		s.Reporters = append(s.Reporters, ReporterCount{name, evs})
	}
	slices.SortFunc(s.Reporters, func(a, b ReporterCount) int {
		return cmp.Or(len(b.Events)-len(a.Events), cmp.Compare(a.Name, b.Name))
	})
	return s
}

// Span writes the summary's span for people, to the month: "May 2018 –
// April 2020", "June 2019" when it is one month, "" for no events.
func (s Summary) Span() string {
	if s.First.IsZero() {
		return ""
	}
	a, b := monthOf(s.First), monthOf(s.Last)
	if b.IsZero() || a == b {
		return a.LongDisplay()
	}
	return a.LongDisplay() + " – " + b.LongDisplay()
}

// monthOf is d to the month (to the year when it is known no finer).
func monthOf(d Date) Date {
	if d.Precision >= PrecisionMonth {
		return Date{Year: d.Year, Month: d.Month, Precision: PrecisionMonth}
	}
	return d
}

// KindsText writes the kind counts for people: "7 letters, 3 messages, 2
// meetings and 1 statement".
func (s Summary) KindsText() string {
	parts := make([]string, len(s.Kinds))
	for i, k := range s.Kinds {
		parts[i] = k.Kind.Count(k.N)
	}
	return joinAnd(parts)
}

// Count writes n events of kind k for people: "1 letter", "1 round of
// talks", "2 context events".
func (k Kind) Count(n int) string {
	switch k {
	case KindTalks:
		// "talks" has no singular: "1 round of talks", "3 rounds of talks".
		return Count(n, "round") + " of talks"
	case KindContext:
		return Count(n, "context event")
	}
	return Count(n, strings.ToLower(k.Label()))
}

// joinAnd joins parts as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// earlier is whichever of a (nil for none) and b starts first.
func earlier(a, b *Event) *Event {
	if a == nil || b.Start().Before(a.Start()) {
		return b
	}
	return a
}

// later is whichever of a (nil for none) and b ends last.
func later(a, b *Event) *Event {
	if a == nil || b.Until().After(a.Until()) {
		return b
	}
	return a
}
