package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// controlIn returns the first control character or bidi override in s that
// is not a line break, or -1.
func controlIn(s string) rune {
	for _, r := range s {
		if r != '\n' && (r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
			return r
		}
	}
	return -1
}

func TestCheckPrintsNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "sheet\x1b[2J\u202e.csv")
	if err := os.WriteFile(sheet, []byte("Year,Month,Headline\n2000,\"\x1b]0;title\a\x1b[2J\",x\n2001,1,ok\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone\x1b[2J.csv")
	_, code, out, errOut := runCLI("check", sheet, missing)
	if code != 1 {
		t.Errorf("code %d, want 1", code)
	}
	if r := controlIn(out + errOut); r >= 0 {
		t.Errorf("check printed %U raw:\n%q", r, out+errOut)
	}
	for _, want := range []string{
		`sheet\x1b[2J\u202e.csv: 1 event, 0 eras, 1 problem`,
		`  row 2, column Month: '\x1b]0;title\x07\x1b[2J' is not a month`,
		`gone\x1b[2J.csv: cannot be read: no such file or directory`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check printed:\n%s\nwant a line %s", out, want)
		}
	}
}

// TestCheckReportsShortenedText: check names every field that was over its
// limit, and the file stays usable.
func TestCheckReportsShortenedText(t *testing.T) {
	dir := t.TempDir()
	h := filepath.Join(dir, "h.json")
	doc := `{"title": "T", "events": [{"id": "x", "date": "2000", "kind": "context", "title": "` + strings.Repeat("H", 1_000_000) +
		`", "summary": "` + strings.Repeat("word ", 20_000) + `end"}]}`
	if err := os.WriteFile(h, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, code, out, _ := runCLI("check", h)
	want := h + ": 1 event, 0 eras, 2 problems\n" +
		`  events[0] "x".title: 1,000,000 characters, over the 200-character limit: the last 999,800 are left out` + "\n" +
		`  events[0] "x".summary: 100,003 characters, over the 4,000-character limit: the last 96,004 are left out` + "\n"
	if out != want || code != 1 {
		t.Errorf("check printed (status %d):\n%s\nwant:\n%s", code, out, want)
	}
}
