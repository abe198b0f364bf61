// xrun.go: the part of .ci/firstframe and .ci/framebench that starts the
// program measured and waits for its window. Each of them has a symbolic
// link to it (and to xwin.h), so that the go tool builds it into both.

package main

/*
#cgo LDFLAGS: -lX11
#include "xwin.h"
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// program is a program started on the X display.
type program struct {
	cmd    *exec.Cmd
	name   string
	start  time.Time
	exited chan error
}

// startProgram starts args[0] with the other args, its output on our
// standard error.
func startProgram(args []string) (*program, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	p := &program{cmd: cmd, name: args[0], start: time.Now(), exited: make(chan error, 1)}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", args[0], err)
	}
	go func() { p.exited <- cmd.Wait() }()
	return p, nil
}

// stop ends the program (SIGTERM, then SIGKILL after 5 s) and waits for it.
func (p *program) stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// gone returns an error when the program has exited, saying what it was
// doing (doing: "before it mapped a window").
func (p *program) gone(doing string) error {
	select {
	case err := <-p.exited:
		p.exited <- err
		return fmt.Errorf("%s exited %s: %v", p.name, doing, err)
	default:
		return nil
	}
}

// window waits for the program's top-level window to be mapped (the
// caller has selected SubstructureNotify on the root window) and returns
// it and its size.
func (p *program) window(d *C.Display, timeout time.Duration) (win C.Window, w, h C.int, err error) {
	for win == 0 {
		if time.Since(p.start) > timeout {
			return 0, 0, 0, fmt.Errorf("no window mapped within %v", timeout)
		}
		if err := p.gone("before it mapped a window"); err != nil {
			return 0, 0, 0, err
		}
		win = C.nextMap(d, 100, &w, &h)
	}
	return win, w, h, nil
}
