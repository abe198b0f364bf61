// Command synthfile writes a generated data set (data.Synthetic, the one
// --synthetic opens) as a TimelineJS JSON file, for timing how long the app takes to open a file of that
// size (.ci/opentime.sh). It lives under .ci/, which the go tool's ./...
// patterns skip; build it with `go build ./.ci/synthfile`.
//
//	synthfile -n EVENTS -o FILE.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"trumpkim/data"
)

func main() {
	n := flag.Int("n", 1000, "how many `events`")
	out := flag.String("o", "", "the TimelineJS JSON `file` to write")
	flag.Parse()
	if *out == "" || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "synthfile:", err)
		os.Exit(1)
	}
}

func write(n int, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := data.ExportTimelineJS(data.Synthetic(n, 1), w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
