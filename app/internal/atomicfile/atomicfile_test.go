package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func write(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names lists what dir holds.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewFileGetsTheUsualMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.json")
	if err := WriteFile(p, 0o666, write("new")); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, p); got != "new" {
		t.Errorf("content %q", got)
	}
	// What any program's new file gets here: 0666 less the umask.
	ref := filepath.Join(dir, "ref")
	f, err := os.OpenFile(ref, os.O_CREATE|os.O_WRONLY, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, _ := os.Stat(ref)
	got, _ := os.Stat(p)
	if got.Mode() != want.Mode() {
		t.Errorf("new file's mode %v, want %v", got.Mode(), want.Mode())
	}
	if n := names(t, dir); len(n) != 2 {
		t.Errorf("left behind: %v", n)
	}
}

func TestExistingFileKeepsItsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no mode bits to keep")
	}
	for _, mode := range []os.FileMode{0o600, 0o640, 0o755} {
		p := filepath.Join(t.TempDir(), "old.csv")
		if err := os.WriteFile(p, []byte("old"), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode) // past the umask
		if err := WriteFile(p, 0o666, write("new")); err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(p)
		if fi.Mode().Perm() != mode || mustRead(t, p) != "new" {
			t.Errorf("mode %v became %v", mode, fi.Mode().Perm())
		}
	}
}

func TestFailedWriteLeavesTheTargetAndNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "keep.json")
	os.WriteFile(p, []byte("precious"), 0o644)
	boom := errors.New("boom")
	err := WriteFile(p, 0o666, func(w io.Writer) error {
		io.WriteString(w, "half of it")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want the writer's", err)
	}
	if got := mustRead(t, p); got != "precious" {
		t.Errorf("target became %q", got)
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("left behind: %v", n)
	}
}

func TestTargetUntouchedUntilCommit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "slide.png")
	os.WriteFile(p, []byte("old picture"), 0o644)
	w, err := Create(p, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "new picture")
	if got := mustRead(t, p); got != "old picture" {
		t.Fatalf("before Commit the target is %q", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, p); got != "new picture" {
		t.Errorf("after Commit the target is %q", got)
	}
	if err := w.Abort(); err != nil || mustRead(t, p) != "new picture" {
		t.Errorf("Abort after Commit: %v", err)
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("left behind: %v", n)
	}

	w, _ = Create(p, 0o666)
	io.WriteString(w, "never")
	if err := w.Abort(); err != nil || mustRead(t, p) != "new picture" {
		t.Errorf("Abort: %v, target %q", err, mustRead(t, p))
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("Abort left behind: %v", n)
	}
}

func TestDirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	err := WriteFile(out, 0o666, write("x"))
	if err == nil || err.Error() != out+" is a directory" {
		t.Errorf("error %v, want %q", err, out+" is a directory")
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("left behind: %v", n)
	}
	if n := names(t, out); len(n) != 0 {
		t.Errorf("left in the folder: %v", n)
	}
}

func TestMissingFolderErrorNamesNoTemporaryFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "no", "such", "out.json")
	err := WriteFile(p, 0o666, write("x"))
	if err == nil || strings.Contains(err.Error(), ".tmp-") || !strings.Contains(err.Error(), "out.json") {
		t.Errorf("error %v", err)
	}
}

func TestSymlinkIsFollowed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	os.WriteFile(real, []byte("old"), 0o600)
	if err := os.Symlink("real.json", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, 0o666, write("new")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got := mustRead(t, real); got != "new" {
		t.Errorf("the linked file holds %q", got)
	}
	if fi, _ := os.Stat(real); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the linked file's mode became %v", fi.Mode().Perm())
	}

	// A link to a file not there yet creates that file.
	dangling := filepath.Join(dir, "later.json")
	os.Symlink("made.json", dangling)
	if err := WriteFile(dangling, 0o666, write("made")); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(dir, "made.json")); got != "made" {
		t.Errorf("through a dangling link: %q", got)
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "state.json")
	os.WriteFile(p, []byte("{}"), 0o600)
	old := filepath.Join(dir, ".state.json.tmp-abc")
	young := filepath.Join(dir, ".state.json.tmp-def")
	other := filepath.Join(dir, ".other.json.tmp-abc")
	for _, f := range []string{old, young, other} {
		os.WriteFile(f, []byte("{"), 0o600)
	}
	long := time.Now().Add(-time.Hour)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	RemoveStale(p, time.Minute)
	got := strings.Join(names(t, dir), " ")
	if want := ".other.json.tmp-abc .state.json.tmp-def state.json"; got != want {
		t.Errorf("left %q, want %q", got, want)
	}
}
