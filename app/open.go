package app

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"trumpkim/data"
)

// AppName is the application's name, in window titles and dialogs.
const AppName = "Trump–Kim Letters"

// maxRecent is how many files File > Open recent lists.
const maxRecent = 8

// loaded is what opening a file gave: the timeline (nil when nothing was
// usable), the problems of what was skipped, and an error when nothing could
// be used.
type loaded struct {
	name     string // what to call the file in messages: its base name
	path     string // for the recent list; empty when there is no path
	tl       *data.Timeline
	problems data.Problems
	err      error
}

// OpenFile opens a timeline file (the app's JSON, TimelineJS JSON or a
// TimelineJS spreadsheet CSV) by path, off the UI goroutine. A file that
// cannot be used changes nothing: the current timeline stays and a dialog
// says what is wrong and where.
func (u *UI) OpenFile(path string) {
	u.loadInBackground(func() loaded {
		tl, ps, err := data.LoadFile(path)
		return loaded{name: filepath.Base(path), path: path, tl: tl, problems: ps, err: err}
	})
}

// StartFile is a timeline file named on the command line (or handed over
// by a file manager's "Open with"), read before the window is built so
// that the window's first frame shows it and the built-in data is never
// built. LoadStartFile reads it; ShowStartFile says, once the window is
// there, what was skipped or why the file could not be used.
type StartFile struct{ l loaded }

// LoadStartFile reads the timeline file at path, on the calling goroutine.
func LoadStartFile(path string) StartFile {
	tl, ps, err := data.LoadFile(path)
	if err != nil {
		tl = nil
	}
	return StartFile{loaded{name: filepath.Base(path), path: path, tl: tl, problems: ps, err: err}}
}

// Timeline is the file's timeline, or nil when it cannot be used: the app
// then opens with the built-in data and ShowStartFile explains.
func (s StartFile) Timeline() *data.Timeline { return s.l.tl }

// ShowStartFile finishes opening the start file in a UI made with its
// timeline (or, when it could not be used, with another): it becomes the
// file Save and Open recent know, and a dialog lists what was skipped or
// says why the file could not be opened.
func (u *UI) ShowStartFile(s StartFile) {
	l := s.l
	if l.tl == nil {
		u.showProblems(fmt.Sprintf("%s could not be opened", l.name),
			"The built-in timeline is shown instead.", l.problems, l.err)
		return
	}
	if u.tl != l.tl {
		u.SetTimeline(l.tl)
	}
	u.source = l.path
	u.addRecent(l.path)
	if len(l.problems) > 0 {
		u.showSkipped(l)
	}
}

// openURI opens a file chosen in the file dialog or dropped on the window.
func (u *UI) openURI(uri fyne.URI) {
	u.loadInBackground(func() loaded {
		l := loaded{name: uri.Name()}
		if uri.Scheme() == "file" {
			l.path = uri.Path()
			l.tl, l.problems, l.err = data.LoadFile(l.path)
			return l
		}
		r, err := storage.Reader(uri)
		if err != nil {
			l.err = err
			return l
		}
		defer r.Close()
		l.tl, l.problems, l.err = data.Load(uri.Name(), r)
		return l
	})
}

// loadInBackground runs load on its own goroutine (a 50 MB file takes
// seconds) and shows what it gave on the UI goroutine.
func (u *UI) loadInBackground(load func() loaded) {
	u.opening.Add(1)
	go func() {
		defer u.opening.Done()
		l := load()
		handBack(func() { u.showLoaded(l) })
	}()
}

// showLoaded switches to the loaded timeline, or explains why not.
func (u *UI) showLoaded(l loaded) {
	if l.err != nil || l.tl == nil {
		u.showProblems(fmt.Sprintf("%s could not be opened", l.name),
			"Nothing was changed: the timeline you had is still open.", l.problems, l.err)
		return
	}
	u.SetTimeline(l.tl)
	u.source = l.path
	if l.path != "" {
		u.addRecent(l.path)
	}
	if len(l.problems) > 0 {
		u.showSkipped(l)
	}
}

// showSkipped lists what opening l left out.
func (u *UI) showSkipped(l loaded) {
	u.showProblems(fmt.Sprintf("%s opened with %s skipped", l.name, data.Count(len(l.problems), "problem")),
		fmt.Sprintf("%s were loaded; what is listed below was left out.", data.Count(len(l.tl.Events), "event")), l.problems, nil)
}

// showProblems shows a dialog listing up to data.MaxListed problems.
func (u *UI) showProblems(title, lead string, ps data.Problems, err error) {
	var b strings.Builder
	b.WriteString(lead)
	b.WriteString("\n")
	var own data.Problems
	if len(ps) == 0 && errors.As(err, &own) {
		ps = own
	}
	ps.WriteList(&b, "\n• ", "")
	if len(ps) == 0 && err != nil {
		b.WriteString("\n" + err.Error())
	}
	msg := title + "\n" + b.String()
	if u.openMessage == msg {
		return // showing already: the same file opened twice
	}
	u.openMessage = msg
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(min(640, u.win.Canvas().Size().Width*0.8), min(320, u.win.Canvas().Size().Height*0.6)))
	u.showDialog(dialog.NewCustom(title, "OK", scroll, u.win), func() { u.openMessage = "" })
}

// windowTitle is the open timeline's title with the app's name.
func (u *UI) windowTitle() string {
	if u.tl == nil || u.tl.Title == "" || u.tl.Title == AppName {
		return AppName
	}
	return u.tl.Title + " — " + AppName
}

// ShowOpen asks for a file to open.
func (u *UI) ShowOpen() {
	if u.dialogOpen() {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		uri := r.URI()
		r.Close()
		u.openURI(uri)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv"}))
	d.Resize(u.dialogSize())
	u.showDialog(d)
}

// ReopenBuiltin goes back to the embedded Trump–Kim data set.
func (u *UI) ReopenBuiltin() {
	tl, err := data.Default()
	if err != nil {
		u.showProblems("The built-in timeline could not be read", "", nil, err)
		return
	}
	u.SetTimeline(tl)
	u.source = ""
}

// ShowExportTimelineJS asks where to save the open timeline as TimelineJS
// JSON, and saves it there.
func (u *UI) ShowExportTimelineJS() {
	if !u.dialogOpen() {
		u.save(u.timelineJSFile())
	}
}

func (u *UI) timelineJSSaveDialog() *dialog.FileDialog {
	return u.saveDialog(u.timelineJSFile())
}

// timelineJSFile is the open timeline as a TimelineJS file to save (see save).
func (u *UI) timelineJSFile() (name, ext, what string, prepare func() func(io.Writer) error) {
	name = data.Slug(u.tl.Title)
	if name == "" {
		name = "timeline"
	}
	return name + ".json", ".json", "The timeline", func() func(io.Writer) error {
		tl := u.tl // the one open now; a timeline is never changed once loaded
		return func(w io.Writer) error { return data.ExportTimelineJS(tl, w) }
	}
}

func (u *UI) dialogSize() fyne.Size {
	s := u.win.Canvas().Size()
	return fyne.NewSize(max(480, s.Width*0.8), max(360, s.Height*0.8))
}

// Recent is the list of recently opened files, newest first.
func (u *UI) Recent() []string { return u.state.Recent }

func (u *UI) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range u.Recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	st := u.state
	st.Recent = list
	u.saveState(st)
	u.refreshRecentMenu()
}

func (u *UI) fillRecent() {
	var items []*fyne.MenuItem
	for _, p := range u.Recent() {
		items = append(items, fyne.NewMenuItem(p, func() { u.OpenFile(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent files", nil)
		none.Disabled = true
		items = append(items, none)
	}
	u.recentItem.ChildMenu.Items = items
}

func (u *UI) refreshRecentMenu() {
	if u.recentItem == nil {
		return
	}
	u.fillRecent()
	if u.menu != nil {
		u.menu.Refresh()
	}
}

// dropped opens the first file dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) > 0 {
		u.openURI(uris[0])
	}
}
