// Command framebench measures the frames a program draws on screen while
// it is zoomed and panned: it starts the program on the current X display
// (an Xvfb, see .ci/framebench.sh), waits for its window and for it to
// settle, then for -seconds zooms it with the mouse wheel and for -seconds
// pans it by dragging, both continuously, with input faked through XTest
// at -rate events a second (faster than a 60 Hz screen, so that input is
// never what the frames wait for). It lives under .ci/, which the go
// tool's ./... patterns skip; build it with `go build ./.ci/framebench`.
//
// The program has settled when its window has not changed for -quiet and
// it used less than a tenth of a processor meanwhile: a program still busy
// (starting, building an index) may draw nothing for a while.
//
// A frame is counted when it reaches the screen: the X server reports every
// change to the window's pixels (the DAMAGE extension, raw rectangles), with
// the server's time of it, and changes less than -gap apart are one frame
// (a program may put a frame on screen in several pieces; no screen shows
// two frames within a couple of milliseconds). What the program schedules
// or draws off screen is not seen at all.
//
// For each of zoom and pan it prints one line:
//
//	phase=zoom frames=N fps=F median_ms=M p95_ms=P max_ms=X cpu_ms=C
//
// fps is the frames counted over the phase's length; the times are between
// consecutive frames within it; C is the CPU time the program used during
// the phase, all its threads (Mesa's rendering threads too): on a machine
// others share, the frame times also count waiting for a processor, and C
// shows the work itself. The pointer zooms around and drags from
// -at (window coordinates): a point on the app's timeline. Zooming goes in
// -steps wheel clicks, then out as many, over and over, so that the view
// never reaches a limit where the wheel does nothing; panning first zooms in
// -steps clicks, then drags -steps moves of -px pixels right, then back.
package main

/*
#cgo LDFLAGS: -lX11 -lXdamage -lXtst
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>
#include <stdlib.h>
#include <sys/select.h>
#include <time.h>

static double now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// damageBase is the DAMAGE extension's first event number.
static int damageBase;

// watch starts reporting every change to win's pixels; 0 when the server
// has no DAMAGE extension.
static int watch(Display *d, Window win) {
	int err;
	if (!XDamageQueryExtension(d, &damageBase, &err)) return 0;
	XDamageCreate(d, win, XDamageReportRawRectangles);
	XSync(d, False);
	return 1;
}

// serverTime returns the X server's time now (ms), from the PropertyNotify a
// change to a property of own (a window of ours) brings back.
static unsigned long serverTime(Display *d, Window own) {
	Atom a = XInternAtom(d, "FRAMEBENCH_NOW", False);
	XChangeProperty(d, own, a, XA_STRING, 8, PropModeAppend, NULL, 0);
	XSync(d, False);
	for (;;) {
		XEvent ev;
		XWindowEvent(d, own, PropertyChangeMask, &ev);
		if (ev.type == PropertyNotify && ev.xproperty.atom == a) return ev.xproperty.time;
	}
}

// collect reads the events waiting, appending the server time of each
// damage event to times (up to cap) and returning how many it holds now.
static int collect(Display *d, unsigned long *times, int n, int cap) {
	while (XPending(d)) {
		XEvent ev;
		XNextEvent(d, &ev);
		if (ev.type == damageBase + XDamageNotify) {
			XDamageNotifyEvent *de = (XDamageNotifyEvent *)&ev;
			if (n < cap) times[n++] = de->timestamp;
		}
	}
	return n;
}

// wait reads events for ms milliseconds.
static int waitFor(Display *d, double ms, unsigned long *times, int n, int cap) {
	int fd = ConnectionNumber(d);
	double end = now_ms() + ms;
	for (;;) {
		n = collect(d, times, n, cap);
		double left = end - now_ms();
		if (left <= 0) return n;
		fd_set set; FD_ZERO(&set); FD_SET(fd, &set);
		struct timeval tv = { (long)(left / 1000), (long)((long)(left * 1000) % 1000000) };
		select(fd + 1, &set, NULL, NULL, &tv);
	}
}

// settle waits until the window has not changed for quiet_ms, or max_ms
// have passed; it returns the damage events seen meanwhile.
static int settle(Display *d, double quiet_ms, double max_ms) {
	unsigned long t[1];
	double start = now_ms(), last = start;
	int seen = 0;
	while (now_ms() - start < max_ms && now_ms() - last < quiet_ms) {
		int n = waitFor(d, 10, t, 0, 1);
		if (n > 0) { seen++; last = now_ms(); }
	}
	return seen;
}

static void wheel(Display *d, int button) {
	XTestFakeButtonEvent(d, button, True, 0);
	XTestFakeButtonEvent(d, button, False, 0);
	XFlush(d);
}

static void moveTo(Display *d, int x, int y) {
	XTestFakeMotionEvent(d, -1, x, y, 0);
	XFlush(d);
}

// phase fakes input for ms milliseconds at rate events a second while
// collecting damage times: zoom (pan 0) turns the wheel steps clicks in and
// steps out, over and over, at (x, y); pan holds the first button down at
// (x, y) and drags steps moves of px pixels right, then back. It returns the
// number of times collected and the server times the input began and ended.
static int phase(Display *d, Window own, int pan, int x, int y, int steps, int px, double ms, double rate,
		unsigned long *times, int cap, unsigned long *t0, unsigned long *t1) {
	int n = 0, i = 0, pos = 0;
	double period = 1000.0 / rate;
	moveTo(d, x, y);
	if (pan) {
		XTestFakeButtonEvent(d, 1, True, 0);
		XFlush(d);
	}
	n = waitFor(d, 50, times, 0, 0);
	*t0 = serverTime(d, own);
	double start = now_ms();
	for (;;) {
		double due = start + i * period;
		if (due - start >= ms) break;
		n = waitFor(d, due - now_ms(), times, n, cap);
		int dir = (i / steps) % 2 == 0 ? 1 : -1;
		if (pan) {
			pos += dir * px;
			moveTo(d, x + pos, y);
		} else {
			wheel(d, dir > 0 ? 4 : 5);
		}
		i++;
	}
	*t1 = serverTime(d, own);
	if (pan) {
		XTestFakeButtonEvent(d, 1, False, 0);
		XFlush(d);
	}
	n = collect(d, times, n, cap);
	return n;
}
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

func main() {
	timeout := flag.Duration("timeout", 60*time.Second, "give up when no window is mapped within `d`")
	seconds := flag.Float64("seconds", 4, "how long each of zoom and pan lasts")
	rate := flag.Float64("rate", 120, "input events a second")
	steps := flag.Int("steps", 30, "wheel clicks or drag moves in one direction before turning back")
	px := flag.Int("px", 6, "pixels a drag move goes")
	gap := flag.Int("gap", 2, "changes to the window closer than `ms` are one frame")
	at := flag.String("at", "815,270", "where the pointer zooms and drags, `x,y` in the window")
	quiet := flag.Duration("quiet", 500*time.Millisecond, "the window has settled when it has not changed for `d`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: framebench [flags] PROGRAM [ARGS...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	var x, y int
	if _, err := fmt.Sscanf(*at, "%d,%d", &x, &y); err != nil || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cfg := config{seconds: *seconds, rate: *rate, steps: *steps, px: *px, gap: *gap, x: x, y: y, quiet: *quiet, timeout: *timeout}
	if err := run(flag.Args(), cfg); err != nil {
		fmt.Fprintln(os.Stderr, "framebench:", err)
		os.Exit(1)
	}
}

type config struct {
	seconds, rate  float64
	steps, px, gap int
	x, y           int
	quiet, timeout time.Duration
}

func run(args []string, cfg config) error {
	d := C.XOpenDisplay(nil)
	if d == nil {
		return fmt.Errorf("cannot open display %q", os.Getenv("DISPLAY"))
	}
	defer C.XCloseDisplay(d)
	root := C.XDefaultRootWindow(d)
	C.XSelectInput(d, root, C.SubstructureNotifyMask)
	// A window of our own, never mapped, to read the server's time from.
	own := C.XCreateSimpleWindow(d, root, 0, 0, 1, 1, 0, 0, 0)
	C.XSelectInput(d, own, C.PropertyChangeMask)
	C.XSync(d, 0)

	prog, err := startProgram(args)
	if err != nil {
		return err
	}
	defer prog.stop()
	win, w, h, err := prog.window(d, cfg.timeout)
	if err != nil {
		return err
	}
	if C.watch(d, win) == 0 {
		return fmt.Errorf("the X server has no DAMAGE extension")
	}
	if cfg.x >= int(w) || cfg.y >= int(h) {
		return fmt.Errorf("-at %d,%d is outside the %dx%d window", cfg.x, cfg.y, w, h)
	}
	var wx, wy C.int
	var child C.Window
	C.XTranslateCoordinates(d, win, root, 0, 0, &wx, &wy, &child)
	x, y := C.int(cfg.x)+wx, C.int(cfg.y)+wy
	// Out of the way while the program starts, then settle: the first frames
	// and whatever the program does right after them are not measured.
	C.moveTo(d, C.int(w)-1+wx, C.int(h)-1+wy)
	pid := prog.cmd.Process.Pid
	settle(d, pid, cfg.quiet, cfg.timeout)

	times := make([]C.ulong, 1<<16)
	for _, p := range []struct {
		name string
		pan  C.int
	}{{"zoom", 0}, {"pan", 1}} {
		if p.pan != 0 {
			// Zoom in first, so that there is somewhere to pan to.
			C.moveTo(d, x, y)
			for range cfg.steps {
				C.wheel(d, 4)
				time.Sleep(10 * time.Millisecond)
			}
		}
		settle(d, pid, cfg.quiet, 10*time.Second)
		var t0, t1 C.ulong
		cpu0 := cpuTime(pid)
		n := C.phase(d, own, p.pan, x, y, C.int(cfg.steps), C.int(cfg.px), C.double(cfg.seconds*1000), C.double(cfg.rate),
			(*C.ulong)(unsafe.Pointer(&times[0])), C.int(len(times)), &t0, &t1)
		frames := framesIn(times[:n], uint64(t0), uint64(t1), uint64(cfg.gap))
		cpu := cpuTime(pid) - cpu0
		fmt.Printf("%s cpu_ms=%.0f\n", report(p.name, frames, uint64(t1-t0)), ms(cpu))
		if err := prog.gone("while it was measured"); err != nil {
			return err
		}
	}
	return nil
}

// settle waits until the program has settled (see the package comment),
// or until max has passed.
func settle(d *C.Display, pid int, quiet, max time.Duration) {
	for end := time.Now().Add(max); time.Now().Before(end); {
		start, cpu := time.Now(), cpuTime(pid)
		C.settle(d, C.double(ms(quiet)), C.double(ms(time.Until(end))))
		if cpuTime(pid)-cpu < time.Since(start)/10 {
			return
		}
	}
}

// cpuTime is the CPU time process pid has used so far, all its threads
// (Mesa's rendering threads too), from /proc/PID/stat.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses and may
	// hold spaces: utime and stime are the 12th and 13th of them, in clock
	// ticks (100 a second on Linux).
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// framesIn turns the server times of changes to the window into the times
// of frames between t0 and t1: changes less than gap ms after the one
// before are the same frame.
func framesIn(times []C.ulong, t0, t1, gap uint64) []uint64 {
	var frames []uint64
	last := uint64(0)
	for i, c := range times {
		t := uint64(c)
		if i > 0 && t-last < gap {
			last = t
			continue
		}
		last = t
		if t >= t0 && t <= t1 {
			frames = append(frames, t)
		}
	}
	return frames
}

// report is the line for one phase.
func report(name string, frames []uint64, span uint64) string {
	var gaps []float64
	for i := 1; i < len(frames); i++ {
		gaps = append(gaps, float64(frames[i]-frames[i-1]))
	}
	slices.Sort(gaps)
	q := func(p float64) float64 {
		if len(gaps) == 0 {
			return 0
		}
		return gaps[min(len(gaps)-1, int(p*float64(len(gaps))))]
	}
	fps := 0.0
	if span > 0 {
		fps = float64(len(frames)) * 1000 / float64(span)
	}
	return fmt.Sprintf("phase=%s frames=%d fps=%.1f median_ms=%.0f p95_ms=%.0f max_ms=%.0f", name, len(frames), fps, q(0.5), q(0.95), q(1))
}
