package data

import (
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// A query word is matched by sahilm/fuzzy against the vocabulary of the
// index: the distinct folded words of all fields, as strings.Fields splits
// them ("hanoi,", "u.s.-south", "6/30/2019"). fuzzy decides whether a word
// matches and where (MatchedIndexes), and gives the base score; on top of
// it, judged on where fuzzy's letters fell, a match gets a bonus for its
// form, best first:
//
//   - the query word is a whole word of the token ("hanoi" in "hanoi,"),
//   - it starts a word ("han" in "hanoi"),
//   - its pieces start consecutive words, skipping none ("us" in
//     "u.s.-south"),
//   - it sits inside a word ("noi" in "hanoi"),
//   - its letters are in order inside one word, from the word's start
//     ("trmp" in "trump").
//
// Anything else fuzzy finds, letters scattered over a long token, is
// dropped as a weak match. A token's score times its field's weight is the
// score of a hit in that field.
const (
	bonusWord     = 40
	bonusPrefix   = 25
	bonusInitials = 15
	bonusLetters  = 5
	bonusInside   = 0
	// fuzzy's scores are clamped to this range: its bonus for adjacent
	// letters grows threefold with each letter.
	fuzzyFloor = -40
	fuzzyCeil  = 400
)

// tokenScore is the raw score of a fuzzy match of a query word in token s,
// with fuzzy's score fz and matched byte offsets idx: 0 for a weak match
// left out, else at least 1.
func tokenScore(s string, idx []int, fz int) int {
	if len(idx) == 0 {
		return 0
	}
	bonus, ok := matchForm(s, idx)
	if !ok {
		return 0
	}
	return min(max(fz, fuzzyFloor), fuzzyCeil) - fuzzyFloor + 1 + bonus
}

// matchForm returns the bonus of the form of the match at byte offsets idx
// of s, or false if it has none of the forms kept.
func matchForm(s string, idx []int) (int, bool) {
	first := idx[0]
	end, contiguous := first, true
	for _, i := range idx {
		if i != end {
			contiguous = false
			break
		}
		end = i + runeSize(s, i)
	}
	if contiguous {
		if !wordStartAt(s, first) {
			return bonusInside, true
		}
		if end == len(s) || !isWordByte(s[end]) || !isWordByte(s[end-1]) {
			return bonusWord, true
		}
		return bonusPrefix, true
	}
	if !wordStartAt(s, first) {
		return 0, false
	}
	// Pieces starting consecutive words.
	chain := true
	start, prev := first, first
	for _, i := range idx[1:] {
		if !isWordByte(s[i]) {
			chain = false
			break
		}
		if i == prev+runeSize(s, prev) && i > 0 && isWordByte(s[i-1]) {
			prev = i // the piece goes on
			continue
		}
		if i != nextWordStart(s, start) {
			chain = false
			break
		}
		start, prev = i, i
	}
	if chain {
		return bonusInitials, true
	}
	// Letters in order inside the first word.
	last := idx[len(idx)-1]
	for j := first; j <= last; j++ {
		if !isWordByte(s[j]) {
			return 0, false
		}
	}
	return bonusLetters, true
}

// runeSize is the length in bytes of the rune at s[i].
func runeSize(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// wordStartAt reports whether folded text s has a word starting at i.
func wordStartAt(s string, i int) bool {
	return isWordByte(s[i]) && (i == 0 || !isWordByte(s[i-1]))
}

// nextWordStart is the start of the word after the one at i, or len(s).
func nextWordStart(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	for i < len(s) && !isWordByte(s[i]) {
		i++
	}
	return i
}

// asciiSpace are the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// tokens calls fn with the start and end of each token of folded text s:
// the pieces strings.Fields would cut it into.
func tokens(s []byte, fn func(lo, hi int)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var space bool
		if r < utf8.RuneSelf {
			space = asciiSpace[r]
		} else {
			r, size = utf8.DecodeRune(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				fn(start, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// tokHit is a token a query word matches, and how well.
type tokHit struct {
	tok    uint32 // in Index.vocab
	raw    int32  // tokenScore
	i0, i1 uint32 // fuzzy's MatchedIndexes in the token are wordHits.idx[i0:i1]
}

// wordHits is what a query word matches in the vocabulary. It does not
// change once made, so a later search may share it.
type wordHits struct {
	word string
	// found are the tokens fuzzy matches, weak or not, in vocabulary
	// order: where a longer word can match (a fuzzy match of "abc" is one
	// of "ab").
	found []uint32
	hits  []tokHit // the tokens kept, in vocabulary order
	idx   []int
}

// vocabSource is a fuzzy.Source over vocabulary tokens: ids, or all of
// vocab when ids is nil.
type vocabSource struct {
	vocab []string
	ids   []uint32
}

func (s vocabSource) String(i int) string {
	if s.ids == nil {
		return s.vocab[i]
	}
	return s.vocab[s.ids[i]]
}

func (s vocabSource) Len() int {
	if s.ids == nil {
		return len(s.vocab)
	}
	return len(s.ids)
}

// minVocabShare is the fewest tokens worth a goroutine of their own.
const minVocabShare = 4096

// matchWord runs fuzzy for word over the vocabulary, or only over the
// tokens base found when word grows base's word, on both cores, and keeps
// the tokens that are not weak matches.
func (ix *Index) matchWord(word string, base *wordHits) *wordHits {
	if base != nil && base.word == word {
		return base
	}
	var ids []uint32
	n := len(ix.vocab)
	if base != nil {
		ids, n = base.found, len(base.found)
	}
	shares := min(8, max(1, n/minVocabShare))
	found := make([]fuzzy.Matches, shares)
	parallel(shares, func(i int) {
		lo, hi := n*i/shares, n*(i+1)/shares
		src := vocabSource{vocab: ix.vocab[lo:hi]}
		if ids != nil {
			src = vocabSource{vocab: ix.vocab, ids: ids[lo:hi]}
		}
		ms := fuzzy.FindFromNoSort(word, src)
		for k := range ms {
			ms[k].Index += lo
		}
		found[i] = ms
	})
	total := 0
	for _, ms := range found {
		total += len(ms)
	}
	wh := &wordHits{word: word, found: make([]uint32, 0, total)}
	for _, ms := range found {
		for _, m := range ms {
			tok := uint32(m.Index)
			if ids != nil {
				tok = ids[m.Index]
			}
			wh.found = append(wh.found, tok)
			raw := tokenScore(m.Str, m.MatchedIndexes, m.Score)
			if raw == 0 {
				continue
			}
			i0 := uint32(len(wh.idx))
			wh.idx = append(wh.idx, m.MatchedIndexes...)
			wh.hits = append(wh.hits, tokHit{tok: tok, raw: int32(raw), i0: i0, i1: uint32(len(wh.idx))})
		}
	}
	return wh
}
