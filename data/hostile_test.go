package data

import (
	"bytes"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"
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

// utf16 encodes s as UTF-16, little- or big-endian, without a byte-order
// mark, as some Windows tools save text.
func utf16(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestLoadUTF16WithoutBOM(t *testing.T) {
	const want = "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"
	for _, be := range []bool{false, true} {
		b := utf16("Year,Headline\n2000,Hi ő 北京\n2001,There\n", be)
		_, ps, err := Load("sheet.csv", bytes.NewReader(b))
		if err == nil || len(ps) != 1 || ps[0].String() != want {
			t.Errorf("big-endian %v: %v, want %q", be, ps, want)
		}
	}
	// A binary file is still called binary.
	_, ps, _ := Load("x.json", bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")))
	if len(ps) != 1 || !strings.Contains(ps[0].What, "binary") {
		t.Errorf("a PNG: %v, want it called binary", ps)
	}
}

func TestNewSyntheticRefusesMoreThanFiles(t *testing.T) {
	if _, err := NewSynthetic(MaxEvents+1, 1); err == nil || err.Error() != "data: a synthetic timeline of 200,001 events: at most 200,000, as for files" {
		t.Errorf("NewSynthetic(MaxEvents+1): %v", err)
	}
	if _, err := NewSynthetic(10_000_000, 1); err == nil {
		t.Error("NewSynthetic(10,000,000) made a timeline")
	}
	tl, err := NewSynthetic(50, 7)
	if err != nil || len(tl.Events) != 50 {
		t.Errorf("NewSynthetic(50): %v", err)
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 96000: "96,000",
		1234567: "1,234,567", -4500: "-4,500"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}
