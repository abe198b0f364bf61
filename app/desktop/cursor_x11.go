//go:build cgo && linux && !ci && !wayland && !android && !mobile

package desktop

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

static Display *tk_dpy;
static Cursor tk_blank;

// tk_hide_cursor gives window win a blank pointer (hide != 0) or its
// parent's again. It uses its own connection: a window's cursor is an
// attribute any client may set.
static void tk_hide_cursor(unsigned long win, int hide) {
	if (!tk_dpy && !(tk_dpy = XOpenDisplay(NULL))) {
		return;
	}
	if (hide) {
		if (!tk_blank) {
			char bits[1] = {0};
			XColor black = {0};
			Pixmap p = XCreateBitmapFromData(tk_dpy, (Window)win, bits, 1, 1);
			tk_blank = XCreatePixmapCursor(tk_dpy, p, p, &black, &black, 0, 0);
			XFreePixmap(tk_dpy, p);
		}
		XDefineCursor(tk_dpy, (Window)win, tk_blank);
	} else {
		XUndefineCursor(tk_dpy, (Window)win);
	}
	XFlush(tk_dpy);
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// HideCursor hides the pointer over window w, or shows it again. Fyne
// changes the pointer only when it moves, so presentation mode hides an
// idle pointer through X11 directly.
var HideCursor = hideCursor

func hideCursor(w fyne.Window, hidden bool) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		x, ok := ctx.(driver.X11WindowContext)
		if !ok || x.WindowHandle == 0 {
			return
		}
		hide := C.int(0)
		if hidden {
			hide = 1
		}
		C.tk_hide_cursor(C.ulong(x.WindowHandle), hide)
	})
}
