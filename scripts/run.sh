#!/usr/bin/env bash
# Installs kcdesk in .venv (once) and runs it on its embedded SQLite database in the
# app-data folder (KCDESK_HOME overrides it). The first run fills it with demo data for
# Thành phố Đà Nẵng. With a screen, the window opens; without one, a summary is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
stamp="$VENV/.kcdesk-installed-run"
if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
  log="$VENV/pip-install.log"
  { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install -e ".[gui]"; } >"$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "!! installing kcdesk failed (full log: $log)" >&2; exit 1; }
  cp pyproject.toml "$stamp"
fi
kcdesk="$VENV/bin/kcdesk"

# No database yet (exit 3): make the demo. Exit 4 means the database has accounts and asks who
# is signing in (sign-in per person): it exists, so it is left alone.
rc=0
"$kcdesk" status >/dev/null 2>&1 || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 4 ]; then
  "$kcdesk" demo --facilities 2000 --seed 1
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && "$VENV/bin/python" -c "import kcdesk.ui.app" 2>/dev/null; then
  exec "$kcdesk" "$@"
fi
"$kcdesk" status
echo
echo "(Không có màn hình: hãy chạy trên máy có giao diện để mở cửa sổ kcdesk. Lệnh dòng lệnh: $kcdesk --help)"
