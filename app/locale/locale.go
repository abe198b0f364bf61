// Package locale keeps Fyne from greeting people with "Error parsing user
// locale C" on systems whose locale is C.UTF-8 (the default of many minimal
// and container images). Fyne reads the locale while its packages
// initialise, before main runs, so this has to happen in an init function of
// a package that Go initialises first: it imports nothing but os and
// strings, and main imports it.
package locale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets $LANGUAGE to English when the locale is C.UTF-8 (or another
// "C." variant), which names no language; gettext-style lookups, Fyne's
// among them, read $LANGUAGE first. Nothing changes when a language is set.
func Fix() {
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
