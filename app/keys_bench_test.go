package app

import (
	"fmt"
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
