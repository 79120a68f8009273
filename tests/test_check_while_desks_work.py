"""The start-up check of one desk runs for a minute on a large office (the whole chain, then
every record against its seal) while the other desks keep working. A step completed at
another desk after the chain was read, before its rows were compared, was reported as
"diubah di luar sopdesk" and held the whole office (Xvfb, 100,000-case office, a window
starting while a second process completed a step every second: 93 false findings, every
action refused until an administrator acknowledged). Diagnosis (h8): integrity.check_audit_chain
reads the chain in one read transaction, record_check.check_records then opens a new
connection per table and sees the newer rows without their newer seals.

The check now reads the chain and the records in one snapshot (Database.snapshot: one read
transaction on SQLite, REPEATABLE READ on PostgreSQL), on both stores."""

from __future__ import annotations

import pytest
from test_gui_inbox import waiting_at_kasubag

from sopdesk.engine import cases, integrity, record_check
from sopdesk.engine.cases import StepInput

pytestmark = pytest.mark.both_stores


def test_a_step_completed_at_another_desk_during_the_check_is_no_finding(ws, staff, clock, monkeypatch):
    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    compare = record_check.check_records

    def another_desk_meanwhile(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        cases.complete(ws, staff["Kasubag"], numbers[0], StepInput(note="meja lain"))  # after the chain was read
        return compare(*args, **kwargs)

    monkeypatch.setattr(record_check, "check_records", another_desk_meanwhile)
    findings = integrity.verify_whole_chain(ws, remember=False)
    assert [f.message for f in findings] == []
