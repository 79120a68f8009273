"""The returning-visitor lookup: while the desk types a name, an id number or a phone number, past visitors
are offered in a list that floats under the field (no layout jump) and never takes the focus,
so typing goes on in the field. Down/Up choose one, Enter or a click picks it (`picked`), Esc
closes the list. Kept apart from the form: it only reads (engine.visitor_lookup) and says what
was picked; the form decides what to fill in."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QWidget

from sopdesk.engine.visitor_lookup import MIN_LOOKUP_CHARS, find_returning_visitors
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import ENTER_KEYS

log = logging.getLogger("sopdesk.gui")
translate = QCoreApplication.translate  # the desk's texts keep their context "HelpDeskPage"
VISIBLE_ROWS = 6


class ReturningVisitorLookup(QListWidget):
    """Past visitors offered under Nama / Nomor identitas / Telepon. The parent is the page: the list is
    placed in its coordinates, over the form. Signal: `picked(match)`, the engine's dict of the
    chosen person's identity fields (with `masked` when some are shown masked)."""

    picked = Signal(object)

    def __init__(self, ctx: GuiContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self._page = parent
        self._anchor: QLineEdit | None = None
        self.setObjectName("suggestions")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemClicked.connect(self._pick)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._lookup)

    def attach(self, edit: QLineEdit) -> None:
        """Offer past visitors while `edit` is typed in (after the form's own key handling was
        installed: this filter sees the keys first)."""
        edit.textEdited.connect(lambda _text, e=edit: self._schedule(e))
        edit.installEventFilter(self)

    def _schedule(self, edit: QLineEdit) -> None:
        self._anchor = edit
        if len(edit.text().strip()) < MIN_LOOKUP_CHARS:
            self._timer.stop()
            self.hide_list()
            return
        self._timer.start()

    def _lookup(self) -> None:
        edit = self._anchor
        if edit is None or not edit.hasFocus():
            return
        try:
            matches = find_returning_visitors(self.ctx.ws, self.ctx.actor, edit.text())
        except Exception:  # a convenience while typing: never interrupt the desk
            log.exception("looking up returning visitors failed")
            matches = []
        self.show_matches(matches)

    def show_matches(self, matches: list[dict[str, Any]]) -> None:
        self.clear()
        if not matches or self._anchor is None:
            self.hide_list()
            return
        for match in matches:
            item = QListWidgetItem(self._describe(match))
            item.setData(Qt.ItemDataRole.UserRole, match)
            item.setToolTip(self._describe(match, full=True))
            self.addItem(item)
        anchor = self._anchor
        top_left = anchor.mapTo(self._page, QPoint(0, anchor.height() + 1))
        rows = min(len(matches), VISIBLE_ROWS)
        height = rows * self.sizeHintForRow(0) + 2 * self.frameWidth() + 2
        # as wide as the lines (name, NIK, institution tell two Marias apart), over the visitor list
        # if need be, never past the page: at 1024x768 the field's ~240 px cut every line after the name
        bar = self.verticalScrollBar().sizeHint().width() if len(matches) > VISIBLE_ROWS else 0
        wanted = self.sizeHintForColumn(0) + 2 * self.frameWidth() + bar + 4
        room = self._page.width() - top_left.x() - 8
        self.setGeometry(top_left.x(), top_left.y(), max(anchor.width(), min(wanted, room)), height)
        self.setCurrentRow(-1)
        self.show()
        self.raise_()

    @staticmethod
    def _describe(match: dict[str, Any], full: bool = False) -> str:
        parts = [match["name"]]
        if match["id_number"]:
            parts.append(translate("HelpDeskPage", "NIK {number}").format(number=match["id_number"]))
        parts += [match[k] for k in ("institution", "phone") if match[k]]
        if full:
            parts += [match[k] for k in ("occupation", "address", "email") if match[k]]
        return " · ".join(parts)

    def _move(self, step: int) -> None:
        count = self.count()
        row = self.currentRow()
        row = (0 if step > 0 else count - 1) if row < 0 else (row + step) % count
        self.setCurrentRow(row)

    def _pick(self, item: QListWidgetItem) -> None:
        match = item.data(Qt.ItemDataRole.UserRole)
        self.hide_list()
        self.picked.emit(match)

    def hide_list(self) -> None:
        if self.isVisible():
            self.hide()

    def texts(self) -> list[str]:
        """What the list offers now (nothing when it is closed)."""
        if not self.isVisible():
            return []
        return [self.item(i).text() for i in range(self.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._anchor:
            if event.type() == QEvent.Type.FocusOut:
                self._timer.stop()
                self.hide_list()
            elif isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """Down/Up/Esc/Enter while the list is open; other keys go on to the field."""
        if not self.isVisible():
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key == Qt.Key.Key_Escape:
            self.hide_list()
            return True
        current = self.currentItem()
        if key in ENTER_KEYS and current is not None:
            self._pick(current)
            return True
        return False
