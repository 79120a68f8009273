"""What the step form's sections share: the colours of their texts, the empty date of an
output, and the wrapped plain-text label every section is made of. One definition, so the
sections (header, inputs, decision, deadlines ...) look alike."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from sopdesk.gui.messages import ERROR_COLOR

RED = ERROR_COLOR
GREEN = "#1b5e20"
GREY = "#5f6368"
EMPTY_DATE = QDate(2000, 1, 1)


def wrapped(text: str = "", style: str | None = None, selectable: bool = False) -> QLabel:
    """A word-wrapped plain-text label, optionally styled and selectable with the mouse."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
