package data

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type tjsFile struct {
	Title  *tjsSlide  `json:"title,omitempty"`
	Events []tjsSlide `json:"events"`
	Eras   []tjsSlide `json:"eras,omitempty"`
}

type tjsSlide struct {
	StartDate   *tjsDate  `json:"start_date,omitempty"`
	EndDate     *tjsDate  `json:"end_date,omitempty"`
	DisplayDate string    `json:"display_date,omitempty"`
	Text        *tjsText  `json:"text,omitempty"`
	Media       *tjsMedia `json:"media,omitempty"`
	Group       string    `json:"group,omitempty"`
	UniqueID    string    `json:"unique_id,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tjsMedia struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

// tjsDate is a TimelineJS date object; the parts finer than the date's
// precision are left out (a zero hour is written, so pointers).
type tjsDate struct {
	Year        int  `json:"year"`
	Month       int  `json:"month,omitempty"`
	Day         int  `json:"day,omitempty"`
	Hour        *int `json:"hour,omitempty"`
	Minute      *int `json:"minute,omitempty"`
	Second      *int `json:"second,omitempty"`
	Millisecond *int `json:"millisecond,omitempty"`
}

func newTJSDate(d Date) *tjsDate {
	if d.IsZero() {
		return nil
	}
	out := &tjsDate{Year: d.Year}
	if d.Precision >= PrecisionMonth {
		out.Month = int(d.Month)
	}
	if d.Precision >= PrecisionDay {
		out.Day = d.Day
	}
	for p, f := range map[Precision]struct {
		dst **int
		v   int
	}{
		PrecisionHour: {&out.Hour, d.Hour}, PrecisionMinute: {&out.Minute, d.Minute},
		PrecisionSecond: {&out.Second, d.Second}, PrecisionMillisecond: {&out.Millisecond, d.Millisecond},
	} {
		if d.Precision >= p {
			v := f.v
			*f.dst = &v
		}
	}
	return out
}

// ExportTimelineJS writes t as a TimelineJS JSON file that TimelineJS (and
// Load) can open: the title slide, every event with its date as precise as
// it is known, headline, text (as HTML paragraphs), media, group, display
// date and ID, and every era. Reading the file back with Load gives the same
// events and eras. Events of the app's own kinds keep their sender and
// recipient, place, quotes and "according to" as paragraphs of the text,
// and their kind as the group when they have none.
func ExportTimelineJS(t *Timeline, w io.Writer) error {
	f := tjsFile{Events: make([]tjsSlide, 0, len(t.Events))}
	if t.Title != "" || t.Subtitle != "" {
		f.Title = &tjsSlide{Text: &tjsText{Headline: htmlLine(t.Title), Text: HTMLText(t.Subtitle)}}
	}
	for i := range t.Events {
		f.Events = append(f.Events, exportEvent(t, &t.Events[i]))
	}
	for _, era := range t.Eras {
		f.Eras = append(f.Eras, tjsSlide{
			StartDate: newTJSDate(era.Start),
			EndDate:   newTJSDate(era.End),
			Text:      &tjsText{Headline: htmlLine(era.Title), Text: HTMLText(era.Summary)},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("data: writing TimelineJS: %w", err)
	}
	return nil
}

func exportEvent(t *Timeline, e *Event) tjsSlide {
	s := tjsSlide{
		StartDate:   newTJSDate(e.Date),
		DisplayDate: e.DateText,
		Group:       e.Group,
		UniqueID:    e.ID,
	}
	if e.IsRange() {
		s.EndDate = newTJSDate(e.End)
	}
	if s.Group == "" && e.Kind != "" && e.Kind != KindContext {
		s.Group = e.Kind.Label()
	}
	paras := []string{}
	if e.Summary != "" {
		paras = append(paras, e.Summary)
	}
	switch {
	case e.From != "" && e.To != "":
		paras = append(paras, fmt.Sprintf("From %s to %s.", t.PersonName(e.From), t.PersonName(e.To)))
	case e.From != "":
		paras = append(paras, fmt.Sprintf("By %s.", t.PersonName(e.From)))
	}
	if e.Place != "" {
		paras = append(paras, "Place: "+e.Place+".")
	}
	for _, q := range e.Quotes {
		paras = append(paras, fmt.Sprintf("“%s” — %s", q.Text, q.By))
	}
	if e.ReportedBy != "" {
		paras = append(paras, "According to "+e.ReportedBy+".")
	}
	if src, ok := t.Source(e.Source); ok && e.Source != "" {
		line := "Source: " + src.Title
		if src.Publisher != "" {
			line += ", " + src.Publisher
		}
		if src.URL != "" {
			line += " (" + src.URL + ")"
		}
		paras = append(paras, line+".")
	}
	s.Text = &tjsText{Headline: htmlLine(e.Title), Text: HTMLText(strings.Join(paras, "\n\n"))}
	m := e.Media
	if !m.IsZero() {
		url := m.URL
		if url == "" && m.Embed != "" {
			url = "<blockquote>" + HTMLText(m.Embed) + "</blockquote>"
		}
		s.Media = &tjsMedia{URL: url, Caption: htmlLine(m.Caption), Credit: htmlLine(m.Credit),
			Thumbnail: m.Thumbnail, Alt: htmlLine(m.Alt)}
	}
	return s
}
