//go:build monkeyheap

package app

// With the monkeyheap build tag, TestMonkeyHeap also cleans Fyne's caches
// the way the GLFW driver does between frames (cache.Clean), which Fyne's
// test driver never does: without it every widget ever drawn keeps its
// renderer, and every string ever measured its metrics, and the heap grows
// in tests where it would not in the app. The functions are Fyne's
// internal ones, reached by linkname; the tag keeps a Fyne upgrade that
// renames them from breaking the ordinary build of these tests.

import (
	"time"
	_ "unsafe" // for go:linkname

	_ "fyne.io/fyne/v2/widget" // links fyne.io/fyne/v2/internal/cache
)

//go:linkname fyneDestroyExpiredRenderers fyne.io/fyne/v2/internal/cache.destroyExpiredRenderers
func fyneDestroyExpiredRenderers(now time.Time)

//go:linkname fyneDestroyExpiredCanvases fyne.io/fyne/v2/internal/cache.destroyExpiredCanvases
func fyneDestroyExpiredCanvases(now time.Time)

//go:linkname fyneDestroyExpiredSvgs fyne.io/fyne/v2/internal/cache.destroyExpiredSvgs
func fyneDestroyExpiredSvgs(now time.Time)

//go:linkname fyneDestroyExpiredFontMetrics fyne.io/fyne/v2/internal/cache.destroyExpiredFontMetrics
func fyneDestroyExpiredFontMetrics(now time.Time)

func init() {
	cleanFyneCaches = func(now time.Time) {
		fyneDestroyExpiredSvgs(now)
		fyneDestroyExpiredFontMetrics(now)
		fyneDestroyExpiredRenderers(now)
		fyneDestroyExpiredCanvases(now)
	}
}
