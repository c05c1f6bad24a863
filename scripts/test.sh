#!/usr/bin/env bash
# Runs the whole kcdesk test suite on a fresh Debian/Ubuntu machine or a developer's one.
# Installs what the tests need when it can (system packages as root, PostgreSQL, a venv
# with the project and its test extras), then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
VENV=${VENV:-.venv}

# 1. System packages: PDF tools, fonts, a virtual X server and Qt's xcb libraries.
apt_packages=(poppler-utils fonts-liberation2 fonts-dejavu-core fonts-noto-core xvfb xauth
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing system packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "!! missing system packages (install them, then re-run): ${missing[*]}" >&2
  fi
fi

# 2. PostgreSQL on 127.0.0.1:5432 for the sync server tests.
bash scripts/postgres-up.sh || echo "!! PostgreSQL is not available: its tests will be skipped" >&2

# 3. The project in a virtualenv, reinstalled only when pyproject.toml changes.
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
stamp="$VENV/.kcdesk-installed"
if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
  log="$VENV/pip-install.log"
  { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install -e ".[gui,server,test,build]"; } \
    >"$log" 2>&1 || { tail -30 "$log" >&2; echo "!! installing kcdesk failed (full log: $log)" >&2; exit 1; }
  cp pyproject.toml "$stamp"
fi

# 4. The tests: Qt offscreen, no OS keyring, every test file, one pytest worker per core
#    (pytest-xdist, at most 4; KCDESK_TEST_WORKERS=1 runs them in one process). Every test
#    makes its own databases and server processes, so they do not meet. On 2 cores the
#    suite took 14.5 minutes on 2026-12-07 (CI from a fresh clone: 15 minutes); the sync
#    tests' servers are forked from a parent that imported the server once
#    (tests/sync/server_launch.py).
export QT_QPA_PLATFORM=offscreen
export PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring
workers=${KCDESK_TEST_WORKERS:-$(nproc 2>/dev/null || echo 1)}
[ "$workers" -gt 4 ] && workers=4
[ "$workers" -gt 1 ] && set -- -n "$workers" "$@"
exec "$VENV/bin/python" -m pytest "$@"
