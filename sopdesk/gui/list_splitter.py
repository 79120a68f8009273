"""The catalog's list of SOPs beside the document shown, in a splitter that can put the list
away.

At 1024x768 the navigation (210 px), this list (250 px) and the step details left the SOP
diagram about one lane: hiding the list gives the diagram the page's width. Two ways hide it:

- the user (a button or Ctrl+L): their choice, remembered between sessions;
- the page, to make room for the diagram in a narrow window ("auto"): not remembered, and the
  list comes back when the room is no longer needed (another tab), unless the user chose
  meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

SETTINGS_KEY = "catalog/list_hidden"
LIST_WIDTH = 250


class ListSplitter(QSplitter):
    """[side | main]. The side list is shown or hidden as a whole (never dragged to nothing)."""

    shown_changed = Signal(bool)

    def __init__(self, side: QWidget, main: QWidget):
        super().__init__(Qt.Orientation.Horizontal)
        self.side = side
        self.addWidget(side)
        self.addWidget(main)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setStretchFactor(1, 1)
        self.setSizes([LIST_WIDTH, 1150])
        self._auto_hidden = False
        if QSettings().value(SETTINGS_KEY, False, type=bool):
            side.hide()

    def list_shown(self) -> bool:
        return not self.side.isHidden()

    def auto_hidden(self) -> bool:
        """True while the list is away only because the page made room."""
        return self._auto_hidden

    def set_list_shown(self, shown: bool) -> None:
        """The user's choice: applied and remembered."""
        self._auto_hidden = False
        QSettings().setValue(SETTINGS_KEY, not shown)
        self._apply(shown)

    def make_room(self) -> None:
        """Hide the list for the moment (not remembered); give_back() brings it back."""
        if self.list_shown():
            self._auto_hidden = True
            self._apply(False)

    def give_back(self) -> None:
        """Show the list again when make_room() had hidden it."""
        if self._auto_hidden:
            self._auto_hidden = False
            self._apply(True)

    def reveal(self) -> None:
        """Show the list without changing the user's choice (nothing is shown beside it to
        read: the list is the only thing to use)."""
        self._auto_hidden = False
        self._apply(True)

    def _apply(self, shown: bool) -> None:
        if shown == self.list_shown():
            return
        self.side.setVisible(shown)
        self.shown_changed.emit(shown)
