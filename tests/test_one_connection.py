"""A desk starting cases and completing steps works on one connection of the pool (issue #15).

The office's work calendar is read once per workspace (and again after a holiday edit). Read for
the first time inside a write transaction, it took a second connection from the pool, and from
then on the pool handed out its two connections in turn: each action ran on the connection that
had not seen the last commit, its page cache dropped, all day long. cases.start_case and
cases.complete read the calendar before their transaction opens."""

from __future__ import annotations

import pytest

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput

pytestmark = pytest.mark.both_stores


def _pooled(ws) -> int:  # noqa: ANN001
    return ws.db.engine.pool.checkedin()


def test_start_and_complete_on_one_connection(ws, staff):  # noqa: ANN001
    ws.reset_calendar()  # as after a holiday edit: read again at the next action
    ws.db.engine.dispose()
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="surat")
    assert _pooled(ws) == 1
    for role in ("Help Desk", "Komisioner", "Kasubag"):  # steps 5 -> 6 -> 7 -> 8
        ws.reset_calendar()
        done = cases.complete(ws, staff[role], number, StepInput())
        assert done.next_step is not None  # the next step opened, its due date from the calendar
        assert _pooled(ws) == 1
