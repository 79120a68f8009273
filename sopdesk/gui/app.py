"""Start the desktop application: open the workspace, set up on the very first run, log in,
show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sopdesk.catalog import CatalogError
from sopdesk.engine import integrity
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import install_translator, saved_language
from sopdesk.gui.login import LoginDialog, SetupDialog
from sopdesk.gui.main_window import MainWindow


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


def run(data_dir: Path, url: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sopdesk")
    app.setOrganizationName("sopdesk")
    install_translator(app, saved_language())
    try:
        ws = Workspace.open(data_dir, url)
    except (UserError, CatalogError) as exc:
        QMessageBox.critical(None, "sopdesk", str(exc))
        return 1
    try:
        if not ws.is_set_up():
            setup = SetupDialog(ws)
            if setup.exec() != QDialog.DialogCode.Accepted:
                return 0
        with ws.db.reading() as session:
            office = ws.office(session)
        ws.calendar  # noqa: B018 - load the holiday calendar (~0.2 s) now, not on the first screen
        login = LoginDialog(ws, office.name)
        if login.exec() != QDialog.DialogCode.Accepted:
            return 0
        warn_if_damaged(ws)
        window = MainWindow(GuiContext(ws, login.actor))
        window.show()
        window.start_daily_backup()
        return app.exec()
    finally:
        ws.close()
