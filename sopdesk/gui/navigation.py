"""The main window's navigation: its six screens, in order, each with its Ctrl+number, and the
building of a screen on its first visit (the screens import a lot: the window opens on one
and builds the others only when asked)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget, QWidget

from sopdesk.gui.context import GuiContext
from sopdesk.gui.worker import Worker

SCREENS = ("inbox", "helpdesk", "cases", "letters", "catalog", "settings")


def screen_labels() -> tuple[str, ...]:
    """The navigation's text of each screen, in SCREENS order."""
    translate = QCoreApplication.translate  # the texts keep their context "MainWindow"
    return (
        translate("MainWindow", "Kotak Masuk"),
        translate("MainWindow", "Meja Layanan"),
        translate("MainWindow", "Kasus"),
        translate("MainWindow", "Surat & Ekspedisi"),
        translate("MainWindow", "Katalog SOP"),
        translate("MainWindow", "Pengaturan"),
    )


class NavigationList(QListWidget):
    """The navigation: a click or the arrows choose a screen, but typing does not. QListWidget
    jumps to the item whose text starts with a typed letter; a clerk who clicked a screen and
    starts typing a name would land on another screen."""

    def keyboardSearch(self, search: str) -> None:  # noqa: ARG002, N802 - Qt API
        return


def build_screen(key: str, ctx: GuiContext, worker: Worker, say: Callable[[str], None]) -> QWidget:
    """The screen `key` of SCREENS; `say` gets what an action on it did (the status bar)."""
    if key == "inbox":
        from sopdesk.gui.inbox_page import InboxPage

        inbox = InboxPage(ctx)
        inbox.message.connect(say)
        return inbox
    if key == "helpdesk":
        from sopdesk.gui.helpdesk import HelpDeskPage

        return HelpDeskPage(ctx)
    if key == "cases":
        from sopdesk.gui.cases_page import CasesPage

        page = CasesPage(ctx)
        page.message.connect(say)
        return page
    if key == "letters":
        from sopdesk.gui.letters import LettersPage

        return LettersPage(ctx, worker)
    if key == "catalog":
        from sopdesk.gui.catalog_page import CatalogPage

        return CatalogPage(ctx)
    from sopdesk.gui.settings_page import SettingsPage

    return SettingsPage(ctx, worker)
