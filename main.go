// Command trump-kim-letters shows the known correspondence and meetings
// between Donald Trump and Kim Jong Un, 2018–2020, on a horizontal timeline
// with fuzzy search and detail cards. All data is embedded; it never uses the
// network.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"trumpkim/app"
	"trumpkim/assets"
	"trumpkim/data"
)

func main() {
	if handled, code := app.RunCLI(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	synthetic := flag.Int("synthetic", envInt("TRUMPKIM_SYNTHETIC"), "open a generated data set of `N` events instead of the article's (also $TRUMPKIM_SYNTHETIC)")
	flag.Parse()

	tl, err := load(*synthetic)
	if err != nil {
		fmt.Fprintln(os.Stderr, "trump-kim-letters:", err)
		os.Exit(1)
	}
	fixLocale()
	a := fyneapp.NewWithID("org.trumpkimletters.app")
	a.SetIcon(assets.Icon)
	u := app.New(a, tl)
	a.Lifecycle().SetOnStarted(func() { fitToScreen(u.Window()) })
	u.Window().ShowAndRun()
}

func load(synthetic int) (*data.Timeline, error) {
	if synthetic > 0 {
		return data.Synthetic(synthetic, 1), nil
	}
	return data.Default()
}

func envInt(name string) int {
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}

// fixLocale stops Fyne from logging "Error parsing user locale C" when the
// system locale is C.UTF-8 (the default of many minimal systems): that
// locale says nothing about language, so we tell Fyne English through
// $LANGUAGE, which only gettext-style lookups read.
func fixLocale() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		l := os.Getenv(v)
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "C.") && os.Getenv("LANGUAGE") == "" {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
