package app

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"trumpkim/app/internal/atomicfile"
)

// Fyne's save dialog (dialog.NewFileSave) opens its writer with
// storage.Writer, whose file:// repository truncates the chosen file at
// once (os.Create), before the app has written a byte: a failed or killed
// export then leaves an empty or half-written file where the person's was.
// Fyne 2.7 has no save dialog that gives only the URI. So the app puts a
// repository of its own in front of Fyne's for file:// URIs: the same in
// every way, except that Writer writes through atomicfile, and the target
// is replaced only on Close, whole.

// fileRepository is what Fyne's file:// repository implements.
type fileRepository interface {
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// atomicFileRepository is Fyne's file repository with atomic writers.
type atomicFileRepository struct{ fileRepository }

// useAtomicFileWriter registers atomicFileRepository for file:// URIs, in
// front of the one the driver registered (once: the driver registers its
// own each time a Fyne app is made).
func useAtomicFileWriter() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := repo.(atomicFileRepository); done {
		return
	}
	if base, ok := repo.(fileRepository); ok {
		repository.Register("file", atomicFileRepository{base})
	}
}

// Writer returns a writer that replaces u's file on Close, whole; until
// then the file is as it was. A writer closed after a failed write still
// replaces it: call Abort instead (writeURI does).
func (r atomicFileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	f, err := atomicfile.Create(u.Path(), atomicfile.DocumentMode)
	if err != nil {
		return nil, err
	}
	return &atomicURIWriter{File: f, uri: u}, nil
}

// atomicURIWriter is a fyne.URIWriteCloser over an atomicfile.File.
type atomicURIWriter struct {
	*atomicfile.File
	uri fyne.URI
}

func (w *atomicURIWriter) Close() error  { return w.Commit() }
func (w *atomicURIWriter) URI() fyne.URI { return w.uri }

// writeURI writes what write writes through wc, a writer a save dialog
// gave, and closes it: on success its content is in place (for a file,
// whole, by atomicFileRepository), and Close's error is reported; when
// write fails, a file is left as it was. wc must not be nil.
func writeURI(wc fyne.URIWriteCloser, write func(io.Writer) error) error {
	if err := write(wc); err != nil {
		discard(wc)
		return err
	}
	if err := wc.Close(); err != nil {
		return fmt.Errorf("save %s: %w", wc.URI().Name(), err)
	}
	return nil
}

// saveDialog makes a save dialog, offering name (of extension ext), that
// saves to the file chosen (saveChosen) what the writer prepare returns
// writes; what ("The image") names it in a message when that fails.
func (u *UI) saveDialog(name, ext, what string, prepare func() func(io.Writer) error) *dialog.FileDialog {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err == nil && wc == nil {
			return // cancelled
		}
		if err != nil {
			u.saveFailed(what, err)
			return
		}
		u.saveChosen(wc, what, prepare)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(u.dialogSize())
	return d
}

// saveChosen saves to wc, a save dialog's writer (see writeURI), unless wc
// is the file the open timeline was read from. prepare runs here, on the
// UI goroutine, for what must be read or drawn there (the app's state,
// Fyne's widgets); the writer it returns runs on a goroutine of its own,
// so that the window goes on answering while it encodes and writes (a
// 3840x2160 PNG, or a large timeline's JSON, takes seconds). A failure
// comes back as a message.
func (u *UI) saveChosen(wc fyne.URIWriteCloser, what string, prepare func() func(io.Writer) error) {
	if isFile(wc.URI(), u.source) {
		discard(wc)
		u.saveFailed(what, fmt.Errorf("%s is the file the timeline was opened from; save to another file", wc.URI().Name()))
		return
	}
	write := prepare()
	u.saving.Add(1)
	go func() {
		defer u.saving.Done()
		if err := writeURI(wc, write); err != nil {
			handBack(func() { u.saveFailed(what, err) })
		}
	}()
}

func (u *UI) saveFailed(what string, err error) {
	u.showProblems(what+" could not be saved", "Nothing was written.", nil, err)
}

// discard closes wc leaving its file as it was, when wc can (an
// atomicURIWriter); others are closed.
func discard(wc fyne.URIWriteCloser) {
	if a, ok := wc.(interface{ Abort() error }); ok {
		a.Abort()
	} else {
		wc.Close()
	}
}

// isFile reports whether u is a file:// URI naming the file at path.
func isFile(u fyne.URI, path string) bool {
	return path != "" && u != nil && u.Scheme() == "file" && atomicfile.SameFile(u.Path(), path)
}
