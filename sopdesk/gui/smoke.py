"""`sopdesk gui --smoke-test`: proof that the desktop program starts on this PC (a fresh
bundle, an office PC), apart from the Shell: it opens the main window on the demo office and
exits, with no login and no Shell (sopdesk.gui.app) around it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from sopdesk.catalog import CatalogError
from sopdesk.engine import office
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.gui.app_settings import name_application
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import install_translator, saved_language

SMOKE_CASES = 50  # the demo office the start-up check opens (built on its first use)
SMOKE_TIMEOUT_MS = 120_000


def smoke_test(data_dir: Path) -> int:
    """`sopdesk gui --smoke-test`: prove that the desktop program starts here (a fresh bundle,
    an office PC): open the main window on the demo office beside `data_dir`, wait until the
    Kotak Masuk has painted its rows, say so and exit 0; one line on stderr and 1 otherwise."""
    import time

    from PySide6.QtCore import QEvent

    from sopdesk.gui.inbox_page import InboxPage
    from sopdesk.gui.main_window import MainWindow

    started = time.monotonic()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_application(app)  # its settings where the program's are, not under "Unknown Organization"
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
    painted: list[bool] = []

    def finish(code: int, message: str) -> None:
        if not outcome:
            outcome.append(code)
            print(message, file=sys.stdout if code == 0 else sys.stderr, flush=True)
            app.quit()

    def inbox_painted() -> None:
        shown = f"Kotak Masuk tampil dengan {inbox.model.rowCount()} baris dalam {time.monotonic() - started:.1f} detik"
        try:
            pages = _preview_pages(ws)
        except Exception as exc:  # noqa: BLE001 - whatever breaks, the check says so in one line
            finish(1, f"sopdesk: uji mulai gagal: {shown}, tetapi pratinjau cetak gagal: {exc}")
            return
        finish(0, f"Uji mulai berhasil: {shown}; pratinjau cetak SOP PAW: {pages} halaman")

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and inbox.model.rowCount() > 0 and not painted:
                painted.append(True)
                QTimer.singleShot(0, inbox_painted)
            return False

    try:
        window = MainWindow(GuiContext(ws, actor), demo=True)
        first = window.page("inbox")
        assert isinstance(first, InboxPage), "the first screen is the Kotak Masuk"
        inbox = first
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


def _preview_pages(ws: Workspace) -> int:
    """The SOP PAW sheet written by ReportLab and its first page drawn by the print preview's
    PDFium (the bundle's native libraries): the page count; an error when the page is blank."""
    import tempfile

    from sopdesk.gui.print_preview import PdfPages
    from sopdesk.reports import render_sop

    with tempfile.TemporaryDirectory(prefix="sopdesk-uji-") as folder:
        path = render_sop(ws, "PAW", Path(folder) / "sop-paw.pdf", "A4")
        pages = PdfPages(Path(path).read_bytes())
    try:
        image = pages.render(0, 0.5)
        inked = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
                    if image.pixelColor(x, y).lightness() < 128)
        if image.isNull() or inked == 0:
            raise UserError("halaman pertama kosong")
        return len(pages)
    finally:
        pages.close()
