"""A date field whose Tab key leaves the field, and that takes a date typed whole.

QDateEdit takes Tab and Shift+Tab for itself: they move between the day, month and year
sections, so a clerk who tabs through a letter dialog is caught in the first date field for
three key presses. In a form that is filled top to bottom, Tab must mean "next field", as it
does everywhere else. The sections stay reachable the usual ways: Left/Right or typing a
separator moves between them, Up/Down change the value, and typing "03042026" fills all three.

Typing the date whole needs the first section (the day) selected when the keyboard arrives.
QDateEdit selects it only after Tab: Shift+Tab selected the YEAR, and a click put the cursor
without a selection, and "07052026" typed then changed nothing (Xvfb, h3, in Pengaturan's
Hari libur). Coming in by any way, Shift+Tab or a click included, selects the first section.
A click on a field that already has the keyboard selects the section clicked (to change only
the year, click it and type "2027"; a cursor without a selection took no digits either).
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QLineEdit


class _WholeDate:
    """The shared behaviour of both fields (a mixin before their Qt class): Tab leaves, entering
    selects the first section."""

    _select_on_press = False  # set when a click brought the keyboard: the press selects after itself

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(QDateTimeEdit, self)
        self._edit = field.findChild(QLineEdit)
        if self._edit is not None:
            self._edit.installEventFilter(field)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, FBT001, N802 - Qt API
        # QDateTimeEdit's own override moves between its sections; skip it for the widget's
        return QAbstractSpinBox.focusNextPrevChild(self, next)  # type: ignore[arg-type]

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)  # type: ignore[misc]
        self._select_first()
        # the press that gave the focus comes after this and would put the cursor where it landed
        self._select_on_press = event.reason() == Qt.FocusReason.MouseFocusReason

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # a click lands on the field's line edit, not on the field: its press puts the cursor
        # where it landed, and the section is selected once it has (the next turn of the loop)
        if (watched is self._edit and event.type() == QEvent.Type.MouseButtonPress
                and cast(QMouseEvent, event).button() == Qt.MouseButton.LeftButton):
            QTimer.singleShot(0, cast(QObject, self), self._pressed)
        return False

    def _pressed(self) -> None:
        field = cast(QDateTimeEdit, self)
        if self._select_on_press:  # the click that brought the keyboard: the whole date
            self._select_on_press = False
            self._select_first()
        elif field.hasFocus():  # a click in the field that has it: the section clicked, typed over
            field.setSelectedSection(field.currentSection())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self._select_on_press = False
        super().focusOutEvent(event)  # type: ignore[misc]

    def _select_first(self) -> None:
        field = cast(QDateTimeEdit, self)
        if field.sectionCount():
            field.setCurrentSectionIndex(0)
            field.setSelectedSection(field.sectionAt(0))


class DateField(_WholeDate, QDateEdit):
    """A QDateEdit in the ordinary focus chain that takes a date typed whole ("07052026")."""


class DateTimeField(_WholeDate, QDateTimeEdit):
    """The same for a date and time (a letter's time of receipt)."""
