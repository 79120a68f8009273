"""The keyed mark on a transaction's last audit event (engine.anchor, issue #15): the anchor is
written once per action, after the commit and without fsync, yet a crash or power cut between
the commit and that write is not taken for tampering, while an event appended outside sopdesk
(no key, so no valid mark) still is."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from sopdesk.engine import anchor, audit, cases, integrity
from sopdesk.store.models import AuditEvent

pytestmark = pytest.mark.sqlite_only("the anchor is strict on SQLite: events after it are a finding there")
PASSWORD = "rahasia-123"  # conftest's


def newest(ws) -> AuditEvent:
    with ws.db.reading() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()


def act(ws, staff) -> str:
    return cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")


def test_an_action_marks_its_last_event_and_writes_the_anchor_once(ws, staff, data_dir, monkeypatch):
    act(ws, staff)  # the process knows where the anchor of this database lives from here on
    writes: list[bool] = []
    real = anchor.write_anchor
    monkeypatch.setattr(anchor, "write_anchor", lambda *args, durable=True, **kwargs: (
        writes.append(durable), real(*args, durable=durable, **kwargs)))
    path = anchor.anchor_path(data_dir, ws.db.url)
    inode = path.stat().st_ino
    act(ws, staff)
    event = newest(ws)
    assert audit.carries_mark(event, anchor.read_key(data_dir))
    assert json.loads(event.sealed)[audit.MARK]
    assert writes == [False]  # after the commit only, no fsync: the mark stands in for the anchor before it
    # written over in place (no new file, no rename): the same file, of its two slots' size
    assert path.stat().st_ino == inode and path.stat().st_size == anchor.ANCHOR_SIZE
    assert anchor.read_anchor(data_dir, ws.db.url).head == anchor.Head(event.id, event.hash)
    assert integrity.check(ws).ok


def test_an_anchor_of_another_size_is_read_and_then_written_whole(ws, staff, data_dir):
    """An anchor an older sopdesk wrote (one JSON document) is read as before, keyed; the next action writes
    the file whole (a new file renamed over it), the one after in place."""
    act(ws, staff)
    path = anchor.anchor_path(data_dir, ws.db.url)
    body = {"count": newest(ws).id, "head": newest(ws).hash}  # as sopdesk wrote it before the slots
    body["mac"] = anchor._mac(anchor.read_key(data_dir), body)  # noqa: SLF001
    path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")
    anchor._written.clear()  # noqa: SLF001 - as another process would, read the file again
    found = anchor.read_anchor(data_dir, ws.db.url)
    assert found.head == anchor.Head(newest(ws).id, newest(ws).hash) and found.keyed is True
    inode = path.stat().st_ino
    act(ws, staff)
    assert path.stat().st_size == anchor.ANCHOR_SIZE and path.stat().st_ino != inode
    inode = path.stat().st_ino
    act(ws, staff)
    assert path.stat().st_ino == inode
    assert anchor.read_anchor(data_dir, ws.db.url).head == anchor.Head(newest(ws).id, newest(ws).hash)
    assert integrity.check(ws).ok


def test_a_crash_between_the_commit_and_its_anchor_is_not_tampering(ws, staff, data_dir, monkeypatch):
    act(ws, staff)
    behind = anchor.read_anchor(data_dir, ws.db.url).head
    monkeypatch.setattr(anchor, "after_commit", lambda *args, **kwargs: None)  # the anchor never written
    act(ws, staff)
    assert anchor.read_anchor(data_dir, ws.db.url).head == behind
    assert newest(ws).id > behind.count
    monkeypatch.undo()
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]
    # the check brought the anchor forward to the marked newest event
    assert anchor.read_anchor(data_dir, ws.db.url).head == anchor.Head(newest(ws).id, newest(ws).hash)
    assert report.checked["anchor"]["count"] == newest(ws).id
    monkeypatch.setattr(anchor, "after_commit", lambda *args, **kwargs: None)
    act(ws, staff)
    anchor._written.clear()  # noqa: SLF001 - as another process would, read the file again
    with anchor._locked(data_dir):  # noqa: SLF001 - an anchor left behind by a crash
        anchor.write_anchor(data_dir, behind, database=ws.db.url)
    act(ws, staff)  # an anchor behind the chain: written before the commit again, fsynced
    assert anchor.read_anchor(data_dir, ws.db.url).head == anchor.Head(newest(ws).id, newest(ws).hash)
    assert integrity.check(ws).ok


def test_a_process_killed_after_its_commit_leaves_a_clean_office(ws, staff, data_dir):
    """SIGKILL right after the commit, before the anchor beside the database is written."""
    act(ws, staff)
    behind = anchor.read_anchor(data_dir, ws.db.url).head
    ws.close()
    code = (
        "import os, signal, sys\n"
        "from sopdesk.engine import anchor, cases\n"
        "from sopdesk.engine.workspace import Workspace\n"
        f"ws = Workspace.open({str(data_dir)!r})\n"
        f"actor = ws.login('help.desk', {PASSWORD!r})\n"
        "cases.start_case(ws, actor, 'PP', 'Pertama', entry='surat')\n"
        "anchor.after_commit = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
        "cases.start_case(ws, actor, 'PP', 'Kedua', entry='surat')\n"
        "sys.exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        title = conn.execute("SELECT title FROM case_file ORDER BY id DESC LIMIT 1").fetchone()[0]
        last = conn.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    assert title == "Kedua"  # committed
    found = anchor.read_anchor(data_dir)
    assert found.head.count < last and found.head.count > behind.count  # the first action's anchor only
    from sopdesk.engine.workspace import Workspace

    again = Workspace.open(data_dir)
    try:
        report = integrity.check(again)
    finally:
        again.close()
    assert report.ok, [f.message for f in report.findings]


def _append(data_dir: Path, last: AuditEvent, sealed: str) -> None:
    digest = audit.event_hash(last.hash, last.at, None, "roles_changed", None, None, None, "{}", sealed)
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute("INSERT INTO audit_event (id, at, user_id, action, detail, prev_hash, hash, sealed) "
                     "VALUES (?, ?, NULL, 'roles_changed', '{}', ?, ?, ?)",
                     (last.id + 1, last.at.strftime("%Y-%m-%d %H:%M:%S.%f"), last.hash, digest, sealed))
        conn.commit()


@pytest.mark.parametrize("how", ["copied", "forged"])
def test_an_appended_event_with_a_mark_not_made_by_the_key_is_named(ws, staff, data_dir, how):
    act(ws, staff)
    act(ws, staff)
    last = newest(ws)
    mark = json.loads(last.sealed)[audit.MARK] if how == "copied" else "0" * 32
    _append(data_dir, last, audit.with_mark(None, mark))
    report = integrity.check(ws)
    assert [f.kind for f in report.findings] == ["audit_anchor"]
    assert "ditambahkan di luar sopdesk" in report.findings[0].message


def test_the_mark_survives_a_round_trip_of_the_seal_text():
    sealed = json.dumps({"case_file": {"7": "ab" * 8}, "work_item": {"12": "cd" * 8}}, sort_keys=True,
                        separators=(",", ":"))
    marked = audit.with_mark(sealed, "f" * 32)
    assert json.dumps(json.loads(marked), sort_keys=True, separators=(",", ":")) == marked
    assert audit.without_mark(marked) == (sealed, "f" * 32)
    assert audit.without_mark(audit.with_mark(None, "e" * 32)) == (None, "e" * 32)
    assert audit.without_mark(sealed) == (sealed, None)


@pytest.mark.parametrize("kept", [0, 1, 100, 300, 511])
def test_a_power_cut_in_the_middle_of_the_anchor_write_is_not_tampering(ws, staff, data_dir, kept):
    """The anchor after a commit goes into the slot that does not hold the newest one: a write
    torn by a power cut (only its first `kept` bytes on disk, the rest of the slot old or zeros)
    leaves the anchor before it, and the check accepts the chain behind its marked newest event."""
    from sopdesk.engine import anchor_slots

    act(ws, staff)
    path = anchor.anchor_path(data_dir, ws.db.url)
    before = path.read_bytes()
    act(ws, staff)
    after = path.read_bytes()
    changed = [i for i in range(2) if before[i * anchor_slots.SLOT:(i + 1) * anchor_slots.SLOT]
               != after[i * anchor_slots.SLOT:(i + 1) * anchor_slots.SLOT]]
    assert len(changed) == 1  # one slot written, the other kept
    start = changed[0] * anchor_slots.SLOT
    for rest in (before, bytes(len(before))):  # the old bytes, or zeros, after the torn part
        torn = after[:start + kept] + rest[start + kept:start + anchor_slots.SLOT] + after[start + anchor_slots.SLOT:]
        path.write_bytes(torn)
        anchor._written.clear()  # noqa: SLF001 - as the next start of the program reads it
        found = anchor.read_anchor(data_dir, ws.db.url)
        assert found.keyed is True and found.head.count <= newest(ws).id
        report = integrity.check(ws)
        assert report.ok, [f.message for f in report.findings]
        path.write_bytes(after)


@pytest.mark.parametrize("spoil", ["copied", "zeros", "torn"])
def test_the_newest_action_cut_out_behind_a_spoilt_slot_is_named(ws, staff, data_dir, spoil):
    """The file keeps the anchor before the newest one: cutting the newest action out of the chain
    and spoiling (or overwriting with the older slot) the slot that names it must not pass as a
    power cut, which never leaves the chain ending at the older anchor."""
    from sopdesk.engine import anchor_slots

    act(ws, staff)
    path = anchor.anchor_path(data_dir, ws.db.url)
    before = path.read_bytes()
    older = anchor.read_anchor(data_dir, ws.db.url).head
    act(ws, staff)
    after = path.read_bytes()
    size = anchor_slots.SLOT
    newest_slot = next(i for i in range(2) if before[i * size:(i + 1) * size] != after[i * size:(i + 1) * size])
    keep = after[(1 - newest_slot) * size:(2 - newest_slot) * size]
    spoilt = {"copied": keep, "zeros": bytes(size), "torn": after[newest_slot * size:][:100] + bytes(size - 100)}[spoil]
    raw = bytearray(after)
    raw[newest_slot * size:(newest_slot + 1) * size] = spoilt
    path.write_bytes(bytes(raw))
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as raw_db:
        raw_db.execute("DELETE FROM audit_event WHERE id > ?", (older.count,))
        raw_db.commit()
    anchor._written.clear()  # noqa: SLF001 - as the next start of the program reads it
    found = anchor.read_anchor(data_dir, ws.db.url)
    assert found.head == older and found.torn
    messages = [f.message for f in integrity.check(ws).findings if f.kind == "audit_anchor"]
    assert any("tindakan terakhir telah dihapus" in m for m in messages), messages
