"""A completion that adds or meets a case deadline (PAW steps 10 and 11), or registers a letter
with a document it numbers, seals those rows from the values it wrote: nothing of them is read
back before the commit (issue #15), and the check still finds every seal right, and an edit of
such a row made outside sopdesk."""

from __future__ import annotations

import sqlite3

import pytest
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role
from test_sealed_as_written import statements  # noqa: F401 - the fixture: the direct path's SQL

from sopdesk.engine import cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.store.db import sqlite_path

pytestmark = pytest.mark.both_stores
READ_BACK = ("SELECT case_deadline.id, case_deadline.case_id", "SELECT document.id, document.case_id")


def _walk_to_13(ws, actors, statements) -> list[str]:  # noqa: ANN001, F811
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Paulus Tefa",
                              requester="Pimpinan DPRD")
    read_back: list[str] = []
    for step, choice in ((1, None), (2, "Ya"), (8, None), (9, None), (10, "Ya"), (11, None)):
        statements.clear()
        cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(sop.step(step).kelengkapan), choice=choice, note="dicatat"), step=step)
        read_back += [s for s in statements if s.startswith(READ_BACK)]
    return read_back


def test_deadlines_and_a_numbered_document_are_sealed_as_written(ws, actors, statements):  # noqa: F811
    assert _walk_to_13(ws, actors, statements) == []
    report = integrity.check(ws)
    assert report.ok, report.as_dict()


def test_an_edited_deadline_is_still_found(ws, actors, statements):  # noqa: F811
    _walk_to_13(ws, actors, statements)
    path = sqlite_path(ws.db.url)
    if path is None:
        pytest.skip("the edit is made with sqlite3")
    ws.db.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE case_deadline SET due_at = '2030-01-01 00:00:00.000000' "
                    "WHERE kode = 'tunggu_klarifikasi'")
    report = integrity.check(ws)
    assert any(f.table == "case_deadline" and f.kind == "record_changed" for f in report.findings), \
        report.as_dict()
