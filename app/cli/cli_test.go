package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trumpkim/data"
)

// fixtures holds the project's own timeline files (package data's test
// fixtures): timekeeping.json and timekeeping.csv are one timeline of 16
// events and 3 eras.
const fixtures = "../../data/testdata/import"

// interop holds the team's TimelineJS corpus beside the project, there in CI
// but not in a fresh clone. Tests over it are extras, named ...Interop..., with
// a twin over fixtures.
const interop = "../../../shared/interop/timelinejs"

// interopFile returns the path of a file of the team's corpus, or skips the
// test, saying why, when the corpus is not there.
func interopFile(t *testing.T, name string) string {
	t.Helper()
	_, err := os.Stat(interop)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("../shared/interop not present (the team's corpus, CI only): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(interop, name)
}

func runCLI(args ...string) (handled bool, code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	handled, code = Run(args, &out, &errOut)
	return handled, code, out.String(), errOut.String()
}

func TestRunCLINotHandled(t *testing.T) {
	for _, args := range [][]string{nil, {}, {"--synthetic", "100"}, {"women.json"}, {"-h"}} {
		if handled, code, out, errOut := runCLI(args...); handled || code != 0 || out != "" || errOut != "" {
			t.Errorf("Run(%q) = %v, %d, %q, %q; want it left to the window", args, handled, code, out, errOut)
		}
	}
}

func TestCheckGoodFiles(t *testing.T) {
	checkGoodFiles(t, []goodFile{
		{filepath.Join(fixtures, "timekeeping.json"), "16 events, 3 eras"},
		{filepath.Join(fixtures, "timekeeping.csv"), "16 events, 3 eras"},
		{filepath.Join(fixtures, "sheet_rules.csv"), "9 events, 2 eras"},
	})
}

func TestCheckGoodFilesInterop(t *testing.T) {
	checkGoodFiles(t, []goodFile{
		{interopFile(t, "women_in_computing.json"), "10 events, 0 eras"},
		{interopFile(t, "eras.json"), "20 events, 3 eras"},
		{interopFile(t, "my-own-timeline.csv"), "10 events, 0 eras"},
	})
}

// goodFile is a file check must find no problem in, and the counts it
// prints.
type goodFile struct{ path, counts string }

func checkGoodFiles(t *testing.T, files []goodFile) {
	t.Helper()
	var args []string
	var want strings.Builder
	for _, f := range files {
		args = append(args, f.path)
		want.WriteString(f.path + ": " + f.counts + ", 0 problems\n")
	}
	for _, cmd := range []string{"check", "--check"} {
		handled, code, out, errOut := runCLI(append([]string{cmd}, args...)...)
		if !handled || code != 0 || errOut != "" {
			t.Fatalf("%s: handled %v, code %d, stderr %q", cmd, handled, code, errOut)
		}
		if out != want.String() {
			t.Errorf("%s printed:\n%s\nwant:\n%s", cmd, out, want.String())
		}
	}
}

func TestCheckBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	partly := write("partly.csv", "Year,Month,Headline\n1900,1,fine\n1900,13,bad\n")
	empty := write("empty.json", "")
	array := write("array.json", "[1, 2]")
	missing := filepath.Join(dir, "missing.json")
	good := filepath.Join(fixtures, "timekeeping.csv")

	handled, code, out, _ := runCLI("check", partly, empty, array, missing, good)
	if !handled || code != 1 {
		t.Errorf("handled %v, code %d; want 1 when any file has problems", handled, code)
	}
	want := partly + ": 1 event, 0 eras, 1 problem\n" +
		"  row 3, column Month: '13' is not a month\n" +
		empty + ": cannot be used, 1 problem\n" +
		"  the file is empty\n" +
		array + ": cannot be used, 1 problem\n" +
		"  line 1, column 1: the file is a JSON array; a TimelineJS file is an object with \"events\"\n" +
		missing + ": cannot be read: no such file or directory\n" +
		good + ": 16 events, 3 eras, 0 problems\n"
	if out != want {
		t.Errorf("check printed:\n%s\nwant:\n%s", out, want)
	}

	many := "Year,Month,Headline\n1900,1,fine\n" + strings.Repeat("1900,13,bad\n", 25)
	_, code, out, _ = runCLI("check", write("many.csv", many))
	if code != 1 || strings.Count(out, "is not a month") != data.MaxListed || !strings.HasSuffix(out, "  … and 5 more\n") {
		t.Errorf("check of 25 bad rows printed:\n%s", out)
	}

	if handled, code, _, errOut := runCLI("check"); !handled || code != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("check with no file: %v %d %q", handled, code, errOut)
	}
}

func TestExport(t *testing.T) {
	checkExport(t, filepath.Join(fixtures, "timekeeping.json"), 16, 3)
}

func TestExportInterop(t *testing.T) {
	checkExport(t, interopFile(t, "eras.json"), 20, 3)
}

// checkExport exports src, which holds the given numbers of events and
// eras, to stdout and with -o, and loads the export back.
func checkExport(t *testing.T, src string, events, eras int) {
	t.Helper()
	handled, code, out, errOut := runCLI("export", "--format", "timelinejs", src)
	if !handled || code != 0 || errOut != "" {
		t.Fatalf("export: %v %d %q", handled, code, errOut)
	}
	var f struct {
		Events []json.RawMessage `json:"events"`
		Eras   []json.RawMessage `json:"eras"`
	}
	if err := json.Unmarshal([]byte(out), &f); err != nil || len(f.Events) != events || len(f.Eras) != eras {
		t.Fatalf("export wrote %d events and %d eras (%v), want %d and %d", len(f.Events), len(f.Eras), err, events, eras)
	}
	// The file written with -o (given after the input) is the same and
	// loads back to the same timeline.
	dest := filepath.Join(t.TempDir(), "out.json")
	if _, code, stdout, errOut := runCLI("export", src, "-o", dest, "--format=TimelineJS"); code != 0 || stdout != "" || errOut != "" {
		t.Fatalf("export -o: %d %q %q", code, stdout, errOut)
	}
	written, err := os.ReadFile(dest)
	if err != nil || string(written) != out {
		t.Fatalf("-o wrote something else than stdout (%v)", err)
	}
	orig, _, _ := data.LoadFile(src)
	back, ps, err := data.LoadFile(dest)
	if err != nil || len(ps) > 0 || len(back.Events) != len(orig.Events) || len(back.Eras) != len(orig.Eras) {
		t.Fatalf("the export loads back as %v %v", ps, err)
	}
	for i := range orig.Events {
		a, b := orig.Events[i], back.Events[i]
		if a.ID != b.ID || a.Date != b.Date || a.End != b.End || a.Title != b.Title || a.Summary != b.Summary || a.Media != b.Media {
			t.Errorf("event %d: %+v came back as %+v", i, a, b)
		}
	}
}

func TestExportBuiltInAndErrors(t *testing.T) {
	_, code, out, _ := runCLI("export")
	def, _ := data.Default()
	if code != 0 || strings.Count(out, `"unique_id"`) != len(def.Events) {
		t.Errorf("export without a file: code %d, %d events, want the %d built-in ones", code, strings.Count(out, `"unique_id"`), len(def.Events))
	}
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"export", "--format", "csv", "x.json"}, 2, `unknown format "csv"`},
		{[]string{"export", "a.json", "b.json"}, 2, "one file at a time"},
		{[]string{"export", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"export", "no-such-file.json"}, 1, "no-such-file.json: cannot be read"},
	}
	for _, tt := range tests {
		handled, code, out, errOut := runCLI(tt.args...)
		if !handled || code != tt.code || out != "" || !strings.Contains(errOut, tt.err) {
			t.Errorf("%q: code %d, stdout %q, stderr %q; want %d and %q", tt.args, code, out, errOut, tt.code, tt.err)
		}
	}
	// A partly broken file exports its good events and says what it skipped.
	p := filepath.Join(t.TempDir(), "partly.csv")
	os.WriteFile(p, []byte("Year,Month,Headline\n1900,1,fine\n1900,13,bad\n"), 0o644)
	_, code, out, errOut := runCLI("export", p)
	if code != 0 || strings.Count(out, `"unique_id"`) != 1 || !strings.Contains(errOut, "row 3, column Month: '13' is not a month") {
		t.Errorf("export of a partly broken file: %d %q %q", code, out, errOut)
	}
}

func TestExportNeverWritesOverItsInput(t *testing.T) {
	dir := t.TempDir()
	sheet := "Year,Month,Day,Headline\n2019,6,30,DMZ\n"
	src := filepath.Join(dir, "self.csv")
	os.WriteFile(src, []byte(sheet), 0o644)
	link := filepath.Join(dir, "link.csv")
	hard := filepath.Join(dir, "hard.csv")
	if err := os.Symlink("self.csv", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Link(src, hard); err != nil {
		t.Skip("no hard links here:", err)
	}
	for _, out := range []string{src, filepath.Join(dir, ".", "self.csv"), link, hard} {
		_, code, stdout, errOut := runCLI("export", "-o", out, src)
		if code != 1 || stdout != "" || !strings.Contains(errOut, "is the file being exported") {
			t.Errorf("-o %s: code %d, stderr %q", out, code, errOut)
		}
		if b, _ := os.ReadFile(src); string(b) != sheet {
			t.Fatalf("-o %s replaced the spreadsheet with %q", out, b)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) != 3 {
		t.Errorf("the folder holds %d files, want the 3 there were", len(es))
	}
}

func TestExportKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "private.json")
	os.WriteFile(out, []byte("old"), 0o600)
	os.Chmod(out, 0o600)
	if _, code, _, errOut := runCLI("export", "-o", out); code != 0 {
		t.Fatalf("export: %d %q", code, errOut)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("-o widened 0600 to %v", fi.Mode().Perm())
	}
}

func TestExportToAFolder(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	os.Mkdir(out, 0o755)
	_, code, _, errOut := runCLI("export", "-o", out)
	if code != 1 || errOut != "export: "+out+" is a directory\n" {
		t.Errorf("-o DIR: code %d, stderr %q", code, errOut)
	}
	for _, d := range []string{parent, out} {
		if es, _ := os.ReadDir(d); len(es) != map[string]int{parent: 1, out: 0}[d] {
			t.Errorf("%s: something was left behind: %v", d, es)
		}
	}
}
