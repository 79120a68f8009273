"""Several desks at once, as separate processes, on one office database (SQLite or PostgreSQL).

tests/test_concurrency.py runs it small (8 desks x 25 actions) on both stores; run it as a
script for the figures of issue #10 (8 desks x 200 actions):

    .venv/bin/python tests/concurrency_stress.py --store sqlite
    .venv/bin/python tests/concurrency_stress.py --store postgresql [--pg-url URL]

Each desk is its own process (multiprocessing, spawn: a fresh interpreter, its own engine and
connection pool), signs in as its own user and, starting at the same moment as the others,
works through the same plan: action j of every desk is of the same kind and aims at the same
shared item, so the desks really race. The kinds: case starts, completions of the same waiting
steps, claims of the same work items, cancellations of the same cases, incoming and outgoing
letters (agenda numbers, outgoing numbers, buku ekspedisi), logins and visitor registrations.

An action ends one of four ways: won (done), refused (a UserError: the item was taken by another
desk meanwhile), busy (StoreBusy: the bounded wait ran out) or failed (anything else: a bug).
The office is then checked: numbers unique and gap-free, exactly one winner per item, the
database agreeing with what the desks were told, and the integrity check (audit chain) clean.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("start", "complete", "claim", "letter", "login", "visitor", "cancel", "complete")
ROLES = ["Help Desk", "Komisioner", "Kasubag", "Sekretaris", "Staf"]
PASSWORD = "rahasia-123"
SOP = "PP"


@dataclass
class Plan:
    """What every desk works on: the shared items per kind, in the order the desks take them."""

    url: str | None
    data_dir: str
    desks: int
    actions: int
    complete_pool: list[str]
    claim_pool: list[str]
    cancel_pool: list[str]
    start_at: float = 0.0
    fast_hashing: bool = True


@dataclass
class Figures:
    tried: Counter = field(default_factory=Counter)
    won: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)
    busy: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def table(self, title: str) -> str:
        lines = [title, f"{'action':<10}{'tried':>7}{'won':>7}{'refused':>9}{'busy':>6}{'failed':>8}"]
        for kind in sorted(self.tried):
            lines.append(f"{kind:<10}{self.tried[kind]:>7}{self.won[kind]:>7}{self.refused[kind]:>9}"
                         f"{self.busy[kind]:>6}{self.failed[kind]:>8}")
        total = [sum(c.values()) for c in (self.tried, self.won, self.refused, self.busy, self.failed)]
        lines.append(f"{'total':<10}{total[0]:>7}{total[1]:>7}{total[2]:>9}{total[3]:>6}{total[4]:>8}")
        lines.append(f"time {self.seconds:.1f} s; integrity/consistency problems: {len(self.problems)}")
        lines += ["  problem: " + p for p in self.problems[:20]]
        lines += ["  failure: " + f for f in self.failures[:5]]
        return "\n".join(lines)


def _fast_hashing() -> None:
    """Argon2id with tiny parameters, as the test suite uses (logins are then cheap)."""
    from argon2 import PasswordHasher

    from sopdesk.engine import users

    users._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def _pool_size(plan_actions: int, kind: str) -> int:
    return sum(1 for j in range(plan_actions) if KINDS[j % len(KINDS)] == kind)


def prepare_office(url: str | None, data_dir: Path, desks: int, actions: int,
                   fast_hashing: bool = True) -> Plan:
    """A fresh office: an administrator, one user per desk holding the PP roles, and the shared
    cases the desks will race on (waiting at kegiatan 5, the letter entry of PP)."""
    from sopdesk.engine import cases
    from sopdesk.engine.accounts import add_user
    from sopdesk.engine.workspace import Workspace

    if fast_hashing:
        _fast_hashing()
    # every desk has its data folder (the anchor and its lock live there), on a server too
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    ws = Workspace.open(data_dir, url=url)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        for desk in range(desks):
            add_user(ws, admin, f"meja{desk + 1}", PASSWORD, ROLES)
        starter = ws.login("meja1", PASSWORD)

        def some(n: int, what: str) -> list[str]:
            return [cases.start_case(ws, starter, SOP, f"{what} {i + 1}", entry="surat") for i in range(n)]

        # a completion target takes about 4 rounds of racing desks before it ends
        complete_pool = some(max(1, _pool_size(actions, "complete") // 4), "Permohonan balap")
        claim_pool = some(_pool_size(actions, "claim"), "Permohonan ambil")
        cancel_pool = some(_pool_size(actions, "cancel"), "Permohonan batal")
    finally:
        ws.close()
    return Plan(url, str(data_dir), desks, actions, complete_pool, claim_pool, cancel_pool,
                fast_hashing=fast_hashing)


def _waiting_step(ws, number: str) -> int | None:  # noqa: ANN001
    from sopdesk.engine.queries import case_detail

    detail = case_detail(ws, number)
    return next((item["step"] for item in detail["items"] if item["status"] == "open"), None)


def _act(ws, actor, plan: Plan, desk: int, j: int, kind: str) -> tuple[str, str]:  # noqa: ANN001
    """Do action j of the plan; return (target, what came of it as text)."""
    from sopdesk.engine import cases, letters, visitors
    from sopdesk.engine.cases import StepInput

    slot = sum(1 for i in range(j) if KINDS[i % len(KINDS)] == kind)
    if kind == "start":
        return "", cases.start_case(ws, actor, SOP, f"Permohonan meja {desk} ke-{j}", entry="surat")
    if kind == "complete":
        number = plan.complete_pool[slot // 4 % len(plan.complete_pool)]
        step = _waiting_step(ws, number)
        if step is None:
            step = 13  # the case ended: completing its last step again must be refused
        sop = ws.catalog.sop(SOP)
        choice = sop.exits(step)[0][0] if sop.step(step).is_decision else None
        done = cases.complete(ws, actor, number, StepInput(choice=choice, note=f"meja {desk}"), step=step)
        return f"{number}#{step}", f"{done.next_step}"
    if kind == "claim":
        number = plan.claim_pool[slot]
        cases.claim(ws, actor, number)
        return number, actor.username
    if kind == "cancel":
        number = plan.cancel_pool[slot]
        cases.cancel(ws, actor, number, f"Dibatalkan dari meja {desk}")
        return number, actor.username
    if kind == "letter":
        if slot % 2 == 0:
            agenda, _ = letters.register_incoming(ws, actor, letters.IncomingForm(
                sender=f"Pengirim meja {desk}", subject=f"Surat ke-{j}", number=f"{desk}/{j}/2026"))
            return "in", agenda
        registered = letters.register_outgoing(ws, actor, letters.OutgoingForm(
            recipient="Bawaslu Kota Kupang", subject=f"Balasan meja {desk} ke-{j}", classification="PP.01"))
        return "out", f"{registered.number}|{registered.expedition_id}"
    if kind == "login":
        return "", str(ws.login(actor.username, PASSWORD).user_id)
    if kind == "visitor":
        informasi = slot % 2 == 0
        visitor_id, case_number = visitors.register_visitor(ws, actor, visitors.VisitorForm(
            name=f"Tamu meja {desk} ke-{j}", purpose="permohonan_informasi" if informasi else "bertamu",
            info_requested="Data DPT per kelurahan" if informasi else None))
        return "", f"{visitor_id}|{case_number or ''}"
    raise ValueError(kind)


def desk_main(plan: Plan, desk: int) -> list[tuple[int, int, str, str, str, str]]:
    """One desk (a process of its own): sign in, wait for the common start, do the plan.
    Returns (desk, j, kind, outcome, target, detail) per action."""
    from sopdesk.engine.workspace import Workspace
    from sopdesk.errors import StoreBusy, UserError

    if plan.fast_hashing:
        _fast_hashing()
    ws = Workspace.open(Path(plan.data_dir), url=plan.url)
    outcomes = []
    try:
        actor = ws.login(f"meja{desk + 1}", PASSWORD)
        while time.time() < plan.start_at:
            time.sleep(0.005)
        for j in range(plan.actions):
            kind = KINDS[j % len(KINDS)]
            target = ""
            try:
                target, detail = _act(ws, actor, plan, desk, j, kind)
                outcome = "won"
            except StoreBusy as exc:
                outcome, detail = "busy", str(exc)
            except UserError as exc:
                outcome, detail = "refused", str(exc)
            except Exception:  # noqa: BLE001 - a bug: counted, and its traceback kept
                outcome, detail = "failed", traceback.format_exc()
            outcomes.append((desk, j, kind, outcome, target, detail))
    finally:
        ws.close()
    return outcomes


def hold_write_lock(url: str | None, data_dir: str, seconds: float, holding, release=None) -> None:  # noqa: ANN001
    """Another process (a desk, a script) that holds a write transaction for `seconds`, or
    until `release` is set when given (`seconds` then bounds the wait); `holding` (a
    multiprocessing Event) is set once it has the write lock."""
    from sqlalchemy import update

    from sopdesk.engine.workspace import Workspace
    from sopdesk.store.models import Office

    ws = Workspace.open(Path(data_dir), url=url)
    try:
        with ws.db.transaction() as session:
            session.execute(update(Office).values(name=Office.name))
            holding.set()
            _hold(seconds, release)
    finally:
        ws.close()


def _hold(seconds: float, release) -> None:  # noqa: ANN001
    if release is None:
        time.sleep(seconds)
    else:  # a test that must find the lock still held, however slowly its own side starts
        release.wait(seconds)


def open_office(url: str | None, data_dir: str, start_at: float) -> str:
    """A desk starting sopdesk at `start_at` (all desks at once on a new database: one creates
    the schema, the others wait for it); "ok" or the error as text."""
    from sopdesk.engine.workspace import Workspace

    while time.time() < start_at:
        time.sleep(0.002)
    try:
        Workspace.open(Path(data_dir), url=url).close()
    except Exception as exc:  # noqa: BLE001 - reported to the test
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def hold_exclusive_lock(data_dir: str, seconds: float, holding, release=None) -> None:  # noqa: ANN001
    """A process that locks the SQLite file against readers too (exclusive locking mode: what
    a crashed desk's recovery or a foreign tool can do) for `seconds`, or until `release`."""
    import sqlite3

    conn = sqlite3.connect(Path(data_dir) / "sopdesk.sqlite3", isolation_level=None, timeout=30)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE office SET name = name")
    holding.set()
    _hold(seconds, release)
    conn.execute("ROLLBACK")
    conn.close()


def _run_desk(args: tuple[Plan, int]) -> list:
    return desk_main(*args)


def verify(plan: Plan, outcomes: list[tuple]) -> list[str]:
    """What the database holds against what the desks were told; returns the problems."""
    from sqlalchemy import func, select

    from sopdesk.engine import integrity
    from sopdesk.engine.workspace import Workspace
    from sopdesk.store.models import AuditEvent, Case, Expedition, IncomingLetter, OutgoingLetter, User

    problems: list[str] = []
    won = [o for o in outcomes if o[3] == "won"]
    ws = Workspace.open(Path(plan.data_dir), url=plan.url)
    try:
        with ws.db.reading() as session:
            numbers = list(session.scalars(select(Case.number).where(Case.sop_kode == SOP)))
            seqs = sorted(int(n.rsplit("/", 1)[1]) for n in numbers)
            if seqs != list(range(1, len(seqs) + 1)):
                problems.append(f"case numbers not unique and gap-free: {len(seqs)} cases, "
                                f"{len(set(seqs))} distinct, highest {max(seqs, default=0)}")
            told = {o[5] for o in won if o[2] == "start"}
            told |= {o[5].split("|")[1] for o in won if o[2] == "visitor" and o[5].split("|")[1]}
            if not told <= set(numbers):
                problems.append(f"cases lost: {sorted(told - set(numbers))[:5]}")
            expected_cases = (len(plan.complete_pool) + len(plan.claim_pool) + len(plan.cancel_pool)
                              + len(told))
            if len(numbers) != expected_cases:
                problems.append(f"{len(numbers)} cases stored, {expected_cases} started")

            agenda = sorted(session.scalars(select(IncomingLetter.seq)))
            incoming_won = sum(1 for o in won if o[2] == "letter" and o[4] == "in")
            if agenda != list(range(1, incoming_won + 1)):
                problems.append(f"agenda numbers: {agenda[:10]}... for {incoming_won} letters")
            # outgoing letters: those the desks registered, and the replies of completed kegiatan 13
            outgoing = session.execute(select(OutgoingLetter.number, OutgoingLetter.seq)).all()
            outgoing_won = {o[5].split("|")[0] for o in won if o[2] == "letter" and o[4] == "out"}
            numbers_out = [n for n, _ in outgoing]
            if len(set(numbers_out)) != len(numbers_out) or not outgoing_won <= set(numbers_out):
                problems.append(f"outgoing numbers: {len(numbers_out)} stored, {len(set(numbers_out))} "
                                f"distinct, {len(outgoing_won)} registered")
            if sorted(seq for _, seq in outgoing) != list(range(1, len(outgoing) + 1)):
                problems.append(f"outgoing sequence not gap-free: {sorted(seq for _, seq in outgoing)[:10]}")
            expedition = sorted(session.scalars(select(Expedition.id)))
            if expedition != list(range(1, len(outgoing) + 1)):
                problems.append(f"expedition numbers {expedition[:10]}... for {len(outgoing)} letters")

            winners: dict[tuple[str, str], list] = defaultdict(list)
            for o in won:
                if o[2] in ("complete", "claim", "cancel"):
                    winners[(o[2], o[4])].append(o)
            for (kind, target), got in winners.items():
                if len(got) != 1:
                    problems.append(f"{kind} {target}: {len(got)} winners")
            for kind, pool in (("claim", plan.claim_pool), ("cancel", plan.cancel_pool)):
                for number in pool:  # every desk tried each of them
                    if (kind, number) not in winners:
                        problems.append(f"{kind} {number}: no winner")
            users = dict(session.execute(select(User.id, User.username)).all())
            for number in plan.claim_pool:
                case = session.scalar(select(Case).where(Case.number == number))
                item = next(i for i in case.items if i.status == "open")
                got = winners.get(("claim", number))
                if got and users.get(item.assignee_id) != got[0][5]:
                    problems.append(f"claim {number}: held by {users.get(item.assignee_id)}, "
                                    f"won by {got[0][5]}")
            for number in plan.cancel_pool:
                status = session.scalar(select(Case.status).where(Case.number == number))
                if ("cancel", number) in winners and status != "cancelled":
                    problems.append(f"cancel {number}: status {status}")
            for number in plan.complete_pool:
                case = session.scalar(select(Case).where(Case.number == number))
                open_items = [i for i in case.items if i.status == "open"]
                if len(open_items) > (0 if case.status != "open" else 1) or (
                        case.status == "open" and not open_items):
                    problems.append(f"{number}: {len(open_items)} waiting work items, status {case.status}")
                done = Counter(i.step_no for i in case.items if i.status == "done")
                for step, count in done.items():
                    if count != len(winners.get(("complete", f"{number}#{step}"), [])):
                        problems.append(f"{number} kegiatan {step}: done {count}x, "
                                        f"{len(winners.get(('complete', f'{number}#{step}'), []))} winners")
            audit = Counter(dict(session.execute(select(AuditEvent.action, func.count())
                                                 .group_by(AuditEvent.action)).all()))
            logins = sum(1 for o in won if o[2] == "login") + plan.desks + 1
            if audit["login"] != logins:
                problems.append(f"{audit['login']} login events for {logins} logins")
            for kind, action in (("claim", "claimed"), ("cancel", "case_cancelled")):
                count = sum(1 for o in won if o[2] == kind)
                if audit[action] != count:
                    problems.append(f"{audit[action]} {action} events for {count} won")
        report = integrity.check(ws)
        problems += [f"check: {finding.kind}: {finding.message}" for finding in report.findings]
    finally:
        ws.close()
    return problems


def run(url: str | None, data_dir: Path, desks: int, actions: int, processes: int | None = None
        ) -> Figures:
    """Prepare an office, run `desks` desk processes at once, verify; the figures."""
    plan = prepare_office(url, data_dir, desks, actions)
    context = multiprocessing.get_context("spawn")
    figures = Figures()
    with context.Pool(processes or desks) as pool:
        # the desks start together once every interpreter is up (spawn takes ~1 s each)
        plan.start_at = time.time() + 3.0 + 0.6 * desks
        started = time.time()
        results = pool.map(_run_desk, [(plan, desk) for desk in range(desks)])
        figures.seconds = time.time() - max(started, plan.start_at)
    outcomes = [o for desk_outcomes in results for o in desk_outcomes]
    for _desk, _j, kind, outcome, _target, detail in outcomes:
        figures.tried[kind] += 1
        getattr(figures, outcome)[kind] += 1
        if outcome in ("failed", "busy"):
            figures.failures.append(detail)
        if outcome == "refused" and "internal" in detail.lower():
            figures.failures.append(detail)
    figures.problems = verify(plan, outcomes)
    samples = {o[2]: o[5] for o in reversed(outcomes) if o[3] == "refused"}  # one refusal per kind
    figures.refusal_samples = [f"{kind}: {text}" for kind, text in sorted(samples.items())]  # type: ignore[attr-defined]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", help="an existing server URL whose user may CREATE DATABASE "
                                         "(default: a throwaway cluster, tests/helpers/pg.py)")
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    with tempfile.TemporaryDirectory(prefix="sopdesk-stress-") as tmp:
        server = url = None
        if args.store == "postgresql":
            from helpers.pg import PgServer

            if args.pg_url:
                os.environ["SOPDESK_TEST_PG_URL"] = args.pg_url
            server = PgServer.from_env() or PgServer.start_throwaway()
            url = server.create_database()
        try:
            figures = run(url, Path(tmp) / "data", args.desks, args.actions)
        finally:
            if server is not None:
                server.drop_database(url)
                if not args.pg_url:
                    server.stop()
    print(figures.table(f"{args.store}: {args.desks} desks x {args.actions} actions"))
    for sample in getattr(figures, "refusal_samples", []):
        print("  refused, e.g.: " + sample)
    return 0 if not (figures.problems or figures.failures or sum(figures.failed.values())) else 1


if __name__ == "__main__":
    sys.exit(main())
