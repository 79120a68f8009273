"""The role switch above the screens: one button per role, with its waiting and late work,
kept on one line.

It was a QToolBar, which hides what does not fit behind "»": at 1024x768 an administrator (who
sees all ten roles) found the last roles only in that menu. Then a flow layout kept every role
in view but wrapped to a second line in a large office, where the counts are long ("Kasubag
(870) ⚠425"). Now the buttons say less as the room shrinks, every role staying a button:
"Kasubag (870) ⚠425", "Kasubag 870 ⚠425", "Kasubag 870 ⚠", then "Kasubag ⚠" (the counts stay
in each tooltip; the current role's button keeps them). Only when the names alone do not
fit do the last roles go under one "N peran lain" menu, the current role always a button."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QButtonGroup, QLabel, QLayout, QLayoutItem, QMenu, QToolButton, QWidget

Counts = Mapping[str, tuple[int, int]]  # role -> (waiting, late)
# what a role's button says, longest first: the first form whose buttons all fit is shown
FORMS: tuple[Callable[[str, int, int], str], ...] = (
    lambda role, total, late: f"{role} ({total})" + (f" \u26a0{late}" if late else ""),
    lambda role, total, late: f"{role} {total}" + (f" \u26a0{late}" if late else ""),
    lambda role, total, late: f"{role} {total}" + (" \u26a0" if late else ""),
    lambda role, total, late: role + (" \u26a0" if late else ""),
)
CURRENT_FORM = 1  # the checked role's button says no less than this form


class FlowLayout(QLayout):
    """Items left to right, a new row where the next one would pass the right edge; its
    height follows its width (heightForWidth), so the page below gives up only what it needs."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in `rect` (when `move`); the height they take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class RoleBar(QWidget):
    """"Peran:" and a checkable button per role in `group` (exclusive), on one line: the
    caller gives the counts (show_counts) and connects the group; the bar words the buttons
    to fit its width (FORMS) and, as a last resort, puts the last roles in a menu whose entries
    click their (hidden) buttons."""

    def __init__(self, roles: list[str], group: QButtonGroup, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roleBar")  # the idle lock hides it with the screens
        self.group = group
        self.counts: dict[str, tuple[int, int]] = {}
        layout = self._flow = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Peran: "))
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label)
        self.buttons: list[QToolButton] = []
        for role in roles:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)  # flat, as on a toolbar
            button.setProperty("role", role)
            button.setText(role)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            group.addButton(button)
            layout.addWidget(button)
            self.buttons.append(button)
        self.more = QToolButton()  # the roles that do not fit, when even their names do not
        self.more.setObjectName("moreRoles")
        self.more.setAutoRaise(True)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setMenu(QMenu(self.more))
        self.more.hide()
        layout.addWidget(self.more)
        if self.buttons:
            self.label.setFixedHeight(self.buttons[0].sizeHint().height())  # on the buttons' middle line

    def show_counts(self, counts: Counts) -> None:
        """The waiting and late work of each role; the buttons are worded to fit."""
        self.counts = {role: (int(total), int(late)) for role, (total, late) in counts.items()}
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit()  # sized while hidden: its width is known now

    def _text(self, form: int, button: QToolButton) -> str:
        role = str(button.property("role"))
        if role not in self.counts:  # not counted yet: no "(0)" that is not so
            return role
        total, late = self.counts[role]
        if button.isChecked():
            form = min(form, CURRENT_FORM)  # the current role keeps its counts
        return FORMS[form](role, total, late)

    def _width(self, text: str) -> int:
        """A button's width with `text` (the same padding as the button has now)."""
        sample = self.buttons[0]
        pad = sample.sizeHint().width() - sample.fontMetrics().horizontalAdvance(sample.text())
        return sample.fontMetrics().horizontalAdvance(text) + pad

    def _fit(self) -> None:
        if not self.buttons:
            return
        room = self.contentsRect().width() if self.isVisible() else 0
        spacing = max(0, self._flow.spacing())
        room -= self.label.sizeHint().width() + spacing
        form = 0  # not shown yet (no width): the full form
        if room > 0:
            form = next((n for n in range(len(FORMS))
                         if sum(self._width(self._text(n, b)) + spacing for b in self.buttons) <= room),
                        len(FORMS) - 1)
        for button in self.buttons:
            button.setText(self._text(form, button))
        hidden = self._overflow(room, spacing) if room > 0 else []
        for button in self.buttons:
            button.setVisible(button not in hidden)
        self._fill_menu(hidden)

    def _overflow(self, room: int, spacing: int) -> list[QToolButton]:
        """The buttons that go under the menu: the last ones, but never the checked one."""
        if sum(self._width(b.text()) + spacing for b in self.buttons) <= room:
            return []
        room -= self._width(self.tr("{0} peran lain").format(len(self.buttons)) + " \u26a0") + spacing
        checked = self.group.checkedButton()
        if checked in self.buttons:  # the current role stays a button, wherever it is in the row
            room -= self._width(checked.text()) + spacing
        hidden: list[QToolButton] = []
        for button in self.buttons:
            if button is checked:
                continue
            room -= self._width(button.text()) + spacing
            if room < 0:
                hidden.append(button)
        return hidden

    def _fill_menu(self, hidden: list[QToolButton]) -> None:
        menu = self.more.menu()
        menu.clear()
        self.more.setVisible(bool(hidden))
        if not hidden:
            return
        late = any(self.counts.get(str(b.property("role")), (0, 0))[1] for b in hidden)
        self.more.setText(self.tr("{0} peran lain").format(len(hidden)) + (" \u26a0" if late else ""))
        for button in hidden:
            action = menu.addAction(self._text(0, button))
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
