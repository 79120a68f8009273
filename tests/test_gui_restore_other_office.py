"""Pulihkan dari cadangan, another office's backup: the second question (type that office's
name) fits a 1024x768 screen (as one line it was 1,145 pixels wide, its OK button off the
screen) and the typed name, and only it, lets the restore go on."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog


def _answer(qtbot, typed: str, widths: list[int]) -> None:  # noqa: ANN001
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, act)
            return
        widths.append(dialog.sizeHint().width())
        dialog.setTextValue(typed)
        dialog.accept()

    QTimer.singleShot(0, act)


def test_the_other_office_question_fits_the_screen_and_wants_the_name(qtbot, ws, admin):
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.settings_page import SettingsPage
    from sopdesk.gui.worker import Worker

    worker = Worker()
    try:
        page = SettingsPage(GuiContext(ws, admin), worker)
        qtbot.addWidget(page)
        plan = SimpleNamespace(other_office=True, office="Komisi Pemilihan Umum Kabupaten Timor Tengah Selatan",
                               current_office="Komisi Pemilihan Umum Kota Kupang")
        widths: list[int] = []
        _answer(qtbot, "Komisi Pemilihan Umum Kabupaten Timor Tengah Selatan", widths)
        assert page.backup_box.confirm_restore(plan)
        assert widths and widths[0] <= 1000
        _answer(qtbot, "KPU Kota Kupang", widths)
        assert not page.backup_box.confirm_restore(plan)  # another name: no restore
        assert page.backup_box.confirm_restore(SimpleNamespace(other_office=False))  # the office's own: no question
    finally:
        worker.stop()
