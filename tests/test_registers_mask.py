"""registers.masked_lines takes a reader a register search already resolved (a rahasia.Viewer)
as it is, so letter_agenda.outgoing_page masks through it instead of a copy of its lines."""

from __future__ import annotations

from typing import NamedTuple

from sopdesk.engine import rahasia
from sopdesk.engine.registers import masked_lines


class Line(NamedTuple):
    number: str
    subject: str


def test_a_resolved_viewer_is_read_as_it_is(ws, monkeypatch):
    rows = [("SK/1", "Surat penolakan Tulamalae", 7, True), ("SK/2", "Undangan rapat", None, False)]
    monkeypatch.setattr(rahasia, "load_actor", lambda *a, **k: (_ for _ in ()).throw(AssertionError("looked up")))
    admin = rahasia.Viewer(user_id=999_999, roles=frozenset(), is_admin=True)
    assert masked_lines(ws, admin, rows, Line) == [Line("SK/1", "Surat penolakan Tulamalae"),
                                                   Line("SK/2", "Undangan rapat")]
    assert masked_lines(ws, None, rows, Line) == [Line("SK/1", rahasia.MASK), Line("SK/2", "Undangan rapat")]
