"""Catat surat masuk: the dialog that registers an incoming letter in the agenda; the letter
may start a case (a request for information, a PAW proposal) or join one."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateTimeField
from sopdesk.gui.letters.common import (
    NO_CASE,
    SIFAT,
    CommandDialog,
    date_edit,
    day_of,
    letters_tr,
    line_edit,
    moment_of,
    qdate,
    subject_edit,
)
from sopdesk.gui.letters.unsaved import KeptTyping, restored_note
from sopdesk.gui.step_form import FileSlot


class IncomingDialog(CommandDialog[tuple[str, str | None]]):
    """Catat surat masuk: the fields of engine.letters.IncomingForm."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Catat surat masuk"))
        tz = ctx.ws.calendar.tz
        now = ctx.ws.clock().astimezone(tz)
        self.sender_edit = line_edit(300, self.tr("mis. Pimpinan DPRD Kota Kupang"))
        self.subject = subject_edit()
        self.number = line_edit(200, self.tr("mis. 170/DPRD/III/2026"))
        self.has_date = QCheckBox(self.tr("ada"))
        self.letter_date = date_edit(now.date())
        self.letter_date.setEnabled(False)
        self.has_date.toggled.connect(self.letter_date.setEnabled)
        self.has_date.toggled.connect(lambda on: self.letter_date.setFocus() if on else None)  # type the date now
        dated = QHBoxLayout()
        dated.addWidget(self.has_date)
        dated.addWidget(self.letter_date, 1)
        self.received = DateTimeField(QDateTime(qdate(now.date()), QTime(now.hour, now.minute)))
        self.received.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.received.setCalendarPopup(True)
        self.classification = line_edit(60, self.tr("mis. PP.01"))
        self.sifat = QComboBox()
        for code, label in SIFAT.items():
            self.sifat.addItem(letters_tr(label), code)
        self.starts = QComboBox()
        self.starts.addItem(letters_tr(NO_CASE), None)
        for code, label in letters.letter_kinds(ctx.ws).items():  # from the installed catalog (issue #13)
            self.starts.addItem(label, code)
        self.case = line_edit(40, self.tr("nomor kasus yang sudah ada, mis. PP/2026/0001"))
        self.starts.currentIndexChanged.connect(lambda _: self.case.setEnabled(self.starts.currentData() is None))
        self.scan = FileSlot(self.tr("pindaian surat masuk"))
        self.fields = {"sender": self.sender_edit, "subject": self.subject, "number": self.number,
                       "letter_date": self.letter_date, "received_at": self.received,
                       "classification": self.classification, "sifat": self.sifat, "starts": self.starts,
                       "case": self.case}

        form = QFormLayout()
        form.addRow(self.tr("&Pengirim *"), self.sender_edit)
        form.addRow(self.tr("P&erihal *"), self.subject)
        form.addRow(self.tr("&Nomor surat"), self.number)
        # Alt+T goes to "ada" (Space ticks it, the cursor moves into the date); Alt+U goes to the case:
        # no Alt key reached either, and a ticked "ada" left the cursor on the box
        dated_label = QLabel(self.tr("&Tanggal surat"))
        dated_label.setBuddy(self.has_date)
        form.addRow(dated_label, dated)
        form.addRow(self.tr("&Diterima ({0})").format(ctx.ws.calendar.tz_name), self.received)
        form.addRow(self.tr("&Kode klasifikasi"), self.classification)
        form.addRow(self.tr("&Sifat"), self.sifat)
        form.addRow(self.tr("&Memulai kasus"), self.starts)
        form.addRow(self.tr("Masuk ke kas&us"), self.case)
        form.addRow(self.tr("Pindaian surat"), self.scan)
        note = QLabel(self.tr("Permohonan informasi memulai kasus Pelayanan Publik: pencatatan oleh Help Desk "
                              "sekaligus menyelesaikan kegiatan penerimaan surat, lalu kasus menunggu disposisi "
                              "pimpinan; usulan PAW memulai kasus PAW (tenggat jawabannya dihitung dari waktu "
                              "diterima)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        self.restored = restored_note(self.tr("Isian yang belum disimpan saat formulir ini ditutup dipulihkan."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored)
        layout.addLayout(form)
        layout.addWidget(note)
        self._finish(layout, self.tr("Simpan"), self.tr("Batal"))
        self.resize(620, 0)
        # Esc or Batal lost a whole letter typed (sender, perihal, number ...): kept for the session
        self.kept = KeptTyping(ctx, "surat masuk", {
            "sender": self.sender_edit, "subject": self.subject, "number": self.number, "has_date": self.has_date,
            "letter_date": self.letter_date, "received_at": self.received, "classification": self.classification,
            "sifat": self.sifat, "starts": self.starts, "case": self.case, "scan": self.scan}, self.restored)
        self.kept.restore()

    def done(self, result: int) -> None:
        """Closed: saved, what was typed is forgotten; not saved, it is kept for the session."""
        self.kept.closed(result)
        super().done(result)

    def form(self) -> letters.IncomingForm:
        received = moment_of(self.received).replace(tzinfo=self.ctx.ws.calendar.tz)
        return letters.IncomingForm(
            sender=self.sender_edit.text(), subject=self.subject.toPlainText(), number=self.number.text() or None,
            letter_date=day_of(self.letter_date) if self.has_date.isChecked() else None,
            received_at=received, classification=self.classification.text() or None,
            sifat=self.sifat.currentData(), starts=self.starts.currentData(),
            case=(self.case.text() or None) if self.case.isEnabled() else None, scan=self.scan.path)

    def submit(self) -> None:
        ws, actor, form = self.ctx.ws, self.ctx.actor, self.form()
        self._run(lambda: letters.register_incoming(ws, actor, form), self.fields)
