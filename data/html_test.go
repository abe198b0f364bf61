package data

import (
	"testing"
	"time"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"  spaced \t out  ", "spaced out"},
		{"first line\nsecond line\n\n\nnext paragraph", "first line\nsecond line\n\nnext paragraph"},
		{"AT&amp;T &lt;3 &eacute;t&eacute; &#8212; &#x41;", "AT&T <3 été — A"},
		{"<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"<p>One.</p> <span class=\"tl-note\">Note.</span>", "One.\n\nNote."},
		{"line<br>break<br/>again", "line\nbreak\nagain"},
		{`Take <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada Lovelace</a>: daughter`,
			"Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): daughter"},
		{`<a href="https://x.org/">https://x.org</a>`, "https://x.org"},
		{`<a href="https://x.org/"></a>`, "https://x.org/"},
		{`<a href="#top">top</a> and <a>bare</a>`, "top and bare"},
		{`<a href='a?b=1&amp;c=2'>q</a>`, "q (a?b=1&c=2)"},
		{"before<script>alert('x<p>')</script>after", "beforeafter"},
		{"a<style>p{color:red}</style>b<!-- hidden -->c", "abc"},
		{"<b>bold</b> and <i>it</i>alic", "bold and italic"},
		{"a < b and c <3", "a < b and c <3"},
		{"<blockquote>Quoted <cite>Someone</cite></blockquote>", "Quoted Someone"},
		{"<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"Text. \n<p><span>Note</span>", "Text.\n\nNote"},
		{"unclosed <p", "unclosed"},
		{"<p>\n  </p><p></p>x", "x"},
		{"a<br><br><br><br>b", "a\n\nb"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLTextRoundTrip(t *testing.T) {
	for _, s := range []string{"", "one", "a & b < c > d \"e\" 'f'", "p1\n\np2", "l1\nl2\n\np2", "x (https://y.z/?a=1&b=2)"} {
		h := HTMLText(s)
		if got := PlainText(h); got != s {
			t.Errorf("PlainText(HTMLText(%q)) = %q (html %q)", s, got, h)
		}
	}
}

func TestSlugOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ada Lovelace", "ada-lovelace"},
		{"Rózsa Péter writes recursion", "rozsa-peter-writes-recursion"},
		{"\"The Mother of the Internet\"", "the-mother-of-the-internet"},
		{"...And the women who made it work", "and-the-women-who-made-it"},
		{"Muhammad's flight", "muhammads-flight"},
		{"北京", ""},
		{"A very long headline that goes on and on past the limit", "a-very-long-headline-that"},
	}
	for _, tt := range tests {
		if got := slugOf(tt.in, 28); got != tt.want {
			t.Errorf("slugOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDateTimeOfDay(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		display string
		until   time.Duration
	}{
		{"2019-06-30T15", Date{Year: 2019, Month: 6, Day: 30, Hour: 15, Precision: PrecisionHour}, "Jun 30, 2019, 15:00", time.Hour},
		{"2019-06-30T15:04", Date{Year: 2019, Month: 6, Day: 30, Hour: 15, Minute: 4, Precision: PrecisionMinute}, "Jun 30, 2019, 15:04", time.Minute},
		{"-0044-03-15T11:30:05", Date{Year: -44, Month: 3, Day: 15, Hour: 11, Minute: 30, Second: 5, Precision: PrecisionSecond}, "Mar 15, 44 BCE, 11:30:05", time.Second},
		{"2019-06-30T15:04:05.250", Date{Year: 2019, Month: 6, Day: 30, Hour: 15, Minute: 4, Second: 5, Millisecond: 250, Precision: PrecisionMillisecond}, "Jun 30, 2019, 15:04:05.250", time.Millisecond},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if d != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, d, tt.want)
		}
		if d.String() != tt.in {
			t.Errorf("%q.String() = %q", tt.in, d.String())
		}
		if d.Display() != tt.display {
			t.Errorf("%q.Display() = %q, want %q", tt.in, d.Display(), tt.display)
		}
		if got := d.Until().Sub(d.Start()); got != tt.until {
			t.Errorf("%q lasts %v, want %v", tt.in, got, tt.until)
		}
	}
	for _, bad := range []string{"2019-06T10", "2019T10", "2019-06-30T24", "2019-06-30T1", "2019-06-30T10:60", "2019-06-30T10:00.5", "2019-06-30T", "2019-06-30T10:00:00.1234"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, d)
		}
	}
	a, _ := ParseDate("2019-06-30T10:00")
	b, _ := ParseDate("2019-06-30T11:30")
	if got, want := DisplayRange(a, b), "Jun 30, 2019, 10:00–11:30"; got != want {
		t.Errorf("DisplayRange = %q, want %q", got, want)
	}
	day, _ := ParseDate("2019-06-30")
	if !day.Before(a) || !a.Before(b) {
		t.Error("a day should sort before its times, and 10:00 before 11:30")
	}
}

// FuzzPlainText: PlainText never panics, and its output is a fixed point of
// writing it as HTML and reading it back, which the TimelineJS round trip
// relies on.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"<p>a</p>b<br>c", "a &amp; <a href=x>y</a>", "<script>", "x\n\n\ny", "<a href='u'><a href='v'>t</a></a>", "\xff", "\u202f"} {
		f.Add(s)
	}
	for _, s := range bareTagTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := PlainText(s)
		if slow := plainText(s, false); p != slow {
			t.Fatalf("PlainText(%q) = %q the short way, %q through the tokenizer", s, p, slow)
		}
		if tidyLine(s) && collapseSpaces(s) != s {
			t.Fatalf("tidyLine(%q), but collapseSpaces makes it %q", s, collapseSpaces(s))
		}
		if back := PlainText(HTMLText(p)); back != p {
			t.Fatalf("PlainText(%q) = %q, but through HTMLText it reads back as %q", s, p, back)
		}
	})
}

// bareTagTexts are texts at the edges of what PlainText renders without the
// tokenizer.
var bareTagTexts = []string{"", "a", " a", "a ", "a  b", "a\tb", "a &amp; b", "<p>a</p><p>b</p>", "<p>a<br>b</p>",
	"<p>a<br/>b</p>", "<br />", "<P>a</P>", "<p >a</p>", "<p\n>a", "<h1>T</h1>x", "<1>", "</>", "a<b", "a < b",
	"<a>x</a>", "<a/>x", "</br>", "<td>a</td><td>b</td>", "<title>x</title>", "<script>x</script>y",
	"<textarea><b>x</b></textarea>", "<p>a\r\nb</p>", "<p>a\x00b</p>", "<p>&lt;</p>", "<p>  a \n b  </p>",
	"<ul><li>a</li><li>b</li></ul>", "<p>x", "x</p>", "<!-- c -->x", "<p>a</p/>", "<p/ >",
	"<p></p>", "<p>a b</p>", "<p> a</p>", "<p>a </p>", "<p>a\tb</p>", "<p>a<b>c</b></p>", "<p>a</p></p>", "<p><p>a</p>",
	"<p>caf\u00e9 \u00a0</p>", "<p>a\vb</p>", "<p>a\fb</p>", "<p>\u00a0</p>",
	"<p>a</p><p></p><p>b c</p><p>d</p>", "<p></p><p>a</p>", "<p>a</p> <p>b</p>", "<p>a</p><p>b", "<p>a</p><p>b &amp; c</p>",
	"<p>a</p><p> b</p>", "<p>a</p>b", "<p>a</p><br><p>b</p>"}

// TestPlainTextBareTags: the short way PlainText takes for text with bare
// tags gives what the tokenizer gives.
func TestPlainTextBareTags(t *testing.T) {
	for _, s := range bareTagTexts {
		if fast, slow := plainText(s, true), plainText(s, false); fast != slow {
			t.Errorf("PlainText(%q) = %q the short way, %q through the tokenizer", s, fast, slow)
		}
	}
	// bareTags looks names of one or two letters up in neither.
	for _, m := range []map[string]bool{skipped, rawText} {
		for name := range m {
			if len(name) < 3 {
				t.Errorf("%q is dropped or raw text, but bareTags takes it as a bare tag", name)
			}
		}
	}
}
