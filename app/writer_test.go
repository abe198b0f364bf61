package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findButton finds the button labelled text in o's tree.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text && x.Visible() {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// saveIn drives save dialog d as a person would: in folder dir, file name,
// Save, and Yes when asked whether to overwrite.
func saveIn(t *testing.T, u *UI, d *dialog.FileDialog, dir, name string) {
	t.Helper()
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(l)
	d.Show()
	d.SetFileName(name)
	save := findButton(u.Window().Canvas().Overlays().Top(), "Save")
	if save == nil || save.Disabled() {
		t.Fatalf("no Save button to press")
	}
	test.Tap(save)
	if yes := findButton(u.Window().Canvas().Overlays().Top(), "Yes"); yes != nil {
		test.Tap(yes)
	}
	u.settle() // the file is written on a goroutine of its own
}

func TestSaveDialogReplacesAFileWholeAndKeepsItsMode(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "mine.json")
	os.WriteFile(out, []byte("keep me"), 0o600)
	saveIn(t, u, u.timelineJSSaveDialog(), dir, "mine.json")
	var f struct{ Events []json.RawMessage }
	if b, _ := os.ReadFile(out); json.Unmarshal(b, &f) != nil || len(f.Events) != len(u.tl.Events) {
		t.Fatalf("the file holds %q", b)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode became %v", fi.Mode().Perm())
	}
	saveIn(t, u, u.imageSaveDialog(fyne.NewSize(320, 200)), dir, "slide.png")
	if r, err := os.Open(filepath.Join(dir, "slide.png")); err != nil {
		t.Error(err)
	} else if c, err := png.DecodeConfig(r); err != nil || c.Width != 320 {
		t.Errorf("the image: %v, %+v", err, c)
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Errorf("the folder holds %d files", len(es))
	}
}

// fileWriter makes a file name holding content, and returns its path and
// the writer Fyne's storage gives for it once the app is made, as the save
// dialogs get it.
func fileWriter(t *testing.T, name, content string) (string, fyne.URIWriteCloser) {
	t.Helper()
	newTestUI(t)
	out := writeFile(t, name, content)
	wc, err := storage.Writer(storage.NewFileURI(out))
	if err != nil {
		t.Fatal(err)
	}
	return out, wc
}

// Fyne's file:// writer truncated the chosen file when it opened it, before
// a byte of the new content was ready.
func TestFileWriterLeavesTheFileUntilClose(t *testing.T) {
	out, wc := fileWriter(t, "old.png", "old picture")
	io.WriteString(wc, "new")
	if b, _ := os.ReadFile(out); string(b) != "old picture" {
		t.Fatalf("while writing, the file holds %q", b)
	}
	if err := wc.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new" {
		t.Errorf("after Close, the file holds %q", b)
	}
	// Everything else is Fyne's own: listing, the parent, existence.
	if ok, err := storage.CanList(storage.NewFileURI(filepath.Dir(out))); !ok || err != nil {
		t.Errorf("CanList: %v %v", ok, err)
	}
}

func TestSaveDialogRefusesTheOpenFile(t *testing.T) {
	u := newTestUI(t)
	sheet := "Year,Month,Day,Headline\n2019,6,30,DMZ\n"
	src := writeFile(t, "self.csv", sheet)
	u.OpenFile(src)
	u.settle()
	if len(u.tl.Events) != 1 {
		t.Fatal("the file did not open")
	}
	dir := filepath.Dir(src)
	for _, d := range []*dialog.FileDialog{u.timelineJSSaveDialog(), u.imageSaveDialog(fyne.NewSize(320, 200))} {
		for u.dialogOpen() {
			u.closeDialog() // the message of the one before
		}
		saveIn(t, u, d, dir, "self.csv")
		if b, _ := os.ReadFile(src); string(b) != sheet {
			t.Fatalf("the spreadsheet became %q", b)
		}
		if !strings.Contains(u.openMessage, "self.csv is the file the timeline was opened from") {
			t.Errorf("message %q", u.openMessage)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("the folder holds %d files", len(es))
	}
}

// failingWriter is a save dialog's writer for a place that fails on Close
// (a full disk, a network folder gone).
type failingWriter struct{ closed bool }

func (w *failingWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *failingWriter) Close() error                { w.closed = true; return errors.New("disk full") }
func (w *failingWriter) URI() fyne.URI               { return storage.NewFileURI("/net/share/out.json") }

func TestCloseErrorIsReported(t *testing.T) {
	u := newTestUI(t)
	w := &failingWriter{}
	u.saveChosen(w, "The timeline", func() func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	})
	u.settle()
	if m := u.openMessage; !strings.Contains(m, "disk full") || !strings.Contains(m, "out.json") || !w.closed {
		t.Errorf("message %q, closed %v", m, w.closed)
	}
}

// slowWriter is a save dialog's writer that holds each Write until the
// test lets it go (or a while has passed: then it says it waited).
type slowWriter struct {
	bytes.Buffer
	go_    chan struct{}
	waited bool
	closed chan struct{}
}

func (w *slowWriter) Write(p []byte) (int, error) {
	select {
	case <-w.go_:
	case <-time.After(2 * time.Second):
		w.waited = true
	}
	return w.Buffer.Write(p)
}
func (w *slowWriter) Close() error  { close(w.closed); return nil }
func (w *slowWriter) URI() fyne.URI { return storage.NewFileURI("/tmp/slide.png") }

// TestImageIsEncodedOffTheUIGoroutine checks that saving an exported image
// leaves the UI goroutine as soon as the slide is drawn: encoding and
// writing it (4 s for 8192x8192 on the build machine) froze the window.
func TestImageIsEncodedOffTheUIGoroutine(t *testing.T) {
	u := newTestUI(t)
	w := &slowWriter{go_: make(chan struct{}), closed: make(chan struct{})}
	u.saveChosen(w, "The image", func() func(io.Writer) error { return u.pngOf(fyne.NewSize(320, 200)) })
	close(w.go_) // the save has come back: let the writing go on
	u.settle()
	if w.waited {
		t.Fatal("the image was written before the save came back: on the UI goroutine")
	}
	<-w.closed
	if c, err := png.DecodeConfig(&w.Buffer); err != nil || c.Width != 320 {
		t.Errorf("the image: %v, %+v", err, c)
	}
}

func TestFailedExportLeavesTheFile(t *testing.T) {
	out, wc := fileWriter(t, "keep.json", "keep me")
	err := writeURI(wc, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("encode failed")
	})
	if err == nil {
		t.Error("no error")
	}
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Errorf("the file became %q", b)
	}
	if es, _ := os.ReadDir(filepath.Dir(out)); len(es) != 1 {
		t.Errorf("the folder holds %d files", len(es))
	}
}
