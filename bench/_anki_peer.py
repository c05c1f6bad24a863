"""Anki, the peer kcdesk is measured against: its harness installed and run, never copied.

The harness lives in the shared peers folder (`../shared/peers/anki` seen from the main
checkout; see its README). It is installed from its own pinned requirements.txt into a venv
under bench/out (git-ignored) and run from its own path with `--dir bench/out`, so its
scratch folder lands there too. Every failure comes back as a sentence saying why, so the
caller can print kcdesk's side alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import deque
from pathlib import Path
from typing import Any

from _common import OUT, REPO

PEER_ENV = "KCDESK_ANKI_PEER"  # where the harness is, when it is not in ../shared/peers/anki
VENV = OUT / "anki-venv"


def find_peer(explicit: Path | None = None) -> Path | None:
    """The harness folder: --peer if given (and only it), else $KCDESK_ANKI_PEER, else
    shared/peers/anki beside the checkout or one of its parents (a worktree sits deeper)."""
    if explicit is not None:
        candidates = [explicit]
    elif os.environ.get(PEER_ENV):
        candidates = [Path(os.environ[PEER_ENV])]
    else:
        candidates = [parent / "shared" / "peers" / "anki" for parent in REPO.parents]
    for folder in candidates:
        if (folder / "bench.py").is_file() and (folder / "requirements.txt").is_file():
            return folder.resolve()
    return None


def _json_line(stdout: str) -> dict[str, Any] | None:
    """The last line of the harness's output that is a JSON object (its result), if any."""
    line = next((x for x in reversed(stdout.splitlines()) if x.startswith("{")), None)
    return None if line is None else dict(json.loads(line))


def _tail(text: str, lines: int = 6) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-lines:] if line.strip())


def ensure_installed(peer: Path, venv: Path = VENV) -> tuple[Path | None, str | None]:
    """(the venv's python, None) once the pinned requirements are installed; (None, why) if not.
    A stamp of requirements.txt's hash marks a finished install, so a changed pin reinstalls."""
    requirements = peer / "requirements.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    python, stamp = venv / "bin" / "python", venv / ".kcdesk-requirements.sha256"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return python, None
    # The pins are built for CPython 3.11 (see the peer's requirements.txt).
    base = shutil.which("python3.11") or (sys.executable if sys.version_info[:2] == (3, 11) else None)
    if base is None:
        return None, "no Python 3.11 found to install the peer into (its wheels are pinned for 3.11)"
    print(f"[peer] installing Anki's harness requirements into {venv} (about 20 s)", file=sys.stderr, flush=True)
    made = subprocess.run([base, "-m", "venv", "--clear", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        return None, f"could not create {venv}: {_tail(made.stderr)}"
    pip = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(requirements)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if pip.returncode != 0:
        return None, f"pip install -r {requirements} failed: {_tail(pip.stderr)}"
    stamp.write_text(digest + "\n")
    return python, None


def run(python: Path, peer: Path, n: int, gui: str, quick: bool) -> tuple[dict[str, Any] | None, str | None]:
    """Run the harness once; its JSON line, or None and why. Progress goes to our stderr."""
    OUT.mkdir(parents=True, exist_ok=True)
    cmd = [str(python), str(peer / "bench.py"), str(n), "--gui", gui, "--dir", str(OUT)]
    if quick:
        cmd += ["--single", "200", "--reps", "1", "--gui-launches", "1"]
    print(f"[peer] {' '.join(cmd)}", file=sys.stderr, flush=True)
    # stdout to a file: the JSON line can outgrow a pipe while we are reading stderr.
    result_file = OUT / "anki-peer-result.json"
    with result_file.open("w") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, text=True, cwd=OUT)
        assert proc.stderr is not None
        tail: deque[str] = deque(maxlen=8)
        for line in proc.stderr:  # the harness's progress, passed on as it comes
            tail.append(line)
            print(f"[peer] {line}", end="", file=sys.stderr, flush=True)
    stdout = result_file.read_text()
    if proc.wait() != 0:
        return None, f"the harness exited with {proc.returncode}: {_tail(''.join(tail))}"
    result = _json_line(stdout)
    if result is None:
        return None, "the harness printed no JSON line"
    return result, None


def measure(n: int, quick: bool, gui_reason: str | None, peer: Path | None = None) -> dict[str, Any]:
    """Anki's figures for this run: {"result": harness JSON} or {"skipped": why}, plus notes."""
    folder = find_peer(peer)
    if folder is None:
        where = peer or os.environ.get(PEER_ENV) or "shared/peers/anki beside the checkout or above it"
        return {"skipped": f"the Anki harness (bench.py, requirements.txt) was not found in {where}"}
    python, why = ensure_installed(folder)
    if python is None:
        return {"skipped": f"the Anki peer cannot be installed: {why}"}
    notes = [f"harness {folder}, venv {python.parent.parent}"]
    gui = "off" if gui_reason else "on"
    if gui_reason:
        notes.append(f"Anki's GUI cold start not measured: {gui_reason}")
    result, why = run(python, folder, n, gui, quick)
    if result is None and gui == "on":  # keep the rest of the comparison when only the GUI fails
        notes.append(f"with --gui on: {why}; ran again with --gui off")
        result, why = run(python, folder, n, "off", quick)
    if result is None:
        return {"skipped": f"the Anki harness failed: {why}", "notes": notes}
    return {"result": result, "notes": notes}


def in_turn(phase: str, n: int, peer: Path | None = None) -> dict[str, Any] | None:
    """One run of a phase of the harness (bench/_anki_phase.py: "write" or "sync") with n
    notes, in a fresh folder; its JSON, or None when the peer cannot be found, installed or run."""
    folder = find_peer(peer)
    python = ensure_installed(folder)[0] if folder else None
    if folder is None or python is None:
        return None
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"anki-{phase}-", dir=OUT))
    try:
        done = subprocess.run(
            [str(python), str(REPO / "bench" / "_anki_phase.py"), phase, str(folder), str(n), str(work)],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=OUT,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = _json_line(done.stdout) if done.returncode == 0 else None
    if result is None:
        print(f"[peer] {phase} in turn failed: {_tail(done.stderr)}", file=sys.stderr, flush=True)
    return result


def add_notes_once(n: int, peer: Path | None = None) -> float | None:
    """Seconds of one `add_notes` of n notes into a fresh collection; None without the peer."""
    written = in_turn("write", n, peer)
    return float(written["add_notes_s"]) if written else None
