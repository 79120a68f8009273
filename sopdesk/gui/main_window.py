"""The main window: navigation to the six screens, the role switch, and the status bar
with the user, the role and the database in use.

The counts on the role buttons and the navigation follow the clock (late items turn late
without any click) and every change made in the window; F5 reloads the current screen. The
screens themselves (`navigation`) are built on their first visit; the busy bar of the status
bar is `activity_bar`. The office's name in the title is read once, and again only when a
change touched the office's profile (gui.desk_changes)."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sopdesk import __version__
from sopdesk.engine import backups
from sopdesk.engine import office as office_profile
from sopdesk.engine.changes import Changes
from sopdesk.errors import StoreUnreachable
from sopdesk.gui import server_watch
from sopdesk.gui.activity_bar import ActivityBar
from sopdesk.gui.context import GuiContext
from sopdesk.gui.desk_changes import DeskChanges
from sopdesk.gui.enter_presses import enter_presses_buttons
from sopdesk.gui.geometry import restore_window, save_window
from sopdesk.gui.idle_lock import IdleLock
from sopdesk.gui.messages import ERROR_COLOR
from sopdesk.gui.navigation import SCREENS, NavigationList, build_screen, screen_labels
from sopdesk.gui.role_bar import RoleBar
from sopdesk.gui.shortcuts import shortcut
from sopdesk.gui.worker import Worker

log = logging.getLogger("sopdesk.gui")


class MainWindow(QMainWindow):
    PAGES = SCREENS
    PREFERRED_SIZE = QSize(1360, 860)
    # emitted once the window has closed: True when the user signed out (the program goes
    # back to the login dialog), False when the window was closed or Ctrl+Q pressed
    closed = Signal(bool)
    # Pengaturan > "Coba dengan data contoh": the application opens the demo office
    demo_requested = Signal()
    TICK_MS = 60_000  # the counts follow the clock at least once a minute
    RETRY_MS = 3_000  # a lost database server is asked again this often

    def __init__(self, ctx: GuiContext, demo: bool = False):
        super().__init__()
        self.ctx = ctx
        self.demo = demo  # the separate demo office: marked "DATA CONTOH" in the title
        self.signing_out = False
        self.quitting = False
        self.worker = Worker(self)
        ctx.worker = self.worker
        self.nav = NavigationList()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 12pt; }"
                               "QListWidget#navigation::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for number, (key, label) in enumerate(zip(self.PAGES, screen_labels(), strict=True), start=1):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit
            shortcut(QKeySequence(f"Ctrl+{number}"), self, partial(self.go_to, number - 1))
        self.nav.currentRowChanged.connect(self.show_page)
        self.nav.itemClicked.connect(lambda _item: self.focus_page())  # typing goes to the screen

        # one button per role: switching role is one click, on one line (gui.role_bar)
        self.role_buttons = QButtonGroup(self)
        self.role_buttons.setExclusive(True)
        self.role_bar = RoleBar(ctx.roles, self.role_buttons)
        self.role_buttons.buttonClicked.connect(lambda button: ctx.set_role(button.property("role")))
        ctx.roles_changed.connect(self._rebuild_role_bar)

        body = QWidget()
        column = self._column = QVBoxLayout(body)  # the role bar is rebuilt in it (_rebuild_role_bar)
        column.addWidget(self.role_bar)
        column.addWidget(self._server_banner())
        from sopdesk.gui.catalog_admin import catalog_banner  # issue #13: catalog files left out

        column.addWidget(catalog_banner(ctx))
        row = QHBoxLayout()
        column.addLayout(row, 1)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        enter_presses_buttons(self)  # every page's, built now or later: Enter on a focused button presses it

        self.user_label = QLabel()
        self.statusBar().addWidget(self.user_label, 1)
        self.activity = ActivityBar(self.statusBar())
        self.busy, self.busy_label = self.activity.busy, self.activity.label
        self.worker.busy_changed.connect(
            lambda on: self.set_activity("worker", self.tr("Sedang memproses…") if on else None))

        ctx.data_changed.connect(self.refresh_counts)
        ctx.role_changed.connect(lambda _: self.refresh_counts())
        self.clock_timer = QTimer(self, interval=self.TICK_MS)
        # a closed window (or one never shown) asks the store nothing
        self.clock_timer.timeout.connect(lambda: self.refresh_counts() if self.window().isVisible() else None)
        self.clock_timer.start()
        shortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload_page)
        self.retry_timer = QTimer(self, interval=self.RETRY_MS)
        self.retry_timer.timeout.connect(lambda: server_watch.watch().probe(self.ctx.ws.db))
        server_watch.watch().attach(self, self.server_lost, self._server_answered)
        server_watch.install_excepthook()
        self._waiting: int | None = None  # the current role's inbox count, once refresh_counts has read it
        self._office_name = self._read_office_name()  # for the title; read again when a change touches it
        self.refresh_counts()
        self.nav.setCurrentRow(self.PAGES.index(self.first_page()))
        self.focus_page()  # Meja Layanan: Nama has the cursor as the window shows (lost when the page joined it)
        self.resize(self.PREFERRED_SIZE)
        self._build_menu()
        self.idle_lock = IdleLock(self, ctx)
        self.backup_on_exit = not demo
        # another desk's change (or the CLI's) in view within seconds (gui.desk_changes)
        self.desk_changes = DeskChanges(self, ctx.ws, self._other_desk_changed, self.server_lost,
                                        paused=lambda: self.server_down or self.idle_lock.is_locked,
                                        noticed=self._changes_noticed)
        ctx.data_changed.connect(self.desk_changes.seen)

    def first_page(self) -> str:
        """The screen the window opens on: Kotak Masuk, or Meja Layanan for a clerk whose roles
        register visitors (Help Desk) while their inbox is empty: their work is at the desk, and
        they logged in to an empty "Kotak Masuk (0)" every time. Decided from the count the
        navigation has just read (no query of its own); the current role is the first one with
        work waiting (GuiContext), so an empty current role means every role's inbox is empty.
        An administrator holding no role of their own (they see every role) starts on the inbox."""
        if self._waiting != 0:  # work waiting, or the count could not be read: the inbox
            return "inbox"
        ctx = self.ctx
        if ctx.is_admin and ctx.roles == sorted(ctx.ws.catalog.roles):  # no role of their own
            return "inbox"
        from sopdesk.engine.visitors import visitor_roles  # not on the way to the inbox

        return "helpdesk" if set(ctx.roles) & set(visitor_roles(ctx.ws)) else "inbox"

    # --- menu, sign-out, help ------------------------------------------------------------------
    def _build_menu(self) -> None:
        # no underlined letter on the menu bar: every letter of "Berkas" and "Bantuan" is already
        # an Alt key of a page (Alt+B buku tamu, Alt+E E-mail, Alt+R Koreksi and Rincian, Alt+K,
        # Alt+A Ambil, Alt+S, Alt+N Nama, Alt+T Tandai diterima, Alt+U Uraian), and a shared key
        # makes both ambiguous. F10 opens the menu bar instead, as on Windows and GNOME (Left and
        # Right move to the other menu); every menu item has its own shortcut too
        menu = self.file_menu = self.menuBar().addMenu(self.tr("Berkas"))
        shortcut(QKeySequence(Qt.Key.Key_F10), self, self.open_menu)
        self.sign_out_action = QAction(self.tr("&Keluar/ganti pengguna"), self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self.tr("&Tutup sopdesk"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("Bantuan"))
        self.guide_action = QAction(self.tr("&Panduan Pengguna"), self)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        for action in (self.sign_out_action, self.quit_action, self.guide_action):
            # the shortcuts work on every page, not only while the menu bar has the focus
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def open_menu(self) -> None:
        """F10: the Berkas menu opens, the keyboard in it."""
        self.menuBar().setActiveAction(self.file_menu.menuAction())

    def restore_geometry(self) -> bool:
        """Open at the remembered size and place when it still fits a screen, otherwise at a
        size that fits the screen the window is on."""
        return restore_window(self, self.PREFERRED_SIZE)

    def sign_out(self) -> None:
        """Close this window without closing the program: the login dialog comes back."""
        self.signing_out = True
        if not self.close():
            self.signing_out = False

    def quit(self) -> None:
        """Ctrl+Q: close sopdesk (every window of it)."""
        self.quitting = True
        if self.close():
            QApplication.closeAllWindows()

    def show_guide(self) -> None:
        from sopdesk.gui.guide import GuideDialog

        guide = getattr(self, "guide", None)
        if guide is None:
            self.guide = guide = GuideDialog(self)
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def show_page(self, index: int) -> None:
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
            return
        key = self.PAGES[index]
        if key not in self._pages:
            try:
                page = self._build(key)
            except StoreUnreachable:  # the screen cannot be built now: stay where we were
                self.server_lost()
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self.stack.currentIndex())
                self.nav.blockSignals(False)
                return
            old = self.stack.widget(index)
            if old is not None:  # the placeholder the screen was built in place of
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, page)
            self._pages[key] = page
        self.stack.setCurrentIndex(index)

    def go_to(self, index: int) -> None:
        """Ctrl+1..6: show the screen and put the cursor in its first field."""
        self.show_page(index)
        self.focus_page()

    def focus_page(self) -> None:
        """The current screen takes the keyboard when it says where: its `focus_first_field()`
        (Meja Layanan: Nama)."""
        hook = getattr(self.stack.currentWidget(), "focus_first_field", None)
        if callable(hook):
            hook()

    def take_keyboard(self) -> None:
        """The window takes the keyboard: activated, and the keyboard focus in its screen (the
        screen's first field, else the first widget that takes it). The Shell calls it once the
        window has painted and again a moment later: on an X server without a window manager
        the activation asked at show() was sometimes lost (the X focus stayed on the login
        dialog's window; typing went nowhere). Never taken from another visible window of the
        program (a message box, the guide)."""
        active = QApplication.activeWindow()
        if not self.isVisible() or (active is not None and active is not self and active.isVisible()):
            return
        self.raise_()
        self.activateWindow()
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.focus_page()
            focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            page = self.stack.currentWidget()
            if page is not None:
                page.focusNextChild()

    def page(self, key: str) -> QWidget:
        self.show_page(self.PAGES.index(key))
        return self._pages[key]

    def _say(self, text: str) -> None:
        """What an action on a page did (a step form's outcome, Ambil...), for 30 seconds."""
        self.statusBar().showMessage(text, 30_000)

    def _build(self, key: str) -> QWidget:
        return build_screen(key, self.ctx, self.worker, self._say)

    def reload_page(self) -> None:
        """F5: the current screen and the counts again from the database."""
        if self._reload_current():
            self.statusBar().showMessage(self.tr("Dimuat ulang"), 3_000)

    def _reload_current(self) -> bool:
        """The counts and the current screen again (False: the server is lost)."""
        self.ctx.forget_counts()
        self.refresh_counts()
        page = self.stack.currentWidget()
        reload = getattr(page, "refresh", None) or getattr(page, "reload", None)
        if callable(reload):
            try:
                reload()
            except StoreUnreachable:
                self.server_lost()
                return False
        return True

    def _other_desk_changed(self) -> None:
        """Another desk changed the office: the counts, and the screen in view if it refreshes
        in place (`refresh`: its selection and scroll kept). A screen that only rebuilds
        (`reload`, Katalog SOP: its diagram scrolled back to the top) waits for F5."""
        self.ctx.elsewhere_changed.emit()  # an open step form asks whether its step still waits
        self.refresh_counts()
        refresh = getattr(self.stack.currentWidget(), "refresh", None)
        if callable(refresh):
            try:
                refresh()
            except StoreUnreachable:
                self.server_lost()

    # --- a lost database server --------------------------------------------------------------
    def _server_banner(self) -> QLabel:
        self.server_banner = QLabel(self.tr("Server basis data tidak terjangkau; mencoba lagi..."))
        self.server_banner.setObjectName("serverBanner")
        self.server_banner.setWordWrap(True)
        self.server_banner.setStyleSheet(f"QLabel#serverBanner {{ background: {ERROR_COLOR}; color: white; "
                                         "font-weight: bold; font-size: 11pt; padding: 8px; }")
        self.server_banner.hide()
        self.server_down = False
        return self.server_banner

    def server_lost(self) -> None:
        """The server cannot be reached: one banner, a probe every few seconds (no dialogs)."""
        if not self.server_down:
            log.warning("database server unreachable; retrying every %d ms", self.RETRY_MS)
        self.server_down = True
        self.server_banner.show()
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def _server_answered(self, ok: bool) -> None:
        if not ok or not self.server_down:
            return
        self.server_down = False
        self.retry_timer.stop()
        self.server_banner.hide()
        log.info("database server reachable again")
        self._office_name = self._read_office_name()  # unknown if the window opened without it
        self.reload_page()
        if not self.server_down:
            self.statusBar().showMessage(self.tr("Server basis data tersambung kembali"), 10_000)

    def _rebuild_role_bar(self) -> None:
        """The role bar again, for the context's roles as they are now (an SOP with a new role)."""
        for button in self.role_buttons.buttons():
            self.role_buttons.removeButton(button)
        old, self.role_bar = self.role_bar, RoleBar(self.ctx.roles, self.role_buttons)
        self._column.replaceWidget(old, self.role_bar)
        old.deleteLater()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        try:
            self._refresh_counts()
        except StoreUnreachable:
            self.server_lost()

    def _refresh_counts(self) -> None:
        ctx = self.ctx
        counts = ctx.inbox_counts()  # one read, shared with Kotak Masuk's summary (GuiContext)
        for button in self.role_buttons.buttons():
            role = button.property("role")
            total, late = counts[role]
            button.setToolTip(self.tr("{0}: {1} menunggu, {2} terlambat").format(role, total, late))
            button.setChecked(role == ctx.role)
        self.role_bar.show_counts(counts)  # worded to stay on one line (gui.role_bar)
        total, late = counts[ctx.role]
        self._waiting = total
        inbox = self.tr("Kotak Masuk ({0})").format(total)
        if late:
            inbox += " ⚠"
        self.nav.item(0).setText(inbox)
        self._show_title()
        self.user_label.setText(self.tr("Pengguna: {0} · Peran: {1} · Basis data: {2}").format(
            ctx.actor.username, ctx.role, ctx.ws.db.url))

    def _read_office_name(self) -> str:
        try:
            office = office_profile.profile(self.ctx.ws)
        except StoreUnreachable:  # the banner says so; the title names the office once it answers
            return "sopdesk"
        return office.name if office else "sopdesk"

    def _show_title(self) -> None:
        ctx = self.ctx
        title = self.tr("sopdesk {0} — {1} — {2} sebagai {3}").format(
            __version__, self._office_name, ctx.actor.username, ctx.role)
        if self.demo:
            title = self.tr("DATA CONTOH — {0}").format(title)
        self.setWindowTitle(title)

    def _changes_noticed(self, changes: Changes) -> None:
        """A change of this desk's or another's: the office's name again if it touched the
        profile (an administrator's edit in Pengaturan, a restored backup), the work calendar
        again if it touched that."""
        if changes.touch_office():
            self._office_name = self._read_office_name()
            self._show_title()
            self.ctx.office_changed.emit()  # Pengaturan's profile box follows it
        if changes.touch_calendar():
            # another desk's holiday: this desk's due times skip it too, without a restart
            self.ctx.ws.reset_calendar()
            self.ctx.calendar_changed.emit()

    def set_activity(self, key: str, text: str | None, percent: int | None = None) -> None:
        """Show (text) or end (None) one piece of background work beside the status bar's busy
        bar (gui.activity_bar)."""
        self.activity.set(key, text, percent)

    def start_daily_backup(self) -> None:
        """Today's automatic backup, on the worker thread (the window stays usable)."""
        def done(path) -> None:  # noqa: ANN001
            self.set_activity("backup", None)
            if path is not None:
                self.statusBar().showMessage(self.tr("Cadangan harian dibuat: {0}").format(path), 15_000)

        def failed(exc: BaseException) -> None:
            self.set_activity("backup", None)
            log.warning("daily backup failed: %s", exc)
            self.statusBar().showMessage(self.tr("Cadangan harian gagal: {0}").format(exc), 30_000)

        self.set_activity("backup", self.tr("Memeriksa cadangan harian…"))
        self.worker.submit(lambda: backups.daily_backup(self.ctx.ws), done, failed)

    @property
    def wants_exit_backup(self) -> bool:
        """Closed (not signed out) in the office's own window: the Shell writes the backup on
        exit if the records changed since the newest one (engine.backups.exit_backup_due)."""
        return self.backup_on_exit and not self.signing_out

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        """The window goes at once: nothing here waits for the disk. A job still on the worker
        (the day's first backup, a printout) ends on its own; the Shell keeps this window until
        then and writes the backup on exit behind a progress window of its own."""
        save_window(self)
        self.retry_timer.stop()
        self.clock_timer.stop()
        server_watch.watch().detach(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_lock)
        self.idle_lock.timer.stop()
        self.worker.stop(wait=False)
        super().closeEvent(event)
        self.closed.emit(self.signing_out)
