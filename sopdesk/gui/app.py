"""Start the desktop application: open the workspace, set up on the very first run, log in,
show the main window.

`Shell` runs the program's life between windows without blocking calls, so that a test can
drive it like a user: the first start signs the new administrator in straight after the
set-up; signing out closes the window and shows the login dialog again; "Coba dengan data
contoh" opens the separate demo office (built on the worker, progress shown) in its own
window, never the office's own database. The program ends when its last window closes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from sopdesk.catalog import CatalogError
from sopdesk.engine import integrity, office
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import install_translator, saved_language
from sopdesk.gui.login import LoginDialog, SetupDialog
from sopdesk.gui.main_window import MainWindow
from sopdesk.gui.messages import show_error
from sopdesk.gui.worker import Worker

DEMO_CASES = 300


def warn_if_damaged(ws: Workspace, parent=None) -> bool:  # noqa: ANN001
    """The quick part of `sopdesk check` at start; tell the user when something is wrong."""
    report = integrity.quick_check(ws)
    if report.ok:
        return True
    lines = "\n".join(f"• {finding.message}" for finding in report.findings[:8])
    QMessageBox.warning(parent, QCoreApplication.translate("app", "Pemeriksaan data"),
                        QCoreApplication.translate("app", "Pemeriksaan awal menemukan masalah pada data:\n{0}\n\n"
                                                   "Jalankan 'sopdesk check' untuk rincian lengkap, dan pulihkan "
                                                   "dari cadangan bila perlu (Pengaturan > Cadangan).").format(lines))
    return False


class Shell(QObject):
    """The office workspace, the demo workspace (when opened) and their windows."""

    finished = Signal()  # the last window or dialog closed: the program ends

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
            self.open_window(self.ws, setup.actor)  # the new administrator: no second password
        else:
            self._maybe_finish()

    def show_login(self, ws: Workspace) -> None:
        with ws.db.reading() as session:
            name = ws.office(session).name
        login = LoginDialog(ws, name)
        if ws is self.demo_ws:
            login.setWindowTitle(self.tr("Masuk — DATA CONTOH — sopdesk"))
        login.finished.connect(lambda result: self._logged_in(login, ws, result))
        self._show_dialog(login)

    def _logged_in(self, login: LoginDialog, ws: Workspace, result: int) -> None:
        self.dialog = None
        login.deleteLater()
        if result == QDialog.DialogCode.Accepted and login.actor is not None:
            self.open_window(ws, login.actor)
        elif ws is self.demo_ws:
            self._demo_closed()
        else:
            self._maybe_finish()

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    # --- windows ----------------------------------------------------------------------------------
    def open_window(self, ws: Workspace, actor: Actor) -> MainWindow:
        demo = ws is self.demo_ws
        ws.calendar  # noqa: B018 - load the holiday calendar (~0.2 s) now, not on the first screen
        if not demo and self.check_data and not self._checked:
            self._checked = True
            warn_if_damaged(ws)
        window = MainWindow(GuiContext(ws, actor), demo=demo)
        window.closed.connect(lambda signed_out: self._window_closed(window, signed_out))
        window.demo_requested.connect(self.open_demo)
        self.windows.append(window)
        window.restore_geometry()
        window.show()
        window.raise_()
        window.activateWindow()
        if demo:
            window.statusBar().showMessage(
                self.tr("Kantor contoh: semua pengguna contoh (admin, kasubag, help.desk, …) memakai kata sandi "
                        "sopdesk-demo. Data kantor Anda tidak tersentuh."), 60_000)
        else:
            window.start_daily_backup()
        return window

    def _window_closed(self, window: MainWindow, signed_out: bool) -> None:
        if window in self.windows:
            self.windows.remove(window)
        window.deleteLater()
        ws = window.ctx.ws
        if signed_out:
            QTimer.singleShot(0, lambda: self.show_login(ws))
            return
        if ws is self.demo_ws:
            self._demo_closed(window.quitting)
        else:
            self._maybe_finish()

    def _demo_closed(self, quitting: bool = False) -> None:
        self._close_demo()
        if not self.windows and self.dialog is None and not quitting and not self.ws.is_set_up():
            QTimer.singleShot(0, self.start)  # tried the demo on first start: now set up the office
        else:
            self._maybe_finish()

    def _maybe_finish(self) -> None:
        if not self.windows and self.dialog is None and self.progress is None:
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


def run(data_dir: Path, url: str | None) -> int:
    from sopdesk.store.private_files import restrict_umask

    restrict_umask()  # every file the desktop writes is this user's only (also when not started by the CLI)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sopdesk")
    app.setOrganizationName("sopdesk")
    install_translator(app, saved_language())
    try:
        ws = Workspace.open(data_dir, url)
    except (UserError, CatalogError) as exc:
        QMessageBox.critical(None, "sopdesk", str(exc))
        return 1
    app.setQuitOnLastWindowClosed(False)  # signing out closes the window but not the program
    shell = Shell(ws)
    shell.finished.connect(app.quit)
    try:
        shell.start()
        return app.exec()
    finally:
        shell.close()
        ws.close()


SMOKE_CASES = 50  # the demo office the start-up check opens (built on its first use)
SMOKE_TIMEOUT_MS = 120_000


def smoke_test(data_dir: Path) -> int:
    """`sopdesk gui --smoke-test`: prove that the desktop program starts here (a fresh bundle,
    an office PC): open the main window on the demo office beside `data_dir`, wait until the
    Kotak Masuk has painted its rows, say so and exit 0; one line on stderr and 1 otherwise."""
    import time

    from PySide6.QtCore import QEvent

    from sopdesk.gui.main_window import MainWindow

    started = time.monotonic()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sopdesk")
    install_translator(app, saved_language())
    try:
        ws, actor = office.open_demo_office(data_dir, cases=SMOKE_CASES)
    except (UserError, CatalogError) as exc:
        print(f"sopdesk: uji mulai gagal: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. the data folder is a file or not writable
        print(f"sopdesk: uji mulai gagal: folder data {data_dir} tidak dapat dipakai ({exc.strerror})",
              file=sys.stderr)
        return 1
    outcome: list[int] = []

    def finish(code: int, message: str) -> None:
        if not outcome:
            outcome.append(code)
            print(message, file=sys.stdout if code == 0 else sys.stderr, flush=True)
            app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and inbox.model.rowCount() > 0:
                QTimer.singleShot(0, lambda: finish(0, f"Uji mulai berhasil: Kotak Masuk tampil dengan "
                                                       f"{inbox.model.rowCount()} baris dalam "
                                                       f"{time.monotonic() - started:.1f} detik"))
            return False

    try:
        window = MainWindow(GuiContext(ws, actor), demo=True)
        inbox = window.page("inbox")
        watcher = FirstPaint(window)
        inbox.table.viewport().installEventFilter(watcher)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: finish(1, "sopdesk: uji mulai gagal: Kotak Masuk tidak tampil "
                                                              f"dalam {SMOKE_TIMEOUT_MS // 1000} detik"))
        window.show()
        app.exec()
        window.close()
    finally:
        ws.close()
    return outcome[0] if outcome else 1
