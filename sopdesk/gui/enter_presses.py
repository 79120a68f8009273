"""Enter presses the push button that has the keyboard on a page of the main window, as Space
does. In a dialog Qt does that itself (its buttons are auto-default); on a page Enter on a
focused button did nothing: on Xvfb, at the first start, Ctrl+6 put the keyboard on "Tambah
pengguna…" and Enter was a dead key. The help desk's page had its own filter for its buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from sopdesk.gui.shortcuts import ENTER as ENTER_KEYS  # the main keyboard's and the keypad's


class EnterPresses(QObject):
    """The event filter: Enter (no modifier but the keypad's) on an enabled push button clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(watched, QPushButton) and watched.isEnabled()):
            watched.click()
            return True
        return False


def enter_presses_buttons(root: QWidget) -> EnterPresses:
    """Every push button under `root` now (a page's buttons, made when the page is) clicks on
    Enter; the filter is `root`'s child."""
    presses = EnterPresses(root)
    for button in root.findChildren(QPushButton):
        button.installEventFilter(presses)
    return presses
