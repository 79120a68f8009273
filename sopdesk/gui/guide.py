"""Panduan Pengguna: the short user guide that ships with the program (F1).

The guide is a Markdown file in the resources package, read with importlib.resources so it
is found in a checkout, a wheel and a frozen build alike, and shown in a QTextBrowser
(which renders Markdown itself, no extra dependency).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sopdesk.gui.geometry import fit_to_screen

GUIDE = "panduan.md"


def guide_text() -> str:
    return resources.files("sopdesk.resources.panduan").joinpath(GUIDE).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(self.tr("Panduan Pengguna — sopdesk"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 680))
