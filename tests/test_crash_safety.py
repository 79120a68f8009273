"""Crash safety: a worker process is killed with SIGKILL at random moments, again and again,
on the same database (SQLite, WAL, synchronous=FULL). After every kill the database passes
PRAGMA integrity_check, and every action the worker reported as committed is there: the
worker prints a line only after the commit returned (tests/helpers/crash_child.py).

Run it (-s shows the figures: kills survived, actions verified):

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python -m pytest -q -s tests/test_crash_safety.py

SOPDESK_CRASH_KILLS=200 SOPDESK_CRASH_SEED=7 run it longer or with other random moments.
Most workers are forked from a fork server that has imported sopdesk already (a kill then
costs ~0.5 s instead of ~1.5 s) and are killed 0-0.4 s after the fork (a quarter of them,
so some die while opening the workspace) or after their first committed action (so the kill
lands in the middle of work even on a loaded machine); every tenth is a fresh interpreter,
killed at any moment of its life (import, opening, working).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

import pytest
from sqlalchemy import select

from sopdesk.engine import accounts
from sopdesk.engine.audit import GENESIS, stored_hash
from sopdesk.engine.integrity import verify_whole_chain
from sopdesk.engine.workspace import Workspace
from sopdesk.store.db import DB_FILE
from sopdesk.store.models import AuditEvent

pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
              pytest.mark.slow]  # CI runs it; `-m "not slow"` skips it locally

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("helpers") / "crash_child.py"
KILLS = int(os.environ.get("SOPDESK_CRASH_KILLS", "50"))
SEED = int(os.environ.get("SOPDESK_CRASH_SEED", "20260302"))
FRESH_EVERY = 10  # every tenth worker is a fresh interpreter instead of a fork
PASSWORD = "rahasia-123"
USERS = (("help.desk", "Help Desk"), ("komisioner", "Komisioner"), ("kasubag", "Kasubag"),
         ("sekretaris", "Sekretaris"))
TIMEOUT = 60.0


class Lines:
    """The lines a process writes to stdout, read by a thread (complete lines only)."""

    def __init__(self, stream):  # noqa: ANN001
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.ended = False
        self.started = time.monotonic()
        self.recent: deque[str] = deque(maxlen=12)  # what the reader saw last, with its time
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:  # noqa: ANN001
        for line in iter(stream.readline, ""):
            self.recent.append(f"{time.monotonic() - self.started:.2f} {line!r}")
            if line.endswith("\n"):  # a line cut short by the kill was never reported
                self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def next(self) -> str | None:
        if self.ended:
            return None
        try:
            line = self.queue.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(
                f"no line from the worker for {TIMEOUT:.0f} s (its stack, when it hung, is in "
                f"child-stderr.txt of the test's tmp_path); the reader's last lines (seconds since "
                f"start): {list(self.recent)}, now {time.monotonic() - self.started:.2f}") from None
        self.ended = line is None
        return line

    def until(self, predicate) -> list[str]:  # noqa: ANN001
        seen = []
        while True:
            try:
                line = self.next()
            except AssertionError as exc:
                raise AssertionError(f"{exc}; lines since the wait began: {seen[-5:]}") from None
            if line is None:
                raise AssertionError(f"the process ended early; its last lines: {seen[-5:]}")
            seen.append(line)
            if predicate(line):
                return seen

    def drain(self) -> list[str]:
        seen = []
        while (line := self.next()) is not None:
            seen.append(line)
        self.thread.join(TIMEOUT)
        return seen


class Reported:
    """What the workers said they committed."""

    def __init__(self) -> None:
        self.visitors: set[int] = set()
        self.steps: set[tuple[str, int]] = set()

    def add(self, lines: list[str]) -> int:
        count = 0
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind == "visitor":
                self.visitors.add(int(rest))
                count += 1
            elif kind == "done":
                number, step = rest.split()
                self.steps.add((number, int(step)))
                count += 1
        return count

    def __len__(self) -> int:
        return len(self.visitors) + len(self.steps)


def verify(path: Path, reported: Reported) -> int:
    """Check the database as found after a kill; return the number of audit events."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        visitors = {row[0] for row in con.execute("SELECT id FROM visitor")}
        assert not reported.visitors - visitors, "reported visitors missing"
        done = set(con.execute(
            "SELECT c.number, w.step_no FROM work_item w JOIN case_file c ON c.id = w.case_id "
            "WHERE w.status = 'done'"))
        assert not reported.steps - done, "reported completed steps missing"
        # every open case waits at exactly one step; a finished case at none
        wrong = con.execute(
            "SELECT c.number, c.status, SUM(w.status = 'open') AS waiting FROM case_file c "
            "JOIN work_item w ON w.case_id = c.id GROUP BY c.id "
            "HAVING waiting != (c.status = 'open')").fetchall()
        assert wrong == []
        # an information request always has its case; a case never lacks its first step
        assert con.execute("SELECT COUNT(*) FROM visitor WHERE purpose = 'permohonan_informasi' "
                           "AND case_id IS NULL").fetchone() == (0,)
        assert con.execute("SELECT COUNT(*) FROM case_file c WHERE NOT EXISTS "
                           "(SELECT 1 FROM work_item w WHERE w.case_id = c.id)").fetchone() == (0,)
        chain = con.execute("SELECT id, prev_hash, hash FROM audit_event ORDER BY id").fetchall()
        previous = GENESIS
        for event_id, prev_hash, event_hash_ in chain:
            assert prev_hash == previous, f"audit chain broken at event {event_id}"
            previous = event_hash_
        return len(chain)
    finally:
        con.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    ws = Workspace.open(data)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        for username, role in USERS:
            accounts.add_user(ws, admin, username, PASSWORD, [role])
    finally:
        ws.close()
    return data


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("SOPDESK_DB", None)
    return env


def kill_fresh_interpreter(data: Path, seed: int, delay: float, stderr) -> tuple[list[str], int]:  # noqa: ANN001
    proc = subprocess.Popen([sys.executable, str(CHILD), "run", str(data), str(seed)],
                            stdout=subprocess.PIPE, stderr=stderr, text=True, env=child_env())
    with proc:
        lines = Lines(proc.stdout)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        seen = lines.drain()
        code = proc.wait(TIMEOUT)
    return seen, code


def kill_forked_worker(server: subprocess.Popen, lines: Lines, seed: int, delay: float,
                       when_working: bool) -> tuple[list[str], int]:
    """Fork a worker and kill it `delay` seconds after the fork, or after its first committed
    action (so that the kill lands in the middle of its work however loaded the machine is)."""
    server.stdin.write(f"{seed}\n")
    server.stdin.flush()
    seen = lines.until(lambda line: line.startswith("pid "))
    pid = int(seen[-1].split()[1])
    if when_working:
        seen += lines.until(lambda line: line.startswith(("visitor ", "done ")))
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    seen += lines.until(lambda line: line.startswith(f"ended {pid} "))
    return seen, int(seen[-1].split()[2])


def test_killed_worker_never_loses_a_committed_action(office: Path, tmp_path: Path):
    rng = random.Random(SEED)
    db_path = office / DB_FILE
    reported = Reported()
    kills = fresh = during_open = while_working = 0
    started = time.monotonic()
    stderr_path = tmp_path / "child-stderr.txt"
    with stderr_path.open("w") as stderr:
        server = subprocess.Popen([sys.executable, str(CHILD), "serve", str(office)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                  text=True, env=child_env())
        with server:
            server_lines = Lines(server.stdout)
            try:
                for round_no in range(KILLS):
                    seed = rng.randrange(2**31)
                    if round_no % FRESH_EVERY == FRESH_EVERY - 1:
                        seen, code = kill_fresh_interpreter(office, seed, rng.uniform(0.3, 2.0), stderr)
                        fresh += 1
                    else:
                        delay = rng.uniform(0.0, 0.4)
                        working = rng.random() < 0.75
                        seen, code = kill_forked_worker(server, server_lines, seed, delay, working)
                        while_working += working
                    stderr.flush()
                    assert code == -signal.SIGKILL, (
                        f"worker ended with {code}, not by the kill:\n{stderr_path.read_text()[-3000:]}")
                    kills += 1
                    during_open += "ready" not in seen
                    reported.add(seen)
                    verify(db_path, reported)
            except AssertionError as exc:  # with what the workers wrote to stderr (a hung one's stack)
                stderr.flush()
                kind = "fresh interpreter" if round_no % FRESH_EVERY == FRESH_EVERY - 1 else "forked worker"
                workers_stderr = stderr_path.read_text()[-4000:]
                raise AssertionError(f"round {round_no} ({kind}, seed {seed}): {exc}\n"
                                     f"--- workers' stderr ---\n{workers_stderr}") from None
            finally:
                server.stdin.close()
                server_lines.drain()
                server.wait(TIMEOUT)
    assert "Traceback" not in stderr_path.read_text()

    # the survivor: every reported action once more, the audit chain hash by hash (seals
    # included), and the start-up check: a kill between a commit and the anchor written beside
    # the database, or inside a transaction, is never taken for tampering
    events = verify(db_path, reported)
    ws = Workspace.open(office)
    try:
        with ws.db.reading() as session:
            chain = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        findings = verify_whole_chain(ws, remember=False)
    finally:
        ws.close()
    assert findings == [], [str(finding) for finding in findings]
    previous = GENESIS
    for event in chain:
        assert event.prev_hash == previous
        assert event.hash == stored_hash(event)
        previous = event.hash
    elapsed = time.monotonic() - started
    print(f"\ncrash safety: {kills} kills survived ({fresh} fresh interpreters, {during_open} before "
          f"the worker was ready, {while_working} after its first action); "
          f"{len(reported)} committed actions verified ({len(reported.visitors)} visitors, "
          f"{len(reported.steps)} completed steps); "
          f"{events} audit events chained; {elapsed:.1f} s")
    assert kills == KILLS
    # the kills did not all land before any work was done: each worker killed while working
    # had committed at least one action first
    assert while_working > KILLS // 2
    assert len(reported) >= while_working
