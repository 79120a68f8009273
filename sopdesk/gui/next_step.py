"""One status-bar line that says what comes next, kept until it is done.

After Siapkan on the first start the new administrator landed in an empty Kotak Masuk with
nothing saying what to do next (add the office's users in Pengaturan). The line says it; a
passing message (the day's first backup, written a moment later) shows for its while, and
then the line comes back, until the administrator opens the screen it points to."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar


class NextStepLine(QObject):
    """Shows `text` in `status_bar` now and again whenever another message ends, until `done()`."""

    def __init__(self, status_bar: QStatusBar, text: str):
        super().__init__(status_bar)
        self.status_bar, self.text = status_bar, text
        self.active = True
        status_bar.messageChanged.connect(self._message_changed)
        status_bar.showMessage(text)

    def _message_changed(self, message: str) -> None:
        if self.active and not message:  # a passing message ended (or was cleared): the line again
            self.status_bar.showMessage(self.text)

    def done(self) -> None:
        """The step is taken (or on its way): the line goes and does not come back."""
        if not self.active:
            return
        self.active = False
        self.status_bar.messageChanged.disconnect(self._message_changed)
        if self.status_bar.currentMessage() == self.text:
            self.status_bar.clearMessage()
