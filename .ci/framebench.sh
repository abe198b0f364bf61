#!/usr/bin/env bash
# framebench.sh: frames drawn on screen while the app is zoomed and panned
# continuously, at 100, 10,000 and 100,000 events (--synthetic N), next to a
# minimal Fyne window animating one rectangle (.ci/minimal -animate), the
# floor: what Fyne draws at most on this machine.
#
#   .ci/framebench.sh [-s SECONDS] APP_BINARY MINIMAL_BINARY
#
# Each program runs on a private Xvfb (1280x800x24) with Mesa's software GL,
# through .ci/framebench (built here when missing): it waits for the window
# to settle, zooms it with the mouse wheel for SECONDS, then pans it by
# dragging for SECONDS, faking the input through XTest at 120 events a
# second, and counts the frames that reach the screen (the X server's DAMAGE
# events for the window, with the server's times). It prints a Markdown
# table: frames per second, and the median and 95th percentile of the time
# between frames, for zoom and for pan, and the CPU time the program used
# (all its threads, Mesa's too) per frame drawn, with the machine and the
# date. On a machine others share, the frame times also count waiting for a
# processor; the CPU time a frame shows the work itself.
set -euo pipefail

secs=4
if [[ ${1:-} == -s ]]; then secs=$2; shift 2; fi
[[ $# -eq 2 ]] || { echo "usage: $0 [-s SECONDS] APP_BINARY MINIMAL_BINARY" >&2; exit 2; }
appbin=$(readlink -f "$1") minbin=$(readlink -f "$2")
cd "$(dirname "$0")/.."

source .ci/xvfb.sh
missing=$(missing_xvfb)
[[ -e /usr/include/X11/extensions/Xdamage.h ]] || missing+=" libxdamage-dev"
[[ -e /usr/include/X11/extensions/XTest.h ]] || missing+=" libxtst-dev"
install_missing framebench $missing
build_tool framebench
fb=build/framebench
xvfb_session framebench
export HOME=$tmp/home # (no one's settings or last-opened file)

# row NAME PROGRAM [ARGS...]: one table row.
row() {
  local name=$1 out z p
  shift
  out=$("$fb" -seconds "$secs" "$@" 2>"$tmp/log") || { echo "framebench: $name failed: $(tail -3 "$tmp/log")" >&2; exit 1; }
  z=$(grep '^phase=zoom' <<<"$out") p=$(grep '^phase=pan' <<<"$out")
  field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
  perframe() { awk -v c="$(field cpu_ms "$1")" -v f="$(field frames "$1")" 'BEGIN {printf "%.0f", (f > 0 ? c / f : 0)}'; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s / %s |\n' "$name" \
    "$(field fps "$p")" "$(field median_ms "$p")" "$(field p95_ms "$p")" \
    "$(field fps "$z")" "$(field median_ms "$z")" "$(field p95_ms "$z")" "$(perframe "$p")" "$(perframe "$z")"
}

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "machine: $cpu, $(nproc) cores; $(uname -sr); Xvfb 1280x800x24, Mesa software GL (LIBGL_ALWAYS_SOFTWARE=1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: 120 events a second for ${secs} s each: wheel clicks (zoom), drag moves of 6 px (pan)"
echo
echo "| window | pan: frames/s | pan: median ms | pan: 95th pct ms | zoom: frames/s | zoom: median ms | zoom: 95th pct ms | CPU ms a frame, pan / zoom |"
echo "|---|---|---|---|---|---|---|---|"
row "minimal Fyne window, one rectangle animated (the floor)" "$minbin" -animate
for n in 100 10000 100000; do
  row "this app, $(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$n") events" "$appbin" --synthetic "$n"
done
