//go:build unix

package data

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadFileRefusesSpecialFiles: opening a named pipe for reading blocks
// until something writes to it, so `check p` never returned; a device
// could be read forever. LoadFile refuses both before opening them.
func TestLoadFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "p")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	for _, tt := range []struct{ path, want string }{
		{pipe, "data: p: not a regular file (a named pipe)"},
		{"/dev/zero", "data: zero: not a regular file (a device)"},
		{dir, "data: " + filepath.Base(dir) + ": not a regular file (a folder)"},
	} {
		done := make(chan error, 1)
		go func() {
			_, _, err := LoadFile(tt.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != tt.want {
				t.Errorf("LoadFile(%s): %v, want %q", tt.path, err, tt.want)
			}
		case <-time.After(10 * time.Second):
			// Not a speed limit: a pipe with no writer never returns.
			t.Fatalf("LoadFile(%s) still blocked after 10 s", tt.path)
		}
	}
	if _, _, err := LoadFile(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing file: %v", err)
	}
}
