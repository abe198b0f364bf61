package data

import (
	"unicode"
	"unicode/utf8"
)

// foldTable maps lower-case letters with accents, ligatures and typographic
// punctuation to the plain ASCII a person types: "ŏ" to "o", "ß" to "ss",
// "’" to "'". Runes not in it are lower-cased and kept as they are.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for plain, accented := range map[string]string{
		"a": "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ",
		"c": "çćĉċč",
		"d": "ďđð",
		"e": "èéêëēĕėęěȅȇȩẹẻẽếềểễệ",
		"g": "ĝğġģǧǵ",
		"h": "ĥħȟ",
		"i": "ìíîïĩīĭįıǐȉȋỉị",
		"j": "ĵǰ",
		"k": "ķǩ",
		"l": "ĺļľŀł",
		"n": "ñńņňŉǹ",
		"o": "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ",
		"r": "ŕŗřȑȓ",
		"s": "śŝşšș",
		"t": "ţťŧț",
		"u": "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự",
		"w": "ŵẁẃẅ",
		"y": "ýÿŷȳỳỵỷỹ",
		"z": "źżžƶ",
		"'": "‘’‚‛′",
		`"`: "“”„‟″",
		"-": "‐‑‒–—―−",
		" ": "\u00a0\u2002\u2003\u2009\u202f",
	} {
		for _, r := range accented {
			m[r] = plain
		}
	}
	for r, s := range map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ĳ': "ij", '…': "..."} {
		m[r] = s
	}
	return m
}()

// appendFold appends s folded for matching to dst: lower case, accents
// removed, typographic quotes and dashes made plain, so that "Pyŏngyang"
// becomes "pyongyang". When runes is not nil, it appends for every byte
// appended to dst the index of the rune of s it came from, which maps a
// match in the folded text back to the original runes. Invalid UTF-8 folds
// to U+FFFD, so the result is always valid UTF-8. ascii reports whether s
// was plain ASCII, in which case byte i of the fold is rune i of s.
func appendFold(dst []byte, runes []int32, s string) (_ []byte, _ []int32, ascii bool) {
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
