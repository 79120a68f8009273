"""A step whose letter output is registered (engine.letter_steps) asks no more than it must: a
letter registered just now is not looked up in the buku ekspedisi, a step that recorded no
document is not searched for one, and the step the case came from is found within the search
for the same letter (issue #15: every statement of an action is CPU a person waits for)."""

from __future__ import annotations

import pytest
from test_seal_hot_path import actors  # noqa: F401 - the fixture: a user per role
from test_sealed_as_written import statements  # noqa: F401 - the fixture: the direct path's SQL

from sopdesk.engine import cases, integrity
from sopdesk.engine.cases import StepInput

pytestmark = pytest.mark.both_stores


def test_a_letter_step_runs_no_needless_lookup(ws, actors, statements):  # noqa: F811
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Maria Lake",
                              requester="Pimpinan DPRD")
    step, choices, lettered = 1, {2: "Ya", 10: "Ya"}, 0
    while step is not None:
        if step == 13:
            ws.clock.advance(days=15)
        kegiatan = sop.step(step)
        statements.clear()
        done = cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(kegiatan.kelengkapan), choice=choices.get(step), note="dicatat"), step=step)
        if any("surat keluar nomor" in n and "dicatat di agenda" in n for n in done.notices):
            lettered += 1
            assert not [s for s in statements if s.startswith("SELECT expedition.id FROM expedition WHERE")]
            assert not [s for s in statements if s.startswith("SELECT document.id FROM document WHERE")]
            assert not [s for s in statements if s.startswith("SELECT work_item.step_no FROM work_item")]
        step = done.next_step
    assert lettered >= 1
    report = integrity.check(ws)
    assert report.ok, report.as_dict()
