"""Katalog SOP at 1024x768: the SOP list can be put away (button, Ctrl+L, remembered) and is put
away by itself when the Diagram alir tab or "Sesuaikan lebar" needs the room, so that PP's four
lanes are in view beside the frozen No/Kegiatan columns and the step details."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from sopdesk.gui.catalog_page import LAST_DOCUMENT_KEY, CatalogPage
from sopdesk.gui.context import GuiContext
from sopdesk.gui.list_splitter import SETTINGS_KEY
from sopdesk.gui.swimlane import MIN_TEXT_PX

# the page's size in a 1024x768 window (beside the 210 px navigation, under the role bar)
SMALL_PAGE = (790, 640)
PP_LANES = ["Help Desk", "Ketua & Anggota KPU", "Sekretaris", "Kasubag"]


@pytest.fixture
def new_page(qtbot, ws, admin):
    for key in (SETTINGS_KEY, LAST_DOCUMENT_KEY):   # the settings file is shared by the whole session
        QSettings().remove(key)

    def make(width: int, height: int) -> CatalogPage:
        page = CatalogPage(GuiContext(ws, admin))
        qtbot.addWidget(page)
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitActive(page):
            page.activateWindow()
        return page

    yield make
    for key in (SETTINGS_KEY, LAST_DOCUMENT_KEY):
        QSettings().remove(key)


def click_sop(qtbot, page: CatalogPage, kode: str) -> None:  # noqa: ANN001
    item = next(i for i in page.document_items() if i.text(0).startswith(f"{kode} — "))
    page.list.scrollToItem(item)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=page.list.visualItemRect(item).center())
    assert page.current_kode() == kode


def click_tab(qtbot, page: CatalogPage, index: int) -> None:  # noqa: ANN001
    bar = page.sop_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def toolbar_button(page: CatalogPage, text: str) -> QToolButton:
    toolbar = page.diagram_tab.findChild(QToolBar)
    action = next(a for a in toolbar.actions() if a.text() == text)
    return toolbar.widgetForAction(action)


def list_button(page: CatalogPage) -> QToolButton:
    """The button of the document shown (the SOP page and the organisation page have one)."""
    return next(b for b in page.findChildren(QToolButton, "listToggle") if b.isVisible())


def all_lanes_in_view(qtbot, page: CatalogPage) -> None:  # noqa: ANN001
    """Wait for the page to lay itself out again (a hidden list frees its width on the next
    turn of the event loop), then every lane of PP must be in view."""
    qtbot.waitUntil(lambda: lane_headers_in_view(page) == dict.fromkeys(PP_LANES, True), timeout=10_000)


def lane_headers_in_view(page: CatalogPage) -> dict[str, bool]:
    """Per lane header of the diagram: is its whole cell in the part of the viewport that the
    frozen No/Kegiatan columns leave free?"""
    view = page.swimlane
    free_left = view.panes["left"].width() if view.panes["left"].isVisible() else 0
    seen = {}
    for cell in view.layout_data.header:
        if cell.column.startswith("lane:"):
            left = view.mapFromScene(cell.box.x, cell.box.y).x()
            right = view.mapFromScene(cell.box.right, cell.box.y).x()
            # (the frozen pane may cover the cell's grid line: a pixel or two)
            seen[cell.content] = left >= free_left - 3 and right <= view.viewport().width()
    return seen


def test_at_1024x768_sesuaikan_lebar_shows_the_four_lanes_of_pp(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    click_sop(qtbot, page, "PP")
    click_tab(qtbot, page, 1)
    qtbot.mouseClick(toolbar_button(page, "Sesuaikan lebar"), Qt.MouseButton.LeftButton)
    all_lanes_in_view(qtbot, page)
    assert page.swimlane.text_px() >= MIN_TEXT_PX - 0.01          # and still readable
    assert page.step_detail.isVisible() and page.step_detail.width() >= 160
    assert not page.list.isVisible()                                # the list made the room
    assert page.list_action.text() == "Tampilkan daftar"
    # zoomed in by the user, "Sesuaikan lebar" brings the four lanes back
    qtbot.mouseClick(toolbar_button(page, "Perbesar"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(toolbar_button(page, "Perbesar"), Qt.MouseButton.LeftButton)
    assert not all(lane_headers_in_view(page).values())
    qtbot.mouseClick(toolbar_button(page, "Sesuaikan lebar"), Qt.MouseButton.LeftButton)
    all_lanes_in_view(qtbot, page)


def test_sesuaikan_lebar_makes_room_even_after_the_user_showed_the_list(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    click_sop(qtbot, page, "PP")
    click_tab(qtbot, page, 1)
    QTest.keyClick(page.swimlane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)   # the list back
    assert page.list.isVisible()
    assert not all(lane_headers_in_view(page).values())           # beside the list: not all lanes
    qtbot.mouseClick(toolbar_button(page, "Sesuaikan lebar"), Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert not page.list.isVisible()
    all_lanes_in_view(qtbot, page)


def test_ctrl_l_hides_and_shows_the_list_and_the_choice_is_remembered(new_page, qtbot):
    page = new_page(1400, 900)
    click_sop(qtbot, page, "PP")
    button = list_button(page)
    assert button.isVisible() and button.text() == "Sembunyikan daftar"
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not page.list.isVisible() and not page.search.isVisible()
    assert button.text() == "Tampilkan daftar"
    assert page.identity.hasFocus()                 # the keyboard is not lost in the hidden list
    qtbot.waitUntil(lambda: page.stack.width() > 1300)   # the document takes the width
    # remembered: the next start of the page opens without the list
    second = CatalogPage(page.ctx)
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    qtbot.waitExposed(second)
    assert not second.list.isVisible() and second.current_kode() == "PP"   # with the document read last
    assert second.list_action.text() == "Tampilkan daftar"
    # Ctrl+L again: the list is back with the cursor in it, ready for the arrow keys
    QTest.keyClick(page.identity, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.list.isVisible() and page.list.hasFocus()
    QTest.keyClick(page.list, Qt.Key.Key_Down)
    assert page.swimlane.sop.kode == "RAKOR"
    assert QSettings().value(SETTINGS_KEY, True, type=bool) is False
    # the button does the same with a click
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not page.list.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.list.isVisible()


def test_the_diagram_tab_puts_the_list_away_in_a_narrow_page_and_gives_it_back(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    click_sop(qtbot, page, "PP")
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)     # Diagram alir
    assert page.sop_tabs.currentWidget() is page.diagram_tab
    assert not page.list.isVisible()
    all_lanes_in_view(qtbot, page)                                       # without a click on fit
    assert QSettings().value(SETTINGS_KEY, False, type=bool) is False    # not the user's choice
    QTest.keyClick(page.swimlane, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Identitas
    assert page.sop_tabs.currentWidget() is page.identity
    assert page.list.isVisible()


def test_a_wide_page_keeps_the_list_beside_the_diagram(new_page, qtbot):
    page = new_page(1400, 900)
    click_sop(qtbot, page, "PP")
    click_tab(qtbot, page, 1)
    qtbot.mouseClick(toolbar_button(page, "Sesuaikan lebar"), Qt.MouseButton.LeftButton)
    assert page.list.isVisible()
    all_lanes_in_view(qtbot, page)


def test_the_organisation_page_has_the_list_button_too(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    click_sop(qtbot, page, "ORG-BANTEN")
    button = list_button(page)
    assert button.mapTo(page, QPoint(0, 0)).x() > 200        # right of the list
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not page.list.isVisible() and page.org_tree.hasFocus()
    qtbot.waitUntil(lambda: button.mapTo(page, QPoint(0, 0)).x() < 40)   # the tree took the width


def test_with_nothing_to_read_the_list_put_away_comes_back(new_page, qtbot):
    QSettings().setValue(SETTINGS_KEY, True)          # put away last time, no document remembered
    page = new_page(*SMALL_PAGE)
    assert page.stack.currentWidget() is page.empty and "Pilih sebuah SOP" in page.empty.text()
    assert page.list.isVisible()                       # "the list on the left" is there to choose from
    click_sop(qtbot, page, "TKS")
    assert page.list.isVisible() and page.list_action.text() == "Sembunyikan daftar"


def test_ctrl5_puts_the_cursor_in_the_search_and_down_goes_to_the_sops_found(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    page.focus_first_field()  # what the main window's Ctrl+5 calls
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "kupang")
    found = [item for item in page.document_items() if not item.isHidden()]
    assert [item.text(0).split(" — ")[0] for item in found] == ["PP"]
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.list.hasFocus()
    assert page.current_kode() == "PP"
    page.focus_first_field()
    assert page.search.hasFocus() and page.search.selectedText() == "kupang"  # typing replaces it


def test_ctrl5_with_the_list_put_away_gives_the_keyboard_to_the_document(new_page, qtbot):
    page = new_page(*SMALL_PAGE)
    page.splitter.set_list_shown(False)
    page.focus_first_field()
    assert not page.search.hasFocus()
    assert page.stack.currentWidget().isAncestorOf(QApplication.focusWidget()) or \
        page.stack.currentWidget() is QApplication.focusWidget()
