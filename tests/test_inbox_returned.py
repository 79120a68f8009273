"""A case sent back (Kembalikan) is told apart in the Kotak Masuk of the step it went back
to: the inbox row carries the return (reason, who, from which step) and the Kegiatan cell is
marked "↩ " with the reason in its tooltip (Xvfb, session 18: the Komisioner had to search
for the returned case among rows that read alike)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sopdesk.engine import cases, queries
from sopdesk.engine.cases import StepInput
from sopdesk.gui.context import GuiContext
from sopdesk.gui.inbox_page import InboxPage

pytestmark = pytest.mark.both_stores

REASON = "Disposisi belum mencantumkan tenggat"


def returned_to_komisioner(ws, staff, clock) -> tuple[str, str]:
    """Two PP cases at step 4 (Kasubag); the first is returned to step 3 (Komisioner). A
    third waits at step 3 without a return."""
    numbers = []
    for n in range(2):
        number = cases.start_case(ws, staff["Help Desk"], "PP", f"Permohonan data {n}", entry="tamu",
                                  requester=f"Pemohon {n}")
        for role in ("Help Desk", "Help Desk", "Komisioner"):
            cases.complete(ws, staff[role], number, StepInput())
        numbers.append(number)
        clock.advance(minutes=5)
    cases.return_to(ws, staff["Kasubag"], numbers[0], 3, REASON)
    plain = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan biasa", entry="tamu")
    for role in ("Help Desk", "Help Desk"):
        cases.complete(ws, staff[role], plain, StepInput())
    return numbers[0], plain


def test_an_inbox_row_carries_the_return_that_opened_it(ws, staff, clock):
    returned, plain = returned_to_komisioner(ws, staff, clock)
    rows = {r.case_number: r for r in queries.inbox_page(ws, ["Komisioner"], staff["Komisioner"].user_id)}
    assert rows[returned].returned and rows[returned].return_reason == REASON
    assert rows[returned].returned_from == 4 and rows[returned].returned_by
    assert rows[returned].returned_at is not None
    assert not rows[plain].returned and rows[plain].return_reason is None
    # every sort and a search page the same rows with the same mark
    for sort in queries.SORTS:
        rows = queries.inbox_page(ws, ["Komisioner"], None, sort=sort)
        assert {r.case_number for r in rows if r.returned} == {returned}, sort
    found = queries.inbox_page(ws, ["Komisioner"], None, search=returned)
    assert [(r.case_number, r.returned) for r in found] == [(returned, True)]


def test_a_returned_step_completed_again_is_no_longer_marked_further_on(ws, staff, clock):
    returned, _ = returned_to_komisioner(ws, staff, clock)
    cases.complete(ws, staff["Komisioner"], returned, StepInput())  # 3 -> 4 again, not a return
    rows = queries.inbox_page(ws, ["Kasubag"], None)
    assert len(rows) == 2 and not any(r.returned for r in rows)


def test_the_kegiatan_cell_is_marked_with_the_reason_in_its_tooltip(qtbot, ws, staff, clock):
    returned, plain = returned_to_komisioner(ws, staff, clock)
    page = InboxPage(GuiContext(ws, staff["Komisioner"]))
    qtbot.addWidget(page)
    page.show()
    model = page.model
    column = next(i for i, c in enumerate(model.COLUMNS) if c.header == "Kegiatan")
    cells = {model.index(row, 0).data(): model.index(row, column) for row in range(model.rowCount())}
    assert cells[returned].data().startswith("↩ 3. ")
    tip = cells[returned].data(Qt.ItemDataRole.ToolTipRole)
    assert REASON in tip and "Dikembalikan oleh" in tip and "kegiatan 4" in tip
    assert cells[plain].data().startswith("3. ")
    assert "Dikembalikan" not in cells[plain].data(Qt.ItemDataRole.ToolTipRole)


def test_the_return_is_looked_up_through_the_case_index_for_the_page_rows_only(ws, staff, clock, store):
    """The page's ids come first (the inbox index); each row's earlier item is then found on
    work_item's case_id index: no scan of work_item for the mark (issue #15: the inbox page)."""
    from tests.test_case_search import _plan

    returned_to_komisioner(ws, staff, clock)
    statement = queries._inbox_statement(1, "due", False, False, False, False, False, None)
    plan = _plan(ws, statement, {"role0": "Komisioner", "limit": 50, "offset": 0})
    assert "ix_work_item_case_id" in plan and "ix_work_item_inbox" in plan, plan
    if store == "sqlite":
        assert "SCAN work_item" not in plan, plan
    else:
        assert "Seq Scan on work_item" not in plan, plan
