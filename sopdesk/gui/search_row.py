"""A row of list filters with a search box that keeps a usable width: beside the filters where
there is room for its placeholder, otherwise on a row of its own under them.

At 1024x768 the filters of the Kotak Masuk left the search box ~110 px and the visitor list's
~95 px: a clerk saw three letters of what was typed. Shared by both pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

CLEAR_BUTTON = 40  # the line edit's frame and its clear button beside the placeholder


class SearchRow(QObject):
    """`layout` holds `filters` and the search box (with its `label`, if any; before the
    filters, or above them, when `first`). It watches `owner`, the widget whose width the row
    spans."""

    def __init__(self, owner: QWidget, filters: Sequence[QWidget], search: QLineEdit,
                 label: QWidget | None = None, first: bool = False, minimum: int | None = None):
        super().__init__(owner)
        self.owner, self.filters, self.search, self.first = owner, list(filters), search, first
        self.search_part = [w for w in (label, search) if w is not None]
        self.layout = QVBoxLayout()
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.top, self.below = QHBoxLayout(), QHBoxLayout()
        self.layout.addLayout(self.top)
        self.layout.addLayout(self.below)
        # by default the whole placeholder; a page short of room may ask for less
        self.minimum = minimum or search.fontMetrics().horizontalAdvance(search.placeholderText()) + CLEAR_BUTTON
        self.wide: bool | None = None
        self.place(True)
        owner.installEventFilter(self)

    def place(self, wide: bool) -> None:
        """The search box beside the filters (`wide`) or on the row below them."""
        if wide == self.wide:
            return
        self.wide = wide
        for row in (self.top, self.below):
            while row.count():
                row.takeAt(0)
        if wide:
            widgets = self.search_part + self.filters if self.first else self.filters + self.search_part
            for widget in widgets:
                self.top.addWidget(widget, 1 if widget is self.search else 0)
            return
        # the search box's row first when it comes first (what the eye reads, Tab walks)
        search_row, filter_row = (self.top, self.below) if self.first else (self.below, self.top)
        for widget in self.filters:
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        for widget in self.search_part:
            search_row.addWidget(widget, 1 if widget is self.search else 0)

    def room(self, width: int) -> int:
        """What a row of `width` (the owner's) leaves the search box beside the filters."""
        outer = self.owner.layout()
        margins = outer.contentsMargins() if outer is not None else None
        width -= margins.left() + margins.right() if margins is not None else 0
        others = [w for w in self.search_part + self.filters if w is not self.search]
        spacing = max(self.top.spacing(), 0)
        return width - sum(w.sizeHint().width() + spacing for w in others)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.owner and event.type() == QEvent.Type.Resize:
            self.place(self.room(self.owner.width()) >= self.minimum)
        return False
