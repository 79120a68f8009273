"""Katalog SOP's title row: with three buttons beside it, a long SOP name at 1024x768 (the SOP
list shown) wrapped into seven lines, 160 px above the identity table and the flowchart."""

from __future__ import annotations

from sopdesk.gui.catalog_page import CatalogPage
from sopdesk.gui.context import GuiContext


def test_a_long_title_goes_above_the_buttons_and_a_short_one_stays_beside(qtbot, ws, admin):
    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    page.resize(790, 640)  # 1024x768 less the navigation column
    page.show()
    qtbot.waitExposed(page)
    page.splitter.set_list_shown(True)
    assert page.select("RAKOR")
    qtbot.wait(20)
    line = page.sop_title.fontMetrics().lineSpacing()
    assert page.sop_title.height() <= 3 * line + 4, (page.sop_title.height(), line)
    assert page.title_row.stacked()
    assert page.print_sop_button.isVisible() and page.start_button.isVisible()

    page.resize(1140, 640)  # 1366x768
    assert page.select("TKS")
    # the layout settles after the resize: on a busy machine 20 ms was not always enough
    qtbot.waitUntil(lambda: not page.title_row.stacked() and page.sop_title.height() <= line + 4)
    assert abs(page.sop_title.geometry().center().y() - page.print_sop_button.geometry().center().y()) <= line
