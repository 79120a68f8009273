"""Kotak Masuk: the work waiting for the current role (and for me), with filters, search,
sort, and the actions claim / release / assign / open the step form.

The list follows the clock (a tick every minute turns rows late) and every change made in
this window (`ctx.data_changed`) without losing the selected item or the scroll position;
after a step completed from here the next row is selected and `message` tells the main
window's status bar what happened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import cases, queries
from sopdesk.errors import UserError
from sopdesk.gui.column_fit import ColumnFit
from sopdesk.gui.context import GuiContext
from sopdesk.gui.inbox_model import InboxModel
from sopdesk.gui.messages import show_error
from sopdesk.gui.operation import Operation
from sopdesk.gui.paged_model import keep_sort_indicator, refresh_in_place
from sopdesk.gui.search_row import SearchRow
from sopdesk.gui.shortcuts import into_list, on_enter, shortcut


class InboxPage(QWidget):
    message = Signal(str)  # what an action did, for the main window's status bar
    TICK_MS = 60_000  # the list follows the clock at least once a minute

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = InboxModel(ctx.ws, self)

        self.sop = QComboBox()
        self.sop.addItem(self.tr("Semua SOP"), None)
        # long SOP names must not widen the page past a 1024x768 screen (the list shows them whole)
        self.sop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sop.setMinimumContentsLength(18)
        for kode, sop in sorted(ctx.ws.catalog.sops.items()):
            self.sop.addItem(f"{kode} — {sop.nama[:40]}", kode)
        self.mine = QCheckBox(self.tr("Hanya milik saya"))
        self.overdue = QCheckBox(self.tr("Hanya yang terlambat"))
        self.claimed = QComboBox()
        self.claimed.addItem(self.tr("Semua status"), None)
        self.claimed.addItem(self.tr("Belum diambil"), False)
        self.claimed.addItem(self.tr("Sedang dikerjakan"), True)
        self.claimed.currentIndexChanged.connect(self.reload)
        self.search = QLineEdit()
        self.search.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
        self.search.setPlaceholderText(self.tr("Cari nomor kasus, perihal atau pemohon…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        for box in (self.mine, self.overdue):
            box.toggled.connect(self.reload)
        self.sop.currentIndexChanged.connect(self.reload)
        # the search box keeps a usable width (at 1024x768 it had ~110 px): a row of its own there
        self.search_row = SearchRow(self, (self.sop, self.claimed, self.mine, self.overdue), self.search)

        self.summary = QLabel()
        self.summary.setObjectName("inboxSummary")
        self.summary.setWordWrap(True)  # wraps instead of widening the page at 1024x768
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        keep_sort_indicator(self.table)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons, not cell by cell
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Kegiatan 160 px: at 1366x768 under X the fixed columns and a readable Perihal came to
        # 11 px more than the view, and Petugas was cut at the right edge (session 18, Xvfb)
        for column, width in enumerate((130, 60, 160, 150, 150, 185, 80)):
            self.table.setColumnWidth(column, width)
        # Sisa waktu right after Kegiatan, then Perihal / pemohon (what tells the cases apart), then
        # Batas waktu, Sejak and Petugas: the time left and the perihal are in view at 1024x768 (the
        # perihal came after Batas waktu and Sejak, off the right edge there), all of them at 1366x768
        # (Kegiatan shows its number and first words; the whole text is its tooltip)
        for visual, logical in enumerate((0, 1, 2, 5, 7, 4, 3, 6)):
            header.moveSection(header.visualIndex(logical), visual)
        # Sejak, Batas waktu and Petugas (least needed first) give way in a narrow window: at
        # 1024x768 Batas waktu was cut mid-column behind a sideways scroll (Xvfb, as the Kasubag);
        # what they say is in the tooltip of Sisa waktu
        self.perihal_width = ColumnFit(self.table, 7, (3, 4, 6))
        self.table.doubleClicked.connect(lambda _: self.open_form())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("inboxEmpty")
        self.empty.setWordWrap(True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.open_button = QPushButton(self.tr("Buka formulir (Enter)"))
        self.claim_button = QPushButton(self.tr("&Ambil"))
        self.release_button = QPushButton(self.tr("&Lepas"))
        self.assign_button = QPushButton(self.tr("Al&ihkan…"))
        self.open_button.clicked.connect(self.open_form)
        # what Ambil / Lepas / Alihkan did, in the status bar: at 1024x768 the Petugas column that
        # changes is off the right edge, so nothing on screen said the click had done anything
        self.claim_button.clicked.connect(lambda: self._act(cases.claim, said=self.tr("{0} diambil oleh {1}")))
        self.release_button.clicked.connect(lambda: self._act(
            cases.release, said=self.tr("{0} dilepas; kini dapat diambil pengguna lain berperan {2}")))
        self.assign_button.clicked.connect(self.assign)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        for button in (self.claim_button, self.release_button, self.assign_button, self.open_button):
            actions.addWidget(button)
        on_enter(self.table, self.open_form)
        shortcut(QKeySequence.StandardKey.Find, self, self.focus_search)  # Ctrl+F, as in Meja Layanan
        # from the search box straight into the list, its first row selected when none is
        self.focus_list = into_list(self.search, self.table, self._search_timer, self.reload)

        layout = QVBoxLayout(self)
        layout.addLayout(self.search_row.layout)
        layout.addLayout(self.stack, 1)
        layout.addLayout(actions)
        # Tab from the list walks the buttons as they stand, left to right (Buka formulir, made
        # first, came first)
        for first, second in zip((self.table, self.claim_button, self.release_button, self.assign_button),
                                 (self.claim_button, self.release_button, self.assign_button, self.open_button),
                                 strict=True):
            QWidget.setTabOrder(first, second)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.data_changed.connect(self.refresh)
        ctx.role_changed.connect(lambda _: self.reload())
        self.clock_timer = QTimer(self, interval=self.TICK_MS)
        # a closed window (or one never shown) asks the store nothing
        self.clock_timer.timeout.connect(lambda: self.refresh() if self.window().isVisible() else None)
        self.clock_timer.start()
        self._hidden = False  # hidden after being shown: refreshed when shown again (not on the first show)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._hidden:  # back from another screen: other desks' work since then, not in a minute
            self._hidden = False
            self.refresh()
        self.table.setFocus()  # Enter opens the selected item's form at once

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802
        super().hideEvent(event)
        self._hidden = True

    def focus_first_field(self) -> None:
        """Ctrl+1, also when Kotak Masuk is already shown: the keyboard in the list, a line
        selected, so Enter opens its form (the keyboard stayed on a filter, where Down changed
        the status filter; Xvfb, as the Kasubag, /tmp/h4/s/72_return_combo.png)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.table.selectRow(0)

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected; Tab or Down then goes to the list."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """New filters or role: the list from its first row."""
        self.model.set_query([self.ctx.role], self.ctx.actor.user_id, mine=self.mine.isChecked(),
                             overdue=self.overdue.isChecked(), sop=self.sop.currentData(),
                             search=self.search.text().strip() or None, claimed=self.claimed.currentData())
        self._show_state()

    def refresh(self) -> None:
        """Same filters, new data or a new minute: reload in place (selection and scroll kept)."""
        refresh_in_place(self.table)
        self._show_state()

    def _show_state(self) -> None:
        # the count the role bar has just read for this refresh (GuiContext.inbox_counts: one read)
        late = self.ctx.inbox_counts()[self.ctx.role][1]
        self.summary.setText(self.tr("{0} pekerjaan ditampilkan dari {1} untuk peran {2} · {3} terlambat").format(
            self.model.rowCount(), self.model.total, self.ctx.role, late))
        if self.model.total == 0:
            filtered = (self.mine.isChecked() or self.overdue.isChecked() or self.search.text()
                        or self.sop.currentData() or self.claimed.currentData() is not None)
            self.empty.setText(
                self.tr("Tidak ada pekerjaan yang cocok dengan saringan ini.") if filtered else
                self.tr("Tidak ada pekerjaan yang menunggu untuk peran {0}. Pekerjaan baru muncul di sini "
                        "ketika sebuah kasus sampai pada kegiatan peran ini.").format(self.ctx.role))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
        self._update_buttons()

    def selected_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model.total == 0:
            return None
        return self.model.row_at(rows[0].row()).case_number

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows and self.model.total else None
        mine = row is not None and row.assignee == self.ctx.actor.username
        self.open_button.setEnabled(row is not None)
        self.claim_button.setEnabled(row is not None and row.assignee is None)
        self.release_button.setEnabled(mine)
        self.assign_button.setEnabled(row is not None)

    # --- actions ---------------------------------------------------------------------------------
    def _act(self, action: Callable[..., object], *args: str, said: str = "") -> bool:
        """Claim, release or assign the selected case on the worker; False when none is selected
        (or an action from this page still runs). `said` ({0} the case, {1} the user acted for or
        by, {2} the role) goes to the status bar once done."""
        number = self.selected_case()
        if number is None:
            return False
        ws, actor, role = self.ctx.ws, self.ctx.actor, self.ctx.role
        who = args[0] if args else actor.username
        return Operation(self, self.ctx, lambda: action(ws, actor, number, *args)) \
            .disabling(self.claim_button, self.release_button, self.assign_button) \
            .success(lambda _result: self.message.emit(said.format(number, who, role)) if said else None).run()

    def assign(self) -> None:
        number = self.selected_case()
        if number is None:
            return
        users = queries.users_with_role(self.ctx.ws, self.ctx.role)
        if not users:
            show_error(self, UserError(self.tr("Belum ada pengguna aktif dengan peran {0}.").format(self.ctx.role)))
            return
        labels = [f"{name} — {full}" for name, full in users]
        choice, ok = QInputDialog.getItem(self, self.tr("Alihkan kegiatan"),
                                          self.tr("Alihkan {0} kepada:").format(number), labels, 0, False)
        if ok:
            self._act(cases.assign, users[labels.index(choice)][0], said=self.tr("{0} dialihkan kepada {1}"))

    def open_form(self) -> None:
        number = self.selected_case()
        if number is None:
            return
        from sopdesk.gui.step_form import StepFormDialog, outcome

        try:  # the form reads the case: a refusal (or a lost server, for the banner) is shown
            dialog = StepFormDialog(self.ctx, number, self)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            show_error(self, exc)
            return
        dialog.exec()
        if (said := outcome(dialog)) is not None:  # the list has already moved on (data_changed)
            self.message.emit(said)
        else:  # closed, or refused (another desk completed the step meanwhile): the row as it is now
            self.refresh()

