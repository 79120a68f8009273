"""The rows of issue #15's table measured in-process: the case list's search and sorts, the
performance report, a PAW case (CPU part vs SpiffWorkflow, durable vs one-row commits), the
demo build and ReportLab's accelerator. tests/benchmark_core.py prints them in one table with
the start/close/command-line rows of tests/benchmark_start.py. Not a test: run by hand.

Each row is (where a person waits, today, target, measured, ratio): `today` is issue #15's
figure before this work, `ratio` the measured figure over the target's bound (a row meets its
target at a ratio of at most 1.00) or, for a comparison, over what it is compared with.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import event

from sopdesk.catalog import END, Sop
from sopdesk.engine import case_anchors, cases, queries
from sopdesk.engine.workspace import Workspace
from sopdesk.store.db import SQLITE_PRAGMAS

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_paw_floor as paw_floor  # noqa: E402 - beside this file

Row = tuple[str, str, str, str, str]
SPIFF_SCRIPT = Path(__file__).with_name("benchmark_spiff.py")
PAW_PATH = {2: "Ya", 10: "Ya"}  # start + 9 steps: 1, 2 (Ya), 8, 9, 10 (Ya), 11, 12, 13, 14
WAITS_BEFORE = 13  # PAW's 14-day wait after the clarification (step 9) holds step 13


def median_ms(func: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The median milliseconds of `runs` calls after a warm one, by `clock` (wall time by
    default; time.process_time for a CPU part)."""
    func()  # warm
    times = []
    for _ in range(runs):
        start = clock()
        func()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


# --- the case list -----------------------------------------------------------------------------

DEEP_PAGE = 19  # the 20th page of 100 rows: where the Kasus list is after scrolling a while


def scrolled_ms(ws: Workspace, runs: int, text: str, sort: str, descending: bool, offset: int) -> tuple[float, float]:
    """The median milliseconds of a page reached by scrolling: asked after every page before it,
    in turn, as the Kasus list asks them (and again at each refresh); and of all those pages
    together (a refresh of the list so far). What pages learnt (engine.case_anchors) is
    forgotten before each run."""
    times, totals = [], []
    for _ in range(runs + 1):
        case_anchors.forget()
        first = time.perf_counter()
        for before in range(0, offset, 100):
            queries.cases_page(ws, search=text, sort=sort, descending=descending, offset=before)
        start = time.perf_counter()
        queries.cases_page(ws, search=text, sort=sort, descending=descending, offset=offset)
        end = time.perf_counter()
        times.append((end - start) * 1000)
        totals.append((end - first) * 1000)
    return statistics.median(times[1:]), statistics.median(totals[1:])


def case_list_rows(ws: Workspace, runs: int) -> list[Row]:
    """A search (page + count, as the Kasus list asks) for a name and for a word in half the
    cases; then every sortable column both ways: its first page and its 20th asked first (a
    search typed, an order chosen, the scroll bar dragged: nothing learnt from earlier pages),
    and the 20th scrolled to (after the 19 before it). The ratio is the worst of them all."""
    rows = []
    deep = DEEP_PAGE * 100
    for label, text in (("a name", "Ndun"), ("a word in half the cases", "Permohonan")):
        page = median_ms(lambda text=text: queries.cases_page(ws, search=text), runs)
        count = median_ms(lambda text=text: queries.cases_total(ws, search=text, cap=queries.CASE_COUNT_CAP), runs)
        first_asked = {(sort, down, offset): median_ms(
            lambda text=text, sort=sort, down=down, offset=offset: (case_anchors.forget(), queries.cases_page(
                ws, search=text, sort=sort, descending=down, offset=offset)), runs)
            for sort in queries.CASE_SORTS for down in (False, True) for offset in (0, deep)}
        scrolled = {(sort, down): scrolled_ms(ws, runs, text, sort, down, deep)
                    for sort in queries.CASE_SORTS for down in (False, True)}
        worst = max(first_asked, key=first_asked.get)
        first_key = max((key for key in first_asked if key[2] == 0), key=first_asked.get)
        first = first_asked[first_key]
        far = max(took for (_, _, offset), took in first_asked.items() if offset == deep)
        worst_scrolled = max(scrolled, key=lambda key: scrolled[key][0])
        way = f"{worst_scrolled[0]} {'desc' if worst_scrolled[1] else 'asc'}"
        refresh = max(total for _, total in scrolled.values())
        rows.append((f"case list searched ({label}: '{text}')", "count 93 ms, growing; sorted 52-141 ms",
                     "<= 20 ms per page",
                     f"page {page:.1f} ms + count {count:.1f} ms; sorted by any column, asked first: page 1 "
                     f"worst {first:.1f} ms ({first_key[0]} {'desc' if first_key[1] else 'asc'}), "
                     f"page {DEEP_PAGE + 1} worst {far:.1f} ms "
                     f"({worst[0]} {'desc' if worst[1] else 'asc'}); page {DEEP_PAGE + 1} scrolled to: worst "
                     f"{scrolled[worst_scrolled][0]:.1f} ms ({way}), its {DEEP_PAGE + 1} pages together "
                     f"(a refresh) worst {refresh:.0f} ms",
                     f"{max(page + count, first_asked[worst], scrolled[worst_scrolled][0]) / 20:.2f}"))
    rows += [short_search_row(ws, runs, RARE_PAIR, "page + count 30-39 ms"),
             short_search_row(ws, runs, RARE_LETTER, "page + count 38-57 ms"),
             short_search_row(ws, runs, COMMON_PAIR, "page 1 sorted by SOP descending 27 ms")]
    sorts = {(sort, down): median_ms(lambda sort=sort, down=down: queries.cases_page(ws, sort=sort, descending=down),
                                     runs)
             for sort in queries.CASE_SORTS for down in (False, True)}
    worst = max(sorts, key=sorts.get)
    title = max(sorts[("title", False)], sorts[("title", True)])
    rows.append(("case list sorted (every column, both ways)", "228 ms per page (title)", "<= 20 ms per page",
                 f"title {title:.1f} ms; worst {worst[0]} {'desc' if worst[1] else 'asc'} {sorts[worst]:.1f} ms",
                 f"{sorts[worst] / 20:.2f}"))
    return rows


RARE_PAIR = "Xq"  # no demo case holds it: the scan read every case for the page and the count
RARE_LETTER = "Z"  # as 'Xq' (a clerk typing 'Zulkifli')
COMMON_PAIR = "Ab"  # in 11% of the demo cases, none of some SOPs: a walk in their order read them


def short_search_row(ws: Workspace, runs: int, text: str, today: str) -> Row:
    """A pair of letters (a clerk typing 'Ab' on the way to 'Abdul'), first asked: page + count
    as the Kasus list asks them, and the first page in the worst order."""
    page_count = median_ms(lambda: (case_anchors.forget(), queries.cases_page(ws, search=text),
                                    queries.cases_total(ws, search=text, cap=queries.CASE_COUNT_CAP)), runs)
    sorts = {(sort, down): median_ms(lambda sort=sort, down=down: (case_anchors.forget(), queries.cases_page(
        ws, search=text, sort=sort, descending=down)), runs)
        for sort in queries.CASE_SORTS for down in (False, True)}
    worst = max(sorts, key=sorts.get)
    label = {RARE_PAIR: "a rare pair of letters", RARE_LETTER: "a rare letter"}.get(text, "a common pair")
    return (f"case list searched ({label}: '{text}')", today, "<= 20 ms per page",
            f"page + count {page_count:.1f} ms; sorted, page 1 worst {sorts[worst]:.1f} ms "
            f"({worst[0]} {'desc' if worst[1] else 'asc'})", f"{max(page_count, sorts[worst]) / 20:.2f}")


# --- the performance report ---------------------------------------------------------------------

def report_row(ws: Workspace, runs: int) -> Row:
    from pypdf import PdfReader

    from sopdesk.reports import render_performance

    end = ws.calendar.local(ws.clock()).date()
    start = end - timedelta(days=365)
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-bench-report-"))
    seconds = []
    for n in range(runs):
        began = time.perf_counter()
        path = render_performance(ws, "PP", start, end, folder / f"kinerja-{n}.pdf")
        seconds.append(time.perf_counter() - began)
    pages, size = len(PdfReader(path).pages), path.stat().st_size / 1e6
    shutil.rmtree(folder)
    took = statistics.median(seconds)
    return ("performance report PP, 12 months", "61 s, 265 pages, 305 MB", "<= 5 s, readable length",
            f"{took:.2f} s, {pages} pages, {size:.2f} MB", f"{took / 5:.2f}")


# --- a PAW case --------------------------------------------------------------------------------

def paw_bpmn(sop: Sop, process: str = "paw") -> str:
    """The BPMN of an SOP from the catalog: a user task per kegiatan from the first entry, an
    exclusive gateway after each decision (its flows conditioned on `pilihan`), end events."""
    parts = ['<bpmn:startEvent id="start"/>',
             f'<bpmn:sequenceFlow id="f_start" sourceRef="start" targetRef="k{sop.entri[0].kegiatan}"/>']
    for kegiatan in sop.kegiatan:
        no = kegiatan.no
        parts.append(f'<bpmn:userTask id="k{no}" name="{escape(kegiatan.kegiatan[:60], {chr(34): "&quot;"})}"/>')
        exits = sop.exits(no)
        source = f"k{no}"
        if kegiatan.is_decision:
            parts.append(f'<bpmn:exclusiveGateway id="g{no}"/>')
            parts.append(f'<bpmn:sequenceFlow id="f_k{no}_g{no}" sourceRef="k{no}" targetRef="g{no}"/>')
            source = f"g{no}"
        for n, (label, target) in enumerate(exits):
            if target == END:
                parts.append(f'<bpmn:endEvent id="end{no}"/>')
                target_id = f"end{no}"
            else:
                target_id = f"k{target}"
            condition = (f'<bpmn:conditionExpression>pilihan == "{label}"</bpmn:conditionExpression>'
                         if kegiatan.is_decision else "")
            parts.append(f'<bpmn:sequenceFlow id="f_{source}_{n}" sourceRef="{source}" targetRef="{target_id}">'
                         f"{condition}</bpmn:sequenceFlow>")
    body = "\n    ".join(parts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" '
            'targetNamespace="http://sopdesk.example/benchmark">\n'
            f'  <bpmn:process id="{process}" isExecutable="true">\n    {body}\n  </bpmn:process>\n'
            "</bpmn:definitions>\n")


class _Clock:
    """The time now, moved on by `skip` (PAW waits 14 days before step 13: the walk skips them)."""

    def __init__(self) -> None:
        self.skip = timedelta()

    def __call__(self):  # noqa: ANN204
        return datetime.now(timezone.utc) + self.skip


def _paw_office() -> tuple[Workspace, object, Path]:
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-bench-paw-"))
    ws = Workspace.open(folder, clock=_Clock())
    admin = ws.setup("KPU Provinsi NTT", "WITA", "admin", "benchmark-sandi-1")
    return ws, admin, folder


def paw_case(ws: Workspace, actor) -> list[int]:  # noqa: ANN001
    """One PAW case started and walked through its nine steps; returns the steps completed."""
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actor, "PAW", "Usulan PAW Anggota DPRD Provinsi NTT a.n. Yohanes Manafe",
                              requester="Pimpinan DPRD Provinsi NTT")
    walked = []
    step = sop.entri[0].kegiatan
    while step != END:
        kegiatan = sop.step(step)
        choice = PAW_PATH.get(step) if kegiatan.is_decision else None
        if step == WAITS_BEFORE:
            ws.clock.skip += timedelta(days=15)
        done = cases.complete(ws, actor, number, cases.StepInput(
            present=list(kegiatan.kelengkapan), choice=choice, note="benchmark"), step=step)
        walked.append(step)
        step = END if done.next_step is None else done.next_step
    return walked


def _sync_off(ws: Workspace, off: bool) -> None:
    """synchronous=OFF on every new connection of the office (the CPU part: no fsync)."""
    def pragma(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    ws.db.engine.dispose()
    if off:
        event.listen(ws.db.engine, "connect", pragma)
        ws._bench_pragma = pragma  # noqa: SLF001 - to remove it again
    elif getattr(ws, "_bench_pragma", None):
        event.remove(ws.db.engine, "connect", ws._bench_pragma)  # noqa: SLF001
        ws._bench_pragma = None  # noqa: SLF001
    ws.db.engine.dispose()


def paw_parts(ws: Workspace, actor, cases_count: int = 10) -> dict[str, float]:  # noqa: ANN001
    """Where a PAW case's CPU goes (ms per case, process time, the office as it is set now):
    the seals (audit._finish, before each commit), the anchor (before and after each commit),
    the letter registers' reaction (hooks.after_step), and the rest (the actions themselves,
    SQLite included)."""
    from sopdesk.engine import anchor, audit, hooks
    from sopdesk.store import db as store_db

    spent = {"seals": 0.0, "anchor": 0.0, "letters": 0.0}

    def timed(part: str, func):  # noqa: ANN001, ANN202
        def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            began = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[part] += time.process_time() - began
        return run

    patched = [(anchor, "before_commit"), (anchor, "after_commit"), (hooks, "after_step")]
    originals = [getattr(module, name) for module, name in patched]
    hook_index = store_db.COMMIT_HOOKS.index(audit._finish)  # noqa: SLF001
    try:
        for (module, name), func in zip(patched, originals, strict=True):
            setattr(module, name, timed("letters" if module is hooks else "anchor", func))
        store_db.COMMIT_HOOKS[hook_index] = timed("seals", audit._finish)  # noqa: SLF001
        began = time.process_time()
        for _ in range(cases_count):
            paw_case(ws, actor)
        total = time.process_time() - began
    finally:
        for (module, name), func in zip(patched, originals, strict=True):
            setattr(module, name, func)
        store_db.COMMIT_HOOKS[hook_index] = audit._finish  # noqa: SLF001
    parts = {part: ms / cases_count * 1000 for part, ms in spent.items()}
    parts["the rest"] = total / cases_count * 1000 - sum(parts.values())
    return parts


def paw_statements(ws: Workspace, actor) -> tuple[int, int]:  # noqa: ANN001
    """(SQL statements, transactions) of one PAW case on SQLite, as the driver runs them
    (BEGIN and COMMIT included, the statements triggers run inside them not)."""
    seen: list[str] = []

    def trace(dbapi_connection, _record):  # noqa: ANN001, ANN202
        dbapi_connection.set_trace_callback(seen.append)

    ws.db.engine.dispose()
    event.listen(ws.db.engine, "connect", trace)
    try:
        paw_case(ws, actor)
    finally:
        event.remove(ws.db.engine, "connect", trace)
        ws.db.engine.dispose()
    own = [sql for sql in seen if not sql.startswith("--")]
    return len(own), sum(sql.startswith("BEGIN") for sql in own)


def spiff_case_ms(sop: Sop, spiff_python: str, runs: int) -> dict | None:
    if not spiff_python or not Path(spiff_python).exists():
        return None
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-bench-spiff-"))
    bpmn = folder / "paw.bpmn"
    bpmn.write_text(paw_bpmn(sop), encoding="utf-8")
    choices = {f"k{step}": label for step, label in PAW_PATH.items()}
    done = subprocess.run([spiff_python, str(SPIFF_SCRIPT), str(bpmn), "paw", json.dumps(choices), str(runs)],
                          capture_output=True, text=True, check=False)
    shutil.rmtree(folder)
    if done.returncode != 0:
        print(f"SpiffWorkflow side failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout)


def one_row_commits_ms(path: Path, commits: int, runs: int) -> float:
    """The floor: `commits` one-row insert+commit transactions on the same disk, same pragmas."""
    raw = sqlite3.connect(path, isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        raw.execute(pragma)
    raw.execute("CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, at TEXT, detail TEXT)")

    def commits_in_a_row() -> None:
        for _ in range(commits):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO bench_insert (at, detail) VALUES (datetime('now'), 'benchmark')")
            raw.execute("COMMIT")

    try:
        return median_ms(commits_in_a_row, runs)
    finally:
        raw.close()


def fsync_ms(folder: Path, count: int = 200) -> float:
    """What one fdatasync costs on the office's disk (median, a 4 KiB overwrite each time): the
    durable row's floor is mostly this on a PC with a real disk; on a VM it is nearly free."""
    path = folder / "fsync-probe"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    times = []
    try:
        for _ in range(count):
            os.pwrite(fd, os.urandom(4096), 0)
            began = time.perf_counter()
            (os.fdatasync if hasattr(os, "fdatasync") else os.fsync)(fd)
            times.append((time.perf_counter() - began) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return statistics.median(times)


def paw_rows(runs: int, spiff_python: str | None) -> list[Row]:
    """The CPU part (synchronous=OFF) of a PAW case vs SpiffWorkflow's, and the durable case
    (synchronous=FULL) vs the same number of one-row commits, taken in turns."""
    ws, admin, folder = _paw_office()
    try:
        walked = paw_case(ws, admin)
        transactions = 1 + len(walked)
        durable, cold, floor, cpu, cpu_wall = [], [], [], [], []
        by_hand_cpu, by_hand_durable = [], []  # the case's own SQL replayed in sqlite3
        floor_file = folder / "floor.sqlite3"
        snapshot = folder / "before-the-case.sqlite3"
        recorded = paw_floor.record(ws, lambda: paw_case(ws, admin), snapshot) if ws.db.dialect == "sqlite" else []
        pages = paw_floor.wal_pages(snapshot, folder, recorded) if recorded else []
        for _ in range(runs):
            _sync_off(ws, False)
            # the first case on the new connections reads the schema and prepares every statement
            # again (a desk does so once a session): shown beside, the next one timed, warm as the
            # CPU part's median and the replay by hand are
            cold.append(median_ms(lambda: paw_case(ws, admin), 1))
            durable.append(median_ms(lambda: paw_case(ws, admin), 1))
            floor.append(one_row_commits_ms(floor_file, transactions, 1))
            if recorded:
                by_hand_durable.append(paw_floor.replay(snapshot, folder, recorded, False, time.perf_counter))
            _sync_off(ws, True)
            # the CPU part by the process's CPU clock (user + system: the kernel's share of the
            # file writes counts, the waits on the disk or on other processes do not); the wall
            # time shown beside it. SpiffWorkflow's side is pure in-memory Python: wall = CPU.
            cpu.append(median_ms(lambda: paw_case(ws, admin), 3, time.process_time))
            cpu_wall.append(median_ms(lambda: paw_case(ws, admin), 3))
            if recorded:
                by_hand_cpu.append(paw_floor.replay(snapshot, folder, recorded, True, time.process_time))
        parts = paw_parts(ws, admin)  # still synchronous=OFF
        statements, traced = paw_statements(ws, admin) if ws.db.dialect == "sqlite" else (0, 0)
        fsync = fsync_ms(folder)
        _sync_off(ws, False)
        cpu_ms, wall_ms, durable_ms, floor_ms = (statistics.median(x) for x in (cpu, cpu_wall, durable, floor))
        spiff = spiff_case_ms(ws.catalog.sop("PAW"), spiff_python or "", max(runs, 5))
    finally:
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)
    steps = f"start + {len(walked)} steps ({', '.join(map(str, walked))})"
    where = "; CPU per case: " + ", ".join(f"{part} {ms:.1f}" for part, ms in parts.items()) + " ms"
    if traced:
        where += f"; {statements} statements in {traced} transactions (BEGIN/COMMIT included)"
    written = (f"; its commits write {sum(pages)} pages to the WAL ({', '.join(map(str, pages))}; "
               "a one-row commit: 1, now and then 2)") if pages else ""
    by_hand = ""
    if by_hand_cpu:
        by_hand = (f"; its own SQL by hand (tests/benchmark_paw_floor.py): "
                   f"{statistics.median(by_hand_cpu):.1f} ms CPU, {statistics.median(by_hand_durable):.1f} ms durable")
    if spiff is None:
        cpu_row = (f"a PAW case ({steps}), CPU part", "25.5 ms; SpiffWorkflow 13.9 ms",
                   "<= 1/3 of SpiffWorkflow's",
                   f"{cpu_ms:.1f} ms CPU (wall {wall_ms:.1f} ms; SpiffWorkflow not run: --spiff-python)"
                   f"{by_hand}{where}",
                   "-")
    else:
        same = [f"k{s}" for s in walked] == spiff["walked"]
        cpu_row = (f"a PAW case ({steps}), CPU part", "25.5 ms; SpiffWorkflow 13.9 ms",
                   "<= 1/3 of SpiffWorkflow's",
                   f"{cpu_ms:.1f} ms CPU (wall {wall_ms:.1f} ms); SpiffWorkflow {spiff['ms']:.1f} ms"
                   f"{'' if same else ' (other path!)'}{by_hand}{where}",
                   f"{cpu_ms / spiff['ms']:.2f} (target 0.33)")
    durable_row = (f"a PAW case, durable ({transactions} transactions, synchronous=FULL)", "-",
                   "<= 1.3x the same number of one-row commits",
                   f"{durable_ms:.1f} ms (the first case on new connections {statistics.median(cold):.1f} ms); "
                   f"{transactions} one-row commits {floor_ms:.1f} ms "
                   f"(one fdatasync here: {fsync:.3f} ms; a PAW action fsyncs once, as a one-row commit){by_hand}"
                   f"{written}",
                   f"{durable_ms / floor_ms:.2f}x")
    return [cpu_row, durable_row]


# --- the demo and ReportLab's accelerator -------------------------------------------------------

def demo_row(cases_count: int) -> Row:
    """`sopdesk demo --cases N` into a new folder, whole process (progress shown on stderr)."""
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-bench-demo-"))
    env = {k: v for k, v in os.environ.items() if k != "SOPDESK_DB"}
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sopdesk", "--data-dir", str(folder / "data"), "demo",
                           "--cases", str(cases_count)], capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - began
    progress = sum(1 for line in done.stderr.splitlines() if line.startswith("Membuat data contoh:"))
    shutil.rmtree(folder, ignore_errors=True)
    if done.returncode != 0:
        return (f"sopdesk demo --cases {cases_count}", "4 min 35 s, no progress", "<= 90 s, progress shown",
                f"failed: {done.stderr.strip()[-200:]}", "-")
    bound = 90 * cases_count / 100_000
    return (f"sopdesk demo --cases {cases_count}", "4 min 35 s (100,000), no progress",
            f"<= {bound:.0f} s, progress shown", f"{seconds:.1f} s, {progress} progress lines",
            f"{seconds / bound:.2f}")


def accel_row(rows: int, runs: int) -> Row:
    """A buku ekspedisi of `rows` entries printed with ReportLab's C accelerator and without it
    (`_rl_accel` hidden), in child processes taken in turns."""
    code = ("import sys, time, contextlib, io; sys.path.insert(0, {root!r}); {hide}"
            "import tests.benchmark_core as b; f = io.StringIO()\n"
            "with contextlib.redirect_stdout(f): s = b.expedition_book({rows})\n"
            "print(s)")
    root = str(Path(__file__).resolve().parent.parent)
    with_accel, without = [], []
    for _ in range(runs):
        for hide, out in (("", with_accel), ("sys.modules['_rl_accel'] = None; ", without)):
            done = subprocess.run([sys.executable, "-c", code.format(root=root, hide=hide, rows=rows)],
                                  capture_output=True, text=True, check=True)
            out.append(float(done.stdout.strip().splitlines()[-1]))
    a, b = statistics.median(with_accel), statistics.median(without)
    return (f"reportlab[accel]: buku ekspedisi of {rows} rows", "not installed", "faster with it",
            f"{a:.2f} s with, {b:.2f} s without", f"{a / b:.2f}")


if __name__ == "__main__":  # only the PAW rows: python tests/benchmark_waits.py [RUNS] [SPIFF_PYTHON]
    for row in paw_rows(int(sys.argv[1]) if len(sys.argv) > 1 else 3,
                        sys.argv[2] if len(sys.argv) > 2 else "/tmp/spiffvenv/bin/python"):
        print(" | ".join(row))
