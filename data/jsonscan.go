package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"unicode/utf8"
)

// jsonScan reads a JSON document in one pass, checking it as it goes, for
// the short ways the importers take with well-formed files: encoding/json
// reads a document once to check it and again to decode it, and a
// TimelineJS file three times more (the document into raw values, the
// list of events, each event), which was most of opening a 100,000-event
// file.
//
// A scan gives up (ok turns false) at anything that is not valid JSON, and
// its callers also give up on anything they do not take the short way
// (a value of an unexpected type, a key written with escapes, a nesting
// deeper than maxScanDepth): then they read the file again with
// encoding/json, which says what is wrong and where, or does what it
// always did. So a scan never has to explain a problem, only to accept
// nothing encoding/json refuses and to give the same values for what it
// accepts; tests and fuzz targets compare both ways.
type jsonScan struct {
	b     []byte
	i     int
	ok    bool
	depth int
	// valid is set when b is known to be valid UTF-8, and so every string
	// in it: one look at a whole document read in full costs less than
	// one at each of its strings.
	valid bool
}

// maxScanDepth is how deeply a scan lets arrays and objects nest before it
// gives up (encoding/json refuses documents nested deeper than 10,000).
const maxScanDepth = 1000

func newJSONScan(b []byte) *jsonScan { return &jsonScan{b: b, ok: true} }

// fail gives up the scan.
func (s *jsonScan) fail() { s.ok = false }

// ws skips white space.
func (s *jsonScan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the first byte of the next value (after white space), or 0
// at the end.
func (s *jsonScan) peek() byte {
	s.ws()
	if !s.ok || s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

// eat consumes c if it is next (after white space).
func (s *jsonScan) eat(c byte) bool {
	if s.peek() == c && s.ok {
		s.i++
		return true
	}
	return false
}

// end reports whether only white space is left after the document.
func (s *jsonScan) end() bool {
	s.ws()
	return s.ok && s.i == len(s.b)
}

// strInString are the bytes a string may hold as they are: not '"', '\\',
// nor a control character.
var strInString = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

// rawString reads a string and returns its bytes between the quotes, and
// whether they are its value as they are: no escape, valid UTF-8 (which
// costs a second look at them unless valid is set; skip does without).
func (s *jsonScan) rawString() (raw []byte, plain bool) {
	raw, escaped := s.stringBytes()
	return raw, s.ok && !escaped && (s.valid || utf8.Valid(raw))
}

// stringBytes reads a string and returns its bytes between the quotes, and
// whether they have an escape.
func (s *jsonScan) stringBytes() (raw []byte, escaped bool) {
	if s.peek() != '"' {
		s.fail()
		return nil, false
	}
	b := s.b
	start := s.i + 1
	i := start
	for {
		// Eight bytes at a time while none of them ends the run.
		for i+8 <= len(b) && !stringStop(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		for i < len(b) && strInString[b[i]] {
			i++
		}
		if i >= len(b) {
			s.fail()
			return nil, false
		}
		switch b[i] {
		case '"':
			s.i = i + 1
			return b[start:i], escaped
		case '\\':
			escaped = true
			if i+1 >= len(b) {
				s.fail()
				return nil, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					s.fail()
					return nil, false
				}
				i += 6
			default:
				s.fail()
				return nil, false
			}
		default: // a control character
			s.fail()
			return nil, false
		}
	}
}

// stringStop reports whether any of the eight bytes in v is a '"', a '\\'
// or a control character (a word-at-a-time test: a byte of x is zero
// exactly when the same byte of (x - 0x01…01) &^ x has its top bit set).
func stringStop(v uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x & tops }
	below20 := (v - 0x20*ones) &^ v & tops
	return below20|zero(v^('"'*ones))|zero(v^('\\'*ones)) != 0
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// str reads a string's value as encoding/json gives it.
func (s *jsonScan) str() string {
	s.ws()
	start := s.i
	raw, plain := s.rawString()
	if !s.ok {
		return ""
	}
	if plain {
		return string(raw)
	}
	// Escapes or bytes that are not UTF-8: encoding/json decodes them
	// (its own way with surrogates and bad bytes).
	var v string
	if err := json.Unmarshal(s.b[start:s.i], &v); err != nil {
		s.fail()
	}
	return v
}

// number reads a number and returns it as written.
func (s *jsonScan) number() []byte {
	s.ws()
	b, i := s.b, s.i
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		s.fail()
		return nil
	}
	digits := func() bool {
		n := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > n
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			s.fail()
			return nil
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			s.fail()
			return nil
		}
	}
	s.i = i
	return b[start:i]
}

// literal reads true, false or null, whichever word is.
func (s *jsonScan) literal(word string) {
	s.ws()
	if len(s.b)-s.i >= len(word) && string(s.b[s.i:s.i+len(word)]) == word {
		s.i += len(word)
		return
	}
	s.fail()
}

// object reads an object, calling field with each key (its bytes between
// the quotes, and whether they are the key as they are) with the scan at
// the key's value, which field must read or skip.
func (s *jsonScan) object(field func(key []byte, plain bool)) {
	if !s.eat('{') || !s.deeper() {
		s.fail()
		return
	}
	defer func() { s.depth-- }()
	if s.eat('}') {
		return
	}
	for s.ok {
		key, plain := s.rawString()
		if !s.eat(':') {
			s.fail()
			return
		}
		field(key, plain)
		if s.eat(',') {
			continue
		}
		if !s.eat('}') {
			s.fail()
		}
		return
	}
}

// array reads an array, calling elem for each element with the scan at it.
func (s *jsonScan) array(elem func(i int)) {
	if !s.eat('[') || !s.deeper() {
		s.fail()
		return
	}
	defer func() { s.depth-- }()
	if s.eat(']') {
		return
	}
	for i := 0; s.ok; i++ {
		elem(i)
		if s.eat(',') {
			continue
		}
		if !s.eat(']') {
			s.fail()
		}
		return
	}
}

func (s *jsonScan) deeper() bool {
	s.depth++
	return s.depth <= maxScanDepth
}

// skip reads any value and returns it as written.
func (s *jsonScan) skip() json.RawMessage {
	s.ws()
	start := s.i
	switch s.peek() {
	case '{':
		s.object(func([]byte, bool) { s.skip() })
	case '[':
		s.array(func(int) { s.skip() })
	case '"':
		s.stringBytes()
	case 't':
		s.literal("true")
	case 'f':
		s.literal("false")
	case 'n':
		s.literal("null")
	default:
		s.number()
	}
	if !s.ok {
		return nil
	}
	return s.b[start:s.i]
}

// fields reads an object whose keys of note are names, calling take(i)
// with the scan at the value of names[i]; take reads the value and reports
// whether it took it the short way, or skips it and reports false. Other
// keys are skipped, as encoding/json skips keys a struct does not have.
// fields reports false when it or take gave up on anything: a value take
// did not take, a key of note given twice (encoding/json would merge the
// two), or a key encoding/json might match to one of names by folding
// case, or whose bytes are not its text.
func (s *jsonScan) fields(names []string, take func(i int) bool) bool {
	return s.someFields(names, false, take)
}

// onlyFields is fields for an object that may have no other keys than
// names: another key is given up on (encoding/json's
// DisallowUnknownFields says what is wrong with it).
func (s *jsonScan) onlyFields(names []string, take func(i int) bool) bool {
	return s.someFields(names, true, take)
}

func (s *jsonScan) someFields(names []string, only bool, take func(i int) bool) bool {
	short := true
	var seen uint64
	s.object(func(key []byte, plain bool) {
		i := -1
		if plain {
			for j, n := range names {
				if string(key) == n {
					i = j
					break
				}
			}
		}
		switch {
		case i >= 0 && seen&(1<<i) == 0:
			seen |= 1 << i
			short = take(i) && short
		case i >= 0 || !plain || only || foldsTo(key, names):
			short = false
			s.skip()
		default:
			s.skip()
		}
	})
	return short && s.ok
}

// foldsTo reports whether encoding/json might take key for one of names,
// which it matches case-insensitively, with Unicode's foldings (the Kelvin
// sign is a k): any key with a byte beyond ASCII might.
func foldsTo(key []byte, names []string) bool {
	for _, c := range key {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	for _, n := range names {
		if bytes.EqualFold(key, []byte(n)) {
			return true
		}
	}
	return false
}

// text reads a string into *p the short way, or skips what is not one.
func (s *jsonScan) text(p *string) bool {
	if s.peek() != '"' {
		s.skip()
		return false
	}
	*p = s.str()
	return s.ok
}

// list reads an array of values into *p the short way, elem reading each
// (see fields); an empty array gives an empty list, not nil, as in
// encoding/json.
func list[T any](s *jsonScan, p *[]T, elem func(*T) bool) bool {
	if s.peek() != '[' {
		s.skip()
		return false
	}
	short := true
	*p = []T{}
	s.array(func(int) {
		var zero T
		*p = append(*p, zero)
		short = elem(&(*p)[len(*p)-1]) && short
	})
	return short && s.ok
}
