package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

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
	if d.Precision >= PrecisionHour {
		// One allocation for the four parts a time of day may have.
		parts := [4]int{d.Hour, d.Minute, d.Second, d.Millisecond}
		dst := [4]**int{&out.Hour, &out.Minute, &out.Second, &out.Millisecond}
		for i := 0; i <= int(d.Precision-PrecisionHour); i++ {
			*dst[i] = &parts[i]
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
//
// The file has one event or era per line: compact enough that the app's own
// exports stay far below MaxFileSize, and still readable in a text editor.
func ExportTimelineJS(t *Timeline, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	// put writes v as JSON after the given text, without the encoder's
	// trailing newline.
	put := func(before string, v any) error {
		line.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		bw.WriteString(before)
		bw.Write(bytes.TrimSuffix(line.Bytes(), []byte{'\n'}))
		return nil
	}
	bw.WriteString("{")
	if t.Title != "" || t.Subtitle != "" {
		title := tjsSlide{Text: &tjsText{Headline: htmlLine(t.Title), Text: HTMLText(t.Subtitle)}}
		if err := put("\n  \"title\": ", title); err != nil {
			return fmt.Errorf("data: writing TimelineJS: %w", err)
		}
		bw.WriteString(",")
	}
	bw.WriteString("\n  \"events\": [")
	for i := range t.Events {
		sep := "\n    "
		if i > 0 {
			sep = ",\n    "
		}
		if err := put(sep, exportEvent(t, &t.Events[i])); err != nil {
			return fmt.Errorf("data: writing TimelineJS: events[%d]: %w", i, err)
		}
	}
	bw.WriteString("\n  ]")
	if len(t.Eras) > 0 {
		bw.WriteString(",\n  \"eras\": [")
		for i, era := range t.Eras {
			sep := "\n    "
			if i > 0 {
				sep = ",\n    "
			}
			s := tjsSlide{
				StartDate: newTJSDate(era.Start),
				EndDate:   newTJSDate(era.End),
				Text:      &tjsText{Headline: htmlLine(era.Title), Text: HTMLText(era.Summary)},
			}
			if err := put(sep, s); err != nil {
				return fmt.Errorf("data: writing TimelineJS: eras[%d]: %w", i, err)
			}
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	if err := bw.Flush(); err != nil {
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
	var paras []string
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
