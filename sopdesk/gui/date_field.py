"""A date field whose Tab key leaves the field.

QDateEdit takes Tab and Shift+Tab for itself: they move between the day, month and year
sections, so a clerk who tabs through a letter dialog is caught in the first date field for
three key presses. In a form that is filled top to bottom, Tab must mean "next field", as it
does everywhere else. The sections stay reachable the usual ways: Left/Right or typing a
separator moves between them, Up/Down change the value, and typing "03042026" fills all three.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit


class DateField(QDateEdit):
    """A QDateEdit in the ordinary focus chain: Tab/Shift+Tab go to the next/previous widget."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, FBT001, N802 - Qt API
        # QDateTimeEdit's own override moves between its sections; skip it for the widget's
        return QAbstractSpinBox.focusNextPrevChild(self, next)


class DateTimeField(QDateTimeEdit):
    """The same for a date and time (a letter's time of receipt)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, FBT001, N802 - Qt API
        return QAbstractSpinBox.focusNextPrevChild(self, next)
