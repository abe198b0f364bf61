#!/usr/bin/env bash
# drive.sh: the real window driven with random input for a long time, its
# resident memory measured as it goes; fails when the program dies or stops
# answering.
#
#   .ci/drive.sh [-m MINUTES] [-s SEED] BINARY [APP ARGS...]
#
# e.g. `.ci/drive.sh -m 20 dist/trump-kim-letters --synthetic 100000`.
# BINARY runs on a private Xvfb (1280x800x24) with Mesa's software GL and a
# private HOME and XDG folders. Once its window shows, about 10 actions a
# second (some 5 under load) go to it through xdotool for MINUTES (default 20), chosen at random
# from SEED (default 1; the same seed gives the same actions, though not at
# the same moments): the keys the app binds (Left, Right, Home, End, PageUp,
# PageDown, Up, Down, Enter, + - 0 zoom, F5 presentation and R, B, W, A in it,
# Escape, Ctrl+Plus, Ctrl+Minus, Ctrl+0, F1 then Escape, Ctrl+F or / then
# words of the built-in and the synthetic data typed and Escape or
# BackSpace), clicks (single, double, right) anywhere in the window but its
# menu bar, weighted to the result list, the timeline, the overview strip
# and the card, the wheel with and without Ctrl and Shift, drags across the
# timeline, and now and then a new window size from 400x300 to 1280x800.
# It never sends Ctrl+Q, Ctrl+O, Ctrl+S or Ctrl+E (file dialogs, quitting)
# and never clicks the menu bar; a link the app opens goes to a stand-in
# xdg-open that only logs it.
#
# Every 30 s it prints the process's resident memory and its peak (VmRSS,
# VmHWM from /proc/PID/status):
#
#   minute=M rss_mb=... hwm_mb=... actions=N
#
# and checks that the window still answers: Escape twice (out of a dialog,
# presentation or the search), then Ctrl+Minus, or Ctrl+= when that changed
# nothing (the smallest text size), must redraw the screen within
# DRIVE_FREEZE seconds (default 30). (Both are the menu's shortcuts, which
# Fyne delivers whatever has the focus.) At the end Ctrl+Q must quit within 10 s with status 0. It fails
# (exit 1) when the program died, stopped redrawing, logged a panic or did
# not quit, and prints the last actions (and, when it hangs, where: its
# goroutines, from Go's dump on SIGQUIT); all of them are in
# $DRIVE_OUT/NAME-actions.log, each an xdotool command line (absolute screen
# coordinates), so that `xdotool $line` replays them. The screen at each
# sample is kept in $DRIVE_OUT (default build/drive) as NAME-mMM.M.png, and
# the program's output as NAME.log; NAME is DRIVE_NAME or the binary's name
# and its arguments.
#
# Installs xvfb, xdotool, imagemagick, x11-utils and Mesa's software GL with
# apt-get when they are missing.
set -Eeuo pipefail
trap 'echo "$(basename "$0"): line $LINENO: \"$BASH_COMMAND\" failed (status $?)" >&2' ERR

minutes=20 seed=1 freeze=${DRIVE_FREEZE:-30}
while [[ $# -gt 0 ]]; do
  case $1 in
    -m) minutes=$2; shift 2 ;;
    -s) seed=$2; shift 2 ;;
    *) break ;;
  esac
done
[[ $# -ge 1 && $minutes =~ ^[0-9]+(\.[0-9]+)?$ && $seed =~ ^[0-9]+$ ]] ||
  { echo "usage: $0 [-m MINUTES] [-s SEED] BINARY [APP ARGS...]" >&2; exit 2; }
bin=$(readlink -f "$1")
shift
[[ -x $bin ]] || { echo "drive: $bin is not an executable" >&2; exit 2; }
OUT=$(mkdir -p "${DRIVE_OUT:-build/drive}" && cd "${DRIVE_OUT:-build/drive}" && pwd)
name=${DRIVE_NAME:-$(basename "$bin")$(printf -- '-%s' "$@" | tr -c 'A-Za-z0-9.\n-' _)}
name=${name%-}

# shellcheck source=.ci/xvfb.sh
source "$(dirname "$0")/xvfb.sh"
mapfile -t need < <(missing_xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
{ command -v import && command -v compare; } >/dev/null 2>&1 && import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
# shellcheck disable=SC2046 # one package a word
install_missing drive $(printf '%s\n' "${need[@]}" | sort -u)

app=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then kill -9 "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi
  end_xvfb_session
}
xvfb_session drive
trap cleanup EXIT
export HOME=$tmp/home
mkdir -p "$HOME" "$tmp/bin"
# A link clicked in the card would start a browser on this display.
printf '#!/bin/sh\necho "xdg-open $*" >>"%s/xdg-open.log"\n' "$OUT" >"$tmp/bin/xdg-open"
chmod +x "$tmp/bin/xdg-open"
log=$OUT/$name.log actions_log=$OUT/$name-actions.log
: >"$actions_log"

# alive: the program runs (a process that ended but was not waited for yet
# is a zombie, which kill -0 still finds).
alive() {
  local st
  [[ -r /proc/$app/stat ]] || return 1
  read -r st </proc/"$app"/stat || return 1
  st=${st##*) }
  [[ ${st:0:1} != Z && ${st:0:1} != X ]]
}

# status_kb FIELD: FIELD (VmRSS, VmHWM) of the program, in kB.
status_kb() { awk -v f="$1:" '$1 == f {print $2}' /proc/"$app"/status 2>/dev/null || true; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# Start the program (again when Xvfb refused the connection, seen on a
# loaded machine), and wait for its window.
win="" t0=$SECONDS
for try in 1 2 3; do
  PATH=$tmp/bin:$PATH LANG=C.UTF-8 LC_ALL='' LC_MESSAGES='' LANGUAGE='' "$bin" "$@" >"$log" 2>&1 &
  app=$!
  while [[ -z $win && $((SECONDS - t0)) -lt 60 ]] && alive; do
    win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [[ -n $win ]] || sleep 0.1
  done
  [[ -n $win ]] && break
  if ! alive && grep -q 'Failed to open display' "$log" && [[ $try -lt 3 ]]; then
    wait "$app" 2>/dev/null || true
    sleep 0.5
    continue
  fi
  echo "drive: no window within 60 s$(alive || echo "; the program exited: $(tail -5 "$log")")"
  exit 1
done
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win" 2>/dev/null || true
read -r ox oy < <(xdotool getwindowgeometry "$win" | sed -n 's/.*Position: \([0-9]*\),\([0-9]*\).*/\1 \2/p')
ox=${ox:-0} oy=${oy:-0}
w=1280 h=800

# shot FILE: the whole screen as a PNG (once more after a moment when the
# X server is too busy to answer).
shot() { import -window root "$1" 2>/dev/null || { sleep 0.5; import -window root "$1"; }; }
# differ A B: how many pixels differ between two shots.
differ() { { compare -metric AE "$1" "$2" null: 2>&1 >/dev/null || true; } | sed 's/[^0-9.e+].*//' | awk '{printf "%d", $1}'; }

# The actions: each is one xdotool command line, logged before it is sent.
actions=0 last=()
act() {
  actions=$((actions + 1))
  last+=("$*")
  [[ ${#last[@]} -gt 40 ]] && last=("${last[@]:1}")
  printf '%s\n' "$*" >>"$actions_log"
  xdotool "$@" 2>/dev/null || true
}
# pick WORD...: one of the words, in $p. between LO HI: a number from LO to
# HI, in $n. (Variables, not output: a command substitution is a fork, and
# the actions should cost the machine little.)
pick() { p=${*:RANDOM % $# + 1:1}; }
between() { n=$(($1 + RANDOM % ($2 - $1 + 1))); }

# Words of the built-in data and of --synthetic's, and some of neither.
words=(letter summit hanoi singapore kim trump birthday "warm letter" dmz 2019 "jun 12" stockholm
  liskov ritchie shipping tariffs "camp david" kraków visas missiles 1975 "may 2005" turing energy
  reunions zzz "\"a warm\"" -letter)

# point REGION: a random point, absolute, in $x $y, in REGION of the window
# as it was last sized: list (the sidebar's results), timeline, overview,
# card or any (all but the menu bar, the top 30 px).
point() {
  local x0=$((w * 28 / 100)) x1=$((w - 5)) y0=30 y1=$((h - 5))
  case $1 in
    list) x0=5 x1=$((w * 26 / 100)) y0=$((h * 40 / 100)) ;;
    timeline) y0=75 y1=$((h * 49 / 100)) ;;
    overview) y0=$((h * 50 / 100)) y1=$((h * 54 / 100)) ;;
    card) y0=$((h * 56 / 100)) ;;
    *) x0=2 x1=$((w - 2)) ;;
  esac
  between "$x0" "$x1"
  x=$((ox + n))
  between "$y0" "$y1"
  y=$((oy + n))
}

one_action() {
  local r=$((RANDOM % 100)) x y x2 k p n
  pick list timeline timeline overview card card any any
  point "$p"
  if ((r < 28)); then
    pick Right Right Left Left Home End Prior Next Up Down Return
    act key "$p"
  elif ((r < 34)); then
    pick plus minus plus minus equal 0
    act key "$p"
  elif ((r < 37)); then
    act key F5
  elif ((r < 40)); then
    pick r r b w a space BackSpace # presentation's reveal, blank, autoplay
    act key "$p"
  elif ((r < 42)); then
    act key F1 sleep 0.4 key Escape
  elif ((r < 45)); then
    pick ctrl+plus ctrl+minus ctrl+minus ctrl+0 ctrl+shift+equal
    act key "$p"
  elif ((r < 52)); then
    pick ctrl+f ctrl+f slash
    act key "$p"
    pick "${words[@]}"
    act type --delay 30 "$p"
    case $((RANDOM % 4)) in
      0) act key Escape ;;
      1) pick Down Up Return; act key "$p" ;;
      2) between 1 12; act key --repeat "$n" BackSpace ;;
      3) ;; # the search stays
    esac
  elif ((r < 55)); then
    act key Escape
  elif ((r < 72)); then
    case $((RANDOM % 8)) in
      0) act mousemove "$x" "$y" click --repeat 2 --delay 80 1 ;;
      1) act mousemove "$x" "$y" click 3 sleep 0.3 key Escape ;;
      *) act mousemove "$x" "$y" click 1 ;;
    esac
  elif ((r < 86)); then
    pick 4 5
    k=$p
    between 1 6
    case $((RANDOM % 4)) in
      0) act mousemove "$x" "$y" keydown ctrl click --repeat "$n" --delay 30 "$k" keyup ctrl ;;
      1) act mousemove "$x" "$y" keydown shift click --repeat "$n" --delay 30 "$k" keyup shift ;;
      *) act mousemove "$x" "$y" click --repeat "$n" --delay 30 "$k" ;;
    esac
  elif ((r < 95)); then
    point timeline
    between -300 300
    x2=$((x + n))
    ((x2 < ox + 2)) && x2=$((ox + 2))
    ((x2 > ox + w - 2)) && x2=$((ox + w - 2))
    act mousemove "$x" "$y" mousedown 1 sleep 0.05 mousemove $(((x + x2) / 2)) "$y" sleep 0.05 mousemove "$x2" "$y" sleep 0.05 mouseup 1
  elif ((r < 97)); then
    between 400 1280
    w=$n
    between 300 800
    h=$n
    ((RANDOM % 3)) || { w=1280 h=800; }
    act windowsize "$win" "$w" "$h"
  else
    act mousemove "$x" "$y" # hover
  fi
}

# probe: the window still answers (see the top); prints the pixels that
# changed, or 0 when nothing changed within $freeze s.
probe() {
  local a=$tmp/probe-a.png b=$tmp/probe-b.png n=0 t k
  xdotool key Escape sleep 0.3 key Escape 2>/dev/null || true
  sleep 1.5
  shot "$a"
  for k in ctrl+minus ctrl+equal; do
    xdotool key "$k" 2>/dev/null || true
    t=$SECONDS
    while :; do
      sleep 0.5
      shot "$b"
      n=$(differ "$a" "$b")
      [[ $n -gt 1000 ]] && { echo "$n"; return; }
      [[ $k == ctrl+minus && $((SECONDS - t)) -ge 4 ]] && break
      [[ $((SECONDS - t)) -ge $freeze ]] && break
    done
  done
  echo 0
}

# stuck: says whether the program is busy or waiting (its CPU time over
# 3 s), then makes it print where every goroutine is (SIGQUIT: Go's stack
# dump, which ends it) and shows the main one's.
stuck() {
  local a b
  a=$(awk '{print $14 + $15}' /proc/"$app"/stat 2>/dev/null || echo 0)
  sleep 3
  b=$(awk '{print $14 + $15}' /proc/"$app"/stat 2>/dev/null || echo 0)
  echo "drive: the program used $(( (b - a) * 1000 / $(getconf CLK_TCK) )) ms of CPU in 3 s; its goroutines (SIGQUIT), the first of them:"
  kill -QUIT "$app" 2>/dev/null || true
  for _ in $(seq 50); do alive || break; sleep 0.1; done
  alive && kill -9 "$app" 2>/dev/null
  wait "$app" 2>/dev/null || true
  app=""
  sed -n '/^goroutine /,$p' "$log" | head -40 | sed 's/^/  /'
  echo "drive: all of them in $log"
}

fails=0
fail() { echo "drive: FAIL: $*"; fails=$((fails + 1)); }
failed_now() {
  fail "$1"
  echo "drive: the last actions (seed $seed, action $actions; all in $actions_log):"
  printf '  xdotool %s\n' "${last[@]}"
}

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
echo "drive: $(basename "$bin")${*:+ $*}, seed $seed, $minutes minutes"
echo "drive: machine: $cpu, $(nproc) cores; date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 5 # the first frame, and the search index built off the UI goroutine
rss=$(status_kb VmRSS) hwm=$(status_kb VmHWM)
echo "minute=0 rss_mb=$(mb "$rss") hwm_mb=$(mb "$hwm") actions=0"
shot "$OUT/$name-m00.0.png"
RANDOM=$seed
start=$SECONDS samples=1 min_rss=$rss max_rss=$rss first_rss=$rss loads=""
end=$((start + ${minutes%.*} * 60 + $(awk -v m="$minutes" 'BEGIN {printf "%d", (m - int(m)) * 60}')))
while :; do
  next=$((start + samples * 30))
  while [[ $SECONDS -lt $next && $SECONDS -lt $end ]]; do
    one_action
    alive || break
    sleep 0.05
  done
  if ! alive; then
    wait "$app" 2>/dev/null && code=0 || code=$?
    app=""
    failed_now "the program ended (status $code) after $actions actions: $(grep -m3 -iE -A2 'panic|fatal|signal' "$log" || tail -3 "$log")"
    break
  fi
  [[ $SECONDS -ge $next ]] || [[ $SECONDS -ge $end ]] || continue
  rss=$(status_kb VmRSS) hwm=$(status_kb VmHWM)
  m=$(awk -v s="$samples" 'BEGIN {printf "%.1f", s / 2}')
  echo "minute=$m rss_mb=$(mb "$rss") hwm_mb=$(mb "$hwm") actions=$actions load=$(cut -d' ' -f1 /proc/loadavg)"
  loads+=" $(cut -d' ' -f1 /proc/loadavg)"
  ((rss < min_rss)) && min_rss=$rss
  ((rss > max_rss)) && max_rss=$rss
  n=$(probe)
  cp "$tmp/probe-b.png" "$OUT/$name-m$(printf '%04.1f' "$m").png"
  if [[ $n == 0 ]]; then
    if alive; then
      failed_now "the window did not redraw within $freeze s of Ctrl+Minus and Ctrl+= (minute $m; the screen: $OUT/$name-m$(printf '%04.1f' "$m").png)"
      stuck
    else
      failed_now "the program ended while being checked (minute $m)"
    fi
    break
  fi
  if grep -qiE 'panic|fatal error|runtime error' "$log"; then
    failed_now "the program logged: $(grep -m1 -iE -A3 'panic|fatal error|runtime error' "$log")"
    break
  fi
  samples=$((samples + 1))
  [[ $SECONDS -ge $end ]] && break
done

if [[ -n $app ]] && alive; then
  xdotool key Escape sleep 0.3 key Escape sleep 0.3 key Escape 2>/dev/null || true
  sleep 1
  t=$(date +%s%N)
  xdotool key --clearmodifiers ctrl+q 2>/dev/null || true
  while alive && [[ $(( ($(date +%s%N) - t) / 1000000 )) -lt 10000 ]]; do sleep 0.05; done
  if alive; then
    failed_now "still running 10 s after Ctrl+Q"
    stuck
  else
    wait "$app" && code=0 || code=$?
    ms=$(( ($(date +%s%N) - t) / 1000000 ))
    if [[ $code == 0 ]]; then echo "drive: Ctrl+Q quit in $ms ms"; else fail "Ctrl+Q ended the program with status $code"; fi
    app=""
  fi
fi
if grep -qiE 'panic|fatal error|runtime error' "$log"; then
  fail "the program logged: $(grep -m1 -iE -A3 'panic|fatal error|runtime error' "$log")"
fi

echo "drive: summary: $(basename "$bin")${*:+ $*}, seed $seed: $actions actions in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s;" \
  "RSS $(mb "$first_rss") MB at start, $(mb "$min_rss")–$(mb "$max_rss") MB over the run, $(mb "$rss") MB at the end, peak (VmHWM) $(mb "$hwm") MB;" \
  "load average $(tr ' ' '\n' <<<"$loads" | grep . | sort -g | awk 'NR == 1 {a = $1} {b = $1} END {print a "–" b}') over the samples; screens and logs in $OUT"
if [[ $fails -gt 0 ]]; then echo "drive: FAILED ($fails)"; exit 1; fi
echo "drive: ok"
