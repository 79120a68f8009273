"""The look the help desk's widgets share: one style sheet for the page (the red outline of a
wrong field, the status line's two states, the section titles) and the re-polish a dynamic
property change needs. Kept apart so the form, the list and the lookup use one definition."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sopdesk.gui.messages import ERROR_COLOR

STYLE = f"""
QFrame#fieldFrame {{ border: 2px solid transparent; border-radius: 4px; }}
QFrame#fieldFrame[invalid="true"] {{ border-color: {ERROR_COLOR}; }}
QLabel#fieldError {{ color: {ERROR_COLOR}; }}
QLabel#statusLine[state="ok"] {{ color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;
    border-radius: 3px; }}
QLabel#statusLine[state="error"] {{ color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f4b4ae;
    border-radius: 3px; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; }}
QLabel#hint, QLabel#listNote {{ color: #555; }}
QLabel#emptyList {{ color: #666; font-size: 11pt; }}
QListWidget#suggestions {{ border: 1px solid #888; background: palette(base); }}
"""


def restyle(widget: QWidget) -> None:
    """Apply a changed dynamic property to the style sheet."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
