"""Katalog SOP's list headings count what the search leaves in view: with "pp" typed the
heading still said "Prosedur (SOP) (4)" over the one SOP listed (Xvfb, as the Kasubag,
/tmp/h4/s/05_catalog_filter_before.png), where the other lists say "shown of total"."""

from __future__ import annotations

from sopdesk.gui.catalog_page import CatalogPage
from sopdesk.gui.context import GuiContext


def headings(page: CatalogPage) -> list[str]:
    return [item.text(0) for g in range(page.list.topLevelItemCount())
            if (item := page.list.topLevelItem(g)) is not None]


def test_the_headings_say_how_many_the_search_shows(qtbot, ws, admin):
    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    sops = len(ws.catalog.sops)
    assert headings(page)[0] == f"Prosedur (SOP) ({sops})"
    page.search.setText("RAKOR")
    shown = [item for item in page.document_items() if not item.isHidden()]
    assert len(shown) == 1
    assert headings(page)[0] == f"Prosedur (SOP) (1 dari {sops})"
    assert headings(page)[1].endswith("(0 dari 1)")
    page.reload()  # rebuilt after a change: the search still applies, and its count
    assert headings(page)[0] == f"Prosedur (SOP) (1 dari {sops})"
    page.search.clear()
    assert headings(page)[0] == f"Prosedur (SOP) ({sops})"


def test_the_performance_period_ends_on_the_offices_day(qtbot, ws, admin, clock, monkeypatch):
    """At 02.30 WITA on 3 March the office's day is the 3rd; a PC whose clock runs on UTC
    (the 2nd, 18.30) ended the Laporan kinerja's default period yesterday."""
    from datetime import date, datetime, timezone

    import sopdesk.gui.catalog_page as catalog_page

    clock.now = datetime(2026, 3, 2, 18, 30, tzinfo=timezone.utc)
    asked = {}

    class Period:
        def __init__(self, parent, title, today=None, start=None):  # noqa: ANN001
            asked["today"] = today

        def exec(self) -> int:
            return 0  # cancelled

    monkeypatch.setattr(catalog_page, "PeriodDialog", Period)
    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    assert page.select("PP")
    page.print_performance()
    assert asked["today"] == date(2026, 3, 3)
    assert clock.now.date() == date(2026, 3, 2)  # what the PC's clock says
