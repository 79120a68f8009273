"""Every schema an office may still have is upgraded on opening with its data intact.

tests/fixtures/schema_<revision>.sqlite3 is a small office database written by
tests/fixtures/make_schema_fixtures.py at that revision (one file per revision, never
regenerated). Each is copied, opened with Workspace.open (which runs migrate.prepare), and
compared with what it held before: the same cases at the same steps, the same users, visitors,
documents and attachments, and an audit chain that still verifies. An older revision must
leave a copy of the database in cadangan/ before it is upgraded; the current one is not
touched."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from sopdesk.engine import integrity, queries, record_check, tamper
from sopdesk.engine.workspace import Workspace
from sopdesk.store.migrate import current_revision, head_revision, known_revisions
from sopdesk.store.models import Attachment, AuditEvent, Document, User, Visitor

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.sqlite3"))


def test_there_is_a_fixture_for_the_first_schema_and_each_is_known():
    names = {path.stem.removeprefix("schema_") for path in FIXTURES}
    assert "0001" in names
    assert names <= known_revisions()


def read_before(path: Path) -> dict:
    """What the fixture holds, read with plain SQL (columns every revision has)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        def rows(sql: str) -> list[tuple]:
            return [tuple(row) for row in conn.execute(sql)]

        return {
            "revision": rows("SELECT version_num FROM alembic_version")[0][0],
            "cases": rows("SELECT number, status, title FROM case_file ORDER BY number"),
            "steps": rows("SELECT c.number, w.step_no, w.status FROM work_item w "
                          "JOIN case_file c ON c.id = w.case_id ORDER BY c.number, w.id"),
            "users": rows("SELECT username FROM user_account ORDER BY username"),
            "visitors": rows("SELECT name FROM visitor ORDER BY id"),
            "documents": rows("SELECT name, number FROM document ORDER BY id"),
            "attachments": rows("SELECT sha256, stored_name FROM attachment ORDER BY id"),
            "audit": rows("SELECT id, action, hash FROM audit_event ORDER BY id"),
        }


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_an_office_database_of_every_schema_opens_with_its_data_intact(fixture, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / "sopdesk.sqlite3"
    shutil.copyfile(fixture, database)
    before = read_before(database)
    assert before["cases"] and before["audit"] and before["attachments"]  # a fixture worth its name

    ws = Workspace.open(data_dir)  # migrate.prepare upgrades an older schema here
    try:
        assert current_revision(ws.db) == head_revision()
        after_cases = []
        after_steps = []
        for number, _status, _title in before["cases"]:
            detail = queries.case_detail(ws, number)
            after_cases.append((detail["number"], detail["status"], detail["title"]))
            after_steps += [(number, item["step"], item["status"]) for item in detail["items"]]
        assert after_cases == before["cases"]
        assert after_steps == before["steps"]
        with ws.db.reading() as session:
            assert [(u,) for u in session.scalars(select(User.username).order_by(User.username))] \
                == before["users"]
            assert [(n,) for n in session.scalars(select(Visitor.name).order_by(Visitor.id))] \
                == before["visitors"]
            assert session.execute(select(Document.name, Document.number).order_by(Document.id)).all() \
                == before["documents"]
            assert session.execute(select(Attachment.sha256, Attachment.stored_name)
                                   .order_by(Attachment.id)).all() == before["attachments"]
            audit = session.execute(select(AuditEvent.id, AuditEvent.action, AuditEvent.hash)
                                    .order_by(AuditEvent.id)).all()
        sealed = int(before["revision"]) < tamper.SEALS_SINCE  # one event seals the records as they were
        assert [tuple(row) for row in audit][:len(before["audit"])] == before["audit"]
        assert [row.action for row in audit[len(before["audit"]):]] == (["records_sealed"] if sealed else [])

        # the file, its references and the audit chain (attachment files are not part of it)
        report = integrity.Report()
        assert integrity.check_database(ws, report, "integrity_check")
        integrity.check_foreign_keys(ws, report)
        book = record_check.SealBook()
        integrity.check_audit_chain(ws, report, book=book)
        record_check.check_records(ws, report, book)  # every record agrees with its seal
        assert report.ok, [finding.message for finding in report.findings]
        assert report.checked["audit_events"] == len(audit)
        assert report.checked["records"] > 0
    finally:
        ws.close()

    copies = sorted((data_dir / "cadangan").glob("sebelum-migrasi-*.sqlite3"))
    if before["revision"] == head_revision():
        assert copies == []  # nothing to migrate, nothing copied
    else:
        (copy,) = copies
        assert copy.name.startswith(f"sebelum-migrasi-{before['revision']}-")
        assert read_before(copy) == before  # the copy is the database as it was
