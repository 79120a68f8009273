"""Pengaturan: language, the idle lock, this PC's paper (A4 or F4) for every printout, the
office profile (edited by administrators through the engine), the days off
(gui.settings_holidays), user accounts (administrators),
the separate demo office. The page scrolls: at 1024x768 the administrator's boxes are taller
than the screen. Every change is an engine command run through gui.operation; the user list
is read through the engine. Backups, the data check and restoring a backup are
gui.settings_backup's box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import accounts
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import LANGUAGES, save_language, saved_language
from sopdesk.gui.idle_lock import idle_minutes, save_idle_minutes
from sopdesk.gui.operation import Operation
from sopdesk.gui.printing import save_paper, saved_paper
from sopdesk.gui.server_settings import ServerBox
from sopdesk.gui.settings_backup import BackupBox
from sopdesk.gui.settings_holidays import HolidayBox
from sopdesk.gui.settings_office import OfficeBox
from sopdesk.gui.user_dialogs import AddUserDialog, ResetPasswordDialog, RolesDialog
from sopdesk.gui.worker import Worker


class SettingsPage(QWidget):
    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.worker = worker
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._language_box())
        layout.addWidget(self._lock_box())
        layout.addWidget(self._paper_box())
        self.office_box = OfficeBox(ctx)  # follows another desk's change (gui.settings_office)
        layout.addWidget(self.office_box)
        if self.office_box.editable:  # the form's fields, as the page's own (tests, the window)
            box = self.office_box
            self.office_name, self.office_address, self.office_timezone = \
                box.office_name, box.office_address, box.office_timezone
            self.office_logo, self.office_note, self.save_office_button = \
                box.office_logo, box.office_note, box.save_office_button
        self.holiday_box = HolidayBox(ctx)  # the year's days off; administrators add the office's own
        layout.addWidget(self.holiday_box)
        if ctx.is_admin:  # the engine refuses the rest to others anyway; do not offer it
            self.server_box = ServerBox(worker)  # this PC's database: the administrator's choice
            layout.addWidget(self.server_box)
            self.backup_box = BackupBox(ctx, worker)  # backups, the data check, restoring
            layout.addWidget(self.backup_box)
            layout.addWidget(self._users_box(), 1)
            layout.addWidget(self._demo_box())
        else:
            note = QLabel(self.tr("Pengelolaan pengguna hanya untuk administrator."))
            note.setObjectName("adminOnly")
            layout.addWidget(note)
            layout.addWidget(self._demo_box())
            layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

    def focus_first_field(self) -> None:
        """Ctrl+6 in an office whose only user is the administrator (the first start): the
        Pengguna box in view and the keyboard on "Tambah pengguna…", the next thing to do (on
        Xvfb it was some 20 Tabs below the language and the office profile). Otherwise the
        keyboard stays where it was."""
        if not self.ctx.is_admin or self.users.rowCount() > 1:
            return
        self.add_user_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box = self.users.parentWidget()  # the Pengguna box: its title in view too, when it fits
        if box is not None:
            self.scroller.ensureWidgetVisible(box)
        self.scroller.ensureWidgetVisible(self.add_user_button)

    # --- language ---------------------------------------------------------------------------------
    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bahasa"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(saved_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel()
        row = QHBoxLayout(box)
        row.addWidget(self.language)
        row.addWidget(self.language_note, 1)
        return box

    def _language_chosen(self) -> None:
        save_language(self.language.currentData())
        self.language_note.setText(self.tr("Bahasa baru dipakai setelah sopdesk dibuka ulang."))

    # --- idle lock --------------------------------------------------------------------------------
    def _lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kunci layar"))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" menit"))
        self.idle.setSpecialValueText(self.tr("tidak pernah"))
        self.idle.setValue(idle_minutes())
        self.idle.valueChanged.connect(self._idle_changed)
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Kunci layar setelah tidak ada kegiatan selama")))
        row.addWidget(self.idle)
        row.addStretch(1)
        return box

    def _idle_changed(self, minutes: int) -> None:
        save_idle_minutes(minutes)
        lock = getattr(self.window(), "idle_lock", None)
        if lock is not None:
            lock.set_minutes(minutes)

    # --- paper ------------------------------------------------------------------------------------
    def _paper_box(self) -> QGroupBox:
        """The paper of every printout of the window on this PC (gui.printing says why this PC's)."""
        box = QGroupBox(self.tr("Cetak"))
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("F4 / folio (215 × 330 mm)"), "F4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(saved_paper())))
        self.paper.currentIndexChanged.connect(lambda _: save_paper(self.paper.currentData()))
        label = QLabel(self.tr("&Ukuran kertas"))
        label.setBuddy(self.paper)
        row = QHBoxLayout(box)
        row.addWidget(label)
        row.addWidget(self.paper)
        row.addWidget(_wrapped(self.tr("dipakai setiap cetakan dari komputer ini")), 1)
        return box

    # --- users ------------------------------------------------------------------------------------
    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pengguna"))
        self.users = QTableWidget(0, 4)
        self.users.setHorizontalHeaderLabels([self.tr("Nama pengguna"), self.tr("Nama lengkap"), self.tr("Peran"),
                                              self.tr("Status")])
        for column, mode in enumerate([QHeaderView.ResizeMode.ResizeToContents] * 3 + [QHeaderView.ResizeMode.Stretch]):
            self.users.horizontalHeader().setSectionResizeMode(column, mode)  # fitted as users come; Status the rest
        self.users.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users.verticalHeader().hide()
        self.users.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it (Xvfb: Tab walked every cell)
        self.add_user_button = add = QPushButton(self.tr("Tambah pengguna…"))
        toggle = QPushButton(self.tr("Aktifkan / nonaktifkan"))
        reset = QPushButton(self.tr("Atur ulang kata sandi…"))
        roles = QPushButton(self.tr("Ubah peran…"))
        roles.setObjectName("changeRoles")
        add.clicked.connect(self._add_user)
        toggle.clicked.connect(self._toggle_user)
        reset.clicked.connect(self._reset_password)
        roles.clicked.connect(self._change_roles)
        buttons = QHBoxLayout()
        for button in (add, roles, toggle, reset):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.users)
        layout.addLayout(buttons)
        self._load_users()
        return box

    def _load_users(self) -> None:
        rows = [(u.username, u.full_name, ", ".join([*u.roles, *([self.tr("administrator")] if u.is_admin else [])]),
                 self.tr("aktif") if u.active else self.tr("nonaktif"))
                for u in accounts.list_users(self.ctx.ws)]
        self.users.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.users.setItem(r, c, QTableWidgetItem(value))

    def _cell(self, row: int, column: int) -> str:
        item = self.users.item(row, column)
        return item.text() if item is not None else ""

    def _selected_user(self) -> str | None:
        """The user chosen in the list; none chosen: said (the buttons did nothing at all)."""
        rows = self.users.selectionModel().selectedRows()
        if not rows:
            self._tell(self.tr("Pilih dulu seorang pengguna di daftar."))
            return None
        return self._cell(rows[0].row(), 0)

    def _add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        if dialog.exec():
            self._load_users()

    def _toggle_user(self) -> None:
        name = self._selected_user()
        if name:
            ws, actor = self.ctx.ws, self.ctx.actor
            active = self._cell(self.users.currentRow(), 3) == self.tr("aktif")
            Operation(self, self.ctx, lambda: accounts.set_active(ws, actor, name, not active)).quiet() \
                .success(lambda _: self._load_users()).run()

    def _reset_password(self) -> None:
        name = self._selected_user()
        if name and ResetPasswordDialog(self.ctx, name, self).exec():  # the new password typed twice
            self._tell(self.tr("Kata sandi {0} diganti.").format(name))

    def _change_roles(self) -> None:
        name = self._selected_user()
        if name and RolesDialog(self.ctx, name, self).exec():
            self._load_users()

    def _tell(self, text: str) -> None:
        QMessageBox.information(self, "sopdesk", text)

    # --- demo data --------------------------------------------------------------------------------
    def _demo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data contoh"))
        self.demo_button = QPushButton(self.tr("Coba dengan data contoh"))
        self.demo_button.setObjectName("tryDemo")
        self.demo_button.clicked.connect(self._try_demo)
        self.demo_note = _wrapped(self.tr("Membuka kantor contoh yang terpisah (jendela bertanda DATA CONTOH) "
                                          "untuk berlatih; data kantor ini tidak diubah."))
        row = QHBoxLayout(box)
        row.addWidget(self.demo_button)
        row.addWidget(self.demo_note, 1)
        return box

    def _try_demo(self) -> None:
        """The application opens the demo office in its own window (see gui/app.py)."""
        requested = getattr(self.window(), "demo_requested", None)
        if requested is not None:
            requested.emit()


def _wrapped(text: str) -> QLabel:
    """A label that wraps (long paths and addresses must not widen the page)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
