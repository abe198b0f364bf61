package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// inABrowser makes the UIs the test builds act as in a web build, with
// FullScreen and Download hooks that record what they are asked.
type browserHooks struct {
	fullScreen []bool
	left       func()
	name       string
	data       []byte
	err        error
}

func inABrowser(t *testing.T) *browserHooks {
	t.Helper()
	h := &browserHooks{}
	was, fs, dl := inBrowser, FullScreen, Download
	t.Cleanup(func() { inBrowser, FullScreen, Download = was, fs, dl })
	inBrowser = true
	FullScreen = func(on bool, left func()) { h.fullScreen, h.left = append(h.fullScreen, on), left }
	Download = func(name string, data []byte) error {
		h.name, h.data = name, bytes.Clone(data)
		return h.err
	}
	return h
}

func menuLabels(u *UI) string {
	var b strings.Builder
	for _, m := range u.Window().MainMenu().Items {
		b.WriteString(m.Label + ":")
		for _, it := range m.Items {
			if it.IsSeparator {
				b.WriteString(" |")
			} else {
				b.WriteString(" " + it.Label + ",")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestBrowserHidesWhatCannotWorkThere(t *testing.T) {
	inABrowser(t)
	u := newTestUI(t)
	got := menuLabels(u)
	for _, gone := range []string{"Open…", "Open recent", "Reopen the built-in timeline", "Quit"} {
		if strings.Contains(got, " "+gone+",") {
			t.Errorf("a browser's menu has %q:\n%s", gone, got)
		}
	}
	want := "File: Export as TimelineJS…, Export image…, Export handout…,\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("File menu, without separators at its edges or doubled:\n%s\nwant it to start %q", got, want)
	}
	for _, kept := range []string{"Presentation mode", "Dark theme", "Bigger text", "Next event", "Search", "Keyboard shortcuts", "About"} {
		if !strings.Contains(got, " "+kept+",") {
			t.Errorf("a browser's menu lost %q:\n%s", kept, got)
		}
	}
	for _, row := range u.shortcutRows() {
		if row[0] == "Ctrl+O" || row[0] == "Ctrl+Q" {
			t.Errorf("Help lists %q, which a browser hides", row[0])
		}
	}
	shortcut(u, fyne.KeyO, fyne.KeyModifierShortcutDefault)
	if u.dialogOpen() {
		t.Error("Ctrl+O opened a dialog in a browser")
	}
}

func TestDesktopMenuKeepsEverything(t *testing.T) {
	u := newTestUI(t)
	got := menuLabels(u)
	for _, l := range []string{"Open…", "Open recent", "Reopen the built-in timeline", "Quit"} {
		if !strings.Contains(got, " "+l+",") {
			t.Errorf("the desktop menu has no %q:\n%s", l, got)
		}
	}
}

func TestBrowserPresentationGoesFullScreenThroughTheHook(t *testing.T) {
	h := inABrowser(t)
	u := newTestUI(t)
	key(u, fyne.KeyF5)
	if !u.Presenting() || len(h.fullScreen) != 1 || !h.fullScreen[0] {
		t.Fatalf("F5: presenting=%v, full screen asked %v", u.Presenting(), h.fullScreen)
	}
	if u.Window().FullScreen() {
		t.Error("F5 also asked Fyne's window, whose web driver cannot")
	}
	h.left() // Escape, as the browser leaves full screen
	if u.Presenting() {
		t.Fatal("leaving the browser's full screen left presentation mode on")
	}
	key(u, fyne.KeyF5)
	key(u, fyne.KeyEscape)
	if u.Presenting() || h.fullScreen[len(h.fullScreen)-1] {
		t.Errorf("Escape: presenting=%v, full screen asked %v", u.Presenting(), h.fullScreen)
	}
}

func TestBrowserExportsDownload(t *testing.T) {
	h := inABrowser(t)
	u := newTestUI(t)
	u.Select(u.tl.Index("hanoi-summit"))
	u.ShowExportTimelineJS()
	if u.dialogOpen() {
		t.Fatal("Export as TimelineJS opened a dialog in a browser")
	}
	u.saving.Wait()
	u.settle()
	var tj map[string]any
	if h.name != "trump-kim-letters.json" || json.Unmarshal(h.data, &tj) != nil || tj["events"] == nil {
		t.Errorf("downloaded %q, %d bytes, not TimelineJS JSON", h.name, len(h.data))
	}

	u.save(u.imageFile(fyne.NewSize(320, 200)))
	u.saving.Wait()
	u.settle()
	img, err := png.Decode(bytes.NewReader(h.data))
	if h.name != "trump-kim-hanoi-summit.png" || err != nil || img.Bounds().Dx() != 320 || img.Bounds().Dy() != 200 {
		t.Errorf("downloaded %q: %v", h.name, err)
	}

	h.err = errors.New("the browser refused")
	u.ShowExportTimelineJS()
	u.saving.Wait()
	u.settle()
	if !u.dialogOpen() || !strings.Contains(u.openMessage, "the browser refused") {
		t.Errorf("a failed download says %q", u.openMessage)
	}
}
