package data

// Direction is who wrote to whom: the Person IDs of an event's sender and
// recipient. To is empty for a statement; events with no sender (meetings,
// talks) have no direction.
type Direction struct {
	From, To string
}

// IsZero reports whether d is no direction at all.
func (d Direction) IsZero() bool { return d == Direction{} }

// Filter narrows a search beside its query. Within a group the values
// selected (true) are alternatives; a group with none selected keeps
// everything; the groups combine with each other and with the query.
type Filter struct {
	Kinds      map[Kind]bool
	Directions map[Direction]bool
	// ReportedBy holds Event.ReportedBy values, exactly as in the events.
	ReportedBy map[string]bool
	// Groups holds Event.Group values (an imported timeline's groups).
	Groups map[string]bool
}

// IsZero reports whether f keeps every event.
func (f Filter) IsZero() bool {
	return !anySet(f.Kinds) && !anySet(f.Directions) && !anySet(f.ReportedBy) && !anySet(f.Groups)
}

func anySet[K comparable](m map[K]bool) bool {
	for _, v := range m {
		if v {
			return true
		}
	}
	return false
}

// Counts says, for each value of each filter group, how many events match
// the query and the other groups' selections if that value is selected, as
// a toggle shows it: "Letter (10)". Values with no event are absent.
type Counts struct {
	Kinds      map[Kind]int
	Directions map[Direction]int
	ReportedBy map[string]int
	Groups     map[string]int
}

// filterSet is a Filter compiled to the index's value numbers.
type filterSet struct {
	kind, dir, rep, grp []bool // selected, by value number; nil when the group is off
}

func (ix *Index) compile(f Filter) filterSet {
	var fs filterSet
	if anySet(f.Kinds) {
		fs.kind = make([]bool, len(ix.kinds))
		for i, k := range ix.kinds {
			fs.kind[i] = f.Kinds[k]
		}
	}
	if anySet(f.Directions) {
		fs.dir = make([]bool, len(ix.dirs))
		for i, d := range ix.dirs {
			fs.dir[i] = f.Directions[d]
		}
	}
	if anySet(f.ReportedBy) {
		fs.rep = make([]bool, len(ix.reporters))
		for i, r := range ix.reporters {
			fs.rep[i] = f.ReportedBy[r]
		}
	}
	if anySet(f.Groups) {
		fs.grp = make([]bool, len(ix.groups))
		for i, g := range ix.groups {
			fs.grp[i] = f.Groups[g]
		}
	}
	return fs
}

// passed says which filter groups an event passes: kind, direction,
// reporter, TimelineJS group.
type passed struct{ k, d, r, g bool }

func (p passed) all() bool { return p.k && p.d && p.r && p.g }

// pass reports which groups event e passes.
func (ix *Index) pass(fs *filterSet, e int32) passed {
	return passed{
		k: fs.kind == nil || fs.kind[ix.kindOf[e]],
		d: fs.dir == nil || fs.dir[ix.dirOf[e]],
		r: fs.rep == nil || fs.rep[ix.repOf[e]],
		g: fs.grp == nil || fs.grp[ix.grpOf[e]],
	}
}

// counter adds up Counts over events by value number.
type counter struct {
	kind, dir, rep, grp []int
}

func (ix *Index) newCounter() counter {
	return counter{make([]int, len(ix.kinds)), make([]int, len(ix.dirs)), make([]int, len(ix.reporters)), make([]int, len(ix.groups))}
}

// add counts event e in each group's value when it passes the other
// groups: what selecting that value would show.
func (ix *Index) add(c *counter, e int32, p passed) {
	if p.d && p.r && p.g {
		c.kind[ix.kindOf[e]]++
	}
	if p.k && p.r && p.g {
		c.dir[ix.dirOf[e]]++
	}
	if p.k && p.d && p.g {
		c.rep[ix.repOf[e]]++
	}
	if p.k && p.d && p.r {
		c.grp[ix.grpOf[e]]++
	}
}

func (ix *Index) counts(c *counter) Counts {
	out := Counts{Kinds: map[Kind]int{}, Directions: map[Direction]int{}, ReportedBy: map[string]int{}, Groups: map[string]int{}}
	for i, n := range c.kind {
		if n > 0 {
			out.Kinds[ix.kinds[i]] = n
		}
	}
	for i, n := range c.dir {
		if n > 0 && !ix.dirs[i].IsZero() {
			out.Directions[ix.dirs[i]] = n
		}
	}
	for i, n := range c.rep {
		if n > 0 && ix.reporters[i] != "" {
			out.ReportedBy[ix.reporters[i]] = n
		}
	}
	for i, n := range c.grp {
		if n > 0 && ix.groups[i] != "" {
			out.Groups[ix.groups[i]] = n
		}
	}
	return out
}
