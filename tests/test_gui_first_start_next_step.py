"""After Siapkan on the first start the new administrator is told what comes next: add the
office's users in Pengaturan (they landed in an empty Kotak Masuk with nothing saying it)."""

from __future__ import annotations

import pytest
from helpers.shells import open_shell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

NEXT = "Kantor disiapkan. Berikutnya: tambahkan pengguna kantor di Pengaturan (Ctrl+6)."


@pytest.fixture
def shell(qtbot, ws, monkeypatch):  # noqa: ANN001, ANN201
    yield from open_shell(qtbot, ws, monkeypatch, check_data=False)


def set_up(qtbot, shell):  # noqa: ANN001, ANN201
    shell.start()
    setup = shell.dialog
    setup.office.setText("KPU Kabupaten Kupang")
    setup.admin.setText("admin")
    setup.password.setText("Pintu-Merah-Kupang-71")
    setup.repeat.setText("Pintu-Merah-Kupang-71")
    setup._submit()
    qtbot.waitUntil(lambda: len(shell.windows) == 1)
    return shell.windows[0]


def next_step(window):  # noqa: ANN001, ANN201
    """The status bar's line that says what comes next, when shown."""
    shown = [label for label in window.statusBar().findChildren(QLabel)
             if label.text() == NEXT and label.isVisibleTo(window)]
    return shown[0] if shown else None


def test_the_first_window_says_what_comes_next_until_pengaturan_is_opened(qtbot, shell):
    window = set_up(qtbot, shell)
    status = window.statusBar()
    assert next_step(window) is not None
    # the day's first backup (made on the worker) announces itself; the line stays beside it
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Cadangan harian"), timeout=30_000)
    assert next_step(window) is not None
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # Pengaturan
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page("settings"))
    assert next_step(window) is None
    # the backup's passing message is still up: the user line stays hidden under it, not
    # painted over it (a relayout shows its widgets on the next turn of the event loop)
    qtbot.wait(200)
    assert status.currentMessage().startswith("Cadangan harian")
    assert not [label for label in status.findChildren(QLabel)
                if label.isVisibleTo(window) and label.text().startswith("Pengguna:")]
    window.go_to(0)
    assert next_step(window) is None  # not again once the step is on its way


def test_a_login_says_nothing_of_the_first_start(qtbot, shell, ws):
    window = set_up(qtbot, shell)
    window.backup_on_exit = False
    window.close()
    qtbot.waitUntil(lambda: not shell.windows)
    shell.open_window(ws, ws.login("admin", "Pintu-Merah-Kupang-71"))
    assert next_step(shell.windows[-1]) is None
