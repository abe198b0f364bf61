package data

import (
	"bytes"
	"unicode/utf8"
)

// Raw scores of one query word against one field, before the field's
// weight. The forms a match may take, best first:
//
//   - the word is a whole word of the field ("hanoi" in "Hanoi, Vietnam"),
//   - it starts a word ("han" in "Hanoi"),
//   - it is the starts of consecutive words, skipping none ("hsum" and
//     "hanoisum" in "Hanoi summit", "kju" in "Kim Jong Un"),
//   - it sits inside a word ("noi" in "Hanoi"),
//   - its letters are in order inside one word, from the word's start
//     ("hnoi" in "Hanoi", "trmp" in "Trump").
//
// Anything else, letters that merely occur in order across a long text, is
// no match at all. Every form stays a match, starting at the same place,
// when the query word loses its last letter, so a longer query's matches
// start where a shorter one's do: the property that lets a growing query
// search within the previous result, and only at the places where the
// shorter query matched.
const (
	rawWord     = 12
	rawPrefix   = 10
	rawInitials = 7 // starts of consecutive words
	rawInside   = 5 // inside a word
	rawLetters  = 4 // letters in order inside one word
	rawAtStart  = 1 // bonus when the match starts the field
	rawMax      = rawWord + rawAtStart
	maxMemoSize = 1 << 22
)

// matcher finds the best match of a query word in a field. It keeps
// scratch space between calls, so each goroutine has its own.
type matcher struct {
	pos   []int32 // positions of the current best match
	try   []int32 // positions while searching a chain
	memo  []uint32
	stamp uint32
}

// classify is the raw score of t found at s[i:].
func classify(s []byte, i int, t []byte) int {
	if !isWordStart(s, i) {
		return rawInside
	}
	score := rawPrefix
	if end := i + len(t); end == len(s) || !isWordByte(s[end]) || !isWordByte(t[len(t)-1]) {
		score = rawWord
	}
	if i == 0 {
		score += rawAtStart
	}
	return score
}

// setRun sets m.pos to the n offsets from at.
func (m *matcher) setRun(at, n int) {
	m.pos = m.pos[:0]
	for k := range n {
		m.pos = append(m.pos, int32(at+k))
	}
}

// prepare readies the memo for chains of t in s; false if s and t are too
// long for one.
func (m *matcher) prepare(s, t []byte) bool {
	size := len(s) * len(t)
	if size > maxMemoSize {
		return false
	}
	if len(m.memo) < size {
		m.memo = make([]uint32, size)
		m.stamp = 0
	}
	m.stamp++
	if m.stamp == 0 {
		clear(m.memo)
		m.stamp = 1
	}
	if cap(m.try) < len(t) {
		m.try = make([]int32, len(t))
	}
	m.try = m.try[:len(t)]
	return true
}

// chainFrom looks for t from word start w of s as the starts of
// consecutive words, then as letters in order inside that word; after
// prepare. It leaves the offsets in m.try and returns the raw score, or 0.
func (m *matcher) chainFrom(s, t []byte, w int) int {
	if m.starts(s, t, 0, w) {
		return rawInitials
	}
	// Letters in order inside the word: taking each letter's first place
	// finds them if any placing does.
	_, size := utf8.DecodeRune(t)
	if !bytes.HasPrefix(s[w:], t[:size]) {
		return 0
	}
	for k := range size {
		m.try[k] = int32(w + k)
	}
	p := w + size - 1
	for j := size; j < len(t); {
		size := 1
		if t[j] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(t[j:])
		}
		for p++; p < len(s) && isWordByte(s[p]) && !bytes.HasPrefix(s[p:], t[j:j+size]); p++ {
		}
		if p >= len(s) || !isWordByte(s[p]) {
			return 0
		}
		for k := range size {
			m.try[j+k] = int32(p + k)
		}
		p += size - 1
		j += size
	}
	return rawLetters
}

// starts matches t[j:] as the starts of consecutive words of s from word
// start w, each word giving a piece of one or more letters. Failures are
// remembered per (j, w), which keeps it linear in len(s)*len(t).
func (m *matcher) starts(s, t []byte, j, w int) bool {
	key := j*len(s) + w
	if m.memo[key] == m.stamp {
		return false
	}
	// The longest piece this word can give, then shorter ones.
	n := 0
	for j+n < len(t) && w+n < len(s) && s[w+n] == t[j+n] && isWordByte(s[w+n]) {
		n++
	}
	if j+n == len(t) {
		for k := range n {
			m.try[j+k] = int32(w + k)
		}
		return true
	}
	// The start of the next word.
	q := w
	for q < len(s) && isWordByte(s[q]) {
		q++
	}
	for q < len(s) && !isWordByte(s[q]) {
		q++
	}
	if q < len(s) {
		for l := n; l >= 1; l-- {
			if t[j+l] >= 0x80 && t[j+l] < 0xc0 {
				continue // a piece ends with a whole letter
			}
			if s[q] == t[j+l] && m.starts(s, t, j+l, q) {
				for k := range l {
					m.try[j+k] = int32(w + k)
				}
				return true
			}
		}
	}
	m.memo[key] = m.stamp
	return false
}

// eval matches word t against fields lo to hi of one event, whose folded
// texts lie one after the other in ix.text. It tries t at the offsets into
// ix.text in from, ascending, or, when all is true, at every offset holding
// t[0]. It appends to out the offsets where t matches, as a substring or as
// a chain from a word start, and returns the best weighted score (0 for
// none; the first of equal scores) and its field, with m.pos holding the
// matched offsets into that field's text.
func (m *matcher) eval(ix *Index, lo, hi uint32, t []byte, from []uint32, all bool, out []uint32) (int, uint32, []uint32) {
	fields := ix.fields[lo : hi+1] // and the next field's start, the end of the last
	base := fields[0].off
	end := fields[len(fields)-1].off
	best, bf, at, chained := 0, 0, 0, false
	f, fs, fe := 0, base, fields[1].off
	wt := fieldWeight[fields[0].field]
	prepared, memoOK := -1, false
	c := t[0]
	k, i := 0, base
	for {
		// The next offset to try.
		if all {
			if i >= end {
				break
			}
			n := bytes.IndexByte(ix.text[i:end], c)
			if n < 0 {
				break
			}
			i += uint32(n)
		} else {
			if k == len(from) {
				break
			}
			i = from[k]
			k++
		}
		for i >= fe {
			f++
			fs, fe = fe, fields[f+1].off
			wt = fieldWeight[fields[f].field]
		}
		s := ix.text[fs:fe]
		j := int(i - fs)
		if len(s)-j >= len(t) && bytes.Equal(s[j:j+len(t)], t) {
			out = append(out, i)
			if sc := classify(s, j, t) * wt; sc > best {
				best, bf, at, chained = sc, f, j, false
			}
		} else if len(t) > 1 && isWordStart(s, j) && mayChain(s, j, t[1]) {
			if f != prepared {
				prepared, memoOK = f, m.prepare(s, t)
			}
			if raw := 0; memoOK {
				raw = m.chainFrom(s, t, j)
				if raw == 0 {
					i++
					continue
				}
				out = append(out, i)
				if sc := raw * wt; sc > best {
					best, bf, chained = sc, f, true
					m.pos = append(m.pos[:0], m.try...)
				}
			}
		}
		i++
	}
	if best > 0 && !chained {
		m.setRun(at, len(t))
	}
	return best, lo + uint32(bf), out
}

// mayChain is a quick test that a chain from word start w of s can go on
// with byte c: c comes later in the word, or starts the next one.
func mayChain(s []byte, w int, c byte) bool {
	e := w + 1
	for ; e < len(s) && isWordByte(s[e]); e++ {
		if s[e] == c {
			return true
		}
	}
	for e < len(s) && !isWordByte(s[e]) {
		e++
	}
	return e < len(s) && s[e] == c
}

// match is eval for one text on its own, weight 1: the raw score of the
// best match of t in folded text s, with m.pos holding its offsets. Tests
// hold eval to it.
func (m *matcher) match(s, t []byte) int {
	best, at, chained := 0, 0, false
	for j := range s {
		if s[j] != t[0] {
			continue
		}
		if len(s)-j >= len(t) && bytes.Equal(s[j:j+len(t)], t) {
			if sc := classify(s, j, t); sc > best {
				best, at, chained = sc, j, false
			}
		} else if len(t) > 1 && isWordStart(s, j) && mayChain(s, j, t[1]) && m.prepare(s, t) {
			if sc := m.chainFrom(s, t, j); sc > best {
				best, chained = sc, true
				m.pos = append(m.pos[:0], m.try...)
			}
		}
	}
	if best > 0 && !chained {
		m.setRun(at, len(t))
	}
	return best
}
