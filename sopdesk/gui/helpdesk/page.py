"""The help desk page (Desk Layanan Informasi): fast, keyboard-only registration of visitors
and information requesters (buku tamu + PPID Form Model B) beside the list of today's visitors.
This module only composes the three widgets (registration_form, visitor_list, lookup), joins
their signals, and keeps the page's keyboard as one.

Keyboard: Tab moves top to bottom; Enter in a single-line field or a choice list saves
(Ctrl+Enter in the multi-line fields); while typing a name, an id number or a phone number,
past visitors are offered below the field: Down/Up choose one, Enter fills the identity fields, Esc
closes the list. Ctrl+F goes to the search box of the visitor list, Ctrl+P prints the tanda
bukti of the visitor selected there (the one just registered), and the page says where the PDF
went. Tab passes through the list (it does not walk its cells), so the whole page is a plain
Tab chain. Showing the page (Ctrl+2 or the navigation) puts the cursor in Nama."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from sopdesk.gui.context import GuiContext
from sopdesk.gui.helpdesk.lookup import ReturningVisitorLookup
from sopdesk.gui.helpdesk.registration_form import Field, RegistrationForm
from sopdesk.gui.helpdesk.style import STYLE
from sopdesk.gui.helpdesk.visitor_list import VisitorList
from sopdesk.gui.operation import running


class HelpDeskPage(QWidget):
    """Registration form (left) and the visitor list (right).

    Signals: `visitor_registered(visitor_id, case_number)` after a registration (the case
    number is "" when no case was started); the registration announces the change through
    gui.operation (`ctx.data_changed`)."""

    visitor_registered = Signal(int, str)

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("helpDeskPage")
        self.setStyleSheet(STYLE)
        self.lookup = ReturningVisitorLookup(ctx, self)  # floats over the form: placed in page coordinates
        self.registration = RegistrationForm(ctx, self.lookup)
        self.visitor_list = VisitorList(ctx)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.registration)
        splitter.addWidget(self.visitor_list)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        chain = self.registration.tab_chain() + self.visitor_list.tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QShortcut(QKeySequence.StandardKey.Find, self, self.visitor_list.focus_search)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_receipt)
        self._registrations = 0  # registrations this page has seen: a Ctrl+P waiting for a save looks
        self.registration.registered.connect(self._registered)
        self.visitor_list.status.connect(self.registration.set_status)
        ctx.data_changed.connect(self.visitor_list.refresh)
        self.visitor_list.refresh()
        self.registration.line("name").setFocus()

    def _registered(self, visitor_id: int, number: str) -> None:
        self._registrations += 1
        self.visitor_registered.emit(visitor_id, number)
        self.visitor_list.show_registered(visitor_id)  # the one just registered: Ctrl+P prints its tanda bukti

    def print_receipt(self) -> None:
        """Ctrl+P: the tanda bukti of the visitor chosen in the list. Pressed while the visitor
        just typed is being saved (Enter, then at once Ctrl+P; a slow disk, a server across the
        LAN), it waits for the save and prints the new visitor's: it printed the visitor chosen
        before them. A refused save prints nothing (the form shows why)."""
        if not running(self.registration):
            self.visitor_list.print_receipt()
            return
        before = self._registrations

        def when_saved() -> None:
            if running(self.registration):
                QTimer.singleShot(50, self, when_saved)
            elif self._registrations > before:
                self.visitor_list.print_receipt()

        QTimer.singleShot(50, self, when_saved)

    def focus_first_field(self) -> None:
        """The cursor to Nama (the main window calls it whenever it shows this page)."""
        self.registration.focus_first_field()

    # --- what other screens and tests reach through the page -------------------------------

    @property
    def fields(self) -> dict[str, Field]:
        return self.registration.fields

    @property
    def table(self) -> QTableView:
        return self.visitor_list.table

    @property
    def receipt_button(self) -> QPushButton:
        return self.visitor_list.receipt_button

    @property
    def register_button(self) -> QPushButton:
        return self.visitor_list.register_button

    def save(self) -> bool:
        return self.registration.save()

    def status_text(self) -> str:
        return self.registration.status_text()

    def suggestion_texts(self) -> list[str]:
        return self.lookup.texts()

    def refresh(self) -> None:
        """Reload the visitor list (F5 in the window)."""
        self.visitor_list.refresh()

    # --- Qt events --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.visitor_list.refresh()  # the day may have changed while the page was hidden

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.lookup.hide_list()
