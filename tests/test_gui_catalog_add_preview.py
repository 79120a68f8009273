"""Tambah SOP…: choosing a broken file after a good one leaves no stale flowchart behind (the
good file's swimlane stayed in the preview beside the broken file's errors), and the file
dialog opens again in the folder of the file being fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

FIXTURE = Path(__file__).parent / "fixtures" / "catalog" / "sop_layanan_arsip.yaml"
TWO_LANES = FIXTURE.with_name("sop_peminjaman_arsip_inaktif.yaml")  # its flow is wider than the preview


def test_a_broken_file_clears_the_preview_and_the_dialog_reopens_in_its_folder(
        qtbot, ws, admin, tmp_path, monkeypatch):
    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    good = tmp_path / "sop" / FIXTURE.name
    good.parent.mkdir()
    shutil.copy(FIXTURE, good)
    broken = good.with_name("sop_rusak.yaml")
    broken.write_text(good.read_text(encoding="utf-8").replace("kode: ARS", "kode: [ARS"), encoding="utf-8")

    dialog = AddSopDialog(GuiContext(ws, admin), paths=[good])
    qtbot.addWidget(dialog)
    assert dialog.preview.sop is not None and dialog.preview.sop.kode == "ARS"
    assert dialog.which.isEnabled()

    asked = []

    def pick(_parent, _title, folder, _filter):  # noqa: ANN001, ANN202
        asked.append(folder)
        return [str(broken)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))
    dialog.choose()
    assert asked == [str(good.parent)]
    assert "sop_rusak.yaml" in dialog.report.toPlainText()
    assert dialog.preview.sop is None  # not the good file's flow any more
    assert not dialog.which.isEnabled() and not dialog.install_button.isEnabled()


def test_nonaktifkan_needs_a_chosen_sop_and_an_installed_sop_is_shown(qtbot, ws, admin, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.catalog_page import CatalogPage
    from sopdesk.gui.context import GuiContext

    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    assert page.select("PP") and page.switch_button.isEnabled()
    page.list.setCurrentItem(None)
    page.reload()  # the list again, nothing chosen
    assert page.current_kode() is None
    assert not page.switch_button.isEnabled()  # it was enabled, and a click did nothing, silently

    good = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, good)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(good)], "")))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)

    def install(dialog: AddSopDialog) -> int:
        dialog.install()
        return dialog.result()

    monkeypatch.setattr(AddSopDialog, "exec", install)
    page.add_sop()
    assert page.current_kode() == "ARS"
    assert page.sop_title.text().startswith("ARS — Layanan Peminjaman Arsip")


def test_a_file_already_installed_is_not_offered_for_pasang(qtbot, ws, admin, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from sopdesk.engine import catalog_admin
    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    good = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, good)
    catalog_admin.add_sops(ws, admin, [good])
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    dialog = AddSopDialog(GuiContext(ws, admin), paths=[good])
    qtbot.addWidget(dialog)
    text = dialog.report.toPlainText()
    assert "sudah terpasang" in text and not dialog.install_button.isEnabled()
    assert "Tekan Pasang" not in text  # it said so beside a disabled Pasang
    assert "tidak ada yang perlu dipasang" in text


def test_the_preview_opens_at_the_left_edge_of_the_flow(qtbot, ws, admin):
    """The preview was given its SOP before the dialog was shown; showing it scrolled the lanes
    sideways under the frozen No/Kegiatan columns (the first lane's heading read "af Umum")."""
    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    dialog = AddSopDialog(GuiContext(ws, admin), paths=[TWO_LANES])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.preview.horizontalScrollBar()
    assert bar.maximum() > bar.minimum()  # the flow is wider than the preview: it can scroll
    assert bar.value() == bar.minimum()


def test_alt_p_installs_and_every_button_has_its_own_alt_key(qtbot, ws, admin, monkeypatch):
    """"&Pilih berkas…" and "&Pasang" shared Alt+P: from the keyboard, Alt+P only moved the focus
    between the two and nothing was installed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    dialog = AddSopDialog(GuiContext(ws, admin), paths=[TWO_LANES])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys = [b.text().split("&", 1)[1][0].lower() for b in dialog.findChildren(QAbstractButton) if "&" in b.text()]
    assert len(keys) == len(set(keys)), keys
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)  # a mnemonic clicks
    assert "ARSIP" in ws.catalog.sops


def test_the_diagram_tab_opens_at_the_top_of_an_sop_chosen_on_the_identity_tab(qtbot, ws, admin):
    """An SOP chosen while Identitas was shown: Diagram alir opened scrolled down, step 1 cut off."""
    from sopdesk.engine import catalog_admin
    from sopdesk.gui.catalog_page import CatalogPage
    from sopdesk.gui.context import GuiContext

    catalog_admin.add_sops(ws, admin, [TWO_LANES])
    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    page.resize(780, 480)
    page.show()
    qtbot.waitExposed(page)
    page.sop_tabs.setCurrentIndex(0)  # Identitas
    assert page.select("ARSIP")
    page.sop_tabs.setCurrentWidget(page.diagram_tab)
    qtbot.wait(50)
    for bar in (page.swimlane.verticalScrollBar(), page.swimlane.horizontalScrollBar()):
        assert bar.value() == bar.minimum(), (bar.orientation(), bar.value(), bar.maximum())
    assert page.swimlane.verticalScrollBar().maximum() > 0  # the flow is taller than the view


def test_the_sop_is_printed_from_the_keyboard(qtbot, ws, admin, monkeypatch):
    """Cetak SOP… had neither an Alt key nor Ctrl+P: a keyboard user could not print an SOP."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sopdesk.gui import catalog_page
    from sopdesk.gui.context import GuiContext

    printed = []
    monkeypatch.setattr(catalog_page, "print_pdf", lambda _parent, _worker, name, _render: printed.append(name))
    page = catalog_page.CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.select("PP")
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == ["SOP-PP.pdf"]
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=5_000)  # a mnemonic clicks after a moment


def test_a_file_yaml_cannot_read_shows_its_line_and_what_to_look_at(qtbot, ws, admin, tmp_path):
    """Bad YAML was reported as "baris 28, kolom 4: YAML tidak valid: expected <block end>, but
    found '<block mapping start>'": PyYAML's English, and no line to look at."""
    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    lines = TWO_LANES.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - no: 2") + 1
    lines.insert(at, "   kegiatan: [tidak ditutup")
    broken = tmp_path / "sop_rusak.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = AddSopDialog(GuiContext(ws, admin), paths=[broken])
    qtbot.addWidget(dialog)
    text = dialog.report.toPlainText()
    assert "sop_rusak.yaml" in text and "tidak sah" in text
    assert "kegiatan: [tidak ditutup" in text  # the line itself, numbered as in an editor
    assert "spasi di awal baris" in text
    assert not dialog.install_button.isEnabled()


def test_the_banner_of_a_file_left_out_says_in_which_folder_it_is(qtbot, ws, admin):
    """The banner named "rusak.yaml" only: an administrator had to know the data folder to fix it."""
    from sopdesk.gui.catalog_admin import catalog_banner
    from sopdesk.gui.context import GuiContext

    folder = ws.data_dir / "sop_catalog"
    folder.mkdir(exist_ok=True)
    (folder / "rusak.yaml").write_text(TWO_LANES.read_text(encoding="utf-8").replace(
        "pelaksana: kasubag\n", "pelaksana: kasubbag\n"), encoding="utf-8")
    ws.reload_catalog()
    banner = catalog_banner(GuiContext(ws, admin))
    qtbot.addWidget(banner)
    assert not banner.isHidden()
    assert str(folder) in banner.text() and "rusak.yaml" in banner.text() and "kasubbag" in banner.text()


def test_a_new_sops_new_role_shows_in_an_administrators_role_bar_at_once(qtbot, ws, admin, make_user,
                                                                         tmp_path, monkeypatch):
    """The administrator (no role of their own: every role in the bar) installs an SOP whose lane
    Arsiparis is new: its button is there without logging in again; a user with roles of their
    own keeps theirs."""
    from PySide6.QtWidgets import QMessageBox

    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.main_window import MainWindow

    def roles_in_bar(window: MainWindow) -> list[str]:
        return [button.property("role") for button in window.role_buttons.buttons()]

    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    clerk_ctx = GuiContext(ws, make_user("arsip.clerk", "Kasubag"))
    assert "Arsiparis" not in roles_in_bar(window)
    good = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, good)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(good)], "")))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)

    def install(dialog: AddSopDialog) -> int:  # Pasang, then the dialog's loop until it is accepted
        dialog.install()
        qtbot.waitUntil(lambda: dialog.result() == AddSopDialog.DialogCode.Accepted, timeout=10_000)
        return dialog.result()

    monkeypatch.setattr(AddSopDialog, "exec", install)
    window.page("catalog").add_sop()
    assert "ARS" in ws.catalog.sops
    assert roles_in_bar(window) == sorted(ws.catalog.roles) and "Arsiparis" in roles_in_bar(window)
    assert len(window.role_bar.buttons) == len(roles_in_bar(window))  # one bar, its buttons all in the group
    qtbot.waitUntil(lambda: window.ctx.role in roles_in_bar(window))
    assert [b for b in window.role_buttons.buttons() if b.isChecked()][0].property("role") == window.ctx.role
    clerk_ctx.catalog_roles_changed()
    assert clerk_ctx.roles == ["Kasubag"]
