"""A widget shown and active, as the user has it in front of them: its shortcuts work and
QApplication.focusWidget() is the field that has the keyboard."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def shown_active(qtbot, widget: W) -> W:  # noqa: ANN001 - pytest-qt's fixture
    """`widget` (a page, a dialog) kept by `qtbot`, shown and activated; returned."""
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget
