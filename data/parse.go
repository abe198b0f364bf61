package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a data file: where it is and what is wrong.
type Problem struct {
	// Where names the place: "line 4, column 9", "events[3] \"hanoi\".date".
	Where string
	What  string
}

// String writes the problem on one line, "where: what", with control
// characters escaped (see Printable): both parts may quote the file.
func (p Problem) String() string {
	if p.Where == "" {
		return Printable(p.What)
	}
	return Printable(p.Where + ": " + p.What)
}

// Problems is every problem found in a data file. It is the error Parse
// returns; use errors.As to list them.
type Problems []Problem

// MaxListed is how many problems Problems.Error spells out before it counts
// the rest.
const MaxListed = 20

func (ps Problems) Error() string {
	var b strings.Builder
	ps.WriteList(&b, "", "\n")
	return strings.TrimSuffix(b.String(), "\n")
}

// WriteList writes up to MaxListed problems to w, each between prefix and
// suffix, then "… and N more" the same way for the rest: the one list that
// check, the open dialog and Error print.
func (ps Problems) WriteList(w io.Writer, prefix, suffix string) {
	for i, p := range ps {
		if i == MaxListed {
			fmt.Fprintf(w, "%s… and %d more%s", prefix, len(ps)-MaxListed, suffix)
			return
		}
		fmt.Fprintf(w, "%s%s%s", prefix, p, suffix)
	}
}

type fileJSON struct {
	Title    string       `json:"title"`
	Subtitle string       `json:"subtitle"`
	Sources  []sourceJSON `json:"sources"`
	People   []Person     `json:"people"`
	Events   []eventJSON  `json:"events"`
	// Notes is optional: what the source says beside its dated events.
	Notes []Note `json:"notes,omitempty"`
	// Eras is optional: named stretches of time, as imported timelines
	// have.
	Eras []eraJSON `json:"eras,omitempty"`
}

type eraJSON struct {
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Start   string `json:"start"`
	End     string `json:"end"`
}

type mediaJSON struct {
	URL       string `json:"url,omitempty"`
	Embed     string `json:"embed,omitempty"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

type sourceJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      string `json:"date"`
	URL       string `json:"url,omitempty"`
}

type eventJSON struct {
	ID         string   `json:"id"`
	Date       string   `json:"date"`
	End        string   `json:"end,omitempty"`
	Kind       string   `json:"kind"`
	From       string   `json:"from,omitempty"`
	To         string   `json:"to,omitempty"`
	Title      string   `json:"title"`
	Label      string   `json:"label,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Place      string   `json:"place,omitempty"`
	ReportedBy string   `json:"reported_by,omitempty"`
	Quotes     []Quote  `json:"quotes,omitempty"`
	Related    []string `json:"related,omitempty"`
	Source     string   `json:"source,omitempty"`
	Dispute    *Dispute `json:"dispute,omitempty"`
	// Group, Media and DisplayDate are optional, for timelines that came
	// from TimelineJS.
	Group       string     `json:"group,omitempty"`
	Media       *mediaJSON `json:"media,omitempty"`
	DisplayDate string     `json:"display_date,omitempty"`
}

// isSlug reports whether s is a lowercase slug like "hanoi-summit": the
// regular expression ^[a-z0-9]+(-[a-z0-9]+)*$, checked by hand because it
// is checked for every event of a file.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Parse reads a timeline in the app's JSON format (see README.md), checks
// every field and returns it with its events sorted by date. On any problem
// it returns nil and a Problems error that lists them all. Text over its
// limit (see MaxSummary) is no such problem: it is shortened, and Load
// lists what was cut.
func Parse(b []byte) (*Timeline, error) {
	t, _, err := parse(b, true)
	return t, err
}

// parse is Parse that also returns the problems of text that was over its
// limit and shortened, which do not stop the timeline from loading. With
// short, a well-formed file is read in one pass (see scanAppFile), else
// with encoding/json; tests compare the two ways.
func parse(b []byte, short bool) (*Timeline, Problems, error) {
	if !utf8.Valid(b) {
		return nil, nil, Problems{{What: "the file is not UTF-8 text"}}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, nil, Problems{{What: "the file is empty"}}
	}
	var f *fileJSON
	if short {
		f = scanAppFile(b)
	}
	if f == nil {
		f = new(fileJSON)
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(f); err != nil {
			p := jsonProblem(b, err)
			if p.Where == "" {
				// Errors such as an unknown field carry no offset: name where
				// the decoder stopped.
				p.Where = position(b, dec.InputOffset())
			}
			return nil, nil, Problems{p}
		}
		if dec.More() {
			return nil, nil, Problems{{Where: position(b, dec.InputOffset()), What: "more data after the end of the timeline"}}
		}
	}
	var ps, cut Problems
	add := func(where, format string, args ...any) {
		ps = append(ps, Problem{Where: where, What: fmt.Sprintf(format, args...)})
	}
	t := &Timeline{Title: strings.TrimSpace(f.Title), Subtitle: f.Subtitle}
	if t.Title == "" {
		add("title", "missing")
	}
	limitText(&t.Title, MaxTitle, "title", &cut)
	limitText(&t.Subtitle, MaxSubtitle, "subtitle", &cut)

	sources := map[string]bool{}
	for i, s := range f.Sources {
		where := fmt.Sprintf("sources[%d]", i)
		src := Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, URL: s.URL}
		if !isSlug(s.ID) {
			add(where+".id", "%q is not a lowercase slug like \"voa-2020\"", s.ID)
		} else if sources[s.ID] {
			add(where+".id", "%q is used twice", s.ID)
		}
		sources[s.ID] = true
		if s.Title == "" {
			add(where+".title", "missing")
		}
		if s.Date != "" {
			d, err := ParseDate(s.Date)
			if err != nil {
				add(where+".date", "%v", err)
			}
			src.Date = d
		}
		limitText(&src.Title, MaxTitle, where+".title", &cut)
		limitText(&src.Publisher, MaxName, where+".publisher", &cut)
		limitLink(&src.URL, where+".url", &cut)
		t.Sources = append(t.Sources, src)
	}

	people := map[string]bool{}
	for i, p := range f.People {
		where := fmt.Sprintf("people[%d]", i)
		if !isSlug(p.ID) {
			add(where+".id", "%q is not a lowercase slug like \"kim\"", p.ID)
		} else if people[p.ID] {
			add(where+".id", "%q is used twice", p.ID)
		}
		people[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			add(where+".name", "missing")
		}
		if p.Side != "above" && p.Side != "below" {
			add(where+".side", "%q is not \"above\" or \"below\"", p.Side)
		}
		limitText(&p.Name, MaxName, where+".name", &cut)
		limitText(&p.Role, MaxName, where+".role", &cut)
		t.People = append(t.People, p)
	}

	for i, n := range f.Notes {
		where := fmt.Sprintf("notes[%d]", i)
		if strings.TrimSpace(n.Text) == "" {
			add(where+".text", "missing")
		}
		if n.Source != "" && !sources[n.Source] {
			add(where+".source", "%q is not one of the sources", n.Source)
		}
		limitText(&n.Text, MaxSummary, where+".text", &cut)
		limitText(&n.Quote, MaxSummary, where+".quote", &cut)
		t.Notes = append(t.Notes, n)
	}

	if len(f.Events) == 0 {
		add("events", "no events")
	}
	ids := make(map[string]bool, len(f.Events))
	for i, r := range f.Events {
		if ids[r.ID] && isSlug(r.ID) {
			add(fmt.Sprintf("events[%d] %q.id", i, r.ID), "is used twice")
		}
		ids[r.ID] = true
	}
	t.Events = make([]Event, 0, len(f.Events))
	for i, r := range f.Events {
		// field names a field of this event, only when there is a problem
		// with it: naming costs more than checking.
		id := r.ID
		field := func(name string) string {
			where := fmt.Sprintf("events[%d]", i)
			if id != "" {
				where += fmt.Sprintf(" %q", id)
			}
			return where + "." + name
		}
		e := Event{ID: r.ID, Kind: Kind(r.Kind), From: r.From, To: r.To,
			Title: strings.TrimSpace(r.Title), Label: strings.TrimSpace(r.Label), Summary: r.Summary, Place: r.Place,
			ReportedBy: r.ReportedBy, Quotes: r.Quotes, Related: r.Related, Source: r.Source, Dispute: r.Dispute,
			Group: strings.TrimSpace(r.Group), DateText: strings.TrimSpace(r.DisplayDate)}
		if m := r.Media; m != nil {
			e.Media = Media{URL: m.URL, Embed: m.Embed, Caption: m.Caption, Credit: m.Credit, Thumbnail: m.Thumbnail, Alt: m.Alt}
		}
		if !isSlug(r.ID) {
			add(field("id"), "%q is not a lowercase slug like \"hanoi-summit\"", r.ID)
		}
		var err error
		if r.Date == "" {
			add(field("date"), "missing")
		} else if e.Date, err = ParseDate(r.Date); err != nil {
			add(field("date"), "%v", err)
		}
		if r.End != "" {
			if e.End, err = ParseDate(r.End); err != nil {
				add(field("end"), "%v", err)
			} else if !e.Date.IsZero() && e.End.Until().Before(e.Date.Until()) {
				add(field("end"), "%s is before the start, %s", r.End, r.Date)
			}
		}
		switch {
		case r.Kind == "":
			add(field("kind"), "missing")
		case !e.Kind.Valid():
			add(field("kind"), "%q is not one of %s", r.Kind, kindList())
		}
		for _, p := range []struct{ name, id string }{{"from", r.From}, {"to", r.To}} {
			if p.id != "" && !people[p.id] {
				add(field(p.name), "%q is not one of the people", p.id)
			}
		}
		switch e.Kind {
		case KindLetter, KindMessage:
			if r.From == "" {
				add(field("from"), "missing: a %s needs a sender", r.Kind)
			}
			if r.To == "" {
				add(field("to"), "missing: a %s needs a recipient", r.Kind)
			}
		case KindStatement:
			if r.From == "" {
				add(field("from"), "missing: a statement needs who made it")
			}
		}
		if e.Title == "" {
			add(field("title"), "missing")
		}
		for j, q := range r.Quotes {
			if strings.TrimSpace(q.Text) == "" {
				add(field(fmt.Sprintf("quotes[%d].text", j)), "missing")
			}
			if strings.TrimSpace(q.By) == "" {
				add(field(fmt.Sprintf("quotes[%d].by", j)), "missing: say who said it")
			}
		}
		for j, id := range r.Related {
			switch {
			case id == r.ID:
				add(field(fmt.Sprintf("related[%d]", j)), "an event cannot be related to itself")
			case !ids[id]:
				add(field(fmt.Sprintf("related[%d]", j)), "%q is not the id of any event", id)
			}
		}
		if r.Source != "" && !sources[r.Source] {
			add(field("source"), "%q is not one of the sources", r.Source)
		}
		if d := r.Dispute; d != nil {
			switch {
			case d.Of == r.ID:
				add(field("dispute.of"), "an event cannot dispute itself: leave out \"of\" when its accounts differ")
			case d.Of != "" && !ids[d.Of]:
				add(field("dispute.of"), "%q is not the id of any event", d.Of)
			}
			if strings.TrimSpace(d.About) == "" {
				add(field("dispute.about"), "missing: say what is disputed")
			}
			if strings.TrimSpace(d.Quote) == "" {
				add(field("dispute.quote"), "missing: the source's words it rests on")
			}
			c := *d
			e.Dispute = &c // limitEvent may shorten it
		}
		e.Quotes = slices.Clone(e.Quotes) // limitEvent may shorten them
		limitEvent(&e, field, &cut)
		t.Events = append(t.Events, e)
	}
	for i, r := range f.Eras {
		where := fmt.Sprintf("eras[%d]", i)
		era := Era{Title: strings.TrimSpace(r.Title), Summary: r.Summary}
		if era.Title == "" {
			add(where+".title", "missing")
		}
		var err error
		if r.Start == "" {
			add(where+".start", "missing")
		} else if era.Start, err = ParseDate(r.Start); err != nil {
			add(where+".start", "%v", err)
		}
		if r.End == "" {
			add(where+".end", "missing")
		} else if era.End, err = ParseDate(r.End); err != nil {
			add(where+".end", "%v", err)
		} else if !era.Start.IsZero() && era.End.Until().Before(era.Start.Until()) {
			add(where+".end", "%s is before the start, %s", r.End, r.Start)
		}
		limitText(&era.Title, MaxTitle, where+".title", &cut)
		limitText(&era.Summary, MaxSummary, where+".summary", &cut)
		t.Eras = append(t.Eras, era)
	}
	if len(ps) > 0 {
		return nil, nil, ps
	}
	t.index()
	return t, cut, nil
}

// The keys of the app's JSON, as fileJSON and the types in it have them.
var (
	fileKeys   = []string{"title", "subtitle", "sources", "people", "events", "eras", "notes"}
	sourceKeys = []string{"id", "title", "publisher", "date", "url"}
	personKeys = []string{"id", "name", "role", "side"}
	eventKeys  = []string{"id", "date", "end", "kind", "from", "to", "title", "label", "summary", "place",
		"reported_by", "quotes", "related", "source", "group", "media", "display_date", "dispute"}
	quoteKeys   = []string{"text", "by"}
	disputeKeys = []string{"of", "about", "quote"}
	mediaKeys   = []string{"url", "embed", "caption", "credit", "thumbnail", "alt"}
	eraKeys     = []string{"title", "summary", "start", "end"}
	noteKeys    = []string{"text", "quote", "source"}
)

// scanAppFile reads a file in the app's format in one pass (see jsonScan)
// as encoding/json with DisallowUnknownFields would, or returns nil when
// it must be read that way: invalid JSON, a key that is not the format's or
// given twice, a value of another type than the format's (null included).
// b must be valid UTF-8, as parse has checked.
func scanAppFile(b []byte) *fileJSON {
	s := newJSONScan(b)
	s.valid = true
	f := new(fileJSON)
	if s.peek() != '{' {
		return nil
	}
	// texts reads an object of strings, keys[i] into dst[i].
	texts := func(keys []string, dst ...*string) bool {
		if s.peek() != '{' {
			s.skip()
			return false
		}
		return s.onlyFields(keys, func(i int) bool { return s.text(dst[i]) })
	}
	short := s.onlyFields(fileKeys, func(i int) bool {
		switch i {
		case 0:
			return s.text(&f.Title)
		case 1:
			return s.text(&f.Subtitle)
		case 2:
			return list(s, &f.Sources, func(r *sourceJSON) bool {
				return texts(sourceKeys, &r.ID, &r.Title, &r.Publisher, &r.Date, &r.URL)
			})
		case 3:
			return list(s, &f.People, func(p *Person) bool {
				return texts(personKeys, &p.ID, &p.Name, &p.Role, &p.Side)
			})
		case 4:
			return list(s, &f.Events, func(e *eventJSON) bool {
				if s.peek() != '{' {
					s.skip()
					return false
				}
				dst := []*string{&e.ID, &e.Date, &e.End, &e.Kind, &e.From, &e.To, &e.Title, &e.Label, &e.Summary,
					&e.Place, &e.ReportedBy, nil, nil, &e.Source, &e.Group, nil, &e.DisplayDate, nil}
				return s.onlyFields(eventKeys, func(i int) bool {
					switch eventKeys[i] {
					case "quotes":
						return list(s, &e.Quotes, func(q *Quote) bool { return texts(quoteKeys, &q.Text, &q.By) })
					case "related":
						return list(s, &e.Related, s.text)
					case "media":
						e.Media = new(mediaJSON)
						m := e.Media
						return texts(mediaKeys, &m.URL, &m.Embed, &m.Caption, &m.Credit, &m.Thumbnail, &m.Alt)
					case "dispute":
						e.Dispute = new(Dispute)
						d := e.Dispute
						return texts(disputeKeys, &d.Of, &d.About, &d.Quote)
					}
					return s.text(dst[i])
				})
			})
		case 5:
			return list(s, &f.Eras, func(r *eraJSON) bool {
				return texts(eraKeys, &r.Title, &r.Summary, &r.Start, &r.End)
			})
		case 6:
			return list(s, &f.Notes, func(n *Note) bool {
				return texts(noteKeys, &n.Text, &n.Quote, &n.Source)
			})
		}
		return false
	})
	if !short || !s.end() {
		return nil
	}
	return f
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// jsonProblem turns an encoding/json error into a Problem that names the
// line and column, and the field where the decoder knows it.
func jsonProblem(b []byte, err error) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return Problem{Where: position(b, syn.Offset), What: "not valid JSON: " + strings.TrimPrefix(syn.Error(), "json: ")}
	case errors.As(err, &typ):
		where := position(b, typ.Offset)
		if typ.Field != "" {
			where += ", " + typ.Field
		}
		if typ.Field == "" && typ.Value == "array" {
			return Problem{Where: where, What: "the file is a JSON array; a timeline is an object with \"title\" and \"events\""}
		}
		return Problem{Where: where, What: fmt.Sprintf("a JSON %s where a %s belongs", typ.Value, typeName(typ.Type.String()))}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Where: position(b, int64(len(b))), What: "the file ends in the middle of the timeline"}
	}
	return Problem{What: strings.TrimPrefix(err.Error(), "json: ")}
}

func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "list"
	case t == "string":
		return "string"
	case strings.HasPrefix(t, "data."):
		return "object"
	}
	return t
}

// position turns a byte offset into "line L, column C" (1-based, columns in
// characters).
func position(b []byte, off int64) string {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	before := b[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}
