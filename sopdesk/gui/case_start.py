"""Mulai kasus… on Katalog SOP: start a case by hand on an SOP, at one of its entries.

An office's own SOP often has no front door (no visitor purpose, no kind of incoming letter:
FORMAT.md's `entri` without `pintu`), and such an SOP could be started only from the command
line (`sopdesk case start`): an administrator who added one through Tambah SOP… found no way to
run it on the desk. The engine (cases.start_case) decides who may; the dialog offers the entries
whose first step is worked by one of the user's roles (every entry for an administrator).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog.schema import Entri, Sop
from sopdesk.engine import cases
from sopdesk.engine.users import effective_roles
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import ERROR_STYLE
from sopdesk.gui.operation import Operation, running


def startable_entries(ctx: GuiContext, sop: Sop) -> list[Entri]:
    """The entries of `sop` this user may start a case at."""
    if ctx.is_admin:
        return list(sop.entri)
    roles = effective_roles(ctx.roles, ctx.ws.catalog.role_includes)
    return [entri for entri in sop.entri if sop.role_of(entri.kegiatan) in roles]


class StartCaseDialog(QDialog):
    """Perihal (required), the requester's name (optional) and, when the SOP has several entries
    this user may start at, which one; Mulai starts the case."""

    def __init__(self, ctx: GuiContext, sop: Sop, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sop = sop
        self.number: str | None = None
        self.entries = startable_entries(ctx, sop)
        self.setWindowTitle(self.tr("Mulai kasus {0}").format(sop.kode))
        intro = QLabel(self.tr("SOP {0}: {1}").format(sop.kode, sop.nama))
        intro.setWordWrap(True)
        self.entry = QComboBox()
        for entri in self.entries:
            step = sop.step(entri.kegiatan)
            self.entry.addItem(self.tr("{0} (kegiatan {1}, {2})").format(
                entri.nama, entri.kegiatan, sop.lane(step.pelaksana).nama), entri.kode)
        self.entry.currentIndexChanged.connect(self._show_first_step)
        self.first_step = QLabel()
        self.first_step.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("mis. Peminjaman arsip DPT Pemilu 2024"))
        self.requester = QLineEdit()
        self.requester.setPlaceholderText(self.tr("boleh kosong"))
        form = QFormLayout()
        form.addRow(self.tr("&Entri"), self.entry)
        # the whole width, under the intro: in the field column it stood indented under an empty
        # label, between two blank gaps (Xvfb, h3)
        form.addRow(self.first_step)
        form.addRow(self.tr("&Perihal*"), self.title)
        form.addRow(self.tr("&Nama pemohon"), self.requester)
        # one entry: nothing to choose, and no room kept for the row (hiding the combo and its
        # label left the row's spacing as a blank line above the first step)
        form.setRowVisible(self.entry, len(self.entries) > 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("&Mulai"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Enter starts: set once the button is in the dialog (set before, Batal was the default)
        self.start_button.setDefault(True)
        self._show_first_step()
        self.title.setFocus()
        # the height for the width it gets: the size hint's height is the wrapped labels' at their
        # narrower natural width, and at 520 px their spare lines stood as blank gaps (Xvfb, h3)
        width = max(self.sizeHint().width(), 520)
        layout.activate()
        self.resize(width, max(layout.totalHeightForWidth(width), self.minimumSizeHint().height()))

    def _show_first_step(self) -> None:
        kode = self.entry.currentData()
        entri = next((e for e in self.entries if e.kode == kode), None)
        if entri is None:
            self.first_step.setText("")
            return
        step = self.sop.step(entri.kegiatan)
        self.first_step.setText(self.tr("Kasus mulai di kegiatan {0}: {1} (pelaksana {2}).").format(
            step.no, step.kegiatan, self.sop.lane(step.pelaksana).nama))

    def reject(self) -> None:
        if not running(self):
            super().reject()

    def start(self) -> None:
        ws, actor, kode = self.ctx.ws, self.ctx.actor, self.sop.kode
        title, requester = self.title.text(), self.requester.text().strip() or None
        entry = self.entry.currentData()
        if not title.strip():  # said beside the field, before asking the engine
            self.error.setText(self.tr("Perihal wajib diisi: tulis singkat apa yang diurus kasus ini."))
            self.error.show()
            self.title.setFocus()
            return
        Operation(self, self.ctx, lambda: cases.start_case(ws, actor, kode, title, entry, requester)) \
            .inline(self.error).disabling(self.start_button).success(self._started).run()

    def _started(self, number: str) -> None:
        self.number = number
        self.accept()


def start_case_by_hand(parent: QWidget, ctx: GuiContext, sop: Sop) -> str | None:
    """Ask and start; say where the new case waits. The case number, or None when nothing started."""
    dialog = StartCaseDialog(ctx, sop, parent)
    started = dialog.exec() == QDialog.DialogCode.Accepted and dialog.number is not None
    parent.window().activateWindow()  # the dialog has gone: the keyboard back to the window (openbox left none)
    if not started:
        return None
    kode = dialog.entry.currentData()
    entri = next(e for e in dialog.entries if e.kode == kode)
    QMessageBox.information(parent, dialog.windowTitle(), QCoreApplication.translate(
        "StartCaseDialog", "Kasus {0} dimulai. Kegiatan {1} menunggu di Kotak Masuk peran {2}.").format(
        dialog.number, entri.kegiatan, sop.role_of(entri.kegiatan)))
    return dialog.number
