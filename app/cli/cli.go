// Package cli holds the commands that need no window: check and export.
// main runs them before it starts Fyne, so they work without a display.
package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"trumpkim/app/internal/atomicfile"
	"trumpkim/data"
)

// Run runs the subcommands that need no window: "check FILE..." (or
// "--check FILE...") and "export --format timelinejs [-o OUT] [FILE]". args
// are the program's arguments without its name (os.Args[1:]). It reports
// handled false, and does nothing, when args name no subcommand, so that main
// goes on to open the window; otherwise code is the exit status: 0 when all
// went well, 1 when a file has problems or cannot be used, 2 for a command
// line that cannot be understood. Run never exits the process and opens
// no window.
func Run(args []string, stdout, stderr io.Writer) (handled bool, code int) {
	if len(args) == 0 {
		return false, 0
	}
	switch args[0] {
	case "check", "--check", "-check":
		return true, runCheck(args[1:], stdout, stderr)
	case "export", "--export", "-export":
		return true, runExport(args[1:], stdout, stderr)
	}
	return false, 0
}

// runCheck loads each file and prints one line for it: "name: N events,
// M eras, K problems", then its problems, one per line, indented. Names and
// problems are printed with their control characters escaped
// (data.Printable), so that a file cannot act on the terminal.
func runCheck(files []string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprintln(stderr, "usage: check FILE...")
		return 2
	}
	code := 0
	for _, name := range files {
		if name == "--" {
			continue
		}
		t, ps, err := data.LoadFile(name)
		shown := data.Printable(name) // a file name can hold control characters too
		if err != nil && len(ps) == 0 {
			// Could not even read it: no such file, permission denied.
			fmt.Fprintf(stdout, "%s: cannot be read: %s\n", shown, data.Printable(unwrapPathError(err).Error()))
			code = 1
			continue
		}
		if err != nil {
			fmt.Fprintf(stdout, "%s: cannot be used, %s\n", shown, countProblems(len(ps)))
		} else {
			fmt.Fprintf(stdout, "%s: %s, %s, %s\n", shown, data.Count(len(t.Events), "event"),
				data.Count(len(t.Eras), "era"), countProblems(len(ps)))
		}
		printProblems(stdout, ps)
		if len(ps) > 0 {
			code = 1
		}
	}
	return code
}

func countProblems(n int) string { return data.Count(n, "problem") }

// printProblems lists up to data.MaxListed problems, indented, and counts
// the rest.
func printProblems(w io.Writer, ps data.Problems) { ps.WriteList(w, "  ", "\n") }

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// runExport writes a timeline file, or the built-in data set when no file
// is given, in another format: for now TimelineJS JSON, to stdout or -o.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "timelinejs", "the `format` to write: timelinejs")
	out := fs.String("o", "", "write to `OUT` instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: export --format timelinejs [-o OUT] [FILE]")
		fmt.Fprintln(stderr, "Without FILE, exports the built-in timeline.")
		fs.PrintDefaults()
	}
	// Flags may come before or after the file name.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if strings.ToLower(*format) != "timelinejs" {
		fmt.Fprintf(stderr, "export: unknown format %q; the one format is timelinejs\n", *format)
		return 2
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "export: one file at a time")
		fs.Usage()
		return 2
	}

	src := ""
	if len(files) == 1 {
		src = files[0]
	}
	if *out != "" && src != "" && atomicfile.SameFile(*out, src) {
		fmt.Fprintf(stderr, "export: %s is the file being exported; write to another file\n", data.Printable(*out))
		return 1
	}
	t, ok := LoadTimeline("export", src, stderr)
	if !ok {
		return 1
	}

	var buf bytes.Buffer
	if err := data.ExportTimelineJS(t, &buf); err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return 1
	}
	if *out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "export: %v\n", err)
			return 1
		}
		return 0
	}
	if err := atomicfile.WriteFile(*out, atomicfile.DocumentMode, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		fmt.Fprintf(stderr, "export: %s\n", data.Printable(err.Error())) // the error names OUT
		return 1
	}
	return 0
}

// LoadTimeline reads the timeline file path for the command cmd ("export",
// "export-png"), or the built-in timeline when path is empty. It reports
// on stderr what it could not read, or what it skipped, and ok false when
// nothing could be used.
func LoadTimeline(cmd, path string, stderr io.Writer) (t *data.Timeline, ok bool) {
	if path == "" {
		t, err := data.Default()
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
			return nil, false
		}
		return t, true
	}
	t, ps, err := data.LoadFile(path)
	shown := data.Printable(path) // a file name can hold control characters too
	if err != nil {
		if len(ps) == 0 {
			fmt.Fprintf(stderr, "%s: %s: cannot be read: %s\n", cmd, shown, data.Printable(unwrapPathError(err).Error()))
		} else {
			fmt.Fprintf(stderr, "%s: %s: cannot be used, %s\n", cmd, shown, countProblems(len(ps)))
			printProblems(stderr, ps)
		}
		return nil, false
	}
	if len(ps) > 0 {
		fmt.Fprintf(stderr, "%s: %s: %s skipped:\n", cmd, shown, countProblems(len(ps)))
		printProblems(stderr, ps)
	}
	return t, true
}
