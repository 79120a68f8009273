"""Benchmark of the core on the 100,000-case demo office (not a test: run it by hand).

    python tests/benchmark_core.py --data-dir DIR [--runs 3] [--spiff-python /tmp/spiffvenv/bin/python]
                                   [--demo-cases 100000] [--accel-rows 3000] [--no-start] [--details]
    python tests/benchmark_core.py --cases 0 --expedition-rows 10000   # the printout only
    python tests/benchmark_core.py --db postgresql+psycopg://sopdesk@server/bench --cases 20000

Prints ONE table, issue #15's: every place a person waits, with the figure of the issue
("today"), the target, this run's measurement (medians of --runs) and the ratio to the target
(a row meets it at most 1.00, or at the factor the target names):
- launch, login to the inbox (cached and not), closing, `--version`, an acting command: the rows
  of tests/benchmark_start.py (`start_rows`), included when that module is there (it is
  imported guarded; --no-start leaves them out, they start the GUI many times);
- the case list searched (a name; a word in half the cases) and sorted by every column, the
  performance report of PP over 12 months, a PAW case's CPU part (synchronous=OFF) beside
  SpiffWorkflow's doing the same steps (--spiff-python: an interpreter with spiffworkflow, see
  tests/benchmark_spiff.py; a BPMN of PAW is written from the catalog), the durable PAW case
  beside as many one-row commits, the demo build (--demo-cases N: `sopdesk demo` into a new
  folder, timed whole) and ReportLab's accelerator (--accel-rows N): tests/benchmark_waits.py;
- the inbox's first page and a step completion vs raw sqlite3 (the hot paths before #15).

Builds the demo database in DIR when it holds no cases, else reuses it. --details also prints
the older detailed lines (direct vs Core, the completion written by hand in sqlite3).

Both stores (--db URL: a PostgreSQL database, built when it holds no cases): the inbox page and
a step completion through `store.direct` (statements on the DBAPI cursor) and through plain
SQLAlchemy Core (`Connection.execute`, the same statements), taken in turns; the last line is one
row of the table that decided to keep `store.direct` (README). On PostgreSQL the completions use
up waiting work of that database.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmark_* modules beside this file

from benchmark_completion import ROLE, completion_figures, print_completion  # noqa: E402
from benchmark_direct import direct_vs_core, print_direct_vs_core, server_main  # noqa: E402
from benchmark_timing import interleaved_ms, median_ms  # noqa: E402

from sopdesk.catalog import bundled_catalog_dir, load_catalog  # noqa: E402
from sopdesk.engine import queries  # noqa: E402
from sopdesk.engine.demo import build_demo, demo_password  # noqa: E402
from sopdesk.engine.workspace import Workspace  # noqa: E402
from sopdesk.store.db import DB_FILE, SQLITE_PRAGMAS, sqlite_path  # noqa: E402
from sopdesk.store.models import Case, Expedition  # noqa: E402

# The first page by hand, asking what queries.inbox_page asks: each row's case deadline and
# whether a return opened it (who, when, from which step, why), for the page's 50 rows only;
# sorted by the nearer of the step's time and the case deadline, as the inbox shows it.
RAW_INBOX = """
SELECT w.id, c.number, c.sop_kode, c.sop_revision_id, w.step_no, w.role, c.title,
       c.requester, w.created_at, w.due_at, w.not_before, u.username,
       (SELECT min(d.due_at) FROM case_deadline d
        WHERE d.case_id = w.case_id AND d.kind = 'paling_lambat' AND d.met_at IS NULL),
       b.note, coalesce(r.full_name, r.username), b.completed_at, b.step_no, c.rahasia, c.id
FROM work_item w
JOIN case_file c ON c.id = w.case_id
LEFT OUTER JOIN user_account u ON u.id = w.assignee_id
LEFT OUTER JOIN work_item b ON b.id = (SELECT p.id FROM work_item p
                                       WHERE p.case_id = w.case_id AND p.id < w.id
                                       ORDER BY p.id DESC LIMIT 1)
                           AND b.status = 'returned' AND b.return_to = w.step_no
LEFT OUTER JOIN user_account r ON r.id = b.completed_by
WHERE w.id IN (SELECT p.id FROM work_item p WHERE p.status = 'open' AND p.role IN (?)
  ORDER BY (SELECT CASE WHEN min(d.due_at) < p.due_at THEN min(d.due_at)
                 ELSE coalesce(p.due_at, min(d.due_at)) END FROM case_deadline d
         WHERE d.case_id = p.case_id AND d.kind = 'paling_lambat' AND d.met_at IS NULL) NULLS LAST,
  p.id LIMIT 50 OFFSET 0)
ORDER BY (SELECT CASE WHEN min(d.due_at) < w.due_at THEN min(d.due_at)
                 ELSE coalesce(w.due_at, min(d.due_at)) END FROM case_deadline d
         WHERE d.case_id = w.case_id AND d.kind = 'paling_lambat' AND d.met_at IS NULL) NULLS LAST, w.id
"""


def expedition_book(rows: int) -> float:
    """Seconds to print a buku ekspedisi of `rows` entries sent in November 2026 (entries
    written straight into a fresh database; the printout reads them as the GUI's does)."""
    from datetime import date

    from sopdesk.reports.expedition import render_expedition_book

    wita = timezone(timedelta(hours=8))
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-bench-expedition-"))
    ws = Workspace.open(folder / "data", clock=lambda: datetime(2026, 12, 1, 9, 0, tzinfo=wita))
    admin = ws.setup("KPU Kota Kupang", "WITA", "admin", "benchmark-sandi-1")
    first = datetime(2026, 11, 1, 8, 0, tzinfo=wita)
    step = timedelta(days=29) / max(rows, 1)
    destinations = ("Bawaslu Kota Kupang", "Pimpinan DPRD Kota Kupang", "KPU Provinsi NTT, Jl. Polisi Militer No. 4",
                    "Kantor Pos Kupang", "PPK Kecamatan Oebobo")
    entries = [{"sent_at": first + i * step, "letter_number": f"{i + 1}/PP.01/5371/XI/2026",
                "subject": f"Penyampaian data pemilih dan salinan keputusan nomor {i + 1} beserta lampirannya",
                "destination": destinations[i % len(destinations)],
                "recipient_name": "Ketua" if i % 3 == 0 else None, "recorded_by": admin.user_id,
                "received_at": first + i * step + timedelta(days=1) if i % 2 else None,
                "signed_by": "Yanti Bria" if i % 2 else None} for i in range(rows)]
    with ws.db.transaction() as session:
        session.execute(insert(Expedition), entries)
    start = time.perf_counter()
    path = render_expedition_book(ws, date(2026, 11, 1), date(2026, 11, 30), folder / "buku-ekspedisi.pdf")
    seconds = time.perf_counter() - start
    ws.close()
    print(f"buku ekspedisi, {rows} rows: {seconds:.2f} s (target: 10,000 rows < 5 s); "
          f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return seconds

HEADER = ("where a person waits", "today", "target", "measured", "ratio")


def print_table(rows: list[tuple]) -> None:
    """The one table of issue #15 (Markdown, so it can be pasted into a note as it is)."""
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for row in rows:
        print("| " + " | ".join(str(cell).replace("|", "/") for cell in row) + " |")


def _start_rows(data_dir: Path, runs: int) -> list[tuple]:
    """tests/benchmark_start.py's rows (start, close, --version, a CLI command), when it is there."""
    try:
        from benchmark_start import start_rows
    except ImportError as exc:
        print(f"(start rows left out: tests/benchmark_start.py not importable: {exc})", file=sys.stderr)
        return []
    try:
        return list(start_rows(data_dir, runs))
    except Exception as exc:  # noqa: BLE001 - the other rows are still worth printing
        import traceback

        traceback.print_exc()
        return [("start, close, --version, CLI command (tests/benchmark_start.py)", "-", "-",
                 f"failed: {type(exc).__name__}: {exc}", "-")]


def hot_path_rows(ws: Workspace, data_dir: Path, runs: int) -> list[tuple]:
    """The inbox's first page vs the same query in sqlite3, and a step completion (on a copy)
    vs a one-row commit: the hot paths measured before #15, kept in the table."""
    actor = ws.login("kasubag", demo_password())
    raw = sqlite3.connect(sqlite_path(ws.db.url))
    for pragma in SQLITE_PRAGMAS:
        raw.execute(pragma)
    engine_inbox = lambda: queries.inbox_page(ws, [ROLE], actor.user_id, limit=50)  # noqa: E731
    raw_inbox = lambda: raw.execute(RAW_INBOX, (ROLE,)).fetchall()  # noqa: E731
    engine_inbox(), raw_inbox()
    inbox_ms, raw_ms = interleaved_ms(engine_inbox, raw_inbox, runs=max(runs, 10))
    raw.close()
    copy_dir = Path(tempfile.mkdtemp(prefix="sopdesk-bench-completion-"))
    with closing(sqlite3.connect(sqlite_path(ws.db.url))) as source, \
            closing(sqlite3.connect(copy_dir / DB_FILE)) as copy:
        source.backup(copy)
    copy_ws = Workspace.open(copy_dir)
    try:
        done, engine_ms, insert_ms, by_hand_ms = completion_figures(copy_ws, max(runs, 10), fsync=True)
    finally:
        copy_ws.close()
        shutil.rmtree(copy_dir, ignore_errors=True)
    return [("inbox first page (50 rows)", "1.6-1.8x sqlite3 by hand", "<= 20 ms, <= 2x sqlite3",
             f"{inbox_ms:.2f} ms; sqlite3 {raw_ms:.2f} ms", f"{inbox_ms / raw_ms:.2f}x"),
            ("a step completion (durable)", "-", "<= 3x a one-row commit",
             f"{engine_ms:.2f} ms; one-row commit {insert_ms:.2f} ms ({done} runs); the same completion by hand "
             f"in sqlite3 (raw_complete) {by_hand_ms:.2f} ms", f"{engine_ms / insert_ms:.2f}x")]


def details(ws: Workspace, data_dir: Path, runs: int) -> None:
    """The older detailed lines: direct vs Core, the completion written by hand in sqlite3."""
    copy_dir = Path(tempfile.mkdtemp(prefix="sopdesk-bench-completion-"))
    source_path = sqlite_path(ws.db.url)
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(copy_dir / DB_FILE)) as copy:
        source.backup(copy)
    copy_ws = Workspace.open(copy_dir)
    durable = completion_figures(copy_ws, runs, fsync=True)
    without_fsync = completion_figures(copy_ws, runs, fsync=False)
    copy_ws.close()
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(copy_dir / DB_FILE)) as copy:
        source.backup(copy)  # the same work waiting again
    copy_ws = Workspace.open(copy_dir)
    store_figures = direct_vs_core(copy_ws, runs)
    copy_ws.close()
    shutil.rmtree(copy_dir)
    print_completion("step completion (one transaction + audit event)", durable, "(target: <= 3x)")
    print_completion("the same with synchronous=OFF (no fsync: the CPU part)", without_fsync, "")
    print(f"catalog load: {median_ms(lambda: load_catalog([bundled_catalog_dir()]), 20):.1f} ms median")
    print_direct_vs_core("sqlite", store_figures)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000, help="the demo office's size when DIR is empty; "
                        "0: only --expedition-rows")
    parser.add_argument("--data-dir", type=Path, help="the demo office (reused when it holds cases, else built)")
    parser.add_argument("--runs", type=int, default=3, help="medians of this many runs (3)")
    parser.add_argument("--spiff-python", default="/tmp/spiffvenv/bin/python",
                        help="a Python with spiffworkflow installed, for the PAW comparison (skipped when missing)")
    parser.add_argument("--demo-cases", type=int, default=0, metavar="N",
                        help="time `sopdesk demo --cases N` into a new folder (the demo row; e.g. 100000)")
    parser.add_argument("--accel-rows", type=int, default=0, metavar="N",
                        help="time a buku ekspedisi of N rows with and without ReportLab's accelerator")
    parser.add_argument("--no-start", action="store_true", help="leave out tests/benchmark_start.py's rows")
    parser.add_argument("--details", action="store_true", help="also the older detailed lines")
    parser.add_argument("--expedition-rows", type=int, default=0, metavar="N",
                        help="also time printing a buku ekspedisi of N rows (e.g. 10000)")
    parser.add_argument("--db", metavar="URL", help="a database server (PostgreSQL) instead of the SQLite file")
    args = parser.parse_args()
    os.environ.pop("SOPDESK_DB", None)
    if args.db and not args.db.startswith("sqlite"):
        if args.cases <= 0:
            parser.error("--db needs --cases > 0")
        return server_main(args)
    if args.expedition_rows:
        expedition_book(args.expedition_rows)
    if args.cases <= 0:
        return 0
    import benchmark_waits as waits  # beside this file

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="sopdesk-bench-"))
    ws = Workspace.open(data_dir)
    with ws.db.reading() as session:
        existing = session.scalar(select(func.count(Case.id)))
    if existing == 0:  # a data dir that holds cases is reused as it is
        start = time.perf_counter()
        print(build_demo(ws, cases=args.cases, seed=1))
        print(f"demo build: {time.perf_counter() - start:.1f} s")
    with ws.db.reading() as session:
        total = session.scalar(select(func.count(Case.id)))
    print(f"database {data_dir}: {total} cases", file=sys.stderr)
    rows: list[tuple] = []
    rows += waits.case_list_rows(ws, max(args.runs, 5))
    rows.append(waits.report_row(ws, args.runs))
    rows += hot_path_rows(ws, data_dir, args.runs)
    if args.details:
        details(ws, data_dir, max(args.runs, 20))
    ws.close()
    rows = (_start_rows(data_dir, args.runs) if not args.no_start else []) + rows
    rows += waits.paw_rows(args.runs, args.spiff_python)
    if args.demo_cases:
        rows.append(waits.demo_row(args.demo_cases))
    if args.accel_rows:
        rows.append(waits.accel_row(args.accel_rows, max(args.runs, 9)))  # ~1 s renders: 3 each swing either way
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
