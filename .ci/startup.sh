#!/usr/bin/env bash
# startup.sh: start-up time as a person feels it, from process start to the
# first frame on screen, for the app and for a minimal Fyne window (one
# label, .ci/minimal) measured the same way in the same run, alternating
# A, B, A, B... so that a busy machine slows both alike.
#
#   .ci/startup.sh [-n RUNS] APP_BINARY MINIMAL_BINARY
#
# Each run goes through .ci/firstframe (built here when missing): it starts
# the program on a private Xvfb with a black root window (-br) and Mesa's
# software GL, waits for the window to be mapped (an X event), then reads
# rows of the window back every half millisecond until a pixel is not black,
# which is the first frame the program drew. One warm-up run of each is not
# counted (it fills the page cache as a second launch would find it). It
# prints each run, both medians and their ratio, and exits 1 when the app's
# median is more than 1.25 times the minimal window's (the target). It also
# prints the CPU time each program had used by its first frame, a figure that
# other work on a busy machine hardly moves, unlike the wall-clock times.
# The app's warm-up run also keeps its first frame and the window 1.5 s
# later (build/startup-first.png, build/startup-settled.png) and fails when
# they differ by more than 1% of the pixels: the first frame measured must be
# the finished window, not an empty or half-drawn one.
set -euo pipefail

runs=7
if [[ ${1:-} == -n ]]; then runs=$2; shift 2; fi
[[ $# -eq 2 ]] || { echo "usage: $0 [-n RUNS] APP_BINARY MINIMAL_BINARY" >&2; exit 2; }
appbin=$(readlink -f "$1") minbin=$(readlink -f "$2")
cd "$(dirname "$0")/.."

source .ci/xvfb.sh
install_missing startup $(missing_xvfb)
build_tool firstframe
ff=build/firstframe
xvfb_session startup

# one BINARY: prints the first-frame time, the window-mapped time and the CPU
# time used until the first frame, in ms.
one() {
  local out
  out=$("$ff" "$1" 2>"$tmp/log") || { echo "startup: $1 failed: $(tail -3 "$tmp/log")" >&2; exit 1; }
  sleep 0.3
  sed -n 's/mapped_ms=\([0-9.]*\) frame_ms=\([0-9.]*\) cpu_ms=\([0-9.]*\).*/\2 \1 \3/p' <<<"$out"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "startup: warming up"
out=$("$ff" -first build/startup-first.png -settled build/startup-settled.png "$appbin" 2>"$tmp/log") ||
  { echo "startup: $appbin failed: $(tail -3 "$tmp/log")" >&2; exit 1; }
differ=$(sed -n 's/.*differ_pct=\([0-9.]*\).*/\1/p' <<<"$out")
sleep 0.3
one "$minbin" >/dev/null
printf 'first frame against the window 1.5 s later: %s%% of the pixels differ (build/startup-first.png, build/startup-settled.png)\n' "$differ"
awk -v d="$differ" 'BEGIN {exit !(d <= 1)}' || { echo "startup: the first frame is not the finished window"; exit 1; }
a=() m=() ca=() cm=()
for i in $(seq "$runs"); do
  read -r fa wa xa < <(one "$appbin")
  read -r fm wm xm < <(one "$minbin")
  [[ -n ${fa:-} && -n ${fm:-} ]] || { echo "startup: a run failed" >&2; exit 1; }
  a+=("$fa") m+=("$fm") ca+=("$xa") cm+=("$xm")
  printf 'run %d: first frame: app %7.1f ms, minimal %7.1f ms | window mapped: app %7.1f, minimal %7.1f | CPU used: app %6.1f, minimal %6.1f\n' \
    "$i" "$fa" "$fm" "$wa" "$wm" "$xa" "$xm"
done
ma=$(echo "${a[*]}" | median)
mm=$(echo "${m[*]}" | median)
mina=$(tr ' ' '\n' <<<"${a[*]}" | sort -g | head -1)
minm=$(tr ' ' '\n' <<<"${m[*]}" | sort -g | head -1)
ratio=$(awk -v a="$ma" -v m="$mm" 'BEGIN {printf "%.2f", a / m}')
mca=$(echo "${ca[*]}" | median)
mcm=$(echo "${cm[*]}" | median)
cratio=$(awk -v a="$mca" -v m="$mcm" 'BEGIN {printf "%.2f", a / m}')
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "machine: $cpu, $(nproc) cores; $(uname -sr); Xvfb 1280x800x24, Mesa software GL (LIBGL_ALWAYS_SOFTWARE=1)"
echo "load average before the runs: $load"
printf 'fastest run: app %.1f ms, minimal %.1f ms\n' "$mina" "$minm"
printf 'median of %d runs, process start to first frame: app %.1f ms, minimal Fyne window %.1f ms, ratio %s (target <= 1.25)\n' "$runs" "$ma" "$mm" "$ratio"
printf 'median CPU time used until the first frame (all threads): app %.1f ms, minimal %.1f ms, ratio %s\n' "$mca" "$mcm" "$cratio"
awk -v r="$ratio" 'BEGIN {exit !(r <= 1.25)}' || { echo "startup: above the 1.25x target"; exit 1; }
