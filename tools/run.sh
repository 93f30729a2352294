#!/usr/bin/env bash
# Set up IsoDesk in ./.venv, then:
#   bash tools/run.sh app    start the app on a demo site (built on first use)
#   bash tools/run.sh test   run the whole test suite (ruff + pytest, SQLite and, if configured, PostgreSQL)
# Works on a fresh Debian machine with only Python 3.11; as root it installs the missing system packages,
# otherwise it prints the apt-get command to run. Repeated runs skip every step that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
VENV="$ROOT/.venv"
MODE=${1:-}
case "$MODE" in
  app | test) ;;
  *)
    echo "usage: bash tools/run.sh app|test [pytest args]" >&2
    exit 2
    ;;
esac

if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "IsoDesk needs Python 3.11 or newer; '$PY' is $("$PY" -V 2>&1 || echo missing). Set PYTHON=/path/to/python3.11" >&2
  exit 1
fi

# --- system packages --------------------------------------------------------------------------
need_apt=()
LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)  # not on a normal user's PATH
LIBS=$("$LDCONFIG" -p 2>/dev/null || true)
# want PACKAGE [SONAME]: note PACKAGE as missing unless dpkg knows it or the library is found anyway
want() {
  command -v dpkg >/dev/null 2>&1 || return 0
  dpkg -s "$1" >/dev/null 2>&1 && return 0
  [ -n "${2:-}" ] && awk -v so="$2" '$1 == so { found = 1 } END { exit !found }' <<<"$LIBS" && return 0
  need_apt+=("$1")
}
APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-300}  # seconds to wait for another apt/dpkg (unattended-upgrades…)
APT_OUT=""
# apt_get ARGS...: apt-get waiting for the package locks up to APT_LOCK_TIMEOUT s; its output in $APT_OUT.
# (install waits by itself with DPkg::Lock::Timeout; update does not wait for the lists lock: retried here)
apt_get() {
  local deadline=$((SECONDS + APT_LOCK_TIMEOUT)) said=""
  APT_OUT=$(mktemp)
  while true; do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" "$@" >"$APT_OUT" 2>&1; then
      return 0
    fi
    grep -qiE "could not get lock|unable to acquire the dpkg frontend lock|unable to lock" "$APT_OUT" || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    if [ -z "$said" ]; then
      echo "waiting (up to ${APT_LOCK_TIMEOUT}s) for another apt/dpkg to finish: $(grep -iE "lock" "$APT_OUT" | head -n 1)" >&2
      said=1
    fi
    sleep 5
  done
}
apt_install() {
  [ ${#need_apt[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${need_apt[*]}" >&2
    if ! apt_get update -qq; then
      echo "apt-get update failed (trying the install with the package lists already here):" >&2
      sed 's/^/  /' "$APT_OUT" >&2
    fi
    rm -f "$APT_OUT"
    if ! apt_get install -y -qq --no-install-recommends "${need_apt[@]}"; then
      echo "could not install the system packages IsoDesk needs (${need_apt[*]}); apt-get said:" >&2
      tail -n 25 "$APT_OUT" | sed 's/^/  /' >&2
      if grep -qiE "could not get lock|unable to acquire the dpkg frontend lock|unable to lock" "$APT_OUT"; then
        echo "another apt/dpkg still held the package lock after ${APT_LOCK_TIMEOUT}s: let it finish" \
          "(or set APT_LOCK_TIMEOUT=seconds), then run this again" >&2
      fi
      rm -f "$APT_OUT"
      return 1
    fi
    rm -f "$APT_OUT"
    need_apt=()
  else
    echo "missing system packages; please run: sudo apt-get install -y ${need_apt[*]}" >&2
    return 1
  fi
}

# 1. a virtual environment (Debian ships venv/ensurepip separately, in python3-venv)
if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    want python3-venv
    want "python${ver}-venv"
    apt_install
    "$PY" -m venv "$VENV"
  fi
fi

# 2. the libraries Qt needs, even offscreen; for a real window also the xcb ones
for spec in libegl1:libEGL.so.1 libgl1:libGL.so.1 libxkbcommon0:libxkbcommon.so.0 libfontconfig1:libfontconfig.so.1 \
            libdbus-1-3:libdbus-1.so.3 libglib2.0-0:libglib-2.0.so.0; do
  want "${spec%%:*}" "${spec#*:}"
done
if [ "$MODE" = app ]; then
  for spec in libxcb-icccm4:libxcb-icccm.so.4 libxcb-keysyms1:libxcb-keysyms.so.1 libxcb-image0:libxcb-image.so.0 \
              libxcb-render-util0:libxcb-render-util.so.0 libxcb-xkb1:libxcb-xkb.so.1 \
              libxkbcommon-x11-0:libxkbcommon-x11.so.0 libxcb-cursor0:libxcb-cursor.so.0 \
              libxcb-shape0:libxcb-shape.so.0 libxcb-randr0:libxcb-randr.so.0 libxcb-sync1:libxcb-sync.so.1 \
              libxcb-xfixes0:libxcb-xfixes.so.0 libxcb-shm0:libxcb-shm.so.0 libx11-xcb1:libX11-xcb.so.1; do
    want "${spec%%:*}" "${spec#*:}"
  done
fi
if [ "$MODE" = test ]; then
  # the tests read printed pages back: PDF to PNG, and the QR codes on them (skipped, with the reason, without)
  command -v pdftoppm >/dev/null 2>&1 || want poppler-utils
  command -v zbarimg >/dev/null 2>&1 || want zbar-tools
  # the suite runs a second time with the machine's date a year ahead (nothing may depend on the real clock)
  command -v faketime >/dev/null 2>&1 || want faketime
  # the bundle test builds the app with PyInstaller, which reads the libraries with objdump (binutils)
  command -v objdump >/dev/null 2>&1 || want binutils
fi
# as root a failed install stops here; otherwise carry on after printing the command (Qt may still start)
apt_install || [ "$(id -u)" != 0 ] || exit 1

# 3. the project and its dependencies, reinstalled only when setup.cfg or setup.py changes
stamp="$VENV/.isodesk-installed"
want_stamp=$("$PY" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())' < <(cat setup.cfg setup.py))
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want_stamp" ]; then
  echo "installing IsoDesk and its dependencies into .venv ..." >&2
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  "$VENV/bin/python" -m pip install -q -e ".[test]"
  echo "$want_stamp" >"$stamp"
fi

if [ "$MODE" = app ]; then
  DB=${ISODESK_DEMO_DB:-$ROOT/demo/isodesk-demo.sqlite3}
  if [ ! -f "$DB" ]; then
    mkdir -p "$(dirname "$DB")"
    # a half-built demo would be opened next time: remove it when the build fails
    "$VENV/bin/python" app.py demo --db "$DB" --rooms 300 --days 30 --seed 1 ||
      { rm -f "$DB" "$DB-wal" "$DB-shm"; exit 1; }
  fi
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
    echo "no display (DISPLAY/WAYLAND_DISPLAY unset): run this in a desktop session, or under xvfb-run" >&2
    exit 1
  fi
  exec "$VENV/bin/python" app.py --db "$DB"
fi

# test
shift
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"  # models/ and printing/, as configured in pyproject.toml
if [ -z "${ISODESK_TEST_PG_URL:-}" ]; then
  echo "note: ISODESK_TEST_PG_URL is not set: the PostgreSQL variants of the tests are skipped" >&2
fi
"$VENV/bin/python" -m pytest -n 2 -p no:cacheprovider "$@"
# Once more with the machine's date a year ahead: every test pins its clock, so the result must be the same.
# (ISODESK_ONE_PASS=1 skips this pass in a quick local loop; CI always runs it.)
if [ -n "${ISODESK_ONE_PASS:-}" ] && [ -z "${CI:-}" ]; then
  exit 0
fi
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is missing (Debian package faketime): cannot run the suite with the date a year ahead" >&2
  exit 1
fi
echo "--- the same tests with the machine's date a year ahead: $(faketime -f +365d date -u +%F) ---" >&2
# only the calendar clock moves (timeouts and timed waits keep the real monotonic clock); tools/faketime
# holds a sitecustomize that makes time.sleep work under libfaketime 0.9.10 (see the file)
export FAKETIME_DONT_FAKE_MONOTONIC=1 PYTHONPATH="$ROOT/tools/faketime${PYTHONPATH:+:$PYTHONPATH}"
exec faketime -f "+365d" "$VENV/bin/python" -m pytest -n 2 -p no:cacheprovider "$@"
