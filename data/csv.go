package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The columns of the TimelineJS spreadsheet template, as their headers
// read once lowercased.
var csvColumns = []string{
	"year", "month", "day", "time", "end year", "end month", "end day", "end time",
	"display date", "headline", "text", "media", "media credit", "media caption",
	"media thumbnail", "alt text", "type", "group", "background",
}

// csvAliases maps other headers seen in TimelineJS sheets to the template's.
// "Unique ID" is not in the template but kept when a sheet has it.
var csvAliases = map[string]string{
	"tag":       "group",
	"media alt": "alt text",
	"alt":       "alt text",
	"thumbnail": "media thumbnail",
	"unique_id": "unique id",
}

// csvSheet is a spreadsheet being read: where each column is, the header
// as the file writes it (for problems: "column Month"), and the current
// row.
type csvSheet struct {
	col    map[string]int
	header []string
	record []string
	row    int
}

func (s *csvSheet) get(name string) string {
	i, ok := s.col[name]
	if !ok || i >= len(s.record) {
		return ""
	}
	return strings.TrimSpace(s.record[i])
}

func (s *csvSheet) where(name string) string {
	if i, ok := s.col[name]; ok {
		return fmt.Sprintf("row %d, column %s", s.row, strings.TrimSpace(s.header[i]))
	}
	return fmt.Sprintf("row %d", s.row)
}

// ParseCSV reads a TimelineJS spreadsheet saved as CSV (Google Sheets'
// "Download as CSV"), or as TSV. Columns are found by their header text in
// the first row, in any order; unknown columns are ignored. A row whose Type
// is "title" gives the timeline's title, "era" an era, anything else an
// event. Rows with problems are skipped and their problems returned; the
// error is non-nil only when no event is usable. Name is the file's name,
// for the title when the sheet has none and for the error.
func ParseCSV(name string, b []byte) (*Timeline, Problems, error) {
	b = bytes.TrimPrefix(b, utf8BOM)
	im := newImporter()
	fail := func(where, format string, args ...any) (*Timeline, Problems, error) {
		im.ps = Problems{{Where: where, What: fmt.Sprintf(format, args...)}}
		return nil, im.ps, fmt.Errorf("data: %s: %w", Printable(name), im.ps)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	first := b
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	// the separator the header row has most of: Excel saves "CSV" with
	// semicolons where the decimal mark is a comma
	for _, sep := range []rune{'\t', ';'} {
		if bytes.Count(first, []byte{byte(sep)}) > bytes.Count(first, []byte{byte(r.Comma)}) {
			r.Comma = sep
		}
	}

	s := &csvSheet{col: map[string]int{}}
	// Rows are numbered as a spreadsheet shows them: encoding/csv skips
	// empty lines, which a spreadsheet shows as empty rows, so count them
	// from the lines between records.
	nextLine, offset := 1, int64(0)
	read := func() ([]string, error) {
		rec, err := r.Read()
		if err == io.EOF {
			return nil, err
		}
		start := nextLine
		var pe *csv.ParseError
		switch {
		case err == nil:
			start, _ = r.FieldPos(0)
		case errors.As(err, &pe):
			start = pe.StartLine
		}
		s.row += 1 + max(0, start-nextLine)
		end := r.InputOffset()
		nextLine += bytes.Count(b[offset:end], []byte{'\n'})
		if end == int64(len(b)) && len(b) > 0 && b[len(b)-1] != '\n' {
			nextLine++
		}
		offset = end
		return rec, err
	}
	// The header is the first row that is not blank.
	for {
		rec, err := read()
		if err == io.EOF {
			return fail("row 1", "the file is empty")
		}
		if err != nil {
			return fail(csvWhere(s.row, err), "%s", csvError(err))
		}
		if blankRecord(rec) {
			continue
		}
		s.header = rec
		break
	}
	headerRow := s.row
	known := map[string]bool{}
	for _, c := range csvColumns {
		known[c] = true
	}
	for i, h := range s.header {
		key := strings.ToLower(collapseSpaces(strings.TrimPrefix(h, "\ufeff")))
		if a, ok := csvAliases[key]; ok {
			key = a
		}
		if _, dup := s.col[key]; !dup && (known[key] || key == "unique id") {
			s.col[key] = i
		}
	}
	if _, ok := s.col["year"]; !ok {
		if _, ok := s.col["headline"]; ok {
			return fail(fmt.Sprintf("row %d", s.row), "no Year column: the first row must name the TimelineJS columns (Year, Month, Day, Time, …, Headline, Text, …)")
		}
		return fail(fmt.Sprintf("row %d", s.row), "not a TimelineJS spreadsheet: the first row names none of its columns (Year, Month, Day, Headline, Text, …)")
	}

	// Every row but the header may be an event: size for them once rather
	// than growing a slice of large structs row by row.
	im.t.Events = make([]Event, 0, min(bytes.Count(b, []byte{'\n'}), MaxEvents))
	im.wantIDs = make([]string, 0, cap(im.t.Events))
	sawTitle := false
	items := 0
	for {
		rec, err := read()
		if err == io.EOF {
			break
		}
		if err != nil {
			im.problem(csvWhere(s.row, err), "%s", csvError(err))
			continue
		}
		if blankRecord(rec) {
			continue
		}
		if items++; items > MaxEvents {
			return fail(fmt.Sprintf("row %d", s.row), "more than %d events; bigger files are refused", MaxEvents)
		}
		s.record = rec
		typ := strings.ToLower(s.get("type"))
		sl := slide{
			headline:    s.get("headline"),
			text:        s.get("text"),
			mediaURL:    s.get("media"),
			group:       s.get("group"),
			displayDate: s.get("display date"),
			uniqueID:    s.get("unique id"),
			media: Media{
				Caption:   s.get("media caption"),
				Credit:    s.get("media credit"),
				Thumbnail: s.get("media thumbnail"),
				Alt:       s.get("alt text"),
			},
			where: func(field string) string { return s.where(fieldIn(csvFields, field)) },
		}
		if typ == "title" {
			if sawTitle {
				im.problem(s.where("type"), "a second title row; the first is used")
				continue
			}
			sawTitle = true
			im.t.Title = headlineText(sl.headline)
			im.t.Subtitle = PlainText(sl.text)
			limitText(&im.t.Title, MaxTitle, s.where("headline"), &im.ps)
			limitText(&im.t.Subtitle, MaxSubtitle, s.where("text"), &im.ps)
			continue
		}
		ok := true
		start := csvDateParts(s, "", &im.ps, &ok)
		end := csvDateParts(s, "end ", &im.ps, &ok)
		if !ok {
			continue
		}
		if start.empty() {
			im.problem(s.where("year"), "missing")
			continue
		}
		if sl.start, ok = start.date(&im.ps); !ok {
			continue
		}
		if !end.empty() {
			if sl.end, ok = end.date(&im.ps); !ok {
				continue
			}
			sl.hasEnd = true
		}
		endWhere := func() string { return s.where("end year") }
		if !im.checkRange(&sl, endWhere) {
			continue
		}
		if typ == "era" {
			if !sl.hasEnd {
				im.problem(endWhere(), "missing: an era needs an end")
				continue
			}
			im.addEra(&sl)
			continue
		}
		im.addEvent(&sl)
	}
	switch {
	case len(im.t.Events) > 0 || len(im.ps) > 0:
	case s.row == headerRow:
		im.problem(fmt.Sprintf("row %d", headerRow), "no events: the sheet has only its header row")
	case s.row == headerRow+1:
		im.problem(fmt.Sprintf("row %d", s.row), "no events: every row is blank, a title or an era")
	default:
		im.problem(fmt.Sprintf("rows %d to %d", headerRow+1, s.row), "no events: every row is blank, a title or an era")
	}
	return im.finish(name)
}

// csvDateParts reads the Year, Month, Day and Time columns (with prefix
// "end " the End ones) of the current row. A Time that cannot be read is a
// problem and sets ok false.
func csvDateParts(s *csvSheet, prefix string, ps *Problems, ok *bool) dateParts {
	p := dateParts{
		year:  s.get(prefix + "year"),
		month: s.get(prefix + "month"),
		day:   s.get(prefix + "day"),
	}
	p.where = func(part string) string {
		switch part {
		case "year", "month", "day":
			return s.where(prefix + part)
		}
		return s.where(prefix + "time")
	}
	if t := s.get(prefix + "time"); t != "" {
		p.clock = t
		var err error
		p.hour, p.minute, p.second, p.millisecond, err = splitTime(t)
		if err != nil {
			*ps = append(*ps, Problem{Where: s.where(prefix + "time"), What: err.Error()})
			*ok = false
		}
	}
	return p
}

// splitTime reads a spreadsheet time: "15", "15:04", "15:04:05",
// "15:04:05.250", each with an optional "AM" or "PM".
func splitTime(t string) (h, m, sec, ms string, err error) {
	bad := fmt.Errorf("'%s' is not a time (HH:MM or HH:MM:SS, with AM or PM if you like)", t)
	s := strings.ToLower(strings.TrimSpace(t))
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	if pm || am {
		s = strings.TrimSpace(s[:len(s)-2])
	}
	hms, frac, hasFrac := strings.Cut(s, ".")
	parts := strings.Split(hms, ":")
	if len(parts) > 3 || hasFrac && len(parts) != 3 {
		return "", "", "", "", bad
	}
	for _, p := range append(parts, frac) {
		if strings.TrimLeft(p, "0123456789") != "" || len(p) > 3 {
			return "", "", "", "", bad
		}
	}
	for _, p := range parts {
		if p == "" {
			return "", "", "", "", bad
		}
	}
	if pm || am {
		n, _ := wholeNumber(parts[0])
		if n < 1 || n > 12 {
			return "", "", "", "", bad
		}
		if pm && n != 12 {
			n += 12
		} else if am && n == 12 {
			n = 0
		}
		parts[0] = fmt.Sprint(n)
	}
	out := []string{"", "", "", ""}
	copy(out, parts)
	if hasFrac {
		if frac == "" {
			return "", "", "", "", bad
		}
		for len(frac) < 3 {
			frac += "0"
		}
		out[3] = frac
	}
	return out[0], out[1], out[2], out[3], nil
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvWhere names the place of a CSV syntax error: its row and, where
// encoding/csv knows it, its line and column in the file.
func csvWhere(row int, err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("row %d (line %d, column %d)", row, pe.Line, pe.Column)
	}
	return fmt.Sprintf("row %d", row)
}

// csvError says what a CSV syntax error means for someone editing the file.
func csvError(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a " inside a field that does not start with one; put the field in quotes and double each " inside it`
	case errors.Is(err, csv.ErrQuote):
		return `a quoted field whose closing " is missing or followed by more text`
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
