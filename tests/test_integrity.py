"""`sopdesk check`: a clean office passes; every kind of tampering with the file behind
sopdesk's back is found and named, and the exit code says so. On SQLite and on PostgreSQL
(where the tampering is done on the server with the foreign keys' triggers off, and an
attachment is its row in attachment_blob)."""

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
from sqlalchemy import select

from sopdesk.cli.main import main
from sopdesk.engine import audit, cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.store.models import AuditEvent, Case

pytestmark = pytest.mark.both_stores
SCAN = b"%PDF-1.4 pindaian surat permohonan"


@pytest.fixture
def office(ws, admin, staff, tmp_path):
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    cases.complete(ws, staff["Help Desk"], first, StepInput())
    second = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="surat")
    cases.complete(ws, staff["Help Desk"], second, StepInput())  # 5 -> 6
    cases.complete(ws, staff["Komisioner"], second, StepInput())  # 6 -> 7
    cases.complete(ws, staff["Kasubag"], second, StepInput())  # 7 -> 8
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(SCAN)
    cases.complete(ws, staff["Kasubag"], second, StepInput(files={"Surat Masuk": scan}))  # 8 -> 9
    return SimpleNamespace(first=first, second=second)


@pytest.fixture
def check(ws, data_dir, tmp_path, monkeypatch, capsys):
    """Run `sopdesk check [--json]` on the test's data directory."""
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # SOPDESK_DB: set by the `db_url` fixture
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)

    def run(*extra: str) -> tuple[int, str, str]:
        code = main(["check", *extra])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def server_url() -> str | None:
    """The test's PostgreSQL database (the `db_url` fixture sets SOPDESK_DB), None on SQLite."""
    url = os.environ.get("SOPDESK_DB", "")
    return url if url.startswith("postgresql") else None


def tamper(data_dir: Path, sql: str, *params) -> None:
    """Change the records directly, as someone with a database tool would (foreign keys off)."""
    url = server_url()
    if url is not None:
        import psycopg

        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            conn.execute("SET session_replication_role = replica")
            conn.execute(sql.replace("?", "%s"), params)
        return
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute(sql, params)
        conn.commit()


def events(ws, action: str | None = None) -> list[AuditEvent]:
    with ws.db.reading() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(session.scalars(query))


def case_id(ws, number: str) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(Case.id).where(Case.number == number))


def messages(report: integrity.Report) -> list[str]:
    return [finding.message for finding in report.findings]


def test_a_clean_office_passes(ws, office, check):
    report = integrity.check(ws)
    assert report.ok, messages(report)
    assert report.checked["attachments"] == 1
    assert report.checked["audit_events"] == len(events(ws))
    assert integrity.quick_check(ws).ok
    code, out, err = check()
    assert (code, err) == (0, "")
    assert "Semua catatan utuh" in out and "1 lampiran" in out
    code, out, _ = check("--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_an_audit_event_edited_outside_sopdesk_is_named(ws, office, data_dir, check):
    event = next(e for e in events(ws, "step_completed") if e.case_id == case_id(ws, office.second))
    edited = event.detail.replace('"note": null', '"note": "disetujui"')
    assert edited != event.detail
    tamper(data_dir, "UPDATE audit_event SET detail = ? WHERE id = ?", edited, event.id)

    expected = f"peristiwa audit #{event.id} (step_completed, kasus {office.second}) telah diubah di luar sopdesk"
    assert messages(integrity.check(ws)) == [expected]
    assert messages(integrity.quick_check(ws)) == [expected]
    code, out, err = check()
    assert code == 1 and f"sopdesk: {expected}" in err and "1 masalah ditemukan" in err
    code, out, _ = check("--json")
    (finding,) = json.loads(out)["findings"]
    assert code == 1 and finding["kind"] == "audit_changed" and finding["event_id"] == event.id


def test_an_audit_event_time_edited_is_found(ws, office, data_dir):
    event = events(ws, "case_started")[0]
    tamper(data_dir, "UPDATE audit_event SET at = '2025-01-01 00:00:00.000000' WHERE id = ?", event.id)
    assert messages(integrity.check(ws)) == [
        f"peristiwa audit #{event.id} (case_started, kasus {office.first}) telah diubah di luar sopdesk"]
    if server_url() is None:  # a typed column on PostgreSQL: it refuses text that is not a time
        tamper(data_dir, "UPDATE audit_event SET at = 'kemarin' WHERE id = ?", event.id)
        assert len(integrity.check(ws).findings) == 1


def test_an_audit_event_deleted_in_the_middle_is_named(ws, office, data_dir, check):
    middle = events(ws)[len(events(ws)) // 2]
    tamper(data_dir, "DELETE FROM audit_event WHERE id = ?", middle.id)

    expected = f"peristiwa audit #{middle.id} hilang/dihapus (rantai terputus sebelum #{middle.id + 1})"
    assert messages(integrity.check(ws)) == [expected]
    code, _, err = check()
    assert code == 1 and expected in err


def test_an_edited_event_with_a_recomputed_hash_breaks_the_next_link(ws, office, data_dir):
    event = events(ws, "step_completed")[0]
    detail = event.detail.replace('"note": null', '"note": "dipalsukan"')
    assert detail != event.detail
    forged = audit.event_hash(event.prev_hash, event.at, event.user_id, event.action, event.case_id,
                              event.work_item_id, event.step_no, detail, event.sealed)  # every stored field
    tamper(data_dir, "UPDATE audit_event SET detail = ?, hash = ? WHERE id = ?", detail, forged, event.id)
    assert messages(integrity.check(ws)) == [
        f"rantai audit terputus antara peristiwa #{event.id} dan #{event.id + 1}: salah satunya "
        "telah diubah di luar sopdesk"]


def test_the_first_events_deleted_are_found(ws, office, data_dir):
    tamper(data_dir, "DELETE FROM audit_event WHERE id <= 2")
    (finding,) = integrity.check(ws).findings
    assert finding.kind == "audit_missing" and finding.message.startswith("peristiwa audit #1-#2 hilang/dihapus")


def test_an_attachment_file_changed_is_named(ws, office, data_dir, check):
    if server_url():
        tamper(data_dir, "UPDATE attachment_blob SET content = ?", SCAN.replace(b"surat", b"SURAT"))
    else:
        (scan,) = ws.attachments_dir.rglob("*.pdf")
        scan.write_bytes(SCAN.replace(b"surat", b"SURAT"))
    (finding,) = integrity.check(ws).findings
    assert finding.kind == "attachment_changed"
    assert finding.message.startswith(f"lampiran #1 (surat masuk.pdf, kasus {office.second}) telah diubah")
    code, _, err = check()
    assert code == 1 and "lampiran #1 (surat masuk.pdf" in err and "telah diubah" in err


def test_an_attachment_file_deleted_is_named(ws, office, data_dir, check):
    if server_url():
        tamper(data_dir, "DELETE FROM attachment_blob")
    else:
        (scan,) = ws.attachments_dir.rglob("*.pdf")
        scan.unlink()
    (finding,) = integrity.check(ws).findings
    assert finding.kind == "attachment_missing"
    assert finding.message.startswith(f"lampiran #1 (surat masuk.pdf, kasus {office.second}) hilang")
    code, _, err = check()
    assert code == 1 and "hilang" in err


def test_a_row_deleted_behind_sopdesk_breaks_a_reference(ws, office, data_dir):
    tamper(data_dir, "DELETE FROM case_file WHERE number = ?", office.first)
    kinds = {finding.kind for finding in integrity.check(ws).findings}
    assert "foreign_key" in kinds
    assert any("tabel work_item merujuk ke baris case_file yang tidak ada" in m
               for m in messages(integrity.check(ws)))


@pytest.mark.sqlite_only("damages the SQLite file's pages; a server keeps its own files")
def test_a_damaged_database_file_is_reported_not_a_traceback(ws, office, data_dir, check):
    ws.close()
    path = data_dir / "sopdesk.sqlite3"
    with closing(sqlite3.connect(path)) as conn:  # fold the WAL in, then damage the pages
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    content = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(content) - 4096, 4096 * 2):
        content[offset + 8: offset + 400] = b"\xa5" * 392
    path.write_bytes(bytes(content))
    code, out, err = check()
    assert code == 1 and "rusak" in out + err and "Traceback" not in out + err
    assert "kesalahan internal" not in err


def test_quick_check_reads_only_the_newest_events(ws, office, data_dir, clock):
    with ws.db.transaction() as session:
        for n in range(250):
            audit.record(session, at=clock(), user_id=None, action="login_failed", n=n)
    first = events(ws)[0]
    tamper(data_dir, "UPDATE audit_event SET detail = '{}' WHERE id = ?", first.id)
    assert integrity.quick_check(ws).ok  # older than the newest 200: the full check finds it
    assert integrity.quick_check(ws).checked["audit_events"] == 201
    assert not integrity.check(ws).ok
    last = events(ws)[-1]
    tamper(data_dir, "DELETE FROM audit_event WHERE id = ?", last.id - 1)
    assert messages(integrity.quick_check(ws)) == [
        f"peristiwa audit #{last.id - 1} hilang/dihapus (rantai terputus sebelum #{last.id})"]
