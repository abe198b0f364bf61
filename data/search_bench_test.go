package data

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/sahilm/fuzzy"
)

// typed is a query as it is typed, one keystroke at a time.
var typed = []string{"h", "ha", "han", "hano", "hanoi"}

var benchSizes = []int{1000, 10000, 100000}

var (
	benchMu      sync.Mutex
	benchIndexes = map[int]*Index{}
)

// benchIndex returns the index of Synthetic(n, 1), built once per run.
func benchIndex(n int) *Index {
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[n]; ok {
		return ix
	}
	ix := NewIndex(Synthetic(n, 1))
	benchIndexes[n] = ix
	return ix
}

// corpusStrings are the index's texts as the events hold them: what plain
// fuzzy.Find searches in the comparison.
func corpusStrings(ix *Index) []string {
	var out []string
	for e := range ix.Len() {
		for f := ix.evFields[e]; f < ix.evFields[e+1]; f++ {
			out = append(out, ix.fieldText(int(f), int32(e)))
		}
	}
	return out
}

// BenchmarkSearchTyped measures one typed query, "h" to "hanoi", end to
// end from each keystroke's query to its ranked result list: the app's
// Searcher (narrowing, both cores) next to plain fuzzy.Find over the same
// strings on each keystroke. One op is the whole sequence.
func BenchmarkSearchTyped(b *testing.B) {
	for _, n := range benchSizes {
		ix := benchIndex(n)
		b.Run(fmt.Sprintf("events=%d/impl=app", n), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			defer reportCPU(b)()
			for b.Loop() {
				s := NewSearcher(ix)
				for _, q := range typed {
					if _, err := s.Search(ctx, q, Filter{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		strs := corpusStrings(ix)
		b.Run(fmt.Sprintf("events=%d/impl=fuzzyFind", n), func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				for _, q := range typed {
					fuzzy.Find(q, strs)
				}
			}
		})
	}
}

// BenchmarkSearchKeystroke measures each keystroke of the typed query on
// its own, as the Searcher runs it: the first runs fuzzy over the whole
// vocabulary, each later one only over the tokens the previous keystroke's
// word matched.
func BenchmarkSearchKeystroke(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		ix := benchIndex(n)
		var prev *prior
		var prevQ *query
		for _, text := range typed {
			q := parseQuery(text)
			from := prev
			if prevQ == nil || !q.refines(prevQ) {
				from = nil
			}
			b.Run(fmt.Sprintf("events=%d/query=%s", n, text), func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for b.Loop() {
					if _, _, err := ix.run(ctx, &q, from, Filter{}); err != nil {
						b.Fatal(err)
					}
				}
			})
			_, next, err := ix.run(ctx, &q, from, Filter{})
			if err != nil {
				b.Fatal(err)
			}
			prev, prevQ = next, &q
		}
	}
}

// BenchmarkNewIndex measures building the corpus of a data set: its time,
// what it allocates (B/op: what the build adds to the heap before the next
// collection) and, as kept-B, what the index keeps once built (the live
// heap it adds, measured after a collection).
func BenchmarkNewIndex(b *testing.B) {
	for _, n := range benchSizes {
		t := Synthetic(n, 1)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewIndex(t)
			}
			b.StopTimer()
			b.ReportMetric(float64(keptBytes(func() any { return NewIndex(t) })), "kept-B")
		})
	}
}

// keptBytes is how much the live heap grows by what build returns, while
// it is reachable: the heap after a collection with it, less the heap
// after one before build ran.
func keptBytes(build func() any) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// reportCPU starts measuring the process's CPU time (user and system, all
// threads) and returns the function that reports it per op as "cpu-ns/op"
// (nothing where processCPU cannot tell).
// The machine is shared, so wall time per op depends on what else runs;
// CPU time shows the work itself, and wall time near cpu-ns/op divided by
// the cores used shows the search used them.
func reportCPU(b *testing.B) func() {
	cpu := processCPU
	start := cpu()
	return func() {
		if b.N > 0 && start != 0 {
			b.ReportMetric(float64(cpu()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}
