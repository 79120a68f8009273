"""`store.direct` against plain SQLAlchemy Core, for tests/benchmark_core.py (not a test): the
inbox page and a step completion through each, taken in turns, on SQLite or on a database
server (`server_main`, --db URL: direct vs Core only, no sqlite3 baseline)."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmark_completion import ROLE
from benchmark_timing import interleaved_ms
from sqlalchemy import func, select

from sopdesk.engine import cases, queries
from sopdesk.engine.demo import build_demo, demo_password
from sopdesk.engine.workspace import Workspace
from sopdesk.store.direct import DirectTx, Rows
from sopdesk.store.models import Case, WorkItem


class CoreTx(DirectTx):
    """`store.direct.DirectTx` with its statements run through plain SQLAlchemy Core: what the
    hot paths would cost without `store.direct` (the same statements, `Connection.execute`, and
    SQLAlchemy's own begin and commit). A DirectTx, so the engine's `DirectTx.of` takes it as
    it is (--details failed when it was not)."""

    def execute(self, statement, params=None):  # noqa: ANN001, ANN201
        if isinstance(params, list):  # executemany: no rows
            if params:
                self.connection.execute(statement, params)
            return Rows([])
        return self.connection.execute(statement, params or {})

    def scalar(self, statement, params=None):  # noqa: ANN001, ANN201
        return self.execute(statement, params).scalar()

    def insert(self, statement, params):  # noqa: ANN001, ANN201
        """One row; its primary key, from Core's result."""
        return self.connection.execute(statement, params).inserted_primary_key[0]

    @contextmanager
    def begun(self) -> Iterator[None]:
        """SQLAlchemy's transaction, where DirectTx goes straight to the driver."""
        with self.connection.begin():
            yield


def direct_vs_core(ws: Workspace, runs: int) -> dict[str, float]:
    """Medians (ms) of the inbox page and of a step completion, through `store.direct` and
    through plain Core, in turns (the rows of both are checked to be the same)."""
    from unittest import mock

    import sopdesk.store.db as store_db

    actor = ws.login("kasubag", demo_password())

    def inbox():
        return queries.inbox_page(ws, [ROLE], actor.user_id, limit=50)

    with ws.db.reading() as session:
        waiting = session.execute(
            select(Case.number, Case.sop_kode, WorkItem.step_no).join(WorkItem, WorkItem.case_id == Case.id)
            .where(WorkItem.status == "open", WorkItem.role == ROLE,
                   WorkItem.assignee_id.is_(None) | (WorkItem.assignee_id == actor.user_id))
            .limit(2 * runs + 2)).all()
    jobs = iter(waiting)

    def complete():
        number, kode, step = next(jobs)
        sop = ws.catalog.sop(kode)
        cases.complete(ws, actor, number, cases.StepInput(choice=sop.exits(step)[0][0], note="benchmark"))

    def core(func):  # noqa: ANN001, ANN202
        def run():  # noqa: ANN202
            with mock.patch.object(store_db, "DirectTx", CoreTx):
                return func()
        return run

    if len(waiting) < 6:
        raise SystemExit(f"too few open items for {ROLE} ({len(waiting)}): build a bigger demo (--cases)")
    direct_rows = [tuple(r) for r in inbox()]
    assert direct_rows == [tuple(r) for r in core(inbox)()], "direct and Core inbox pages differ"
    complete(), core(complete)()  # warm both
    inbox_direct, inbox_core = interleaved_ms(inbox, core(inbox), runs=runs)
    runs = min(runs, (len(waiting) - 2) // 2)
    complete_direct, complete_core = interleaved_ms(complete, core(complete), runs=runs)
    return {"inbox_direct": inbox_direct, "inbox_core": inbox_core, "complete_direct": complete_direct,
            "complete_core": complete_core, "completion_runs": runs}


def print_direct_vs_core(store: str, figures: dict[str, float]) -> None:
    f = figures
    print(f"{store}: inbox page direct {f['inbox_direct']:.2f} ms, Core {f['inbox_core']:.2f} ms "
          f"({f['inbox_core'] / f['inbox_direct']:.2f}x); step completion direct {f['complete_direct']:.2f} ms, "
          f"Core {f['complete_core']:.2f} ms ({f['complete_core'] / f['complete_direct']:.2f}x, "
          f"{f['completion_runs']} runs)")
    print("| store | inbox page: direct | inbox page: Core | step completion: direct | step completion: Core |")
    print(f"| {store} | {f['inbox_direct']:.2f} ms | {f['inbox_core']:.2f} ms | {f['complete_direct']:.2f} ms "
          f"| {f['complete_core']:.2f} ms |")


def server_main(args: argparse.Namespace) -> int:
    """The benchmark on a database server (--db URL): direct vs Core only (no sqlite3 baseline)."""
    from sopdesk.store.connection_settings import mask_url

    ws = Workspace.open(args.data_dir or Path(tempfile.mkdtemp(prefix="sopdesk-bench-")), args.db)
    with ws.db.reading() as session:
        existing = session.scalar(select(func.count(Case.id)))
    if existing == 0:
        start = time.perf_counter()
        print(build_demo(ws, cases=args.cases, seed=1))
        print(f"demo build: {time.perf_counter() - start:.1f} s")
    with ws.db.reading() as session:
        total = session.scalar(select(func.count(Case.id)))
        open_items = session.scalar(select(func.count(WorkItem.id)).where(
            WorkItem.status == "open", WorkItem.role == ROLE))
    print(f"database {mask_url(args.db)}: {total} cases, {open_items} open items for {ROLE}")
    print_direct_vs_core(ws.db.engine.dialect.name, direct_vs_core(ws, args.runs))
    ws.close()
    return 0
