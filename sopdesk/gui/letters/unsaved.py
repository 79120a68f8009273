"""What was typed in a dialog of Surat & Ekspedisi closed without saving (Esc, Batal, the
window's close button): kept for the session and brought back, with a note, when the same
dialog is opened again; forgotten once the dialog saved. The lembar disposisi had it first
(per letter); Catat surat masuk and Catat surat keluar lost a whole letter typed to one Esc.

A dialog names its fields once (`KeptTyping`); only the fields changed from how the dialog
opened are kept, so that an untouched "Diterima" still opens at the current time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from weakref import WeakKeyDictionary

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form.file_slot import FileSlot

Values = dict[str, Any]

# per session (the GuiContext of the signed-in user), per dialog and letter: the changed fields
_KEPT: WeakKeyDictionary[GuiContext, dict[str, Values]] = WeakKeyDictionary()


def value_of(widget: QWidget) -> Any:
    """What a field holds, comparable with == (the kinds of field the letters' dialogs use)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentData() is not None else widget.currentIndex()
    if isinstance(widget, QDateTimeEdit):  # QDateEdit too
        return widget.dateTime().toString("yyyy-MM-ddTHH:mm")
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, FileSlot):
        return widget.path
    raise TypeError(f"no kept value for {type(widget).__name__}")


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value)
    elif isinstance(widget, QComboBox):
        found = widget.findData(value) if not isinstance(value, int) else value
        if 0 <= found < widget.count():  # a choice since gone (an SOP removed): left as it opened
            widget.setCurrentIndex(found)
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(QDateTime.fromString(value, "yyyy-MM-ddTHH:mm"))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, FileSlot):
        widget.set_path(value)


def restored_note(text: str) -> QLabel:
    """The line that says the fields were restored (hidden until they are)."""
    note = QLabel(text)
    note.setObjectName("restoredNote")
    note.setWordWrap(True)
    note.setStyleSheet("color: #555")
    note.hide()
    return note


class KeptTyping:
    """The kept typing of one open dialog: `fields` in the order they are filled back (a box
    that enables a field before the field), under `key` (the dialog, and its letter)."""

    def __init__(self, ctx: GuiContext, key: str, fields: Mapping[str, QWidget], note: QLabel):
        self.ctx, self.key, self.fields, self.note = ctx, key, dict(fields), note
        self.opened = self._values()

    def _values(self) -> Values:
        return {name: value_of(widget) for name, widget in self.fields.items()}

    def restore(self) -> bool:
        """Fill back what was typed at the session's last close without saving, and show the note."""
        kept = _KEPT.get(self.ctx, {}).get(self.key)
        if not kept:
            return False
        for name, value in kept.items():
            if name in self.fields:
                set_value(self.fields[name], value)
        self.note.show()
        return True

    def closed(self, result: int) -> None:
        """From the dialog's done(): saved, forgotten; not saved, the changed fields kept."""
        kept = _KEPT.setdefault(self.ctx, {})
        changed = {name: value for name, value in self._values().items() if value != self.opened[name]}
        if result != QDialog.DialogCode.Accepted and changed:
            kept[self.key] = changed
        else:
            kept.pop(self.key, None)
