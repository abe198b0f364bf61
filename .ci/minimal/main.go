// Command minimal is the yardstick for the app's start-up time: the smallest
// Fyne program with a window, a label in a 1280x800 window, built with the
// same flags as the release binary (see .ci/startup.sh). It lives under
// .ci/, which the go tool's ./... patterns skip.
//
// With -animate it is the yardstick for frames instead (.ci/framebench.sh):
// one rectangle moving back and forth across the window without end, so
// that every frame Fyne can draw is drawn.
package main

import (
	"flag"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	animate := flag.Bool("animate", false, "move a rectangle across the window without end")
	flag.Parse()
	a := app.NewWithID("org.trumpkimletters.minimal")
	w := a.NewWindow("Minimal")
	if *animate {
		r := canvas.NewRectangle(color.NRGBA{R: 0x4a, G: 0x90, B: 0xe2, A: 0xff})
		r.Resize(fyne.NewSize(100, 100))
		w.SetContent(container.NewWithoutLayout(r))
		anim := canvas.NewPositionAnimation(fyne.NewPos(0, 350), fyne.NewPos(1180, 350), time.Second, r.Move)
		anim.AutoReverse = true
		anim.RepeatCount = fyne.AnimationRepeatForever
		anim.Start()
	} else {
		w.SetContent(widget.NewLabel("Hello"))
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
