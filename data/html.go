package data

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// PlainText renders the HTML that TimelineJS keeps in its text fields as
// readable plain text: paragraphs (p, div, blockquote, headings, list items)
// are separated by a blank line, <br> becomes a line break, a link becomes
// "text (url)", scripts, styles and comments are dropped with their
// contents, other tags are dropped, entities are decoded and runs of spaces
// collapse to one. A comment that is never closed is shown as typed: it
// is more likely a slip than text meant to be hidden, and hiding it could
// leave an event with no title. Text with no tags at all is taken as
// typed: blank lines separate paragraphs and single line breaks are kept.
//
// The markup is read with golang.org/x/net/html's tokenizer, in time
// linear in the length of s.
func PlainText(s string) string { return plainText(s, true) }

// plainText is PlainText; with fast, the commonest texts (one tidy line or
// paragraph, or text with only bare tags such as <p> and <br>) take a short way that
// gives the same result without the tokenizer, which costs a 4 kB buffer
// for every text, and every event of a file has several. Tests compare the
// two ways.
func plainText(s string, fast bool) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !strings.Contains(s, "<") {
		if fast && tidyLine(s) && !strings.Contains(s, "&") {
			return s
		}
		return plainParagraphs(html.UnescapeString(s))
	}
	if fast {
		if text, ok := tidyParagraphs(s); ok {
			return text
		}
		var r textRenderer
		if r.bareTags(s) {
			return r.String()
		}
	}
	var r textRenderer
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			// The end of s (or a tag it cuts short, which is dropped).
			return r.String()
		case xhtml.TextToken:
			if r.skip == "" {
				r.text(string(z.Text()))
			}
		case xhtml.CommentToken, xhtml.DoctypeToken:
			if raw := z.Raw(); r.skip == "" && !bytes.HasSuffix(raw, []byte(">")) {
				// Never closed: it ran to the end of s.
				r.text(html.UnescapeString(string(raw)))
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			r.tag(z, tt)
		}
	}
}

// tidyParagraphs renders s when it is paragraphs "<p>words</p>", one after
// another, each a tidy line without entities or NULs, as most texts are
// (and all that HTMLText writes without line breaks): their words, a blank
// line between each two. One paragraph's words are s's own, not copied.
func tidyParagraphs(s string) (string, bool) {
	var b strings.Builder
	first := ""
	for s != "" {
		in, ok := strings.CutPrefix(s, "<p>")
		end := strings.IndexByte(in, '<')
		if !ok || end < 0 || !strings.HasPrefix(in[end:], "</p>") {
			return "", false
		}
		p := in[:end]
		s = in[end+len("</p>"):]
		if !tidyLine(p) || strings.ContainsAny(p, "&\x00") {
			return "", false
		}
		switch {
		case p == "":
		case first == "":
			first = p
		default:
			if b.Len() == 0 {
				b.Grow(len(first) + len(p) + len(s))
				b.WriteString(first)
			}
			b.WriteString("\n\n")
			b.WriteString(p)
		}
	}
	if b.Len() == 0 {
		return first, true
	}
	return b.String(), true
}

// tidyLine reports whether s is one line with no white space but single
// spaces between words: what collapseSpaces leaves as it is, and
// plainParagraphs too when s has no entity.
func tidyLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] > ' ' {
			continue
		}
		switch s[i] {
		case '\t', '\n', '\r', '\f', '\v':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// plainParagraphs tidies text that has no tags: spaces collapse within each
// line, lines are trimmed, and runs of blank lines become one.
func plainParagraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
			lines = nil
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = collapseSpaces(line)
		if line == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// collapseSpaces trims s and turns every run of white space into one space.
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
}

// trimHTMLSpace trims the white space HTML collapses, and no other: a
// no-break space at the end of a line is text.
func trimHTMLSpace(s string) string { return strings.TrimFunc(s, isHTMLSpace) }

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// textRenderer collects the text of an HTML fragment paragraph by paragraph.
type textRenderer struct {
	// out is the paragraphs so far, a blank line between each two.
	out strings.Builder
	// line is the current line's words so far; lines the finished lines of
	// the current paragraph.
	line  []byte
	lines []string
	// links is the stack of open <a> elements' addresses and where their
	// text starts in line.
	links []openLink
	// skip is the name of an element (script, style) whose content is
	// dropped until its end tag.
	skip string
	// para counts the paragraphs ended, so that a link knows whether it
	// was opened in this one.
	para int
}

// openLink is an <a> not yet closed: its address, and where its text
// starts: in which paragraph, after how many of its lines, at which byte of
// the line.
type openLink struct {
	href  string
	start int
	lines int
	para  int
}

// text adds text whose entities are decoded, collapsing white space.
func (r *textRenderer) text(s string) {
	for len(s) > 0 {
		// A run of ASCII that is not white space goes in as it is.
		n := 0
		for n < len(s) && s[n] < utf8.RuneSelf && !isHTMLSpace(rune(s[n])) {
			n++
		}
		if n > 0 {
			r.line = append(r.line, s[:n]...)
			s = s[n:]
			continue
		}
		c, size := rune(s[0]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s)
		}
		s = s[size:]
		if isHTMLSpace(c) {
			if n := len(r.line); n > 0 && r.line[n-1] != ' ' {
				r.line = append(r.line, ' ')
			}
			continue
		}
		r.line = utf8.AppendRune(r.line, c)
	}
}

// breakLine ends the current line (for <br>).
func (r *textRenderer) breakLine() {
	r.lines = append(r.lines, trimHTMLSpace(string(r.line)))
	r.line = r.line[:0]
}

// breakParagraph ends the current paragraph, if it has any text.
func (r *textRenderer) breakParagraph() {
	if len(r.lines) == 0 {
		// One line (no <br>): straight to out, without making a string.
		if l := bytes.TrimFunc(r.line, isHTMLSpace); len(l) > 0 {
			r.newPara()
			r.out.Write(l)
		}
		r.line = r.line[:0]
		r.para++
		return
	}
	if l := trimHTMLSpace(string(r.line)); l != "" || len(r.lines) > 0 {
		r.lines = append(r.lines, l)
	}
	r.line = r.line[:0]
	// Drop blank lines at either end; keep the ones <br><br> made inside.
	for len(r.lines) > 0 && r.lines[0] == "" {
		r.lines = r.lines[1:]
	}
	for len(r.lines) > 0 && r.lines[len(r.lines)-1] == "" {
		r.lines = r.lines[:len(r.lines)-1]
	}
	if len(r.lines) > 0 {
		r.newPara()
		r.out.WriteString(strings.Join(r.lines, "\n"))
	}
	r.lines = nil
	r.para++
}

// newPara starts a paragraph in out.
func (r *textRenderer) newPara() {
	if r.out.Len() > 0 {
		r.out.WriteString("\n\n")
	}
}

func (r *textRenderer) String() string {
	r.breakParagraph()
	// Collapse blank lines that line breaks left at paragraph edges.
	out := r.out.String()
	for strings.Contains(out, "\n\n\n") {
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	return out
}

// skipped are the elements whose content is dropped with them.
var skipped = map[string]bool{"script": true, "style": true, "template": true, "noscript": true,
	"iframe": true, "object": true, "svg": true, "head": true, "title": true}

// blocks are the elements that start and end a paragraph.
var blocks = map[string]bool{"p": true, "div": true, "blockquote": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true,
	"table": true, "tr": true, "pre": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "dl": true, "dt": true, "dd": true,
	"hr": true, "address": true, "aside": true, "nav": true, "main": true}

// rawText are the elements whose content the tokenizer reads as text, not
// markup.
var rawText = map[string]bool{"iframe": true, "noembed": true, "noframes": true, "noscript": true,
	"plaintext": true, "script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// bareStop are the bytes bareTags stops at.
var bareStop = [256]bool{'<': true, '&': true, '\r': true, 0: true}

// bareTags renders s when it is text without entities, carriage returns or
// NULs, and tags without attributes written in lowercase as <name>,
// </name> or <name/>, none of them an element whose content is dropped or
// read as text: for such markup the tokenizer would give the same tags
// and the same text. It reports false, having rendered part of s, for
// anything else.
func (r *textRenderer) bareTags(s string) bool {
	// Without entities or attributes the text is no longer than s.
	r.line = make([]byte, 0, len(s))
	r.out.Grow(len(s))
	for len(s) > 0 {
		i := 0
		for i < len(s) && !bareStop[s[i]] {
			i++
		}
		if i == len(s) {
			r.text(s)
			return true
		}
		if s[i] != '<' {
			return false
		}
		r.text(s[:i])
		s = s[i:]
		start, closing := 1, len(s) > 1 && s[1] == '/'
		if closing {
			start = 2
		}
		end := start
		for end < len(s) && ('a' <= s[end] && s[end] <= 'z' || end > start && '0' <= s[end] && s[end] <= '9') {
			end++
		}
		name := s[start:end]
		switch {
		case name == "":
			return false
		case strings.HasPrefix(s[end:], ">"):
			end++
		case !closing && strings.HasPrefix(s[end:], "/>"):
			end += 2
		default:
			return false
		}
		// (No name in skipped or rawText is shorter than three letters:
		// TestPlainTextBareTags.)
		if len(name) > 2 && (skipped[name] || rawText[name]) {
			return false
		}
		r.element(name, closing, "")
		s = s[end:]
	}
	return true
}

// tag handles the start, end or self-closing tag z is at.
func (r *textRenderer) tag(z *xhtml.Tokenizer, tt xhtml.TokenType) {
	nameBytes, hasAttr := z.TagName()
	name := string(nameBytes)
	closing := tt == xhtml.EndTagToken
	if !closing && (!skipped[name] || r.skip != "") {
		// The tokenizer reads the content of textarea, xmp, noembed,
		// noframes and plaintext as text; here their tags are dropped
		// and their markup read, as for any other element. Inside an
		// element being dropped, only its own end tag counts: a <title>
		// inside an <svg> must not hide the </svg>.
		z.NextIsNotRawText()
	}
	if r.skip != "" {
		if closing && name == r.skip {
			r.skip = ""
		}
		return
	}
	if skipped[name] {
		if tt == xhtml.StartTagToken {
			r.skip = name
		} else if tt == xhtml.SelfClosingTagToken {
			z.NextIsNotRawText() // <script/> has no content
		}
		return
	}
	href := ""
	if name == "a" && !closing {
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) == "href" {
				href = string(v)
				break
			}
		}
	}
	r.element(name, closing, href)
}

// element handles the tag of an element that is not dropped: its name,
// whether it is an end tag, and for an <a> its href.
func (r *textRenderer) element(name string, closing bool, href string) {
	switch {
	case name == "br":
		r.breakLine()
	case blocks[name]:
		r.breakParagraph()
	case name == "td" || name == "th":
		if closing {
			r.text(" ")
		}
	case name == "a" && !closing:
		r.links = append(r.links, openLink{href: href, start: len(r.line), lines: len(r.lines), para: r.para})
	case name == "a":
		r.closeLink()
	}
}

// closeLink ends the innermost open link: its address follows its text in
// brackets, or stands for it when it has none.
func (r *textRenderer) closeLink() {
	if len(r.links) == 0 {
		return
	}
	l := r.links[len(r.links)-1]
	r.links = r.links[:len(r.links)-1]
	href := strings.TrimSpace(l.href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return
	}
	if l.para != r.para {
		// Opened in an earlier paragraph: its text here starts with this one.
		l.start, l.lines = 0, 0
	}
	var linkText string
	if len(r.lines) == l.lines && l.start <= len(r.line) {
		linkText = strings.TrimSpace(string(r.line[l.start:]))
	}
	switch {
	case linkText == "":
		if len(r.lines) == l.lines && l.start <= len(r.line) {
			r.text(href)
		}
	case linkText != href && strings.TrimSuffix(linkText, "/") != strings.TrimSuffix(href, "/"):
		for len(r.line) > 0 && r.line[len(r.line)-1] == ' ' {
			r.line = r.line[:len(r.line)-1]
		}
		r.line = append(r.line, " ("...)
		r.line = append(r.line, collapseSpaces(href)...)
		r.line = append(r.line, ')')
	}
}

// HTMLText writes plain text as the HTML TimelineJS expects, so that
// PlainText gives the same text back: each paragraph in <p>, line breaks as
// <br>, special characters escaped.
func HTMLText(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		b.WriteString("<p>")
		b.WriteString(htmlLine(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// htmlLine escapes one line or paragraph of text, line breaks as <br>.
// Quotes need no escaping outside attributes, so "it's" stays readable.
func htmlLine(s string) string {
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "<br>")

// Slug makes a lowercase slug like "ada-lovelace" from s (at most 64
// bytes), or "" when nothing is left: for ids and file names.
func Slug(s string) string { return slugOf(s, 64) }

// slugOf makes a lowercase slug like "ada-lovelace" from a headline, at most
// max bytes long,
// folding common accented Latin letters to ASCII and dropping other
// characters. It returns "" when nothing is left.
func slugOf(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), 2*max)) // (a slug is never longer than s)
	dash := false
	for _, c := range s {
		// What is kept, lowercased as strings.ToLower would: ASCII letters
		// and digits, and the accented letters foldLatin folds.
		fold, keep := "", false
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			keep = true
		case c < utf8.RuneSelf:
			keep = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		default:
			c = unicode.ToLower(c)
			if c < utf8.RuneSelf { // (the Kelvin sign is a k)
				keep = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
			} else {
				fold, keep = foldLatin[c]
			}
		}
		if keep {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if fold != "" {
				b.WriteString(fold)
			} else {
				b.WriteByte(byte(c))
			}
			continue
		}
		if c == '\'' || c == '’' {
			continue // "Muhammad's" → "muhammads"
		}
		dash = true
		if b.Len() >= max {
			break
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

var foldLatin = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ľ': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
