"""A step that registers its outgoing letter and enters it in the buku ekspedisi (PAW) reads
none of what it wrote back before the commit (issue #15): the letter and the entry are sealed
from the values written, the letter just registered is not looked up again for a void before
its entry, the case's title and requester (the letter's subject and recipient) come with the
waiting step the completion read, and the events after the transaction's first link to the
event it recorded without reading the chain's head again. The check still finds every seal and
the chain right, and an edit of such a row made outside sopdesk."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role
from test_sealed_as_written import statements  # noqa: F401 - the fixture: the direct path's SQL

from sopdesk.engine import audit, cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.store.db import sqlite_path
from sopdesk.store.models import AuditEvent

pytestmark = pytest.mark.both_stores
READ_BACK = ("SELECT outgoing_letter.id, outgoing_letter.year", "SELECT expedition.id, expedition.sent_at",
             "SELECT outgoing_letter.number, outgoing_letter.voided_at",
             "SELECT case_file.title, case_file.requester")  # read with the waiting step already
HEAD = "SELECT audit_event.id, audit_event.hash FROM audit_event ORDER BY audit_event.id DESC"


def _lettered_steps(ws, actors, statements) -> list[list[str]]:  # noqa: ANN001, F811
    """A PAW case walked to its end: the statements of each step that registered a letter."""
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Yosef Nahak",
                              requester="Pimpinan DPRD")
    step, choices, lettered = 1, {2: "Ya", 10: "Ya"}, []
    while step is not None:
        if step == 13:
            ws.clock.advance(days=15)
        statements.clear()
        done = cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(sop.step(step).kelengkapan), choice=choices.get(step), note="dicatat"), step=step)
        if any("dicatat di agenda" in notice for notice in done.notices):
            assert any("buku ekspedisi nomor" in notice for notice in done.notices)
            lettered.append(list(statements))
        step = done.next_step
    return lettered


def test_a_letter_step_reads_back_neither_letter_nor_entry_nor_the_head(ws, actors, statements):  # noqa: F811
    lettered = _lettered_steps(ws, actors, statements)
    assert lettered
    for seen in lettered:
        assert [s for s in seen if s.startswith(READ_BACK)] == []
        assert sum(s.startswith(HEAD) for s in seen) == 1  # the step's own event; its letter's and entry's follow it
    with ws.db.reading() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev_hash == before.hash
        assert after.hash == audit.stored_hash(after)
    report = integrity.check(ws)
    assert report.ok, report.as_dict()


@pytest.mark.parametrize("table", ["outgoing_letter", "expedition"])
def test_an_edit_of_a_letter_or_entry_sealed_as_written_is_found(ws, actors, statements, table):  # noqa: F811
    _lettered_steps(ws, actors, statements)
    path = sqlite_path(ws.db.url)
    if path is None:
        pytest.skip("the edit is made with sqlite3")
    ws.db.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(f"UPDATE {table} SET subject = subject || ' (diubah)' WHERE id = (SELECT max(id) FROM {table})")
    report = integrity.check(ws)
    assert any(f.table == table and f.kind == "record_changed" for f in report.findings), report.as_dict()


def test_a_long_dispatched_subject_in_the_notice_is_cut_at_a_word_and_says_so():
    from sopdesk.engine.letter_steps import NOTICE_SUBJECT, _shown

    subject = "Disposisi Data Baku sesuai disposisi - Permohonan informasi (datang langsung): Laporan"
    shown = _shown(subject, NOTICE_SUBJECT)
    assert len(shown) <= NOTICE_SUBJECT and shown.endswith("...")
    assert shown == "Disposisi Data Baku sesuai disposisi - Permohonan informasi (datang..."  # whole words
    assert _shown("Tanda terima", NOTICE_SUBJECT) == "Tanda terima"
    assert _shown("x" * 100, NOTICE_SUBJECT) == "x" * 77 + "..."
