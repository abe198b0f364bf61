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
//   - it runs along consecutive words from their starts, skipping letters
//     inside a word but never a whole word ("hsum" and "hanoisum" in "Hanoi
//     summit", "kju" in "Kim Jong Un"),
//   - it sits inside a word ("noi" in "Hanoi").
//
// Anything else, letters that merely occur in order across a long text, is
// no match at all. Every form stays a match when the query word loses its
// last letter, so a longer query's matches are always among a shorter
// one's: the property that lets a growing query search within the previous
// result.
const (
	rawWord     = 12
	rawPrefix   = 10
	rawChain    = 6
	rawInitials = 7 // a chain that skips no letter inside a word
	rawInside   = 5
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

// match returns the raw score of the best match of word t in folded text s,
// or 0 for none; m.pos then holds the matched byte offsets into s.
func (m *matcher) match(s, t []byte) int {
	if len(t) == 0 || len(t) > len(s) {
		return 0
	}
	best := 0
	at := -1
	for off := 0; ; {
		i := bytes.Index(s[off:], t)
		if i < 0 {
			break
		}
		i += off
		score := rawInside
		if isWordStart(s, i) {
			score = rawPrefix
			if end := i + len(t); end == len(s) || !isWordByte(s[end]) || !isWordByte(t[len(t)-1]) {
				score = rawWord
			}
			if i == 0 {
				score += rawAtStart
			}
		}
		if score > best {
			best, at = score, i
			if score >= rawWord {
				break
			}
		}
		off = i + 1
	}
	if best >= rawPrefix {
		m.setRun(at, len(t))
		return best
	}
	if len(t) > 1 && m.chain(s, t) {
		m.pos = append(m.pos[:0], m.try...)
		score := rawInitials
		for k := 1; k < len(m.pos); k++ {
			if p := m.pos[k]; p != m.pos[k-1]+1 && !isWordStart(s, int(p)) {
				score = rawChain
				break
			}
		}
		return score
	}
	if best > 0 {
		m.setRun(at, len(t))
	}
	return best
}

// setRun sets m.pos to the n offsets from at.
func (m *matcher) setRun(at, n int) {
	m.pos = m.pos[:0]
	for k := range n {
		m.pos = append(m.pos, int32(at+k))
	}
}

// chain looks for t along consecutive words of s from a word start (see the
// forms above) and leaves the first one found in m.try.
func (m *matcher) chain(s, t []byte) bool {
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
	c := t[0]
	for w := bytes.IndexByte(s, c); w >= 0; {
		if isWordStart(s, w) {
			m.try[0] = int32(w)
			if m.follow(s, t, 1, w) {
				return true
			}
		}
		n := bytes.IndexByte(s[w+1:], c)
		if n < 0 {
			break
		}
		w += 1 + n
	}
	return false
}

// follow matches t[j:] given t[j-1] matched at s[p]. Failures are
// remembered per (j, p), which keeps the search linear in len(s)*len(t).
func (m *matcher) follow(s, t []byte, j, p int) bool {
	if j == len(t) {
		return true
	}
	key := j*len(s) + p
	if m.memo[key] == m.stamp {
		return false
	}
	c := t[j]
	if c >= 0x80 && c < 0xc0 {
		// The rest of a multi-byte letter follows it directly.
		if p+1 < len(s) && s[p+1] == c {
			m.try[j] = int32(p + 1)
			if m.follow(s, t, j+1, p+1) {
				return true
			}
		}
		m.memo[key] = m.stamp
		return false
	}
	// Stay in the word: its first letter t[j] after p is as good as any
	// later one (a letter, not a byte: bytes of different letters share
	// their first byte).
	r := t[j : j+1]
	if c >= 0xc0 {
		_, size := utf8.DecodeRune(t[j:])
		r = t[j : j+size]
	}
	q := p + 1
	for ; q < len(s) && isWordByte(s[q]); q++ {
		if s[q] == c && bytes.HasPrefix(s[q:], r) {
			m.try[j] = int32(q)
			if m.follow(s, t, j+1, q) {
				return true
			}
			break
		}
	}
	// Or move on to the start of the next word.
	for q < len(s) && isWordByte(s[q]) {
		q++
	}
	for q < len(s) && !isWordByte(s[q]) {
		q++
	}
	if q < len(s) && s[q] == c {
		m.try[j] = int32(q)
		if m.follow(s, t, j+1, q) {
			return true
		}
	}
	m.memo[key] = m.stamp
	return false
}
