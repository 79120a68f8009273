"""Surat & Ekspedisi: the agenda of incoming letters (with their lembar disposisi), the
agenda of outgoing letters, and the buku ekspedisi with receipts; printing the lembar
disposisi and the buku ekspedisi runs on the worker thread.

Every list is a PagedTableModel: SQL filters and pages, the view fetches more rows as it
scrolls. The engine checks every permission; the buttons of actions outside the user's
roles are disabled with a tooltip saying who may do them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedLayout,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from sopdesk.engine import corrections, dispositions, expedition, letters, queries
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.engine.letter_settings import load_letter_settings
from sopdesk.engine.letters import IncomingRow, OutgoingRow
from sopdesk.engine.registers import disposer_roles, expedition_roles, registrar_roles
from sopdesk.engine.units import unit_directory
from sopdesk.errors import FieldError, UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.correction_dialog import CorrectionDialog, VoidDialog, may_correct, registrar_of
from sopdesk.gui.date_field import DateField, DateTimeField
from sopdesk.gui.messages import error_label, show_error
from sopdesk.gui.paged_model import PagedTableModel
from sopdesk.gui.printing import print_pdf
from sopdesk.gui.readable_stretch import keep_readable
from sopdesk.gui.step_form import FileSlot
from sopdesk.gui.worker import Worker
from sopdesk.store.models import Case, IncomingLetter, OutgoingLetter
from sopdesk.textfmt import tanggal, waktu_lokal

CONTEXT = "Letters"  # translation context of the labels shared by models and dialogs
SIFAT = {
    "biasa": QT_TRANSLATE_NOOP("Letters", "biasa"),
    "segera": QT_TRANSLATE_NOOP("Letters", "segera"),
    "rahasia": QT_TRANSLATE_NOOP("Letters", "rahasia"),
}
NO_CASE = QT_TRANSLATE_NOOP("Letters", "Tidak memulai kasus")  # the other choices: letters.letter_kinds
URGENT = QColor("#fde2c4")
SECRET = QColor("#f8d7da")
PENDING = QColor("#fff3cd")
VOID_INK = QColor("#8a8a8a")  # a void line: grey and struck through, its first column says BATAL
# lupdate does not follow _t(): these markers put the void mark's words in the translation source
VOID_WORDS = (QT_TRANSLATE_NOOP("Letters", "BATAL"), QT_TRANSLATE_NOOP("Letters", "BATAL: {0}"))
# engine.corrections.FIELD_LABELS, the fields named after a correction (tests/test_translations.py
# keeps this list equal to the core's)
FIELD_WORDS = (
    QT_TRANSLATE_NOOP("Letters", "pengirim"),
    QT_TRANSLATE_NOOP("Letters", "tujuan"),
    QT_TRANSLATE_NOOP("Letters", "perihal"),
    QT_TRANSLATE_NOOP("Letters", "nomor surat"),
    QT_TRANSLATE_NOOP("Letters", "tanggal surat"),
    QT_TRANSLATE_NOOP("Letters", "sifat"),
    QT_TRANSLATE_NOOP("Letters", "kode klasifikasi"),
    QT_TRANSLATE_NOOP("Letters", "nama penerima"),
    QT_TRANSLATE_NOOP("Letters", "ditandatangani oleh"),
)
EMPTY_STYLE = "color: #555; font-size: 11pt; padding: 24px"
DASH = "—"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _today(ctx: GuiContext) -> date:
    return ctx.ws.calendar.local(ctx.ws.clock()).date()


def _short_time(moment: datetime, tz: tzinfo) -> str:
    """24-11-2026 09:15 in office time (the zone is the same on every row)."""
    return f"{moment.astimezone(tz):%d-%m-%Y %H:%M}"


def _may(ctx: GuiContext, roles: tuple[str, ...]) -> bool:
    return ctx.is_admin or bool(set(ctx.roles) & set(roles))


def _date_edit(value: date) -> QDateEdit:
    edit = DateField(QDate(value))
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit



def _void_look(row, column: int, role: int, mark: int):  # noqa: ANN001 - a row of one of the registers
    """How a void line looks (NotImplemented: as any other line): grey, struck through except
    its column `mark`, which says BATAL in bold; the reason as the tooltip of every cell."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(VOID_INK)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setStrikeOut(column != mark)
        font.setBold(column == mark)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return _t("BATAL: {0}").format(row.void_reason)
    if role == Qt.ItemDataRole.BackgroundRole:
        return None
    return NotImplemented


def _void_mark(value: str) -> str:
    return f"{value} · {_t('BATAL')}"


# --- table models ----------------------------------------------------------------------------------

class IncomingModel(PagedTableModel):
    """The agenda of incoming letters, newest first."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("IncomingModel", "Nomor agenda"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Diterima"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Nomor surat"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Pengirim"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Perihal"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Sifat"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Kasus"), "agenda"),
        (QT_TRANSLATE_NOOP("IncomingModel", "Disposisi"), "agenda"),
    )

    def __init__(self, ctx: GuiContext, parent=None):  # noqa: ANN001
        super().__init__("agenda", True, parent)
        self.ctx = ctx

    def _fetch(self, offset: int) -> list[IncomingRow]:
        return letters.incoming_page(self.ctx.ws, limit=self.PAGE, offset=offset, descending=self._descending,
                                     viewer=self.ctx.actor, **self.filters)

    def _count(self) -> int:
        return letters.incoming_total(self.ctx.ws, **self.filters)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: IncomingRow = self._rows[index.row()]
        column = index.column()
        if row.void and (look := _void_look(row, column, role, 5)) is not NotImplemented:
            return look
        if role == Qt.ItemDataRole.DisplayRole:
            sifat = _t("BATAL") if row.void else _t(SIFAT.get(row.sifat, row.sifat))  # the column that marks a void
            values = (row.agenda, _short_time(row.received_at, self.ctx.ws.calendar.tz), row.number or DASH,
                      row.sender, row.subject, sifat, row.case_number or DASH,
                      str(row.dispositions) if row.dispositions else DASH)
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4):
            return f"{row.sender}\n{row.subject}"
        if role == Qt.ItemDataRole.BackgroundRole and column == 5 and row.sifat in ("segera", "rahasia"):
            return QBrush(URGENT if row.sifat == "segera" else SECRET)
        if role == Qt.ItemDataRole.UserRole:
            return row.agenda
        return None


class OutgoingModel(PagedTableModel):
    """The agenda of outgoing letters, newest first."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("OutgoingModel", "Nomor surat"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Tanggal"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Tujuan"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Perihal"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Klasifikasi"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Kasus"), "id"),
        (QT_TRANSLATE_NOOP("OutgoingModel", "Dicatat oleh"), "id"),
    )

    def __init__(self, ctx: GuiContext, parent=None):  # noqa: ANN001
        super().__init__("id", True, parent)
        self.ctx = ctx

    def _fetch(self, offset: int) -> list[OutgoingRow]:
        return letters.outgoing_page(self.ctx.ws, limit=self.PAGE, offset=offset, descending=self._descending,
                                     viewer=self.ctx.actor, **self.filters)

    def _count(self) -> int:
        return letters.outgoing_total(self.ctx.ws, **self.filters)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: OutgoingRow = self._rows[index.row()]
        column = index.column()
        if row.void and (look := _void_look(row, column, role, 0)) is not NotImplemented:
            return look
        if role == Qt.ItemDataRole.DisplayRole:
            case = row.case_number or DASH
            if row.case_number and row.step_no:
                case = self.tr("{0} kegiatan {1}").format(row.case_number, row.step_no)
            values = (_void_mark(row.number) if row.void else row.number, tanggal(row.letter_date),
                      row.recipient or DASH, row.subject,
                      row.classification or DASH, case, row.created_by)
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return f"{row.recipient or DASH}\n{row.subject}"
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self.tr("Nomor otomatis menurut pola") if row.automatic else self.tr("Nomor ditulis tangan")
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        return None


class ExpeditionModel(PagedTableModel):
    """The buku ekspedisi in its own order (sent time), as it is printed."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("ExpeditionModel", "No"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Dikirim"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Nomor surat"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Perihal"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Tujuan"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Nama penerima"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Diterima"), "sent"),
        (QT_TRANSLATE_NOOP("ExpeditionModel", "Ditandatangani oleh"), "sent"),
    )

    def __init__(self, ctx: GuiContext, parent=None):  # noqa: ANN001
        super().__init__("sent", False, parent)
        self.ctx = ctx

    def _fetch(self, offset: int) -> list[ExpeditionRow]:
        return expedition.expedition_page(self.ctx.ws, limit=self.PAGE, offset=offset,
                                          descending=self._descending, viewer=self.ctx.actor, **self.filters)

    def _count(self) -> int:
        return expedition.expedition_total(self.ctx.ws, **self.filters)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: ExpeditionRow = self._rows[index.row()]
        column = index.column()
        tz = self.ctx.ws.calendar.tz
        if row.void and (look := _void_look(row, column, role, 6)) is not NotImplemented:
            return look
        if role == Qt.ItemDataRole.DisplayRole:
            got = f"{row.received_at.astimezone(tz):%d-%m-%Y}" if row.received_at else self.tr("belum diterima")
            if row.void:
                got = _t("BATAL")  # the column that marks a void
            values = (str(row.id), _short_time(row.sent_at, tz),
                      row.letter_number or DASH, row.subject,
                      row.destination or DASH, row.recipient_name or DASH, got, row.signed_by or DASH)
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (2, 3):
                case = self.tr("kasus {0}").format(row.case_number) if row.case_number else ""
                return "\n".join(part for part in (row.subject, case) if part)
            if column == 1:
                return waktu_lokal(row.sent_at, tz)
            if column == 6 and row.receipt_file:
                return self.tr("Pindaian tanda terima: {0}").format(row.receipt_file)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == 6 and row.pending:
            return QBrush(PENDING)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


# --- dialogs -----------------------------------------------------------------------------------------

class IncomingDialog(QDialog):
    """Catat surat masuk: the fields of engine.letters.IncomingForm."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: tuple[str, str | None] | None = None
        self.setWindowTitle(self.tr("Catat surat masuk"))
        tz = ctx.ws.calendar.tz
        now = ctx.ws.clock().astimezone(tz)
        self.sender = QLineEdit()
        self.sender.setMaxLength(300)
        self.sender.setPlaceholderText(self.tr("mis. Pimpinan DPRD Kota Kupang"))
        self.subject = QPlainTextEdit()
        self.subject.setTabChangesFocus(True)
        self.subject.setFixedHeight(64)
        self.number = QLineEdit()
        self.number.setMaxLength(200)
        self.number.setPlaceholderText(self.tr("mis. 170/DPRD/III/2026"))
        self.has_date = QCheckBox(self.tr("ada"))
        self.letter_date = _date_edit(now.date())
        self.letter_date.setEnabled(False)
        self.has_date.toggled.connect(self.letter_date.setEnabled)
        dated = QHBoxLayout()
        dated.addWidget(self.has_date)
        dated.addWidget(self.letter_date, 1)
        self.received = DateTimeField(QDateTime(QDate(now.date()), QTime(now.hour, now.minute)))
        self.received.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.received.setCalendarPopup(True)
        self.classification = QLineEdit()
        self.classification.setMaxLength(60)
        self.classification.setPlaceholderText(self.tr("mis. PP.01"))
        self.sifat = QComboBox()
        for code, label in SIFAT.items():
            self.sifat.addItem(_t(label), code)
        self.starts = QComboBox()
        self.starts.addItem(_t(NO_CASE), None)
        for code, label in letters.letter_kinds(ctx.ws).items():  # from the installed catalog (issue #13)
            self.starts.addItem(label, code)
        self.case = QLineEdit()
        self.case.setMaxLength(40)
        self.case.setPlaceholderText(self.tr("nomor kasus yang sudah ada, mis. PP/2026/0001"))
        self.starts.currentIndexChanged.connect(lambda _: self.case.setEnabled(self.starts.currentData() is None))
        self.scan = FileSlot(self.tr("pindaian surat masuk"))
        self.fields = {"sender": self.sender, "subject": self.subject, "number": self.number,
                       "letter_date": self.letter_date, "received_at": self.received,
                       "classification": self.classification, "sifat": self.sifat, "starts": self.starts,
                       "case": self.case}

        form = QFormLayout()
        form.addRow(self.tr("&Pengirim *"), self.sender)
        form.addRow(self.tr("P&erihal *"), self.subject)
        form.addRow(self.tr("&Nomor surat"), self.number)
        form.addRow(self.tr("Tanggal surat"), dated)
        form.addRow(self.tr("&Diterima ({0})").format(ctx.ws.calendar.tz_name), self.received)
        form.addRow(self.tr("&Kode klasifikasi"), self.classification)
        form.addRow(self.tr("&Sifat"), self.sifat)
        form.addRow(self.tr("&Memulai kasus"), self.starts)
        form.addRow(self.tr("Masuk ke kasus"), self.case)
        form.addRow(self.tr("Pindaian surat"), self.scan)
        note = QLabel(self.tr("Permohonan informasi memulai kasus Pelayanan Publik: pencatatan oleh Help Desk "
                              "sekaligus menyelesaikan kegiatan penerimaan surat, lalu kasus menunggu disposisi "
                              "pimpinan; usulan PAW memulai kasus PAW (tenggat jawabannya dihitung dari waktu "
                              "diterima)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        self.error = error_label("dialogError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def form(self) -> letters.IncomingForm:
        received = self.received.dateTime().toPython().replace(tzinfo=self.ctx.ws.calendar.tz)
        return letters.IncomingForm(
            sender=self.sender.text(), subject=self.subject.toPlainText(), number=self.number.text() or None,
            letter_date=self.letter_date.date().toPython() if self.has_date.isChecked() else None,
            received_at=received, classification=self.classification.text() or None,
            sifat=self.sifat.currentData(), starts=self.starts.currentData(),
            case=(self.case.text() or None) if self.case.isEnabled() else None, scan=self.scan.path)

    def submit(self) -> None:
        try:
            self.result_value = letters.register_incoming(self.ctx.ws, self.ctx.actor, self.form())
        except Exception as exc:  # noqa: BLE001 - a refusal is shown in the dialog, a bug logged
            _show_in(self, self.error, exc, self.fields)
            return
        self.accept()


class OutgoingDialog(QDialog):
    """Catat surat keluar: numbered with the office's pattern (the next number is shown) or
    under a number written by hand; dispatched letters enter the buku ekspedisi."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: letters.Registered | None = None
        self.setWindowTitle(self.tr("Catat surat keluar"))
        try:
            default_classification = load_letter_settings(ctx.ws.data_dir).default_classification
        except UserError:
            default_classification = ""
        self.recipient = QLineEdit()
        self.recipient.setMaxLength(300)
        self.recipient.setPlaceholderText(self.tr("mis. Bawaslu Kota Kupang"))
        self.subject = QPlainTextEdit()
        self.subject.setTabChangesFocus(True)
        self.subject.setFixedHeight(64)
        self.classification = QLineEdit(default_classification)
        self.classification.setMaxLength(60)
        self.letter_date = _date_edit(_today(ctx))
        self.automatic = QRadioButton(self.tr("Nomor &otomatis"))
        self.manual = QRadioButton(self.tr("Nomor yang sudah &ditulis"))
        self.automatic.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.automatic)
        group.addButton(self.manual)
        self.preview = QLabel()
        self.preview.setObjectName("nextNumber")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number = QLineEdit()
        self.number.setMaxLength(200)
        self.number.setEnabled(False)
        self.manual.toggled.connect(self.number.setEnabled)
        numbers = QGridLayout()
        numbers.addWidget(self.automatic, 0, 0)
        numbers.addWidget(self.preview, 0, 1)
        numbers.addWidget(self.manual, 1, 0)
        numbers.addWidget(self.number, 1, 1)
        numbers.setColumnStretch(1, 1)
        self.case = QLineEdit()
        self.case.setMaxLength(40)
        self.case.setPlaceholderText(self.tr("mis. PP/2026/0001 (boleh kosong)"))
        self.step = QSpinBox()
        self.step.setRange(0, 999)
        self.step.setSpecialValueText(DASH)
        self.recipient_name = QLineEdit()
        self.recipient_name.setMaxLength(200)
        self.recipient_name.setPlaceholderText(self.tr("nama orang yang dituju (boleh kosong)"))
        self.dispatch = QCheckBox(self.tr("Catat di buku ekspedisi (surat dikirim)"))
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
        form.addRow(self.tr("Tanggal surat"), self.letter_date)
        form.addRow(self.tr("Nomor surat"), numbers)
        form.addRow(self.tr("Kasus"), self.case)
        form.addRow(self.tr("Kegiatan kasus"), self.step)
        form.addRow(self.tr("Nama penerima"), self.recipient_name)
        form.addRow("", self.dispatch)
        self.error = error_label("dialogError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 0)
        self.update_preview()

    def update_preview(self) -> None:
        try:
            number = letters.next_outgoing_number(self.ctx.ws, self.classification.text().strip() or None,
                                                  self.letter_date.date().toPython())
        except UserError as exc:
            self.preview.setText(self.tr("pola nomor tidak dapat dipakai: {0}").format(exc))
            return
        self.preview.setText(self.tr("berikutnya: {0}").format(number))

    def form(self) -> letters.OutgoingForm:
        return letters.OutgoingForm(
            recipient=self.recipient.text(), subject=self.subject.toPlainText(),
            classification=self.classification.text() or None,
            number=(self.number.text() or None) if self.manual.isChecked() else None,
            letter_date=self.letter_date.date().toPython(), case=self.case.text().strip() or None,
            step=self.step.value() or None, recipient_name=self.recipient_name.text() or None,
            dispatch=self.dispatch.isChecked())

    def submit(self) -> None:
        if self.manual.isChecked() and not self.number.text().strip():
            _show_in(self, self.error, FieldError("number", self.tr("Tulis nomor surat, atau pilih nomor otomatis.")),
                     self.fields)
            return
        try:
            self.result_value = letters.register_outgoing(self.ctx.ws, self.ctx.actor, self.form())
        except Exception as exc:  # noqa: BLE001
            _show_in(self, self.error, exc, self.fields)
            return
        self.accept()


class DispositionDialog(QDialog):
    """Lembar disposisi on one incoming letter: units of the organisation directory (tick
    boxes) and the instruction; dispositions.dispose moves the case when the SOP allows."""

    def __init__(self, ctx: GuiContext, agenda: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.agenda = agenda
        self.result_value: dispositions.Disposed | None = None
        self.setWindowTitle(self.tr("Disposisi surat {0}").format(agenda))
        with ctx.ws.db.reading() as session:
            letter = letters.get_incoming(session, agenda)
            sender, subject = letter.sender, letter.subject
            case_number = session.scalar(select(Case.number).where(Case.id == letter.case_id)) \
                if letter.case_id else None
        self.case_number = case_number
        summary = QLabel()
        summary.setObjectName("letterSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        lines = [self.tr("{0} dari {1}").format(agenda, sender), subject]
        if case_number:
            lines.append(self._case_state(case_number))
        summary.setText("\n".join(lines))

        self.units: dict[str, QCheckBox] = {}
        units_box = QGroupBox(self.tr("Diteruskan kepada"))
        columns = QHBoxLayout(units_box)
        for title, group in ((self.tr("Anggota KPU / Divisi"), "divisi"), (self.tr("Sekretariat"), "sekretariat")):
            column = QVBoxLayout()
            heading = QLabel(f"<b>{title}</b>")
            column.addWidget(heading)
            for place in unit_directory(ctx.ws.catalog.organisations.values()).group(group):
                unit, depth = place.unit, place.depth
                box = QCheckBox(unit.nama)
                box.setObjectName(f"unit_{unit.kode}")
                box.setToolTip(self.tr("Dikerjakan oleh peran {0}").format(unit.peran))
                row_layout = QHBoxLayout()
                row_layout.setContentsMargins(18 * depth, 0, 0, 0)
                row_layout.addWidget(box)
                column.addLayout(row_layout)
                self.units[unit.kode] = box
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(units_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumHeight(300)

        self.instruction = QPlainTextEdit()
        self.instruction.setObjectName("instruction")
        self.instruction.setTabChangesFocus(True)
        self.instruction.setPlaceholderText(self.tr("mis. Mohon disiapkan data yang diminta dan dijawab sesuai SOP"))
        self.instruction.setFixedHeight(80)
        self.route = QCheckBox(self.tr("Teruskan kasus sesuai SOP bila kasus menunggu disposisi"))
        self.route.setChecked(True)
        self.route.setEnabled(case_number is not None)
        self.error = error_label("dialogError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan disposisi"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Isi disposisi *")))
        layout.addWidget(self.instruction)
        layout.addWidget(self.route)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(980, 660)
        self.instruction.setFocus()  # the one thing always typed; the units are ticked with the mouse

    def _case_state(self, number: str) -> str:
        try:
            waiting = _waiting_step(self.ctx, number)
        except UserError:
            return self.tr("Kasus {0}").format(number)
        if waiting is None:
            return self.tr("Kasus {0} tidak berjalan lagi").format(number)
        return self.tr("Kasus {0} menunggu di kegiatan {1} ({2})").format(number, waiting["step"], waiting["role"])

    def chosen(self) -> list[str]:
        return [kode for kode, box in self.units.items() if box.isChecked()]

    def submit(self) -> None:
        try:
            self.result_value = dispositions.dispose(self.ctx.ws, self.ctx.actor, self.agenda, self.chosen(),
                                                     self.instruction.toPlainText(),
                                                     route=self.route.isChecked() and self.route.isEnabled())
        except Exception as exc:  # noqa: BLE001
            _show_in(self, self.error, exc, {"instruction": self.instruction})
            return
        self.accept()


class ReceiptDialog(QDialog):
    """Tandai diterima: when the signed receipt of an expedition entry came back, who signed,
    and the scan of the signed page."""

    def __init__(self, ctx: GuiContext, row: ExpeditionRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.result_value: expedition.Received | None = None
        self.setWindowTitle(self.tr("Tanda terima ekspedisi nomor {0}").format(row.id))
        tz = ctx.ws.calendar.tz
        sent = row.sent_at.astimezone(tz).date()
        summary = QLabel(self.tr("{0} kepada {1}, dikirim {2}").format(
            row.letter_number or row.subject[:80], row.destination or DASH, tanggal(sent)))
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.day = _date_edit(_today(ctx))
        self.day.setMinimumDate(QDate(sent))
        self.day.setMaximumDate(QDate(_today(ctx)))
        self.signed_by = QLineEdit(row.recipient_name or "")
        self.signed_by.setMaxLength(200)
        self.signed_by.setPlaceholderText(self.tr("nama yang menandatangani tanda terima"))
        self.scan = FileSlot(self.tr("tanda terima yang ditandatangani"))
        form = QFormLayout()
        form.addRow(self.tr("&Tanggal terima"), self.day)
        form.addRow(self.tr("&Ditandatangani oleh *"), self.signed_by)
        form.addRow(self.tr("Pindaian tanda terima"), self.scan)
        self.error = error_label("dialogError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def submit(self) -> None:
        try:
            self.result_value = expedition.mark_received(self.ctx.ws, self.ctx.actor, self.row.id,
                                                         self.day.date().toPython(), self.signed_by.text(),
                                                         self.scan.path)
        except Exception as exc:  # noqa: BLE001
            _show_in(self, self.error, exc, {"signed_by": self.signed_by})
            return
        self.accept()


def _show_in(dialog: QDialog, label: QLabel, exc: BaseException, fields: dict[str, QWidget]) -> None:
    """A refusal shown inside the dialog (next to the form), the named field focused; a bug
    goes to the log and a message box."""
    if not isinstance(exc, UserError):
        show_error(dialog, exc)
        return
    label.setText(str(exc))
    label.show()
    widget = fields.get(getattr(exc, "field", ""))
    if widget is not None:
        widget.setFocus()


def _waiting_step(ctx: GuiContext, number: str) -> dict | None:
    """The open work item of a case (None when it no longer runs)."""
    detail = queries.case_detail(ctx.ws, number, ctx.actor)
    return next((i for i in detail["items"] if i["status"] == "open"), None)


# --- the page ------------------------------------------------------------------------------------------

class LettersPage(QWidget):
    """Three tabs: Surat masuk, Surat keluar, Buku ekspedisi."""

    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.worker = worker
        self.registrars, self.disposers, self.receivers = (
            registrar_roles(ctx.ws), disposer_roles(ctx.ws), expedition_roles(ctx.ws))  # office settings
        self.may_register = _may(ctx, self.registrars)
        self.may_dispose = _may(ctx, self.disposers)
        self.may_receive = _may(ctx, self.receivers)
        self.printing = False
        self.tabs = QTabWidget()
        self.tabs.addTab(self._incoming_tab(), self.tr("Surat masuk"))
        self.tabs.addTab(self._outgoing_tab(), self.tr("Surat keluar"))
        self.tabs.addTab(self._expedition_tab(), self.tr("Buku ekspedisi"))
        searches = (self.incoming_search, self.outgoing_search, self.expedition_search)
        self.tabs.currentChanged.connect(lambda index: searches[index].setFocus() if self.isVisible() else None)
        self.status = QLabel()
        self.status.setObjectName("lettersStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        ctx.data_changed.connect(self.reload)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        # typing searches at once; Ctrl+Tab (from the search box) goes to the next tab
        searches = (self.incoming_search, self.outgoing_search, self.expedition_search)
        searches[self.tabs.currentIndex()].setFocus()

    # --- building ------------------------------------------------------------------------------------
    def _table(self, model: PagedTableModel, widths: tuple[int, ...], stretch: int) -> QTableView:
        """A table of `model`; column `stretch` (the perihal) takes the room the others leave."""
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        keep_readable(table, stretch)  # at 1024x768 the others fill the view: the perihal keeps 160 px
        return table

    def _stacked(self, table: QTableView, name: str) -> tuple[QWidget, QStackedLayout, QLabel]:
        """The table and, in its place when there is nothing to list, a sentence saying why.
        The layout lives on its own widget: a parentless QStackedLayout would show its first
        widget as a window of its own (and take the activation from the main window)."""
        empty = QLabel()
        empty.setObjectName(name)
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet(EMPTY_STYLE)
        holder = QWidget()
        stack = QStackedLayout(holder)
        stack.addWidget(table)
        stack.addWidget(empty)
        return holder, stack, empty

    def _search(self, placeholder: str, reload: Callable[[], None]) -> tuple[QLineEdit, QTimer]:
        edit = QLineEdit()
        edit.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        timer = QTimer(self, singleShot=True, interval=300)
        timer.timeout.connect(reload)
        edit.textChanged.connect(timer.start)
        return edit, timer

    def _years(self, column) -> QComboBox:  # noqa: ANN001 - a year column
        combo = QComboBox()
        combo.addItem(self.tr("Semua tahun"), None)
        this_year = _today(self.ctx).year
        with self.ctx.ws.db.reading() as session:
            first = session.scalar(select(func.min(column))) or this_year
        for year in range(max(this_year, first), min(first, this_year - 2) - 1, -1):
            combo.addItem(str(year), year)
        return combo

    def _button(self, text: str, slot: Callable[[], None], allowed: bool = True, who: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setProperty("allowed", allowed)
        if not allowed:
            button.setEnabled(False)
            button.setToolTip(self.tr("Hanya untuk peran {0} atau administrator").format(who))
        return button

    def _correction_buttons(self, which: str) -> tuple[QPushButton, QPushButton]:
        """Koreksi… and Batalkan… of the selected line of one register (incoming, outgoing,
        expedition); enabled for the line's registrar and administrators."""
        correct = QPushButton(self.tr("Ko&reksi…"))
        correct.setObjectName(f"{which}Correct")
        correct.clicked.connect(lambda: self.correct(which))
        void = QPushButton(self.tr("Batalk&an…"))
        void.setObjectName(f"{which}Void")
        void.clicked.connect(lambda: self.void(which))
        if not hasattr(self, "correction_buttons"):
            self.correction_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self.correction_buttons[which] = (correct, void)
        return correct, void

    def _incoming_tab(self) -> QWidget:
        self.incoming_model = IncomingModel(self.ctx, self)
        self.incoming_search, self.incoming_timer = self._search(
            self.tr("Cari nomor surat, pengirim atau perihal…"), self.reload_incoming)
        self.incoming_year = self._years(IncomingLetter.year)
        self.incoming_year.currentIndexChanged.connect(self.reload_incoming)
        filters = QHBoxLayout()
        filters.addWidget(self.incoming_search, 1)
        filters.addWidget(self.incoming_year)
        self.incoming_table = self._table(self.incoming_model, (110, 120, 175, 210, 0, 70, 120, 80), stretch=4)
        self.incoming_table.doubleClicked.connect(lambda _: self.dispose() if self.may_dispose else None)
        holder, self.incoming_stack, self.incoming_empty = self._stacked(self.incoming_table, "incomingEmpty")
        self.incoming_summary = QLabel()
        self.register_in_button = self._button(self.tr("Catat surat &masuk…"), self.register_incoming,
                                               self.may_register, " / ".join(self.registrars))
        self.dispose_button = self._button(self.tr("&Disposisi…"), self.dispose, self.may_dispose,
                                           " / ".join(self.disposers))
        self.print_disposition_button = self._button(self.tr("Cetak lembar disposisi"), self.print_disposition)
        actions = QHBoxLayout()
        actions.addWidget(self.incoming_summary, 1)
        for button in (self.register_in_button, self.dispose_button, *self._correction_buttons("incoming"),
                       self.print_disposition_button):
            actions.addWidget(button)
        self.incoming_table.selectionModel().selectionChanged.connect(self._update_buttons)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(holder, 1)
        layout.addLayout(actions)
        return tab

    def _outgoing_tab(self) -> QWidget:
        self.outgoing_model = OutgoingModel(self.ctx, self)
        self.outgoing_search, self.outgoing_timer = self._search(
            self.tr("Cari nomor surat, tujuan atau perihal…"), self.reload_outgoing)
        self.outgoing_year = self._years(OutgoingLetter.year)
        self.outgoing_year.currentIndexChanged.connect(self.reload_outgoing)
        filters = QHBoxLayout()
        filters.addWidget(self.outgoing_search, 1)
        filters.addWidget(self.outgoing_year)
        self.outgoing_table = self._table(self.outgoing_model, (190, 125, 210, 0, 90, 170, 110), stretch=3)
        holder, self.outgoing_stack, self.outgoing_empty = self._stacked(self.outgoing_table, "outgoingEmpty")
        self.outgoing_summary = QLabel()
        self.register_out_button = self._button(self.tr("Catat surat &keluar…"), self.register_outgoing,
                                                self.may_register, " / ".join(self.registrars))
        actions = QHBoxLayout()
        actions.addWidget(self.outgoing_summary, 1)
        actions.addWidget(self.register_out_button)
        for button in self._correction_buttons("outgoing"):
            actions.addWidget(button)
        self.outgoing_table.selectionModel().selectionChanged.connect(self._update_buttons)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(holder, 1)
        layout.addLayout(actions)
        return tab

    def _expedition_tab(self) -> QWidget:
        self.expedition_model = ExpeditionModel(self.ctx, self)
        today = _today(self.ctx)
        self.date_from = _date_edit(today.replace(day=1))
        self.date_to = _date_edit(today)
        self.pending = QCheckBox(self.tr("Hanya yang &belum diterima"))
        self.expedition_search, self.expedition_timer = self._search(
            self.tr("Cari nomor surat, perihal, tujuan atau penanda tangan…"), self.reload_expedition)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged, self.pending.toggled):
            signal.connect(self.reload_expedition)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Dikirim dari")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("sampai")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.pending)
        filters.addWidget(self.expedition_search, 1)
        self.expedition_table = self._table(self.expedition_model, (45, 120, 160, 0, 165, 130, 120, 150), stretch=3)
        self.expedition_table.doubleClicked.connect(lambda _: self.mark_received() if self.may_receive else None)
        holder, self.expedition_stack, self.expedition_empty = self._stacked(self.expedition_table, "expeditionEmpty")
        self.expedition_summary = QLabel()
        self.expedition_summary.setWordWrap(True)  # wraps instead of widening the page at 1024x768
        self.receive_button = self._button(self.tr("&Tandai diterima…"), self.mark_received, self.may_receive,
                                           " / ".join(self.receivers))
        self.print_book_button = self._button(self.tr("Cetak buku ekspedisi"), self.print_expedition)
        self.print_book_button.setToolTip(self.tr("Semua entri yang dikirim pada rentang tanggal ini (pencarian "
                                                  "tidak ikut dicetak)"))
        actions = QHBoxLayout()
        actions.addWidget(self.expedition_summary, 1)
        actions.addWidget(self.receive_button)
        for button in self._correction_buttons("expedition"):
            actions.addWidget(button)
        actions.addWidget(self.print_book_button)
        self.expedition_table.selectionModel().selectionChanged.connect(self._update_buttons)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(holder, 1)
        layout.addLayout(actions)
        return tab

    # --- data ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_incoming()
        self.reload_outgoing()
        self.reload_expedition()

    def reload_incoming(self) -> None:
        search = self.incoming_search.text().strip() or None
        year = self.incoming_year.currentData()
        kept = self._selected_key(self.incoming_table, self.incoming_model)
        self.incoming_model.set_filters(year=year, search=search)
        total = self.incoming_model.total
        self.incoming_summary.setText(self.tr("{0} surat masuk").format(total))
        if total:
            self.incoming_stack.setCurrentWidget(self.incoming_table)
            self._reselect(self.incoming_table, self.incoming_model, kept)
        else:
            self.incoming_empty.setText(
                self.tr("Tidak ada surat masuk yang cocok dengan pencarian atau tahun yang dipilih.")
                if search or year else
                self.tr("Belum ada surat masuk. Catat setiap surat yang diterima kantor dengan “Catat surat "
                        "masuk…”: surat diberi nomor agenda, dan permohonan informasi atau usulan PAW langsung "
                        "memulai kasusnya."))
            self.incoming_stack.setCurrentWidget(self.incoming_empty)
        self._update_buttons()

    def reload_outgoing(self) -> None:
        search = self.outgoing_search.text().strip() or None
        year = self.outgoing_year.currentData()
        kept = self._selected_key(self.outgoing_table, self.outgoing_model)
        self.outgoing_model.set_filters(year=year, search=search)
        total = self.outgoing_model.total
        self.outgoing_summary.setText(self.tr("{0} surat keluar").format(total))
        if total:
            self.outgoing_stack.setCurrentWidget(self.outgoing_table)
            self._reselect(self.outgoing_table, self.outgoing_model, kept)  # the newest line, as Surat masuk
        else:
            self.outgoing_empty.setText(
                self.tr("Tidak ada surat keluar yang cocok dengan pencarian atau tahun yang dipilih.")
                if search or year else
                self.tr("Belum ada surat keluar. Surat keluar dicatat dengan “Catat surat keluar…” atau "
                        "otomatis ketika kegiatan SOP menghasilkan surat; setiap surat yang dikirim masuk ke "
                        "buku ekspedisi."))
            self.outgoing_stack.setCurrentWidget(self.outgoing_empty)

    def expedition_range(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def reload_expedition(self) -> None:
        start, end = self.expedition_range()
        search = self.expedition_search.text().strip() or None
        if end < start:
            self.expedition_model.set_filters(start=start, end=start - timedelta(days=1))
            self.expedition_summary.setText("")
            self.expedition_empty.setText(self.tr("Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal."))
            self.expedition_stack.setCurrentWidget(self.expedition_empty)
            self._update_buttons()
            return
        kept = self._selected_key(self.expedition_table, self.expedition_model)
        self.expedition_model.set_filters(start=start, end=end, pending=self.pending.isChecked(), search=search)
        total = self.expedition_model.total
        pending = expedition.expedition_total(self.ctx.ws, start=start, end=end, pending=True)
        self.expedition_summary.setText(self.tr("{0} entri ditampilkan · {1} belum diterima pada rentang ini")
                                        .format(total, pending))
        if total:
            self.expedition_stack.setCurrentWidget(self.expedition_table)
            self._reselect(self.expedition_table, self.expedition_model, kept)
        else:
            period = f"{tanggal(start)} – {tanggal(end)}"
            if search:
                message = self.tr("Tidak ada entri yang cocok dengan pencarian pada {0}.").format(period)
            elif self.pending.isChecked():
                message = self.tr("Semua yang dikirim pada {0} sudah diterima.").format(period)
            else:
                message = self.tr("Tidak ada pengiriman pada {0}. Setiap surat keluar yang dicatat, dan setiap "
                                  "kegiatan SOP yang menyerahkan dokumen, masuk ke buku ekspedisi.").format(period)
            self.expedition_empty.setText(message)
            self.expedition_stack.setCurrentWidget(self.expedition_empty)
        self._update_buttons()

    def _selected_key(self, table: QTableView, model: PagedTableModel) -> object:
        row = self._selected(table, model)
        return None if row is None else model.key(row)

    @staticmethod
    def _reselect(table: QTableView, model: PagedTableModel, key: object) -> None:
        """After a reload the line worked on stays selected (a disposition, a receipt, a change
        made in another screen), so the next button acts on it; else the newest line."""
        row = model.row_of(key) if key is not None else None
        table.selectRow(0 if row is None else row)

    def _selected(self, table: QTableView, model: PagedTableModel):  # noqa: ANN202
        rows = table.selectionModel().selectedRows()
        if not rows or not model.total or rows[0].row() >= model.rowCount():
            return None
        return model.row_at(rows[0].row())

    def selected_letter(self) -> IncomingRow | None:
        return self._selected(self.incoming_table, self.incoming_model)

    def selected_entry(self) -> ExpeditionRow | None:
        return self._selected(self.expedition_table, self.expedition_model)

    def selected_outgoing(self) -> OutgoingRow | None:
        return self._selected(self.outgoing_table, self.outgoing_model)

    def _selected_in(self, which: str):  # noqa: ANN202 - a row of that register
        return {"incoming": self.selected_letter, "outgoing": self.selected_outgoing,
                "expedition": self.selected_entry}[which]()

    def _update_buttons(self) -> None:
        letter = self.selected_letter()
        entry = self.selected_entry()
        self.dispose_button.setEnabled(self.may_dispose and letter is not None and not letter.void)
        for which, (correct, void) in self.correction_buttons.items():
            row = self._selected_in(which)
            allowed = may_correct(self.ctx, row)
            why = ""
            if row is not None and row.void:
                why = self.tr("Baris ini sudah dibatalkan: {0}").format(row.void_reason)
            elif row is not None and not allowed:
                why = self.tr("Hanya pencatatnya ({0}) atau administrator").format(registrar_of(row))
            for button in (correct, void):
                button.setEnabled(allowed)
                button.setToolTip(why)
        self.print_disposition_button.setEnabled(letter is not None and not self.printing)
        self.receive_button.setEnabled(self.may_receive and entry is not None and entry.pending)
        self.print_book_button.setEnabled(not self.printing)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- actions -------------------------------------------------------------------------------------
    def register_incoming(self) -> IncomingDialog:
        dialog = IncomingDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._registered_incoming(dialog.result_value)
        return dialog

    def _registered_incoming(self, result: tuple[str, str | None]) -> None:
        agenda, case = result
        text = self.tr("Surat masuk dicatat dengan nomor agenda {0}").format(agenda)
        waiting = _waiting_step(self.ctx, case) if case else None
        if waiting is not None:  # where the case went: the registration may have done its first step
            text += self.tr("; kasus {0} menunggu di kegiatan {1} ({2})").format(case, waiting["step"],
                                                                              waiting["role"])
        elif case:
            text += self.tr("; kasus {0}").format(case)
        self._say(text)
        self.ctx.data_changed.emit()

    def register_outgoing(self) -> OutgoingDialog:
        dialog = OutgoingDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._registered_outgoing(dialog.result_value)
        return dialog

    def _registered_outgoing(self, done: letters.Registered) -> None:
        text = self.tr("Surat keluar dicatat dengan nomor {0}").format(done.number)
        if done.expedition_id:
            text += self.tr("; buku ekspedisi nomor {0}").format(done.expedition_id)
        self._say(text)
        self.ctx.data_changed.emit()

    def dispose(self) -> DispositionDialog | None:
        letter = self.selected_letter()
        if letter is None:
            return None
        try:
            dialog = DispositionDialog(self.ctx, letter.agenda, self)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._disposed(dialog.result_value)
        return dialog

    def _disposed(self, done: dispositions.Disposed) -> None:
        self._say(self.tr("Disposisi nomor {0} dicatat; {1}").format(done.disposition_id, done.message))
        self.ctx.data_changed.emit()

    def mark_received(self) -> ReceiptDialog | None:
        entry = self.selected_entry()
        if entry is None or not entry.pending:
            return None
        dialog = ReceiptDialog(self.ctx, entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._received(dialog.result_value)
        return dialog

    def _received(self, done: expedition.Received) -> None:
        tz = self.ctx.ws.calendar.tz
        self._say(self.tr("Ekspedisi nomor {0} diterima {1} oleh {2}").format(
            done.expedition_id, tanggal(done.received_at.astimezone(tz).date()), done.signed_by))
        self.ctx.data_changed.emit()

    def correct(self, which: str) -> CorrectionDialog | None:
        return self._amend(which, CorrectionDialog)

    def void(self, which: str) -> VoidDialog | None:
        return self._amend(which, VoidDialog)

    def _amend(self, which: str, dialog_class: type[CorrectionDialog] | type[VoidDialog]):  # noqa: ANN202
        row = self._selected_in(which)
        if not may_correct(self.ctx, row):
            return None
        dialog = dialog_class(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._amended(dialog.result_value, dialog.what())
        return dialog

    def _amended(self, done: corrections.Corrected | corrections.Voided, what: str) -> None:
        """`what`: the line named in the screen's language (the core's label is Indonesian)."""
        label = what[:1].upper() + what[1:]
        if isinstance(done, corrections.Corrected):
            fields = ", ".join(_t(corrections.FIELD_LABELS.get(name, name)) for name in done.changes)
            text = self.tr("{0} dikoreksi ({1})").format(label, fields)
        else:
            text = self.tr("{0} dibatalkan; nomornya tidak dipakai lagi").format(label)
            text += "".join(f"; {notice}" for notice in done.notices)
        self._say(text)
        self.ctx.data_changed.emit()

    # --- printing (on the worker thread) ----------------------------------------------------------------
    def print_disposition(self) -> None:
        letter = self.selected_letter()
        if letter is None:
            return
        from sopdesk.reports.disposition import render_disposition_sheet

        agenda = letter.agenda
        self._print(f"lembar-disposisi-{agenda.replace('/', '-')}.pdf",
                    lambda path: render_disposition_sheet(self.ctx.ws, agenda, path, viewer=self.ctx.actor))

    def print_expedition(self) -> None:
        start, end = self.expedition_range()
        if end < start:
            show_error(self, UserError(self.tr("Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal.")))
            return
        from sopdesk.reports.expedition import render_expedition_book

        pending = self.pending.isChecked()
        name = f"buku-ekspedisi-{start.isoformat()}-{end.isoformat()}" + ("-belum-diterima" if pending else "")
        self._print(f"{name}.pdf",
                    lambda path: render_expedition_book(self.ctx.ws, start, end, path, pending_only=pending,
                                                        viewer=self.ctx.actor))

    def _print(self, default_name: str, render: Callable[[Path], Path]) -> None:
        """Render on the worker (printing.print_pdf; the main window's busy bar runs meanwhile),
        then open the print preview; the print buttons wait until it is open."""

        def started() -> None:
            self.printing = True
            self._update_buttons()
            self._say(self.tr("Mencetak PDF…"))

        def finished(path: Path | None) -> None:
            self.printing = False
            self._update_buttons()
            self._say(self.tr("Pratinjau cetak dibuka: cetak atau simpan PDF dari sana.") if path
                      else self.tr("Gagal mencetak."))

        print_pdf(self, _Announcing(self.worker, started), default_name, render, finished)


class _Announcing:
    """The worker, telling the page when print_pdf hands it a job."""

    def __init__(self, worker: Worker, started: Callable[[], None]):
        self.worker = worker
        self.started = started

    def submit(self, call: Callable, on_done: Callable, on_error: Callable) -> None:
        self.started()
        self.worker.submit(call, on_done, on_error)

