"""Koreksi… and Batalkan… of a line of the registers (surat masuk, surat keluar, buku
ekspedisi). The engine (sopdesk.engine.corrections) decides who may and keeps the audit; these
dialogs show the line's fields as recorded, send only the fields the user changed, and never
close without a reason. The close button of the void dialog says "Tutup", not "Batal": in this
dialog "batal" is the action itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import corrections
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.engine.letters import SIFAT, IncomingRow, OutgoingRow
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateField
from sopdesk.gui.messages import error_label, show_error
from sopdesk.gui.operation import Operation, running

Row = IncomingRow | OutgoingRow | ExpeditionRow


def registrar_of(row: Row) -> str:
    """The username of the one who wrote the line."""
    if isinstance(row, IncomingRow):
        return row.registered_by
    if isinstance(row, OutgoingRow):
        return row.created_by
    return row.recorded_by


def may_correct(ctx: GuiContext, row: Row | None) -> bool:
    """What the engine allows: the line's registrar or an administrator, on a line not void."""
    return row is not None and not row.void and (ctx.is_admin or ctx.actor.username == registrar_of(row))


def _label(row: Row) -> str:
    if isinstance(row, IncomingRow):
        return row.agenda
    if isinstance(row, OutgoingRow):
        return row.number
    return str(row.id)


class _Dialog(QDialog):
    """The parts both dialogs share: a title line, the reason, an inline error, two buttons."""

    def __init__(self, ctx: GuiContext, row: Row, parent: QWidget | None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.result_value: corrections.Corrected | corrections.Voided | None = None
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(corrections.MAX_REASON)
        self.error = error_label("dialogError")

    def what(self) -> str:
        if isinstance(self.row, IncomingRow):
            return self.tr("surat masuk {0}").format(self.row.agenda)
        if isinstance(self.row, OutgoingRow):
            return self.tr("surat keluar {0}").format(self.row.number)
        return self.tr("ekspedisi nomor {0}").format(self.row.id)

    def reject(self) -> None:
        """Esc, Tutup or the window's close: not while the command runs (it would still be done)."""
        if not running(self):
            super().reject()

    def submit(self) -> None:
        """OK: send the change to the engine (each dialog below says which)."""
        raise NotImplementedError

    def _finish(self, layout: QVBoxLayout, ok_text: str, close_text: str) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(close_text)
        buttons.accepted.connect(self.submit)  # each dialog below defines its own submit()
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fit(self, width: int) -> None:
        """`width` wide and as high as the wrapped labels need at that width (resize(w, 0)
        alone leaves a wrapped sentence clipped)."""
        needed = self.heightForWidth(width)
        self.resize(width, needed if needed > 0 else self.sizeHint().height())

    def _run(self, call: Callable[[], corrections.Corrected | corrections.Voided],
             fields: dict[str, QWidget]) -> None:
        """The engine's command on the worker; the dialog closes when it is done."""
        Operation(self, self.ctx, call).disabling(self.ok_button) \
            .failure(lambda exc: self._refused(exc, fields)).success(self._done).run()

    def _done(self, result: corrections.Corrected | corrections.Voided) -> None:
        self.result_value = result
        self.accept()

    def _refused(self, exc: BaseException, fields: dict[str, QWidget]) -> None:
        if not isinstance(exc, UserError):
            show_error(self, exc)
            return
        self.error.setText(str(exc))
        self.error.show()
        widget = fields.get(getattr(exc, "field", ""), self.reason)
        widget.setFocus()


class CorrectionDialog(_Dialog):
    """Koreksi: the line's fields as recorded; the changed ones are sent with the reason."""

    def __init__(self, ctx: GuiContext, row: Row, parent: QWidget | None = None):
        super().__init__(ctx, row, parent)
        self.setWindowTitle(self.tr("Koreksi {0}").format(self.what()))
        self.fields: dict[str, QWidget] = {}
        self.original: dict[str, object] = {}
        form = QFormLayout()
        if isinstance(row, IncomingRow):
            self._text(form, "sender", self.tr("&Pengirim"), row.sender, 300)
            self._text(form, "subject", self.tr("Peri&hal"), row.subject, 1000)
            self._text(form, "number", self.tr("&Nomor surat"), row.number, 200)
            self._date(form, row.letter_date, optional=True)
            self.sifat = QComboBox()
            for value in SIFAT:  # the label as the agenda shows it (gui/letters/common.py marks them under "Letters")
                self.sifat.addItem(QCoreApplication.translate("Letters", value), value)
            self.sifat.setCurrentIndex(SIFAT.index(row.sifat) if row.sifat in SIFAT else 0)
            form.addRow(self.tr("&Sifat"), self.sifat)
            self.fields["sifat"], self.original["sifat"] = self.sifat, row.sifat
            self._text(form, "classification", self.tr("&Kode klasifikasi"), row.classification, 60)
        elif isinstance(row, OutgoingRow):
            self._text(form, "recipient", self.tr("T&ujuan"), row.recipient, 300)
            self._text(form, "subject", self.tr("Peri&hal"), row.subject, 1000)
            self._text(form, "number", self.tr("&Nomor surat"), row.number, 200)
            self._date(form, row.letter_date, optional=False)
            self._text(form, "classification", self.tr("&Kode klasifikasi"), row.classification, 60)
        else:
            self._text(form, "letter_number", self.tr("&Nomor surat"), row.letter_number, 200)
            self._text(form, "subject", self.tr("Peri&hal"), row.subject, 1000)
            self._text(form, "destination", self.tr("T&ujuan"), row.destination, 300)
            self._text(form, "recipient_name", self.tr("Nama &penerima"), row.recipient_name, 200)
            signed = self._text(form, "signed_by", self.tr("&Ditandatangani oleh"), row.signed_by, 200)
            if row.received_at is None:
                signed.setEnabled(False)
                signed.setPlaceholderText(self.tr("dicatat bersama tanda terima"))
        self.reason.setPlaceholderText(self.tr("mengapa baris ini dikoreksi"))
        form.addRow(self.tr("&Alasan koreksi *"), self.reason)
        note = QLabel(self.tr("Nilai lama dan baru serta alasannya dicatat di log audit."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        self._finish(layout, self.tr("Simpan koreksi"), self.tr("Tutup"))
        self._fit(620)

    def _text(self, form: QFormLayout, name: str, label: str, value: str | None, limit: int) -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        form.addRow(label, edit)
        self.fields[name], self.original[name] = edit, value or ""
        return edit

    def _date(self, form: QFormLayout, value: date | None, optional: bool) -> None:
        shown = value or self.ctx.ws.calendar.local(self.ctx.ws.clock()).date()
        self.letter_date = DateField(QDate(shown.year, shown.month, shown.day))
        self.letter_date.setObjectName("letter_date")
        self.letter_date.setDisplayFormat("dd-MM-yyyy")
        self.letter_date.setCalendarPopup(True)
        self.has_date: QCheckBox | None = None
        self.fields["letter_date"], self.original["letter_date"] = self.letter_date, value
        if not optional:
            form.addRow(self.tr("&Tanggal surat"), self.letter_date)
            return
        self.has_date = QCheckBox(self.tr("ada"))
        self.has_date.setChecked(value is not None)
        self.letter_date.setEnabled(value is not None)
        self.has_date.toggled.connect(self.letter_date.setEnabled)
        line = QHBoxLayout()
        line.addWidget(self.has_date)
        line.addWidget(self.letter_date, 1)
        label = QLabel(self.tr("&Tanggal surat"))
        label.setBuddy(self.has_date)  # a row of two widgets: the mnemonic goes to the check box
        form.addRow(label, line)

    def changed(self) -> dict:
        """The fields whose value differs from the line as recorded."""
        new: dict = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                value: object = widget.text()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            elif self.has_date is not None and not self.has_date.isChecked():
                value = None
            elif isinstance(widget, DateField):
                picked = widget.date()
                value = date(picked.year(), picked.month(), picked.day())
            else:
                continue
            if value != self.original[name]:
                new[name] = value
        if "letter_date" in new and new["letter_date"] is None:
            del new["letter_date"]  # a date cannot be taken away, only corrected
        return new

    def submit(self) -> None:
        changed = self.changed()
        ws, actor, reason, row = self.ctx.ws, self.ctx.actor, self.reason.text(), self.row

        def correct() -> corrections.Corrected:
            if isinstance(row, IncomingRow):
                return corrections.correct_incoming(
                    ws, actor, row.agenda, corrections.IncomingCorrection(**changed), reason)
            if isinstance(row, OutgoingRow):
                return corrections.correct_outgoing(
                    ws, actor, row.number, corrections.OutgoingCorrection(**changed), reason)
            return corrections.correct_expedition(
                ws, actor, row.id, corrections.ExpeditionCorrection(**changed), reason)

        self._run(correct, self.fields | {"reason": self.reason})


class VoidDialog(_Dialog):
    """Batalkan: the line stays with its number and prints as BATAL; a reason is required."""

    def __init__(self, ctx: GuiContext, row: Row, parent: QWidget | None = None):
        super().__init__(ctx, row, parent)
        self.setWindowTitle(self.tr("Batalkan {0}").format(self.what()))
        subject = row.subject if len(row.subject) <= 120 else row.subject[:119] + "…"
        what = self.what()
        summary = QLabel(self.tr("{0}: {1}").format(what[:1].upper() + what[1:], subject))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        if isinstance(row, IncomingRow):
            effect = self.tr("Surat ini tidak dapat didisposisi lagi.")
        elif isinstance(row, OutgoingRow):
            effect = self.tr("Surat ini tidak dapat dikirim lagi; entrinya di buku ekspedisi yang belum diterima "
                             "ikut dibatalkan.")
        else:
            effect = self.tr("Entri ini tidak dapat ditandai diterima lagi.")
        note = QLabel(self.tr("Nomor {0} tetap tercatat dan tidak dipakai lagi; barisnya ditandai BATAL beserta "
                              "alasannya di daftar dan di cetakan. {1}").format(_label(row), effect))
        note.setWordWrap(True)
        self.reason.setPlaceholderText(self.tr("mengapa baris ini dibatalkan"))
        form = QFormLayout()
        form.addRow(self.tr("&Alasan pembatalan *"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addLayout(form)
        self._finish(layout, self.tr("Batalkan baris ini"), self.tr("Tutup"))
        self._fit(560)

    def submit(self) -> None:
        ws, actor, reason, row = self.ctx.ws, self.ctx.actor, self.reason.text(), self.row

        def void() -> corrections.Voided:
            if isinstance(row, IncomingRow):
                return corrections.void_incoming(ws, actor, row.agenda, reason)
            if isinstance(row, OutgoingRow):
                return corrections.void_outgoing(ws, actor, row.number, reason)
            return corrections.void_expedition(ws, actor, row.id, reason)

        self._run(void, {"reason": self.reason})
