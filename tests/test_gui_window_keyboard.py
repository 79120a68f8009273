"""After login the main window takes the keyboard. On an X server without a window manager
the activation asked when the window is shown was sometimes lost (the X focus stayed on the
login dialog's window) and typing went nowhere; the window now asks again once painted
(MainWindow.take_keyboard), and never takes the keyboard from another visible window of the
program."""

from __future__ import annotations

import pytest
from helpers.shells import open_shell
from PySide6.QtWidgets import QApplication, QLineEdit

from sopdesk.gui.main_window import MainWindow


@pytest.fixture
def shell(qtbot, ws, admin, monkeypatch):  # noqa: ANN001, ANN201, ARG001 - admin: the office set up first
    yield from open_shell(qtbot, ws, monkeypatch, check_data=False)


def test_the_window_takes_the_keyboard_when_its_first_activation_is_lost(qtbot, shell, ws, admin, monkeypatch):
    real = MainWindow.activateWindow
    asked: list[bool] = []

    def lost_the_first_time(self) -> None:  # noqa: ANN001
        asked.append(True)
        if len(asked) > 1:
            real(self)

    monkeypatch.setattr(MainWindow, "activateWindow", lost_the_first_time)
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: len(asked) > 1, timeout=10_000)
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    focused = QApplication.focusWidget()
    assert focused is not None and window.isAncestorOf(focused)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)  # the day's backup


def test_the_window_does_not_take_the_keyboard_from_another_window_of_the_program(qtbot, shell, ws, admin,
                                                                                 monkeypatch):
    real = MainWindow.take_keyboard
    asked: list[bool] = []
    monkeypatch.setattr(MainWindow, "take_keyboard", lambda self: (asked.append(True), real(self))[1])
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)  # after the first paint and once more
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    other = QLineEdit()  # e.g. the guide, opened with F1 at once
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow, timeout=10_000)
    real(window)
    assert other.isActiveWindow() and not window.isActiveWindow()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)
