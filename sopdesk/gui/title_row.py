"""A page's title beside its buttons when it fits on one line, above them when it does not.

Katalog SOP's title ("RAKOR — Pelaksanaan Rapat Koordinasi dan Rapat Kerja di Lingkungan ...")
shared its row with three buttons: at 1024x768 with the SOP list shown it wrapped into seven
lines, 160 px of the height the identity table and the flowchart need. Above the buttons it
takes the whole width (two lines); where it fits beside them (1366x768) the row stays one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget


class TitleRow(QWidget):
    """`title` (a word-wrapped label) and `buttons`, side by side or stacked by the width."""

    def __init__(self, title: QLabel, buttons: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)  # stacked: the buttons at the right, where they were
        for button in buttons:
            self.buttons.addWidget(button)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(title, 1)
        self.box.addLayout(self.buttons)
        # never taller than its lines: the page below gets the height
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_text(self, text: str) -> None:
        self.title.setText(text)
        self.arrange()

    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def arrange(self) -> None:
        self.title.ensurePolished()  # the stylesheet's font, not the default one
        shown = [item.widget() for i in range(self.buttons.count()) if (item := self.buttons.itemAt(i)) is not None]
        beside = sum(w.sizeHint().width() for w in shown if w is not None and not w.isHidden())
        needed = self.title.fontMetrics().horizontalAdvance(self.title.text()) + beside \
            + self.box.spacing() * (self.buttons.count() + 1)
        direction = QBoxLayout.Direction.LeftToRight if needed <= self.width() \
            else QBoxLayout.Direction.TopToBottom
        if direction != self.box.direction():
            self.box.setDirection(direction)
            # beside: the title takes the width the buttons leave; above: only its own lines
            self.box.setStretchFactor(self.title, 1 if direction == QBoxLayout.Direction.LeftToRight else 0)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.arrange()
