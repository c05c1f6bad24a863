"""Search as you type in the window, alone: bench_gui's keystrokes without its scroll or write,
with the process CPU time of each keystroke beside its wall time (on a shared machine the
CPU time moves far less than the wall time, so it compares two versions more fairly).

    python bench/bench_register_search.py [--db PATH] [--src TREE ...]

Each --src is a source tree (a checkout or `git archive` of another commit) measured in turn
over the same database, alternated --runs times; the default is this checkout. Offscreen.
With --passes K (K > 1) each run types the queries K times in the same window, the model's
memories (answers, counts, rows, what its list learnt) forgotten between passes, and also
prints the p95 of each keystroke's least CPU time over the passes: on a machine others share,
the least of several tries moves far less than any single one.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_gui import QUERIES, REPO

PROBE = r"""
import json, statistics, sys, time
sys.path.insert(0, {src!r})
from PySide6.QtCore import QEventLoop, QTimer
from kcdesk.db.store import Store
from kcdesk.ui.app import build_main_window, prepare_application
from kcdesk.ui.settings import Settings
app, _tr = prepare_application(Settings(), "vi")
w = build_main_window(Store.open({db!r}), Settings(), "vi")
w.resize(1366, 768); w.show(); w.show_page("facilities")
page = w.page("facilities"); model = page.model
def answer():
    got = []; loop = QEventLoop()
    on_list = lambda n: (got.append("list"), loop.quit()); on_count = lambda n: (got.append("count"), loop.quit())
    model.loaded.connect(on_list); model.counted.connect(on_count); loop.exec()
    model.loaded.disconnect(on_list); model.counted.disconnect(on_count)
if model.loading:
    loop = QEventLoop(); model.loaded.connect(loop.quit); loop.exec()
settle = QEventLoop(); QTimer.singleShot(300, settle.quit); settle.exec()
passes = []
for k in range({passes}):
    if k:  # forget what the last pass taught the model, as a window just opened would not know it
        for memory in (model._results, model._broad, model._bounds, model._cache, model._shown):
            memory.clear()
        for learnt in ("universal", "answers"):  # kept by the list itself since i14search
            getattr(model._base, learnt, {{}}).clear()
    wall, cpu = [], []
    for q in {queries!r}:
        for i in range(2, len(q) + 1):
            c, t = time.process_time(), time.perf_counter()
            model.set_search(q[:i]); answer(); page.table.viewport().repaint(); app.processEvents()
            wall.append((time.perf_counter() - t) * 1000); cpu.append((time.process_time() - c) * 1000)
        model.set_search(""); answer(); page.table.viewport().repaint(); app.processEvents()  # the clearing's repaint
    passes.append(cpu)
w.ctx.runner.shutdown()
p95 = lambda xs: sorted(xs)[int(0.95 * (len(xs) - 1))]
least = [min(p[i] for p in passes) for i in range(len(cpu))]
print("JSON" + json.dumps(dict(n=len(wall), wall_p50=statistics.median(wall), wall_p95=p95(wall),
                               cpu_p50=statistics.median(cpu), cpu_p95=p95(cpu),
                               least_p50=statistics.median(least), least_p95=p95(least))), flush=True)
"""


def measure(src: Path, db: Path, env: dict[str, str], passes: int = 1) -> dict[str, float]:
    code = PROBE.format(src=str(src), db=str(db), queries=QUERIES, passes=passes)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    line = next((x for x in out.stdout.splitlines() if x.startswith("JSON")), None)
    if line is None:
        raise SystemExit(out.stderr[-4000:])
    return dict(json.loads(line[4:]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "gui-200k.db")
    parser.add_argument("--src", type=Path, action="append", help="a source tree to measure (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--passes", type=int, default=1, help="times the queries are typed in each run")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: run bench/bench_gui.py once to build it")
    env = dict(os.environ, KCDESK_HOME=tempfile.mkdtemp(prefix="kcdesk-bench-search-"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    sources = args.src or [REPO]
    least_head = f"  {'least CPU p50/p95':>18}" if args.passes > 1 else ""
    print(f"{'source tree':<40} {'load':>5}  {'wall p50/p95 ms':>16}  {'CPU p50/p95 ms':>15}{least_head}")
    for _ in range(args.runs):
        for src in sources:
            load = os.getloadavg()[0]
            r = measure(src.resolve(), args.db, env, args.passes)
            wall = f"{r['wall_p50']:.1f} / {r['wall_p95']:.1f}"
            cpu = f"{r['cpu_p50']:.1f} / {r['cpu_p95']:.1f}"
            least = f"  {r['least_p50']:.1f} / {r['least_p95']:.1f}".rjust(20) if args.passes > 1 else ""
            print(f"{src!s:<40} {load:>5.2f}  {wall:>16}  {cpu:>15}{least}", flush=True)
    print(
        f"\n{int(r['n'])} keystrokes per pass (bench_gui's queries), {args.passes} pass(es) per run "
        "(wall and CPU: the last pass; least: each keystroke's least CPU over the passes); "
        f"load is the 1-minute average on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
