"""Keyboard shortcuts made one way: `QShortcut(keys, parent, activated=slot, context=...)`
works in PySide6 but its stub knows no such keywords, and the positional form that it does
know drops the context at run time (6.11: a WidgetShortcut became a WindowShortcut). And the keys
that take a search box's user into its list, the same on every page; Esc empties a search box,
and Home / End go to the first / last line of a list of whole lines; Ctrl+PgDown / PgUp switch tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QTableView, QTabWidget, QWidget

WINDOW = Qt.ShortcutContext.WindowShortcut


def shortcut(keys: QKeySequence | QKeySequence.StandardKey, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = WINDOW) -> QShortcut:
    """A shortcut on `parent` calling `slot`; a standard key brings all its platform bindings."""
    made = QShortcut(parent)
    if isinstance(keys, QKeySequence.StandardKey):
        made.setKeys(keys)
    else:
        made.setKey(keys)
    made.setContext(context)
    made.activated.connect(slot)
    return made


ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # the main keyboard's and the keypad's: one key to the user
INTO_LIST = (Qt.Key.Key_Down, *ENTER)


def on_enter(widget: QWidget, slot: Callable[[], object]) -> None:
    """Return or keypad Enter in `widget` (a list: open the selected line) calls `slot`."""
    for key in ENTER:
        shortcut(QKeySequence(key), widget, slot, Qt.ShortcutContext.WidgetShortcut)


def into_list(search: QLineEdit, table: QTableView, timer: QTimer, reload: Callable[[], None]) -> Callable[[], None]:
    """Down, Return or keypad Enter in `search` put the keyboard in `table`, its first line
    selected when none is; a search typed a moment ago (`timer` still waiting to `reload`) runs
    first. Returns that move, for a page to call. One for Kotak Masuk, Kasus and the letter
    registers: three copies had been written, and two of them forgot the keypad's Enter."""

    def focus_list() -> None:
        if timer.isActive():  # typed a moment ago: search now rather than in 300 ms
            timer.stop()
            reload()
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = table.model()
        if not table.selectionModel().hasSelection() and model is not None and model.rowCount() > 0:
            table.selectRow(0)

    def cleared() -> None:  # the whole list at once, not 300 ms later
        timer.stop()
        reload()

    for key in INTO_LIST:
        shortcut(QKeySequence(key), search, focus_list, Qt.ShortcutContext.WidgetShortcut)
    first_and_last(table)  # every list with a search box: Kotak Masuk, Kasus, the letter registers
    clear_on_escape(search, cleared)
    return focus_list


def clear_on_escape(search: QLineEdit, cleared: Callable[[], None] | None = None) -> None:
    """Esc in a search box with text empties it (then `cleared` runs), as the clear button
    does: as the Kasubag, Esc after a search that found nothing did nothing, and the inbox
    stayed empty under "zzzz" (Xvfb, /tmp/h4/s/62_inbox_esc.png)."""

    def clear() -> None:
        if search.text():
            search.clear()
            if cleared is not None:
                cleared()

    shortcut(QKeySequence(Qt.Key.Key_Escape), search, clear, Qt.ShortcutContext.WidgetShortcut)


def first_and_last(table: QTableView) -> None:
    """Home and End select the first and the last line listed (loaded: a paged list fetches
    its next page as End scrolls there). Qt moved the cell cursor to the first or last column
    of the line, which a list selecting whole lines does not show: as the Kasubag in Kotak
    Masuk, End did nothing and Enter then opened the form of the line still selected (Xvfb,
    /tmp/h4/s/19_after_esc_end.png)."""

    def to_row(last: bool) -> None:
        model = table.model()
        if model is None or model.rowCount() == 0:
            return
        row = model.rowCount() - 1 if last else 0
        table.setCurrentIndex(model.index(row, max(table.currentIndex().column(), 0)))
        table.selectRow(row)
        table.scrollTo(model.index(row, 0))

    shortcut(QKeySequence(Qt.Key.Key_Home), table, lambda: to_row(False), Qt.ShortcutContext.WidgetShortcut)
    shortcut(QKeySequence(Qt.Key.Key_End), table, lambda: to_row(True), Qt.ShortcutContext.WidgetShortcut)


def tab_keys(tabs: QTabWidget) -> QTabWidget:
    """Ctrl+PgDown / Ctrl+PgUp open the next / previous tab of `tabs`, round as Ctrl+Tab goes,
    wherever the keyboard is inside it (a search box, a list); QTabWidget knows only Ctrl+Tab."""
    def step(by: int) -> Callable[[], None]:
        def go() -> None:
            if tabs.count():
                tabs.setCurrentIndex((tabs.currentIndex() + by) % tabs.count())
        return go

    for key, by in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
        shortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), tabs, step(by),
                 Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return tabs
