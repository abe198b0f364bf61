package data

import (
	"fmt"
	"strings"
)

// LongDisplay writes d for people with the month in full, as a citation
// or a title page writes it: "June 30, 2019", "September 2020", "2019"
// ("44 BCE" for negative years), with the time of day when it is known.
func (d Date) LongDisplay() string { return d.display(true) }

// Citation writes s in full for a reader's notes or a handout: publisher,
// title in quotation marks, date, and the address when the data has one,
// leaving out the parts it does not have: `Voice of America, “Newly
// Obtained Trump-Kim Letters May Reveal More on Unlikely Relationship”,
// September 2020.`
func (s Source) Citation() string {
	var parts []string
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if s.Title != "" {
		parts = append(parts, "“"+s.Title+"”")
	}
	if !s.Date.IsZero() {
		parts = append(parts, s.Date.LongDisplay())
	}
	c := strings.Join(parts, ", ")
	if c != "" {
		c += "."
	}
	if s.URL != "" {
		if c != "" {
			c += " "
		}
		c += s.URL
	}
	return c
}

// FromTo says who wrote to whom, by name, as the detail card does: "From
// Donald Trump to Kim Jong Un", "From North Korea's foreign ministry" for a
// statement, "" when e names no sender.
func (t *Timeline) FromTo(e *Event) string {
	if e.From == "" {
		return ""
	}
	s := "From " + t.PersonName(e.From)
	if e.To != "" {
		s += " to " + t.PersonName(e.To)
	}
	return s
}

// WithCutNote is text, the value of e's field, followed by the note that
// it was shortened on loading (CutNote), if it was.
func (e *Event) WithCutNote(text, field string) string {
	if n := e.CutNote(field); n != "" && text != "" {
		return text + " " + n
	}
	return text
}

// CitedText writes event i as plain text a student can paste into notes:
// title; date and kind; who wrote to whom; place; summary; each quote
// word for word in quotation marks with who said it; who reports it; and
// the full citation of its source (Source.Citation). Fields the event does
// not have are left out; a field that was shortened on loading says so
// after its text.
func (t *Timeline) CitedText(i int) string {
	if i < 0 || i >= len(t.Events) {
		return ""
	}
	e := &t.Events[i]
	var b strings.Builder
	line := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	field := func(name, value, cutField string) {
		if value != "" {
			line(name + ": " + e.WithCutNote(value, cutField))
		}
	}
	line(e.WithCutNote(e.Title, "title"))
	when := e.DisplayDate()
	if k := e.Kind.Label(); k != "" {
		when += " · " + k
	}
	line(when)
	line(t.FromTo(e))
	field("Place", e.Place, "place")
	field("Group", e.Group, "group")
	if e.Summary != "" {
		b.WriteByte('\n')
		line(e.WithCutNote(e.Summary, "summary"))
	}
	if len(e.Quotes) > 0 {
		b.WriteByte('\n')
	}
	for k, q := range e.Quotes {
		line("“" + e.WithCutNote(q.Text, fmt.Sprintf("quotes[%d].text", k)) + "”")
		if q.By != "" {
			line("    — " + e.WithCutNote(q.By, fmt.Sprintf("quotes[%d].by", k)))
		}
	}
	if m := e.Media; m.URL != "" || m.Caption != "" || m.Credit != "" {
		b.WriteByte('\n')
		field("Media", m.Caption, "media.caption")
		field("Credit", m.Credit, "media.credit")
		field("Address", m.URL, "")
	}
	b.WriteByte('\n')
	field("According to", e.ReportedBy, "reported_by")
	if s, ok := t.Source(e.Source); ok {
		field("Source", s.Citation(), "")
	} else if e.Source != "" {
		field("Source", e.Source, "")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
