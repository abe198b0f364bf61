package lanes

import "sort"

// searchNear returns the first k with pos[k] >= v (pos[k] > v when
// strict), starting from a guess: it gallops from hint in whichever
// direction the answer lies, doubling its step, then bisects the last
// step, so it costs log(|k-hint|) and stays in nearby memory.
func searchNear(pos []float64, hint int, v float64, strict bool) int {
	n := len(pos)
	before := func(k int) bool { // pos[k] is before the answer
		if strict {
			return pos[k] <= v
		}
		return pos[k] < v
	}
	hint = max(0, min(hint, n))
	if hint < n && before(hint) {
		// forward
		prev, step := hint, 1
		for {
			next := min(prev+step, n)
			if next == n || !before(next) {
				return prev + 1 + sort.Search(next-prev-1, func(k int) bool { return !before(prev + 1 + k) })
			}
			prev, step = next, step*2
		}
	}
	// the answer is at or before hint
	hi, step := hint, 1 // !before(hi) or hi == n
	for {
		next := hi - step
		if next < 0 {
			next = -1
		}
		if next < 0 || before(next) {
			return next + 1 + sort.Search(hi-next-1, func(k int) bool { return !before(next + 1 + k) })
		}
		hi, step = next, step*2
	}
}
