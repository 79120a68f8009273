"""What the models, the dialogs and the page of Surat & Ekspedisi share: the labels translated
under the "Letters" context (sifat, the void mark, the fields named after a correction), the
colours of the registers, and the small helpers every dialog of this screen builds with."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateField
from sopdesk.gui.markers import QT_TRANSLATE_NOOP
from sopdesk.gui.messages import error_label
from sopdesk.gui.operation import Operation
from sopdesk.gui.shortcuts import shortcut

if TYPE_CHECKING:  # the preview (and PDFium) is loaded by gui.printing, not by every dialog of this screen
    from sopdesk.gui.print_preview import PrintPreviewDialog

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
# a tinted cell also carries a dot of a deeper ink: the selection's highlight
# paints over the tint, and the selected line (the letter the Ketua is about to dispose) lost its
# segera / rahasia mark (Xvfb, /tmp/h4/s/02_letters.png)
# (belum diterima has none: its text says it, and a dot cut it to "belum diteri…" at 1024x768)
MARK_INK = {URGENT.name(): QColor("#e8590c"), SECRET.name(): QColor("#c92a2a")}
_MARKS: dict[str, QIcon] = {}


def mark_icon(tint: QColor | None) -> QIcon | None:
    """The dot shown before the text of a cell tinted `tint`, the same when the line is selected
    (None: this tint has no dot)."""
    name = tint.name() if tint is not None else ""
    if name not in MARK_INK:
        return None
    icon = _MARKS.get(name)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = MARK_INK[name]
        painter.setPen(QPen(QColor("white"), 1))  # the dot's rim, seen on the highlight's blue too
        painter.setBrush(ink)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = QIcon()
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):  # not tinted by the highlight when selected
            icon.addPixmap(pixmap, mode)
        _MARKS[name] = icon
    return icon
VOID_INK = QColor("#8a8a8a")  # a void line: grey and struck through, its marking column says BATAL
# lupdate does not follow translate(CONTEXT, variable): these markers put the void mark's words in
# the translation source
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
T = TypeVar("T")


def letters_tr(text: str) -> str:
    """`text` translated under the shared "Letters" context (marked above with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(CONTEXT, text)


def today(ctx: GuiContext) -> date:
    """The office's date now."""
    return ctx.ws.calendar.local(ctx.ws.clock()).date()


def short_time(moment: datetime, tz: tzinfo) -> str:
    """24-11-2026 09:15 in office time (the zone is the same on every row)."""
    return f"{moment.astimezone(tz):%d-%m-%Y %H:%M}"


def may(ctx: GuiContext, roles: tuple[str, ...]) -> bool:
    """The user holds one of `roles`, or is an administrator."""
    return ctx.is_admin or bool(set(ctx.roles) & set(roles))


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day_of(edit: QDateEdit) -> date:
    """The day a date field shows."""
    return cast(date, edit.date().toPython())  # PySide's stub says `object`


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The (naive) date and time a date-time field shows."""
    return cast(datetime, edit.dateTime().toPython())  # PySide's stub says `object`


def date_edit(value: date) -> QDateEdit:
    """A day field (dd-MM-yyyy) with a calendar popup."""
    edit = DateField(qdate(value))
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


def line_edit(limit: int, placeholder: str = "", text: str = "") -> QLineEdit:
    """A one-line field of at most `limit` characters (the engine's limit)."""
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def subject_edit() -> QPlainTextEdit:
    """The perihal of a letter: a few lines, Tab leaves it."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


def save_buttons(save_text: str, cancel_text: str, accepted: Callable[[], None],
                 rejected: Callable[[], None]) -> QDialogButtonBox:
    """The Save and Cancel buttons of a dialog of this screen, with its own (translated) texts."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(rejected)
    return buttons


class CommandDialog(QDialog, Generic[T]):
    """A dialog of this screen that runs one engine command when Save is pressed: on the worker
    (gui.operation), a refusal shown in `error` next to the form with its field focused, Save
    disabled meanwhile; on success the result is kept in `result_value` and the dialog closes.
    Ctrl+Enter saves (from a multi-line field too). Subclasses end their layout with `_finish`
    and define `submit`."""

    error: QLabel
    save_button: QPushButton

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: T | None = None

    def _finish(self, layout: QVBoxLayout, save_text: str, cancel_text: str) -> None:
        """The inline error and the Save and Cancel buttons (with their translated texts) at
        the foot of the dialog."""
        self.error = error_label("dialogError")
        buttons = save_buttons(save_text, cancel_text, self.submit, self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(QCoreApplication.translate("Letters", "Simpan (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # saves from a multi-line field too, as in the step form
            shortcut(QKeySequence(keys), self, self._save_by_key)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _save_by_key(self) -> None:
        if self.save_button.isEnabled():  # not again while the command runs
            self.save_button.click()

    def submit(self) -> None:
        raise NotImplementedError

    def _run(self, call: Callable[[], T], fields: Mapping[str, QWidget]) -> None:
        Operation(self, self.ctx, call).inline(self.error, fields).disabling(self.save_button) \
            .success(self._done).run()

    def _done(self, result: T) -> None:
        self.result_value = result
        self.accept()


def watch_preview(preview: PrintPreviewDialog, say: Callable[[str], None]) -> None:
    """Have the status line follow `preview` (handed over by printing.print_pdf as it opens):
    saved, printed, or closed with neither ("Pratinjau cetak dibuka…" stayed after the preview
    was closed)."""
    went: list[str] = []  # what the preview did, said as it happens

    def saved(path: object) -> None:
        went.append("saved")
        say(QCoreApplication.translate("Letters", "PDF disimpan di {0}").format(path))

    def printed(sheets: int) -> None:
        went.append("printed")
        say(QCoreApplication.translate("Letters", "Dikirim ke printer ({0} lembar)").format(sheets))

    def closed(_result: int) -> None:
        if not went:
            say(QCoreApplication.translate("Letters", "Pratinjau cetak ditutup; belum dicetak atau disimpan."))

    preview.saved.connect(saved)
    preview.printed.connect(printed)
    preview.finished.connect(closed)
