# xvfb.sh: what the scripts in .ci/ that run a window share, sourced by
# them: apt-get installs of missing tools, a private Xvfb, the tools built
# from .ci/.

# install_missing TAG PKG...: installs the packages given (the caller names
# only those it found missing) with apt-get, as root or through sudo.
install_missing() {
  local tag=$1 sudo=""
  shift
  [[ $# -gt 0 ]] || return 0
  echo "$tag: installing $*"
  [[ $(id -u) = 0 ]] || sudo=sudo
  ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@") >/dev/null
}

# missing_xvfb: the packages for Xvfb, xdpyinfo and Mesa's software GL that
# are not installed, one per line.
missing_xvfb() {
  command -v Xvfb >/dev/null || echo xvfb
  command -v xdpyinfo >/dev/null || echo x11-utils
  [[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so || -e /usr/lib/x86_64-linux-gnu/dri/llvmpipe_dri.so ]] || echo libgl1-mesa-dri
}

# start_xvfb TAG LOG: starts Xvfb on the first free display, 1280x800x24,
# with a black root window (-br: a window nobody has drawn into stays
# black), logging to LOG; exports DISPLAY and LIBGL_ALWAYS_SOFTWARE=1 (Mesa's
# software GL), sets xpid (the caller kills it) and waits until it answers.
#
# Two scripts starting at once may pick the same free display: the one whose
# Xvfb then exits (the display was taken) must not go on with the other's,
# which vanishes when its owner is done, so it tries the next display.
start_xvfb() {
  local tag=$1 log=$2 d=90 try
  for try in $(seq 10); do
    while [[ -e /tmp/.X$d-lock || -e /tmp/.X11-unix/X$d ]]; do d=$((d + 1)); done
    Xvfb :$d -screen 0 1280x800x24 -br -nolisten tcp >"$log" 2>&1 &
    xpid=$!
    export DISPLAY=:$d LIBGL_ALWAYS_SOFTWARE=1
    for _ in $(seq 100); do
      kill -0 "$xpid" 2>/dev/null || break
      xdpyinfo >/dev/null 2>&1 && break
      sleep 0.05
    done
    sleep 0.2 # (a losing Xvfb exits as soon as it sees the other's lock)
    kill -0 "$xpid" 2>/dev/null && xdpyinfo >/dev/null 2>&1 && return 0
    wait "$xpid" 2>/dev/null || true
    d=$((d + 1))
  done
  echo "$tag: Xvfb did not start"; cat "$log"; exit 1
}

# xvfb_session TAG: a temporary folder, $tmp, and a private Xvfb
# (start_xvfb) whose programs keep their settings inside it; both go when
# the script exits.
xvfb_session() {
  tmp=$(mktemp -d)
  xpid=""
  trap end_xvfb_session EXIT
  start_xvfb "$1" "$tmp/xvfb.log"
  export XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
}

end_xvfb_session() {
  if [[ -n $xpid ]]; then kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}

# build_tool NAME: builds .ci/NAME into build/NAME when that is missing or
# older than any of its sources.
build_tool() {
  local bin=build/$1 src
  mkdir -p build
  for src in ".ci/$1"/*; do
    if [[ ! -x $bin || $src -nt $bin ]]; then
      ${GO:-go} build -o "$bin" "./.ci/$1"
      return
    fi
  done
}
