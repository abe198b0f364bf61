// Command minimal is the yardstick for the app's start-up time: the smallest
// Fyne program with a window, a label in a 1280x800 window, built with the
// same flags as the release binary (see .ci/startup.sh). It lives under
// .ci/, which the go tool's ./... patterns skip.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.trumpkimletters.minimal")
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
