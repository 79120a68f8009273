"""Start the desktop application: open the workspace, set up on the very first run, log in,
show the main window (sopdesk.gui.start shows the login dialog before the workspace is open
and hands it to the Shell).

`Shell` runs the program's life between windows without blocking calls, so that a test can
drive it like a user: the first start signs the new administrator in straight after the
set-up; signing out closes the window and shows the login dialog again; "Coba dengan data
contoh" opens the separate demo office (built on the worker, progress shown) in its own
window, never the office's own database. The program ends when its last window closes.

The start-up integrity check (PRAGMA quick_check and the audit chain) runs on a thread of its
own once the window has painted (gui.start_check: the status bar shows how far it is; a restore
stops it), and warns when it finds damage. Closing a window hides it at
once; the backup on exit is then written on the worker behind a small progress window, and
only when the office's records changed since the newest backup (engine.backups).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from sopdesk.engine import backups, integrity, office
from sopdesk.engine.record_check import Progress
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.context import GuiContext
from sopdesk.gui.login import LoginDialog, SetupDialog
from sopdesk.gui.main_window import MainWindow
from sopdesk.gui.messages import show_error
from sopdesk.gui.next_step import NextStepLine
from sopdesk.gui.start_check import StartCheck
from sopdesk.gui.type_ahead import TypeAhead
from sopdesk.gui.worker import Worker

DEMO_CASES = 300
log = logging.getLogger("sopdesk.gui")


def start_check(ws: Workspace, progress: Progress | None = None) -> list:
    """The start-up check (for its thread): PRAGMA quick_check, the whole audit chain, its
    anchor and the records against their seals (engine.integrity.verify_whole_chain). The check
    does not read one snapshot: a step completed by a user while it runs can look like a record
    changed outside sopdesk (seen once in five checks under steady writes). So findings are
    looked at once more, and only what is found again is reported and held (engine.tamper).
    `progress` follows the first reading (the second is rare)."""
    if not integrity.verify_whole_chain(ws, remember=False, progress=progress):
        return []
    return integrity.verify_whole_chain(ws)


def warn_if_damaged(ws: Workspace, parent=None) -> bool:  # noqa: ANN001
    """The start-up check, run here and now; tell the user when something is wrong."""
    return show_findings(start_check(ws), parent)


def show_findings(findings: list, parent=None) -> bool:  # noqa: ANN001
    """Warn about the start-up check's findings; True when there were none."""
    if not findings:
        return True
    lines = "\n".join(f"• {finding.message}" for finding in findings[:8])
    QMessageBox.warning(parent, QCoreApplication.translate("app", "Pemeriksaan data"),
                        QCoreApplication.translate("app", "Pemeriksaan awal menemukan masalah pada data:\n{0}\n\n"
                                                   "Jalankan 'sopdesk check' untuk rincian lengkap, dan pulihkan "
                                                   "dari cadangan bila perlu (Pengaturan > Cadangan).").format(lines))
    return False


def after_first_paint(widget: QWidget, action: Callable[[], None], latest_ms: int = 2_000) -> None:
    """Run `action` once `widget` has painted (the window is on the screen with its data), or
    after `latest_ms` at the latest (a window that is not painted, e.g. minimised)."""
    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            action()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, widget, once)  # dropped with the widget
            return False

    watcher = Painted(widget)
    widget.installEventFilter(watcher)
    QTimer.singleShot(latest_ms, widget, once)  # dropped with the widget (closed meanwhile)


class Shell(QObject):
    """The office workspace, the demo workspace (when opened) and their windows."""

    finished = Signal()  # the last window or dialog closed: the program ends
    backup_progress = Signal(int, int)  # the backup on exit, from the worker: bytes written, in all
    WAIT_MS = 200  # how often a closed window's busy worker is looked at
    KEYBOARD_AGAIN_MS = 500  # the window asks for the keyboard once more this long after its first paint

    def __init__(self, ws: Workspace, check_data: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.check_data = check_data
        self.demo_ws: Workspace | None = None
        self.windows: list[MainWindow] = []
        self.dialog: QDialog | None = None  # the set-up or login dialog on screen
        self.progress: QProgressDialog | None = None
        self.worker = Worker(self)
        self._checked = False
        self.check: StartCheck | None = None  # the start-up check (its own thread)
        self.closing: list[MainWindow] = []  # closed windows kept until their worker's job ended
        self.exit_pending = False  # a backup on exit is being decided or written
        self.login_pending = False  # signed out: the login dialog is about to show
        self._opened: dict[LoginDialog, MainWindow] = {}  # opened on a login's signed_in, before it closed
        self.backup_progress.connect(self._show_backup_progress)

    # --- first start and signing in ---------------------------------------------------------------
    def start(self) -> None:
        if self.ws.is_set_up():
            self.show_login(self.ws)
            return
        setup = SetupDialog(self.ws)
        setup.finished.connect(lambda result: self._set_up(setup, result))
        self._show_dialog(setup)

    def _set_up(self, setup: SetupDialog, result: int) -> None:
        self.dialog = None
        setup.deleteLater()
        if result == SetupDialog.DEMO:
            self.open_demo()
        elif result == QDialog.DialogCode.Accepted and setup.actor is not None:
            window = self.open_window(self.ws, setup.actor)  # the new administrator: no second password
            # what comes next, until Pengaturan is opened (gui.next_step)
            line = NextStepLine(window.statusBar(), self.tr(
                "Kantor disiapkan. Berikutnya: tambahkan pengguna kantor di Pengaturan (Ctrl+6)."))
            settings = window.PAGES.index("settings")
            window.nav.currentRowChanged.connect(lambda row: line.done() if row == settings else None)
        else:
            self._maybe_finish()

    def show_login(self, ws: Workspace) -> None:
        profile = office.profile(ws)
        name = profile.name if profile is not None else ""  # asked only of an office that is set up
        login = LoginDialog(ws, name)
        if ws is self.demo_ws:
            login.setWindowTitle(self.tr("Masuk — DATA CONTOH — sopdesk"))
        self._follow(login, ws)
        self._show_dialog(login)

    def _follow(self, login: LoginDialog, ws: Workspace) -> None:
        signed_in = getattr(login, "signed_in", None)  # asked of gui.login (requests.md, h5 to h4); until then
        if signed_in is not None:                      # the window opens after the dialog has closed, as before
            signed_in.connect(lambda: self._signed_in(login, ws))
        login.finished.connect(lambda result: self._logged_in(login, ws, result))

    def _signed_in(self, login: LoginDialog, ws: Workspace) -> None:
        """The password was accepted and the dialog is still on screen: the window opens now,
        so that the keyboard passes from the dialog straight to it. Opened after the dialog had
        closed, the window took the keyboard half a second later (its build), and a name typed
        at once after Enter went to no window meanwhile (Xvfb; under a window manager it may go
        to whichever window is activated in between)."""
        if login.actor is not None:
            self._opened[login] = self.open_window(ws, login.actor)

    def _logged_in(self, login: LoginDialog, ws: Workspace, result: int) -> None:
        self.dialog = None
        login.deleteLater()
        window = self._opened.pop(login, None)
        if result == QDialog.DialogCode.Accepted and login.actor is not None:
            window = window or self.open_window(ws, login.actor)
            window.activateWindow()  # the dialog has gone: the keyboard to the window now
            # keys typed after Masuk, addressed to the closed dialog, go to the window (gui.type_ahead)
            TypeAhead(window, self)
        elif ws is self.demo_ws:
            self._demo_closed()
        else:
            self._maybe_finish()

    def adopt_login(self, login: LoginDialog, ws: Workspace, office_name: str | None = None) -> None:
        """The login dialog shown before the workspace was open (sopdesk.gui.start) becomes this
        Shell's, as if show_login had opened it; a Masuk clicked meanwhile signs in now."""
        self._follow(login, ws)
        self.dialog = login
        login.set_workspace(ws, office_name)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    # --- windows ----------------------------------------------------------------------------------
    def open_window(self, ws: Workspace, actor: Actor) -> MainWindow:
        demo = ws is self.demo_ws
        ws.calendar  # noqa: B018 - the holiday calendar now, not on the first screen
        window = MainWindow(GuiContext(ws, actor), demo=demo)
        window.closed.connect(lambda signed_out: self._window_closed(window, signed_out))
        window.demo_requested.connect(self.open_demo)
        self.windows.append(window)
        window.restore_geometry()
        window.show()
        window.raise_()
        window.activateWindow()
        # asked again once painted, and a moment later: without a window manager the first
        # activation can be lost (MainWindow.take_keyboard)
        after_first_paint(window, lambda: self._take_keyboard(window))
        if demo:
            window.statusBar().showMessage(
                self.tr("Kantor contoh: semua pengguna contoh (admin, kasubag, help.desk, …) memakai kata sandi "
                        "sopdesk-demo. Data kantor Anda tidak tersentuh."), 60_000)
        else:
            if self.check_data and not self._checked:
                self._checked = True
                after_first_paint(window, lambda: self.check_in_background(ws))
            window.start_daily_backup()
        return window

    @property
    def check_running(self) -> bool:
        """The start-up check is running (its own thread)."""
        return self.check is not None and self.check.running

    def _take_keyboard(self, window: MainWindow, again: bool = True) -> None:
        if window not in self.windows or not shiboken6.isValid(window):  # closed (and deleted) meanwhile
            return
        window.take_keyboard()
        if again:
            QTimer.singleShot(self.KEYBOARD_AGAIN_MS, lambda: self._take_keyboard(window, again=False))

    def check_in_background(self, ws: Workspace) -> None:
        """The start-up check after the window is shown, on a thread of its own (gui.start_check);
        a warning if it finds damage. Not the worker: the whole chain takes most of a minute at
        100,000 cases, and neither the backup on exit nor the program's end waits for it (it only
        reads; the next start checks again). A restore stops it and, failing, starts it again."""
        if self.check is None:
            self.check = StartCheck(lambda progress: start_check(ws, progress=progress), ws, self)
            self.check.progressed.connect(self._check_progressed)
            self.check.done.connect(self._check_done)
            self.check.failed.connect(self._check_failed)
            self.check.stopped.connect(lambda: self._label_check(None))
            self.check.started.connect(lambda: self._label_check(self.tr("Memeriksa keutuhan data…")))
        self.check.start()

    def _check_progressed(self, done: int, total: int) -> None:
        if self.check_running:
            percent = done * 100 // max(total, 1)
            self._label_check(self.tr("Memeriksa keutuhan data…"), percent)  # the bar shows the percentage

    def _label_check(self, text: str | None, percent: int | None = None) -> None:
        """The status bar says the start-up check runs (most of a minute in a large office), and
        how far it is once it reads the chain and the records."""
        for window in self.windows:
            with suppress(RuntimeError):  # a window deleted meanwhile
                window.set_activity("check", text, percent)

    def _check_done(self, findings: list) -> None:
        self._label_check(None)
        show_findings(findings, self.windows[0] if self.windows else None)

    def _check_failed(self, exc: BaseException) -> None:
        self._label_check(None)
        log.warning("start-up check failed: %s", exc)
        show_error(self.windows[0] if self.windows else None, exc, self.tr("Pemeriksaan data"))

    def _window_closed(self, window: MainWindow, signed_out: bool) -> None:
        if window in self.windows:
            self.windows.remove(window)
        ws = window.ctx.ws
        backup = window.wants_exit_backup and ws is not self.demo_ws
        self.exit_pending = self.exit_pending or backup  # the program does not end before it
        if signed_out:  # set before _retire: a worker already ended must not end the program first
            self.login_pending = True
            QTimer.singleShot(0, lambda: self._login_again(ws))
        self._retire(window)
        if signed_out:
            return
        if backup:
            self._backup_on_exit(window, ws)
            return
        if ws is self.demo_ws:
            self._demo_closed(window.quitting)
        else:
            self._maybe_finish()

    def _login_again(self, ws: Workspace) -> None:
        """After Keluar/ganti pengguna: the login dialog (the program goes on meanwhile)."""
        self.login_pending = False
        self.show_login(ws)

    def _demo_closed(self, quitting: bool = False) -> None:
        self._close_demo()
        if not self.windows and self.dialog is None and not quitting and not self.ws.is_set_up():
            QTimer.singleShot(0, self.start)  # tried the demo on first start: now set up the office
        else:
            self._maybe_finish()

    def _retire(self, window: MainWindow) -> None:
        """Delete a closed window once its worker's thread has ended (a job it was doing, such
        as the day's first backup, finishes first; the program does not end before)."""
        self.closing.append(window)
        self._sweep()

    def _sweep(self) -> None:
        for window in list(self.closing):
            if window.worker.finished_all:
                self.closing.remove(window)
                window.deleteLater()
        if self.closing:
            QTimer.singleShot(self.WAIT_MS, self._sweep)
        else:
            self._maybe_finish()

    # --- the backup on exit -----------------------------------------------------------------------
    def _backup_on_exit(self, window: MainWindow, ws: Workspace) -> None:
        """After the window is gone: wait for a backup its worker is still writing, then write
        one more only if the records changed since the newest backup, with a progress window."""
        if window in self.closing:  # its worker still writes (_sweep deletes the window after)
            self._exit_progress(self.tr("Menunggu cadangan harian selesai ditulis…"))
            QTimer.singleShot(self.WAIT_MS, lambda: self._backup_on_exit(window, ws))
            return
        try:
            due = backups.exit_backup_due(ws)
        except Exception as exc:  # noqa: BLE001 - e.g. a database gone: try the backup, which says why
            log.warning("cannot tell whether a backup on exit is due: %s", exc)
            due = True
        if not due:
            log.info("backup on exit skipped: nothing changed since the newest backup")
            self.exit_pending = False
            self._end_progress()
            self._maybe_finish()
            return
        self._exit_progress(self.tr("Membuat cadangan sebelum keluar…"))

        def done(path) -> None:  # noqa: ANN001
            log.info("backup on exit written: %s", path)
            self.exit_pending = False
            self._end_progress()
            self._maybe_finish()

        def failed(exc: BaseException) -> None:
            log.warning("backup on exit failed: %s", exc)
            self.exit_pending = False
            self._end_progress()
            show_error(None, exc, self.tr("Cadangan sebelum keluar"))
            self._maybe_finish()

        self.worker.submit(lambda: backups.exit_backup(ws, self.backup_progress.emit), done, failed)

    def _exit_progress(self, text: str) -> None:
        if self.progress is None:
            self.progress = QProgressDialog(text, "", 0, 0)
            self.progress.setWindowTitle(self.tr("Cadangan — sopdesk"))
            self.progress.setCancelButton(None)
            self.progress.setMinimumDuration(0)
            self.progress.setMinimumWidth(420)
            self.progress.show()
        self.progress.setLabelText(text)

    def _show_backup_progress(self, done: int, total: int) -> None:
        if self.progress is None:
            return
        if total <= 0:
            self.progress.setRange(0, 0)  # copying the database: no size yet
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))
        self.progress.setLabelText(self.tr("Membuat cadangan sebelum keluar… {0} dari {1} MB").format(
            done // 1_000_000, max(1, total // 1_000_000)))

    def _maybe_finish(self) -> None:
        if (not self.windows and self.dialog is None and self.progress is None and not self.closing
                and not self.exit_pending and not self.login_pending):
            self.worker.stop()
            self.finished.emit()

    # --- the demo office --------------------------------------------------------------------------
    def open_demo(self) -> None:
        """Open the separate demo office, building it on the worker the first time."""
        for window in self.windows:
            if window.demo:
                window.raise_()
                window.activateWindow()
                return
        if self.progress is not None:
            return
        parent = self.windows[0] if self.windows else None
        self.progress = QProgressDialog(self.tr("Menyiapkan kantor contoh dengan {0} kasus latihan…\n"
                                                "Data kantor Anda tidak diubah.").format(DEMO_CASES),
                                        "", 0, 0, parent)
        self.progress.setWindowTitle(self.tr("Data contoh — sopdesk"))
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress.show()
        data_dir = self.ws.data_dir
        self.worker.submit(lambda: office.open_demo_office(data_dir, cases=DEMO_CASES), self._demo_ready,
                           self._demo_failed)

    def _end_progress(self) -> QWidget | None:
        parent = self.progress.parentWidget() if self.progress else None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        return parent

    def _demo_ready(self, opened: tuple[Workspace, Actor]) -> None:
        self._end_progress()
        self.demo_ws, actor = opened
        self.open_window(self.demo_ws, actor)

    def _demo_failed(self, exc: BaseException) -> None:
        parent = self._end_progress()
        show_error(parent, exc, self.tr("Data contoh"))
        self._demo_closed()  # on first start: back to the set-up

    def _close_demo(self) -> None:
        if self.demo_ws is not None and not any(w.ctx.ws is self.demo_ws for w in self.windows):
            self.demo_ws.close()
            self.demo_ws = None

    def close(self) -> None:
        """At the end of the program: the demo workspace and the worker."""
        if self.demo_ws is not None:
            self.demo_ws.close()
            self.demo_ws = None
        self.worker.stop()
