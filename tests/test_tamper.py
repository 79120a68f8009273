"""Tamper evidence (issue #11): each edit an attacker with the office PC would make with a database
tool, and `sopdesk check` (the command line, its exit code) naming it; then the hold: every
action is refused until an administrator has seen the findings. On SQLite and, where the edit
makes sense on a server, on PostgreSQL (edits made there with the foreign keys' triggers off)."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from sopdesk.cli.main import main
from sopdesk.engine import anchor, audit, cases, integrity, letters, seal, tamper
from sopdesk.engine.cases import StepInput
from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store.models import AuditEvent, Case, User, WorkItem

pytestmark = pytest.mark.both_stores
SCAN = b"%PDF-1.4 pindaian surat permohonan"
PASSWORD = "rahasia-123"  # conftest's


@pytest.fixture
def office(ws, admin, staff, tmp_path):
    """A small office: cases on the way (one with a scan), a visitor with a NIK, a letter."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    cases.complete(ws, staff["Help Desk"], first, StepInput())  # 5 -> 6, open at 6
    second = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="surat")
    cases.complete(ws, staff["Help Desk"], second, StepInput())
    cases.complete(ws, staff["Komisioner"], second, StepInput())
    cases.complete(ws, staff["Kasubag"], second, StepInput())
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(SCAN)
    cases.complete(ws, staff["Kasubag"], second, StepInput(files={"Surat Masuk": scan}))
    visitor_id, _ = register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Maria Ndun", purpose="bertamu", purpose_text="Bertemu Sekretaris", id_number="5371014501900001"))
    letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(recipient="Bawaslu", subject="Data DPT"))
    return SimpleNamespace(first=first, second=second, visitor=visitor_id)


@pytest.fixture
def check(ws, data_dir, tmp_path, monkeypatch, capsys):
    """Run `sopdesk check [args]` (or another command) on the test's data directory."""
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)

    def run(*args: str, command: str = "check") -> tuple[int, str, str]:
        code = main([command, *args] if command else list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def server_url() -> str | None:
    url = os.environ.get("SOPDESK_DB", "")
    return url if url.startswith("postgresql") else None


def tamper_sql(data_dir: Path, *statements: tuple) -> None:
    """Change the records directly, as someone with a database tool would (foreign keys off)."""
    url = server_url()
    if url is not None:
        import psycopg

        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            conn.execute("SET session_replication_role = replica")
            for sql, *params in statements:
                conn.execute(sql.replace("?", "%s"), params)
        return
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        for sql, *params in statements:
            conn.execute(sql, params)
        conn.commit()


def scalar(ws, statement):
    with ws.db.reading() as session:
        return session.scalar(statement)


def user_id(ws, username: str) -> int:
    return scalar(ws, select(User.id).where(User.username == username))


def all_events(ws) -> list[AuditEvent]:
    with ws.db.reading() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def named(code: int, out: str, err: str, *expected: str) -> None:
    """The check failed (exit 1), never said "utuh", and named every expected thing."""
    assert code == 1, (out, err)
    assert "utuh" not in out and "kesalahan internal" not in err
    for text in expected:
        assert text in err, (text, err)


# --- records edited outside sopdesk ----------------------------------------------------------------

def test_a_clean_office_passes_and_shows_its_anchor(ws, office, check, data_dir):
    code, out, err = check()
    assert (code, err) == (0, "")
    assert "Semua catatan utuh" in out and "catatan diperiksa" in out
    head = all_events(ws)[-1]
    assert f"Jangkar rantai audit: peristiwa #{head.id}, {head.hash[:16]}" in out
    assert "kunci: cocok" in out
    assert anchor.anchor_path(data_dir, ws.db.url).stat().st_mode & 0o777 == 0o600
    assert anchor.key_path(data_dir).stat().st_mode & 0o777 == 0o600
    assert anchor.key_path(data_dir).parent.stat().st_mode & 0o777 == 0o700
    assert (data_dir / anchor.LOCK_FILE).stat().st_mode & 0o777 == 0o600


def test_admin_flag_set_outside_sopdesk_is_named_and_never_opens_a_session(ws, office, check, data_dir):
    kasubag = user_id(ws, "kasubag")
    tamper_sql(data_dir, ("UPDATE user_account SET is_admin = ? WHERE username = 'kasubag'", True))
    code, out, err = check("backup", "--as", "kasubag", command="")  # the forger's first act
    assert code == 1 and "telah diubah di luar sopdesk" in err and "Cadangan dibuat" not in out
    named(*check(), f"pengguna #{kasubag} (tabel user_account) telah diubah di luar sopdesk")


def test_password_hash_swapped_is_named_and_the_attacker_cannot_log_in(ws, office, check, data_dir, monkeypatch):
    admin_id = user_id(ws, "admin")
    forged = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash("sandi-penyerang")
    tamper_sql(data_dir, ("UPDATE user_account SET password_hash = ? WHERE username = 'admin'", forged))
    monkeypatch.setenv("SOPDESK_PASSWORD", "sandi-penyerang")
    code, out, err = check("backup", "--as", "admin", command="")
    assert code == 1 and "Akun admin telah diubah di luar sopdesk" in err and "Cadangan dibuat" not in out
    named(*check(), f"pengguna #{admin_id} (tabel user_account) telah diubah di luar sopdesk")


def test_a_role_granted_outside_sopdesk_is_named(ws, office, check, data_dir):
    kasubag = user_id(ws, "kasubag")
    tamper_sql(data_dir, ("INSERT INTO user_role (user_id, role_id) SELECT ?, id FROM role WHERE name = 'Ketua'",
                          kasubag))
    named(*check(), f"pengguna #{kasubag} (tabel user_account) telah diubah di luar sopdesk")


def test_a_work_item_set_done_is_named(ws, office, check, data_dir):
    item = scalar(ws, select(WorkItem.id).join(Case).where(Case.number == office.first, WorkItem.status == "open"))
    tamper_sql(data_dir, ("UPDATE work_item SET status = 'done' WHERE id = ?", item))
    named(*check(), f"kegiatan #{item} (tabel work_item) telah diubah di luar sopdesk")


def test_a_case_cancelled_is_named(ws, office, check, data_dir):
    case = scalar(ws, select(Case.id).where(Case.number == office.first))
    tamper_sql(data_dir, ("UPDATE case_file SET status = 'cancelled', close_reason = 'x' WHERE id = ?", case))
    named(*check(), f"kasus #{case} (tabel case_file) telah diubah di luar sopdesk")


def test_a_visitors_nik_changed_is_named(ws, office, check, data_dir):
    tamper_sql(data_dir, ("UPDATE visitor SET id_number = '5371010101010001' WHERE id = ?", office.visitor))
    named(*check(), f"tamu #{office.visitor} (tabel visitor) telah diubah di luar sopdesk")


def test_a_letter_edited_a_row_added_and_a_row_deleted_are_named(ws, office, check, data_dir):
    tamper_sql(data_dir, ("UPDATE outgoing_letter SET subject = 'Data lain'",),
               ("INSERT INTO office_holiday (id, day, name) VALUES (99, '2026-03-03', 'Libur palsu')",),
               ("DELETE FROM visitor WHERE id = ?", office.visitor))
    named(*check(), "surat keluar #1 (tabel outgoing_letter) telah diubah di luar sopdesk",
          "hari libur kantor #99 (tabel office_holiday) tidak tercatat di log audit: ditambahkan di luar sopdesk",
          f"tamu #{office.visitor} (tabel visitor) telah dihapus di luar sopdesk")


def test_an_attachment_replaced_with_its_sha256_updated_is_named(ws, office, check, data_dir):
    other = SCAN.replace(b"surat", b"SURAT")
    import hashlib

    digest = hashlib.sha256(other).hexdigest()
    if server_url():
        tamper_sql(data_dir, ("INSERT INTO attachment_blob (sha256, size, content) VALUES (?, ?, ?)",
                              digest, len(other), other),
                   ("UPDATE attachment SET sha256 = ? WHERE id = 1", digest))
    else:
        (old,) = ws.attachments_dir.rglob("*.pdf")
        stored = old.relative_to(ws.attachments_dir).as_posix().replace(old.stem, digest)
        (ws.attachments_dir / stored).parent.mkdir(parents=True, exist_ok=True)
        (ws.attachments_dir / stored).write_bytes(other)
        tamper_sql(data_dir, ("UPDATE attachment SET sha256 = ?, stored_name = ? WHERE id = 1", digest, stored))
    assert not [f for f in integrity.check(ws).findings if f.kind.startswith("attachment")]  # the file agrees
    named(*check(), "lampiran #1 (tabel attachment) telah diubah di luar sopdesk")


# --- the audit chain itself --------------------------------------------------------------------------

def _sealed_user(ws, user: int) -> str:
    with ws.db.connect() as conn:
        digest = dict(seal.row_digests(conn, "user_account", [user]))[user]
    return json.dumps({"user_account": {str(user): digest}}, sort_keys=True, separators=(",", ":"))


@pytest.mark.sqlite_only("on PostgreSQL a desk's anchor may lag the server's chain: events after it are "
                         "other desks' until proven otherwise")
def test_an_appended_audit_row_with_a_recomputed_hash_is_named(ws, office, check, data_dir):
    """The forger flips the flag and appends a sealing event with a correct hash: the records
    and the chain agree, the anchor outside the file does not."""
    kasubag = user_id(ws, "kasubag")
    tamper_sql(data_dir, ("UPDATE user_account SET is_admin = 1 WHERE id = ?", kasubag))
    last = all_events(ws)[-1]
    sealed = _sealed_user(ws, kasubag)
    at = last.at
    forged = audit.event_hash(last.hash, at, None, "roles_changed", None, None, None, "{}", sealed)
    tamper_sql(data_dir, ("INSERT INTO audit_event (id, at, user_id, action, detail, prev_hash, hash, sealed) "
                          "VALUES (?, ?, NULL, 'roles_changed', '{}', ?, ?, ?)", last.id + 1,
                          at.strftime("%Y-%m-%d %H:%M:%S.%f"), last.hash, forged, sealed))
    report = integrity.check(ws)
    assert [f.kind for f in report.findings] == ["audit_anchor"]
    named(*check(), "rantai audit memuat 1 peristiwa setelah jangkarnya", "ditambahkan di luar sopdesk")


def test_an_old_event_edited_and_the_chain_rebuilt_is_named(ws, office, check, data_dir):
    """The forger sets a work item done, rewrites the seal of the event that sealed it, and
    hashes the whole chain again from there: only the anchor knows the old head."""
    item = scalar(ws, select(WorkItem.id).join(Case).where(Case.number == office.first, WorkItem.status == "open"))
    events = all_events(ws)
    sealing = [e for e in events if e.sealed and str(item) in json.loads(e.sealed).get("work_item", {})][-1]
    tamper_sql(data_dir, ("UPDATE work_item SET status = 'done' WHERE id = ?", item))
    with ws.db.connect() as conn:
        digest = dict(seal.row_digests(conn, "work_item", [item]))[item]
    statements, prev = [], None
    for event in events:
        if event.id < sealing.id:
            continue
        sealed = event.sealed
        if event.id == sealing.id:
            data = json.loads(sealed)
            data["work_item"][str(item)] = digest
            sealed = json.dumps(data, sort_keys=True, separators=(",", ":"))
        prev = prev or event.prev_hash
        digest_event = audit.event_hash(prev, event.at, event.user_id, event.action, event.case_id,
                                        event.work_item_id, event.step_no, event.detail, sealed)
        statements.append(("UPDATE audit_event SET sealed = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           sealed, prev, digest_event, event.id))
        prev = digest_event
    tamper_sql(data_dir, *statements)
    report = integrity.check(ws)
    assert [f.kind for f in report.findings] == ["audit_anchor"], report.findings
    named(*check(), f"peristiwa audit #{events[-1].id} tidak lagi sama dengan jangkarnya",
          "disusun ulang di luar sopdesk")


@pytest.mark.parametrize("newest", [1, 50])
def test_the_newest_events_deleted_are_named(ws, office, check, data_dir, clock, newest):
    with ws.db.transaction() as session:
        for n in range(60):
            audit.record(session, at=clock(), user_id=None, action="login_failed", n=n)
    last = all_events(ws)[-1].id
    tamper_sql(data_dir, ("DELETE FROM audit_event WHERE id > ?", last - newest))
    named(*check(), "rantai audit lebih pendek daripada jangkarnya",
          f"{newest} peristiwa terbaru telah dihapus di luar sopdesk")


@pytest.mark.sqlite_only("empties the SQLite file; a server's database is not a file of the office PC")
def test_an_emptied_database_file_is_not_a_new_office(ws, office, check, data_dir):
    ws.close()
    path = data_dir / "sopdesk.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(b"")  # : > sopdesk.sqlite3
    code, out, err = check("--office", "Kantor Baru", "--timezone", "WITA", "--admin", "baru", command="setup")
    assert code == 1 and "pernah berisi kantor sopdesk" in err and "disiapkan" not in out
    named(*check(), "rantai audit lebih pendek daripada jangkarnya")
    fresh = Workspace.open(data_dir)
    try:
        assert not fresh.is_set_up()
    finally:
        fresh.close()


def test_the_anchor_deleted_or_rewritten_is_named(ws, office, check, data_dir):
    path = anchor.anchor_path(data_dir, ws.db.url)
    data = json.loads(path.read_bytes()[:anchor.ANCHOR_SIZE // 2])  # one slot (engine.anchor_slots)
    data["count"] -= 1  # "the chain ends one earlier", without the key
    path.write_text(json.dumps(data))
    named(*check(), "tidak cocok dengan kuncinya")
    path.unlink()
    if server_url() is None:
        named(*check(), "tidak ada di", "telah dihapus di luar sopdesk")


@pytest.mark.sqlite_only("damages the SQLite file's pages; a server keeps its own files")
def test_random_bytes_over_the_audit_log_still_report_every_other_finding(ws, office, check, data_dir):
    (scan,) = ws.attachments_dir.rglob("*.pdf")
    scan.write_bytes(SCAN.replace(b"surat", b"SURAT"))
    ws.close()
    path = data_dir / "sopdesk.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_event'").fetchone()
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    content = bytearray(path.read_bytes())
    content[(root - 1) * page: root * page] = os.urandom(page)
    path.write_bytes(bytes(content))
    code, out, err = check()
    named(code, out, err, "lampiran #1 (surat masuk.pdf", "telah diubah")
    assert "rusak" in err or "tidak dapat dibaca" in err
    assert "Traceback" not in out + err


# --- what a finding does: every action waits for an administrator -------------------------------------

def test_every_action_waits_for_an_administrator_who_has_seen_it(ws, office, check, data_dir, staff):
    tamper_sql(data_dir, ("UPDATE visitor SET id_number = '5371010101010001' WHERE id = ?", office.visitor))
    named(*check(), "tamu #", "semua tindakan ditolak sampai seorang administrator melihat temuan ini")
    assert (data_dir / tamper.HOLD_FILE).stat().st_mode & 0o777 == 0o600
    code, _, err = check("show", office.first, "--as", "help.desk", command="case")
    assert code == 1 and "semua tindakan ditolak" in err and "--acknowledge" in err
    # the desktop's actions go through the engine: refused the same way
    held = Workspace.open(data_dir)
    try:
        with pytest.raises(UserError, match="semua tindakan ditolak"):
            cases.start_case(held, held.login("help.desk", PASSWORD), "PP", "Permohonan baru", entry="surat")
    finally:
        held.close()
    code, _, err = check("--acknowledge", "--as", "help.desk")  # not an administrator
    assert code == 1 and (data_dir / tamper.HOLD_FILE).exists()
    code, _, err = check("--acknowledge", "--as", "admin")
    assert "sudah dilihat oleh admin dan dicatat di log audit" in err
    assert not (data_dir / tamper.HOLD_FILE).exists()
    assert all_events(ws)[-1].action == "tamper_acknowledged"
    code, _, err = check()  # the same finding, seen already: reported, no new hold
    assert code == 1 and "semua tindakan ditolak" not in err
    code, out, _ = check("show", office.first, "--as", "help.desk", command="case")
    assert code == 0 and office.first in out


def test_a_forged_administrator_cannot_lift_the_hold_on_himself(ws, office, check, data_dir):
    tamper_sql(data_dir, ("UPDATE user_account SET is_admin = ? WHERE username = 'kasubag'", True))
    check()
    held = Workspace.open(data_dir)
    try:
        with pytest.raises(PermissionRefused):
            held.login("kasubag", PASSWORD)
        from sopdesk.engine.users import Actor

        with pytest.raises(PermissionRefused, match="administrator lain"):
            tamper.acknowledge(held, Actor(user_id(held, "kasubag"), "kasubag"))
    finally:
        held.close()
    assert (data_dir / tamper.HOLD_FILE).exists()


# --- the anchor's own safety --------------------------------------------------------------------------

def test_a_commit_interrupted_between_its_anchors_is_not_tampering(ws, office, data_dir):
    """The anchor written before a commit that then never happened (a crash): either head is
    accepted; after the next action the plain head again."""
    with ws.db.connect() as conn:
        head = anchor.chain_head(conn)
    anchor.before_commit(data_dir, head, anchor.Head(head.count + 1, "f" * 64), ws.db.url)
    assert integrity.check(ws).ok
    cases.start_case(ws, ws.login("help.desk", PASSWORD), "PP", "Permohonan baru", entry="surat")
    assert anchor.read_anchor(data_dir, ws.db.url).before is None
    assert integrity.check(ws).ok


def test_the_whole_chain_check_for_the_desktop_holds_on_findings(ws, office, data_dir):
    assert integrity.verify_whole_chain(ws) == []
    tamper_sql(data_dir, ("UPDATE case_file SET title = 'Judul lain' WHERE number = ?", office.second))
    findings = integrity.verify_whole_chain(ws)
    assert [f.kind for f in findings] == ["record_changed"] and findings[0].table == "case_file"
    assert ws.db.hold is not None and "semua tindakan ditolak" in ws.db.hold


def test_every_backup_and_the_case_control_sheet_carry_the_anchor(ws, office, admin, tmp_path):
    import pypdf

    from sopdesk.engine import backups
    from sopdesk.reports import render_case_sheet
    from sopdesk.store.backup import read_manifest

    head = all_events(ws)[-1]
    archive = backups.backup(ws, admin, tmp_path / "cadangan")
    assert read_manifest(archive).audit_anchor == {"count": head.id, "head": head.hash}
    assert anchor.read_anchor(ws.data_dir, ws.db.url).head.count == head.id + 1  # the backup's own event
    newest = all_events(ws)[-1]
    sheet = render_case_sheet(ws, office.second, tmp_path / "kasus.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(sheet).pages)
    assert f"Jangkar rantai audit saat dicetak: peristiwa #{newest.id}, ujung {newest.hash[:16]}" in text


def test_an_office_upgraded_from_before_seals_is_sealed_once_and_then_checked(ws, office, data_dir, check):
    """The upgrade from schema 0007 seals every record in one event; a later edit is named."""
    tamper_sql(data_dir, ("UPDATE audit_event SET sealed = NULL",))
    statements, prev = [], audit.GENESIS  # the chain as the program before seals hashed it
    for event in all_events(ws):
        digest = audit.event_hash(prev, event.at, event.user_id, event.action, event.case_id,
                                  event.work_item_id, event.step_no, event.detail)
        statements.append(("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?", prev, digest, event.id))
        prev = digest
    tamper_sql(data_dir, *statements)
    assert tamper.seal_existing(ws.db, "upgraded from 0007")  # what Workspace.open does after it
    assert all_events(ws)[-1].action == "records_sealed"
    assert not tamper.seal_existing(ws.db, "current") and not tamper.seal_existing(ws.db, "upgraded from 0008")
    code, out, err = check()
    assert code == 0, err
    tamper_sql(data_dir, ("UPDATE visitor SET id_number = '5371010101010001' WHERE id = ?", office.visitor))
    named(*check(), f"tamu #{office.visitor} (tabel visitor) telah diubah di luar sopdesk")


@pytest.mark.sqlite_only("kills processes working on the office's SQLite file; the anchor is strict there")
def test_workers_killed_mid_action_leave_records_seals_and_anchor_in_agreement(ws, staff, data_dir):
    """Two workers act at once (the anchor's writers race) and are SIGKILLed at random moments,
    also between a commit and its anchor: the office still checks clean."""
    import random
    import signal
    import subprocess
    import time

    child = Path(__file__).parent / "helpers" / "crash_child.py"
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    ws.close()
    actions, errors = 0, []
    for round_no in range(4):
        workers = [subprocess.Popen([sys.executable, str(child), "run", str(data_dir), str(round_no * 2 + n)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                   for n in range(2)]
        for worker in workers:  # both working before the kill
            assert worker.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.3, 1.5))
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
            out, err = worker.communicate()
            errors.append(err.decode()[-2000:])
            actions += sum(1 for line in out.decode().splitlines() if line.startswith(("visitor", "done")))
    assert actions > 0, errors
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]
    assert report.checked["anchor"]["count"] == all_events(ws)[-1].id


def test_a_hold_made_or_lifted_elsewhere_counts_at_once_in_an_open_window(ws, office, check, data_dir, staff):
    """The desktop stays open while `sopdesk check` runs beside it: its next action is refused,
    and allowed again as soon as an administrator has acknowledged (in the other process)."""
    tamper_sql(data_dir, ("UPDATE visitor SET id_number = '5371010101010001' WHERE id = ?", office.visitor))
    check()
    with pytest.raises(UserError, match="semua tindakan ditolak"):
        cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan baru", entry="surat")
    check("--acknowledge", "--as", "admin")
    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan baru", entry="surat")


def test_a_desk_that_switches_databases_keeps_one_anchor_per_database(ws, office, data_dir, tmp_path, clock):
    """A demo on the desk's own file first, then the office's database (here: another file named
    with --db): each has its anchor beside the data folder; neither is compared with the other."""
    from sopdesk.engine.accounts import add_user

    other_url = f"sqlite:///{tmp_path / 'lain' / 'kantor.sqlite3'}"
    other = Workspace.open(data_dir, other_url, clock=clock)
    try:
        add_user(other, other.setup("KPU Lain", "WITA", "admin", PASSWORD), "staf", PASSWORD, ["Staf"])
        assert integrity.check(other).ok
        assert anchor.anchor_path(data_dir, other.db.url) != anchor.anchor_path(data_dir, ws.db.url)
    finally:
        other.close()
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]
