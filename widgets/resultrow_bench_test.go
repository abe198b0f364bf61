package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// BenchmarkResultRowSet measures what refreshing one visible row of the
// result list costs: Set with a new event and match, then the row's
// layout, as the list does when it scrolls or the results change.
func BenchmarkResultRowSet(b *testing.B) {
	test.NewTempApp(b)
	tl, _ := data.Default()
	r := NewResultRow()
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(320, 80))
	ms := make([]data.Match, len(tl.Events))
	for i := range tl.Events {
		ms[i] = data.Match{Event: i, Field: data.FieldTitle, Text: tl.Events[i].Title, Runes: []int{0, 1, 2}}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m := ms[i%len(ms)]
		r.Set(tl, &tl.Events[m.Event], m)
		i++
	}
}
