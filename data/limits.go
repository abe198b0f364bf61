package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The most characters each text field keeps. Text over its limit is kept
// shortened, at a word boundary, with a problem that says how much was
// left out, and the detail card notes the cut after the text. The card
// shows an event with every field at its limit in under 15 ms of CPU at
// the largest text scale, the first time (widgets'
// BenchmarkEventCardAtLimits); real timelines stay far below the limits
// (the longest text of the TimelineJS samples is under 500 characters).
const (
	MaxTitle    = 200   // an event's, era's or source's title, a timeline's title
	MaxLabel    = 60    // the few words the timeline shows
	MaxSummary  = 4_000 // an event's or era's summary
	MaxSubtitle = 500   // a timeline's subtitle, which the sidebar shows in a Label (whose cost grows with the square of its length)
	MaxQuote    = 300   // a quote's words
	MaxName     = 100   // a place, a group, who says so, who said a quote, a person's name and role, a publisher
	MaxDate     = 200   // a date as the file writes it ("Early summer 1815")
	MaxCaption  = 1_000 // a media caption, alt text or media given inline
	MaxCredit   = 200   // a media credit
	MaxLink     = 2_000 // a link (media, thumbnail, source); a longer one is left out, as a cut link would lead elsewhere
	MaxQuotes   = 5     // quotes per event; the rest are left out
	MaxRelated  = 10    // related events per event; the rest are left out
)

// Cut records that an event's text field was over its limit and how much
// of it was left out.
type Cut struct {
	// Field names the field as the app's JSON does: "summary",
	// "quotes[2].text", "media.caption".
	Field string
	// Runes is how many characters were left out.
	Runes int
}

// CutNote is what the card shows after the text of field when it was
// shortened ("… 96,000 more characters, see the file"), or "".
func (e *Event) CutNote(field string) string {
	for _, c := range e.Cuts {
		if c.Field == field {
			return "… " + groupDigits(c.Runes) + " more " + Plural(c.Runes, "character") + ", see the file"
		}
	}
	return ""
}

// limitEvent applies the limits above to every text field of e, in every
// format: each cut is recorded in e.Cuts and added to ps as a problem at
// where(field), field named as in Cut.Field; where gives the field's place
// in the file ("events[3].text.text", "row 14, column Text"). It is called
// only for a field that is cut: naming a place costs more than checking a
// field, and every event of a file is checked.
func limitEvent(e *Event, where func(field string) string, ps *Problems) {
	text := func(field string, s *string, max int) {
		if len(*s) <= max { // no more characters than bytes: it fits
			return
		}
		if n := limitText(s, max, where(field), ps); n > 0 {
			e.Cuts = append(e.Cuts, Cut{Field: field, Runes: n})
		}
	}
	text("title", &e.Title, MaxTitle)
	text("label", &e.Label, MaxLabel)
	text("summary", &e.Summary, MaxSummary)
	text("place", &e.Place, MaxName)
	text("reported_by", &e.ReportedBy, MaxName)
	text("group", &e.Group, MaxName)
	text("display_date", &e.DateText, MaxDate)
	if d := e.Dispute; d != nil {
		text("dispute.about", &d.About, MaxSubtitle)
		text("dispute.quote", &d.Quote, MaxSummary)
	}
	if len(e.Quotes) > MaxQuotes {
		addLimitProblem(ps, where("quotes"), "%d quotes, over the limit of %d: the last %d are left out", len(e.Quotes), MaxQuotes, len(e.Quotes)-MaxQuotes)
		e.Quotes = e.Quotes[:MaxQuotes:MaxQuotes]
	}
	for i := range e.Quotes {
		if q := &e.Quotes[i]; len(q.Text) > MaxQuote || len(q.By) > MaxName {
			text(fmt.Sprintf("quotes[%d].text", i), &q.Text, MaxQuote)
			text(fmt.Sprintf("quotes[%d].by", i), &q.By, MaxName)
		}
	}
	if len(e.Related) > MaxRelated {
		addLimitProblem(ps, where("related"), "%d related events, over the limit of %d: the last %d are left out", len(e.Related), MaxRelated, len(e.Related)-MaxRelated)
		e.Related = e.Related[:MaxRelated:MaxRelated]
	}
	m := &e.Media
	text("media.caption", &m.Caption, MaxCaption)
	text("media.credit", &m.Credit, MaxCredit)
	text("media.embed", &m.Embed, MaxCaption)
	text("media.alt", &m.Alt, MaxCaption)
	if len(m.URL) > MaxLink {
		limitLink(&m.URL, where("media.url"), ps)
	}
	if len(m.Thumbnail) > MaxLink {
		limitLink(&m.Thumbnail, where("media.thumbnail"), ps)
	}
}

// limitText shortens *s to at most max characters and, when it cuts, adds a
// problem at where. It returns how many characters it left out.
func limitText(s *string, max int, where string, ps *Problems) int {
	kept, cut := shorten(*s, max)
	if cut == 0 {
		return 0
	}
	total := utf8.RuneCountInString(*s)
	*s = kept
	addLimitProblem(ps, where, "%s characters, over the %s-character limit: the last %s are left out",
		groupDigits(total), groupDigits(max), groupDigits(cut))
	return cut
}

// limitLink leaves out a link longer than MaxLink, with a problem at where.
func limitLink(s *string, where string, ps *Problems) {
	if n := utf8.RuneCountInString(*s); n > MaxLink {
		*s = ""
		addLimitProblem(ps, where, "%s characters, over the %s-character limit for a link: left out", groupDigits(n), groupDigits(MaxLink))
	}
}

func addLimitProblem(ps *Problems, where, format string, args ...any) {
	*ps = append(*ps, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

// shorten cuts s to at most max characters: at the last white space when
// there is one in the last quarter of what fits, else (one very long word)
// between two characters, never inside one nor between a letter and its
// combining marks. It returns what is kept, without trailing white space,
// and how many characters were left out (0 when s fits).
func shorten(s string, max int) (kept string, cut int) {
	if len(s) <= max { // no more runes than bytes
		return s, 0
	}
	end, n := len(s), 0
	for i := range s {
		if n == max {
			end = i
			break
		}
		n++
	}
	if end == len(s) {
		return s, 0
	}
	if sp := strings.LastIndexFunc(s[:end], unicode.IsSpace); sp >= 0 && utf8.RuneCountInString(s[sp:end]) <= max/4 {
		end = sp
	} else {
		// Keep a letter with its combining marks, and emoji joined with
		// ZWJ, whole, as far as a few characters back.
		for back := 0; back < 8 && end > 0; back++ {
			next, _ := utf8.DecodeRuneInString(s[end:])
			prev, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.Is(unicode.M, next) && next != 0x200d && prev != 0x200d {
				break
			}
			end -= size
		}
	}
	kept = strings.TrimRightFunc(s[:end], unicode.IsSpace)
	return kept, utf8.RuneCountInString(s) - utf8.RuneCountInString(kept)
}

// groupDigits writes n with a comma between groups of three digits:
// "96,000".
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// Plural is word with an "s" unless n is 1.
func Plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Count writes n things for people, digits grouped by thousands: "1
// event", "2,000 events"; with no word, the number alone.
func Count(n int, word string) string {
	if word == "" {
		return groupDigits(n)
	}
	return groupDigits(n) + " " + Plural(n, word)
}
