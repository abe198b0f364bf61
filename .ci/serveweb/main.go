// Command serveweb serves the web build (dist/web, made by `make web`) over
// HTTP, as `make serve-web` does, for trying it on this computer or others
// on the network. Any static web server does as well, given the MIME types
// below: browsers compile a .wasm as it downloads only when it is served as
// application/wasm, and install a service worker only from a JavaScript
// type. It lives under .ci/, which the go tool's ./... patterns skip.
//
//	serveweb [-addr 127.0.0.1:8080] [DIR]
//
// A file with a gzipped copy beside it (NAME.gz, as `make web` makes for
// the .wasm) is sent compressed to browsers that accept it, so that what
// travels is what the README's sizes say. Every answer asks the browser to
// check for a newer file before using its copy (Cache-Control: no-cache),
// so that a new build is seen on the next visit. serveweb prints the
// address it serves on, then a line for each request.
package main

import (
	"flag"
	"fmt"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// types are the MIME types of the web build's files, whatever the
// system's mime.types says (some map .js to application/x-javascript, and
// few know .webmanifest).
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".png":         "image/png",
	".svg":         "image/svg+xml",
	".css":         "text/css; charset=utf-8",
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0: any free one); 0.0.0.0:8080 for other computers")
	quiet := flag.Bool("quiet", false, "do not log each request")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: serveweb [-addr HOST:PORT] [DIR (default dist/web)]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := "dist/web"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		fmt.Fprintf(os.Stderr, "serveweb: %s has no index.html (make web builds it): %v\n", dir, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "serveweb:", err)
		os.Exit(1)
	}
	h := handler(dir)
	if !*quiet {
		h = logged(h)
	}
	fmt.Printf("serving %s on http://%s/ (Ctrl+C stops)\n", dir, ln.Addr())
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "serveweb:", err)
		os.Exit(1)
	}
}

// handler serves the files of dir with the web build's MIME types, and
// NAME.gz in place of NAME to browsers that accept gzip.
func handler(dir string) http.Handler {
	for ext, t := range types {
		if err := mime.AddExtensionType(ext, t); err != nil {
			log.Fatalf("serveweb: %s: %v", ext, err)
		}
	}
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if ct, ok := types[path.Ext(name)]; ok {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) && !strings.HasSuffix(name, ".gz") {
			if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)+".gz")); err == nil && fi.Mode().IsRegular() {
				w.Header().Set("Content-Encoding", "gzip")
				r2 := r.Clone(r.Context())
				r2.URL.Path = name + ".gz"
				r2.Header.Del("Range") // a range of the compressed copy means nothing
				files.ServeHTTP(w, r2)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// acceptsGzip reports whether r's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, e := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(e), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// logged logs each request: method, path, status, bytes sent, time.
func logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &recorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rw, r)
		log.Printf("%s %s %d %d bytes%s %v", r.Method, r.URL.Path, rw.status, rw.n,
			map[bool]string{true: " gzip"}[rw.Header().Get("Content-Encoding") == "gzip"], time.Since(start).Round(time.Millisecond))
	})
}

type recorder struct {
	http.ResponseWriter
	status int
	n      int64
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.n += int64(n)
	return n, err
}
