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
}

// IsZero reports whether f keeps every event.
func (f Filter) IsZero() bool {
	return !anySet(f.Kinds) && !anySet(f.Directions) && !anySet(f.ReportedBy)
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
}

// filterSet is a Filter compiled to the index's value numbers.
type filterSet struct {
	kind, dir, rep []bool // selected, by value number; nil when the group is off
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
	return fs
}

// pass reports which groups event e passes.
func (ix *Index) pass(fs *filterSet, e int32) (k, d, r bool) {
	k = fs.kind == nil || fs.kind[ix.kindOf[e]]
	d = fs.dir == nil || fs.dir[ix.dirOf[e]]
	r = fs.rep == nil || fs.rep[ix.repOf[e]]
	return
}

// counter adds up Counts over events by value number.
type counter struct {
	kind, dir, rep []int
}

func (ix *Index) newCounter() counter {
	return counter{make([]int, len(ix.kinds)), make([]int, len(ix.dirs)), make([]int, len(ix.reporters))}
}

// add counts event e, given which groups it passes.
func (ix *Index) add(c *counter, e int32, k, d, r bool) {
	if d && r {
		c.kind[ix.kindOf[e]]++
	}
	if k && r {
		c.dir[ix.dirOf[e]]++
	}
	if k && d {
		c.rep[ix.repOf[e]]++
	}
}

func (ix *Index) counts(c *counter) Counts {
	out := Counts{Kinds: map[Kind]int{}, Directions: map[Direction]int{}, ReportedBy: map[string]int{}}
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
	return out
}

// Directions lists the directions of the data set's events, in the order
// they first appear; the no-direction value is left out.
func (ix *Index) Directions() []Direction {
	var out []Direction
	for _, d := range ix.dirs {
		if !d.IsZero() {
			out = append(out, d)
		}
	}
	return out
}

// Reporters lists the distinct non-empty ReportedBy values of the data
// set's events, in the order they first appear.
func (ix *Index) Reporters() []string {
	var out []string
	for _, r := range ix.reporters {
		if r != "" {
			out = append(out, r)
		}
	}
	return out
}

// Kinds lists the kinds a filter can select: Kinds, then any other kind the
// data set uses.
func (ix *Index) Kinds() []Kind { return append([]Kind(nil), ix.kinds...) }
