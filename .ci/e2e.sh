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
#      card's part of the screen changes each time; a double click on the
#      card's title and Ctrl+C put one word of it on the X clipboard, and
#      Ctrl+C with nothing selected the whole event with its source;
#   3. Ctrl+F (and "/"), then typing a query, changes what is drawn;
#   4. Ctrl+Q quits within a second, with exit status 0, leaving no process of
#      that binary behind;
#   5. (binaries only) with a file whose event has a 1 MB title and summary,
#      selecting the event leaves the window responsive: Ctrl+Q quits
#      within a second;
#
# and then, each in a fresh instance of its own (run_window), that
#
#   6. resizing the window through widths from 1280 down to 800 and back
#      (1160 and 1040 among them) leaves it running;
#   7. after a click ticks a filter box (which then has the keyboard focus),
#      Right still steps through the events, and F1 then Escape opens and
#      closes the keyboard shortcuts;
#   8. after a burst of 300 keys sent at once, Ctrl+Q quits within a second,
#      in each of three instances;
#   9. with the largest text size remembered, a fresh window opens no larger
#      than the screen.
#
# Screenshots of each step are kept in $E2E_OUT (default build/e2e) to look at.
#
#   .ci/e2e.sh BINARY|TARBALL...
#
# Installs xvfb, xdotool, imagemagick, x11-utils and Mesa's software GL with
# apt-get when they are missing.
set -Eeuo pipefail
# A command that fails outside a test ends the run: say which, and where
# (a silent exit in CI once hid a failed screenshot).
trap 'echo "$(basename "$0"): line $LINENO: \"$BASH_COMMAND\" failed (status $?)" >&2' ERR

[[ $# -gt 0 ]] || { echo "usage: $0 BINARY|TARBALL..." >&2; exit 2; }
TITLE="Trump–Kim Letters"
OUT=${E2E_OUT:-build/e2e}
# fixture is a TimelineJS file of the project's own, opened from the command line.
fixture=$(cd "$(dirname "$0")/.." && pwd)/data/testdata/import/timekeeping.json
mkdir -p "$OUT"

source "$(dirname "$0")/xvfb.sh"
need=($(missing_xvfb))
command -v xdotool >/dev/null || need+=(xdotool)
command -v xprop >/dev/null || need+=(x11-utils)
command -v xclip >/dev/null || need+=(xclip)
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

# shot FILE: the whole screen as a PNG (once more after a moment when the
# X server is too busy to answer: a loaded CI machine).
shot() { import -window root "$1" 2>/dev/null || { sleep 0.5; import -window root "$1"; }; }

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

  # The card's text can be selected: a double click on the first word of
  # the first event's title (at 1280x800 the title's row is at y 599, its
  # text from x 361), then Ctrl+C, puts that word on the clipboard; after
  # another event drops the selection, Ctrl+C copies the event with its
  # citation.
  local title="Trump calls off the Singapore summit by letter" clip
  xdotool mousemove 380 599 click --repeat 2 --delay 80 1
  sleep 0.6 # Fyne waits out the double click
  xdotool mousemove 1270 790
  key ctrl+c
  clip=$(xclip -o -selection clipboard 2>/dev/null || true)
  [[ -n $clip && $clip != *" "* && $title == *"$clip"* ]] && pass "a double click on the card's title and Ctrl+C copy the word \"$clip\"" ||
    fail "a double click on the card's title and Ctrl+C copied \"$clip\" (want one word of \"$title\")"
  shot "$pre-3b-selected.png"
  key Right
  key Left
  key ctrl+c
  clip=$(xclip -o -selection clipboard 2>/dev/null || true)
  [[ $clip == *"$title"*"Source:"* ]] && pass "Ctrl+C with nothing selected copies the event with its source ($(wc -l <<<"$clip") lines)" ||
    fail "Ctrl+C with nothing selected copied \"$(head -c 200 <<<"$clip")\""

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

# ---- The real window under stress (issue 12): resizing through a run of
# widths, a click on a filter box and then the keys, a burst of 300 keys and
# then Ctrl+Q, and a fresh window at the largest text size. Each check
# starts its own instance with its own settings folder.

# start_window BIN HOME LOG [ARG...]: starts BIN (with ARGs) with its
# settings in HOME and its output in LOG; sets app and win (win empty when
# no window came in 30 s). A start that Xvfb refused ("Failed to open
# display", seen on a loaded machine, as .ci/state.sh has seen it) is tried
# again, twice at most.
start_window() {
  local t0 try
  for try in 1 2 3; do
    t0=$SECONDS
    LANG=C.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE= \
    XDG_CONFIG_HOME=$2/config XDG_CACHE_HOME=$2/cache XDG_DATA_HOME=$2/data \
      "$1" "${@:4}" >"$3" 2>&1 &
    app=$! win=""
    while [[ -z $win && $((SECONDS - t0)) -lt 30 ]] && kill -0 "$app" 2>/dev/null; do
      win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
      [[ -n $win ]] || sleep 0.1
    done
    [[ -n $win ]] && break
    if kill -0 "$app" 2>/dev/null || ! grep -q 'Failed to open display' "$3"; then
      break
    fi
    echo "  (Xvfb refused a connection; starting again)"
    wait "$app" 2>/dev/null || true
    sleep 0.5
  done
  if [[ -n $win ]]; then
    xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win" 2>/dev/null || true
  fi
  return 0 # no window is for the caller to report, not a reason to stop the run
}

# quit_window MS: Ctrl+Q, then waits up to MS ms for the program to end;
# sets quit_ms (empty when it was still running: then it is killed) and
# quit_code.
quit_window() {
  local t1
  t1=$(date +%s%N) quit_ms="" quit_code=""
  xdotool key --clearmodifiers ctrl+q
  while kill -0 "$app" 2>/dev/null && [[ $(( ($(date +%s%N) - t1) / 1000000 )) -lt $1 ]]; do sleep 0.01; done
  if kill -0 "$app" 2>/dev/null; then
    kill -9 "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  else
    quit_ms=$(( ($(date +%s%N) - t1) / 1000000 ))
    wait "$app" && quit_code=0 || quit_code=$?
  fi
  app=""
}

# burst_keys: 300 keys as fast as xdotool sends them: navigation, then a
# search typed, then navigation again.
burst_keys() {
  local nav=(Right Left End Home Right Right Left) words="letter summit hanoi trump kim birthday " keys=() i c
  for i in $(seq 0 99); do keys+=("${nav[$((i % 7))]}"); done
  keys+=(ctrl+f)
  for i in $(seq 0 148); do c=${words:$((i % ${#words})):1}; [[ $c == " " ]] && c=space; keys+=("$c"); done
  keys+=(Return)
  for i in $(seq 0 48); do keys+=("${nav[$((i % 7))]}"); done
  xdotool key --delay 0 "${keys[@]}"
}

run_window() {
  local target=$1 bin name pre home w geo ww wh card n1 n2 r slow=0 hung=0 worst=0
  name=$(basename "$target")
  bin=$target
  if [[ $target == *.tar.xz ]]; then
    bin=$(find "$tmp/pkg" -path '*/bin/*' -type f -perm -u+x | head -1)
  fi
  [[ -n $bin ]] || return
  echo "== $name: the window under stress"
  pre="$OUT/${name%%.*}-window"

  # 5. resizing through a run of widths, 1160 and 1040 among them
  home="$tmp/home-$name-resize"
  start_window "$bin" "$home" "$pre-resize.log"
  [[ -n $win ]] || { fail "no window within 30 s"; return; }
  for w in 1280 1160 1040 960 800 1100 1280; do
    xdotool windowsize --sync "$win" "$w" 800 2>/dev/null || xdotool windowsize "$win" "$w" 800 || true
    settle "$pre-$w.png"
    if ! kill -0 "$app" 2>/dev/null; then
      fail "the program died when the window was made ${w} wide: $(grep -m1 -iE 'panic|fatal' "$pre-resize.log" || tail -1 "$pre-resize.log")"
      app=""
      break
    fi
  done
  [[ -n $app ]] && { pass "resized to 1280, 1160, 1040, 960, 800, 1100 and 1280 wide, still running"; quit_window 2000; }

  # 6. a click on a filter box, then the keys: the box has the focus, and
  # Right must still step. At 1280x800 the second filter header ("Filter by
  # who wrote") is at y 217 and, once open, its first box at 18,256.
  home="$tmp/home-$name-filter"
  start_window "$bin" "$home" "$pre-filter.log"
  if [[ -n $win ]]; then
    settle "$pre-f0.png"
    geo=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
    ww=${geo%x*} wh=${geo#*x}
    card="$((ww * 3 / 4))x$((wh / 2))+$((ww / 4))+$((wh / 2))"
    xdotool mousemove 100 217 click 1; settle "$pre-f1-open.png"
    xdotool mousemove 18 256 click 1; settle "$pre-f2-ticked.png"
    xdotool mousemove 700 10 # the pointer off the sidebar: no hover in the shots
    n1=$(differ "$pre-f1-open.png" "$pre-f2-ticked.png" "340x400+0+250")
    if [[ $n1 -lt 1000 ]]; then
      fail "the click at 18,256 ticked no filter ($n1 px changed): has the sidebar's layout moved?"
    else
      key Right; settle "$pre-f3-right.png"
      key Right; settle "$pre-f4-right.png"
      n1=$(differ "$pre-f2-ticked.png" "$pre-f3-right.png" "$card")
      n2=$(differ "$pre-f3-right.png" "$pre-f4-right.png" "$card")
      [[ $n1 -gt 300 && $n2 -gt 300 ]] && pass "after ticking a filter, Right still steps ($n1, $n2 px of the card)" || fail "after ticking a filter, Right left the card unchanged ($n1, $n2 px)"
      key F1; settle "$pre-f5-help.png"
      key Escape; settle "$pre-f6-closed.png"
      n1=$(differ "$pre-f4-right.png" "$pre-f5-help.png")
      n2=$(differ "$pre-f4-right.png" "$pre-f6-closed.png")
      [[ $n1 -gt 1000 && $n2 -lt 300 ]] && pass "F1 opens the keyboard shortcuts and Escape closes them" || fail "F1 then Escape: $n1 px changed, then $n2 px left changed"
    fi
    quit_window 2000
  fi

  # 7. a burst of 300 keys, then Ctrl+Q at once: out within a second, three
  # fresh instances (Fyne's own shutdown could hang 1 time in 6)
  for r in 1 2 3; do
    home="$tmp/home-$name-burst$r"
    start_window "$bin" "$home" "$pre-burst$r.log"
    [[ -n $win ]] || { fail "no window within 30 s"; continue; }
    settle "$pre-burst$r.png"
    burst_keys
    quit_window 5000
    if [[ -z $quit_ms ]]; then hung=$((hung + 1));
    elif [[ $quit_ms -gt 1000 || $quit_code != 0 ]]; then slow=$((slow + 1)); worst=$((quit_ms > worst ? quit_ms : worst));
    else worst=$((quit_ms > worst ? quit_ms : worst)); fi
  done
  [[ $hung == 0 && $slow == 0 ]] && pass "after a burst of 300 keys Ctrl+Q quits within a second (3 runs, slowest ${worst} ms)" || fail "after a burst of 300 keys: $hung of 3 still running 5 s after Ctrl+Q, $slow slower than 1 s or failing (slowest ${worst} ms)"

  # 8. a fresh window at the largest text size fits the screen
  home="$tmp/home-$name-large"
  start_window "$bin" "$home" "$pre-large1.log"
  if [[ -n $win ]]; then
    settle "$pre-large0.png"
    xdotool key --clearmodifiers --delay 150 ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus
    settle "$pre-large1.png"
    quit_window 2000
    start_window "$bin" "$home" "$pre-large2.log"
    if [[ -n $win ]]; then
      settle "$pre-large2.png"
      geo=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
      ww=${geo%x*} wh=${geo#*x}
      [[ $ww -le 1280 && $wh -le 800 ]] && pass "at the largest text a fresh window opens at ${geo}, within the 1280x800 screen" || fail "at the largest text a fresh window opens at ${geo}, larger than the 1280x800 screen"
      quit_window 2000
    fi
  fi
  # 9. a TimelineJS file given as an argument is what the window first
  # shows: its title is the file's from the moment it appears, and the
  # built-in data is never drawn.
  home="$tmp/home-$name-file"
  start_window "$bin" "$home" "$pre-file.log" "$fixture"
  if [[ -n $win ]]; then
    local first
    first=$(xdotool getwindowname "$win")
    settle "$pre-file.png"
    [[ $first == "Clocks & Calendars — $TITLE" ]] && pass "a file named on the command line is the first thing shown (\"$first\")" || fail "with a file argument the window first showed \"$first\""
    quit_window 2000
  else
    fail "no window with a file argument within 30 s"
  fi
  # Every error counts (Fyne no longer writes its preferences file, whose
  # watcher logged "Preferences load error: EOF" reading it half written).
  local logs
  logs=$(grep -hiE -A1 'panic|fatal|runtime error|Fyne error|Preferences load error' "$pre"-*.log || true)
  if [[ -n $logs ]]; then fail "the logs have errors: $(head -4 <<<"$logs")"; else pass "nothing in the logs of these runs but what should be there"; fi
}

for t in "$@"; do run_one "$t"; done
for t in "$@"; do [[ $t == *.tar.xz ]] || long_text "$t"; done
for t in "$@"; do run_window "$t"; done
echo "e2e: screenshots in $OUT"
if [[ $fails -gt 0 ]]; then echo "e2e: $fails check(s) failed"; exit 1; fi
echo "e2e: all checks passed"
