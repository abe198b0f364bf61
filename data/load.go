package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// The limits on a file Load opens. Bigger files are refused with a message
// before they are read into memory.
const (
	MaxFileSize = 50 << 20
	MaxEvents   = 200_000
)

// Format is a kind of timeline file.
type Format int

// The formats Load reads.
const (
	FormatUnknown    Format = iota
	FormatApp               // this app's JSON, as the embedded data set
	FormatTimelineJS        // TimelineJS JSON
	FormatCSV               // a TimelineJS spreadsheet saved as CSV (or TSV)
)

// String names the format for people: "TimelineJS JSON".
func (f Format) String() string {
	switch f {
	case FormatApp:
		return "app JSON"
	case FormatTimelineJS:
		return "TimelineJS JSON"
	case FormatCSV:
		return "TimelineJS spreadsheet"
	}
	return "unknown"
}

var utf8BOM = []byte("\xef\xbb\xbf")

// Sniff tells the format of a file from its name and its first bytes: a
// JSON object is the app's format when its "title" is text or it has
// "people" or "sources", TimelineJS otherwise; anything else is a
// spreadsheet when its name ends in .csv, .tsv or .txt or its first line
// names TimelineJS columns.
func Sniff(name string, head []byte) Format {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	ext := strings.ToLower(filepath.Ext(name))
	if len(head) > 0 && head[0] == '{' {
		return sniffJSON(head)
	}
	if ext == ".json" || len(head) > 0 && head[0] == '[' {
		return FormatTimelineJS // the JSON reader explains what is wrong
	}
	if ext == ".csv" || ext == ".tsv" || ext == ".txt" {
		return FormatCSV
	}
	line := head
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	l := strings.ToLower(string(line))
	if strings.Contains(l, "year") && (strings.Contains(l, "headline") || strings.Contains(l, "month")) {
		return FormatCSV
	}
	return FormatUnknown
}

// sniffJSON looks at the start of a JSON object for the app's own keys.
func sniffJSON(b []byte) Format {
	if f, ok := sniffJSONShort(b); ok {
		return f
	}
	return sniffJSONLong(b)
}

// sniffJSONShort is sniffJSONLong in one pass over the keys before the one
// that decides (see jsonScan): a TimelineJS file may give its events
// before its title, and encoding/json would copy them all to skip them. It
// reports false when the start of b must be read the long way.
func sniffJSONShort(b []byte) (Format, bool) {
	s := newJSONScan(b)
	if !s.eat('{') {
		return 0, false
	}
	if s.eat('}') {
		return FormatTimelineJS, true
	}
	for {
		key, plain := s.rawString()
		if !plain || !s.eat(':') {
			return 0, false
		}
		switch string(key) {
		case "people", "sources", "subtitle":
			return FormatApp, true
		case "title":
			if s.peek() != '"' {
				return FormatTimelineJS, true
			}
			if s.rawString(); !s.ok {
				return 0, false
			}
			return FormatApp, true
		case "scale", "eras":
			return FormatTimelineJS, true
		}
		s.skip()
		switch {
		case s.eat(','):
		case s.eat('}'):
			return FormatTimelineJS, true
		default:
			return 0, false
		}
	}
}

// sniffJSONLong is sniffJSON through encoding/json.
func sniffJSONLong(b []byte) Format {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return FormatTimelineJS
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			break
		}
		switch k {
		case "people", "sources", "subtitle":
			return FormatApp
		case "title":
			if v, err := dec.Token(); err == nil {
				if _, isText := v.(string); isText {
					return FormatApp
				}
			}
			return FormatTimelineJS
		case "scale", "eras":
			return FormatTimelineJS
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return FormatTimelineJS
}

// Load reads a timeline file of any format Load knows (see Sniff): the
// app's JSON, TimelineJS JSON or a TimelineJS spreadsheet as CSV. It
// returns the usable events and the problems of what was skipped, each
// naming its place ("row 14, column Month: '13' is not a month";
// "events[3].start_date.year: missing"). The app's JSON is checked as
// strictly as the embedded data: any problem and nothing loads. In every
// format, text over its limit (see MaxSummary) loads shortened, and each
// cut is listed as a problem.
//
// The error is non-nil when nothing is usable: a file that is empty, binary,
// not UTF-8, too big (over MaxFileSize bytes or MaxEvents events, refused
// before reading it all when r can say its size), or without one good event.
// It wraps the Problems, which are returned too. Name is the file's name,
// used to sniff its format, to title a timeline that has no title, and in
// the error.
func Load(name string, r io.Reader) (*Timeline, Problems, error) {
	fail := func(p Problem) (*Timeline, Problems, error) {
		ps := Problems{p}
		return nil, ps, fmt.Errorf("data: %s: %w", Printable(filepath.Base(name)), ps)
	}
	size, sized := readerSize(r)
	if sized && size > MaxFileSize {
		return fail(tooBig(size))
	}
	var buf bytes.Buffer
	if sized {
		// Room for all of it at once, rather than growing (and copying)
		// the buffer over and over as io.ReadAll would.
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	b := buf.Bytes()
	if err != nil {
		return nil, nil, fmt.Errorf("data: reading %s: %w", Printable(filepath.Base(name)), err)
	}
	if len(b) > MaxFileSize {
		return fail(Problem{What: fmt.Sprintf("the file is over %d MB; bigger files are refused", MaxFileSize>>20)})
	}
	if p, ok := checkText(b); !ok {
		return fail(p)
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	switch Sniff(name, b) {
	case FormatApp:
		t, cut, err := parse(b, true)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) {
				ps = Problems{{What: err.Error()}}
			}
			return nil, ps, fmt.Errorf("data: %s: %w", Printable(filepath.Base(name)), ps)
		}
		if len(t.Events) > MaxEvents {
			return fail(Problem{Where: "events", What: fmt.Sprintf("%d events; files with more than %d are refused", len(t.Events), MaxEvents)})
		}
		return t, cut, nil
	case FormatTimelineJS:
		return ParseTimelineJS(filepath.Base(name), b)
	case FormatCSV:
		return ParseCSV(filepath.Base(name), b)
	}
	return fail(Problem{Where: "line 1", What: "not a timeline: expected TimelineJS JSON, a TimelineJS spreadsheet saved as CSV, or this app's JSON"})
}

// LoadFile is Load for a file on disk. It refuses what is not a regular
// file (a folder, a named pipe, a device) and a file over MaxFileSize before
// opening it: opening a named pipe for reading waits for a writer, and a
// device may never end.
func LoadFile(path string) (*Timeline, Problems, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, fileError(err)
	}
	refuse := func(p Problem) (*Timeline, Problems, error) {
		ps := Problems{p}
		return nil, ps, fmt.Errorf("data: %s: %w", Printable(filepath.Base(path)), ps)
	}
	if !fi.Mode().IsRegular() {
		return refuse(Problem{What: "not a regular file (" + fileKind(fi.Mode()) + ")"})
	}
	if fi.Size() > MaxFileSize {
		return refuse(tooBig(fi.Size()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(err)
	}
	defer f.Close()
	return Load(path, f)
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// fileError wraps an error from the file system, its path escaped for
// printing (see Printable).
func fileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = Printable(pe.Path)
	}
	return fmt.Errorf("data: %w", err)
}

func tooBig(size int64) Problem {
	return Problem{What: fmt.Sprintf("the file is %.1f MB; files over %d MB are refused", float64(size)/(1<<20), MaxFileSize>>20)}
}

// readerSize tells how many bytes r holds, when it can say.
func readerSize(r io.Reader) (int64, bool) {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size(), true
		}
	case interface{ Len() int }:
		return int64(v.Len()), true
	}
	return 0, false
}

// checkText refuses what is not a text file: empty, binary, UTF-16 or not
// valid UTF-8, naming where the first bad byte is. UTF-16 is refused with
// advice rather than decoded: without a byte-order mark it can only be
// guessed, and the spreadsheet that wrote it can save UTF-8.
func checkText(b []byte) (Problem, bool) {
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(b, utf8BOM))) == 0:
		return Problem{What: "the file is empty"}, false
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return Problem{What: "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"}, false
	}
	head := b[:min(len(b), 8000)]
	if looksUTF16(head) {
		return Problem{Where: position(b, int64(bytes.IndexByte(head, 0))), What: "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"}, false
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return Problem{Where: position(b, int64(i)), What: "the file is binary, not a text timeline"}, false
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return Problem{Where: position(b, int64(off)), What: fmt.Sprintf("byte 0x%02x is not UTF-8 text; save the file as UTF-8", b[off])}, false
	}
	return Problem{}, true
}

// looksUTF16 guesses whether head is UTF-16 without a byte-order mark:
// text in the Latin, Greek or Cyrillic script has a NUL in every other
// byte, and in the other bytes hardly any, where a binary file has NULs
// anywhere.
func looksUTF16(head []byte) bool {
	var nuls [2]int
	for i, c := range head {
		if c == 0 {
			nuls[i%2]++
		}
	}
	half := len(head) / 2
	if half < 2 {
		return false
	}
	for z := range 2 {
		if nuls[z] > 0 && nuls[z] >= half/3 && nuls[1-z] <= half/50 {
			return true
		}
	}
	return false
}
