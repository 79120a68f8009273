"""The step form's bottom row: Kembalikan…, Simpan draf, the status line, Batal/Tutup and
Selesai. No button is a default: Enter in a field must not complete the step (Ctrl+Enter does,
through the dialog's shortcut); Alt+K returns, Alt+D saves the draft."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from sopdesk.gui.step_form.common import GREY, wrapped

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class StepButtons(QWidget):
    """The row. With `has_step` False (nothing waits) only "Tutup" is shown."""

    def __init__(self, has_step: bool, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)  # laid out as the bare row it was
        # Alt+K and Alt+D: from the first field a keyboard reached them only through every field
        self.return_button = QPushButton(translate("StepFormDialog", "&Kembalikan…"))
        self.draft_button = QPushButton(translate("StepFormDialog", "Simpan &draf"))
        self.cancel_button = QPushButton(translate("StepFormDialog", "Batal") if has_step
                                         else translate("StepFormDialog", "Tutup"))
        self.finish_button = QPushButton(translate("StepFormDialog", "Selesai"))
        for button in self.all():
            button.setAutoDefault(False)  # Enter in a field must not complete the step
        self.return_button.setToolTip(translate("StepFormDialog",
                                                "Kembalikan kasus ke kegiatan yang sudah dilalui, dengan alasan"))
        self.draft_button.setToolTip(translate("StepFormDialog", "Simpan isian untuk dilanjutkan nanti"))
        self.finish_button.setToolTip(translate("StepFormDialog",
                                                "Selesaikan kegiatan ini dan teruskan kasus (Ctrl+Enter)"))
        self.finish_button.setStyleSheet("font-weight: bold")
        self.status_label = wrapped(style=f"color: {GREY}")
        self.status_label.setObjectName("statusLabel")
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.return_button)
        row.addWidget(self.draft_button)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.finish_button)
        if not has_step:
            for button in (self.return_button, self.draft_button, self.finish_button):
                button.hide()

    def add_dispose(self) -> QPushButton:
        """Disposisi… beside Simpan draf, for a disposition step (the Ketua's lembar disposisi)."""
        self.dispose_button = QPushButton(translate("StepFormDialog", "Dis&posisi…"))
        self.dispose_button.setAutoDefault(False)
        self.dispose_button.setToolTip(translate("StepFormDialog", "Lembar disposisi: unit tujuan dan isi "
                                                                   "disposisi; kasus diteruskan sesuai SOP"))
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(row.indexOf(self.draft_button) + 1, self.dispose_button)
        return self.dispose_button

    def all(self) -> tuple[QPushButton, ...]:
        return (self.return_button, self.draft_button, self.cancel_button, self.finish_button)

    def no_return(self) -> None:
        """No step was done yet: nothing to return to."""
        self.return_button.setEnabled(False)
        self.return_button.setToolTip(translate("StepFormDialog",
                                                "Belum ada kegiatan yang dilalui untuk tujuan pengembalian"))
