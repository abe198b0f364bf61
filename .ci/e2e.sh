#!/usr/bin/env bash
# e2e.sh: end-to-end test of the real window, from outside, as a person would
# use it. For each argument (a binary, or a .tar.xz made by `fyne package -os
# linux`, whose binary is extracted and run) it starts the program under Xvfb
# with Mesa's software GL and a private settings folder, then checks that
#
#   1. a window titled "Trump–Kim Letters" appears, with the WM_CLASS that the
#      desktop entry's StartupWMClass names (docks then group it with its icon)
#      and an icon of its own;
#   2. Right selects an event and Right again moves the selection: the detail
#      card's part of the screen changes each time;
#   3. Ctrl+F (and "/"), then typing a query, changes what is drawn;
#   4. Ctrl+Q quits within a second, with exit status 0, leaving no process of
#      that binary behind;
#   5. (binaries only) with a file whose event has a 1 MB title and summary,
#      selecting the event leaves the window responsive: Ctrl+Q quits
#      within a second.
#
# Screenshots of each step are kept in $E2E_OUT (default build/e2e) to look at.
#
#   .ci/e2e.sh BINARY|TARBALL...
#
# Installs xvfb, xdotool, imagemagick, x11-utils and Mesa's software GL with
# apt-get when they are missing.
set -euo pipefail

[[ $# -gt 0 ]] || { echo "usage: $0 BINARY|TARBALL..." >&2; exit 2; }
TITLE="Trump–Kim Letters"
OUT=${E2E_OUT:-build/e2e}
mkdir -p "$OUT"

source "$(dirname "$0")/xvfb.sh"
need=($(missing_xvfb))
command -v xdotool >/dev/null || need+=(xdotool)
command -v xprop >/dev/null || need+=(x11-utils)
{ command -v import && command -v compare; } >/dev/null 2>&1 && import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
install_missing e2e $(printf '%s\n' "${need[@]}" | sort -u)

tmp=$(mktemp -d)
xpid="" app=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi
  if [[ -n $xpid ]]; then kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

start_xvfb e2e "$tmp/xvfb.log"

fails=0
fail() { echo "  FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "  ok:   $*"; }

# shot FILE: the whole screen as a PNG.
shot() { import -window root "$1"; }

# differ A B [GEOMETRY]: how many pixels differ between two shots, optionally
# only inside GEOMETRY (WxH+X+Y).
differ() {
  local a=$1 b=$2
  if [[ -n ${3:-} ]]; then a="$a[$3]" b="$b[$3]"; fi
  { compare -metric AE "$a" "$b" null: 2>&1 >/dev/null || true; } | sed 's/[^0-9.e+].*//' | awk '{printf "%d", $1}'
}

# settle FILE: wait until two shots 150 ms apart agree (but for a blinking
# cursor's few pixels), then keep the last one in FILE.
settle() {
  local prev="$tmp/settle.png" i n
  shot "$prev"
  for i in $(seq 20); do
    sleep 0.15
    shot "$1"
    n=$(differ "$prev" "$1")
    [[ $n -lt 100 ]] && return 0
    cp "$1" "$prev"
  done
  echo "  (screen still changing after 3 s)"
}

# key K...: send keys to the window with the app's focus.
key() { xdotool key --clearmodifiers "$@"; sleep 0.1; }

# procs BIN: ids of running processes whose executable is BIN.
procs() {
  local want p exe
  want=$(readlink -f "$1")
  for p in /proc/[0-9]*; do
    exe=$(readlink "$p/exe" 2>/dev/null || true)
    [[ $exe == "$want" ]] && echo "${p#/proc/}"
  done
  true
}

run_one() {
  local target=$1 bin name
  name=$(basename "$target")
  if [[ $target == *.tar.xz ]]; then
    mkdir -p "$tmp/pkg"
    tar -xJf "$target" -C "$tmp/pkg"
    bin=$(find "$tmp/pkg" -path '*/bin/*' -type f -perm -u+x | head -1)
    [[ -n $bin ]] || { fail "no binary under */bin/ in $target"; return; }
    local desk
    desk=$(find "$tmp/pkg" -name '*.desktop' | head -1)
    wmclass_want=$(sed -n 's/^StartupWMClass=//p' "$desk" 2>/dev/null || true)
  else
    bin=$target
    wmclass_want=$TITLE
  fi
  echo "== $name ($bin)"
  # Built with -tags no_emoji (Makefile): Fyne's 4 MB emoji font, parsed
  # once per text style before the first frame, is not in the binary.
  if grep -q EmojiOneColor "$bin"; then fail "$name holds Fyne's emoji font: built without -tags no_emoji"; else pass "built without Fyne's emoji font (no_emoji)"; fi
  if [[ $target == *.tar.xz ]]; then
    [[ -n $desk && -n $(find "$tmp/pkg" -name '*.png') ]] && pass "tarball holds $(basename "$bin"), $(basename "$desk") and $(find "$tmp/pkg" -name '*.png' -printf '%f ')" || fail "tarball lacks a desktop entry or an icon"
  fi
  local pre="$OUT/${name%%.*}"
  local home="$tmp/home-$name"
  mkdir -p "$home"
  # C.UTF-8, as on many minimal systems: the app must not log Fyne's
  # "Error parsing user locale" (or any other error) at people.
  LANG=C.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= \
  XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data \
    "$bin" >"$pre.log" 2>&1 &
  app=$!

  # 1. the window
  local win="" t0=$SECONDS
  while [[ -z $win && $((SECONDS - t0)) -lt 30 ]]; do
    kill -0 "$app" 2>/dev/null || { fail "the program exited early: $(tail -5 "$pre.log")"; app=""; return; }
    win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [[ -n $win ]] || sleep 0.1
  done
  [[ -n $win ]] || { fail "no window within 30 s"; return; }
  local got
  got=$(xdotool getwindowname "$win")
  [[ $got == "$TITLE" ]] && pass "window titled \"$got\"" || fail "window title is \"$got\", want \"$TITLE\""
  got=$(printf '%b' "$(xprop -id "$win" WM_CLASS | sed 's/.*= //')")
  [[ $got == *"\"$wmclass_want\""* ]] && pass "WM_CLASS $got matches StartupWMClass" || fail "WM_CLASS is $got, want \"$wmclass_want\""
  got=$(xprop -id "$win" -f _NET_WM_ICON 32c _NET_WM_ICON 2>/dev/null | head -c 200 | sed -n 's/^[^=]*= \([0-9]*\), \([0-9]*\),.*/\1x\2/p' || true)
  [[ $got =~ ^[1-9][0-9]*x[1-9][0-9]*$ ]] && pass "the window carries an icon ($got)" || fail "the window has no _NET_WM_ICON"
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win" 2>/dev/null || true
  settle "$pre-0-open.png"

  # The card is below the timeline, right of the sidebar: compare the
  # screen's lower right part (the window fills the screen under Xvfb).
  local geo w h card
  geo=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
  w=${geo%x*} h=${geo#*x}
  card="$((w * 3 / 4))x$((h / 2))+$((w / 4))+$((h / 2))"

  # 2. Right selects the first event, Right again the next one
  key Right
  settle "$pre-1-right.png"
  key Right
  settle "$pre-2-right.png"
  local n1 n2
  n1=$(differ "$pre-0-open.png" "$pre-1-right.png" "$card")
  n2=$(differ "$pre-1-right.png" "$pre-2-right.png" "$card")
  [[ $n1 -gt 300 ]] && pass "Right changes the card area ($n1 px)" || fail "Right left the card area unchanged ($n1 px differ)"
  [[ $n2 -gt 300 ]] && pass "Right again shows another event in the card ($n2 px)" || fail "second Right left the card unchanged ($n2 px differ)"
  key Left
  settle "$pre-3-left.png"
  n1=$(differ "$pre-1-right.png" "$pre-3-left.png" "$card")
  [[ $n1 -lt 100 ]] && pass "Left goes back to the first event's card" || fail "Left did not bring back the first card ($n1 px differ)"

  # 3. search: Ctrl+F focuses the field, typing narrows what is shown
  key ctrl+f
  xdotool type --delay 40 "hanoi"
  settle "$pre-4-search.png"
  n1=$(differ "$pre-3-left.png" "$pre-4-search.png")
  [[ $n1 -gt 1000 ]] && pass "typing \"hanoi\" after Ctrl+F changes the window ($n1 px)" || fail "typing a query changed only $n1 px"
  key Escape
  settle "$pre-5-escape.png"
  n2=$(differ "$pre-4-search.png" "$pre-5-escape.png")
  [[ $n2 -gt 1000 ]] && pass "Escape clears the search ($n2 px)" || fail "Escape changed only $n2 px"

  # 4. Ctrl+Q quits within a second and leaves nothing behind
  local t1 code=""
  t1=$(date +%s%N)
  xdotool key --clearmodifiers ctrl+q
  while kill -0 "$app" 2>/dev/null && [[ $(( ($(date +%s%N) - t1) / 1000000 )) -lt 1000 ]]; do sleep 0.02; done
  if kill -0 "$app" 2>/dev/null; then
    fail "still running 1 s after Ctrl+Q"
    kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  else
    wait "$app" && code=0 || code=$?
    local ms=$(( ($(date +%s%N) - t1) / 1000000 ))
    [[ $code == 0 ]] && pass "Ctrl+Q quit in ${ms} ms with status 0" || fail "Ctrl+Q quit with status $code"
  fi
  app=""
  local left
  left=$(procs "$bin")
  [[ -z $left ]] && pass "no process of $(basename "$bin") left" || fail "processes left behind: $left"
  if grep -qiE 'panic|fatal|runtime error|Fyne error' "$pre.log"; then fail "the log has errors: $(grep -iE -A1 'panic|fatal|runtime error|Fyne error' "$pre.log" | head -4)"; else pass "nothing in the log (stdout and stderr) but what should be there"; fi
}

# long_text BIN: a file whose event has a 1 MB title and a 1 MB summary
# (which the app shortens on loading): selecting its event keeps the window
# responsive, and Ctrl+Q still quits within a second. (Selecting it once
# froze the window for 17 s at 4.4 GB.)
long_text() {
  local bin=$1 file="$tmp/long-text.json" home="$tmp/home-long-text" win="" t0=$SECONDS t1 ms
  echo "== long text ($bin)"
  mkdir -p "$home"
  { printf '{"events": [{"start_date": {"year": 2000}, "text": {"headline": "'
    head -c 1000000 /dev/zero | tr '\0' H
    printf '", "text": "'
    head -c 1000000 /dev/zero | tr '\0' w | fold -w 5 | tr '\n' ' ' # words
    printf '"}}, {"start_date": {"year": 2001}, "text": {"headline": "Next"}}]}\n'
  } >"$file"
  XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data \
    "$bin" "$file" >"$OUT/long-text.log" 2>&1 &
  app=$!
  while [[ -z $win && $((SECONDS - t0)) -lt 30 ]]; do
    win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [[ -n $win ]] || sleep 0.1
  done
  [[ -n $win ]] || { fail "long text: no window within 30 s"; return; }
  xdotool windowactivate --sync "$win" 2>/dev/null || true
  sleep 2 # the file loads off the UI goroutine
  key Right; key Right; key Right
  shot "$OUT/long-text.png"
  t1=$(date +%s%N)
  xdotool key --clearmodifiers ctrl+q
  while kill -0 "$app" 2>/dev/null && [[ $(( ($(date +%s%N) - t1) / 1000000 )) -lt 1000 ]]; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - t1) / 1000000 ))
  if kill -0 "$app" 2>/dev/null; then
    fail "long text: still running 1 s after Ctrl+Q"
    kill -9 "$app" 2>/dev/null # a frozen window does not answer SIGTERM
  else
    pass "long text: Ctrl+Q quit in ${ms} ms after selecting an event with a 1 MB title"
  fi
  wait "$app" 2>/dev/null || true
  app=""
}

for t in "$@"; do run_one "$t"; done
for t in "$@"; do [[ $t == *.tar.xz ]] || long_text "$t"; done
echo "e2e: screenshots in $OUT"
if [[ $fails -gt 0 ]]; then echo "e2e: $fails check(s) failed"; exit 1; fi
echo "e2e: all checks passed"
