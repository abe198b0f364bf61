package app

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// FallbackVersion is the version About shows when the app was built with
// go build rather than fyne package (which fills the app metadata); main
// sets it from the FyneApp.toml it embeds (see VersionFromTOML).
var FallbackVersion = ""

// Version is the app's version: the packaged metadata's, else
// FallbackVersion, else "unknown".
func Version() string {
	if a := fyne.CurrentApp(); a != nil {
		m := a.Metadata()
		// Fyne's default metadata, when nothing was packaged, is 0.0.1
		// without an ID.
		if m.Version != "" && (m.ID != "" || m.Version != "0.0.1") {
			return m.Version
		}
	}
	if FallbackVersion != "" {
		return FallbackVersion
	}
	return "unknown"
}

// VersionFromTOML reads Details.Version from the text of a FyneApp.toml; ""
// when it has none.
func VersionFromTOML(toml []byte) string {
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "Details" || strings.TrimSpace(key) != "Version" {
			continue
		}
		return strings.Trim(strings.TrimSpace(value), `"`)
	}
	return ""
}

// shortcutRows is what Help > Keyboard shortcuts lists, from the key map:
// each action with keys, as its keys and what it does, then the keys of
// presentation mode under a heading (a row with no second column).
func (u *UI) shortcutRows() [][2]string {
	m := u.keyMap()
	var rows [][2]string
	add := func(as []*action) {
		for _, a := range as {
			if a.help != "" {
				rows = append(rows, [2]string{a.help, a.label})
			}
		}
	}
	add(m.all())
	rows = append(rows, m.notes...)
	rows = append(rows, [2]string{"In presentation mode", ""})
	add(m.present)
	return rows
}

// ShowShortcuts opens Help > Keyboard shortcuts.
func (u *UI) ShowShortcuts() {
	if u.dialogOpen() {
		return
	}
	grid := container.NewGridWithColumns(2)
	for _, r := range u.shortcutRows() {
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		if r[1] == "" { // a heading
			k.Alignment = fyne.TextAlignLeading
		}
		grid.Add(k)
		grid.Add(widget.NewLabel(r[1]))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), u.win)
	d.Resize(fyne.NewSize(640, 560))
	u.showDialog(d)
}

// AboutText is what About says: the app, its version, and where the data
// comes from and when it was published.
func (u *UI) AboutText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", AppName, Version())
	if u.tl != nil {
		fmt.Fprintf(&b, "%s\n%s\n\n", u.tl.Title, u.tl.Subtitle)
		for _, s := range u.tl.Sources {
			line := "Source: “" + s.Title + "”"
			if s.Publisher != "" {
				line += ", " + s.Publisher
			}
			if !s.Date.IsZero() {
				line += ", " + s.Date.Display()
			}
			b.WriteString(line + "\n")
			if s.URL != "" {
				b.WriteString(s.URL + "\n")
			}
		}
	}
	b.WriteString("\nAll data is in the program; it never uses the network.")
	return b.String()
}

// ShowAbout opens Help > About.
func (u *UI) ShowAbout() {
	if u.dialogOpen() {
		return
	}
	l := widget.NewLabel(u.AboutText())
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About", "Close", l, u.win)
	d.Resize(fyne.NewSize(560, 360))
	u.showDialog(d)
}
