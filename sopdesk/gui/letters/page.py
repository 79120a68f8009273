"""The Surat & Ekspedisi page: three tabs over the agenda of incoming letters (with their lembar
disposisi), the agenda of outgoing letters and the buku ekspedisi with its receipts. Every list is
a paged model (gui/letters/models.py): SQL filters and pages, the view fetches more rows as it
scrolls. The engine checks every permission; the buttons of actions outside the user's roles are
disabled with a tooltip saying who may do them.

The page is put together from three modules: gui/letters/page_state.py keeps what it shows (the
registers, the selection, the buttons' state, the status line), gui/letters/page_tabs.py lays out
the tabs, gui/letters/page_actions.py is what the buttons do (the dialogs, printing on the worker
thread). This module assembles them, moves the keyboard between the tabs and reloads the registers
when the page is shown again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import page_actions, page_tabs
from sopdesk.gui.letters.page_state import LettersPageState
from sopdesk.gui.letters.register_view import into_list
from sopdesk.gui.letters.remembered import keep_filters
from sopdesk.gui.shortcuts import shortcut, tab_keys
from sopdesk.gui.worker import Worker


class LettersPage(LettersPageState):
    """Three tabs: Surat masuk, Surat keluar, Buku ekspedisi."""

    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(ctx, worker, parent)
        self.tabs = tab_keys(QTabWidget())  # Ctrl+PgDown / Ctrl+PgUp as Ctrl+Tab
        self.tabs.addTab(page_tabs.incoming_tab(self), self.tr("Surat masuk"))
        self.tabs.addTab(page_tabs.outgoing_tab(self), self.tr("Surat keluar"))
        self.tabs.addTab(page_tabs.expedition_tab(self), self.tr("Buku ekspedisi"))
        searches = (self.incoming_search, self.outgoing_search, self.expedition_search)
        for search, timer, reload, table in (
                (self.incoming_search, self.incoming_timer, self.reload_incoming, self.incoming_table),
                (self.outgoing_search, self.outgoing_timer, self.reload_outgoing, self.outgoing_table),
                (self.expedition_search, self.expedition_timer, self.reload_expedition, self.expedition_table)):
            into_list(search, timer, reload, table)
            table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.tabs.currentChanged.connect(lambda index: searches[index].setFocus() if self.isVisible() else None)
        self.tabs.currentChanged.connect(lambda _index: self.say(""))  # it spoke of the tab left
        # Ctrl+P as on Meja Layanan (Xvfb: it did nothing on a selected letter); on this page only
        shortcut(QKeySequence.StandardKey.Print, self, self.print_shown, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        ctx.data_changed.connect(self.reload)
        self._hidden = False  # hidden after being shown: reloaded when shown again
        keep_filters(self)  # as this user left them
        self.reload()

    def print_shown(self) -> None:
        """Ctrl+P: the lembar disposisi of the selected letter on Surat masuk, the buku ekspedisi
        on its tab, as their buttons would (not while a print renders); nothing on Surat keluar."""
        button = {0: self.print_disposition_button, 2: self.print_book_button}.get(self.tabs.currentIndex())
        if button is not None and button.isEnabled():
            button.click()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._hidden = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._hidden:  # back from another screen: letters registered at other desks meanwhile
            self._hidden = False
            self.reload()
        self.focus_first_field()  # typing searches at once; Ctrl+Tab (from the search box): the next tab

    def focus_first_field(self) -> None:  # Ctrl+4 too, when the keyboard is already on this page
        (self.incoming_search, self.outgoing_search, self.expedition_search)[self.tabs.currentIndex()].setFocus()


    # --- actions and printing (gui/letters/page_actions.py) -------------------------------------------
    register_incoming = page_actions.register_incoming
    register_outgoing = page_actions.register_outgoing
    dispose = page_actions.dispose
    mark_received = page_actions.mark_received
    correct = page_actions.correct
    void = page_actions.void
    print_disposition = page_actions.print_disposition
    print_expedition = page_actions.print_expedition
