// Package data holds the timeline's model: events, people and sources, the
// embedded data set, parsing with validation, and the search index. It knows
// nothing of Fyne.
package data

import (
	"cmp"
	"slices"
	"time"
)

// Kind says what sort of thing an event is. Each kind has its own marker
// shape and colour on the timeline.
type Kind string

// The kinds of event. The set fits the article: written correspondence
// (letter), shorter or indirect messages (message), the leaders meeting in
// person (meeting), negotiators meeting (talks), public claims and denials
// (statement), and dated items that frame the story without being part of the
// correspondence (context).
const (
	KindLetter    Kind = "letter"
	KindMessage   Kind = "message"
	KindMeeting   Kind = "meeting"
	KindTalks     Kind = "talks"
	KindStatement Kind = "statement"
	KindContext   Kind = "context"
)

// Kinds lists every kind in the order legends and filters show them.
var Kinds = []Kind{KindLetter, KindMessage, KindMeeting, KindTalks, KindStatement, KindContext}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Label is the kind's name for people: "Letter", "Meeting".
func (k Kind) Label() string {
	if k == "" {
		return ""
	}
	return string(k[0]-'a'+'A') + string(k[1:])
}

// Side says where an event sits on the timeline: above the axis, on it or
// below it.
type Side int8

// The sides of the axis.
const (
	SideAbove Side = -1
	SideAxis  Side = 0
	SideBelow Side = 1
)

// ParseSide returns the side a person's side field names: SideAbove for
// "above", SideBelow for "below", and SideAxis for anything else.
func ParseSide(word string) Side {
	switch word {
	case "above":
		return SideAbove
	case "below":
		return SideBelow
	}
	return SideAxis
}

// String is the side's name: "above", "axis" or "below".
func (s Side) String() string {
	switch s {
	case SideAbove:
		return "above"
	case SideBelow:
		return "below"
	}
	return "axis"
}

// Person is someone (or some body, such as a ministry) that events name as
// sender, recipient or speaker.
type Person struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
	// Side is "above" or "below": where this person's letters, messages and
	// statements sit on the timeline.
	Side string `json:"side"`
}

// Quote is words quoted exactly, with who said or wrote them.
type Quote struct {
	Text string `json:"text"`
	By   string `json:"by"`
}

// Source is a publication the data set is drawn from.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      Date   `json:"date"`
	URL       string `json:"url,omitempty"`
}

// Note is something the source says about the collection as a whole
// rather than about one dated event: "at least 25 letters were exchanged".
// Text says it for people; Quote, when set, is the source's own words it
// rests on, verbatim, so that a test can hold it to the source.
type Note struct {
	Text   string `json:"text"`
	Quote  string `json:"quote,omitempty"`
	Source string `json:"source,omitempty"`
}

// Dispute marks an event whose account is contested, as the source puts
// it: an event that disputes another's claim (Of, the claim's id: a denial
// of a claim made the day before), or, with no Of, an event whose own
// accounts differ (on how a letter was delivered). About says it for
// people, as the disputed event's card shows it ("North Korea's foreign
// ministry denied this the next day"); Quote is the source's sentence it
// rests on, verbatim, so that a test can hold the mark to the source.
type Dispute struct {
	Of    string `json:"of,omitempty"`
	About string `json:"about"`
	Quote string `json:"quote"`
}

// DisputedBy lists the events that dispute event i's account (those whose
// Dispute.Of is its id), in date order.
func (t *Timeline) DisputedBy(i int) []int {
	var out []int
	if i < 0 || i >= len(t.Events) {
		return nil
	}
	id := t.Events[i].ID
	for j := range t.Events {
		if d := t.Events[j].Dispute; d != nil && d.Of == id {
			out = append(out, j)
		}
	}
	return out
}

// Event is one dated item of the timeline.
type Event struct {
	ID   string
	Date Date
	// End is the last day of a range such as a two-day summit; zero for a
	// single date.
	End  Date
	Kind Kind
	// From and To are Person IDs; set for correspondence, From alone for a
	// statement.
	From, To string
	Title    string
	// Label is a few words for the timeline; Title when empty.
	Label      string
	Summary    string
	Place      string
	ReportedBy string
	Quotes     []Quote
	Related    []string
	Source     string
	// Dispute, when set, says that this event disputes another's account,
	// or that accounts of this one differ.
	Dispute *Dispute

	// Group is the lane or category an imported event belongs to
	// (TimelineJS's "group"); empty for none.
	Group string
	// Media is the picture, video or page an imported event points to. It is
	// kept as text and a link; nothing is fetched.
	Media Media
	// DateText, when set, is how the source wants the date written ("Early
	// summer 1815"); DisplayDate returns it instead of the computed range.
	DateText string

	// Cuts lists the text fields that were over their limits (see
	// MaxSummary and the others) and were shortened, with how much was
	// left out; CutNote says it for people.
	Cuts []Cut
}

// Media is what an imported event shows beside its text: a link with its
// caption and credit, all plain text.
type Media struct {
	// URL is the address of the picture, video or page.
	URL string
	// Embed is media given inline rather than as a link (a TimelineJS
	// blockquote), as plain text.
	Embed     string
	Caption   string
	Credit    string
	Thumbnail string
	Alt       string
}

// IsZero reports whether m holds nothing.
func (m Media) IsZero() bool { return m == Media{} }

// Era is a named stretch of time, drawn as a shaded band behind the events.
type Era struct {
	Title   string
	Summary string
	Start   Date
	// End is the last date of the era, inclusive.
	End Date
}

// IsRange reports whether e spans more than its start date.
func (e *Event) IsRange() bool { return !e.End.IsZero() && e.End != e.Date }

// Start is when e begins.
func (e *Event) Start() time.Time { return e.Date.Start() }

// Until is the first instant after e: the day after its last day, or after
// its only date (month or year for coarser dates).
func (e *Event) Until() time.Time {
	if e.IsRange() {
		return e.End.Until()
	}
	return e.Date.Until()
}

// ShortLabel is the few words the timeline shows beside e's marker.
func (e *Event) ShortLabel() string {
	if e.Label != "" {
		return e.Label
	}
	return e.Title
}

// DisplayDate writes e's date or range for people: DateText when the source
// gave one, else the range as precisely as it is known.
func (e *Event) DisplayDate() string {
	if e.DateText != "" {
		return e.DateText
	}
	return DisplayRange(e.Date, e.End)
}

// Timeline is a whole validated data set, its events sorted by date.
type Timeline struct {
	Title    string
	Subtitle string
	Sources  []Source
	People   []Person
	Events   []Event
	// Eras are the named stretches of time of an imported timeline, in the
	// order the file gives them.
	Eras []Era
	// Notes are what the source says beside its dated events (how many
	// letters there were in all), in the file's order.
	Notes []Note

	people map[string]int
	events map[string]int
}

// Person returns the person with the given ID.
func (t *Timeline) Person(id string) (Person, bool) {
	i, ok := t.people[id]
	if !ok {
		return Person{}, false
	}
	return t.People[i], true
}

// PersonName returns the name of the person with the given ID, or the ID.
func (t *Timeline) PersonName(id string) string {
	if p, ok := t.Person(id); ok {
		return p.Name
	}
	return id
}

// Len returns how many events the timeline has: 0 for a nil timeline, as
// the widgets have before their data is set.
func (t *Timeline) Len() int {
	if t == nil {
		return 0
	}
	return len(t.Events)
}

// Index returns the position in Events of the event with the given ID, or -1.
func (t *Timeline) Index(id string) int {
	if i, ok := t.events[id]; ok {
		return i
	}
	return -1
}

// Source returns the source with the given ID.
func (t *Timeline) Source(id string) (Source, bool) {
	for _, s := range t.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Side returns where e sits: meetings, talks and events with no sender on
// the axis, the rest on their sender's side.
func (t *Timeline) Side(e *Event) Side {
	if e.Kind == KindMeeting || e.Kind == KindTalks || e.From == "" {
		return SideAxis
	}
	p, _ := t.Person(e.From)
	return ParseSide(p.Side)
}

// Span returns the start of the first event and the end of the last.
func (t *Timeline) Span() (from, until time.Time) {
	if len(t.Events) == 0 {
		return
	}
	from = t.Events[0].Start()
	for i := range t.Events {
		if u := t.Events[i].Until(); u.After(until) {
			until = u
		}
	}
	return
}

// Groups lists the distinct non-empty Event.Group values in the order they
// first appear among the date-sorted events.
func (t *Timeline) Groups() []string {
	var groups []string
	seen := map[string]bool{}
	for i := range t.Events {
		if g := t.Events[i].Group; g != "" && !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
	}
	return groups
}

// index sorts the events and builds the lookup maps.
func (t *Timeline) index() {
	// Sort by precomputed keys (start instant, then coarser precision first,
	// then the file's order, as TimelineJS's stable sort keeps it): Date.Before
	// builds two time.Times per comparison, which dominated opening 100,000
	// events.
	type key struct {
		start int64
		prec  Precision
		i     int
	}
	keys := make([]key, len(t.Events))
	for i := range t.Events {
		keys[i] = key{t.Events[i].Start().UnixMilli(), t.Events[i].Date.Precision, i}
	}
	// the file's order is total, so an unstable sort is enough
	order := func(a, b key) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.prec, b.prec), cmp.Compare(a.i, b.i))
	}
	if !slices.IsSortedFunc(keys, order) {
		slices.SortFunc(keys, order)
		// Event i goes to where keys puts it, in place (every caller has
		// just built t.Events): each cycle of the permutation in turn,
		// rather than a copy of all the events.
		for i := range keys {
			if keys[i].i < 0 {
				continue
			}
			first, j := t.Events[i], i
			for keys[j].i != i {
				k := keys[j].i
				t.Events[j], keys[j].i = t.Events[k], -1
				j = k
			}
			t.Events[j], keys[j].i = first, -1
		}
	}
	t.people = make(map[string]int, len(t.People))
	for i, p := range t.People {
		t.people[p.ID] = i
	}
	t.events = make(map[string]int, len(t.Events))
	for i, e := range t.Events {
		t.events[e.ID] = i
	}
}
