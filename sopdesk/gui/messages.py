"""Showing errors: a user error is a plain message; a bug is logged with its traceback and
the user is told where the details are."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sopdesk.errors import StoreUnreachable, UserError

log = logging.getLogger("sopdesk.gui")


ERROR_COLOR = "#b00020"  # the one red of every error text
ERROR_STYLE = f"color: {ERROR_COLOR}; font-weight: bold"


def _is_catalog_error(exc: BaseException) -> bool:
    """A CatalogError, looked up only when the catalog was loaded (none can come before it):
    the login dialog uses this module before the catalog is imported (sopdesk.gui.start)."""
    loader = sys.modules.get("sopdesk.catalog.loader")
    return loader is not None and isinstance(exc, loader.CatalogError)


def error_label(name: str = "errorLabel") -> QLabel:
    """A hidden, word-wrapped red label for a form's inline error (shown next to the fields)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user what went wrong (never a traceback). A lost database server is shown by the
    main window's banner (`server_watch`), not by one dialog per click."""
    if isinstance(exc, StoreUnreachable):
        from sopdesk.gui.server_watch import watch

        if watch().report_lost():
            return
    QMessageBox.warning(parent, title or QCoreApplication.translate("messages", "Tidak dapat dilakukan"),
                        error_text(exc))


def is_refusal(exc: BaseException) -> bool:
    """An error the user can act on (its text is shown as is), not a bug."""
    return isinstance(exc, UserError) or _is_catalog_error(exc)


def error_text(exc: BaseException) -> str:
    """What the user reads: a refusal's own words; for a bug (logged here with its traceback)
    the sentence that says where the details are."""
    if is_refusal(exc):
        return str(exc)
    log.error("unexpected error in the GUI", exc_info=exc)
    return QCoreApplication.translate("messages",
                                      "Terjadi kesalahan internal. Rinciannya dicatat di berkas log sopdesk.")

