#!/usr/bin/env bash
# Builds the one-folder bundle (dist/kcdesk/) from the project venv with installer/kcdesk.spec,
# then runs the frozen `kcdesk --self-test` on Qt's offscreen platform. CI runs this through
# tests/installer/test_bundle.py. The Windows build is the same spec run on Windows
# (docs/install.md); PyInstaller cannot cross-compile.
#
#   installer/build_linux.sh                  build if anything changed, then self-test
#   installer/build_linux.sh --force          build even if nothing changed
#   installer/build_linux.sh --no-self-test   build only
#
# The build is skipped when the bundle was made from exactly these inputs: a sha256 over the
# sources (kcdesk/, resources/, the spec and entry script, pyproject.toml), the installed
# packages and the Python version, kept beside PyInstaller's work folder. A fresh clone
# (CI) always builds. One build at a time: parallel runs wait on a lock.
#
# Environment: VENV (default .venv), KCDESK_DIST (default dist), KCDESK_WORK (default build/pyinstaller).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
DIST=${KCDESK_DIST:-dist}
WORK=${KCDESK_WORK:-build/pyinstaller}
force=0
self_test=1
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --no-self-test) self_test=0 ;;
    *) echo "usage: $0 [--force] [--no-self-test]" >&2; exit 2 ;;
  esac
done

py="$VENV/bin/python"
[ -x "$py" ] || { echo "!! no virtualenv at $VENV: run scripts/test.sh (or create it) first" >&2; exit 1; }
"$py" -c "import PyInstaller" 2>/dev/null \
  || { echo "!! PyInstaller is not installed: $py -m pip install -e '.[gui,server,build]'" >&2; exit 1; }

mkdir -p "$WORK" "$DIST"
exec 9>"$WORK/.build.lock"
flock 9

inputs() {
  find kcdesk resources -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum
  sha256sum installer/kcdesk.spec installer/kcdesk_main.py pyproject.toml
  "$py" -m pip freeze --all --disable-pip-version-check 2>/dev/null
  "$py" -VV
}
digest=$(inputs | sha256sum | cut -d' ' -f1)
stamp="$WORK/bundle.sha256"
bundle="$DIST/kcdesk"

if [ "$force" = 1 ] || [ ! -x "$bundle/kcdesk" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  rm -f "$stamp"
  started=$(date +%s)
  log="$WORK/pyinstaller.log"
  if ! "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
      installer/kcdesk.spec >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "!! PyInstaller failed (full log: $log)" >&2
    exit 1
  fi
  echo "$digest" >"$stamp"
  echo "== built $bundle in $(($(date +%s) - started)) s: $(du -sh "$bundle" | cut -f1)"
else
  echo "== $bundle is up to date (inputs unchanged): $(du -sh "$bundle" | cut -f1)"
fi

if [ "$self_test" = 1 ]; then
  # No screen here: Qt on its offscreen platform; no OS keyring: the null backend.
  QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring "$bundle/kcdesk" --self-test
fi
