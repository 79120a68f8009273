"""The letter registers look up who reads them once per search (issue #15, h3): the page's
search condition, its rahasia masking and the total all took the viewer's roles from the
database on their own, three lookups for one search typed in Surat & Ekspedisi."""

from __future__ import annotations

import pytest

from sopdesk.engine import letters, rahasia
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.models import IncomingModel, OutgoingModel


@pytest.fixture
def lookups(monkeypatch) -> list[object]:
    """Every time a user's roles are read for the rahasia rules."""
    seen: list[object] = []
    real = rahasia.load_actor

    def counted(*args, **kwargs):
        seen.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(rahasia, "load_actor", counted)
    return seen


def _letters(ws, staff) -> None:
    for sifat in ("biasa", "rahasia", "biasa"):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
            sender="Bawaslu Kota Kupang", subject=f"Zonasi TPS {sifat}", sifat=sifat))
        letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(
            recipient="Bawaslu Kota Kupang", subject="Zonasi TPS", classification="PP.01"))


@pytest.mark.parametrize("who", ["Help Desk", "Ketua"])
def test_a_search_of_the_incoming_agenda_reads_the_viewers_roles_once(ws, staff, lookups, who):
    _letters(ws, staff)
    model = IncomingModel(GuiContext(ws, staff[who]))
    lookups.clear()
    model.set_filters(search="Bawaslu")  # every letter, the rahasia one among them
    assert model.total == 3 and model.rowCount() == 3
    assert len(lookups) == 1
    subjects = {model.row_at(row).subject for row in range(3)}
    assert (rahasia.MASK in subjects) == (who == "Help Desk")  # the Ketua disposes: reads every one
    lookups.clear()
    model.set_filters(search="Zonasi")  # a word of the perihal: the masked one is not found by it
    assert len(lookups) == 1
    assert model.total == (2 if who == "Help Desk" else 3)


def test_a_search_of_the_outgoing_agenda_reads_the_viewers_roles_once(ws, staff, lookups):
    _letters(ws, staff)
    model = OutgoingModel(GuiContext(ws, staff["Help Desk"]))
    lookups.clear()
    model.set_filters(search="Zonasi")
    assert model.total == 3 and len(lookups) == 1


def test_the_engine_takes_a_viewer_resolved_before_without_reading_it_again(ws, staff, lookups):
    _letters(ws, staff)
    from sopdesk.engine.letter_agenda import incoming_page, incoming_total, reader_of
    reader = reader_of(ws, staff["Help Desk"])
    lookups.clear()
    rows = incoming_page(ws, search="Bawaslu", viewer=reader)
    assert incoming_total(ws, search="Bawaslu", viewer=reader) == len(rows) == 3
    assert lookups == []
    assert [row.subject for row in rows].count(rahasia.MASK) == 1
