"""One status-bar line that says what comes next, kept until it is done.

After Siapkan on the first start the new administrator landed in an empty Kotak Masuk with
nothing saying what to do next (add the office's users in Pengaturan). The line says it, in
the status bar's permanent part: the day's first backup, written a moment later, announces
itself beside it and does not hide it (as a passing message it did, on Xvfb). It goes when the
administrator opens the screen it points to."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar


class NextStepLine(QLabel):
    """`text` in `status_bar` until `done()`."""

    def __init__(self, status_bar: QStatusBar, text: str):
        super().__init__(text, status_bar)
        self.setObjectName("nextStep")
        self.setStyleSheet("QLabel#nextStep { font-weight: bold; }")
        self.status_bar = status_bar
        status_bar.addPermanentWidget(self)

    @property
    def active(self) -> bool:
        return self.isVisibleTo(self.status_bar)

    def done(self) -> None:
        """The step is taken (or on its way): the line goes. Hidden, not removed:
        QStatusBar.removeWidget lays the bar out again and shows its normal widgets (the user
        and database line) under a passing message still on screen, the two texts painted over
        each other (seen on Xvfb after Ctrl+6 during "Cadangan harian dibuat")."""
        if self.active:
            self.hide()
