package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// This file reads TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html)
// and holds what the TimelineJS JSON and spreadsheet importers share:
// building dates from their parts, turning slides into events, and giving
// the events unique slug IDs.

// dateParts is a date as an importer finds it: each part as text, empty
// when absent, with the name of the place it came from for problems.
type dateParts struct {
	year, month, day, hour, minute, second, millisecond string
	// clock, when set, is the time of day as one text (a spreadsheet's
	// Time column), for problems with its parts.
	clock string
	// where names each part's place: "events[3].start_date.month" or
	// "row 14, column Month".
	where func(part string) string
}

func (p dateParts) empty() bool {
	return p.year == "" && p.month == "" && p.day == "" && p.hour == "" &&
		p.minute == "" && p.second == "" && p.millisecond == ""
}

// date builds a Date as precise as the finest part given. A part finer than
// one missing ("day" with no "month") and any number out of range is a
// problem; ok is false when there was any.
func (p dateParts) date(ps *Problems) (d Date, ok bool) {
	ok = true
	bad := func(part, format string, args ...any) {
		*ps = append(*ps, Problem{Where: p.where(part), What: fmt.Sprintf(format, args...)})
		ok = false
	}
	if p.year == "" {
		bad("year", "missing")
		return Date{}, false
	}
	y, err := wholeNumber(p.year)
	switch {
	case err != nil:
		bad("year", "'%s' is not a year", p.year)
		return Date{}, false
	case y < MinYear || y > MaxYear:
		bad("year", "%s is outside %s", p.year, yearRange)
		return Date{}, false
	}
	d = Date{Year: int(y), Precision: PrecisionYear}
	// (Set in a switch below rather than by a function in each part:
	// such functions moved d, and so every date read, to the heap.)
	parts := [...]struct {
		name, text string
		max        int
	}{
		{"month", p.month, 12},
		{"day", p.day, 31},
		{"hour", p.hour, 23},
		{"minute", p.minute, 59},
		{"second", p.second, 59},
		{"millisecond", p.millisecond, 999},
	}
	missing := ""
	for i, part := range parts {
		if part.text == "" {
			if missing == "" {
				missing = part.name
			}
			continue
		}
		if missing != "" {
			bad(part.name, "%s needs %s", withArticle(part.name), withArticle(missing))
			return Date{}, false
		}
		n, err := wholeNumber(part.text)
		lo := int64(1)
		if i >= 2 {
			lo = 0
		}
		limit := int64(part.max)
		if part.name == "day" {
			limit = int64(daysIn(d.Year, d.Month))
		}
		if err != nil || n < lo || n > limit {
			if i >= 2 && p.clock != "" {
				bad(part.name, "'%s' is not a time: there is no %s %s", p.clock, part.name, part.text)
				return Date{}, false
			}
			switch part.name {
			case "day":
				if err == nil && n >= 1 && n <= 31 {
					bad(part.name, "'%s' is not a day of %s %s", part.text, d.Month, yearText(d.Year))
				} else {
					bad(part.name, "'%s' is not a day", part.text)
				}
			case "millisecond":
				bad(part.name, "'%s' is not a millisecond (0 to 999)", part.text)
			default:
				article := "a"
				if part.name == "hour" {
					article = "an"
				}
				bad(part.name, "'%s' is not %s %s", part.text, article, part.name)
			}
			return Date{}, false
		}
		switch i {
		case 0:
			d.Month = time.Month(n)
		case 1:
			d.Day = int(n)
		case 2:
			d.Hour = int(n)
		case 3:
			d.Minute = int(n)
		case 4:
			d.Second = int(n)
		case 5:
			d.Millisecond = int(n)
		}
		d.Precision = PrecisionMonth + Precision(i)
	}
	return d, ok
}

// yearText writes a year for a message: "1815", "44 BCE".
func yearText(y int) string {
	if y < 0 {
		return strconv.Itoa(-y) + " BCE"
	}
	return strconv.Itoa(y)
}

// wholeNumber reads an integer written as "1815", "-44", "+7", "1815.0" or
// "1.8e3". It refuses fractions and values beyond int32, which no date part
// reaches.
func wholeNumber(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	// Beyond int32 no date part is valid; clamp so the caller's range
	// check names the value.
	return int64(math.Max(math.MinInt32-1, math.Min(math.MaxInt32+1, f))), nil
}

// slide is one TimelineJS slide (an event, an era or the title) as both
// importers find it, its text still HTML.
type slide struct {
	start, end  Date
	hasEnd      bool
	headline    string
	text        string
	media       Media
	mediaURL    string
	group       string
	displayDate string
	uniqueID    string
	// where names a field's place in the file, for problems: the
	// field as Cut.Field names it ("title", "media.caption").
	where func(field string) string
}

// tjsFields and csvFields name where an event's field comes from in a
// TimelineJS slide and in a spreadsheet's row.
var (
	tjsFields = map[string]string{"title": "text.headline", "summary": "text.text",
		"media.embed": "media.url"}
	csvFields = map[string]string{"title": "headline", "summary": "text", "display_date": "display date",
		"media.caption": "media caption", "media.credit": "media credit", "media.embed": "media",
		"media.url": "media", "media.thumbnail": "media thumbnail", "media.alt": "alt text"}
)

// fieldIn returns the name fields gives field, or field itself.
func fieldIn(fields map[string]string, field string) string {
	if f, ok := fields[field]; ok {
		return f
	}
	return field
}

// headlineText renders a headline's HTML as one line of plain text.
func headlineText(h string) string {
	p := PlainText(h)
	if tidyLine(p) {
		return p
	}
	return collapseSpaces(strings.ReplaceAll(p, "\n", " "))
}

// importer builds a Timeline from slides, giving each event a unique ID.
type importer struct {
	t       *Timeline
	ps      Problems
	wantIDs []string
}

func newImporter() *importer { return &importer{t: &Timeline{}} }

func (im *importer) problem(where, format string, args ...any) {
	im.ps = append(im.ps, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

// checkRange reports an end before its start; where names the end.
func (im *importer) checkRange(s *slide, where func() string) bool {
	if s.hasEnd && s.end.Until().Before(s.start.Until()) {
		im.problem(where(), "%s is before the start, %s", s.end.Display(), s.start.Display())
		return false
	}
	return true
}

// addEvent turns a slide into an event: HTML rendered as plain text, kind
// context, no sender.
func (im *importer) addEvent(s *slide) {
	e := Event{
		Date:     s.start,
		Kind:     KindContext,
		Title:    headlineText(s.headline),
		Summary:  PlainText(s.text),
		Group:    strings.TrimSpace(s.group),
		DateText: strings.TrimSpace(s.displayDate),
		Media:    s.media,
	}
	if s.hasEnd && s.end != s.start {
		e.End = s.end
	}
	url := strings.TrimSpace(s.mediaURL)
	if strings.HasPrefix(url, "<") {
		// Media given as HTML: a blockquote keeps its words; an iframe
		// (a pasted embed code) its address.
		e.Media.Embed = PlainText(url)
		if e.Media.Embed == "" {
			e.Media.URL = embedSource(url)
		}
	} else {
		e.Media.URL = url
	}
	e.Media.Caption = PlainText(e.Media.Caption)
	e.Media.Credit = PlainText(e.Media.Credit)
	e.Media.Alt = PlainText(e.Media.Alt)
	e.Media.Thumbnail = strings.TrimSpace(e.Media.Thumbnail)
	if e.Title == "" {
		e.Label = firstWords(e.Summary, 6)
		if e.Label == "" {
			e.Label = firstWords(e.Media.Caption+" "+e.Media.Embed, 6)
		}
	}
	limitEvent(&e, s.where, &im.ps)
	im.t.Events = append(im.t.Events, e)
	im.wantIDs = append(im.wantIDs, strings.TrimSpace(s.uniqueID))
}

// addEra turns a slide into an era; an era needs both dates.
func (im *importer) addEra(s *slide) {
	era := Era{Title: headlineText(s.headline), Summary: PlainText(s.text), Start: s.start, End: s.end}
	limitText(&era.Title, MaxTitle, s.where("title"), &im.ps)
	limitText(&era.Summary, MaxSummary, s.where("summary"), &im.ps)
	im.t.Eras = append(im.t.Eras, era)
}

// embedSource returns the src of the first iframe in an HTML fragment, or
// else of the first embed, img, video, audio or source, or "".
func embedSource(h string) string {
	order := []string{"iframe", "embed", "img", "video", "audio", "source"}
	found := map[string]string{}
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !slices.Contains(order, string(name)) || found[string(name)] != "" {
			continue
		}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) == "src" {
				found[string(name)] = strings.TrimSpace(string(v))
				break
			}
		}
	}
	for _, tag := range order {
		if src := found[tag]; src != "" {
			return src
		}
	}
	return ""
}

// firstWords returns up to n words of s, and no more than MaxLabel
// characters, with "…" when it cut.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	out := strings.Join(w[:min(n, len(w))], " ")
	if short, cut := shorten(out, MaxLabel-1); cut > 0 {
		return short + "…"
	}
	if len(w) > n {
		return out + "…"
	}
	return out
}

// finish gives every event an ID (the file's own where it is a free slug,
// else one made from the headline, made unique with "-2", "-3"…) and sorts
// the events. It returns an error when no event is usable.
func (im *importer) finish(name string) (*Timeline, Problems, error) {
	t := im.t
	used := make(map[string]bool, len(t.Events))
	next := map[string]int{} // per base, the suffix to try next
	for i, want := range im.wantIDs {
		if want != "" && isSlug(want) && !used[want] {
			used[want] = true
			t.Events[i].ID = want
		}
	}
	for i := range t.Events {
		e := &t.Events[i]
		if e.ID != "" {
			continue
		}
		base := slugOf(im.wantIDs[i], 48)
		if base == "" {
			base = slugOf(e.Title, 48)
		}
		if base == "" {
			base = slugOf(e.Label, 48)
		}
		if base == "" {
			base = "event-" + slugOf(e.Date.String(), 48)
			if e.Date.Year < 0 {
				base = "event-bce-" + slugOf(e.Date.String(), 48)
			}
		}
		// The first of base, base-2, base-3… that is free. Those tried
		// for an earlier event with the same base stay taken (used only
		// grows), so the search goes on from where that one stopped.
		n := next[base]
		id := suffixed(base, n)
		for used[id] {
			n = max(n+1, 2)
			id = suffixed(base, n)
		}
		next[base] = max(n+1, 2)
		used[id] = true
		e.ID = id
	}
	if t.Title == "" {
		t.Title = titleFromName(name)
	}
	if len(t.Events) == 0 {
		if len(im.ps) == 0 {
			im.problem("events", "the file has no events")
		}
		return nil, im.ps, fmt.Errorf("data: %s: nothing to show: %w", Printable(name), im.ps)
	}
	t.index()
	return t, im.ps, nil
}

// suffixed is base with "-n" after it, or base alone for n 0.
func suffixed(base string, n int) string {
	if n == 0 {
		return base
	}
	return base + "-" + strconv.Itoa(n)
}

// titleFromName makes a title from a file name: "women_in_computing.json"
// gives "women in computing".
func titleFromName(name string) string {
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return collapseSpaces(strings.NewReplacer("_", " ", "-", " ").Replace(base))
}

// jsonObject is a JSON object being read field by field, with its path for
// problems.
type jsonObject struct {
	path   string
	fields map[string]json.RawMessage
	ps     *Problems
}

// jsonKind names the kind of JSON value raw holds.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "list"
	case '"':
		return "string"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "number"
}

// asObject reads raw as a JSON object; null gives an empty one. Anything
// else is a problem at path, and ok is false.
func asObject(raw json.RawMessage, path string, ps *Problems) (o jsonObject, ok bool) {
	o = jsonObject{path: path, ps: ps}
	switch k := jsonKind(raw); k {
	case "null":
		return o, true
	case "object":
		if err := json.Unmarshal(raw, &o.fields); err != nil {
			*ps = append(*ps, Problem{Where: path, What: "not a valid JSON object"})
			return o, false
		}
		return o, true
	default:
		*ps = append(*ps, Problem{Where: path, What: fmt.Sprintf("a JSON %s where an object belongs", k)})
		return o, false
	}
}

func (o jsonObject) has(key string) bool {
	raw, ok := o.fields[key]
	return ok && jsonKind(raw) != "null"
}

func (o jsonObject) where(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// object reads a nested object; a missing or null one is empty.
func (o jsonObject) object(key string) (jsonObject, bool) {
	raw, ok := o.fields[key]
	if !ok {
		return jsonObject{path: o.where(key), ps: o.ps}, true
	}
	return asObject(raw, o.where(key), o.ps)
}

// text reads a string field; a number is taken as its digits, a missing or
// null field is "". Anything else is a problem.
func (o jsonObject) text(key string) (string, bool) {
	raw, ok := o.fields[key]
	if !ok {
		return "", true
	}
	switch k := jsonKind(raw); k {
	case "null":
		return "", true
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			*o.ps = append(*o.ps, Problem{Where: o.where(key), What: "not a valid JSON string"})
			return "", false
		}
		return s, true
	case "number":
		return string(bytes.TrimSpace(raw)), true
	default:
		*o.ps = append(*o.ps, Problem{Where: o.where(key), What: fmt.Sprintf("a JSON %s where text belongs", k)})
		return "", false
	}
}

// date reads a TimelineJS date object.
func (o jsonObject) date(key string) (d Date, display string, present, ok bool) {
	do, ok := o.object(key)
	if !ok {
		return Date{}, "", true, false
	}
	if len(do.fields) == 0 {
		return Date{}, "", false, true
	}
	var p dateParts
	p.where = func(part string) string { return do.where(part) }
	good := true
	for _, f := range []struct {
		key string
		dst *string
	}{{"year", &p.year}, {"month", &p.month}, {"day", &p.day}, {"hour", &p.hour},
		{"minute", &p.minute}, {"second", &p.second}, {"millisecond", &p.millisecond},
		{"display_date", &display}} {
		s, ok := do.text(f.key)
		good = good && ok
		*f.dst = strings.TrimSpace(s)
	}
	if !good {
		return Date{}, "", true, false
	}
	if p.empty() {
		if display != "" {
			return Date{}, display, false, true
		}
		return Date{}, "", false, true
	}
	d, ok = p.date(o.ps)
	return d, display, true, ok
}

// readSlide reads the parts of a TimelineJS slide that the app keeps.
func readSlide(o jsonObject) (s slide, ok bool) {
	ok = true
	var startDisplay, endDisplay string
	var good bool
	s.start, startDisplay, _, good = o.date("start_date")
	ok = ok && good
	s.end, endDisplay, s.hasEnd, good = o.date("end_date")
	ok = ok && good
	text, good := o.object("text")
	ok = ok && good
	media, good := o.object("media")
	ok = ok && good
	for _, f := range []struct {
		o   jsonObject
		key string
		dst *string
	}{
		{text, "headline", &s.headline}, {text, "text", &s.text},
		{media, "url", &s.mediaURL}, {media, "caption", &s.media.Caption},
		{media, "credit", &s.media.Credit}, {media, "thumbnail", &s.media.Thumbnail},
		{media, "alt", &s.media.Alt},
		{o, "group", &s.group}, {o, "display_date", &s.displayDate}, {o, "unique_id", &s.uniqueID},
	} {
		v, good := f.o.text(f.key)
		ok = ok && good
		*f.dst = v
	}
	s.displayDate = joinDisplay(s.displayDate, startDisplay, endDisplay)
	return s, ok
}

// flexText is a JSON value TimelineJS allows as text: a string, a number
// (taken as its digits) or null (empty).
type flexText string

var errNotText = errors.New("not text")

// UnmarshalJSON reads a string, number or null; anything else is an error,
// on which the importer reads the slide again field by field to say where.
func (f *flexText) UnmarshalJSON(b []byte) error {
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexText(s)
	case 'n':
		*f = ""
	case '{', '[', 't', 'f':
		return errNotText
	default:
		*f = flexText(b)
	}
	return nil
}

type tjsDateIn struct {
	Year        flexText `json:"year"`
	Month       flexText `json:"month"`
	Day         flexText `json:"day"`
	Hour        flexText `json:"hour"`
	Minute      flexText `json:"minute"`
	Second      flexText `json:"second"`
	Millisecond flexText `json:"millisecond"`
	DisplayDate flexText `json:"display_date"`
}

type tjsTextIn struct {
	Headline flexText `json:"headline"`
	Text     flexText `json:"text"`
}

type tjsMediaIn struct {
	URL       flexText `json:"url"`
	Caption   flexText `json:"caption"`
	Credit    flexText `json:"credit"`
	Thumbnail flexText `json:"thumbnail"`
	Alt       flexText `json:"alt"`
}

type tjsSlideIn struct {
	StartDate   *tjsDateIn  `json:"start_date"`
	EndDate     *tjsDateIn  `json:"end_date"`
	Text        *tjsTextIn  `json:"text"`
	Media       *tjsMediaIn `json:"media"`
	Group       flexText    `json:"group"`
	DisplayDate flexText    `json:"display_date"`
	UniqueID    flexText    `json:"unique_id"`
}

// readSlideFast decodes a well-formed slide in one pass. It reports decoded
// false when the slide has a value of the wrong type, for readSlide to find
// and name.
func readSlideFast(raw json.RawMessage, path string, ps *Problems) (s slide, ok, decoded bool) {
	if jsonKind(raw) != "object" {
		return s, false, false
	}
	var in tjsSlideIn
	if err := json.Unmarshal(raw, &in); err != nil {
		return s, false, false
	}
	s, ok = slideFrom(&in, path, ps)
	return s, ok, true
}

// slideFrom makes a slide of a decoded one, adding the problems of its
// dates to ps.
func slideFrom(in *tjsSlideIn, path string, ps *Problems) (s slide, ok bool) {
	ok = true
	date := func(d *tjsDateIn, key string) (Date, string, bool) {
		if d == nil {
			return Date{}, "", false
		}
		p := dateParts{
			year: strings.TrimSpace(string(d.Year)), month: strings.TrimSpace(string(d.Month)),
			day: strings.TrimSpace(string(d.Day)), hour: strings.TrimSpace(string(d.Hour)),
			minute: strings.TrimSpace(string(d.Minute)), second: strings.TrimSpace(string(d.Second)),
			millisecond: strings.TrimSpace(string(d.Millisecond)),
			where:       func(part string) string { return path + "." + key + "." + part },
		}
		display := strings.TrimSpace(string(d.DisplayDate))
		if p.empty() {
			return Date{}, display, false
		}
		date, good := p.date(ps)
		ok = ok && good
		return date, display, true
	}
	var startDisplay, endDisplay string
	s.start, startDisplay, _ = date(in.StartDate, "start_date")
	s.end, endDisplay, s.hasEnd = date(in.EndDate, "end_date")
	if in.Text != nil {
		s.headline, s.text = string(in.Text.Headline), string(in.Text.Text)
	}
	if m := in.Media; m != nil {
		s.mediaURL = string(m.URL)
		s.media = Media{Caption: string(m.Caption), Credit: string(m.Credit), Thumbnail: string(m.Thumbnail), Alt: string(m.Alt)}
	}
	s.group, s.displayDate, s.uniqueID = string(in.Group), string(in.DisplayDate), string(in.UniqueID)
	s.displayDate = joinDisplay(s.displayDate, startDisplay, endDisplay)
	return s, ok
}

// tjsDoc is a TimelineJS document as scanTimelineJS reads it: the top-level
// values ParseTimelineJS looks at, the events and eras as written, and
// each of them decoded when it could be read the short way (else nil).
type tjsDoc struct {
	top            map[string]json.RawMessage
	events, eras   []json.RawMessage
	eventIn, eraIn []*tjsSlideIn
}

// tjsTopKeys are the top-level keys ParseTimelineJS reads.
var tjsTopKeys = []string{"title", "scale", "events", "eras"}

// scanTimelineJS reads a TimelineJS document in one pass (see jsonScan),
// or returns nil when it is not valid JSON or has anything that must be
// read the long way to be read as encoding/json reads it.
func scanTimelineJS(b []byte) *tjsDoc {
	s := newJSONScan(b)
	s.valid = utf8.Valid(b)
	doc := &tjsDoc{top: map[string]json.RawMessage{}}
	if s.peek() != '{' {
		return nil
	}
	short := s.fields(tjsTopKeys, func(i int) bool {
		start := s.peekAt()
		key := tjsTopKeys[i]
		if (key == "events" || key == "eras") && s.peek() == '[' {
			raws, ins := &doc.events, &doc.eventIn
			if key == "eras" {
				raws, ins = &doc.eras, &doc.eraIn
			}
			*raws, *ins = []json.RawMessage{}, []*tjsSlideIn{}
			s.array(func(int) {
				from := s.peekAt()
				in := scanSlide(s)
				*raws = append(*raws, b[from:s.i])
				*ins = append(*ins, in)
			})
		} else {
			s.skip()
		}
		doc.top[key] = b[start:s.i]
		return true
	})
	if !short || !s.end() {
		return nil
	}
	return doc
}

// peekAt is where the next value starts.
func (s *jsonScan) peekAt() int {
	s.ws()
	return s.i
}

// The keys of a TimelineJS slide, its dates, text and media, as tjsSlideIn
// has them.
var (
	tjsSlideKeys = []string{"start_date", "end_date", "text", "media", "group", "display_date", "unique_id"}
	tjsDateKeys  = []string{"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
	tjsTextKeys  = []string{"headline", "text"}
	tjsMediaKeys = []string{"url", "caption", "credit", "thumbnail", "alt"}
)

// scanSlide reads a slide as json.Unmarshal into tjsSlideIn does, or
// returns nil (having read it) when it must be read the long way.
func scanSlide(s *jsonScan) *tjsSlideIn {
	if s.peek() != '{' {
		s.skip()
		return nil
	}
	in := &tjsSlideIn{}
	short := s.fields(tjsSlideKeys, func(i int) bool {
		switch i {
		case 0, 1:
			d := &in.StartDate
			if i == 1 {
				d = &in.EndDate
			}
			return scanObjectOrNull(s, d, tjsDateKeys, func(d *tjsDateIn) []*flexText {
				return []*flexText{&d.Year, &d.Month, &d.Day, &d.Hour, &d.Minute, &d.Second, &d.Millisecond, &d.DisplayDate}
			})
		case 2:
			return scanObjectOrNull(s, &in.Text, tjsTextKeys, func(t *tjsTextIn) []*flexText {
				return []*flexText{&t.Headline, &t.Text}
			})
		case 3:
			return scanObjectOrNull(s, &in.Media, tjsMediaKeys, func(m *tjsMediaIn) []*flexText {
				return []*flexText{&m.URL, &m.Caption, &m.Credit, &m.Thumbnail, &m.Alt}
			})
		}
		return scanFlex(s, []*flexText{&in.Group, &in.DisplayDate, &in.UniqueID}[i-4])
	})
	if !short {
		return nil
	}
	return in
}

// scanObjectOrNull reads into *p an object of flexText fields named keys
// (fields gives their places in a T), or null for none.
func scanObjectOrNull[T any](s *jsonScan, p **T, keys []string, fields func(*T) []*flexText) bool {
	switch s.peek() {
	case 'n':
		s.literal("null")
		*p = nil
		return true
	case '{':
		v := new(T)
		*p = v
		dst := fields(v)
		return s.fields(keys, func(i int) bool { return scanFlex(s, dst[i]) })
	}
	s.skip()
	return false
}

// scanFlex reads a flexText the short way: a string, a number or null.
func scanFlex(s *jsonScan, f *flexText) bool {
	switch c := s.peek(); {
	case c == '"':
		*f = flexText(s.str())
	case c == 'n':
		s.literal("null")
		*f = ""
	case c == '-' || '0' <= c && c <= '9':
		*f = flexText(s.number())
	default:
		s.skip()
		return false
	}
	return s.ok
}

// joinDisplay picks the slide's display_date, else its dates' own.
func joinDisplay(slide, start, end string) string {
	if strings.TrimSpace(slide) != "" {
		return slide
	}
	s := strings.TrimSpace(start)
	if e := strings.TrimSpace(end); e != "" && s != "" {
		s += " – " + e
	}
	return s
}

// slideAt reads events[i] or eras[i]: in one pass when it is well formed,
// else field by field to name each problem.
func slideAt(raw json.RawMessage, path string, ps *Problems) (slide, bool) {
	if s, ok, decoded := readSlideFast(raw, path, ps); decoded {
		return s, ok
	}
	o, ok := asObject(raw, path, ps)
	if !ok {
		return slide{}, false
	}
	return readSlide(o)
}

// ParseTimelineJS reads a TimelineJS JSON file: its title slide, events and
// eras. Events and eras with problems are skipped and their problems
// returned; the error is non-nil only when no event is usable. Name is the
// file's name, for the title when the file has none and for the error.
func ParseTimelineJS(name string, b []byte) (*Timeline, Problems, error) {
	return parseTimelineJS(name, b, true)
}

// parseTimelineJS is ParseTimelineJS; with short, a well-formed file is
// read in one pass (see scanTimelineJS), else with encoding/json. Tests
// compare the two ways.
func parseTimelineJS(name string, b []byte, short bool) (*Timeline, Problems, error) {
	im := newImporter()
	var doc *tjsDoc
	if short {
		doc = scanTimelineJS(b)
	}
	var top map[string]json.RawMessage
	var events, eras []json.RawMessage
	if doc != nil {
		top, events, eras = doc.top, doc.events, doc.eras
	} else if p, ok := decodeTop(b, &top); !ok {
		im.ps = append(im.ps, p)
		return nil, im.ps, fmt.Errorf("data: %s: %w", Printable(name), im.ps)
	}
	root := jsonObject{fields: top, ps: &im.ps}
	for _, l := range []struct {
		key string
		dst *[]json.RawMessage
	}{{"events", &events}, {"eras", &eras}} {
		raw, ok := top[l.key]
		if !ok || jsonKind(raw) == "null" {
			continue
		}
		if k := jsonKind(raw); k != "list" {
			im.problem(l.key, "a JSON %s where a list belongs", k)
			continue
		}
		if doc != nil {
			continue // already read
		}
		if err := json.Unmarshal(raw, l.dst); err != nil {
			im.problem(l.key, "not a valid JSON list")
		}
	}
	if len(events)+len(eras) > MaxEvents {
		im.ps = Problems{{Where: "events", What: fmt.Sprintf("%d events; files with more than %d are refused", len(events)+len(eras), MaxEvents)}}
		return nil, im.ps, fmt.Errorf("data: %s: %w", Printable(name), im.ps)
	}

	im.t.Events = make([]Event, 0, len(events))
	im.wantIDs = make([]string, 0, len(events))
	if scale, ok := root.text("scale"); ok {
		switch strings.ToLower(strings.TrimSpace(scale)) {
		case "", "human":
		case "cosmological":
			im.problem("scale", "\"cosmological\" timelines are not supported: this app shows the years %d BCE to %d, and events outside them are skipped", -MinYear, MaxYear)
		default:
			im.problem("scale", "%q is not \"human\" or \"cosmological\"; taken as \"human\"", scale)
		}
	}
	if jsonKind(top["title"]) == "string" {
		// A hand-written file may give the title as plain text.
		s, _ := root.text("title")
		im.t.Title = headlineText(s)
		limitText(&im.t.Title, MaxTitle, "title", &im.ps)
	} else if title, ok := root.object("title"); ok && len(title.fields) > 0 {
		s, _ := readSlide(title)
		im.t.Title = headlineText(s.headline)
		im.t.Subtitle = PlainText(s.text)
		limitText(&im.t.Title, MaxTitle, "title.text.headline", &im.ps)
		limitText(&im.t.Subtitle, MaxSubtitle, "title.text.text", &im.ps)
	}

	// slide reads events[i] or eras[i].
	slide := func(ins []*tjsSlideIn, i int, raw json.RawMessage, path string) (slide, bool) {
		if doc != nil && ins[i] != nil {
			return slideFrom(ins[i], path, &im.ps)
		}
		return slideAt(raw, path, &im.ps)
	}
	var eventIn, eraIn []*tjsSlideIn
	if doc != nil {
		eventIn, eraIn = doc.eventIn, doc.eraIn
	}
	for i, raw := range events {
		path := fmt.Sprintf("events[%d]", i)
		s, ok := slide(eventIn, i, raw, path)
		if !ok {
			continue
		}
		s.where = func(field string) string { return path + "." + fieldIn(tjsFields, field) }
		if s.start.IsZero() {
			im.problem(path+".start_date", "missing")
			continue
		}
		if !im.checkRange(&s, func() string { return path + ".end_date" }) {
			continue
		}
		im.addEvent(&s)
	}
	for i, raw := range eras {
		path := fmt.Sprintf("eras[%d]", i)
		s, ok := slide(eraIn, i, raw, path)
		if !ok {
			continue
		}
		s.where = func(field string) string { return path + "." + fieldIn(tjsFields, field) }
		switch {
		case s.start.IsZero():
			im.problem(path+".start_date", "missing")
		case !s.hasEnd:
			im.problem(path+".end_date", "missing: an era needs an end")
		case im.checkRange(&s, func() string { return path + ".end_date" }):
			im.addEra(&s)
		}
	}
	if len(events) == 0 && len(im.ps) == 0 {
		im.problem("events", "missing: the file has no events")
	}
	return im.finish(name)
}

// decodeTop decodes a whole JSON document into v, turning a failure into a
// Problem that names the line and column.
func decodeTop(b []byte, v any) (Problem, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		p := jsonProblem(b, err)
		if strings.Contains(p.What, "JSON array") {
			p.What = "the file is a JSON array; a TimelineJS file is an object with \"events\""
			p.Where = position(b, int64(bytes.IndexByte(b, '[')))
		}
		if p.Where == "" {
			p.Where = position(b, dec.InputOffset())
		}
		return p, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return Problem{Where: position(b, dec.InputOffset()), What: "more data after the end of the timeline"}, false
	}
	return Problem{}, true
}

// withArticle is a date part's name with its article: "a month", "an hour".
func withArticle(name string) string {
	if name == "hour" {
		return "an " + name
	}
	return "a " + name
}
