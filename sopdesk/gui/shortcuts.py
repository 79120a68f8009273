"""Keyboard shortcuts made one way: `QShortcut(keys, parent, activated=slot, context=...)`
works in PySide6 but its stub knows no such keywords, and the positional form that it does
know drops the context at run time (6.11: a WidgetShortcut became a WindowShortcut)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

WINDOW = Qt.ShortcutContext.WindowShortcut


def shortcut(keys: QKeySequence | QKeySequence.StandardKey, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = WINDOW) -> QShortcut:
    """A shortcut on `parent` calling `slot`; a standard key brings all its platform bindings."""
    made = QShortcut(parent)
    if isinstance(keys, QKeySequence.StandardKey):
        made.setKeys(keys)
    else:
        made.setKey(keys)
    made.setContext(context)
    made.activated.connect(slot)
    return made
