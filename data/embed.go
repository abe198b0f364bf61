package data

import _ "embed"

//go:embed events.json
var embedded []byte

// Embedded returns the raw bytes of the built-in data set.
func Embedded() []byte { return embedded }

// Default parses the built-in Trump–Kim data set. It cannot fail on a binary
// whose tests passed; the error is there for honesty, not for use.
func Default() (*Timeline, error) { return Parse(embedded) }
