"""The direct execution path of the hot actions (store.direct, Database.direct): what it
writes reads back through the ORM unchanged, it takes the write lock at once, an error keeps
nothing, and the inbox filters it serves stay right."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from sopdesk.engine import audit, case_steps, cases, queries
from sopdesk.engine.cases import StepInput
from sopdesk.engine.letter_settings import load_letter_settings
from sopdesk.store.db import sqlite_path
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import AuditEvent, WorkItem
from sopdesk.store.settings_file import write_section

WITA = timezone(timedelta(hours=8))


def test_a_completion_written_directly_reads_back_through_the_orm(ws, staff, clock):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat")
    clock.advance(minutes=7, microseconds=123)
    done = cases.complete(ws, staff["Help Desk"], number, StepInput(present=["1"], note="diterima"))
    with ws.db.reading() as session:
        items = session.scalars(select(WorkItem).order_by(WorkItem.id)).all()
        first, second = items
        assert (first.status, first.completed_at, first.note) == ("done", clock.now, "diterima")
        assert first.completed_at.tzinfo is not None
        assert second.step_no == done.next_step and second.status == "open"
        assert second.created_at == clock.now
        kegiatan = ws.catalog.sop("PP").step(second.step_no)
        assert second.due_at == ws.calendar.due(clock.now, kegiatan.waktu_baku)
        assert [c.present for c in first.checks][0] is True
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert events[-1].action == "step_completed" and events[-1].prev_hash == events[-2].hash


@pytest.mark.sqlite_only("SQLite's file write lock (BEGIN IMMEDIATE); the server's locks are "
                        "proven by tests/test_concurrency.py")
def test_a_direct_transaction_holds_the_write_lock_from_its_first_statement(ws, staff):
    other = sqlite3.connect(sqlite_path(ws.db.url), timeout=0, isolation_level=None)
    try:
        with ws.db.direct() as tx:
            tx.scalar(audit.LAST_HASH)  # only a read so far: the lock is held all the same
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once it committed
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_an_error_inside_a_direct_transaction_keeps_nothing(ws, admin, clock):
    with ws.db.reading() as session:
        before = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    with pytest.raises(RuntimeError), ws.db.direct() as tx:
        audit.record(tx, at=clock.now, user_id=admin.user_id, action="test")
        raise RuntimeError("the action failed half-way")
    with ws.db.reading() as session:
        assert session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) == before


def test_a_database_error_comes_as_the_sqlalchemy_error_of_its_kind(ws, admin, clock):
    with pytest.raises(IntegrityError), ws.db.direct() as tx:
        tx.execute(insert(WorkItem), {"case_id": 999_999, "step_no": 1, "role": "Kasubag",
                                      "status": "open", "created_at": clock.now})


def test_times_keep_their_instant_whatever_zone_they_were_given_in(ws, admin):
    moment = datetime(2026, 3, 2, 17, 30, 0, tzinfo=WITA)  # 09:30 UTC
    with ws.db.direct() as tx:
        audit.record(tx, at=moment, user_id=admin.user_id, action="test")
        stored = tx.execute(select(AuditEvent.at).where(AuditEvent.action == "test")).first()
    assert stored.at == moment and stored.at.tzinfo == timezone.utc
    with ws.db.reading() as session:  # and the ORM reads the same instant
        assert session.scalar(select(AuditEvent.at).where(AuditEvent.action == "test")) == moment


def test_an_expanding_parameter_is_refused_when_a_statement_is_prepared(ws, admin):
    statement = select(WorkItem.id).where(WorkItem.role.in_(bindparam("roles", expanding=True)))
    with pytest.raises(ValueError, match="expanding"), ws.db.direct_reading() as db:
        db.execute(statement, {"roles": ["Kasubag"]})


def test_a_missing_parameter_names_itself(ws, admin):
    with pytest.raises(KeyError, match="user_id"), ws.db.direct_reading() as db:
        db.execute(case_steps.USERNAME, {})


def test_the_inbox_of_several_roles_and_of_none(ws, staff):
    help_desk = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan A", entry="surat")
    cases.complete(ws, staff["Help Desk"], help_desk, StepInput())  # now at a Komisioner step
    visitor = cases.start_case(ws, staff["Help Desk"], "PP", "Tamu B", entry="tamu")
    both = queries.inbox_page(ws, ["Komisioner", "Help Desk"])
    assert sorted(r.case_number for r in both) == sorted([help_desk, visitor])
    assert queries.inbox_total(ws, ["Komisioner", "Help Desk"]) == 2
    assert [r.case_number for r in queries.inbox_page(ws, ["Help Desk"])] == [visitor]
    assert queries.inbox_page(ws, []) == [] and queries.inbox_total(ws, []) == 0


def test_letter_settings_changed_on_disk_are_seen_by_the_next_read(ws, admin):
    assert load_letter_settings(ws.data_dir).office_code != "KPU-X"
    write_section(ws.data_dir, "surat", {"kode_kantor": "KPU-X"})
    assert load_letter_settings(ws.data_dir).office_code == "KPU-X"
    assert load_letter_settings(ws.data_dir) is load_letter_settings(ws.data_dir)  # read once


def test_who_registers_letters_follows_a_changed_role_list(ws, admin):
    """Issue #13: the registering roles are office configuration, read again when it changes."""
    assert load_letter_settings(ws.data_dir).registrar_roles == ("Help Desk", "Staf", "Kasubag")
    write_section(ws.data_dir, "surat", {"peran_pencatat": ["Petugas TU"]})
    assert load_letter_settings(ws.data_dir).registrar_roles == ("Petugas TU",)
    write_section(ws.data_dir, "surat", {"peran_pencatat": None})
    assert load_letter_settings(ws.data_dir).registrar_roles == ("Help Desk", "Staf", "Kasubag")


def test_direct_executor_of_a_session_sees_its_pending_changes(ws, admin, clock):
    with ws.db.transaction() as session:
        audit.record(session, at=clock.now, user_id=admin.user_id, action="first")
        tx = DirectTx.of(session)
        assert tx.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(1)) == "first"


def test_a_column_left_out_of_a_prepared_insert_gets_its_python_default(ws, admin, clock):
    """`default=False` is filled in by SQLAlchemy at execution time, not in the statement: a
    prepared insert that leaves the column out must write the default, not a NULL."""
    from sopdesk.store.models import Case, CaseDeadline

    with ws.db.direct() as tx:
        run = tx.prepared(insert(CaseDeadline), ["case_id", "kode", "name", "kind"])
        assert run.defaults["extensions"] == 0
    number = cases.start_case(ws, admin, "PAW", "Usulan PAW", requester="DPRD")
    with ws.db.reading() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert case.rahasia is False
        assert all(d.extensions == 0 for d in case.deadlines) and case.deadlines


@pytest.mark.sqlite_only("on SQLite the direct transaction begins and commits on the driver; a server's "
                        "goes through SQLAlchemy's, unchanged")
def test_a_direct_transaction_on_sqlite_begins_and_commits_on_the_driver(ws, admin, clock):
    """No SQLAlchemy begin or commit (their events cost more than a step's statements); an ORM
    session opened inside joins the driver's transaction: its rows and the direct ones are
    committed together, or on an error rolled back together."""
    from sqlalchemy import event

    from sopdesk.store.models import OfficeHoliday

    seen: list[str] = []
    engine = ws.db.engine
    listeners = [(name, lambda *args, name=name: seen.append(name)) for name in ("begin", "commit")]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        with ws.db.direct() as tx:
            audit.record(tx, at=clock.now, user_id=admin.user_id, action="test")
            tx.session().add(OfficeHoliday(day=datetime(2031, 1, 2).date(), name="Libur uji"))
        with pytest.raises(RuntimeError), ws.db.direct() as tx:
            tx.session().add(OfficeHoliday(day=datetime(2031, 1, 3).date(), name="Libur batal"))
            tx.flush()
            audit.record(tx, at=clock.now, user_id=admin.user_id, action="test")
            raise RuntimeError("the action failed half-way")
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)
    assert "commit" not in seen  # the session joined the driver's transaction: no commit of its own
    with closing(sqlite3.connect(sqlite_path(ws.db.url))) as other:
        names = [row[0] for row in other.execute("SELECT name FROM office_holiday WHERE name LIKE 'Libur %'")]
        tests = other.execute("SELECT count(*) FROM audit_event WHERE action = 'test'").fetchone()[0]
    assert names == ["Libur uji"] and tests == 1
