"""Kasus: every case with search and filters, and the case view (header, history from the
audit log, the swimlane with its progress, and the documents)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sopdesk import reports
from sopdesk.engine import audit, queries
from sopdesk.engine.queries import CaseRow
from sopdesk.gui.column_fit import ColumnFit
from sopdesk.gui.context import GuiContext
from sopdesk.gui.geometry import fit_to_screen
from sopdesk.gui.markers import QT_TRANSLATE_NOOP, late_by, late_html, met_late
from sopdesk.gui.messages import show_error
from sopdesk.gui.paged_model import Column, PagedTableModel, keep_sort_indicator, refresh_in_place
from sopdesk.gui.printing import print_pdf
from sopdesk.gui.shortcuts import into_list, on_enter, tab_keys
from sopdesk.textfmt import tanggal, waktu_lokal

if TYPE_CHECKING:
    from sopdesk.gui.swimlane import SwimlaneView  # imported when a case shows its diagram

STATUS = {
    "open": QT_TRANSLATE_NOOP("CasesModel", "berjalan"),
    "done": QT_TRANSLATE_NOOP("CasesModel", "selesai"),
    "cancelled": QT_TRANSLATE_NOOP("CasesModel", "dibatalkan"),
}
# The history shows the core's words for each audit action (engine.audit.ACTION_LABELS), translated;
# this list only shows them to lupdate (tests/test_audit_labels.py keeps it equal to the core's).
ACTION_WORDS = (
    QT_TRANSLATE_NOOP("CaseView", "Kasus dimulai"),
    QT_TRANSLATE_NOOP("CaseView", "SOP ditambahkan ke katalog kantor"),  # issue #13 (catalog import)
    QT_TRANSLATE_NOOP("CaseView", "SOP dinonaktifkan"),
    QT_TRANSLATE_NOOP("CaseView", "SOP diaktifkan kembali"),
    QT_TRANSLATE_NOOP("CaseView", "Kegiatan selesai"),
    QT_TRANSLATE_NOOP("CaseView", "Kegiatan bersama disetujui, diteruskan ke pelaksana berikutnya"),  # issue #13
    QT_TRANSLATE_NOOP("CaseView", "Tenggat diperpanjang"),  # issue #13
    QT_TRANSLATE_NOOP("CaseView", "Dikembalikan"),
    QT_TRANSLATE_NOOP("CaseView", "Kasus dibatalkan"),
    QT_TRANSLATE_NOOP("CaseView", "Diambil"),
    QT_TRANSLATE_NOOP("CaseView", "Dilepas"),
    QT_TRANSLATE_NOOP("CaseView", "Dialihkan"),
    QT_TRANSLATE_NOOP("CaseView", "Draf disimpan"),
    QT_TRANSLATE_NOOP("CaseView", "Tamu dicatat"),
    QT_TRANSLATE_NOOP("CaseView", "Surat masuk dicatat"),
    QT_TRANSLATE_NOOP("CaseView", "Surat masuk dikoreksi"),
    QT_TRANSLATE_NOOP("CaseView", "Surat masuk dibatalkan"),
    QT_TRANSLATE_NOOP("CaseView", "Surat keluar dicatat"),
    QT_TRANSLATE_NOOP("CaseView", "Surat keluar dikoreksi"),
    QT_TRANSLATE_NOOP("CaseView", "Surat keluar dibatalkan"),
    QT_TRANSLATE_NOOP("CaseView", "Disposisi dicatat"),
    QT_TRANSLATE_NOOP("CaseView", "Dicatat di buku ekspedisi"),
    QT_TRANSLATE_NOOP("CaseView", "Tanda terima ekspedisi dicatat"),
    QT_TRANSLATE_NOOP("CaseView", "Entri buku ekspedisi dikoreksi"),
    QT_TRANSLATE_NOOP("CaseView", "Entri buku ekspedisi dibatalkan"),
    QT_TRANSLATE_NOOP("CaseView", "Pengaturan nomor surat diubah"),
    QT_TRANSLATE_NOOP("CaseView", "Buku tamu dicetak"),
    QT_TRANSLATE_NOOP("CaseView", "Tanda bukti permohonan dicetak"),
    QT_TRANSLATE_NOOP("CaseView", "Kantor disiapkan"),
    QT_TRANSLATE_NOOP("CaseView", "Profil kantor diubah"),
    QT_TRANSLATE_NOOP("CaseView", "Hari libur kantor ditambahkan"),
    QT_TRANSLATE_NOOP("CaseView", "Pengguna ditambahkan"),
    QT_TRANSLATE_NOOP("CaseView", "Pengguna diaktifkan"),
    QT_TRANSLATE_NOOP("CaseView", "Pengguna dinonaktifkan"),
    QT_TRANSLATE_NOOP("CaseView", "Peran pengguna diubah"),
    QT_TRANSLATE_NOOP("CaseView", "Kata sandi diatur ulang"),
    QT_TRANSLATE_NOOP("CaseView", "Masuk"),
    QT_TRANSLATE_NOOP("CaseView", "Gagal masuk"),
    QT_TRANSLATE_NOOP("CaseView", "Cadangan dibuat"),
    QT_TRANSLATE_NOOP("CaseView", "Cadangan dipulihkan"),
    QT_TRANSLATE_NOOP("CaseView", "Pengaturan cadangan diubah"),
    QT_TRANSLATE_NOOP("CaseView", "Data contoh dibuat"),
    QT_TRANSLATE_NOOP("CaseView", "Temuan pemeriksaan keutuhan dilihat administrator"),
    QT_TRANSLATE_NOOP("CaseView", "Catatan yang ada disegel ke log audit"),
)


def _fit_columns(table: QTableWidget) -> None:
    """Each column but the last to its contents; the last keeps filling the rest (stretched).
    resizeColumnsToContents sized the last one too, so after the case view refreshed (a step
    form closed) Keterangan ended mid-table (Xvfb)."""
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


class CasesModel(PagedTableModel[CaseRow]):
    """Every case the viewer may see, one named column each (sort keys of queries.cases_page)."""

    def __init__(self, ctx: GuiContext, parent: QObject | None = None):
        super().__init__("number", True, parent)
        self.ctx = ctx
        columns: tuple[Column[CaseRow], ...] = (
            Column(QT_TRANSLATE_NOOP("CasesModel", "Nomor kasus"), "number", lambda row: row.number),
            Column(QT_TRANSLATE_NOOP("CasesModel", "SOP"), "sop", lambda row: row.sop),
            Column(QT_TRANSLATE_NOOP("CasesModel", "Perihal"), "title", lambda row: row.title, tooltip=self._title_tip),
            Column(QT_TRANSLATE_NOOP("CasesModel", "Pemohon"), "requester", lambda row: row.requester or "—"),
            Column(QT_TRANSLATE_NOOP("CasesModel", "Status"), "status", lambda row: self.tr(STATUS[row.status])),
            Column(QT_TRANSLATE_NOOP("CasesModel", "Posisi sekarang"), None, self._position),
            Column(QT_TRANSLATE_NOOP("CasesModel", "Dimulai"), "started",
                   lambda row: waktu_lokal(row.started_at, self.ctx.ws.calendar.tz)),
        )
        self.COLUMNS = columns

    def _fetch(self, offset: int) -> list[CaseRow]:
        return queries.cases_page(self.ctx.ws, sort=self._sort, descending=self._descending, limit=self.PAGE,
                                  offset=offset, viewer=self.ctx.actor, search=self._filter("search"),
                                  sop=self._filter("sop"), status=self._filter("status"))

    def _count(self) -> int:
        return queries.cases_total(self.ctx.ws, cap=queries.CASE_COUNT_CAP, viewer=self.ctx.actor,
                                   search=self._filter("search"), sop=self._filter("sop"),
                                   status=self._filter("status"))

    def _filter(self, key: str) -> str | None:
        """A text filter of the page (search, sop, status), None when not set."""
        value = self.filters.get(key)
        return value if isinstance(value, str) else None

    def row_data(self, row: CaseRow, role: int) -> object:
        return row.number if role == Qt.ItemDataRole.UserRole else None

    def _title_tip(self, row: CaseRow) -> str:
        """The whole title, the requester and when the case started (the columns that give way
        first in a narrow window)."""
        return self.tr("{0}\nPemohon: {1}\nDimulai: {2}").format(
            row.title, row.requester or "—", waktu_lokal(row.started_at, self.ctx.ws.calendar.tz))

    def _position(self, row: CaseRow) -> str:
        if row.current_step is None:
            return "—"
        return self.tr("kegiatan {0} ({1})").format(row.current_step, row.current_role)


class CasesPage(QWidget):
    """The case list follows every change made in the window and, once a minute, the other
    desks' work, keeping the selected case and the scroll position."""

    message = Signal(str)  # what a step form opened from a case record did, for the status bar

    TICK_MS = 60_000

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = CasesModel(ctx, self)
        self.search = QLineEdit()
        self.search.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
        self.search.setPlaceholderText(self.tr("Cari nomor kasus, perihal atau pemohon…"))
        self.search.setClearButtonEnabled(True)
        self.sop = QComboBox()
        self.sop.addItem(self.tr("Semua SOP"), None)
        for kode in sorted(ctx.ws.catalog.sops):
            self.sop.addItem(kode, kode)
        self.status = QComboBox()
        self.status.addItem(self.tr("Semua status"), None)
        for code, label in STATUS.items():
            self.status.addItem(QCoreApplication.translate("CasesModel", label), code)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.sop.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.sop)
        top.addWidget(self.status)
        self.table = QTableView()
        self.table.setModel(self.model)
        keep_sort_indicator(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons, not cell by cell
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Perihal takes the room the others leave (never under 200 px): with a fixed 360 px and
        # the last column stretched, Dimulai was ~50 px wide off the right edge at 1366x768 (Xvfb)
        for column, width in enumerate((130, 70, 200, 170, 90, 190, 150)):
            self.table.setColumnWidth(column, width)
        # Dimulai, then Pemohon give way in a narrow window (no sideways scroll at 1024x768, Xvfb);
        # what they say is in the tooltip of Perihal
        ColumnFit(self.table, 2, (6, 3), 200)
        self.table.doubleClicked.connect(lambda _: self.open_case())
        on_enter(self.table, self.open_case)
        self.focus_list = into_list(self.search, self.table, self._timer, self.reload)  # as in Kotak Masuk
        self.summary = QLabel()
        self.open_button = open_button = QPushButton(self.tr("Lihat kasus"))
        open_button.clicked.connect(self.open_case)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        ctx.data_changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_open)
        self.clock_timer = QTimer(self, interval=self.TICK_MS)
        # a closed window (or one never shown) asks the store nothing
        self.clock_timer.timeout.connect(lambda: self.refresh() if self.window().isVisible() else None)
        self.clock_timer.start()
        self.reload()

    def focus_first_field(self) -> None:
        """Ctrl+3 (and a click on Kasus in the navigation): the keyboard in the search box, its
        text selected, so a case number typed at once searches, as on the other screens; the
        keyboard stayed on the navigation (Xvfb)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        """New search or filters: the list from its first row."""
        self.model.set_filters(search=self.search.text().strip() or None, sop=self.sop.currentData(),
                               status=self.status.currentData())
        self._show_total()

    def refresh(self) -> None:
        """Same filters, newer data: reload in place (selected case and scroll position kept)."""
        refresh_in_place(self.table)
        self._show_total()

    def _show_total(self) -> None:
        self._update_open()
        if self.model.total > queries.CASE_COUNT_CAP:  # counted up to the cap only (engine.case_list)
            cap = f"{queries.CASE_COUNT_CAP:,}".replace(",", ".")  # 1.000: Indonesian thousands
            self.summary.setText(self.tr("Lebih dari {0} kasus").format(cap))
        elif self.model.total:
            self.summary.setText(self.tr("{0} kasus").format(self.model.total))
        elif self._filtered():  # not "Belum ada kasus" (Xvfb), and not only "0 kasus" under an empty table
            text = self.search.text().strip()
            self.summary.setText(self.tr("0 kasus: tidak ada kasus yang cocok dengan “{0}”").format(text) if text
                                 else self.tr("0 kasus: tidak ada kasus yang cocok dengan saringan ini"))
        else:
            self.summary.setText(self.tr("Belum ada kasus. Kasus dimulai dari Meja Layanan, dari surat masuk, "
                                         "atau dari Katalog SOP (Mulai kasus…)."))

    def _filtered(self) -> bool:
        return bool(self.search.text().strip() or self.sop.currentData() or self.status.currentData())

    def _update_open(self) -> None:
        """Lihat kasus only with a case selected (it did nothing, silently, on an empty list)."""
        self.open_button.setEnabled(self.table.selectionModel().hasSelection() and self.model.total > 0)

    def open_case(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            view = CaseView(self.ctx, self.model.row_at(rows[0].row()).number, self)
            view.message.connect(self.message)
            view.exec()


class CaseView(QDialog):
    """One case: header, history, swimlane with progress, documents. Signal: `message(text)`,
    what the step form opened from here did."""

    message = Signal(str)

    def __init__(self, ctx: GuiContext, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setWindowTitle(self.tr("Kasus {0}").format(number))
        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = tab_keys(QTabWidget())  # Ctrl+PgDown / Ctrl+PgUp as Ctrl+Tab
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels([self.tr("Waktu"), self.tr("Pengguna"), self.tr("Tindakan"),
                                                self.tr("Kegiatan"), self.tr("Keterangan")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents = QTableWidget(0, 5)
        self.documents.setHorizontalHeaderLabels([self.tr("Kegiatan"), self.tr("Output"), self.tr("Nomor"),
                                                  self.tr("Tanggal"), self.tr("Berkas")])
        self.documents.horizontalHeader().setStretchLastSection(True)
        self.documents.verticalHeader().hide()
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.cellDoubleClicked.connect(self._open_document)
        self.form_button = QPushButton(self.tr("Buka formulir kegiatan"))
        self.form_button.clicked.connect(self._open_form)
        self.print_button = QPushButton(self.tr("Cetak lembar kendali…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button = close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.form_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._swimlane: SwimlaneView | None = None
        self._current_step: int | None = None
        fit_to_screen(self, QSize(1200, 800))  # at 1024x768 the buttons stay above the task bar
        self.reload()
        # the keyboard in the history, and Enter opens the form (this desk has the step) or closes
        # the record: Cetak lembar kendali… had the focus, so Enter after Enter in Kasus (Xvfb, as
        # the Kasubag) opened the print preview
        self.history.setFocus()

    def reload(self) -> None:
        ws = self.ctx.ws
        detail = queries.case_detail(ws, self.number, self.ctx.actor)  # rahasia: masked off the chain
        self.detail = detail
        tz = ws.calendar.tz
        status = QCoreApplication.translate("CasesModel", STATUS[detail["status"]])
        current = next((i for i in detail["items"] if i["status"] == "open"), None)
        lines = [f"<b>{escape(detail['number'])}</b> — {escape(detail['title'])}",  # rich text: typed '<' shows
                 self.tr("SOP {0} revisi {1}: {2}").format(detail["sop"], detail["revisi"], detail["sop_name"]),
                 self.tr("Status: {0} · dimulai {1} oleh {2}").format(status, waktu_lokal(detail["started_at"], tz),
                                                                      detail["started_by"])]
        if detail["requester"]:
            lines.append(self.tr("Pemohon: {0}").format(escape(detail["requester"])))
        now = ws.clock()
        if current:
            # the record says 'terlambat' as the step form and the inbox do (Xvfb, session 18: only
            # 'paling lambat 11-11-2026' of a case three weeks late)
            due = (waktu_lokal(current["due_at"], tz) + late_html(late_by(current["due_at"], now))) \
                if current["due_at"] else self.tr("tanpa batas")
            lines.append(self.tr("Menunggu kegiatan {0} ({1}), batas waktu {2}").format(
                current["step"], current["role"], due))
        if detail["close_reason"]:
            lines.append(self.tr("Alasan pembatalan: {0}").format(escape(detail["close_reason"])))
        for deadline in detail["deadlines"]:
            if deadline["met_at"] and deadline.get("late_days"):  # met after the date in force (issue #13)
                state = met_late(deadline["late_days"], waktu_lokal(deadline["met_at"], tz))
            elif deadline["met_at"]:
                state = self.tr("terpenuhi {0}").format(waktu_lokal(deadline["met_at"], tz))
            elif deadline["due_at"]:
                state = self.tr("paling lambat {0}").format(waktu_lokal(deadline["due_at"], tz)) \
                    + late_html(late_by(deadline["due_at"], now)) if deadline["kind"] == "paling_lambat" else \
                    self.tr("tidak sebelum {0}").format(waktu_lokal(deadline["due_at"], tz))
            else:
                state = self.tr("belum berjalan")
            if deadline.get("extensions"):
                state += self.tr(" (diperpanjang {0} kali)").format(deadline["extensions"])
            lines.append(self.tr("Tenggat: {0} — {1}").format(deadline["name"], state))
        self.header.setText("<br>".join(lines))
        self._fill_history(detail, tz)
        self._fill_documents(detail)
        self._fill_swimlane(detail)
        roles = set(self.ctx.roles)
        mine = current is not None and current["role"] in roles
        self.form_button.setVisible(mine)
        self.form_button.setDefault(mine)
        self.close_button.setDefault(not mine)

    def _fill_history(self, detail: dict, tz) -> None:  # noqa: ANN001
        self.history.setRowCount(len(detail["history"]))
        for row, event in enumerate(detail["history"]):
            info = event["detail"]
            note = info.get("reason") or info.get("note") or ""
            if event["action"] == "step_completed" and info.get("choice"):
                note = self.tr("pilihan: {0}").format(info["choice"]) + (f"; {note}" if note else "")
            if event["action"] == "step_returned":
                note = self.tr("ke kegiatan {0}: {1}").format(info.get("to"), info.get("reason"))
            if event["action"] == "assigned":
                note = self.tr("kepada {0}").format(info.get("to"))
            if info.get("on_behalf"):  # an outside party's step, recorded by this user (issue #13)
                note = self.tr("atas nama {0}").format(info["on_behalf"]) + (f"; {note}" if note else "")
            if info.get("wait_overridden"):
                note = self.tr("sebelum masa tunggu berakhir: {0}").format(info["wait_overridden"])
            letter = info.get("agenda") or info.get("surat_masuk")  # the letter the event belongs to
            if letter and not note:
                note = letter
            values = [waktu_lokal(event["at"], tz), event["user"] or "—",
                      self.tr(audit.action_label(event["action"])),
                      str(event["step"] or ""), note]
            for column, value in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(value))
        _fit_columns(self.history)
        if self.tabs.indexOf(self.history) < 0:
            self.tabs.addTab(self.history, self.tr("Riwayat"))

    def _fill_documents(self, detail: dict) -> None:
        docs = detail["documents"]
        self.documents.setRowCount(len(docs))
        for row, doc in enumerate(docs):
            values = [str(doc["step"] or ""), doc["name"], doc["number"] or "—",
                      tanggal(doc["date"]) if doc["date"] else "—", doc["file"] or "—"]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, doc["path"])
                self.documents.setItem(row, column, item)
        _fit_columns(self.documents)
        if self.tabs.indexOf(self.documents) < 0:
            self.tabs.addTab(self.documents, self.tr("Dokumen ({0})").format(len(docs)))
        else:
            self.tabs.setTabText(self.tabs.indexOf(self.documents), self.tr("Dokumen ({0})").format(len(docs)))

    def _fill_swimlane(self, detail: dict) -> None:
        from sopdesk.gui.swimlane import SwimlaneView

        swimlane = self._swimlane
        if swimlane is None:
            self._swimlane = swimlane = SwimlaneView()
            self.tabs.insertTab(1, swimlane, self.tr("Diagram alir"))
            from sopdesk.engine.cases import case_sop

            swimlane.set_sop(case_sop(self.ctx.ws, self.number))
            self.tabs.currentChanged.connect(self._show_current_step)
        done, current, path = progress_of(detail["items"])
        swimlane.set_progress(done, current, path)
        self._current_step = current

    def _show_current_step(self) -> None:
        """The diagram shown with the step that waits in view: it opened at step 1, the case's
        step below the fold (a PP case by letter waits at 8: seen on X at 1024x768)."""
        swimlane, current = self._swimlane, self._current_step
        if swimlane is not None and current is not None and self.tabs.currentWidget() is swimlane:
            swimlane.reveal(swimlane.symbol_item(current).sceneBoundingRect())

    def print_sheet(self) -> None:
        name = "lembar-kendali-" + self.number.replace("/", "-") + ".pdf"
        print_pdf(self, self.ctx.worker, name, lambda path: reports.render_case_sheet(self.ctx.ws, self.number, path,
                                                                                           viewer=self.ctx.actor))

    def _open_document(self, row: int, _column: int) -> None:
        item = self.documents.item(row, 0)
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _open_form(self) -> None:
        from sopdesk.gui.step_form import StepFormDialog, outcome

        try:  # the form reads the case: a refusal (or a lost server, for the banner) is shown
            dialog = StepFormDialog(self.ctx, self.number, self)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            show_error(self, exc)
            return
        dialog.exec()
        if (said := outcome(dialog)) is not None:
            self.message.emit(said)
        self.reload()


def progress_of(items: list[dict]) -> tuple[set[int], int | None, list[tuple[int, int]]]:
    """Completed steps, the waiting step and the edges taken, from a case's work items."""
    done = {i["step"] for i in items if i["status"] == "done"}
    current = next((i["step"] for i in items if i["status"] == "open"), None)
    path = [(a["step"], b["step"]) for a, b in zip(items, items[1:], strict=False) if a["status"] == "done"]
    return done, current, path
