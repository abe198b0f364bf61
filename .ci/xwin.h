// xwin.h: C helpers that .ci/firstframe and .ci/framebench share. Each of
// them has a symbolic link to it, so that the go tool counts it among the
// package's files and rebuilds the package when it changes.
#include <X11/Xlib.h>
#include <sys/select.h>

// nextMap waits up to timeout_ms for a MapNotify of a top-level window at
// least 64 pixels wide and returns it, or 0. The caller has selected
// SubstructureNotify on the root window.
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
