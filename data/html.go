package data

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlainText renders the HTML that TimelineJS keeps in its text fields as
// readable plain text: paragraphs (p, div, blockquote, headings, list items)
// are separated by a blank line, <br> becomes a line break, a link becomes
// "text (url)", scripts, styles and comments are dropped with their
// contents, other tags are dropped, entities are decoded and runs of spaces
// collapse to one. Text with no tags at all is taken as typed: blank lines
// separate paragraphs and single line breaks are kept.
func PlainText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.Contains(s, "<") {
		return plainParagraphs(html.UnescapeString(s))
	}
	var r textRenderer
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			r.text(s)
			break
		}
		r.text(s[:i])
		s = s[i:]
		n := r.tag(s)
		s = s[n:]
	}
	return r.String()
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
	paras []string
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
}

type openLink struct {
	href  string
	start int
	lines int
}

func (r *textRenderer) text(s string) {
	if s == "" || r.skip != "" {
		return
	}
	s = html.UnescapeString(s)
	for len(s) > 0 {
		c, size := utf8.DecodeRuneInString(s)
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
		r.paras = append(r.paras, strings.Join(r.lines, "\n"))
	}
	r.lines = nil
	for i := range r.links {
		r.links[i].start, r.links[i].lines = 0, 0
	}
}

func (r *textRenderer) String() string {
	r.breakParagraph()
	// Collapse blank lines that line breaks left at paragraph edges.
	out := strings.Join(r.paras, "\n\n")
	for strings.Contains(out, "\n\n\n") {
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	return out
}

// tag handles the markup at the start of s (which begins with '<') and
// returns how many bytes it used.
func (r *textRenderer) tag(s string) int {
	switch {
	case strings.HasPrefix(s, "<!--"):
		if end := strings.Index(s[4:], "-->"); end >= 0 {
			return 4 + end + 3
		}
		return len(s)
	case strings.HasPrefix(s, "<!") || strings.HasPrefix(s, "<?"):
		if end := strings.IndexByte(s, '>'); end >= 0 {
			return end + 1
		}
		return len(s)
	}
	closing := strings.HasPrefix(s, "</")
	nameStart := 1
	if closing {
		nameStart = 2
	}
	if nameStart >= len(s) || !isASCIILetter(s[nameStart]) {
		// A '<' that starts no tag is text, as browsers take it.
		if r.skip == "" {
			r.text("<")
		}
		return 1
	}
	end := tagEnd(s)
	body := s[nameStart:end]
	if end < len(s) {
		end++ // the '>'
	}
	nameEnd := strings.IndexFunc(body, func(c rune) bool { return isHTMLSpace(c) || c == '/' })
	if nameEnd < 0 {
		nameEnd = len(body)
	}
	name := strings.ToLower(body[:nameEnd])
	attrs := body[nameEnd:]
	if r.skip != "" {
		if closing && name == r.skip {
			r.skip = ""
		}
		return end
	}
	switch name {
	case "script", "style", "template", "noscript", "iframe", "object", "svg", "head", "title":
		if !closing && !strings.HasSuffix(strings.TrimSpace(attrs), "/") {
			r.skip = name
		}
	case "br":
		r.breakLine()
	case "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
		"table", "tr", "pre", "section", "article", "header", "footer", "figure", "figcaption",
		"dl", "dt", "dd", "hr", "address", "aside", "nav", "main":
		r.breakParagraph()
	case "td", "th":
		if closing {
			r.text(" ")
		}
	case "a":
		if !closing {
			r.links = append(r.links, openLink{href: attr(attrs, "href"), start: len(r.line), lines: len(r.lines)})
			break
		}
		if len(r.links) == 0 {
			break
		}
		l := r.links[len(r.links)-1]
		r.links = r.links[:len(r.links)-1]
		href := strings.TrimSpace(l.href)
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			break
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
	return end
}

// tagEnd returns the index of the '>' that ends the tag at the start of s,
// skipping quoted attribute values, or len(s) if the tag never ends.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return len(s)
}

// attr returns the decoded value of the named attribute in a tag's
// attribute text.
func attr(attrs, name string) string {
	s := attrs
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, func(c rune) bool { return isHTMLSpace(c) || c == '/' })
		i := strings.IndexFunc(s, func(c rune) bool { return isHTMLSpace(c) || c == '=' || c == '/' })
		if i < 0 {
			i = len(s)
		}
		key := strings.ToLower(s[:i])
		s = strings.TrimLeftFunc(s[i:], isHTMLSpace)
		if !strings.HasPrefix(s, "=") {
			if key == "" && len(s) > 0 {
				s = s[1:]
			}
			continue
		}
		s = strings.TrimLeftFunc(s[1:], isHTMLSpace)
		var val string
		if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
			q := s[0]
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexFunc(s, isHTMLSpace)
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		if key == name {
			return html.UnescapeString(val)
		}
	}
	return ""
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

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
	dash := false
	for _, c := range strings.ToLower(s) {
		if f, ok := foldLatin[c]; ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(f)
			continue
		}
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
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
