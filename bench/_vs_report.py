"""The printed side of bench_vs_anki: each section's details as it finishes, then issue 14's
table (kcdesk beside Anki, with ratios) and every Done-when target marked met or missed.

`results` maps a section to its figures, to {"skipped": why}, or leaves it out when the
section was not asked for. Ratios only mean something within one run: the machine is shared.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

from _common import rate, table

# Bytes on the wire per facility of the first pull (100,000 facilities) in the runs before
# issue 14's speed work (bench/results/vs_anki-2026-12-04.txt): the Done-when says not above
# today's. Ids are random, so the compressed snapshot varies a little between runs: 1% slack.
FIRST_PULL_BYTES_BEFORE = 43.1
FIRST_PULL_BASELINE_SIZE = 100_000
BYTES_SLACK = 1.01

NA = "–"


def _get(d: dict[str, Any] | None, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def ok(results: dict[str, Any], section: str) -> dict[str, Any] | None:
    value = results.get(section)
    return value if isinstance(value, dict) and "skipped" not in value else None


def anki(results: dict[str, Any]) -> dict[str, Any] | None:
    return _get(results, "anki", "result")


def ratio(x: float | None, y: float | None) -> str:
    return f"{x / y:.2f}" if x is not None and y else NA


# -- details, printed as each section finishes --------------------------------------------


TITLES = {
    "anki": "anki: Anki's peer harness",
    "core": "core: bulk write through the core beside the true floor (bench_core)",
    "sync": "pull, push: sync against kcdesk's server on PostgreSQL (bench_sync)",
    "start": "start: cold start to the main window (bench_gui)",
    "status": "status: a CLI command as a whole process (bench_frozen)",
    "register": "register: the window over the whole register (bench_gui)",
}


def print_section(name: str, value: dict[str, Any]) -> None:
    print(f"\n== {TITLES[name]}")
    if "skipped" in value:
        print(f"  not measured: {value['skipped']}")
        for note in value.get("notes", []):
            print(f"  {note}")
        return
    DETAILS[name](value)


def _anki_details(v: dict[str, Any]) -> None:
    r = v["result"]
    for note in v.get("notes", []):
        print(f"  {note}")
    versions = r.get("versions", {})
    print(f"  Anki {versions.get('anki_buildinfo', versions.get('anki'))}, N = {r['n']:,} notes, {r['total_s']:.0f} s")
    w, s = r["write"], r["sync"]
    csv = w["import_csv"]["per_s"]
    print(f"  add_notes {w['add_notes_per_s']:,}/s; import_csv {csv:,}/s; {w['bytes_per_note']} B/note on disk")
    for phase in ("full_upload", "full_download", "incremental_push", "incremental_pull"):
        p = s[phase]
        moved = p["bytes_client_to_server"] + p["bytes_server_to_client"]
        print(f"  {phase:<17} {p['s']:6.2f} s  {p['notes_per_s']:9,}/s  {moved:,} B on the wire")
    search = r["search"]
    print(
        f"  search p50/p95 {search['p50_ms']:.1f}/{search['p95_ms']:.1f} ms; tone-insensitive ('ignore accents') "
        f"p50/p95 {search['ignore_accents_toneless_p50_ms']:.0f}/{search['ignore_accents_toneless_p95_ms']:.0f} ms"
    )
    gui = r.get("gui", {})
    m = gui.get("median") or {}
    if m and None in (m.get("bare_shown_s"), m.get("anki_main_window_painted_s"), m.get("anki_deck_list_ready_s")):
        # Every launch failed (the window did not come up under this display): say so.
        print(f"  GUI: not measured, every one of {gui.get('launches')} launches failed")
    elif m:
        print(
            f"  GUI: bare PyQt6 window {m['bare_shown_s']:.3f} s, main window painted "
            f"{m['anki_main_window_painted_s']:.3f} s ({m['main_window_painted_vs_bare_x']}x), deck list "
            f"{m['anki_deck_list_ready_s']:.3f} s; {gui['launches']} launches"
        )
    else:
        print(f"  GUI: {gui.get('skipped', 'not measured (no launch painted a window)')}")


def _core_details(v: dict[str, Any]) -> None:
    import bench_core

    bench_core.print_write(v["n"], v)
    sizes = ", ".join(f"{k} {b:,.0f}" for k, b in v["bytes_per_facility"].items())
    print(f"  bytes per facility on disk: {sizes}")


def _sync_details(v: dict[str, Any]) -> None:
    if "first_pull" in v:
        f = v["first_pull"]
        print(
            f"  first pull      {f['facilities']:,} facilities in {f['seconds']:.2f} s (pull phase "
            f"{f['pull_seconds']:.2f} s), search index {f['indexed']:,} rows, {f['wire_bytes']:,} B on the wire"
        )
        if "runs_s" in f:
            print(f"    median of {len(f['runs_s'])} empty laptops: {', '.join(f'{t:.2f}' for t in f['runs_s'])} s")
        turns = v.get("first_pull_in_turn")
        if turns:
            print(
                f"    each after a run of Anki's sync phase; its full downloads of {turns['anki_notes']:,} notes: "
                f"{', '.join(f'{t:.2f}' for t in turns['anki_download_s'])} s"
            )
        if f.get("snapshot_write_seconds"):
            commit = f["snapshot_write_seconds"] - f["snapshot_apply_seconds"]
            print(
                f"    of which the snapshot: fetched (download, sha256, unpack) {f['snapshot_fetch_seconds']:.2f} s, "
                f"written in {f['snapshot_apply_seconds']:.2f} s, committed {commit:.2f} s "
                "(into the file: through the rollback journal when the laptop's process alone has it open, "
                "else the WAL and its checkpoint; kcdesk/db/journal.py)"
            )
    e = v["edits"]
    print(
        f"  push of edits   {e['edits']:,} in {e['seconds']:.2f} s (whole cycle {e['cycle_seconds']:.2f} s), "
        f"{(e['bytes_sent'] + e['bytes_received']) / e['edits']:.1f} B per edit; echoed rows {e['echo_rows']:,} "
        f"(pull phase {e['echo_pull_seconds']:.2f} s)"
    )
    if "incremental" in v:
        i = v["incremental"]
        print(
            f"  incremental     {i['pulled']:,} rows in {i['seconds']:.2f} s (pull phase {i['pull_seconds']:.2f} s), "
            f"{i['wire_bytes']:,} B on the wire"
        )
    turns = v.get("in_turn")
    if turns and turns["rounds"]:
        print(f"  in turn with Anki's sync phase, {turns['rounds']} rounds (s):")
        for way in ("push", "pull"):
            kc_s, anki_s = turns[f"kcdesk_{way}_s"], turns[f"anki_{way}_s"]
            k, peer, _ = edit_rates(None, v, way)
            print(
                f"    {way}: kcdesk {', '.join(f'{t:.2f}' for t in kc_s)} ({turns['edits']:,} edits); Anki "
                f"{', '.join(f'{t:.2f}' for t in anki_s)} ({turns['anki_edits']:,} edits); ratio of the medians' rates "
                f"{k / peer:.2f}"
            )
    if "inserts" in v:
        p = v["inserts"]
        print(
            f"  push of inserts {p['pushed']:,} in {p['seconds']:.2f} s = {p['rate']:,.0f}/s (whole cycle "
            f"{p['cycle_seconds']:.2f} s); echoed rows {p['echo_rows']:,} (pull phase {p['echo_pull_seconds']:.2f} s)"
        )
        print(f"    INSERT ratio {p['rate'] / p['raw_insert']:.2f} of a raw batched INSERT ({p['raw_insert']:,.0f}/s)")
        print(
            f"    COPY ratio   {p['rate'] / p['raw_copy']:.2f} of a raw PostgreSQL COPY ({p['raw_copy']:,.0f} rows/s)"
        )


def _start_details(v: dict[str, Any]) -> None:
    print(
        f"  median of {v['runs']} (after a warm-up): bare PySide6 window {v['bare_s']:.3f} s, kcdesk main window "
        f"painted {v['shown_s']:.3f} s ({v['shown_s'] / v['bare_s']:.1f}x), register showing rows {v['filled_s']:.3f} s"
    )
    print(f"  every launch (s): { ({k: [round(x, 3) for x in xs] for k, xs in v['all'].items()}) }")


def _status_details(v: dict[str, Any]) -> None:
    print(
        f"  median of {v['runs']}: `{v['command']}` {v['status_s'] * 1000:.0f} ms, "
        f"bare python -c 'import sqlite3' {v['bare_s'] * 1000:.0f} ms ({v['status_s'] / v['bare_s']:.1f}x)"
    )


def _register_details(v: dict[str, Any]) -> None:
    print(f"  {v['rows']:,} facilities, platform {v['platform']}")
    print(
        f"  RSS at start {v['rss_start_mb']:.0f} MB, after scrolling {v['rss_after_scroll_mb']:.0f} MB, peak "
        f"{v['rss_peak_mb']:.0f} MB; {v['scroll_pages']:,} pages in {v['scroll_s']:.1f} s"
    )
    if "rss_session_peak_mb" in v:  # the window's own peak (VmHWM); ru_maxrss adds its launcher's (Linux)
        print(
            f"  (the window's own peak, VmHWM; until the end of the session {v['rss_session_peak_mb']:.0f} MB; "
            f"ru_maxrss, which includes this launcher's peak, {v['ru_maxrss_mb']:.0f} MB)"
        )
    print(
        f"  search as you type p50/p95 {v['search_p50_ms']:.1f}/{v['search_p95_ms']:.1f} ms over {v['search_n']} "
        f"keystrokes (slowest {v['search_max_ms']:.1f} ms); {v['broad_n']} answered by a count"
    )
    print(f"  longest event-loop stall in a 20,000-row write {v['write_longest_stall_ms']:.1f} ms")


DETAILS: dict[str, Callable[[dict[str, Any]], None]] = {
    "anki": _anki_details,
    "core": _core_details,
    "sync": _sync_details,
    "start": _start_details,
    "status": _status_details,
    "register": _register_details,
}


# -- the comparison table -------------------------------------------------------------------


def comparison_rows(results: dict[str, Any]) -> list[list[str]]:
    a, core, sync = anki(results), ok(results, "core"), ok(results, "sync")
    start, status, reg = ok(results, "start"), ok(results, "status"), ok(results, "register")
    rows: list[list[str]] = []

    def add(measure: str, ours: str | None, theirs: str | None, r: str) -> None:
        if ours is not None or theirs is not None:
            rows.append([measure, ours or NA, theirs or NA, r])

    fp, ap = _get(sync, "first_pull"), _get(a, "sync", "full_download")
    k_rate = rate(fp["facilities"], fp["seconds"]) if fp else None
    add(
        "first pull into an empty client",
        fp
        and f"{fp['facilities']:,} facilities in {fp['seconds']:.2f} s ({k_rate:,.0f}/s), {fp['indexed']:,} indexed, "
        f"{fp['wire_bytes'] / fp['facilities']:.1f} B/facility on the wire",
        ap
        and f"full download {a['n']:,} notes in {ap['s']:.2f} s ({ap['notes_per_s']:,}/s), "
        f"{(ap['bytes_client_to_server'] + ap['bytes_server_to_client']) / a['n']:.1f} B/note",
        ratio(k_rate, ap and ap["notes_per_s"]),
    )
    inc, ai = _get(sync, "incremental"), _get(a, "sync", "incremental_pull")
    edits = _get(sync, "edits", "edits")
    k_rate = rate(edits, inc["seconds"]) if inc else None
    add(
        f"incremental pull of {edits:,} edits" if edits else "incremental pull of edits",
        inc and f"{inc['seconds']:.2f} s ({k_rate:,.0f}/s)",
        ai and f"{ai['edited_notes']:,} edits in {ai['s']:.2f} s ({ai['notes_per_s']:,}/s)",
        ratio(k_rate, ai and ai["notes_per_s"]),
    )
    e, ae = _get(sync, "edits"), _get(a, "sync", "incremental_push")
    add(
        "push of edits, end to end",
        e and f"{e['rate']:,.0f}/s ({e['edits']:,} edits, push phase {e['seconds']:.2f} s)",
        ae and f"{ae['notes_per_s']:,}/s ({ae['edited_notes']:,} edits, {ae['s']:.2f} s)",
        ratio(e and e["rate"], ae and ae["notes_per_s"]),
    )
    k_bytes = e and (e["bytes_sent"] + e["bytes_received"]) / e["edits"]
    a_bytes = ae and (ae["bytes_client_to_server"] + ae["bytes_server_to_client"]) / ae["edited_notes"]
    add(
        "wire bytes per pushed edit (fewer is better)",
        k_bytes and f"{k_bytes:.1f} B",
        a_bytes and f"{a_bytes:.1f} B",
        ratio(a_bytes, k_bytes),
    )
    p, au = _get(sync, "inserts"), _get(a, "sync", "full_upload")
    add(
        "push of new records (time until they are on the server)",
        p and f"{p['rate']:,.0f}/s ({p['pushed']:,} facilities)",
        au and f"full upload {au['notes_per_s']:,}/s ({a['n']:,} notes)",
        ratio(p and p["rate"], au and au["notes_per_s"]),
    )
    k_rate = rate(core["n"], core["core_s"]) if core else None
    aw = _get(a, "write")
    peer, how = add_notes_rate(a, core)
    add(
        "local bulk write",
        core and f"{k_rate:,.0f} rows/s (core, {core['n']:,} facilities)",
        aw
        and (
            f"{peer:,.0f}/s (`add_notes` in turn with the core; {aw['add_notes_per_s']:,}/s in its own run), "
            if how
            else f"{aw['add_notes_per_s']:,}/s (`add_notes`), "
        )
        + f"{aw['import_csv']['per_s']:,}/s (CSV import)",
        f"{ratio(k_rate, peer)} / {ratio(k_rate, aw['import_csv']['per_s'])}" if aw else NA,
    )
    ag = _get(a, "gui", "median")
    if ag and None in (ag.get("anki_main_window_painted_s"), ag.get("bare_shown_s")):
        ag = None  # Anki's launches failed under this display
    kx = start and start["shown_s"] / start["bare_s"]
    ax = ag and ag["anki_main_window_painted_s"] / ag["bare_shown_s"]
    add(
        "cold start to main window / bare Qt window, same run",
        start and f"{start['shown_s']:.2f} s / {start['bare_s']:.3f} s = {kx:.1f}x",
        ag and f"{ag['anki_main_window_painted_s']:.2f} s / {ag['bare_shown_s']:.3f} s = {ax:.1f}x",
        ratio(ax, kx),
    )
    add(
        "CLI command, whole process",
        status
        and f"`kcdesk status` {status['status_s'] * 1000:,.0f} ms, bare sqlite3 {status['bare_s'] * 1000:.0f} ms "
        f"= {status['status_s'] / status['bare_s']:.1f}x",
        None,
        NA,
    )
    asr = _get(a, "search")
    add(
        "tone-insensitive search, p95",
        reg and f"{reg['search_p95_ms']:.1f} ms as you type in the window, {reg['rows']:,} facilities",
        asr and f"{asr['ignore_accents_toneless_p95_ms']:.0f} ms ('ignore accents' on), {a['n']:,} notes",
        ratio(asr and asr["ignore_accents_toneless_p95_ms"], reg and reg["search_p95_ms"]),
    )
    total = _get(core, "bytes_per_facility", "total")
    add(
        "bytes per record on disk (fewer is better)",
        total and f"{total:,.0f} B (audit trail {_get(core, 'bytes_per_facility', 'audit trail') or 0:,.0f} B)",
        aw and f"{aw['bytes_per_note']:,.0f} B",
        ratio(aw and aw["bytes_per_note"], total),
    )
    return rows


# -- Done when ------------------------------------------------------------------------------


def download_rate(a: dict[str, Any] | None, sync: dict[str, Any] | None) -> tuple[Any, str]:
    """Anki's full-download rate to judge the first pull by: the median of its runs in turn
    with kcdesk's three first pulls when there are any, else the harness's one run."""
    turns = _get(sync, "first_pull_in_turn")
    if turns and turns["anki_download_s"]:
        runs = len(turns["anki_download_s"])
        how = f" (Anki's full download in turn with these first pulls, median of {runs})"
        return turns["anki_notes"] / statistics.median(turns["anki_download_s"]), how
    ap = _get(a, "sync", "full_download")
    return (ap and ap["notes_per_s"]), ""


def edit_rates(a: dict[str, Any] | None, sync: dict[str, Any] | None, way: str) -> tuple[Any, Any, str]:
    """(kcdesk's rate, Anki's rate, how they were taken) for the push ("push") or the
    incremental pull ("pull") of edits: the medians of the rounds in turn when there are any,
    else the one run of each."""
    turns = _get(sync, "in_turn")
    if turns and turns["rounds"]:
        kc_s, anki_s = statistics.median(turns[f"kcdesk_{way}_s"]), statistics.median(turns[f"anki_{way}_s"])
        how = f" (medians of {turns['rounds']} rounds in turn with Anki's)"
        return turns["edits"] / kc_s, turns["anki_edits"] / anki_s, how
    if way == "pull":
        inc, ai = _get(sync, "incremental"), _get(a, "sync", "incremental_pull")
        return (inc and rate(sync["edits"]["edits"], inc["seconds"])), (ai and ai["notes_per_s"]), ""
    e, ae = _get(sync, "edits"), _get(a, "sync", "incremental_push")
    return (e and e["rate"]), (ae and ae["notes_per_s"]), ""


def add_notes_rate(a: dict[str, Any] | None, core: dict[str, Any] | None) -> tuple[float | None, str]:
    """Anki's add_notes rate to judge the core's bulk write by: the median of its runs in turn
    with the core's (bench_core.bench_write) when there are any, else the harness's one run."""
    if core and core.get("peer_write_s"):
        runs = len(core["runs"]["peer_write_s"])
        return core["n"] / core["peer_write_s"], f" (add_notes in turn with it, median of {runs})"
    aw = _get(a, "write")
    return (aw["add_notes_per_s"], "") if aw else (None, "")


def done_when_rows(results: dict[str, Any]) -> list[list[str]]:
    a, core, sync = anki(results), ok(results, "core"), ok(results, "sync")
    start, status, reg = ok(results, "start"), ok(results, "status"), ok(results, "register")
    no_peer = "n/a: no Anki figure in this run"
    rows: list[list[str]] = []

    def check(target: str, measured: str | None, met: bool | None, why_na: str = "n/a: not measured") -> None:
        verdict = why_na if measured is None or met is None else ("met" if met else "MISSED")
        rows.append([target, measured or NA, verdict])

    def against_peer(target: str, k: float | None, peer: float | None, how: str, at_least: float = 1.0) -> None:
        """A rate line: kcdesk's rate `k` >= `at_least` times the peer's (`how` it was taken)."""
        check(
            target,
            k and (f"{k:,.0f}/s = {k / peer:.2f}x{how}" if peer else f"{k:,.0f}/s"),
            (k / peer >= at_least) if k and peer else None,
            no_peer if k else "n/a: not measured",
        )

    fp = _get(sync, "first_pull")
    against_peer(
        "first pull >= 0.5x Anki's full-download rate per record (goal 1x)",
        fp and rate(fp["facilities"], fp["seconds"]),
        *download_rate(a, sync),
        at_least=0.5,
    )
    check(
        "first pull includes the search index",
        fp and f"{fp['indexed']:,} of {fp['facilities']:,} indexed",
        fp and fp["indexed"] == fp["facilities"],
    )
    per = fp and fp["wire_bytes"] / fp["facilities"]
    full_size = fp and fp["facilities"] == FIRST_PULL_BASELINE_SIZE
    check(
        f"first pull bytes on the wire not above today's ({FIRST_PULL_BYTES_BEFORE} B/facility, +1%)",
        per and f"{per:.1f} B/facility",
        (per <= FIRST_PULL_BYTES_BEFORE * BYTES_SLACK) if full_size else None,
        f"n/a: the baseline is for {FIRST_PULL_BASELINE_SIZE:,} facilities" if fp else "n/a: not measured",
    )
    against_peer("incremental pull of edits >= Anki's rate", *edit_rates(a, sync, "pull"))
    against_peer("push of edits >= Anki's rate", *edit_rates(a, sync, "push"))
    against_peer(
        "core bulk write >= Anki's `add_notes` rate", core and rate(core["n"], core["core_s"]), *add_notes_rate(a, core)
    )
    check(
        "core bulk write >= 0.6 of the true floor (executemany + capture by hand), same run",
        core and f"{core['floor_capture_s'] / core['core_s']:.2f} (rows alone: {core['floor_s'] / core['core_s']:.2f})",
        core and core["floor_capture_s"] / core["core_s"] >= 0.6,
    )
    kx = start and start["shown_s"] / start["bare_s"]
    check("cold start to the main window <= 4x the bare Qt window", start and f"{kx:.1f}x", start and kx <= 4)
    sx = status and status["status_s"] / status["bare_s"]
    check(
        "`kcdesk status` whole process <= 3x bare python -c 'import sqlite3'",
        status and f"{sx:.1f}x",
        status and sx <= 3,
    )
    check(
        "search-as-you-type p95 <= 30 ms",
        reg and f"{reg['search_p95_ms']:.1f} ms ({reg['rows']:,} facilities)",
        reg and reg["search_p95_ms"] <= 30,
    )
    check(
        "peak RSS <= 300 MB while scrolling", reg and f"{reg['rss_peak_mb']:.0f} MB", reg and reg["rss_peak_mb"] <= 300
    )
    audit = _get(core, "bytes_per_facility", "audit trail")
    check("audit bytes per facility <= 720", audit and f"{audit:,.0f} B", audit and audit <= 720)
    echoes = [x["echo_rows"] for x in (_get(sync, "edits"), _get(sync, "inserts")) if x]
    check(
        "no echoed rows after a push",
        sync and " + ".join(f"{n:,}" for n in echoes) + " (edits + inserts)"
        if len(echoes) == 2
        else sync and f"{sum(echoes):,}",
        sync and sum(echoes) == 0,
    )
    return rows


def print_summary(results: dict[str, Any]) -> None:
    a = anki(results)
    if a is None:
        why = _get(results, "anki", "skipped") or "the anki section was not asked for (--only)"
        print(f"\nAnki's side is missing from this run: {why}. kcdesk's side only.")
    label = f"Anki {_get(a, 'versions', 'anki_buildinfo') or '26.09'}, N = {a['n']:,}" if a else "Anki"
    print("\n## kcdesk beside Anki, this run\n")
    print(table(["measure", "kcdesk", label, "kcdesk / Anki"], comparison_rows(results)))
    print(
        "\nkcdesk / Anki: speed over speed, above 1 kcdesk is ahead (rates divided; for times, bytes and the"
        "\ncold-start multiple, Anki's figure divided by kcdesk's). Anki's sync figures are whole-file transfers"
        "\nfor the first pull and push (see shared/peers/anki/README.md, 'What makes the comparison unfair')."
    )
    print("\n## Done when (issue 14)\n")
    print(table(["target", "this run", "verdict"], done_when_rows(results)))
