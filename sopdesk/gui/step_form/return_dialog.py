"""The small dialog of "Kembalikan…": the earlier step to send the case back to, and the
reason, which is required (the engine records it and the step's performer reads it). Ctrl+Enter
in the reason returns, as it completes in the step form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QVBoxLayout, QWidget

from sopdesk.gui.messages import error_label
from sopdesk.gui.shortcuts import shortcut
from sopdesk.gui.step_form.common import wrapped

SHORT_STEP = 64  # characters of a step's text in the list


class ReturnDialog(QDialog):
    """Asks for the earlier step to return to and the (required) reason."""

    def __init__(self, steps: list[tuple[int, str]], preselect: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan ke kegiatan sebelumnya"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("Kasus akan dikembalikan ke kegiatan yang dipilih; pelaksananya "
                                          "mengerjakannya lagi. Alasan pengembalian dicatat.")))
        form = QFormLayout()
        self.step_combo = QComboBox()
        self.step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step_combo.setMinimumContentsLength(40)
        for no, text in steps:
            full = self.tr("Kegiatan {no}: {text}").format(no=no, text=text)
            short = full if len(full) <= SHORT_STEP else full[:SHORT_STEP - 1].rstrip() + "…"
            self.step_combo.addItem(short, no)
            self.step_combo.setItemData(self.step_combo.count() - 1, full, Qt.ItemDataRole.ToolTipRole)
        if preselect is not None and self.step_combo.findData(preselect) >= 0:
            self.step_combo.setCurrentIndex(self.step_combo.findData(preselect))
        form.addRow(self.tr("Kembali ke"), self.step_combo)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Mengapa kegiatan ini dikembalikan?"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(90)
        form.addRow(self.tr("Alasan (wajib)"), self.reason_edit)
        layout.addLayout(form)
        self.error_label = error_label("returnError")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Kembalikan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button.setToolTip(self.tr("Kembalikan (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from the reason, as Ctrl+Enter completes in the step form
            shortcut(QKeySequence(keys), self, self.accept)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.selected_step() is not None:  # the step is chosen already: the reason is what to type
            self.reason_edit.setFocus()

    def selected_step(self) -> int | None:
        step: int | None = self.step_combo.currentData()
        return step

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.selected_step() is None:
            self.error_label.setText(self.tr("Pilih kegiatan tujuan."))
        elif not self.reason():
            self.error_label.setText(self.tr("Alasan pengembalian wajib diisi."))
            self.reason_edit.setFocus()
        else:
            super().accept()
            return
        self.error_label.show()
