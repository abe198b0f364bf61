// Command trump-kim-letters shows the known correspondence and meetings
// between Donald Trump and Kim Jong Un, 2018–2020, on a horizontal timeline
// with fuzzy search and detail cards. All data is embedded; it never uses the
// network.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	// Its init runs before Fyne reads the locale: it needs only os and
	// strings, so Go initialises it early (.ci/e2e.sh checks the log).
	_ "trumpkim/app/locale"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"trumpkim/app"
	"trumpkim/app/cli"
	"trumpkim/app/desktop"
	"trumpkim/app/web"
	"trumpkim/assets"
	"trumpkim/data"
)

// fyneAppTOML gives About the version when the binary was built with go
// build rather than fyne package.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// appID is the app's ID, as in FyneApp.toml: it names the folder of its
// settings.
const appID = "org.trumpkimletters.app"

func main() {
	if handled, code := cli.Run(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	synthetic := flag.Int("synthetic", envInt("TRUMPKIM_SYNTHETIC"), "open a generated data set of `N` events instead of the article's (also $TRUMPKIM_SYNTHETIC)")
	present := flag.Bool("present", false, "open in presentation mode, fullscreen (Escape leaves)")
	reveal := flag.Bool("reveal", false, "predict, then reveal: each slide hides what happened until the next click (R in presentation mode)")
	from := flag.String("from", "", "open at the event with this `ID` (with --present, present from it)")
	exportPNG := flag.String("export-png", "", "write the slide of --event of the timeline named (default the built-in one) as a PNG to `FILE` and exit, without a window")
	event := flag.String("event", "", "the event `ID` that --export-png draws (default the first)")
	size := flag.String("size", "", "the size of --export-png's image, `WxH` (default 1920x1080)")
	exportHandout := flag.String("export-handout", "", "write a printable handout of every event of the timeline named (default the built-in one) as a PDF to `FILE` and exit, without a window")
	paper := flag.String("paper", "a4", "the paper --export-handout's PDF is for: `a4 or letter`")
	flag.Parse()

	var tl *data.Timeline
	if cmd := exportCommand(*exportPNG, *exportHandout); cmd != "" && flag.NArg() > 0 {
		var ok bool
		if tl, ok = cli.LoadTimeline(cmd, flag.Arg(0), os.Stderr); !ok {
			os.Exit(1)
		}
	}
	// A file to open is read before the window is built, so that the
	// first frame shows it; the built-in data is then never built.
	var start *app.StartFile
	if tl == nil && flag.NArg() > 0 {
		var sf app.StartFile
		withoutGC(func() { sf = app.LoadStartFile(flag.Arg(0)) })
		start, tl = &sf, sf.Timeline()
	}
	if tl == nil {
		var err error
		if tl, err = load(*synthetic); err != nil {
			fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
			os.Exit(1)
		}
	}
	resumeGC := func() {}
	if *exportPNG == "" && *exportHandout == "" && len(tl.Events) <= startupGCEvents {
		resumeGC = pauseGC() // until the first frame (startgc.go)
	}
	app.FallbackVersion = app.VersionFromTOML(fyneAppTOML)

	a, store := newFyneApp()
	state, err := store.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
	}
	if *exportPNG != "" {
		if err := app.ExportPNG(a, tl, flag.Arg(0), *exportPNG, *event, *size, state.Theme); err != nil {
			fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
			os.Exit(1)
		}
		return
	}
	if *exportHandout != "" {
		if err := app.ExportHandoutFile(a, tl, flag.Arg(0), *exportHandout, *paper); err != nil {
			fmt.Fprintln(os.Stderr, "trump-kim-letters:", data.Printable(err.Error()))
			os.Exit(1)
		}
		return
	}
	// What Fyne has no API for, done through the windowing system.
	app.HideCursor = desktop.HideCursor
	app.WithGLContext = desktop.WithGLContext
	// What a browser does in place of the window and the save dialogs.
	app.FullScreen, app.Download = web.FullScreen, web.Download // nil outside one
	if err := desktop.CheckDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
		os.Exit(1)
	}
	u := app.NewWithState(a, tl, store, state)
	web.Attach(u.Window()) // keys and colour scheme in a browser; nothing elsewhere
	if *from != "" && tl.Index(*from) < 0 {
		fmt.Fprintf(os.Stderr, "trump-kim-letters: --from: no event with id %q\n", *from)
	}
	if *reveal {
		u.SetReveal(true)
	}
	if *present {
		u.PresentFrom(*from)
	} else if i := tl.Index(*from); i >= 0 {
		u.Select(i)
	}
	if start != nil {
		u.ShowStartFile(*start) // what was skipped, or why the file could not be used
	}
	u.AfterNextFrame(resumeGC)
	a.Lifecycle().SetOnStarted(func() { desktop.FitToScreen(u.Window()) })
	go exitAfterQuit(u.Quitting())
	go quitOnSignal(u)
	u.Window().ShowAndRun()
}

// quitGrace is how long Fyne gets to stop by itself after Quit has saved
// everything: 30 to 210 ms when it works, under a load of 14 on two cores.
const quitGrace = 300 * time.Millisecond

// exitAfterQuit ends the process quitGrace after quitting closes, in case
// Fyne 2.7.1 hangs on its way out: its driver queues the stop hook for the
// main thread while it drains and closes that queue, and when the hook
// lands after the drain, Run waits for it for ever (internal/driver/glfw
// loop.go runGL, internal/app/lifecycle.go WaitForEvents). When Fyne
// stops in time, main returns first and this never runs.
func exitAfterQuit(quitting <-chan struct{}) {
	<-quitting
	time.Sleep(quitGrace)
	os.Exit(0)
}

// quitOnSignal quits as Ctrl+Q does on SIGTERM or SIGINT (a logout, kill,
// Ctrl+C in a terminal). Fyne's own handler stops the driver too, and may
// do so before Quit gets its turn, so the process ends in any case a
// moment later: on its way out Fyne can hang as it does after Ctrl+Q.
func quitOnSignal(u *app.UI) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	fyne.Do(u.Quit)
	time.Sleep(2 * time.Second)
	os.Exit(0)
}

// newFyneApp makes the Fyne app and the store of what the app remembers.
// On the desktop that is state.json in the app's settings folder, and
// Fyne's own preferences stay in memory: Fyne never writes its
// preferences.json, not even at quit (KeepFynePreferencesUnsaved). Fyne
// reads that file in NewWithID, and panics on some: it is checked first.
// Elsewhere (web, mobile) Fyne's preferences are the store.
func newFyneApp() (fyne.App, app.StateStore) {
	dir := app.ConfigDir(appID)
	if dir != "" {
		if err := app.CheckFynePreferences(filepath.Join(dir, app.FynePreferencesFile)); err != nil {
			fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
		}
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	var store app.StateStore = app.PreferencesStore{P: a.Preferences()}
	if dir != "" {
		store = app.StateFile{Path: app.StatePath(dir), Legacy: store}
		app.KeepFynePreferencesUnsaved(a)
	}
	return a, store
}

// exportCommand names the export the flags ask for, for messages:
// "export-png", "export-handout", or "" for none.
func exportCommand(png, handout string) string {
	switch {
	case png != "":
		return "export-png"
	case handout != "":
		return "export-handout"
	}
	return ""
}

func load(synthetic int) (*data.Timeline, error) {
	if synthetic > 0 {
		return data.NewSynthetic(synthetic, 1)
	}
	return data.Default()
}

func envInt(name string) int {
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}
