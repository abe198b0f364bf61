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
	end := i + len(t)
	var after byte
	if end < len(s) {
		after = s[end]
	}
	return classifyAt(isWordStart(s, i), i == 0, end < len(s), after, t[len(t)-1])
}

// classifyAt is classify from what it needs to know: whether the match
// starts a word and the field, and the byte after it, if any.
func classifyAt(wordStart, fieldStart, hasAfter bool, after, last byte) int {
	if !wordStart {
		return rawInside
	}
	score := rawPrefix
	if !hasAfter || !isWordByte(after) || !isWordByte(last) {
		score = rawWord
	}
	if fieldStart {
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

// A start is where a query word matched in an event: its offset into
// Index.text, with an info word that lets the next, longer word be tried
// there mostly without reading the text again.
const (
	infoNext       = 0xff   // the byte after the match, when infoHasNext
	infoHasNext    = 1 << 8 // the match does not end its field
	infoSub        = 1 << 9 // the word is a substring here, not only a chain
	infoWordStart  = 1 << 10
	infoFieldStart = 1 << 11
	infoKindShift  = 12 // 4 bits: the field's Field
	infoRelShift   = 16 // 16 bits: the field's number within its event
)

// maxFields is the most fields an event can have (infoRelShift's bits).
const maxFields = 1 << 16

// eval matches word t against fields lo to hi of one event, whose folded
// texts lie one after the other in ix.text. With from nil it tries t at
// every offset holding t[0]; else only at the starts from (with their info
// in fromInfo) where t[:grown] matched before. It appends where t matches,
// as a substring or as a chain from a word start, to out and outInfo, and
// returns the best weighted score (0 for none; the first of equal scores)
// and its field, with m.pos holding the matched offsets into that field's
// text.
func (m *matcher) eval(ix *Index, lo, hi uint32, t []byte, from, fromInfo []uint32, grown int, out, outInfo []uint32) (int, uint32, []uint32, []uint32) {
	text := ix.text
	best, bestRel, bestAt, chained := 0, uint32(0), uint32(0), false
	consider := func(sc int, rel, at uint32, chain bool) {
		if sc > best {
			best, bestRel, bestAt, chained = sc, rel, at, chain
			if chain {
				m.pos = m.pos[:0]
				for _, p := range m.try {
					m.pos = append(m.pos, int32(at)+p)
				}
			}
		}
	}
	if from == nil {
		fields := ix.fields[lo : hi+1] // and the next field's start, the end of the last
		end := fields[len(fields)-1].off
		f, fs, fe := uint32(0), fields[0].off, fields[1].off
		kind := fields[0].field
		c := t[0]
		for i := fields[0].off; i < end; i++ {
			n := bytes.IndexByte(text[i:end], c)
			if n < 0 {
				break
			}
			i += uint32(n)
			for i >= fe {
				f++
				fs, fe, kind = fe, fields[f+1].off, fields[f].field
			}
			s := text[fs:fe]
			j := int(i - fs)
			info := uint32(kind)<<infoKindShift | f<<infoRelShift
			ws := isWordStart(s, j)
			if ws {
				info |= infoWordStart
			}
			if j == 0 {
				info |= infoFieldStart
			}
			if len(s)-j >= len(t) && bytes.Equal(s[j:j+len(t)], t) {
				info |= infoSub
				if j+len(t) < len(s) {
					info |= infoHasNext | uint32(s[j+len(t)])
				}
				out, outInfo = append(out, i), append(outInfo, info)
				consider(classify(s, j, t)*fieldWeight[kind], f, i, false)
			} else if len(t) > 1 && ws {
				if raw := m.chainAt(text[i:fe], t); raw > 0 {
					out, outInfo = append(out, i), append(outInfo, info)
					consider(raw*fieldWeight[kind], f, i, true)
				}
			}
		}
	} else {
		for k, i := range from {
			info := fromInfo[k]
			kind := Field(info >> infoKindShift & 0xf)
			rel := info >> infoRelShift
			if info&infoSub != 0 {
				if grown == len(t) {
					// The same word as before: the same substring.
					out, outInfo = append(out, i), append(outInfo, info)
					consider(classifyAt(info&infoWordStart != 0, info&infoFieldStart != 0, info&infoHasNext != 0, byte(info), t[len(t)-1])*fieldWeight[kind], rel, i, false)
					continue
				}
				if info&infoHasNext != 0 && byte(info) == t[grown] {
					// t[:grown+1] is here; the rest too, if more letters
					// came at once?
					fe := ix.fields[lo+rel+1].off
					end := i + uint32(len(t))
					if end <= fe && bytes.Equal(text[i+uint32(grown)+1:end], t[grown+1:]) {
						info &^= infoNext | infoHasNext
						var after byte
						if end < fe {
							after = text[end]
							info |= infoHasNext | uint32(after)
						}
						out, outInfo = append(out, i), append(outInfo, info)
						consider(classifyAt(info&infoWordStart != 0, info&infoFieldStart != 0, end < fe, after, t[len(t)-1])*fieldWeight[kind], rel, i, false)
						continue
					}
				}
			}
			if len(t) > 1 && info&infoWordStart != 0 {
				fe := ix.fields[lo+rel+1].off
				if raw := m.chainAt(text[i:fe], t); raw > 0 {
					info &^= infoSub | infoNext | infoHasNext
					out, outInfo = append(out, i), append(outInfo, info)
					consider(raw*fieldWeight[kind], rel, i, true)
				}
			}
		}
	}
	if best > 0 {
		fs := int32(ix.fields[lo+bestRel].off)
		if chained {
			for k := range m.pos {
				m.pos[k] -= fs
			}
		} else {
			m.setRun(int(int32(bestAt)-fs), len(t))
		}
	}
	return best, lo + bestRel, out, outInfo
}

// chainAt is the raw score of a chain of t from the start of s, a word
// start, to the end of its field (0 for none), with m.try holding its
// offsets into s.
func (m *matcher) chainAt(s, t []byte) int {
	if len(t) == 2 {
		return m.chain2(s, t)
	}
	if !mayChain(s, 0, t[1]) {
		return 0
	}
	return m.chainSlow(s, t)
}

// chain2 is chainAt for a two-byte word, the second keystroke, which is
// tried at every word start holding its first letter: the second letter
// starts the next word, or comes later in this one.
func (m *matcher) chain2(s, t []byte) int {
	if t[1] >= utf8.RuneSelf {
		return 0 // one two-byte letter: a substring or nothing
	}
	e := 1
	for e < len(s) && isWordByte(s[e]) {
		e++
	}
	q := e
	for q < len(s) && !isWordByte(s[q]) {
		q++
	}
	m.try = append(m.try[:0], 0, 0)
	if q < len(s) && s[q] == t[1] {
		m.try[1] = int32(q)
		return rawInitials
	}
	if k := bytes.IndexByte(s[1:e], t[1]); k >= 0 {
		m.try[1] = int32(1 + k)
		return rawLetters
	}
	return 0
}

// chainSlow is chainAt for any word, after mayChain.
func (m *matcher) chainSlow(s, t []byte) int {
	// A chain spans at most len(t) words: look no further, which keeps
	// the memo small in long texts.
	e := 0
	for words := 1; ; words++ {
		for e < len(s) && isWordByte(s[e]) {
			e++
		}
		if words >= len(t) || e == len(s) {
			break
		}
		for e < len(s) && !isWordByte(s[e]) {
			e++
		}
	}
	s = s[:e]
	if !m.prepare(s, t) {
		return 0
	}
	return m.chainFrom(s, t, 0)
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
		} else if len(t) > 1 && isWordStart(s, j) {
			if sc := m.chainAt(s[j:], t); sc > best {
				best, chained = sc, true
				m.pos = m.pos[:0]
				for _, p := range m.try {
					m.pos = append(m.pos, int32(j)+p)
				}
			}
		}
	}
	if best > 0 && !chained {
		m.setRun(at, len(t))
	}
	return best
}
