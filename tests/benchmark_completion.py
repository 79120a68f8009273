"""A step completion measured against raw sqlite3, for tests/benchmark_core.py (not a test):
the engine's completion, a one-row insert+commit, and the same completion written by hand in
sqlite3 (`raw_complete`), durable or with synchronous=OFF (the CPU part)."""

from __future__ import annotations

import json
import sqlite3
import statistics
from datetime import datetime, timezone

from benchmark_timing import timed_ms
from sqlalchemy import event, select

from sopdesk.catalog import END
from sopdesk.engine import audit, cases
from sopdesk.engine.demo import demo_password
from sopdesk.engine.workspace import Workspace
from sopdesk.store.db import SQLITE_PRAGMAS, sqlite_path
from sopdesk.store.models import Case, WorkItem

ROLE = "Kasubag"  # whose waiting work the benchmarks list and complete


def raw_complete(raw: sqlite3.Connection, ws: Workspace, user_id: int, job: tuple) -> None:
    """A step completion written by hand in sqlite3: the statements the engine runs (check
    the user and the waiting step, the checklist, close the item, open the next one or close
    the case, the hash-chained audit event) in one transaction, with none of its Python."""
    number, sop, item_id, case_id, step = job
    now = datetime.now(timezone.utc)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    choice, target = sop.exits(step)[0]
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("SELECT u.id, u.username, u.is_admin, u.active, r.name FROM user_account u "
                "LEFT JOIN user_role ur ON ur.user_id = u.id LEFT JOIN role r ON r.id = ur.role_id "
                "WHERE u.id = ?", (user_id,)).fetchall()
    raw.execute("SELECT c.id, w.id, w.step_no, w.role, w.assignee_id FROM case_file c JOIN work_item w "
                "ON w.case_id = c.id WHERE c.number = ? AND w.status = 'open'", (number,)).fetchall()
    raw.executemany("INSERT INTO checklist_entry (work_item_id, item, present) VALUES (?, ?, 0)",
                    [(item_id, name) for name in sop.step(step).kelengkapan])
    raw.execute("UPDATE work_item SET status = 'done', completed_at = ?, completed_by = ?, choice = ?, "
                "note = 'benchmark', draft = NULL WHERE id = ?", (stamp, user_id, choice, item_id))
    if target == END:
        raw.execute("UPDATE case_file SET status = 'done', closed_at = ? WHERE id = ?", (stamp, case_id))
    else:
        due = ws.calendar.due(now, sop.step(target).waktu_baku)
        due_text = due and due.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
        raw.execute("INSERT INTO work_item (case_id, step_no, role, status, created_at, due_at) "
                    "VALUES (?, ?, ?, 'open', ?, ?)", (case_id, target, sop.role_of(target), stamp, due_text))
    prev = raw.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()[0]
    detail = json.dumps({"choice": choice, "next": target, "note": "benchmark"})
    digest = audit.event_hash(prev, now, user_id, "step_completed", case_id, item_id, step, detail)
    raw.execute("INSERT INTO audit_event (at, user_id, action, case_id, work_item_id, step_no, detail, "
                "prev_hash, hash) VALUES (?, ?, 'step_completed', ?, ?, ?, ?, ?, ?)",
                (stamp, user_id, case_id, item_id, step, detail, prev, digest))
    raw.execute("COMMIT")


def completion_figures(ws: Workspace, runs: int, fsync: bool) -> tuple[int, float, float, float]:
    """Medians (ms) of an engine completion and a one-row sqlite3 insert+commit, taken in turns so
    that the disk's mood (fsync times here vary 2x from minute to minute) weighs on both alike,
    then of the same completion written by hand in sqlite3. Without fsync
    (synchronous=OFF on every connection) what is left is the CPU part of each."""
    extra = [] if fsync else ["PRAGMA synchronous=OFF"]

    def set_pragmas(dbapi_connection, _record):  # noqa: ANN001 - after the engine's own pragmas
        for pragma in extra:
            dbapi_connection.execute(pragma)

    ws.db.engine.dispose()
    event.listen(ws.db.engine, "connect", set_pragmas)
    actor = ws.login("kasubag", demo_password())
    raw = sqlite3.connect(sqlite_path(ws.db.url), isolation_level=None)
    for pragma in [*SQLITE_PRAGMAS, *extra]:
        raw.execute(pragma)
    with ws.db.reading() as session:
        waiting = session.execute(
            select(Case.number, Case.sop_kode, WorkItem.id, WorkItem.case_id, WorkItem.step_no)
            .join(WorkItem, WorkItem.case_id == Case.id)
            .where(WorkItem.status == "open", WorkItem.role == ROLE,
                   WorkItem.assignee_id.is_(None) | (WorkItem.assignee_id == actor.user_id))
            .limit(2 * runs + 2)).all()
    jobs = [(number, ws.catalog.sop(kode), item_id, case_id, step)
            for number, kode, item_id, case_id, step in waiting]
    engine_jobs, raw_jobs = jobs[0::2], jobs[1::2]
    runs = min(runs, len(raw_jobs) - 1)

    def complete_one(job):  # noqa: ANN001
        number, sop, _, _, step = job
        cases.complete(ws, actor, number, cases.StepInput(choice=sop.exits(step)[0][0], note="benchmark"))

    raw.execute("CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, at TEXT, detail TEXT)")

    def raw_insert():
        raw.execute("BEGIN")
        raw.execute("INSERT INTO bench_insert (at, detail) VALUES (datetime('now'), ?)", ("benchmark",))
        raw.execute("COMMIT")

    complete_one(engine_jobs[0]), raw_insert()  # warm
    engine_times, insert_times, by_hand_times = [], [], []
    for engine_job in engine_jobs[1:runs + 1]:
        engine_times.append(timed_ms(complete_one, engine_job))
        insert_times.append(timed_ms(raw_insert))
    # The completions by hand come after the engine's, not in turns with them: their audit events
    # are written outside the engine, so each engine completion after one would first rewrite the
    # audit anchor durably (a head it did not write), which a desk alone never pays.
    raw_complete(raw, ws, actor.user_id, raw_jobs[0])  # warm
    for raw_job in raw_jobs[1:runs + 1]:
        by_hand_times.append(timed_ms(raw_complete, raw, ws, actor.user_id, raw_job))
    raw.close()
    event.remove(ws.db.engine, "connect", set_pragmas)
    ws.db.engine.dispose()
    median = statistics.median
    return runs, median(engine_times), median(insert_times), median(by_hand_times)


def print_completion(title: str, figures: tuple[int, float, float, float], target: str) -> None:
    runs, engine_ms, insert_ms, by_hand_ms = figures
    print(f"{title}: {engine_ms:.2f} ms median over {runs}; raw sqlite3 one-row insert+commit "
          f"{insert_ms:.2f} ms, ratio {engine_ms / insert_ms:.2f}x {target}; the same completion "
          f"written by hand in sqlite3 {by_hand_ms:.2f} ms, ratio {engine_ms / by_hand_ms:.2f}x; "
          f"by hand vs one-row insert {by_hand_ms / insert_ms:.2f}x")
