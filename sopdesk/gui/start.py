"""The desktop program's start: the login window first, the rest while the password is typed.

Opening the office (SQLAlchemy, the schema check, the catalog, the holiday calendar) and
importing the main window's screens takes longer than a person waits for a window to appear.
So the login dialog is shown at once, with the office's name remembered from the last start
(QSettings, per data folder and database), while a thread opens the workspace, imports the
screens and runs once the reads of a login and of the inbox's first page (their SQL compiled, so
that Masuk costs little more than Argon2). A click on Masuk before that signs in as soon as the
workspace is there. When the
office is not set up yet (or was never opened on this PC), the set-up or login dialog comes
once the workspace is open, as before. From then on `sopdesk.gui.app.Shell` runs the program.
This module and the login dialog import nothing heavy at their top (tests/test_start_speed.py)."""

from __future__ import annotations

import hashlib
import importlib
import logging
import sys
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sopdesk.errors import UserError
from sopdesk.gui.app_settings import name_application
from sopdesk.gui.i18n import install_translator, saved_language
from sopdesk.gui.login import LoginDialog

log = logging.getLogger("sopdesk.gui")
# the main window, its first screen and what the window imports when it is built
PRELOAD = ("sopdesk.gui.app", "sopdesk.gui.inbox_page", "sopdesk.gui.catalog_admin", "sopdesk.gui.helpdesk")
OFFICE_KEY = "start/office-{0}"  # the office's name at the last start, per data folder + database


def _location(data_dir: Path, url: str | None) -> str:
    text = f"{Path(data_dir).absolute()}|{url or ''}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def remembered_office(data_dir: Path, url: str | None) -> str | None:
    value = QSettings().value(OFFICE_KEY.format(_location(data_dir, url)))
    return value if isinstance(value, str) and value else None


def remember_office(data_dir: Path, url: str | None, name: str | None) -> None:
    key = OFFICE_KEY.format(_location(data_dir, url))
    if name:
        QSettings().setValue(key, name)
    else:
        QSettings().remove(key)


class Opener(QObject):
    """Opens the workspace and imports the main window's modules on a thread of its own."""

    opened = Signal(object)  # (workspace, office name or None, set up?)
    failed = Signal(object)  # the exception

    def __init__(self, data_dir: Path, url: str | None):
        super().__init__()
        self.data_dir, self.url = data_dir, url
        self._thread = threading.Thread(target=self._run, name="sopdesk-start", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            from sopdesk.engine import office
            from sopdesk.engine.workspace import Workspace

            ws = Workspace.open(self.data_dir, self.url)
            try:
                profile = office.profile(ws)
                name = profile.name if profile is not None else None
                set_up = ws.is_set_up()
                ws.calendar  # noqa: B018 - the holiday calendar, before the first screen needs it
                for module in PRELOAD:
                    with suppress(ModuleNotFoundError):
                        importlib.import_module(module)
                if set_up:
                    warm_first_screen(ws)
                warm_qt_types()
            except BaseException:
                ws.close()
                raise
        except BaseException as exc:  # noqa: BLE001 - shown by the GUI thread
            self.failed.emit(exc)
            return
        # only now: a Masuk clicked at once no longer shares the interpreter with the warming
        # above (0.15-0.3 s of CPU that used to run beside the password check, issue #15)
        self.opened.emit((ws, name, set_up))


def warm_first_screen(ws: Any) -> None:
    """While the password is typed: the reads of a login and of the inbox's first page, once,
    so that their SQL is compiled before Masuk (about 0.1 s of CPU after the click otherwise).
    A failure here only loses the head start: the login reads again and says what is wrong."""
    from sopdesk.engine import accounts, queries

    try:
        accounts.warm_login(ws)
        roles = sorted(ws.catalog.roles)
        if roles:
            queries.inbox_counts(ws, roles, ws.clock())
            queries.inbox_page(ws, roles[:1], 0, limit=1)
            queries.inbox_total(ws, roles[:1], 0)
    except Exception:  # noqa: BLE001 - see above
        log.debug("warming the first screen failed", exc_info=True)


def warm_qt_types() -> None:
    """PySide6 builds each Qt class's Python type and enums on its first use (some 150 of them
    for the main window, a few milliseconds each): build them all here, on this thread, while
    the password is typed, instead of when Masuk opens the window."""
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            getattr(module, name, None)


class Start(QObject):
    """From the program's launch to the Shell: the early login dialog and the opener."""

    def __init__(self, app: QApplication, data_dir: Path, url: str | None):
        super().__init__()
        self.app = app
        self.data_dir, self.url = data_dir, url
        self.login: LoginDialog | None = None
        self.shell: Any = None  # sopdesk.gui.app.Shell once the workspace is open
        self.ws: Any = None
        self.exit_code = 0
        self.cancelled = False  # Keluar before the workspace was open
        self.opener = Opener(data_dir, url)
        self.opener.opened.connect(self._opened)
        self.opener.failed.connect(self._failed)

    def begin(self) -> None:
        name = remembered_office(self.data_dir, self.url)
        if name is not None:  # an office that was set up: the login dialog at once
            self.login = LoginDialog(None, name)
            self.login.finished.connect(self._closed_early)
            self.login.open()
            self.login.raise_()
            self.login.activateWindow()
        self.opener.start()

    def _closed_early(self, _result: int) -> None:
        """Keluar (or the window closed) before the workspace was open: the program ends."""
        if self.shell is None:
            self.login = None
            self.cancelled = True
            self.app.quit()

    def _opened(self, opened: tuple[Any, str | None, bool]) -> None:
        from sopdesk.gui.app import Shell

        self.ws, name, set_up = opened  # closed at the end of the program (close())
        if self.cancelled:
            return
        remember_office(self.data_dir, self.url, name if set_up else None)
        login, self.login = self.login, None
        self.shell = Shell(self.ws)
        self.shell.finished.connect(self.app.quit)
        if login is not None and set_up:
            self.shell.adopt_login(login, self.ws, name)
            return
        if login is not None:  # the office is not set up here after all: the set-up dialog
            login.finished.disconnect(self._closed_early)
            login.done(QDialog.DialogCode.Rejected)
            login.deleteLater()
        self.shell.start()

    def _failed(self, exc: BaseException) -> None:
        if self.cancelled:
            return
        if self.login is not None:
            self.login.finished.disconnect(self._closed_early)
            self.login.close()
            self.login = None
        loader = sys.modules.get("sopdesk.catalog.loader")
        if isinstance(exc, UserError) or (loader is not None and isinstance(exc, loader.CatalogError)):
            text = str(exc)
        else:
            log.error("the office could not be opened", exc_info=exc)
            text = self.tr("Data kantor tidak dapat dibuka: terjadi kesalahan internal. Rinciannya dicatat "
                           "di berkas log sopdesk.")
        QMessageBox.critical(None, "sopdesk", text)
        self.exit_code = 1
        self.app.exit(1)

    def close(self) -> None:
        """At the end of the program: the Shell (its demo office, its worker), the workspace."""
        if self.shell is not None:
            self.shell.close()
        self.opener.join(10)  # an office still opening after Keluar: not waited for long
        if self.ws is not None:
            self.ws.close()


def run(data_dir: Path, url: str | None) -> int:
    from sopdesk.private_files import restrict_umask

    restrict_umask()  # every file the desktop writes is this user's only (also when not started by the CLI)
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    name_application(app)  # before any QSettings: the language, the office's name
    install_translator(app, saved_language())
    app.setQuitOnLastWindowClosed(False)  # signing out closes the window but not the program
    start = Start(app, data_dir, url)
    start.begin()
    try:
        code = app.exec()
    finally:
        start.close()
    return code or start.exit_code
