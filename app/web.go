package app

import (
	"bytes"
	"io"
	"runtime"
)

// In a browser (a web build, GOOS=js) the app runs in a page: there is no
// file to open by path, no save dialog that can write anywhere, no
// quitting a page, and the page, not Fyne's web driver, can go full
// screen. What cannot work there is hidden (the key map's desktopOnly
// actions); the rest goes through what the browser offers, by the hooks
// below, which main sets from trumpkim/app/web.

// inBrowser reports whether the app runs in a browser. Tests set it.
var inBrowser = runtime.GOOS == "js"

// FullScreen, when set, puts the app in and out of full screen in place of
// the window (Fyne 2.7.1's web driver cannot; the browser can). left is
// called on the UI goroutine when the person leaves full screen another
// way (Escape or F11 in a browser).
var FullScreen func(on bool, left func())

// Download, when set, is how a file the app saves reaches the person in
// place of a save dialog: a browser downloads it as name.
var Download func(name string, data []byte) error

// dropDesktopOnly takes the desktopOnly actions out of the menus (and so
// out of the shortcuts and Help), with the separators they leave at an
// edge or doubled, and menus left empty.
func (m *keyMap) dropDesktopOnly() {
	menus := m.menus[:0]
	for _, menu := range m.menus {
		var as []*action
		for _, a := range menu.actions {
			switch {
			case a != nil && a.desktopOnly:
			case a == nil && (len(as) == 0 || as[len(as)-1] == nil):
			default:
				as = append(as, a)
			}
		}
		if len(as) > 0 && as[len(as)-1] == nil {
			as = as[:len(as)-1]
		}
		if len(as) > 0 {
			menus = append(menus, menuSpec{menu.name, as})
		}
	}
	m.menus = menus
}

// setFullScreen puts the window in or out of full screen, through
// FullScreen when it is set.
func (u *UI) setFullScreen(on bool) {
	if FullScreen == nil {
		u.win.SetFullScreen(on)
		return
	}
	FullScreen(on, func() { u.Present(false) })
}

// saveLabel is the label of the button that goes on to save a file.
func saveLabel() string {
	if Download != nil {
		return "Download"
	}
	return "Save…"
}

// save saves what the writer prepare returns writes (see saveChosen) as a
// file named name, of extension ext: through a save dialog, or as a
// download when Download is set. what ("The image") names it in a message
// when that fails.
func (u *UI) save(name, ext, what string, prepare func() func(io.Writer) error) {
	if Download == nil {
		u.showSaveDialog(u.saveDialog(name, ext, what, prepare))
		return
	}
	write := prepare()
	u.saving.Add(1)
	go func() {
		defer u.saving.Done()
		var b bytes.Buffer
		err := write(&b)
		if err == nil {
			err = Download(name, b.Bytes())
		}
		if err != nil {
			handBack(func() { u.saveFailed(what, err) })
		}
	}()
}
