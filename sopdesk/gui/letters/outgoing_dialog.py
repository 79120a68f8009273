"""Catat surat keluar: the dialog that registers an outgoing letter, numbered with the office's
pattern or under a number written by hand, and enters a dispatched one in the buku ekspedisi."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import letters
from sopdesk.engine.letter_settings import load_letter_settings
from sopdesk.errors import FieldError, UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.common import DASH, CommandDialog, date_edit, day_of, line_edit, subject_edit, today
from sopdesk.gui.letters.unsaved import KeptTyping, restored_note
from sopdesk.gui.operation import show_failure


class OutgoingDialog(CommandDialog[letters.Registered]):
    """Catat surat keluar: numbered with the office's pattern (the next number is shown) or
    under a number written by hand; dispatched letters enter the buku ekspedisi."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Catat surat keluar"))
        try:
            default_classification = load_letter_settings(ctx.ws.data_dir).default_classification
        except UserError:
            default_classification = ""
        self.recipient = line_edit(300, self.tr("mis. Bawaslu Kota Kupang"))
        self.subject = subject_edit()
        self.classification = line_edit(60, "", default_classification)
        self.letter_date = date_edit(today(ctx))
        self.automatic = QRadioButton(self.tr("Nomor &otomatis"))
        self.manual = QRadioButton(self.tr("Nomor yang sudah &ditulis"))
        self.automatic.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.automatic)
        group.addButton(self.manual)
        self.preview = QLabel()
        self.preview.setObjectName("nextNumber")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number = line_edit(200)
        self.number.setEnabled(False)
        self.manual.toggled.connect(self.number.setEnabled)
        numbers = QGridLayout()
        numbers.addWidget(self.automatic, 0, 0)
        numbers.addWidget(self.preview, 0, 1)
        numbers.addWidget(self.manual, 1, 0)
        numbers.addWidget(self.number, 1, 1)
        numbers.setColumnStretch(1, 1)
        self.case = line_edit(40, self.tr("mis. PP/2026/0001 (boleh kosong)"))
        self.step = QSpinBox()
        self.step.setRange(0, 999)
        self.step.setSpecialValueText(DASH)
        self.recipient_name = line_edit(200, self.tr("nama orang yang dituju (boleh kosong)"))
        self.dispatch = QCheckBox(self.tr("Catat di &buku ekspedisi (surat dikirim)"))
        self.dispatch.setChecked(True)
        self.dispatch.toggled.connect(self.recipient_name.setEnabled)
        self.classification.textChanged.connect(self.update_preview)
        self.letter_date.dateChanged.connect(self.update_preview)
        self.fields = {"recipient": self.recipient, "subject": self.subject, "classification": self.classification,
                       "number": self.number, "letter_date": self.letter_date, "case": self.case, "step": self.step,
                       "recipient_name": self.recipient_name}

        form = QFormLayout()
        form.addRow(self.tr("&Tujuan *"), self.recipient)
        form.addRow(self.tr("P&erihal *"), self.subject)
        form.addRow(self.tr("&Kode klasifikasi"), self.classification)
        form.addRow(self.tr("Tanggal &surat"), self.letter_date)  # each row its Alt key (Xvfb)
        form.addRow(self.tr("Nomor surat"), numbers)
        form.addRow(self.tr("Kas&us"), self.case)
        form.addRow(self.tr("Ke&giatan kasus"), self.step)
        form.addRow(self.tr("&Nama penerima"), self.recipient_name)
        form.addRow("", self.dispatch)
        self.restored = restored_note(self.tr("Isian yang belum disimpan saat formulir ini ditutup dipulihkan."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored)
        layout.addLayout(form)
        self._finish(layout, self.tr("Simpan"), self.tr("Batal"))
        self.resize(620, 0)
        # Esc or Batal lost the letter typed: kept for the session ("Nomor otomatis" follows "manual")
        self.kept = KeptTyping(ctx, "surat keluar", {
            "recipient": self.recipient, "subject": self.subject, "classification": self.classification,
            "letter_date": self.letter_date, "manual": self.manual, "number": self.number, "case": self.case,
            "step": self.step, "dispatch": self.dispatch, "recipient_name": self.recipient_name}, self.restored)
        self.kept.restore()
        self.update_preview()

    def done(self, result: int) -> None:
        """Closed: saved, what was typed is forgotten; not saved, it is kept for the session."""
        self.kept.closed(result)
        super().done(result)

    def update_preview(self) -> None:
        try:
            number = letters.next_outgoing_number(self.ctx.ws, self.classification.text().strip() or None,
                                                  day_of(self.letter_date))
        except UserError as exc:
            self.preview.setText(self.tr("pola nomor tidak dapat dipakai: {0}").format(exc))
            return
        self.preview.setText(self.tr("berikutnya: {0}").format(number))

    def form(self) -> letters.OutgoingForm:
        return letters.OutgoingForm(
            recipient=self.recipient.text(), subject=self.subject.toPlainText(),
            classification=self.classification.text() or None,
            number=(self.number.text() or None) if self.manual.isChecked() else None,
            letter_date=day_of(self.letter_date), case=self.case.text().strip() or None,
            step=self.step.value() or None, recipient_name=self.recipient_name.text() or None,
            dispatch=self.dispatch.isChecked())

    def submit(self) -> None:
        if self.manual.isChecked() and not self.number.text().strip():
            show_failure(self, FieldError("number", self.tr("Tulis nomor surat, atau pilih nomor otomatis.")),
                         self.error, self.fields)
            return
        ws, actor, form = self.ctx.ws, self.ctx.actor, self.form()
        self._run(lambda: letters.register_outgoing(ws, actor, form), self.fields)
