"""Enter presses the push button that has the keyboard, as Space does, on the pages of the main
window. In a dialog Qt does that itself (its buttons are auto-default); on a page Enter on a
focused button did nothing: on Xvfb, at the first start, Ctrl+6 put the keyboard on "Tambah
pengguna…" and Enter was a dead key.

It is installed ONCE, on the main window (and on a dialog whose buttons are not auto-default,
the step form's): a push button that is not auto-default ignores Enter, so the key goes up to
its parents, and the filter on the root presses the button that has the root's keyboard. Pages
built later (every page is built on its first visit), buttons a page adds later, and pages that
forgot to install it (the letters registers and the Katalog did) are covered alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from sopdesk.gui.shortcuts import ENTER as ENTER_KEYS  # the main keyboard's and the keypad's


class EnterPresses(QObject):
    """The event filter on a root widget: an Enter (no modifier but the keypad's) that nobody
    under the root took, while the root's keyboard is on an enabled push button, clicks it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(watched, QWidget)):
            return False
        button = watched.focusWidget()  # a key goes to the widget with the keyboard, then up to its parents
        if isinstance(button, QPushButton) and button.isEnabled():
            button.click()
            return True
        return False


def enter_presses_buttons(root: QWidget) -> EnterPresses:
    """Enter on any push button under `root`, now or later, presses it; the filter is `root`'s
    child. The main window calls it once for all its pages; a test of a page alone calls it on
    the page."""
    presses = EnterPresses(root)
    root.installEventFilter(presses)
    return presses
