"""Perpanjang tenggat…: extend a case deadline as its SOP allows (issue #13), from the step
form. The engine (sopdesk.engine.deadlines.extend) decides who may, by how much and how often;
this dialog asks for the reason (required) and the number of the written notice, and never
closes without a reason. It says beforehand the date the deadline moves to, and whether the
case is still late then: an extension of a long-overdue deadline can land in the past."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog.schema import Tenggat
from sopdesk.engine import deadlines
from sopdesk.gui.context import GuiContext
from sopdesk.gui.markers import LATE_STYLE, late_by
from sopdesk.gui.messages import error_label
from sopdesk.gui.operation import Operation, running
from sopdesk.textfmt import waktu_lokal


class ExtendDeadlineDialog(QDialog):
    """After `accept()`, `extended` holds the engine's result."""

    def __init__(self, ctx: GuiContext, case_number: str, rule: Tenggat, parent: QWidget | None = None,
                 due: datetime | None = None):
        super().__init__(parent)
        self.ctx, self.case_number, self.rule = ctx, case_number, rule
        self.extended: deadlines.Extended | None = None
        ext = rule.perpanjangan
        assert ext is not None, "the step form offers an extension only for a rule that has one"
        self.setWindowTitle(self.tr("Perpanjang tenggat — {number}").format(number=case_number))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{name}: diperpanjang {waktu} sesuai SOP (paling banyak {times} kali).").format(
            name=rule.nama, waktu=ext.waktu, times=ext.paling_banyak))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.after = QLabel()  # "→ paling lambat …", in the step form's words (Xvfb: the date came only after)
        self.after.setObjectName("extendAfter")
        self.after.setWordWrap(True)
        after = ctx.ws.calendar.due(due, ext.waktu_baku) if due is not None else None
        if after is not None:
            text = QCoreApplication.translate("StepFormDialog", "paling lambat {when}").format(
                when=waktu_lokal(after, ctx.ws.calendar.tz))
            now = ctx.ws.clock()
            if late := late_by(after, now):  # still late once extended: said before the extension is recorded
                text += " — " + late
                self.after.setStyleSheet(LATE_STYLE)
            self.after.setText("→ " + text)
        self.after.setVisible(after is not None)
        layout.addWidget(self.after)
        form = QFormLayout()
        # each label above its field: beside "Nomor Surat Pemberitahuan Perpanjangan Waktu" the
        # reason had a third of the dialog, 256 px for a sentence (Xvfb, 1366x768)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)  # a reason's sentence in a line
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("extendReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(72)
        form.addRow(self.tr("Alasan *"), self.reason)
        self.notice = QLineEdit()
        self.notice.setObjectName("extendNotice")
        if ext.output:
            form.addRow(self.tr("Nomor {output}").format(output=ext.output), self.notice)
        layout.addLayout(form)
        self.error = error_label("extendError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Perpanjang"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Esc, Tutup or the window's close: not while the command runs (it would still be done)."""
        if not running(self):
            super().reject()

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("Tuliskan alasan perpanjangan."))
            self.error.show()
            self.reason.setFocus()
            return
        ws, actor, number, kode = self.ctx.ws, self.ctx.actor, self.case_number, self.rule.kode
        notice = self.notice.text().strip() or None
        Operation(self, self.ctx, lambda: deadlines.extend(ws, actor, number, kode, reason, notice_number=notice)) \
            .disabling(self.ok_button).success(self._extended).run()

    def _extended(self, extended: deadlines.Extended) -> None:
        self.extended = extended
        self.accept()
