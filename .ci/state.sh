#!/usr/bin/env bash
# state.sh: what the app writes and remembers, checked on the real binary
# under Xvfb, each part with a private settings folder:
#
#   1. a Fyne preferences file that makes Fyne 2.7.1 panic at start-up
#      ({"recent":["/tmp/a.json",1]}) stops neither --export-png nor the
#      window: the file is set aside as preferences.json.bad-*;
#   2. settings an earlier version kept in Fyne's preferences move to
#      state.json at the first start (the light theme: the window is
#      light; under Xvfb Fyne's own choice is dark);
#   3. the theme, text size, window size and selected event survive a
#      restart: state.json after Ctrl+Q, and the second start's window looks
#      as the first one did when it quit; saving them while the app runs
#      and quitting leave Fyne's preferences.json alone (Fyne 2.7.1 would
#      rewrite it at quit: the app keeps Fyne's preferences in memory);
#   4. --export-png FILE TIMELINE draws TIMELINE, not the built-in one; one
#      that cannot be read is an error; FILE may not be TIMELINE;
#   5. SIGKILL at random moments while the app saves (a burst of text size
#      changes, each saved, or right after Ctrl+Q), KILLS times (default
#      20), always leaves state.json whole: parseable, with its version.
#
#   .ci/state.sh [--kill-only] BINARY
#
# state.json is in the settings folder's "state" folder. --kill-only runs
# part 5 alone. STATE_FILE=preferences.json makes part 5
# check Fyne's preferences file instead (parseable JSON), to show what a
# version that kept its settings there did. Screenshots go to $E2E_OUT
# (default build/e2e). Installs xvfb, xdotool, imagemagick, jq and Mesa's
# software GL with apt-get when they are missing.
set -Eeuo pipefail
# A command that fails outside a test ends the run: say which, and where
# (a silent exit in CI once hid a failed screenshot).
trap 'echo "$(basename "$0"): line $LINENO: \"$BASH_COMMAND\" failed (status $?)" >&2' ERR

kill_only=""
[[ ${1:-} == --kill-only ]] && { kill_only=1; shift; }
[[ $# -eq 1 ]] || { echo "usage: $0 [--kill-only] BINARY" >&2; exit 2; }
bin=$(readlink -f "$1")
OUT=${E2E_OUT:-build/e2e}
KILLS=${KILLS:-20}
STATE_FILE=${STATE_FILE:-state/state.json}
ID=org.trumpkimletters.app
mkdir -p "$OUT"

source "$(dirname "$0")/xvfb.sh"
need=($(missing_xvfb))
command -v xdotool >/dev/null || need+=(xdotool)
command -v jq >/dev/null || need+=(jq)
{ command -v import && command -v compare; } >/dev/null 2>&1 && import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
install_missing state $(printf '%s\n' "${need[@]}" | sort -u)

tmp=$(mktemp -d)
xpid="" app=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then kill -9 "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi
  if [[ -n $xpid ]]; then kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb state "$tmp/xvfb.log"

fails=0
fail() { echo "  FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "  ok:   $*"; }

# home NAME: a fresh private home; prints its settings folder.
home() {
  local h="$tmp/$1"
  mkdir -p "$h/config/fyne/$ID"
  echo "$h/config/fyne/$ID"
}

# run DIR ARGS...: the binary with the settings folder DIR (from home), in
# the foreground; its output in $tmp/run.log.
run() {
  local dir=$1 h
  shift
  h=${dir%/config/fyne/*}
  HOME=$h XDG_CONFIG_HOME=$h/config XDG_CACHE_HOME=$h/cache XDG_DATA_HOME=$h/data LANG=C.UTF-8 \
    "$bin" "$@" >"$tmp/run.log" 2>&1
}

# start DIR LOG: the binary in the background with settings folder DIR;
# sets app and win once its window shows (fails and returns 1 if it does not).
# On a machine under load Xvfb now and then refuses a connection for a
# moment ("Failed to open display", while it runs and answers xdpyinfo right
# after): the program is then started again, up to twice.
start() {
  local dir=$1 log=$2 h t0=$SECONDS try
  h=${dir%/config/fyne/*}
  for try in 1 2 3; do
    HOME=$h XDG_CONFIG_HOME=$h/config XDG_CACHE_HOME=$h/cache XDG_DATA_HOME=$h/data LANG=C.UTF-8 \
      "$bin" >"$log" 2>&1 &
    app=$! win=""
    while [[ -z $win && $((SECONDS - t0)) -lt 30 ]]; do
      kill -0 "$app" 2>/dev/null || break
      win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
      [[ -n $win ]] || sleep 0.05
    done
    [[ -n $win ]] && break
    if ! kill -0 "$app" 2>/dev/null && grep -q 'Failed to open display' "$log" && [[ $try -lt 3 ]]; then
      echo "  (Xvfb refused a connection; starting again)"
      app=""
      sleep 0.5
      continue
    fi
    if kill -0 "$app" 2>/dev/null; then
      fail "no window within 30 s"
      kill -9 "$app"
      wait "$app" 2>/dev/null || true
    else
      fail "the program exited early: $(head -3 "$log")"
    fi
    app=""
    return 1
  done
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win" 2>/dev/null || true
}

# quit: Ctrl+Q, and wait for the program to end (kill it after 3 s).
quit() {
  xdotool key --clearmodifiers ctrl+q
  local i
  for i in $(seq 60); do kill -0 "$app" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$app" 2>/dev/null; then fail "still running 3 s after Ctrl+Q"; kill -9 "$app"; fi
  wait "$app" 2>/dev/null || true
  app=""
}

# shot FILE: the app's window as a PNG.
shot() { import -window "$win" "$1" 2>/dev/null || { sleep 0.5; import -window "$win" "$1"; }; }
# settle FILE: the window once it is drawn (not all black, as a window
# nobody drew into is under this Xvfb) and two shots 150 ms apart agree.
settle() {
  local prev="$tmp/settle.png" i
  for i in $(seq 100); do
    shot "$prev"
    [[ $(convert "$prev" -format '%[fx:maxima]' info:) != 0 ]] && break
    sleep 0.1
  done
  for i in $(seq 20); do
    sleep 0.15
    shot "$1"
    [[ $(differ "$prev" "$1") -lt 100 ]] && return 0
    cp "$1" "$prev"
  done
}
# differ A B [GEOMETRY]: how many pixels differ, optionally only in GEOMETRY.
differ() {
  local a=$1 b=$2
  if [[ -n ${3:-} ]]; then a="$a[$3]" b="$b[$3]"; fi
  { compare -metric AE "$a" "$b" null: 2>&1 >/dev/null || true; } | sed 's/[^0-9.e+].*//' | awk '{printf "%d", $1}'
}
brightness() { convert "$1" -colorspace Gray -format '%[fx:int(100*mean)]' info:; }

# json FILE FILTER: jq's answer, or "" when FILE is not JSON.
json() { jq -r "$2" "$1" 2>/dev/null || true; }

if [[ -z $kill_only ]]; then
  echo "== 1. a preferences file that makes Fyne panic"
  dir=$(home bad)
  mixed='{"recent":["/tmp/a.json",1]}'
  echo "$mixed" >"$dir/preferences.json"
  if run "$dir" --export-png "$tmp/bad.png" --size 320x200 && [[ -s $tmp/bad.png ]]; then
    pass "--export-png works"
  else
    fail "--export-png failed: $(head -3 "$tmp/run.log")"
  fi
  echo "$mixed" >"$dir/preferences.json"
  if start "$dir" "$tmp/bad.log"; then
    settle "$OUT/state-1-bad-preferences.png"
    pass "the window opens (screenshot $OUT/state-1-bad-preferences.png)"
    quit
  fi
  bad=$(ls "$dir" | grep -c '^preferences\.json\.bad-' || true)
  [[ $bad -ge 1 ]] && [[ $(cat "$dir"/preferences.json.bad-* | head -1) == "$mixed" ]] && pass "the file was set aside, whole ($bad copies)" || fail "no preferences.json.bad-* holding the file: $(ls "$dir")"
  grep -q 'could not be read' "$tmp/bad.log" && pass "the app said so: $(head -1 "$tmp/bad.log" | cut -c1-110)…" || fail "the app did not say what it did"
  grep -qiE 'panic|goroutine' "$tmp/bad.log" && fail "panic: $(head -3 "$tmp/bad.log")"

  echo "== 2. settings move from Fyne's preferences to state.json"
  dir=$(home move)
  echo '{"theme":"light","textScale":1.2,"selected":"hanoi-summit","window.width":1000,"window.height":700}' >"$dir/preferences.json"
  if start "$dir" "$tmp/move.log"; then
    settle "$OUT/state-2-moved.png"
    st=$(json "$dir/state/state.json" '[.version, .theme, .text_scale, .selected] | @tsv')
    [[ $st == $'1\tlight\t1.2\thanoi-summit' ]] && pass "state.json holds the old settings at once ($st)" || fail "state.json: '$st'"
    b=$(brightness "$OUT/state-2-moved.png")
    [[ $b -gt 60 ]] && pass "the window is light (mean brightness $b%)" || fail "the window is not light: brightness $b%"

    echo "== 3. remembered across a restart"
    prefs=$(stat -c %Y.%y "$dir/preferences.json" 2>/dev/null || echo none)
    xdotool key --clearmodifiers Right ctrl+shift+equal
    for _ in $(seq 50); do [[ $(json "$dir/state/state.json" .text_scale) == 1.25 ]] && break; sleep 0.1; done
    [[ $(json "$dir/state/state.json" .text_scale) == 1.25 ]] && pass "the text size is saved at once" || fail "state.json after Ctrl+Plus: $(cat "$dir/state/state.json")"
    settle "$OUT/state-3-before-quit.png"
    [[ $(stat -c %Y.%y "$dir/preferences.json" 2>/dev/null || echo none) == "$prefs" ]] && pass "preferences.json untouched while the app saves its state" || fail "Fyne rewrote preferences.json when the app saved its state"
    quit
    [[ $(stat -c %Y.%y "$dir/preferences.json" 2>/dev/null || echo none) == "$prefs" ]] && pass "preferences.json untouched at quit" || fail "Fyne rewrote preferences.json at quit"
    st=$(json "$dir/state/state.json" '[.version, .theme, .text_scale, .selected, .window_width > 0] | @tsv')
    IFS=$'\t' read -r v theme scale sel wide <<<"$st" || true
    [[ $v == 1 && $theme == light && $wide == true && $sel != hanoi-summit && -n $sel ]] &&
      awk "BEGIN{exit !($scale > 1.2)}" && pass "state.json after Ctrl+Q: light, text $scale, $sel selected" || fail "state.json after Ctrl+Q: '$st'"
    if start "$dir" "$tmp/move2.log"; then
      settle "$OUT/state-4-restarted.png"
      # The window's size, then the timeline and the card (right of the
      # sidebar, whose list may scroll elsewhere) as when it quit.
      s1=$(identify -format %wx%h "$OUT/state-3-before-quit.png") s2=$(identify -format %wx%h "$OUT/state-4-restarted.png")
      [[ $s1 == "$s2" ]] && pass "the window has the size it had ($s2)" || fail "the window was $s1, is $s2"
      w=${s2%x*} h=${s2#*x}
      n=$(differ "$OUT/state-3-before-quit.png" "$OUT/state-4-restarted.png" "$((w * 6 / 10))x${h}+$((w * 4 / 10))+0")
      [[ $n -lt 500 ]] && pass "the timeline and the card look as they did when it quit ($n px differ)" || fail "the timeline and card differ from the first run's by $n px"
      quit
      [[ -n $sel && $(json "$dir/state/state.json" .selected) == "$sel" ]] && pass "still $sel after the second run" || fail "selected after the second run: $(json "$dir/state/state.json" .selected)"
    fi
  fi

  echo "== 4. --export-png FILE TIMELINE"
  dir=$(home png)
  printf 'Year,Month,Day,Headline,Text\n1843,7,1,Ada Lovelace publishes her notes,On the Analytical Engine\n' >"$tmp/own.csv"
  run "$dir" --export-png "$tmp/builtin.png" --size 640x360 || fail "--export-png of the built-in timeline: $(head -3 "$tmp/run.log")"
  if run "$dir" --export-png "$tmp/own.png" --size 640x360 "$tmp/own.csv"; then
    n=$(differ "$tmp/builtin.png" "$tmp/own.png")
    [[ $n -gt 5000 ]] && pass "the timeline named is drawn ($n px differ from the built-in one)" || fail "--export-png drew the built-in timeline, not the file ($n px differ)"
    cp "$tmp/own.png" "$OUT/state-5-export-own.png"
  else
    fail "--export-png with a timeline: $(head -3 "$tmp/run.log")"
  fi
  if run "$dir" --export-png "$tmp/none.png" "$tmp/missing.csv"; then
    fail "a timeline that is not there exported"
  else
    grep -q 'missing.csv' "$tmp/run.log" && [[ ! -e $tmp/none.png ]] && pass "a missing timeline is an error: $(head -1 "$tmp/run.log")" || fail "missing timeline: $(head -2 "$tmp/run.log")"
  fi
  cp "$tmp/own.csv" "$tmp/own.bak"
  if run "$dir" --export-png "$tmp/own.csv" "$tmp/own.csv"; then
    fail "--export-png wrote over its timeline"
  else
    cmp -s "$tmp/own.csv" "$tmp/own.bak" && pass "FILE may not be TIMELINE: $(head -1 "$tmp/run.log")" || fail "the timeline was changed"
  fi
fi

echo "== 5. SIGKILL while saving, $KILLS times"
dir=$(home kill)
start "$dir" "$tmp/kill.log" && { xdotool key --clearmodifiers ctrl+shift+equal; sleep 0.2; quit; }
t0=$SECONDS broken=0 checked=0
for i in $(seq "$KILLS"); do
  start "$dir" "$tmp/kill.log" || continue
  if ((i % 2)); then
    # right after Ctrl+Q, as it saves the place: 0 to 40 ms
    xdotool key --clearmodifiers ctrl+q
    sleep "0.0$((RANDOM % 41))"
  else
    # during a burst of text size changes, each one saved: 0 to 300 ms in
    xdotool key --clearmodifiers --delay 8 $(for _ in $(seq 20); do echo ctrl+shift+equal ctrl+minus; done) &
    burst=$!
    sleep "0.$(printf '%03d' $((RANDOM % 300)))"
  fi
  kill -9 "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
  [[ -n ${burst:-} ]] && { kill "$burst" 2>/dev/null; wait "$burst" 2>/dev/null || true; burst=""; }
  checked=$((checked + 1))
  f="$dir/$STATE_FILE"
  if [[ $STATE_FILE == state/state.json ]]; then ok=$(json "$f" '.version == 1'); else ok=$(json "$f" 'type == "object"'); fi
  if [[ $ok != true ]]; then
    broken=$((broken + 1))
    echo "  run $i: $STATE_FILE is $( [[ -e $f ]] && echo "$(stat -c %s "$f") bytes: $(head -c 60 "$f")" || echo missing)"
  fi
done
[[ $broken -eq 0 ]] && pass "$STATE_FILE whole after all $checked kills ($((SECONDS - t0)) s)" || fail "$STATE_FILE broken after $broken of $checked kills"
left=$(ls -A "$dir" | grep -c '\.tmp-' || true)
echo "  ($left temporary files left by the kills; the next start removes those older than a minute)"

echo "state: screenshots in $OUT"
if [[ $fails -gt 0 ]]; then echo "state: $fails check(s) failed"; exit 1; fi
echo "state: all checks passed"
