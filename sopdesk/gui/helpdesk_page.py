"""The help desk (Desk Layanan Informasi): fast, keyboard-only registration of visitors and
information requesters (buku tamu + PPID Form Model B), and the list of today's visitors.

Keyboard: Tab moves top to bottom; Enter in a single-line field or a choice list saves
(Ctrl+Enter in the multi-line fields); while typing a name or an id number, past visitors
are offered below the field: Down/Up choose one, Enter fills the identity fields, Esc
closes the list. Ctrl+F goes to the search box of the visitor list, Ctrl+P prints the tanda
bukti of the visitor selected there (the one just registered), and the page says where the PDF
went. Tab passes through the list (it does not walk its cells), so the whole page is a plain
Tab chain. Showing the page (Ctrl+2 or the navigation) puts the cursor in Nama."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sopdesk import reports
from sopdesk.catalog.registry import PLAIN_PURPOSES
from sopdesk.engine import queries, visitors
from sopdesk.engine.visitor_lookup import (
    IDENTITY_FIELDS,
    MASKED_FIELDS,
    MIN_LOOKUP_CHARS,
    VisitorRow,
    find_returning_visitors,
    visitors_page,
)
from sopdesk.engine.visitors import DELIVERY_METHODS, OBTAIN_METHODS, PURPOSES, VisitorForm
from sopdesk.errors import FieldError, UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import ERROR_COLOR, show_error
from sopdesk.gui.printing import PeriodDialog, print_pdf

log = logging.getLogger("sopdesk.gui")

# The choice labels come from engine.visitors and reach tr() as variables, which lupdate cannot
# see; these markers put each label in the translation source under the class whose tr() shows it.
_TR_CHOICES = (
    # PURPOSES (VisitorTableModel._display)
    QT_TRANSLATE_NOOP("VisitorTableModel", "Permohonan informasi publik"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Bertamu / bertemu pejabat"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Pengaduan"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Konsultasi"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Lainnya"),
    # PURPOSES (HelpDeskPage._add_combo)
    QT_TRANSLATE_NOOP("HelpDeskPage", "Permohonan informasi publik"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Bertamu / bertemu pejabat"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Pengaduan"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Konsultasi"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Lainnya"),
    # OBTAIN_METHODS (HelpDeskPage._add_combo)
    QT_TRANSLATE_NOOP("HelpDeskPage", "Melihat / membaca / mendengarkan / mencatat"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mendapatkan salinan informasi (hardcopy)"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mendapatkan salinan informasi (softcopy)"),
    # DELIVERY_METHODS (HelpDeskPage._add_combo)
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mengambil langsung"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Kurir"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Pos"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Faksimili"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "E-mail"),
)

INFORMATION_REQUEST = "permohonan_informasi"  # the bundled PP's visitor door
INFO_FIELDS = ("info_requested", "directed_to", "info_use", "obtain_method", "delivery_method")
LOOKUP_FIELDS = ("name", "id_number")
LIST_LIMIT = 200
# the visitor list's columns (pixels): Nama and Instansi share the room left by the others but
# never shrink below a readable width (the list scrolls sideways instead); Keperluan is elided
NAME_MIN, INSTITUTION_MIN, PURPOSE_MAX = 150, 120, 190
RANGES = (("today", 1), ("7", 7), ("30", 30), ("all", None))  # key, days back (None: all)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
STYLE = f"""
QFrame#fieldFrame {{ border: 2px solid transparent; border-radius: 4px; }}
QFrame#fieldFrame[invalid="true"] {{ border-color: {ERROR_COLOR}; }}
QLabel#fieldError {{ color: {ERROR_COLOR}; }}
QLabel#statusLine[state="ok"] {{ color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;
    border-radius: 3px; }}
QLabel#statusLine[state="error"] {{ color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f4b4ae;
    border-radius: 3px; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; }}
QLabel#hint, QLabel#listNote {{ color: #555; }}
QLabel#emptyList {{ color: #666; font-size: 11pt; }}
QListWidget#suggestions {{ border: 1px solid #888; background: palette(base); }}
"""


def _restyle(widget: QWidget) -> None:
    """Apply a changed dynamic property to the style sheet."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class VisitorTableModel(QAbstractTableModel):
    """The desk's visitor list: one row per registration (time, name, institution, purpose,
    case). Rows come from engine.visitor_lookup.visitors_page, already filtered by SQL."""

    TIME, NAME, INSTITUTION, PURPOSE, CASE = range(5)
    VisitorIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, tz, parent: QObject | None = None):  # noqa: ANN001 - a tzinfo
        super().__init__(parent)
        self._tz = tz
        self._rows: list[VisitorRow] = []
        self.labels: dict[str, str] = dict(PURPOSES)  # + the catalog's visitor doors (HelpDeskPage)
        self._with_date = False
        self._headers = [self.tr("Waktu"), self.tr("Nama"), self.tr("Instansi"), self.tr("Keperluan"),
                         self.tr("Kasus")]

    def set_rows(self, rows: list[VisitorRow], with_date: bool = False, tz=None) -> None:  # noqa: ANN001
        """Show these rows; times with their date when the list spans several days, in `tz`
        (the office's time zone) when given."""
        self.beginResetModel()
        self._rows = list(rows)
        self._with_date = with_date
        self._tz = tz or self._tz
        self.endResetModel()

    def visitor_id(self, row: int) -> int:
        return self._rows[row].visitor_id

    def row_of(self, visitor_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.visitor_id == visitor_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PURPOSE and row.purpose_text:
                return row.purpose_text
            return self._display(row, column) or None
        if role == self.VisitorIdRole:
            return row.visitor_id
        return None

    def _display(self, row: VisitorRow, column: int) -> str:
        if column == self.TIME:
            local = row.registered_at.astimezone(self._tz)
            return f"{local:%d-%m-%Y %H:%M}" if self._with_date else f"{local:%H:%M}"
        if column == self.NAME:
            return row.name
        if column == self.INSTITUTION:
            return row.institution or ""
        if column == self.PURPOSE:
            return self.tr(self.labels.get(row.purpose, row.purpose))
        if column == self.CASE:
            return row.case_number or ""
        return ""


class HelpDeskPage(QWidget):
    """Registration form (left) and the visitor list (right).

    Signals: `visitor_registered(visitor_id, case_number)` after a registration (the case
    number is "" when no case was started); the page also emits `ctx.data_changed`."""

    visitor_registered = Signal(int, str)

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("helpDeskPage")
        self.setStyleSheet(STYLE)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._frames: dict[str, QFrame] = {}
        self._lookup_anchor: QLineEdit | None = None
        self.receipt_path: Path | None = None  # where the last tanda bukti was saved

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_form_panel())
        splitter.addWidget(self._build_list_panel())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        self._build_suggestions()
        self._set_tab_order()
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        ctx.data_changed.connect(self.refresh)
        self._purpose_changed()
        self.refresh()
        self.fields["name"].setFocus()

    def focus_first_field(self) -> None:
        """The cursor to Nama (the main window calls it whenever it shows this page)."""
        name = self.fields["name"]
        name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        name.selectAll()

    # --- building ---------------------------------------------------------------------------

    def _build_form_panel(self) -> QWidget:
        form_widget = QWidget()
        form_widget.setObjectName("registrationForm")
        outer = QVBoxLayout(form_widget)
        outer.setContentsMargins(4, 4, 12, 4)
        title = QLabel(self.tr("Pendaftaran tamu / pemohon informasi"))
        title.setObjectName("sectionTitle")
        outer.addWidget(title)

        self.form_layout = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(2)  # plus the outline frames' transparent borders
        self._add_line("name", self.tr("&Nama *"), self.tr("Nama lengkap sesuai identitas"))
        self._add_line("id_number", self.tr("Nomor &identitas (NIK)"),
                       self.tr("NIK 16 angka, atau nomor paspor / kartu lain"))
        self._add_line("institution", self.tr("Ins&tansi/Lembaga"))
        self._add_line("occupation", self.tr("&Pekerjaan"))
        self._add_line("address", self.tr("&Alamat"))
        self._add_line("phone", self.tr("Telepon/&HP"), self.tr("contoh: 0812 3456 7890"))
        self._add_line("email", self.tr("&E-mail"), self.tr("contoh: nama@contoh.id"))
        # the purposes that start a case come from the installed catalog (issue #13)
        self._add_combo("purpose", self.tr("&Keperluan *"), visitors.purposes(self.ctx.ws), self.tr("Pilih keperluan…"))
        self._add_text("purpose_text", self.tr("&Uraian keperluan"), 2)
        self._add_text("info_requested", self.tr("&Rincian informasi yang dibutuhkan *"), 3)
        self._add_combo("directed_to", self.tr("&Diarahkan kepada"),
                        {target: target for target in visitors.direction_targets(self.ctx.ws)},
                        none_label=self.tr("— belum dipilih —"), translate=False)
        self.fields["directed_to"].setToolTip(self.tr(
            "Pemohon diarahkan kepada Ketua, Sekretaris atau divisi yang dituju (kegiatan 2 SOP "
            "Pelayanan Publik, dicatat selesai bersama registrasi)"))
        self._add_text("info_use", self.tr("Tu&juan penggunaan informasi"), 2)
        self._add_combo("obtain_method", self.tr("Cara &memperoleh informasi"), OBTAIN_METHODS,
                        none_label=self.tr("— belum dipilih —"))
        self._add_combo("delivery_method", self.tr("Cara mendapatkan &salinan"), DELIVERY_METHODS,
                        none_label=self.tr("— belum dipilih —"))
        outer.addLayout(form)
        self.fields["purpose"].currentIndexChanged.connect(self._purpose_changed)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan (Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("K&osongkan formulir"))
        self.clear_button.clicked.connect(self._clear_clicked)
        for button in (self.save_button, self.clear_button):
            button.installEventFilter(self)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMargin(4)
        self.status.hide()
        outer.addWidget(self.status)
        hint = QLabel(self.tr("* wajib diisi. Enter menyimpan (Ctrl+Enter di kolom uraian); "
                              "saat mengetik nama atau NIK, tamu lama ditawarkan: ↓ memilih, "
                              "Enter mengisi, Esc menutup."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        outer.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_widget)
        scroll.setMinimumWidth(400)  # with the visitor list beside it, the page fits 1024x768
        scroll.verticalScrollBar().valueChanged.connect(self._hide_suggestions)
        self.form_scroll = scroll
        return scroll

    def _add_row(self, key: str, label_text: str, field: QWidget) -> None:
        field.setObjectName(key)
        field.installEventFilter(self)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        # the outline goes round the field, not on it: a style sheet on a field would replace
        # its native look (a combo box loses its arrow); the frame's border is transparent
        # until the field is wrong, so nothing moves when it turns red
        frame = QFrame()
        frame.setObjectName("fieldFrame")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)  # the border gives the inset
        frame_layout.addWidget(field)
        error.setContentsMargins(2, 0, 0, 0)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        box_layout.addWidget(frame)
        box_layout.addWidget(error)
        self._frames[key] = frame
        label = QLabel(label_text)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        label.setMinimumWidth(150)
        label.setMaximumWidth(230)
        # line the label's first line up with the field's first line, not with the top of its frame
        line_height = QLineEdit().sizeHint().height() + 4  # inside the 2-pixel outline frame
        label.setContentsMargins(0, max(0, (line_height - label.fontMetrics().height()) // 2), 0, 0)
        self.form_layout.addRow(label, box)
        self.fields[key] = field
        self.errors[key] = error
        self._rows[key] = box

    def _add_line(self, key: str, label: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _text, k=key: self._set_error(k, None))
        if key in LOOKUP_FIELDS:
            edit.textEdited.connect(lambda _text, e=edit: self._schedule_lookup(e))
        self._add_row(key, label, edit)

    def _add_text(self, key: str, label: str, lines: int) -> None:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        line = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(line * lines + 2 * edit.frameWidth() + 10)
        edit.textChanged.connect(lambda k=key: self._set_error(k, None))
        self._add_row(key, label, edit)

    def _add_combo(self, key: str, label: str, choices: dict[str, str], placeholder: str = "",
                   none_label: str | None = None, translate: bool = True) -> None:
        combo = QComboBox()
        if none_label is not None:
            combo.addItem(none_label, None)
        for value, text in choices.items():
            combo.addItem(self.tr(text) if translate else text, value)
        if placeholder:
            combo.setPlaceholderText(placeholder)
            combo.setCurrentIndex(-1)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.currentIndexChanged.connect(lambda _i, k=key: self._set_error(k, None))
        self._add_row(key, label, combo)

    def _build_list_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 4, 4, 4)
        heading = QHBoxLayout()
        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")
        heading.addWidget(self.list_title)
        heading.addStretch(1)
        layout.addLayout(heading)

        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Cari:"))
        self.search_box = QLineEdit()
        self.search_box.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
        self.search_box.setObjectName("visitorSearch")
        self.search_box.setPlaceholderText(self.tr("nama, instansi, NIK, telepon atau nomor kasus"))
        self.search_box.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_box)
        range_label = QLabel(self.tr("Rentan&g:"))
        self.range_combo = QComboBox()
        self.range_combo.setObjectName("visitorRange")
        for (key, _days), text in zip(RANGES, (self.tr("Hari ini"), self.tr("7 hari terakhir"),
                                               self.tr("30 hari terakhir"), self.tr("Semua")), strict=True):
            self.range_combo.addItem(text, key)
        range_label.setBuddy(self.range_combo)
        filters.addWidget(search_label)
        filters.addWidget(self.search_box, 1)
        filters.addWidget(range_label)
        filters.addWidget(self.range_combo)
        layout.addLayout(filters)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.range_combo.currentIndexChanged.connect(self.refresh)

        self.model = VisitorTableModel(self.ctx.ws.calendar.tz, self)
        self.model.labels.update({pintu.kode: pintu.label for pintu, _, _ in self.ctx.ws.catalog.doors("tamu")})
        self.table = QTableView()
        self.table.setObjectName("visitorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.installEventFilter(self)  # resized: the columns are fitted again
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyList")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        layout.addWidget(self.list_stack, 1)
        self.list_note = QLabel()
        self.list_note.setObjectName("listNote")
        self.list_note.hide()
        layout.addWidget(self.list_note)
        self.receipt_button = QPushButton(self.tr("Cetak tanda bukti… (Ctrl+P)"))
        self.receipt_button.setObjectName("receiptButton")
        self.receipt_button.setToolTip(self.tr("Tanda bukti permohonan untuk tamu yang dipilih di daftar "
                                               "(Ctrl+P)"))
        self.receipt_button.clicked.connect(self.print_receipt)
        self.register_button = QPushButton(self.tr("Cetak buku tamu…"))
        self.register_button.clicked.connect(self.print_register)
        prints = QHBoxLayout()
        prints.addStretch(1)
        prints.addWidget(self.receipt_button)
        prints.addWidget(self.register_button)
        layout.addLayout(prints)
        return panel

    def _build_suggestions(self) -> None:
        """Past visitors offered under Nama / Nomor identitas: a list that floats over the form
        (no layout jump) and never takes the focus, so typing goes on in the field."""
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.suggestions.itemClicked.connect(self._pick_suggestion)
        self.suggestions.hide()
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(150)
        self._lookup_timer.timeout.connect(self._lookup)

    def _set_tab_order(self) -> None:
        chain = [self.fields[k] for k in ("name", "id_number", "institution", "occupation", "address",
                                          "phone", "email", "purpose", "purpose_text", *INFO_FIELDS)]
        chain += [self.save_button, self.clear_button, self.search_box, self.range_combo, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- the form ---------------------------------------------------------------------------

    def form(self) -> VisitorForm:
        """What the form holds now, as the engine takes it (information-request fields only
        for an information request)."""
        values = {key: self._value(key) for key in self.fields}
        if values["purpose"] in PLAIN_PURPOSES or not values["purpose"]:  # no case: no request fields
            values.update(dict.fromkeys(INFO_FIELDS))
        values["purpose"] = values["purpose"] or ""
        return VisitorForm(**values)

    def _value(self, key: str) -> str | None:
        field = self.fields[key]
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def clear_form(self) -> None:
        """Empty every field and error; the purpose goes back to "not chosen"."""
        self._hide_suggestions()
        for field in self.fields.values():
            if isinstance(field, QComboBox):
                field.setCurrentIndex(-1 if field.placeholderText() else 0)
            else:
                field.clear()
        self._clear_errors()

    def _clear_clicked(self) -> None:
        self.clear_form()
        self._set_status(None)
        self.fields["name"].setFocus()

    def _purpose_changed(self) -> None:
        purpose = self.fields["purpose"].currentData()
        shown = bool(purpose) and purpose not in PLAIN_PURPOSES  # a front door: it starts a case
        for key in INFO_FIELDS:
            self.form_layout.setRowVisible(self._rows[key], shown)
            self.fields[key].setEnabled(shown)
            if not shown:
                self._set_error(key, None)

    def info_fields_visible(self) -> bool:
        return self.fields["info_requested"].isVisibleTo(self)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate, register, report; True when the visitor was recorded."""
        self._hide_suggestions()
        self._clear_errors()
        form = self.form()
        try:
            data = visitors.validate(form, visitors.purposes(self.ctx.ws))
            visitor_id, number = visitors.register_visitor(self.ctx.ws, self.ctx.actor, form)
        except FieldError as exc:
            self._show_field_error(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - refusals shown to the user, bugs logged by show_error
            self._set_status(self.tr("Tamu belum tercatat."), error=True)
            show_error(self, exc, self.tr("Tamu tidak dapat dicatat"))
            return False
        if number:
            text = self.tr("Tamu {name} tercatat; kasus {case} dimulai").format(name=data["name"], case=number)
            waiting = self._waiting_step(number)
            if waiting is not None:  # the registration did the desk's steps: say where the case went
                text += self.tr(", diteruskan ke kegiatan {step} ({role})").format(step=waiting[0], role=waiting[1])
        else:
            text = self.tr("Tamu {name} tercatat").format(name=data["name"])
        self.clear_form()
        self._set_status(text)
        self.fields["name"].setFocus()
        self.visitor_registered.emit(visitor_id, number or "")
        self.ctx.data_changed.emit()
        self._select_visitor(visitor_id)
        return True

    def _waiting_step(self, number: str) -> tuple[int, str] | None:
        """The step and role a case waits for (None if it cannot be read: only a message)."""
        try:
            items = queries.case_detail(self.ctx.ws, number, self.ctx.actor)["items"]
        except Exception:  # the registration is saved; the extra words are not worth an error
            log.exception("reading case %s after registration failed", number)
            return None
        return next(((i["step"], i["role"]) for i in items if i["status"] == "open"), None)

    def _show_field_error(self, exc: FieldError) -> None:
        if exc.field not in self.fields or not self.fields[exc.field].isEnabled():
            show_error(self, exc, self.tr("Tamu tidak dapat dicatat"))
            return
        message = str(exc)
        if isinstance(self.fields[exc.field], QComboBox):  # the engine names its codes; the desk sees a list
            message = self.tr("Pilih salah satu dari daftar (ketik huruf awalnya atau tekan ↓).")
        self._set_error(exc.field, message)
        self._set_status(self.tr("Tamu belum tercatat: perbaiki isian yang ditandai merah."), error=True)
        field = self.fields[exc.field]
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form_scroll.ensureWidgetVisible(self._rows[exc.field])

    def _set_error(self, key: str, message: str | None) -> None:
        label, field = self.errors[key], self.fields[key]
        invalid = bool(message)
        if label.isHidden() and not invalid:
            return
        label.setText(message or "")
        label.setVisible(invalid)
        field.setProperty("invalid", invalid)
        self._frames[key].setProperty("invalid", invalid)
        _restyle(self._frames[key])

    def _clear_errors(self) -> None:
        for key in self.errors:
            self._set_error(key, None)

    def field_error(self, key: str) -> str | None:
        """The error shown next to a field, if any."""
        label = self.errors[key]
        return None if label.isHidden() else label.text()

    def _set_status(self, text: str | None, error: bool = False) -> None:
        self.status.setText(text or "")
        self.status.setVisible(bool(text))
        self.status.setProperty("state", "error" if error else "ok")
        _restyle(self.status)

    def status_text(self) -> str:
        return self.status.text() if self.status.isVisibleTo(self) else ""

    # --- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress:
            if watched in self.fields.values():
                return self._field_key(watched, event)
            if watched in (self.save_button, self.clear_button) and event.key() in ENTER_KEYS:
                watched.click()  # a page is not a dialog: Enter on a button presses it, like Space
                return True
        if event.type() == QEvent.Type.Resize and watched is self.table:
            QTimer.singleShot(0, self._fit_columns)  # after the viewport took its new size
        if event.type() == QEvent.Type.FocusOut and watched is self._lookup_anchor:
            self._lookup_timer.stop()
            self._hide_suggestions()
        return super().eventFilter(watched, event)

    def _field_key(self, field: QWidget, event) -> bool:  # noqa: ANN001 - a QKeyEvent
        key = event.key()
        enter = key in ENTER_KEYS
        if self.suggestions.isVisible() and field is self._lookup_anchor:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_suggestion(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape:
                self._hide_suggestions()
                return True
            if enter and self.suggestions.currentItem() is not None:
                self._pick_suggestion(self.suggestions.currentItem())
                return True
        if not enter:
            return False
        if isinstance(field, QPlainTextEdit) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # a new line
        self.save()
        return True

    def _focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- returning visitors -----------------------------------------------------------------

    def _schedule_lookup(self, edit: QLineEdit) -> None:
        self._lookup_anchor = edit
        if len(edit.text().strip()) < MIN_LOOKUP_CHARS:
            self._lookup_timer.stop()
            self._hide_suggestions()
            return
        self._lookup_timer.start()

    def _lookup(self) -> None:
        edit = self._lookup_anchor
        if edit is None or not edit.hasFocus():
            return
        try:
            matches = find_returning_visitors(self.ctx.ws, self.ctx.actor, edit.text())
        except Exception:  # a convenience while typing: never interrupt the desk
            log.exception("looking up returning visitors failed")
            matches = []
        self.show_suggestions(matches)

    def show_suggestions(self, matches: list[dict]) -> None:
        self.suggestions.clear()
        if not matches or self._lookup_anchor is None:
            self._hide_suggestions()
            return
        for match in matches:
            item = QListWidgetItem(self._describe(match))
            item.setData(Qt.ItemDataRole.UserRole, match)
            item.setToolTip(self._describe(match, full=True))
            self.suggestions.addItem(item)
        anchor = self._lookup_anchor
        top_left = anchor.mapTo(self, QPoint(0, anchor.height() + 1))
        rows = min(len(matches), 6)
        height = rows * self.suggestions.sizeHintForRow(0) + 2 * self.suggestions.frameWidth() + 2
        self.suggestions.setGeometry(top_left.x(), top_left.y(), anchor.width(), height)
        self.suggestions.setCurrentRow(-1)
        self.suggestions.show()
        self.suggestions.raise_()

    def _describe(self, match: dict, full: bool = False) -> str:
        parts = [match["name"]]
        if match["id_number"]:
            parts.append(self.tr("NIK {number}").format(number=match["id_number"]))
        parts += [match[k] for k in ("institution", "phone") if match[k]]
        if full:
            parts += [match[k] for k in ("occupation", "address", "email") if match[k]]
        return " · ".join(parts)

    def _move_suggestion(self, step: int) -> None:
        count = self.suggestions.count()
        row = self.suggestions.currentRow()
        row = (0 if step > 0 else count - 1) if row < 0 else (row + step) % count
        self.suggestions.setCurrentRow(row)

    def _pick_suggestion(self, item: QListWidgetItem) -> None:
        match = item.data(Qt.ItemDataRole.UserRole)
        self._hide_suggestions()
        for key in IDENTITY_FIELDS:
            if match.get("masked") and key in MASKED_FIELDS:
                continue  # shown masked to recognise the person; never written into the form
            self.fields[key].setText(match.get(key) or "")
        self.fields["purpose"].setFocus(Qt.FocusReason.OtherFocusReason)
        self._set_status(self.tr("Data tamu lama diisikan: periksa, lalu pilih keperluan."))

    def _hide_suggestions(self) -> None:
        if self.suggestions.isVisible():
            self.suggestions.hide()

    def suggestion_texts(self) -> list[str]:
        if not self.suggestions.isVisible():
            return []
        return [self.suggestions.item(i).text() for i in range(self.suggestions.count())]

    # --- the visitor list -------------------------------------------------------------------

    def _range_bounds(self) -> tuple[datetime | None, datetime | None, int | None]:
        days = dict(RANGES)[self.range_combo.currentData()]
        tz = self.ctx.ws.calendar.tz
        today = self.ctx.ws.clock().astimezone(tz).date()
        end = datetime.combine(today + timedelta(days=1), time(0), tz).astimezone(timezone.utc)
        if days is None:
            return None, end, None
        start = datetime.combine(today - timedelta(days=days - 1), time(0), tz).astimezone(timezone.utc)
        return start, end, days

    def refresh(self) -> None:
        """Reload the visitor list for the chosen range and search text."""
        self._search_timer.stop()
        start, end, days = self._range_bounds()
        search = self.search_box.text().strip()
        selected = self._selected_visitor()
        try:
            rows = visitors_page(self.ctx.ws, start, end, search or None, limit=LIST_LIMIT)
        except Exception as exc:  # noqa: BLE001 - shown, the page stays usable
            show_error(self, exc)
            rows = []
        self.model.set_rows(rows, with_date=days != 1, tz=self.ctx.ws.calendar.tz)
        titles = {1: self.tr("Tamu hari ini"), 7: self.tr("Tamu 7 hari terakhir"),
                  30: self.tr("Tamu 30 hari terakhir"), None: self.tr("Semua tamu")}
        title = titles[days]
        if rows:
            count = f"{len(rows)}+" if len(rows) >= LIST_LIMIT else str(len(rows))
            title += f" ({count})"
        self.list_title.setText(title)
        if search:
            empty = self.tr("Tidak ada tamu yang cocok dengan \u201c{text}\u201d").format(text=search)
        else:
            empty = {1: self.tr("Belum ada tamu hari ini"),
                     7: self.tr("Belum ada tamu dalam 7 hari terakhir"),
                     30: self.tr("Belum ada tamu dalam 30 hari terakhir"),
                     None: self.tr("Belum ada tamu tercatat")}[days]
        self.empty_label.setText(empty)
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.list_note.setText(self.tr("Menampilkan {limit} tamu terbaru; persempit dengan pencarian.")
                               .format(limit=LIST_LIMIT))
        self.list_note.setVisible(len(rows) >= LIST_LIMIT)
        self._fit_columns()
        if selected is not None:
            self._select_visitor(selected)

    def _fit_columns(self) -> None:
        """Time, Keperluan (at most PURPOSE_MAX) and Kasus to their contents; Nama and Instansi
        share what is left, each at least NAME_MIN / INSTITUTION_MIN wide."""
        table, header = self.table, self.table.horizontalHeader()
        for column in (VisitorTableModel.TIME, VisitorTableModel.PURPOSE, VisitorTableModel.CASE):
            table.resizeColumnToContents(column)
        header.resizeSection(VisitorTableModel.PURPOSE,
                             min(header.sectionSize(VisitorTableModel.PURPOSE), PURPOSE_MAX))
        fixed = sum(header.sectionSize(c) for c in (VisitorTableModel.TIME, VisitorTableModel.PURPOSE,
                                                    VisitorTableModel.CASE))
        free = table.viewport().width() - fixed
        name = max(NAME_MIN, free * 55 // 100)
        header.resizeSection(VisitorTableModel.NAME, name)
        header.resizeSection(VisitorTableModel.INSTITUTION, max(INSTITUTION_MIN, free - name))

    def print_receipt(self) -> None:
        """Tanda bukti permohonan for the visitor selected in the list (Ctrl+P); the status
        line then says where the PDF went (saved, or sent to the printer)."""
        visitor_id = self._selected_visitor()
        if visitor_id is None:
            show_error(self, UserError(self.tr("Pilih dulu seorang tamu di daftar.")))
            return
        self._set_status(self.tr("Menyiapkan tanda bukti…"))
        print_pdf(self, self.ctx.worker, f"tanda-bukti-{visitor_id}.pdf",
                  lambda path: reports.render_receipt(self.ctx.ws, self.ctx.actor, visitor_id, path),
                  on_finished=self._receipt_ready)

    def _receipt_ready(self, pdf: Path | None) -> None:
        if pdf is None:
            self._set_status(self.tr("Tanda bukti tidak dapat dibuat."), error=True)
            return
        previews = [d for d in self.findChildren(QDialog) if hasattr(d, "saved") and hasattr(d, "printed")
                    and not d.property("receiptWatched")]
        if not previews:  # written straight to the file the user chose
            self._receipt_saved(pdf)
            return
        self._set_status(self.tr("Tanda bukti dibuka di pratinjau cetak; simpan sebagai PDF atau cetak "
                                 "dari sana."))
        for preview in previews:  # the print preview (gui.print_preview): told where it went
            preview.setProperty("receiptWatched", True)
            preview.saved.connect(self._receipt_saved)
            preview.printed.connect(self._receipt_printed)

    def _receipt_saved(self, path: Path) -> None:
        self.receipt_path = Path(path).resolve()
        self._set_status(self.tr("Tanda bukti disimpan sebagai PDF di {path}").format(path=self.receipt_path))

    def _receipt_printed(self, sheets: int) -> None:
        self._set_status(self.tr("Tanda bukti dikirim ke printer ({sheets} lembar)").format(sheets=sheets))

    def print_register(self) -> None:
        """Buku tamu / register permohonan informasi for a chosen period."""
        period = PeriodDialog(self, self.tr("Buku tamu"))
        if period.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = period.dates()
        print_pdf(self, self.ctx.worker, f"buku-tamu-{start}-{end}.pdf",
                  lambda path: reports.render_visitor_register(self.ctx.ws, self.ctx.actor, start, end, path))

    def empty_text(self) -> str:
        return self.empty_label.text() if self.list_stack.currentWidget() is self.empty_label else ""

    def _selected_visitor(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.visitor_id(rows[0].row()) if rows else None

    def _select_visitor(self, visitor_id: int) -> None:
        row = self.model.row_of(visitor_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    # --- Qt events --------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        self.refresh()  # the day may have changed while the page was hidden

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self._hide_suggestions()

