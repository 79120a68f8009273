"""A step with a letter output that neither records the letter nor dispatches it (PAW step 8:
"SK Pokja PAW", no ekspedisi output) has no work for the letter registers: its completion reads
no case facts for them and its event is written sealed at once, not sealed again before the
commit (issue #15: every statement of an action is CPU a person waits for). Recorded, the same
letter is still registered."""

from __future__ import annotations

import pytest
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role
from test_sealed_as_written import statements  # noqa: F401 - the fixture: the direct path's SQL

from sopdesk.engine import cases, integrity
from sopdesk.engine.cases import OutputValue, StepInput

pytestmark = pytest.mark.both_stores


def _at_step_8(ws, actors) -> str:  # noqa: ANN001, F811
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Yosef Bere",
                              requester="Pimpinan DPRD")
    for step, choice in ((1, None), (2, "Ya")):
        cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(sop.step(step).kelengkapan), choice=choice, note="dicatat"), step=step)
    return number


def test_a_letter_output_not_recorded_nor_dispatched_runs_no_letter_work(ws, actors, statements):  # noqa: F811
    sop = ws.catalog.sop("PAW")
    number = _at_step_8(ws, actors)
    statements.clear()
    done = cases.complete(ws, actors(sop.role_of(8)), number, StepInput(
        present=list(sop.step(8).kelengkapan), note="dicatat"), step=8)
    assert done.notices == ()
    assert not [s for s in statements if s.startswith("SELECT case_file.title, case_file.requester")]
    assert not [s for s in statements if s.startswith("UPDATE audit_event")]
    assert not [s for s in statements if "outgoing_letter" in s]
    report = integrity.check(ws)
    assert report.ok, report.as_dict()


def test_the_same_letter_recorded_is_registered(ws, actors):  # noqa: F811
    sop = ws.catalog.sop("PAW")
    number = _at_step_8(ws, actors)
    done = cases.complete(ws, actors(sop.role_of(8)), number, StepInput(
        present=list(sop.step(8).kelengkapan), note="dicatat",
        outputs={"SK Pokja PAW": OutputValue(number=None, date=ws.clock().date())}), step=8)
    assert any("SK Pokja PAW: surat keluar nomor" in n for n in done.notices), done.notices
    report = integrity.check(ws)
    assert report.ok, report.as_dict()
