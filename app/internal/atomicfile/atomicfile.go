// Package atomicfile writes files so that a crash, a kill or a full disk at
// any moment leaves either the old file or the new one, whole: the new
// content goes to a temporary file in the target's folder, is synced to
// disk, then renamed over the target, and the folder is synced.
//
// The target keeps its mode. A new file is created with the mode given,
// less the umask (as any program's new file). A symbolic link is followed,
// so the file it points to is replaced and the link stays. A target that
// exists and is not a regular file (a device such as /dev/null, a named
// pipe) is written in place, as there is nothing to rename over it. A
// folder is refused.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// File is a file being written. Write to it, then Commit to put it in
// place, or Abort to leave the target as it was.
type File struct {
	f      *os.File
	path   string // the target, symbolic links resolved
	tmp    string // the temporary file; empty when writing in place
	mode   os.FileMode
	chmod  bool // the target existed: give the new file its mode
	closed bool
}

// Create starts writing path. perm is the mode of a new file, before the
// umask; an existing file keeps its own.
func Create(path string, perm os.FileMode) (*File, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("%s is a directory", path)
	case err == nil && !fi.Mode().IsRegular():
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return nil, err
		}
		return &File{f: f, path: target}, nil
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	}
	w := &File{path: target, mode: perm}
	if fi != nil {
		w.mode, w.chmod = fi.Mode().Perm(), true
	}
	dir := filepath.Dir(target)
	for range 100 {
		w.tmp = filepath.Join(dir, tempName(filepath.Base(target)))
		w.f, err = os.OpenFile(w.tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, os.ErrExist) {
			break
		}
	}
	if err != nil {
		// Name the folder, not the temporary file nobody asked for.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot create %s in %s: %w", filepath.Base(path), dir, err)
	}
	return w, nil
}

// tempKeep is how many bytes of the target's name a temporary file's
// name keeps.
const tempKeep = 100

// tempName is a hidden name beside base, short enough for any file system.
func tempName(base string) string {
	if len(base) > tempKeep {
		cut := tempKeep
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".tmp-" + strconv.FormatUint(rand.Uint64(), 36)
}

// resolve follows symbolic links from path to the file they name, which
// need not exist yet.
func resolve(path string) (string, error) {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// Write writes to the new content.
func (w *File) Write(p []byte) (int, error) { return w.f.Write(p) }

// Commit syncs the new content to disk and puts it in place of the target.
// On error the target is as it was and the temporary file is gone.
func (w *File) Commit() error {
	if w.closed {
		return os.ErrClosed
	}
	w.closed = true
	if w.tmp == "" {
		return w.f.Close()
	}
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && w.chmod {
		err = os.Chmod(w.tmp, w.mode)
	}
	if err == nil {
		err = os.Rename(w.tmp, w.path)
	}
	if err != nil {
		os.Remove(w.tmp)
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	syncDir(filepath.Dir(w.path))
	return nil
}

// Abort drops the new content: the target stays as it was. It does
// nothing after Commit.
func (w *File) Abort() error {
	if w.closed {
		return nil
	}
	w.closed = true
	err := w.f.Close()
	if w.tmp != "" {
		if rerr := os.Remove(w.tmp); err == nil {
			err = rerr
		}
	}
	return err
}

// syncDir makes a rename in dir last through a power cut. Its error is
// not reported: the new content is in place by then, only its durability
// is at stake, and some systems cannot sync a folder (Windows cannot open
// one).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteFile writes what write writes to path (see Create for perm). When
// write fails, the target stays as it was.
func WriteFile(path string, perm os.FileMode, write func(io.Writer) error) error {
	w, err := Create(path, perm)
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

// RemoveStale removes the temporary files a writer of path killed before
// Commit or Abort left behind, those older than age (younger ones may be
// another process's, still writing).
func RemoveStale(path string, age time.Duration) {
	target, err := resolve(path)
	if err != nil {
		return
	}
	base := filepath.Base(target)
	if len(base) > tempKeep {
		return // shortened names: not worth the guess
	}
	olds, _ := filepath.Glob(filepath.Join(filepath.Dir(target), "."+globEscape(base)+".tmp-*"))
	for _, p := range olds {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > age {
			os.Remove(p)
		}
	}
}

// globEscape escapes filepath.Match's special characters in s.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// DocumentMode is the mode of a file the app creates for the person (an
// export), before the umask: what any program gives a new document, 0644
// under the usual umask. A file replaced keeps its own mode.
const DocumentMode = 0o666

// SameFile reports whether paths a and b name one file that exists: the
// same path written two ways, a symbolic link to it, or a hard link.
func SameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
