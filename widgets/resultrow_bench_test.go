package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// BenchmarkResultRowSet measures what refreshing one visible row of the
// result list costs: SetLines with a new event and match (the date and
// context lines kept per event, as the app does), then the row's layout, as
// the list does when it scrolls or the results change. Target: no
// allocation.
func BenchmarkResultRowSet(b *testing.B) {
	test.NewTempApp(b)
	tl, _ := data.Default()
	r := NewResultRow()
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(320, 80))
	ms := make([]data.Match, len(tl.Events))
	dates, contexts := make([]string, len(tl.Events)), make([]string, len(tl.Events))
	for i := range tl.Events {
		e := &tl.Events[i]
		ms[i] = data.Match{Event: i, Field: data.FieldTitle, Text: e.Title, Runes: []int{0, 1, 2}}
		if i%2 == 1 && e.Summary != "" {
			ms[i] = data.Match{Event: i, Field: data.FieldSummary, Text: e.Summary, Runes: []int{30, 31, 32}}
		}
		dates[i], contexts[i] = RowDate(e), RowContext(tl, e)
	}
	set := func(i int) {
		m := ms[i%len(ms)]
		e := &tl.Events[m.Event]
		r.SetLines(e.Kind, dates[m.Event], e.Title, m, contexts[m.Event])
	}
	for i := range ms { // measure every text once: Fyne caches the sizes
		set(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		set(i)
		i++
	}
}
