"""What the step records: the kelengkapan checklist (each item with an optional scan) and the
outputs (document number, date, file). Each box keeps its rows by name, so the dialog reads
them into a StepInput and fills them from a draft or an earlier visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine.step_input import OutputValue
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.date_field import DateField
from sopdesk.gui.step_form.common import EMPTY_DATE, GREY, wrapped
from sopdesk.gui.step_form.file_slot import FileSlot

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


@dataclass
class KelengkapanRow:
    name: str
    check: QCheckBox
    file: FileSlot


@dataclass
class OutputRow:
    name: str
    number: QLineEdit
    date_check: QCheckBox
    date: QDateEdit
    file: FileSlot

    def value(self) -> OutputValue | None:
        """The output's value, or None when nothing of it was filled in."""
        number = self.number.text().strip() or None
        chosen = self.date.date()
        day = date(chosen.year(), chosen.month(), chosen.day()) if self.date_check.isChecked() else None
        if number is None and day is None and self.file.path is None and self.file.kept is None:
            return None
        return OutputValue(number=number, date=day, file=self.file.path, kept=self.file.kept)

    def set_value(self, value: OutputValue) -> None:
        self.number.setText(value.number or "")
        self.date_check.setChecked(value.date is not None)
        if value.date is not None:
            self.date.setDate(QDate(value.date.year, value.date.month, value.date.day))
        if value.file is not None:
            self.file.set_path(value.file)
        else:
            self.file.set_kept(value.kept)


def _say_none(box: QGroupBox, text: str) -> QGroupBox:
    """A box with nothing to fill in says so in grey."""
    layout = QVBoxLayout(box)
    layout.addWidget(wrapped(text, f"color: {GREY}"))
    return box


class KelengkapanBox(QGroupBox):
    """"Kelengkapan": one tick and one file slot per item; a scan ticks its item. Tab walks
    the ticks first and the file slots after the last tick: walked row by row, Tab landed on
    "Lampirkan…" between two ticks and a Space meant for the next tick opened the file dialog."""

    def __init__(self, items: list[str], parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Kelengkapan"), parent)
        self.rows: dict[str, KelengkapanRow] = {}
        if not items:
            _say_none(self, translate("StepFormDialog", "Tidak ada kelengkapan untuk kegiatan ini."))
            return
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        grid.addWidget(wrapped(translate("StepFormDialog", "Centang yang tersedia; lampirkan pindaiannya bila ada. "
                                         "Tab berpindah dari centang ke centang, lalu ke tombol Lampirkan."),
                               f"color: {GREY}"), 0, 0, 1, 2)
        for row, name in enumerate(items, start=1):
            check = QCheckBox(name)
            check.setObjectName(f"kelengkapan_{row}")
            slot = FileSlot(name)
            slot.setObjectName(f"kelengkapanFile_{row}")
            slot.changed.connect(lambda check=check, slot=slot: self._file_chosen(check, slot))
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(slot, row, 1)
            self.rows[name] = KelengkapanRow(name, check, slot)
        self._ticks_then_files()

    def _ticks_then_files(self) -> None:
        rows = list(self.rows.values())
        chain: list[QWidget] = [row.check for row in rows]
        for row in rows:
            chain += [row.file.attach_button, row.file.remove_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _file_chosen(check: QCheckBox, slot: FileSlot) -> None:
        if slot.path is not None:  # a scan of an item means the item is at hand
            check.setChecked(True)


class OutputBox(QGroupBox):
    """"Output": per document its number, its date (ticked to fill in) and its file."""

    def __init__(self, ws: Workspace, outputs: list[str], parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Output"), parent)
        self.ws = ws
        self.rows: dict[str, OutputRow] = {}
        if not outputs:
            _say_none(self, translate("StepFormDialog", "Kegiatan ini tidak menghasilkan dokumen."))
            return
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        row = 0
        for index, name in enumerate(outputs, start=1):
            if index > 1:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(line, row, 0, 1, 4)
                row += 1
            title = wrapped(translate("StepFormDialog", "{index}. {name}").format(index=index, name=name),
                            "font-weight: bold")
            grid.addWidget(title, row, 0, 1, 4)
            row += 1
            number = QLineEdit()
            number.setObjectName(f"outputNumber_{index}")
            number.setPlaceholderText(translate("StepFormDialog", "mis. 123/PP.01-SD/5371/2026"))
            number.setMaxLength(200)
            number_label = QLabel(translate("StepFormDialog", "Nomor dokumen"))
            number_label.setBuddy(number)
            date_check = QCheckBox(translate("StepFormDialog", "Tanggal"))
            date_check.setObjectName(f"outputDateSet_{index}")
            date_check.setToolTip(translate("StepFormDialog", "Centang untuk mengisi tanggal dokumen"))
            date_edit = DateField()
            date_edit.setObjectName(f"outputDate_{index}")
            date_edit.setDisplayFormat("dd-MM-yyyy")
            date_edit.setCalendarPopup(True)
            date_edit.setMinimumDate(EMPTY_DATE)
            date_edit.setSpecialValueText(translate("StepFormDialog", "kosong"))
            date_edit.setMinimumWidth(120)
            date_check.toggled.connect(lambda on, edit=date_edit: self._date_toggled(edit, on))
            self._date_toggled(date_edit, False)
            dates = QHBoxLayout()
            dates.addWidget(date_check)
            dates.addWidget(date_edit)
            grid.addWidget(number_label, row, 0)
            grid.addWidget(number, row, 1)
            grid.addLayout(dates, row, 2)
            row += 1
            slot = FileSlot(name)
            slot.setObjectName(f"outputFile_{index}")
            grid.addWidget(QLabel(translate("StepFormDialog", "Berkas")), row, 0)
            grid.addWidget(slot, row, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
            row += 1
            self.rows[name] = OutputRow(name, number, date_check, date_edit, slot)

    def _date_toggled(self, edit: QDateEdit, on: bool) -> None:
        edit.setEnabled(on)
        if not on:
            edit.setDate(EMPTY_DATE)  # shows "kosong"
        elif edit.date() == EMPTY_DATE:
            today = self.ws.calendar.local(self.ws.clock()).date()
            edit.setDate(QDate(today.year, today.month, today.day))
