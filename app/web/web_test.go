package web

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestUnnamedKey(t *testing.T) {
	for _, c := range []struct {
		code string
		want fyne.KeyName // "" for one the driver names (or the app needs not)
	}{
		{"KeyB", fyne.KeyB}, {"KeyW", fyne.KeyW}, {"KeyR", fyne.KeyR}, {"KeyA", fyne.KeyA}, {"KeyZ", fyne.KeyZ},
		{"Period", fyne.KeyPeriod}, {"PageDown", fyne.KeyPageDown}, {"PageUp", fyne.KeyPageUp},
		{"Home", fyne.KeyHome}, {"End", fyne.KeyEnd},
		{"ArrowRight", ""}, {"Space", ""}, {"Escape", ""}, {"F5", ""}, {"Digit1", ""}, {"Enter", ""},
		{"Key", ""}, {"Keyb", ""}, {"KeyAB", ""}, {"", ""},
	} {
		got, ok := UnnamedKey(c.code)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("UnnamedKey(%q) = %q, %v; want %q", c.code, got, ok, c.want)
		}
	}
}
