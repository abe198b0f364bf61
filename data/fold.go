package data

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// notDecomposed folds the letters and marks that Unicode does not
// decompose into a base letter and accents, and so would pass through
// foldRune's decomposition unchanged: ligatures and letters with a stroke
// ("ß" to "ss", "ø" to "o", "ł" to "l"), and typographic punctuation and
// spaces ("’" to "'", "—" to "-").
var notDecomposed = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ĳ': "ij",
		'…': "...",
	}
	for plain, runes := range map[string]string{
		"d": "đð", "h": "ħ", "i": "ı", "l": "łŀ", "n": "ŉ", "o": "ø", "t": "ŧ", "z": "ƶ",
		"'": "‘’‚‛′", `"`: "“”„‟″",
		"-": "‐‑‒–—―−",
		" ": "\u00a0\u2002\u2003\u2009\u202f",
	} {
		for _, r := range runes {
			m[r] = plain
		}
	}
	return m
}()

// foldRanges are where foldTable looks: the alphabets that are written
// with accents a person may not type (Latin, Greek, Cyrillic and their
// extensions), the combining marks themselves and general punctuation.
// Elsewhere (Hebrew, Devanagari, CJK, Hangul, …) a rune is only lower-cased,
// so that no script loses marks that its readers count as letters.
var foldRanges = [][2]rune{
	{utf8.RuneSelf, 0x058f}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1fff}, {0x2000, 0x206f}, {0x20d0, 0x20ff},
}

var (
	foldOnce  sync.Once
	foldTable map[rune]string
)

// foldRune folds one lower-case rune, r: the short table above, or else its
// canonical decomposition (NFD) without the combining marks, each base
// letter folded by the table again ("ǿ" is "ø" and an acute: "o"). A rune
// whose decomposition has no combining mark is kept whole, so that Hangul
// syllables do not become their jamo.
func foldRune(r rune) string {
	if s, ok := notDecomposed[r]; ok {
		return s
	}
	d := norm.NFD.String(string(r))
	var b []byte
	marks := false
	for _, c := range d {
		switch {
		case unicode.Is(unicode.Mn, c):
			marks = true
		case notDecomposed[c] != "":
			b = append(b, notDecomposed[c]...)
		default:
			b = utf8.AppendRune(b, c)
		}
	}
	if !marks {
		return string(r)
	}
	return string(b)
}

// buildFoldTable maps each rune of foldRanges whose fold differs from its
// lower case to that fold (about 700 of them). It is made on first use,
// on the search goroutine, never before the first frame.
func buildFoldTable() {
	foldTable = map[rune]string{}
	for _, rg := range foldRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			lr := unicode.ToLower(r)
			if s := foldRune(lr); s != string(lr) {
				foldTable[lr] = s
			}
		}
	}
}

// appendFold appends s folded for matching to dst: lower case, accents
// removed, typographic quotes and dashes made plain, so that "Pyŏngyang"
// becomes "pyongyang". When runes is not nil, it appends for every byte
// appended to dst the index of the rune of s it came from, which maps a
// match in the folded text back to the original runes. Invalid UTF-8 folds
// to U+FFFD, so the result is always valid UTF-8. ascii reports whether s
// was plain ASCII, in which case byte i of the fold is rune i of s.
func appendFold(dst []byte, runes []int32, s string) (_ []byte, _ []int32, ascii bool) {
	foldOnce.Do(buildFoldTable)
	ascii = true
	ri := int32(0)
	for _, r := range s {
		if r < utf8.RuneSelf {
			b := byte(r)
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			dst = append(dst, b)
			if runes != nil {
				runes = append(runes, ri)
			}
			ri++
			continue
		}
		ascii = false
		lr := unicode.ToLower(r)
		n := len(dst)
		if plain, ok := foldTable[lr]; ok {
			dst = append(dst, plain...)
		} else {
			dst = utf8.AppendRune(dst, lr)
		}
		if runes != nil {
			for range len(dst) - n {
				runes = append(runes, ri)
			}
		}
		ri++
	}
	return dst, runes, ascii
}

// Fold returns s as the search matches it: lower case, accents removed,
// typographic quotes and dashes made plain ("Pyŏngyang" → "pyongyang").
func Fold(s string) string {
	b, _, _ := appendFold(nil, nil, s)
	return string(b)
}

// isWordByte reports whether b, a byte of folded text, belongs to a word:
// a letter or digit, or any byte of a non-ASCII rune.
func isWordByte(b byte) bool {
	return b >= utf8.RuneSelf || 'a' <= b && b <= 'z' || '0' <= b && b <= '9'
}
