// Command firstframe measures how long a program takes from process start to
// its first frame on screen: it starts the program on the current X display,
// waits for its top-level window to be mapped (an X event, no polling), then
// reads a few rows of that window's pixels back from the X server every
// half millisecond until any of them is not black. Run it on an Xvfb started
// with -br (a black root window), where a window nobody has drawn into stays
// black, so the first non-black pixel is the first frame the program drew.
//
// It prints one line, "mapped_ms=M frame_ms=F cpu_ms=C", kills the program
// and waits for it. C is the CPU time all the program's threads had used
// when its first frame was seen (from /proc/PID/task/*/schedstat): unlike
// the wall-clock figures it hardly changes when other work competes for the
// processors. It lives under .ci/, which the go tool's ./... patterns skip; build
// it with `go build ./.ci/firstframe`.
//
// With -first FILE it saves the whole window as it was the moment its first
// frame was seen (read at once, before the program's next frame is due),
// and with -settled FILE also the window -settle later; then it adds
// "differ_pct=P" to its line, the share of pixels that differ between the
// two. A first frame that is the finished window differs by almost nothing;
// an empty or half-built one (a splash, a skeleton) differs a lot. The
// pointer is put in the screen's bottom-right corner first, so that no
// hover effect changes the window in between.
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdlib.h>

// drawn reports whether any pixel of rows spread over the window's height
// is not black. Reading through the root window reads what is on screen.
static int drawn(Display *d, Window win, int w, int h) {
	int x, y;
	Window child;
	XTranslateCoordinates(d, win, DefaultRootWindow(d), 0, 0, &x, &y, &child);
	for (int i = 1; i <= 7; i++) {
		XImage *img = XGetImage(d, DefaultRootWindow(d), x, y + h * i / 8, w, 1, AllPlanes, ZPixmap);
		if (!img) continue;
		int any = 0;
		for (int px = 0; px < w && !any; px++) {
			if (XGetPixel(img, px, 0) & 0xffffff) any = 1;
		}
		XDestroyImage(img);
		if (any) return 1;
	}
	return 0;
}
// grab copies the window's pixels (0xRRGGBB) into buf, w*h of them.
static int grab(Display *d, Window win, int w, int h, unsigned int *buf) {
	int x, y;
	Window child;
	XTranslateCoordinates(d, win, DefaultRootWindow(d), 0, 0, &x, &y, &child);
	XImage *img = XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
	if (!img) return 0;
	for (int py = 0; py < h; py++)
		for (int px = 0; px < w; px++)
			buf[py * w + px] = XGetPixel(img, px, py) & 0xffffff;
	XDestroyImage(img);
	return 1;
}
*/
import "C"

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

func main() {
	timeout := flag.Duration("timeout", 30*time.Second, "give up after `d`")
	flag.StringVar(&shots.first, "first", "", "save the first frame as a PNG `file`")
	flag.StringVar(&shots.settled, "settled", "", "save the window -settle after the first frame as a PNG `file` and print how much it differs")
	flag.DurationVar(&shots.settle, "settle", 1500*time.Millisecond, "how long after the first frame -settled is taken")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: firstframe [-timeout d] PROGRAM [ARGS...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	mapped, frame, cpu, differ, err := measure(flag.Args(), *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(1)
	}
	fmt.Printf("mapped_ms=%.1f frame_ms=%.1f cpu_ms=%.1f", ms(mapped), ms(frame), ms(cpu))
	if shots.settled != "" {
		fmt.Printf(" differ_pct=%.2f", differ)
	}
	fmt.Println()
}

// shots is what -first, -settled and -settle ask for.
var shots struct {
	first, settled string
	settle         time.Duration
}

// grab reads the whole window, or returns nil.
func grab(d *C.Display, win C.Window, w, h C.int) []uint32 {
	buf := make([]uint32, int(w)*int(h))
	if C.grab(d, win, w, h, (*C.uint)(unsafe.Pointer(&buf[0]))) == 0 {
		return nil
	}
	return buf
}

func savePNG(name string, px []uint32, w, h int) error {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i, p := range px {
		img.SetRGBA(i%w, i/w, color.RGBA{uint8(p >> 16), uint8(p >> 8), uint8(p), 0xff})
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// differPct is the share of pixels, in percent, that differ between a and b.
func differPct(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 100
	}
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return 100 * float64(n) / float64(len(a))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuTime is the CPU time used so far by all threads of process pid.
func cpuTime(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var ns int64
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		if f := strings.Fields(string(b)); len(f) > 0 {
			n, _ := strconv.ParseInt(f[0], 10, 64)
			ns += n
		}
	}
	return time.Duration(ns)
}

func measure(args []string, timeout time.Duration) (mapped, frame, cpu time.Duration, differ float64, err error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return 0, 0, 0, 0, fmt.Errorf("cannot open display %q", os.Getenv("DISPLAY"))
	}
	defer C.XCloseDisplay(d)
	C.XSelectInput(d, C.XDefaultRootWindow(d), C.SubstructureNotifyMask)
	// The pointer to the screen's bottom-right corner, where a window
	// opened at the top left shows nothing that reacts to hovering: a
	// hover effect appearing after the first frame is not a late frame.
	root := C.XDefaultRootWindow(d)
	var ra C.XWindowAttributes
	C.XGetWindowAttributes(d, root, &ra)
	C.XWarpPointer(d, 0, root, 0, 0, 0, 0, ra.width-1, ra.height-1)
	C.XSync(d, 0)

	prog, err := startProgram(args)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	defer prog.stop()
	start := prog.start
	win, w, h, err := prog.window(d, timeout)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	mapped = time.Since(start)
	for C.drawn(d, win, w, h) == 0 {
		if time.Since(start) > timeout {
			return mapped, 0, 0, 0, fmt.Errorf("window mapped after %v but nothing drawn within %v", mapped, timeout)
		}
		time.Sleep(500 * time.Microsecond)
	}
	frame = time.Since(start)
	cpu = cpuTime(prog.cmd.Process.Pid)
	if shots.first == "" && shots.settled == "" {
		return mapped, frame, cpu, 0, nil
	}
	first := grab(d, win, w, h)
	if first == nil {
		return mapped, frame, cpu, 0, fmt.Errorf("cannot read the window back")
	}
	if shots.first != "" {
		if err := savePNG(shots.first, first, int(w), int(h)); err != nil {
			return mapped, frame, cpu, 0, err
		}
	}
	if shots.settled != "" {
		time.Sleep(shots.settle)
		later := grab(d, win, w, h)
		if later == nil {
			return mapped, frame, cpu, 0, fmt.Errorf("cannot read the window back after %v", shots.settle)
		}
		if err := savePNG(shots.settled, later, int(w), int(h)); err != nil {
			return mapped, frame, cpu, 0, err
		}
		differ = differPct(first, later)
	}
	return mapped, frame, cpu, differ, nil
}
