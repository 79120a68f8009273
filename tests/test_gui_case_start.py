"""Mulai kasus… on Katalog SOP: an SOP without a front door (an office's own, added through
Tambah SOP…) could be started only from the command line; on the desk nothing started it."""

from __future__ import annotations

from pathlib import Path

from sopdesk.engine import catalog_admin, queries
from sopdesk.gui.case_start import StartCaseDialog
from sopdesk.gui.catalog_org import KODE_ROLE
from sopdesk.gui.catalog_page import CatalogPage
from sopdesk.gui.context import GuiContext

OWN_SOP = Path(__file__).parent / "fixtures" / "catalog" / "sop_peminjaman_arsip_inaktif.yaml"  # no pintu


def test_the_first_lane_starts_a_case_on_an_sop_without_a_front_door(qtbot, ws, admin, make_user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    catalog_admin.add_sops(ws, admin, [OWN_SOP])
    staf, kasubag = make_user("yanti", "Staf"), make_user("yosef", "Kasubag")

    page = CatalogPage(GuiContext(ws, kasubag))
    qtbot.addWidget(page)
    assert page.select("ARSIP")
    assert not page.start_button.isEnabled()  # step 1 is the Staf's: the Kasubag cannot start it

    page = CatalogPage(GuiContext(ws, staf))
    qtbot.addWidget(page)
    assert page.select("ARSIP") and page.start_button.isEnabled()

    def fill(dialog: StartCaseDialog) -> int:
        dialog.start()  # an empty Perihal: said beside the field, nothing started
        assert dialog.error.isVisibleTo(dialog) and "Perihal" in dialog.error.text()
        assert not dialog.entry.isVisibleTo(dialog)  # one entry: nothing to choose
        assert "kegiatan 1" in dialog.first_step.text()
        dialog.title.setText("Peminjaman arsip DPT Pemilu 2024")
        dialog.requester.setText("Maria Ndun")
        dialog.start()
        return dialog.result()

    monkeypatch.setattr(StartCaseDialog, "exec", fill)
    page.start_case()
    waiting = queries.inbox_page(ws, ["Staf"])
    assert [(row.sop, row.step_no, row.title, row.requester) for row in waiting] == [
        ("ARSIP", 1, "Peminjaman arsip DPT Pemilu 2024", "Maria Ndun")]
    assert told and waiting[0].case_number in told[0] and "Staf" in told[0]


def test_no_start_on_an_sop_switched_off(qtbot, ws, admin):
    catalog_admin.add_sops(ws, admin, [OWN_SOP])
    catalog_admin.disable_sop(ws, admin, "ARSIP", "tidak dipakai")
    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    assert page.select("ARSIP")
    assert not page.start_button.isEnabled()
    assert page.select("PP") and page.start_button.isEnabled()  # an administrator starts any entry


def test_enter_in_perihal_starts_the_case(qtbot, ws, admin, make_user):
    """Mulai was not the default button (set before the button was in the dialog): Enter in
    Perihal pressed Batal and the dialog closed, forgetting what was typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    catalog_admin.add_sops(ws, admin, [OWN_SOP])
    staf = make_user("yanti", "Staf")
    dialog = StartCaseDialog(GuiContext(ws, staf), ws.catalog.sops["ARSIP"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.start_button.isDefault()
    QTest.keyClicks(dialog.title, "Peminjaman arsip")
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.number


def test_the_list_stays_filtered_by_the_search_after_a_change(qtbot, ws, admin):
    """After a case started (any data change) the list was rebuilt whole, the search box still
    reading "arsip"."""
    catalog_admin.add_sops(ws, admin, [OWN_SOP])
    ctx = GuiContext(ws, admin)
    page = CatalogPage(ctx)
    qtbot.addWidget(page)
    page.search.setText("arsip")
    assert [item.data(0, KODE_ROLE) for item in page.document_items() if not item.isHidden()] == ["ARSIP"]
    ctx.data_changed.emit()
    assert [item.data(0, KODE_ROLE) for item in page.document_items() if not item.isHidden()] == ["ARSIP"]


def test_with_one_entry_the_first_step_follows_the_intro_without_a_gap(qtbot, ws, admin):
    """Xvfb (h3, 1024x768): with one entry the hidden Entri row kept its spacing, and the first
    step's sentence stood indented under an empty label between two blank gaps."""
    catalog_admin.add_sops(ws, admin, [OWN_SOP])
    dialog = StartCaseDialog(GuiContext(ws, admin), ws.catalog.sop("ARSIP"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    intro = dialog.layout().itemAt(0).widget()
    gap = dialog.first_step.geometry().top() - intro.geometry().bottom()
    assert gap <= dialog.layout().spacing() + 2
    assert dialog.first_step.geometry().left() <= dialog.title.geometry().left() - 50  # not in the field column
    assert dialog.first_step.geometry().left() == intro.geometry().left()
    for label in (intro, dialog.first_step):  # as tall as its wrapped text, no blank lines around it
        assert label.height() <= label.heightForWidth(label.width()) + 2
