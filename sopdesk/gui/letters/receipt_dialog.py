"""Tandai diterima: the dialog that records the signed receipt of a buku ekspedisi line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sopdesk.engine import expedition
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.common import DASH, CommandDialog, date_edit, day_of, line_edit, qdate, today
from sopdesk.gui.step_form import FileSlot
from sopdesk.textfmt import tanggal


class ReceiptDialog(CommandDialog[expedition.Received]):
    """Tandai diterima: when the signed receipt of an expedition entry came back, who signed,
    and the scan of the signed page."""

    def __init__(self, ctx: GuiContext, row: ExpeditionRow, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.row = row
        self.setWindowTitle(self.tr("Tanda terima ekspedisi nomor {0}").format(row.id))
        tz = ctx.ws.calendar.tz
        sent = row.sent_at.astimezone(tz).date()
        summary = QLabel(self.tr("{0} kepada {1}, dikirim {2}").format(
            row.letter_number or row.subject[:80], row.destination or DASH, tanggal(sent)))
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.day = date_edit(today(ctx))
        self.day.setMinimumDate(qdate(sent))
        self.day.setMaximumDate(qdate(today(ctx)))
        self.signed_by = line_edit(200, self.tr("nama yang menandatangani tanda terima"), row.recipient_name or "")
        self.scan = FileSlot(self.tr("tanda terima yang ditandatangani"))
        form = QFormLayout()
        form.addRow(self.tr("&Tanggal terima"), self.day)
        form.addRow(self.tr("&Ditandatangani oleh *"), self.signed_by)
        form.addRow(self.tr("Pindaian tanda terima"), self.scan)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        self._finish(layout, self.tr("Simpan"), self.tr("Batal"))
        self.resize(560, 0)
        # the one field always typed (the day is today's unless changed); the cursor was in the day
        # and the signer's name typed there went nowhere (Xvfb, /tmp/h2/s/93_receipt_dialog.png)
        self.signed_by.setFocus()

    def submit(self) -> None:
        ws, actor, entry = self.ctx.ws, self.ctx.actor, self.row.id
        day, signed_by, scan = day_of(self.day), self.signed_by.text(), self.scan.path
        self._run(lambda: expedition.mark_received(ws, actor, entry, day, signed_by, scan),
                  {"signed_by": self.signed_by})
