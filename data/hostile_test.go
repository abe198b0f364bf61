package data

import (
	"strings"
	"testing"
)

// This file tests what a hostile or broken file must not do: freeze the
// app, take quadratic time, hang on a pipe, print raw control characters to
// a terminal, or load dates the app cannot sort.

func TestProblemStringEscapesControls(t *testing.T) {
	p := Problem{Where: "row 2, column Headline\x1b[2J", What: "'\x1b]0;title\a' is not a month \u202eevil"}
	want := `row 2, column Headline\x1b[2J: '\x1b]0;title\x07' is not a month \u202eevil`
	if got := p.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	ps := Problems{p}
	if got := ps.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLoadEscapesControlsInMessages(t *testing.T) {
	csv := "Year,Month,Headline\n2000,\"\x1b]0;title\a\x1b[2J\",x\n2001,1,ok\n"
	_, ps, err := Load("sheet\x1b[2J.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantProblems(t, ps, `row 2, column Month: '\x1b]0;title\x07\x1b[2J' is not a month`)

	_, _, err = Load("bad\x1b[2J\u202e.json", strings.NewReader(""))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\u202e") {
		t.Errorf("error %q quotes the file name raw", err)
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain – text, été, 北京, C:\\path", "plain – text, été, 北京, C:\\path"},
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"\x00\x1b\x7f", `\x00\x1b\x7f`},
		{"c1 \u0085 \u009b", `c1 \u0085 \u009b`},
		{"bidi \u202a\u202e\u2066\u2069\u200e\u200f\u061c", `bidi \u202a\u202e\u2066\u2069\u200e\u200f\u061c`},
		{"lines \u2028\u2029", `lines \u2028\u2029`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
