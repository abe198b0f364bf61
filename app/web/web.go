// Package web is what the app needs from the browser in a web build
// (GOOS=js) that Fyne's web driver does not give: full screen for
// presentation mode, downloads for the exports, Ctrl with punctuation keys
// and following the browser's colour scheme without stopping (Attach).
// main hands its functions to the app (app.FullScreen, app.Download) and
// attaches the window; outside a browser they are nil or do nothing, and
// the app uses the window and save dialogs.
package web
