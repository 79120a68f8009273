"""The main window: navigation to the six screens, the role switch, and the status bar
with the user, the role and the database in use.

The counts on the role buttons and the navigation follow the clock (late items turn late
without any click) and every change made in the window; F5 reloads the current screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from sopdesk import __version__
from sopdesk.engine import backups, queries
from sopdesk.gui.context import GuiContext
from sopdesk.gui.idle_lock import IdleLock
from sopdesk.gui.worker import Worker

log = logging.getLogger("sopdesk.gui")


class MainWindow(QMainWindow):
    PAGES = ("inbox", "helpdesk", "cases", "letters", "catalog", "settings")
    TICK_MS = 60_000  # the counts follow the clock at least once a minute

    def __init__(self, ctx: GuiContext):
        super().__init__()
        self.ctx = ctx
        self.worker = Worker(self)
        ctx.worker = self.worker
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 12pt; }"
                               "QListWidget#navigation::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        labels = (self.tr("Kotak Masuk"), self.tr("Meja Layanan"), self.tr("Kasus"), self.tr("Surat & Ekspedisi"),
                  self.tr("Katalog SOP"), self.tr("Pengaturan"))
        for number, (key, label) in enumerate(zip(self.PAGES, labels, strict=True), start=1):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number: self.show_page(n - 1))
        self.nav.currentRowChanged.connect(self.show_page)

        # one button per role: switching role is one click
        self.role_buttons = QButtonGroup(self)
        self.role_buttons.setExclusive(True)
        toolbar = self.addToolBar(self.tr("Peran"))
        toolbar.setObjectName("roleBar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Peran: ")))
        for role in ctx.roles:
            button = QToolButton()
            button.setCheckable(True)
            button.setProperty("role", role)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.role_buttons.addButton(button)
            toolbar.addWidget(button)
        self.role_buttons.buttonClicked.connect(lambda button: ctx.set_role(button.property("role")))

        body = QWidget()
        row = QHBoxLayout(body)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.user_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.worker.busy_changed.connect(self.busy.setVisible)

        ctx.data_changed.connect(self.refresh_counts)
        ctx.role_changed.connect(lambda _: self.refresh_counts())
        self.clock_timer = QTimer(self, interval=self.TICK_MS)
        self.clock_timer.timeout.connect(self.refresh_counts)
        self.clock_timer.start()
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.reload_page)
        self.refresh_counts()
        self.nav.setCurrentRow(0)
        self.resize(1360, 860)
        self.idle_lock = IdleLock(self, ctx)
        self.backup_on_exit = True

    def show_page(self, index: int) -> None:
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
            return
        key = self.PAGES[index]
        if key not in self._pages:
            page = self._build(key)
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self._pages[key] = page
        self.stack.setCurrentIndex(index)

    def page(self, key: str) -> QWidget:
        self.show_page(self.PAGES.index(key))
        return self._pages[key]

    def _build(self, key: str) -> QWidget:
        if key == "inbox":
            from sopdesk.gui.inbox_page import InboxPage

            inbox = InboxPage(self.ctx)
            inbox.message.connect(lambda text: self.statusBar().showMessage(text, 30_000))
            return inbox
        if key == "helpdesk":
            from sopdesk.gui.helpdesk_page import HelpDeskPage

            return HelpDeskPage(self.ctx)
        if key == "cases":
            from sopdesk.gui.cases_page import CasesPage

            return CasesPage(self.ctx)
        if key == "letters":
            from sopdesk.gui.letters_page import LettersPage

            return LettersPage(self.ctx, self.worker)
        if key == "catalog":
            from sopdesk.gui.catalog_page import CatalogPage

            return CatalogPage(self.ctx)
        from sopdesk.gui.settings_page import SettingsPage

        return SettingsPage(self.ctx, self.worker)

    def reload_page(self) -> None:
        """F5: the current screen and the counts again from the database."""
        self.refresh_counts()
        page = self.stack.currentWidget()
        reload = getattr(page, "refresh", None) or getattr(page, "reload", None)
        if callable(reload):
            reload()
        self.statusBar().showMessage(self.tr("Dimuat ulang"), 3_000)

    def refresh_counts(self) -> None:
        ctx = self.ctx
        counts = queries.inbox_counts(ctx.ws, ctx.roles, ctx.ws.clock())
        for button in self.role_buttons.buttons():
            role = button.property("role")
            total, late = counts[role]
            button.setText(self.tr("{0} ({1})").format(role, total) + (f" ⚠{late}" if late else ""))
            button.setToolTip(self.tr("{0}: {1} menunggu, {2} terlambat").format(role, total, late))
            button.setChecked(role == ctx.role)
        total, late = counts[ctx.role]
        inbox = self.tr("Kotak Masuk ({0})").format(total)
        if late:
            inbox += " ⚠"
        self.nav.item(0).setText(inbox)
        with ctx.ws.db.reading() as session:
            office = ctx.ws.office(session)
        office_name = office.name if office else "sopdesk"
        self.setWindowTitle(self.tr("sopdesk {0} — {1} — {2} sebagai {3}").format(
            __version__, office_name, ctx.actor.username, ctx.role))
        self.user_label.setText(self.tr("Pengguna: {0} · Peran: {1} · Basis data: {2}").format(
            ctx.actor.username, ctx.role, ctx.ws.db.url))

    def start_daily_backup(self) -> None:
        """Today's automatic backup, on the worker thread (the window stays usable)."""
        def done(path) -> None:  # noqa: ANN001
            if path is not None:
                self.statusBar().showMessage(self.tr("Cadangan harian dibuat: {0}").format(path), 15_000)

        def failed(exc: BaseException) -> None:
            log.warning("daily backup failed: %s", exc)
            self.statusBar().showMessage(self.tr("Cadangan harian gagal: {0}").format(exc), 30_000)

        self.worker.submit(lambda: backups.daily_backup(self.ctx.ws), done, failed)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        QApplication.instance().removeEventFilter(self.idle_lock)
        self.worker.stop()
        if self.backup_on_exit:
            self.statusBar().showMessage(self.tr("Membuat cadangan sebelum keluar…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                backups.exit_backup(self.ctx.ws)
            except Exception as exc:  # noqa: BLE001 - closing must not fail; the log keeps it
                log.warning("backup on exit failed: %s", exc)
            finally:
                QApplication.restoreOverrideCursor()
        super().closeEvent(event)
