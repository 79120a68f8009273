"""An audit event is appended without RETURNING on SQLite (its id from the driver's lastrowid:
a RETURNING costs SQLite a temporary table per statement, issue #15), and the id `record`
goes on with is the event's own: the seal and the mark land on the event just written."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role
from test_sealed_as_written import statements  # noqa: F401 - the fixture: the direct path's SQL

from sopdesk.engine import audit, cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.store.models import AuditEvent

pytestmark = pytest.mark.both_stores


def test_an_event_is_appended_without_returning_on_sqlite(ws, actors, statements):  # noqa: F811
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Agustinus Seran")
    statements.clear()
    cases.complete(ws, actors(sop.role_of(1)), number, StepInput(present=list(sop.step(1).kelengkapan)), step=1)
    appended = [s for s in statements if s.startswith("INSERT INTO audit_event")]
    assert len(appended) == 1
    assert ("RETURNING" in appended[0]) == (ws.db.dialect != "sqlite")
    with ws.db.reading() as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert newest.action == "step_completed" and newest.sealed and '"~"' in newest.sealed
    assert newest.hash == audit.stored_hash(newest)
    report = integrity.check(ws)
    assert report.ok, report.as_dict()
