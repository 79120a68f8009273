"""The Kotak Masuk sorts by what it shows: Batas waktu and Sisa waktu give the nearer of the
step's own time and the case deadline (issue #13), so the default order and a click on either
column follow that nearer time. Sorted by the step's time alone, a case long past its
deadline that had just reached the desk sat below cases with days to spare (Xvfb, session 19:
'terlambat 1 hari', then '4 hari', then '3 jam')."""

from __future__ import annotations

import pytest

from sopdesk.engine import cases, queries
from sopdesk.engine.cases import StepInput

pytestmark = pytest.mark.both_stores


def test_the_inbox_sorts_by_the_nearer_of_the_step_time_and_the_case_deadline(ws, staff, clock):
    desk = staff["Help Desk"]
    late = cases.start_case(ws, desk, "PP", "Permohonan lama", entry="tamu", requester="Pemohon lama")
    clock.advance(days=20)  # past the case's 10 working days
    fresh = cases.start_case(ws, desk, "PP", "Permohonan baru", entry="tamu", requester="Pemohon baru")
    for number in (fresh, late):  # the old case reaches the Komisioner last: its step time is later
        for _ in range(2):
            cases.complete(ws, desk, number, StepInput())
        clock.advance(minutes=5)

    up = queries.inbox_page(ws, ["Komisioner"], None)
    assert [r.case_number for r in up] == [late, fresh]
    assert up[0].due_at > up[1].due_at  # by the step's time alone the order would be the other
    assert up[0].nearest_due < up[1].nearest_due and up[0].due_is_case
    down = queries.inbox_page(ws, ["Komisioner"], None, descending=True)
    assert [r.case_number for r in down] == [fresh, late]
    # a page further on continues the same order
    assert [r.case_number for r in queries.inbox_page(ws, ["Komisioner"], None, limit=1, offset=1)] == [fresh]
