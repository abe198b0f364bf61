// The service worker of the web build: it keeps the page and its files so
// that the app opens with no network after the first visit. `make web`
// fills in @BUILD@, which changes with every file of the build: a new build
// is a new worker, which keeps the new files and drops the old ones.
// On the first visit the page itself keeps the app's .wasm in the same
// cache as it loads it (index.html), so that it is downloaded once; a new
// build's worker fetches the new .wasm itself, while the old version is
// still in use. It takes over once no page of the old version is open
// (no skipWaiting: a page must not get one version's files and another's).
"use strict";
const CACHE = "trumpkim-@BUILD@";
const FILES = ["./", "wasm_exec.js", "icon.png", "favicon.png", "manifest.webmanifest"];

self.addEventListener("install", (event) => {
  const update = !!self.registration.active;
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(update ? FILES.concat(["@WASM@"]) : FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("trumpkim-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Kept files first (the app and its page only change with a new worker),
// the network for the rest.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((c) => c.match(req, { ignoreSearch: req.mode === "navigate" }))
    .then((hit) => hit || fetch(req)));
});
