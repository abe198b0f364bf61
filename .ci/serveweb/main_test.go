package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestServesTheWebBuild(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm wasm "), 1000)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(wasm)
	zw.Close()
	for name, b := range map[string][]byte{
		"index.html": []byte("<!doctype html>"), "sw.js": []byte("//"), "manifest.webmanifest": []byte("{}"),
		"app.wasm": wasm, "app.wasm.gz": gz.Bytes(), "icon.png": []byte("\x89PNG"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(handler(dir))
	defer srv.Close()
	for _, c := range []struct {
		path, accept, wantType, wantEncoding string
		want                                 []byte
	}{
		{"/", "gzip", "text/html; charset=utf-8", "", []byte("<!doctype html>")},
		{"/sw.js", "gzip", "text/javascript; charset=utf-8", "", []byte("//")},
		{"/manifest.webmanifest", "", "application/manifest+json", "", []byte("{}")},
		{"/icon.png", "", "image/png", "", []byte("\x89PNG")},
		{"/app.wasm", "gzip, deflate, br", "application/wasm", "gzip", wasm},
		{"/app.wasm", "br", "application/wasm", "", wasm},
		{"/app.wasm", "gzip;q=0", "application/wasm", "", wasm},
	} {
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.Header.Set("Accept-Encoding", c.accept) // set: the client then leaves the body as sent
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if enc := resp.Header.Get("Content-Encoding"); enc == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s: %v", c.path, err)
			}
			body, _ = io.ReadAll(zr)
		}
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != c.wantType ||
			resp.Header.Get("Content-Encoding") != c.wantEncoding || !bytes.Equal(body, c.want) ||
			resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s (Accept-Encoding %q): %d, type %q, encoding %q, cache %q, %d bytes; want type %q, encoding %q, %d bytes",
				c.path, c.accept, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"),
				resp.Header.Get("Cache-Control"), len(body), c.wantType, c.wantEncoding, len(c.want))
		}
	}
}
