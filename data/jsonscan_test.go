package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// scanAgrees checks that jsonScan accepts b as one JSON value exactly when
// encoding/json does (but for nesting deeper than it goes), and that the
// strings it reads are what encoding/json reads.
func scanAgrees(t *testing.T, b []byte) {
	t.Helper()
	s := newJSONScan(b)
	var strs []string
	var walk func()
	walk = func() {
		switch s.peek() {
		case '{':
			s.object(func(key []byte, plain bool) { walk() })
		case '[':
			s.array(func(int) { walk() })
		case '"':
			strs = append(strs, s.str())
		default:
			s.skip()
		}
	}
	walk()
	scanned, valid := s.end(), json.Valid(b)
	if scanned && !valid || valid && !scanned && s.depth <= maxScanDepth {
		t.Fatalf("%q: valid JSON %v, but scanned %v", b, valid, scanned)
	}
	if !scanned {
		return
	}
	var want []string
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, e := range v {
				collect(e)
			}
		case []any:
			for _, e := range v {
				collect(e)
			}
		case string:
			want = append(want, v)
		}
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // (1e700 is valid JSON, not a float64)
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%q scanned, but %v", b, err)
	}
	collect(v)
	if len(want) != len(strs) {
		// (an object's keys given twice hold one value)
		return
	}
	seen := map[string]int{}
	for _, s := range want {
		seen[s]++
	}
	for _, s := range strs {
		if seen[s]--; seen[s] < 0 {
			t.Fatalf("%q: scanned the string %q, which encoding/json does not read", b, s)
		}
	}
}

var scanDocs = []string{`{}`, `[]`, `""`, `"a"`, `0`, `-0`, `-0.5e+3`, `1E9`, `01`, `1.`, `.5`, `-`, `+1`, `1e`, `tru`,
	`true`, `false`, `null`, `nul`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `["\u00e9\ud83d\ude00\ud800"]`, `["\x"]`,
	`["\u12"]`, "[\"a\tb\"]", "[\"\xff\xfe\"]", `["a\"b\\c\/d\b\f\n\r\t"]`, ` [ 1 , { "x" : [ ] } ] `, `[1] [2]`,
	`{"a":{"b":{"c":[[[[["deep"]]]]]}}}`, `["0123456789abcdef\"0123456789"]`, `["01234567\\89abcdef"]`,
	"[\"01234567\x1f9abcdef\"]", `["é中文字符串 long enough to take eight bytes at a time"]`}

func TestJSONScan(t *testing.T) {
	for _, doc := range scanDocs {
		scanAgrees(t, []byte(doc))
	}
}

// TestStringStop: the word-at-a-time test finds a quote, a backslash or a
// control character wherever it is among eight bytes, and nothing else.
func TestStringStop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var w [8]byte
	for range 200_000 {
		want := false
		for i := range w {
			w[i] = byte(r.IntN(256))
			if r.IntN(3) > 0 { // mostly text
				w[i] = byte(0x20 + r.IntN(0x60))
			}
			want = want || w[i] < 0x20 || w[i] == '"' || w[i] == '\\'
		}
		if got := stringStop(binary.LittleEndian.Uint64(w[:])); got != want {
			t.Fatalf("stringStop(%q) = %v", w, got)
		}
	}
}
