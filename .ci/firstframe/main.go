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
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdlib.h>

// nextMap waits up to timeout_ms for a MapNotify of a top-level window at
// least 64 pixels wide and returns it, or 0.
static Window nextMap(Display *d, int timeout_ms, int *w, int *h) {
	int fd = ConnectionNumber(d);
	for (;;) {
		while (XPending(d)) {
			XEvent ev;
			XNextEvent(d, &ev);
			if (ev.type != MapNotify) continue;
			XWindowAttributes a;
			if (!XGetWindowAttributes(d, ev.xmap.window, &a)) continue;
			if (a.width < 64 || a.height < 64) continue;
			*w = a.width; *h = a.height;
			return ev.xmap.window;
		}
		fd_set set; FD_ZERO(&set); FD_SET(fd, &set);
		struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
		if (select(fd + 1, &set, NULL, NULL, &tv) <= 0) return 0;
	}
}

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
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	timeout := flag.Duration("timeout", 30*time.Second, "give up after `d`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: firstframe [-timeout d] PROGRAM [ARGS...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	mapped, frame, cpu, err := measure(flag.Args(), *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(1)
	}
	fmt.Printf("mapped_ms=%.1f frame_ms=%.1f cpu_ms=%.1f\n", ms(mapped), ms(frame), ms(cpu))
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

func measure(args []string, timeout time.Duration) (mapped, frame, cpu time.Duration, err error) {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return 0, 0, 0, fmt.Errorf("cannot open display %q", os.Getenv("DISPLAY"))
	}
	defer C.XCloseDisplay(d)
	C.XSelectInput(d, C.XDefaultRootWindow(d), C.SubstructureNotifyMask)
	C.XSync(d, 0)

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, fmt.Errorf("start %s: %w", args[0], err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}()

	var w, h C.int
	var win C.Window
	for win == 0 {
		if time.Since(start) > timeout {
			return 0, 0, 0, fmt.Errorf("no window mapped within %v", timeout)
		}
		select {
		case err := <-exited:
			exited <- err
			return 0, 0, 0, fmt.Errorf("%s exited before it mapped a window: %v", args[0], err)
		default:
		}
		win = C.nextMap(d, 100, &w, &h)
	}
	mapped = time.Since(start)
	for C.drawn(d, win, w, h) == 0 {
		if time.Since(start) > timeout {
			return mapped, 0, 0, fmt.Errorf("window mapped after %v but nothing drawn within %v", mapped, timeout)
		}
		time.Sleep(500 * time.Microsecond)
	}
	frame = time.Since(start)
	return mapped, frame, cpuTime(cmd.Process.Pid), nil
}
