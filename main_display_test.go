//go:build cgo && linux && !ci && !wasm

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoDisplaySaysSo: started where there is no display (a terminal over
// ssh, a session without X), the app says it cannot open a window and what
// works without one, and exits 1. It panicked with a page of goroutine
// stacks: go-gl's glfw.Init ignores glfwInit's failure and Fyne 2.7.1
// carries on (internal/driver/glfw/loop_desktop.go initGLFW), so the
// first GLFW call after it panics "The GLFW library is not initialized".
func TestNoDisplaySaysSo(t *testing.T) {
	if os.Getenv("TRUMPKIM_TEST_MAIN") == "1" {
		os.Args = []string{"trump-kim-letters"}
		main()
		return
	}
	home := t.TempDir()
	for _, display := range []string{"", ":7913"} { // none, and one no server answers
		cmd := exec.Command(os.Args[0], "-test.run=^TestNoDisplaySaysSo$")
		cmd.Env = append(os.Environ(), "TRUMPKIM_TEST_MAIN=1", "DISPLAY="+display, "WAYLAND_DISPLAY=",
			"HOME="+home, "XDG_CONFIG_HOME="+home)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("DISPLAY=%q: the app ended with %v, want exit status 1", display, err)
		}
		out := stderr.String()
		if strings.Contains(out, "panic:") || strings.Contains(out, "goroutine ") {
			t.Errorf("DISPLAY=%q: the app panicked:\n%.600s", display, out)
		}
		if !strings.Contains(out, "cannot open a window") || !strings.Contains(out, "--export-png") {
			t.Errorf("DISPLAY=%q: the app does not say it cannot open a window and what works without one:\n%.600s", display, out)
		}
	}
}
