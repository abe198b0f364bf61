package app

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trumpkim/data"
)

// BenchmarkKey measures one Right or Left key as the driver delivers it,
// over data sets of three sizes: alone (a key of a burst, which only moves
// the selection) and with the frame after it (the card, the timeline and
// the list drawn for the new selection).
func BenchmarkKey(b *testing.B) {
	for _, frame := range []bool{false, true} {
		for _, n := range []int{1000, 10000, 100000} {
			name := fmt.Sprintf("burst/%d", n)
			if frame {
				name = fmt.Sprintf("with-frame/%d", n)
			}
			b.Run(name, func(b *testing.B) {
				u := New(test.NewTempApp(b), data.Synthetic(n, 1))
				u.Window().Resize(DefaultSize)
				u.settle()
				b.ReportAllocs()
				k := fyne.KeyRight
				for i := 0; b.Loop(); i++ {
					if i%50 == 0 { // back and forth over 50 events
						k = map[bool]fyne.KeyName{true: fyne.KeyRight, false: fyne.KeyLeft}[i%100 == 0]
					}
					key(u, k)
					if frame {
						u.settle()
					}
				}
				u.settle()
			})
		}
	}
}

// BenchmarkThemeChange measures a theme change (every text of the window
// measured and drawn again) with an event selected, over synthetic data
// sets of three sizes and the monkey's hostile fixture (long titles,
// summaries, related links and subtitle), at the largest text size.
func BenchmarkThemeChange(b *testing.B) {
	sets := []string{"1000", "10000", "100000", hostileFile}
	for _, set := range sets {
		b.Run(strings.TrimPrefix(set, "testdata/monkey/"), func(b *testing.B) {
			var tl *data.Timeline
			if n, err := strconv.Atoi(set); err == nil {
				tl = data.Synthetic(n, 1)
			} else if tl, _, err = data.LoadFile(set); err != nil {
				b.Fatal(err)
			}
			u := New(test.NewTempApp(b), tl)
			u.Window().Resize(DefaultSize)
			u.SetTextScale(MaxTextScale)
			u.Select(len(tl.Events) / 2)
			u.settle()
			b.ReportAllocs()
			modes := []ThemeMode{ThemeDark, ThemeLight}
			for i := 0; b.Loop(); i++ {
				u.SetThemeMode(modes[i%2])
				u.settle()
			}
		})
	}
}

// BenchmarkTypeLongQuery measures typing 500 emoji into the search field,
// a key at a time as the driver delivers them, and the search's results,
// over synthetic data sets of three sizes.
func BenchmarkTypeLongQuery(b *testing.B) {
	text := strings.Repeat("😀", 500)
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			u := New(test.NewTempApp(b), data.Synthetic(n, 1))
			u.Window().Resize(DefaultSize)
			u.settle()
			u.FocusSearch()
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range text {
					u.search.TypedRune(r)
				}
				u.settle()
				u.search.SetText("")
				u.settle()
			}
		})
	}
}
