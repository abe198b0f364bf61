#!/usr/bin/env bash
# opentime.sh: how long the app takes from process start until its window
# shows a TimelineJS file given on the command line (as a double-click in a
# file manager gives it), at 1,000, 10,000 and 100,000 events, next to the
# same binary opening its built-in data, measured the same way in the same
# run, alternating.
#
#   .ci/opentime.sh [-n RUNS] APP_BINARY
#
# The files are data.Synthetic(N, 1) written as TimelineJS JSON by
# .ci/synthfile (built here). The app reads a file named on its command line
# before it builds its window, so its first frame is the file
# (TestStartFileIsWhatTheWindowFirstShows; the e2e test checks the title
# when the window first appears): .ci/firstframe's time to the first frame
# on screen is the time to the file shown. It prints a Markdown table: the
# file's size, the median time to the first frame, the fastest, and the
# median CPU time used until then (all threads), with the machine and date.
set -euo pipefail

runs=5
if [[ ${1:-} == -n ]]; then runs=$2; shift 2; fi
[[ $# -eq 1 ]] || { echo "usage: $0 [-n RUNS] APP_BINARY" >&2; exit 2; }
appbin=$(readlink -f "$1")
cd "$(dirname "$0")/.."

source .ci/xvfb.sh
install_missing opentime $(missing_xvfb)
build_tool firstframe
build_tool synthfile
ff=build/firstframe
xvfb_session opentime
export HOME=$tmp/home # (no one's settings or last-opened file)

for n in 1000 10000 100000; do
  build/synthfile -n "$n" -o "$tmp/synthetic-$n.json"
done

# one ARGS...: the first-frame time and the CPU time used until it, in ms.
one() {
  local out
  out=$("$ff" "$appbin" "$@" 2>"$tmp/log") || { echo "opentime: $appbin $* failed: $(tail -3 "$tmp/log")" >&2; exit 1; }
  sleep 0.3
  sed -n 's/.*frame_ms=\([0-9.]*\) cpu_ms=\([0-9.]*\).*/\1 \2/p' <<<"$out"
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "machine: $cpu, $(nproc) cores; $(uname -sr); Xvfb 1280x800x24, Mesa software GL (LIBGL_ALWAYS_SOFTWARE=1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, alternating"
echo
echo "| opened | file | first frame, median | fastest | CPU until then, median |"
echo "|---|---|---|---|---|"
one >/dev/null # warm-up: the page cache, as a second launch finds it
names=(builtin 1000 10000 100000)
declare -A f c
for i in $(seq "$runs"); do
  for name in "${names[@]}"; do
    if [[ $name == builtin ]]; then read -r fr cp < <(one); else read -r fr cp < <(one "$tmp/synthetic-$name.json"); fi
    f[$name]+="$fr " c[$name]+="$cp "
  done
done
for name in "${names[@]}"; do
  if [[ $name == builtin ]]; then
    label="the built-in data (17 events)" size="(embedded)"
  else
    label="TimelineJS file, $(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$name") events"
    size=$(du -h "$tmp/synthetic-$name.json" | cut -f1)
  fi
  printf '| %s | %s | %.0f ms | %.0f ms | %.0f ms |\n' "$label" "$size" \
    "$(median <<<"${f[$name]}")" "$(tr ' ' '\n' <<<"${f[$name]}" | grep . | sort -g | head -1)" "$(median <<<"${c[$name]}")"
done
