"""A case start and a step completion seal the rows they write from the rows as written
(INSERT/UPDATE ... RETURNING) and insert their event already sealed and marked: no row is
read back and no event updated before the commit (issue #15), and the seals are still the
ones the check computes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role

from sopdesk.engine import audit, cases, integrity, seal
from sopdesk.engine.cases import StepInput
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import AuditEvent

pytestmark = pytest.mark.both_stores


@pytest.fixture
def statements(monkeypatch):
    """The SQL of every statement the direct path runs (not the locks of a PostgreSQL store)."""
    seen: list[str] = []
    run = DirectTx._run

    def counted(self, prepared, parameters, many):  # noqa: ANN001, ANN202
        if "pg_advisory_xact_lock" not in prepared.sql:
            seen.append(" ".join(prepared.sql.split()))
        return run(self, prepared, parameters, many)

    monkeypatch.setattr(DirectTx, "_run", counted)
    return seen


def _newest(ws) -> AuditEvent:  # noqa: ANN001
    with ws.db.reading() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()


def test_a_step_completion_reads_nothing_back_and_updates_no_event(ws, actors, statements):  # noqa: F811
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Maria Lay")
    cases.complete(ws, actors("Komisioner"), number, StepInput(), step=1)  # the SOP's revision read once
    statements.clear()
    cases.complete(ws, actors("Komisioner"), number, StepInput(present=list(sop.step(2).kelengkapan), choice="Ya"),
                   step=2)
    # the user, the waiting step, the checklist, the step done, the next step, the chain's head, the event
    assert len(statements) == 7, "\n".join(s[:90] for s in statements)
    assert not [s for s in statements if s.startswith("UPDATE audit_event")]
    assert not [s for s in statements if s.startswith("SELECT") and ("FROM checklist_entry" in s or " IN (" in s)]
    event = _newest(ws)
    assert event.action == "step_completed" and event.sealed and event.hash == audit.stored_hash(event)


def test_a_case_start_reads_nothing_back_and_updates_no_event(ws, actors, statements):  # noqa: F811
    cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Paulus Tefa")
    assert not [s for s in statements if s.startswith("UPDATE audit_event")]
    assert not [s for s in statements if s.startswith("SELECT") and " IN (" in s]


def test_the_seal_as_written_is_the_seal_read_back(ws, actors):  # noqa: F811
    """Each row an event seals from the values written has the digest the check reads from
    the database; a whole PAW case so (deadlines, waits, letters: some rows touched again and
    read back) passes the check."""
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Maria Lake",
                              requester="Pimpinan DPRD")
    step, choices = 1, {2: "Ya", 10: "Ya"}
    while step is not None:
        if step == 13:
            ws.clock.advance(days=15)
        kegiatan = sop.step(step)
        done = cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(kegiatan.kelengkapan), choice=choices.get(step), note="dicatat"), step=step)
        sealed, _ = audit.without_mark(_newest(ws).sealed)
        assert sealed is not None
        with ws.db.connect() as conn:
            for name, rows in json.loads(sealed).items():
                keys = [int(k) if k.isdigit() else k for k in rows]
                assert {str(k): d for k, d in seal.row_digests(conn, name, keys)} == rows, (step, name)
        step = done.next_step
    report = integrity.check(ws)
    assert report.ok, report.as_dict()


def test_a_row_noted_as_written_then_changed_again_is_read_back(ws, actors):  # noqa: F811
    """`as_written` notes a row from the values written; a later change the transaction notes
    with `touch` wins: the row is read back before the commit, the check finds nothing."""
    from sopdesk.engine.case_steps import OPEN_STEP

    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Yakobus Nenabu")
    with ws.db.direct() as tx:
        item_id = tx.execute(OPEN_STEP, {"number": number}).first()[3]
        seal.as_written(tx, "work_item", item_id, {"note": "pertama"})  # not the row as it ends
        tx.execute(cases.FINISH_ITEM, {"item_id": item_id, "done_at": ws.clock(), "done_by": None,
                                       "chosen": None, "note_text": "kedua"})
        seal.touch(tx, "work_item", item_id)
        audit.record(tx, at=ws.clock(), user_id=None, action="office_updated", final=True)
    report = integrity.check(ws)
    assert report.ok, report.as_dict()
