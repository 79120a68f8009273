"""The help desk's visitor list (right of the form): today's visitors or a longer range,
searched by name, institution, NIK, phone or case number, and the prints made from it (the
tanda bukti of the selected visitor, the buku tamu of a period). It reads only
(engine.visitor_lookup, reports); another desk's registration reaches it through the window's
watch (gui.desk_changes), which calls the page's refresh. What it has to say goes to the form's
status line through `status`. Tab passes through the table (it does not walk its cells). The texts keep the
translation context "HelpDeskPage" of the page this list was part of."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine.visitor_lookup import visitors_page
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.helpdesk.visitor_model import VisitorTableModel
from sopdesk.gui.messages import show_error
from sopdesk.gui.printing import PeriodDialog, print_pdf
from sopdesk.gui.search_row import SearchRow

translate = QCoreApplication.translate  # the texts keep their context "HelpDeskPage"

LIST_LIMIT = 200
# the list's columns (pixels): Waktu and Kasus to their contents, Nama and Instansi to theirs up
# to a cap, Keperluan the rest, elided (its tooltip has the whole text). Where that leaves
# Keperluan under PURPOSE_MIN, the rows take two lines in three columns (VisitorList._fit_columns);
# at 1024x768 the five columns scrolled sideways, at 1366x768 they once cut Keperluan)
NAME_MIN, NAME_MAX, INSTITUTION_MIN, INSTITUTION_MAX, PURPOSE_MIN = 90, 180, 70, 150, 80
SEARCH_MIN = 200  # the search box's least width beside the range (pixels)
RANGES = (("today", 1), ("7", 7), ("30", 30), ("all", None))  # key, days back (None: all)


@runtime_checkable
class _Preview(Protocol):
    """The print preview (gui.print_preview) as this list sees it: it tells where the PDF went."""

    saved: SignalInstance  # (path)
    printed: SignalInstance  # (sheets)


class VisitorList(QWidget):
    """The list panel. Signal: `status(text, error)`, a line for the desk's status line (where
    a tanda bukti went, or that it could not be made)."""

    status = Signal(str, bool)

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.receipt_path: Path | None = None  # where the last tanda bukti was saved
        self._receipt_went: str | None = None  # "saved" / "printed" from the open preview, None: not yet
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 4, 4)
        heading = QHBoxLayout()
        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")
        heading.addWidget(self.list_title)
        heading.addStretch(1)
        layout.addLayout(heading)
        layout.addLayout(self._build_filters())
        self._build_table()
        layout.addWidget(self.list_stack, 1)
        self.list_note = QLabel()
        self.list_note.setObjectName("listNote")
        self.list_note.setWordWrap(True)  # one line of ~370 px widened the window past a 1024 screen
        self.list_note.hide()
        layout.addWidget(self.list_note)
        layout.addLayout(self._build_prints())

    def _build_filters(self) -> QVBoxLayout:
        search_label = QLabel(translate("HelpDeskPage", "&Cari:"))
        self.search_box = QLineEdit()
        self.search_box.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
        self.search_box.setObjectName("visitorSearch")
        self.search_box.setPlaceholderText(translate("HelpDeskPage", "nama, instansi, NIK, telp., no. kasus"))
        self.search_box.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_box)
        range_label = QLabel(translate("HelpDeskPage", "Rentan&g:"))
        self.range_combo = QComboBox()
        self.range_combo.setObjectName("visitorRange")
        texts = (translate("HelpDeskPage", "Hari ini"), translate("HelpDeskPage", "7 hari terakhir"),
                 translate("HelpDeskPage", "30 hari terakhir"), translate("HelpDeskPage", "Semua"))
        for (key, _days), text in zip(RANGES, texts, strict=True):
            self.range_combo.addItem(text, key)
        range_label.setBuddy(self.range_combo)
        # at 1024x768 the search box beside the range had ~95 px: a row of its own there (at 1366x768
        # it keeps its place beside the range, ~250 px)
        self.search_row = SearchRow(self, (range_label, self.range_combo), self.search_box, search_label,
                                    first=True, minimum=SEARCH_MIN)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.search_box.installEventFilter(self)  # ↓ goes to the rows found
        self.range_combo.currentIndexChanged.connect(self.refresh)
        return self.search_row.layout

    def _build_table(self) -> None:
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
        self._row_height = self.table.verticalHeader().defaultSectionSize()  # one line; compact rows: two
        self._title_widths: dict[int, int] = {}  # a column's title width, kept while it is hidden
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # resized, or narrowed by its vertical scroll bar: the columns are fitted again
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)  # entered with no row chosen: the first one is; shown: fitted
        self.table.activated.connect(lambda _index: self.print_receipt())  # Enter on a row did nothing
        # a sideways range is a fit made on sizes that changed after it (Xvfb, a new office's first
        # visitor: the columns fitted while the list was hidden behind "Belum ada tamu hari ini")
        self.table.horizontalScrollBar().rangeChanged.connect(self._sideways)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyList")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

    def _build_prints(self) -> QHBoxLayout:
        self.receipt_button = QPushButton(translate("HelpDeskPage", "Cetak tanda bukti… (Ctrl+P)"))
        self.receipt_button.setObjectName("receiptButton")
        self.receipt_button.setToolTip(translate("HelpDeskPage", "Tanda bukti permohonan untuk tamu yang dipilih di "
                                                                 "daftar (Ctrl+P)"))
        self.receipt_button.clicked.connect(self.print_receipt)
        # Alt+B: the day's book without Ctrl+F and four Tabs to reach the button
        self.register_button = QPushButton(translate("HelpDeskPage", "Cetak &buku tamu…"))
        self.register_button.clicked.connect(self.print_register)
        prints = QHBoxLayout()
        prints.addStretch(1)
        prints.addWidget(self.receipt_button)
        prints.addWidget(self.register_button)
        return prints

    def tab_chain(self) -> list[QWidget]:
        return [self.search_box, self.range_combo, self.table]

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- the rows ---------------------------------------------------------------------------

    def _today(self) -> date:
        """The office's day (its calendar's time zone), not the PC's."""
        return self.ctx.ws.clock().astimezone(self.ctx.ws.calendar.tz).date()

    def _range_bounds(self) -> tuple[datetime | None, datetime, int | None]:
        days = dict(RANGES)[self.range_combo.currentData()]
        tz = self.ctx.ws.calendar.tz
        today = self._today()
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
        selected = self.selected_visitor()
        try:
            rows = visitors_page(self.ctx.ws, start, end, search or None, limit=LIST_LIMIT)
        except Exception as exc:  # noqa: BLE001 - shown, the page stays usable
            show_error(self, exc)
            rows = []
        self.model.set_rows(rows, with_date=days != 1, tz=self.ctx.ws.calendar.tz)
        titles = {1: translate("HelpDeskPage", "Tamu hari ini"), 7: translate("HelpDeskPage", "Tamu 7 hari terakhir"),
                  30: translate("HelpDeskPage", "Tamu 30 hari terakhir"), None: translate("HelpDeskPage", "Semua tamu")}
        title = titles[days]
        if rows:
            count = f"{len(rows)}+" if len(rows) >= LIST_LIMIT else str(len(rows))
            title += f" ({count})"
        self.list_title.setText(title)
        if search:
            empty = translate("HelpDeskPage", "Tidak ada tamu yang cocok dengan \u201c{text}\u201d").format(text=search)
        else:
            empty = {1: translate("HelpDeskPage", "Belum ada tamu hari ini"),
                     7: translate("HelpDeskPage", "Belum ada tamu dalam 7 hari terakhir"),
                     30: translate("HelpDeskPage", "Belum ada tamu dalam 30 hari terakhir"),
                     None: translate("HelpDeskPage", "Belum ada tamu tercatat")}[days]
        self.empty_label.setText(empty)
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.list_note.setText(translate("HelpDeskPage", "Menampilkan {limit} tamu terbaru; persempit dengan "
                                                         "pencarian.").format(limit=LIST_LIMIT))
        self.list_note.setVisible(len(rows) >= LIST_LIMIT)
        self._fit_columns()
        if selected is not None:
            self.select_visitor(selected)

    def _fit_columns(self) -> None:
        """One line a row where Waktu, Kasus, Nama and Instansi fit their texts (the names
        capped at NAME_MAX and INSTITUTION_MAX) and Keperluan keeps PURPOSE_MIN; Keperluan takes
        the rest. Elsewhere (beside the form at 1024x768, ~320 px; dates in the Waktu column)
        two lines a row in three columns (VisitorTableModel.compact), Nama and Keperluan
        sharing the room: the list never scrolls sideways and no name is cut to a few letters."""
        table, header, model = self.table, self.table.horizontalHeader(), VisitorTableModel
        style = table.style()

        def contents(column: int) -> int:
            # a hidden section has no size hint: its title's width as last seen shown (a visitor
            # with no Instansi measured 7 px hidden, 58 px shown, and the fit flipped between
            # two lines and five columns on every turn, the list scrolling sideways)
            if not header.isSectionHidden(column):
                self._title_widths[column] = header.sectionSizeHint(column)
            return max(table.sizeHintForColumn(column), self._title_widths.get(column, 0))

        with self.model.single_lines():  # the five columns' widths, whatever the list shows now
            one_line = [contents(column) for column in range(len(self.model.columns))]

        width = table.viewport().width()
        # judged as if the vertical scroll bar were there: two-line rows may bring it or take it away
        least = width - (0 if table.verticalScrollBar().isVisible()
                         else style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table))
        name, institution = min(one_line[model.NAME], NAME_MAX), min(one_line[model.INSTITUTION], INSTITUTION_MAX)
        compact = one_line[model.TIME] + name + institution + PURPOSE_MIN + one_line[model.CASE] > least
        self._set_compact(compact)
        widths: tuple[tuple[int, int], ...]
        if compact:
            free = width - contents(model.TIME)  # halves for Nama and Keperluan, Nama no wider than its text
            name = max(NAME_MIN, min(contents(model.NAME), free - max(PURPOSE_MIN, contents(model.CASE), free // 2)))
            widths = ((model.TIME, contents(model.TIME)), (model.NAME, name),
                      (model.PURPOSE, max(PURPOSE_MIN, free - name)))
        else:
            free = width - contents(model.TIME) - contents(model.CASE)
            widths = ((model.TIME, contents(model.TIME)), (model.NAME, name), (model.INSTITUTION, institution),
                      (model.CASE, contents(model.CASE)), (model.PURPOSE, max(PURPOSE_MIN, free - name - institution)))
        for column, size in widths:
            header.resizeSection(column, size)

    def _sideways(self, _least: int, most: int) -> None:
        if most > 0:
            QTimer.singleShot(0, self._fit_columns)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.model.compact == self.table.isColumnHidden(VisitorTableModel.CASE):
            return
        self.model.set_compact(compact)
        for column in (VisitorTableModel.INSTITUTION, VisitorTableModel.CASE):
            self.table.setColumnHidden(column, compact)
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(self._row_height + line if compact else self._row_height)

    def empty_text(self) -> str:
        return self.empty_label.text() if self.list_stack.currentWidget() is self.empty_label else ""

    def selected_visitor(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.visitor_id(rows[0].row()) if rows else None

    def show_registered(self, visitor_id: int) -> None:
        """The visitor just registered, in the list and chosen, so Ctrl+P prints their tanda bukti.
        A search that hides them is cleared: searched for "Kristina", the list kept her row chosen
        after Benediktus was registered, and Ctrl+P printed her receipt for him. Not in the list
        even so: nothing stays chosen (Ctrl+P then asks for a choice)."""
        if self.model.row_of(visitor_id) is None and self.search_box.text():
            self.search_box.clear()
            self.refresh()
        if self.model.row_of(visitor_id) is None:
            self.table.clearSelection()
        self.select_visitor(visitor_id)

    def select_visitor(self, visitor_id: int) -> None:
        row = self.model.row_of(visitor_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Resize and watched is self.table.viewport()) or (
                event.type() == QEvent.Type.Show and watched is self.table):
            QTimer.singleShot(0, self._fit_columns)  # after the viewport took its new size
        if event.type() == QEvent.Type.FocusIn and watched is self.table and self.selected_visitor() is None \
                and self.model.rowCount() > 0:
            self.table.selectRow(0)  # Xvfb: Tab reached the list with no row chosen, and Ctrl+P refused
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and watched is self.table
                and event.key() == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0):
            self.focus_search()  # ↑ from the first row: back to the search, as ↓ came from it
            return True
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and watched is self.search_box
                and event.key() == Qt.Key.Key_Down):  # ↓ did nothing in the search box (Xvfb)
            if self._search_timer.isActive():
                self.refresh()  # the rows of what was typed, not of the text before the pause
            if self.list_stack.currentWidget() is self.table:
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- prints -----------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """Tanda bukti permohonan for the visitor selected in the list (Ctrl+P); the status
        line then says where the PDF went (saved, or sent to the printer)."""
        visitor_id = self.selected_visitor()
        if visitor_id is None:
            show_error(self, UserError(translate("HelpDeskPage", "Pilih dulu seorang tamu di daftar.")))
            return
        self.status.emit(translate("HelpDeskPage", "Menyiapkan tanda bukti…"), False)
        print_pdf(self, self.ctx.worker, f"tanda-bukti-{visitor_id}.pdf",
                  lambda path: _reports().render_receipt(self.ctx.ws, self.ctx.actor, visitor_id, path),
                  on_finished=self._receipt_ready)

    def _receipt_ready(self, pdf: Path | None) -> None:
        if pdf is None:
            self.status.emit(translate("HelpDeskPage", "Tanda bukti tidak dapat dibuat."), True)
            return
        previews = [d for d in self.findChildren(QDialog) if isinstance(d, _Preview)
                    and not d.property("receiptWatched")]
        if not previews:  # written straight to the file the user chose
            self._receipt_saved(pdf)
            return
        self._receipt_went = None
        self.status.emit(translate("HelpDeskPage", "Tanda bukti dibuka di pratinjau cetak; simpan sebagai PDF "
                                                   "atau cetak dari sana."), False)
        for preview in previews:  # the print preview (gui.print_preview): told where it went
            preview.setProperty("receiptWatched", True)
            preview.saved.connect(self._receipt_saved)
            preview.printed.connect(self._receipt_printed)
            preview.finished.connect(self._receipt_preview_closed)

    def _receipt_preview_closed(self) -> None:
        """Closed with neither a save nor a print: the line no longer points at a window that is
        gone ("... simpan sebagai PDF atau cetak dari sana" stayed while the next visitor was typed)."""
        if self._receipt_went is None:
            self.status.emit(translate("HelpDeskPage", "Pratinjau tanda bukti ditutup; tanda bukti belum dicetak "
                                                       "atau disimpan (Ctrl+P untuk membukanya lagi)."), False)

    def _receipt_saved(self, path: Path) -> None:
        self._receipt_went = "saved"
        self.receipt_path = Path(path).resolve()
        self.status.emit(translate("HelpDeskPage", "Tanda bukti disimpan sebagai PDF di {path}").format(
            path=self.receipt_path), False)

    def _receipt_printed(self, sheets: int) -> None:
        self._receipt_went = "printed"
        self.status.emit(translate("HelpDeskPage", "Tanda bukti dikirim ke printer ({sheets} lembar)").format(
            sheets=sheets), False)

    def print_register(self) -> None:
        """Buku tamu / register permohonan informasi for a chosen period: by default the days the
        list shows ("Hari ini": today's book, not the month's), the month for "Semua"."""
        today, days = self._today(), dict(RANGES)[self.range_combo.currentData()]
        period = PeriodDialog(self, translate("HelpDeskPage", "Buku tamu"), today=today,
                              start=today - timedelta(days=days - 1) if days else None)
        if period.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = period.dates()
        print_pdf(self, self.ctx.worker, f"buku-tamu-{start}-{end}.pdf",
                  lambda path: _reports().render_visitor_register(self.ctx.ws, self.ctx.actor, start, end, path))


def _reports() -> ModuleType:
    """The PDF module, imported with the first receipt or buku tamu: ReportLab is ~0.3 s of CPU,
    which Meja Layanan, now the Help Desk's first screen, no longer costs when it opens."""
    from sopdesk import reports

    return reports
