package data

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// NewSynthetic is Synthetic for a size a person asked for (the --synthetic
// flag): it refuses fewer than one event and more than MaxEvents, the limit
// on files, rather than run out of memory.
func NewSynthetic(n int, seed uint64) (*Timeline, error) {
	if n < 1 || n > MaxEvents {
		return nil, fmt.Errorf("data: a synthetic timeline of %s events: at most %s, as for files", groupDigits(n), groupDigits(MaxEvents))
	}
	return Synthetic(n, seed), nil
}

// Synthetic makes a data set of n events for tests, benchmarks and the
// --synthetic flag (through NewSynthetic). The same n and seed always give
// the same data. Events
// bunch in time the way real histories do: bursts of activity around a few
// hundred moments, with quiet stretches between, over fifty years.
func Synthetic(n int, seed uint64) *Timeline {
	r := rand.New(rand.NewPCG(seed, 0x7a1e))
	t := &Timeline{
		Title:    fmt.Sprintf("Synthetic timeline (%d %s)", n, Plural(n, "event")),
		Subtitle: fmt.Sprintf("Generated with seed %d", seed),
		Sources:  []Source{{ID: "synthetic", Title: "Generated data", Publisher: "Trump–Kim Letters"}},
	}
	for i, name := range synthNames {
		side := "above"
		if i%2 == 1 {
			side = "below"
		}
		t.People = append(t.People, Person{ID: Slug(name), Name: name, Side: side})
	}
	start := time.Date(1975, 1, 1, 0, 0, 0, 0, time.UTC)
	const spanDays = 50 * 365
	bursts := n/40 + 1
	centres := make([]float64, bursts)
	widths := make([]float64, bursts)
	for i := range centres {
		centres[i] = r.Float64() * spanDays
		widths[i] = 2 + r.ExpFloat64()*30
	}
	// First every event's date, then the events in date order, so that
	// they come out already sorted and index() need not move 100,000
	// events around (that copy was most of opening --synthetic 100000).
	type when struct {
		day  time.Time
		date Date
		key  int64
	}
	ws := make([]when, n)
	for i := range ws {
		var day float64
		if r.IntN(10) == 0 {
			day = r.Float64() * spanDays // background events between bursts
		} else {
			b := r.IntN(bursts)
			day = centres[b] + r.NormFloat64()*widths[b]
		}
		day = math.Max(0, math.Min(spanDays, day))
		d := start.AddDate(0, 0, int(day))
		w := when{day: d, date: DayDate(d.Year(), d.Month(), d.Day())}
		switch r.IntN(20) {
		case 0:
			w.date = Date{Year: d.Year(), Month: d.Month(), Precision: PrecisionMonth}
		case 1:
			w.date = Date{Year: d.Year(), Precision: PrecisionYear}
		}
		w.key = w.date.Start().Unix()<<2 | int64(w.date.Precision)
		ws[i] = w
	}
	slices.SortFunc(ws, func(a, b when) int { return cmp.Compare(a.key, b.key) })
	width := len(strconv.Itoa(n))
	t.Events = make([]Event, n)
	for i := range t.Events {
		d := ws[i].day
		e := &t.Events[i]
		id := strconv.Itoa(i)
		e.ID = "e" + strings.Repeat("0", width-len(id)) + id // ids sort like positions
		e.Date = ws[i].date
		e.Kind = Kinds[r.IntN(len(Kinds))]
		if e.Kind == KindMeeting && e.Date.Precision == PrecisionDay && r.IntN(3) == 0 {
			end := d.AddDate(0, 0, 1+r.IntN(4))
			e.End = DayDate(end.Year(), end.Month(), end.Day())
		}
		from, to := t.People[r.IntN(len(t.People))], t.People[r.IntN(len(t.People))]
		if e.Kind != KindMeeting && e.Kind != KindTalks {
			e.From = from.ID
			if e.Kind != KindStatement {
				e.To = to.ID
			}
		}
		place := synthPlaces[r.IntN(len(synthPlaces))]
		topic := synthTopics[r.IntN(len(synthTopics))]
		// Concatenation rather than fmt.Sprintf: this runs 100,000 times
		// before the first frame of --synthetic 100000.
		e.Title = from.Name + " " + synthVerbs[e.Kind] + " " + topic + " in " + place
		e.Label = from.Name[strings.IndexByte(from.Name, ' ')+1:] + " " + topic
		p1, s1, p2 := synthPhrases[r.IntN(len(synthPhrases))], synthSubjects[r.IntN(len(synthSubjects))],
			synthPhrases[r.IntN(len(synthPhrases))]
		e.Summary = from.Name + " and " + to.Name + " " + p1 + ". " + s1 + " " + p2 + " the " + topic + " of " + place + "."
		e.Place = place
		e.ReportedBy = synthReporters[r.IntN(len(synthReporters))]
		if r.IntN(3) == 0 {
			e.Quotes = []Quote{{Text: synthQuotes[r.IntN(len(synthQuotes))], By: from.Name}}
		}
		e.Source = "synthetic"
	}
	t.index()
	return t
}

var (
	synthNames = []string{"Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra",
		"Barbara Liskov", "Donald Knuth", "Frances Allen", "John McCarthy", "Margaret Hamilton",
		"Dennis Ritchie", "Radia Perlman", "Ken Thompson", "Hedy Lamarr", "Tony Hoare",
		"Karen Jones", "Niklaus Wirth", "Adele Goldberg", "Leslie Lamport", "Sophie Wilson",
		"Claude Shannon", "Jean Sammet", "Butler Lampson", "Mary Keller", "Seymour Cray"}
	synthPlaces = []string{"Geneva", "Vienna", "Helsinki", "Reykjavik", "Camp David", "Oslo",
		"Pyongyang", "Seoul", "Beijing", "Tokyo", "Moscow", "Singapore", "Hanoi", "Stockholm",
		"Panmunjom", "Washington", "Paris", "Madrid", "São Paulo", "Zürich", "Kraków", "Malmö"}
	synthTopics = []string{"sanctions", "trade", "missiles", "reunions", "remains", "aid",
		"borders", "fisheries", "tariffs", "summits", "exercises", "prisoners", "energy",
		"satellites", "shipping", "weather", "vaccines", "railways", "rivers", "visas"}
	synthVerbs = map[Kind]string{KindLetter: "writes on", KindMessage: "sends word on",
		KindMeeting: "meets over", KindTalks: "negotiates", KindStatement: "speaks on",
		KindContext: "is noted for"}
	synthPhrases = []string{"exchanged views at length", "agreed to meet again",
		"could not agree", "signed a short statement", "traded sharp words",
		"promised to keep talking", "praised the progress", "walked away"}
	synthSubjects = []string{"Officials", "The press", "Observers", "A spokesperson",
		"State media", "Diplomats"}
	synthReporters = []string{"State media", "The White House", "A foreign ministry",
		"Reporters", "An official, anonymously", "On Twitter"}
	synthQuotes = []string{"a very good meeting", "deeply disappointed", "historic step",
		"nothing was agreed", "warm and personal", "we will see"}
)
