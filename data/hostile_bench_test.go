package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// sameHeadlineCSV is a sheet of n rows that all have the same headline, so
// every event's ID is made unique with a suffix.
func sameHeadlineCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Year,Headline\n")
	for range n {
		b.WriteString("2000,Same\n")
	}
	return b.Bytes()
}

// BenchmarkUniqueIDs: giving n events with one headline unique IDs
// ("same", "same-2", … "same-n") grows linearly with n. It was quadratic:
// each event tried every suffix from 2 up, and 20,000 rows took 77 s.
func BenchmarkUniqueIDs(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		sheet := sameHeadlineCSV(n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParseCSV("same.csv", sheet); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// htmlHeavy is about size bytes of HTML that opens a link and a paragraph
// over and over without closing either: '<a><p>' repeated.
func htmlHeavy(size int) string { return strings.Repeat("<a><p>", size/6) }

// BenchmarkPlainTextHTMLHeavy: rendering HTML as text grows linearly with
// its size, also for markup that opens links and paragraphs without end.
// '<a><p>' repeated to 1.2 MB took 29 s: every paragraph went through
// every open link.
func BenchmarkPlainTextHTMLHeavy(b *testing.B) {
	for _, size := range []int{12_000, 120_000, 1_200_000} {
		s := htmlHeavy(size)
		b.Run(fmt.Sprintf("bytes=%d", size), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				PlainText(s)
			}
		})
	}
}
