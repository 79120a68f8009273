"""The offer of a form kept on this PC while the database server was unreachable: a yellow
bar above the fields with "Pakai isian itu" and "Buang". The dialog decides what using or
dropping means (`use` / `drop`); the bar only asks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from sopdesk.gui.step_form.common import wrapped

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class LocalDraftBar(QFrame):
    """Signals: `use`, `drop`; the bar hides itself after either."""

    use = Signal()
    drop = Signal()

    def __init__(self, saved_at: datetime, parent: QWidget | None = None):
        """`saved_at`: when the form was kept, in the office's time zone."""
        super().__init__(parent)
        self.setObjectName("localDraftBar")
        self.setStyleSheet("QFrame#localDraftBar { background: #fff4ce; border: 1px solid #c9a400; }")
        row = QHBoxLayout(self)
        row.addWidget(wrapped(translate("StepFormDialog", "Isian yang disimpan di PC ini saat server basis data tidak "
                                                          "terjangkau (pukul {time} {zone}) masih ada.").format(
            time=saved_at.strftime("%H:%M"), zone=saved_at.tzname())), 1)
        use = QPushButton(translate("StepFormDialog", "Pakai isian itu"))
        drop = QPushButton(translate("StepFormDialog", "Buang"))
        for button in (use, drop):
            button.setAutoDefault(False)
            row.addWidget(button)
        use.clicked.connect(self._use)
        drop.clicked.connect(self._drop)

    def _use(self) -> None:
        self.use.emit()
        self.hide()

    def _drop(self) -> None:
        self.drop.emit()
        self.hide()
