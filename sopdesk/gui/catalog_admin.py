"""The office's own SOPs in the desktop (issue #13): "Tambah SOP…" checks files against the
installed catalog, shows the result and a swimlane preview, then installs them; an SOP is
switched off or on; a catalog file left out is named in a banner. The engine
(sopdesk.engine.catalog_admin) decides who may: administrators only."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog import Catalog
from sopdesk.catalog.problem_lines import problem_line
from sopdesk.catalog.problems import Problem
from sopdesk.engine import catalog_admin
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import ERROR_COLOR, show_error
from sopdesk.gui.operation import Operation, running
from sopdesk.gui.swimlane import SwimlaneView


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


LINE_PLACE = re.compile(r"baris (\d+)\b")  # the loader's place of a YAML error: "baris 26, kolom 4"
WARNING_STYLE = ("QLabel#catalogBanner { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; "
                 "padding: 6px; }")


def left_out_text(catalog: Catalog) -> str:
    """The banner's text: one line per catalog file that is not used."""
    return "\n".join(str(problem) for problem in catalog.left_out)


def catalog_banner(ctx: GuiContext, parent: QWidget | None = None) -> QLabel:
    """A banner naming the catalog files left out (hidden when there are none), kept up to date
    when an SOP is added."""
    banner = QLabel(parent)
    banner.setObjectName("catalogBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(WARNING_STYLE)
    refresh_banner(banner, ctx)
    ctx.data_changed.connect(lambda: refresh_banner(banner, ctx))
    return banner


def refresh_banner(banner: QLabel, ctx: GuiContext) -> None:
    text = left_out_text(ctx.ws.catalog)
    if text:
        # where the file is: an administrator told only its name had to know the data folder
        banner.setText(QCoreApplication.translate(
            "CatalogBanner", "Berkas katalog yang tidak dipakai, di folder {0} (perbaiki lalu buka ulang "
            "sopdesk):").format(ctx.ws.data_dir / "sop_catalog") + "\n" + text)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
    banner.setVisible(bool(text))


class AddSopDialog(QDialog):
    """Choose SOP files; see what the check against the installed catalog says and the flow of
    each file; install them all (or nothing)."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None, paths: list[Path] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.paths: list[Path] = []
        self.results: list[catalog_admin.Checked] = []
        self.setWindowTitle(self.tr("Tambah SOP ke katalog kantor"))
        self.resize(980, 680)

        self.files = QLineEdit()
        self.files.setReadOnly(True)
        self.files.setPlaceholderText(self.tr("Belum ada berkas dipilih"))
        choose = QPushButton(self.tr("Pilih &berkas…"))  # Alt+P is Pasang
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Berkas SOP (.yaml):")))
        row.addWidget(self.files, 1)
        row.addWidget(choose)

        self.report = QTextBrowser()
        self.report.setObjectName("checkResult")
        self.which = QComboBox()
        self.which.setObjectName("previewChoice")
        self.which.currentIndexChanged.connect(self._preview)
        self.preview = SwimlaneView()
        self.preview.setObjectName("preview")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Pratinjau diagram alir:")))
        right_layout.addWidget(self.which)
        right_layout.addWidget(self.preview, 1)
        split = QSplitter()
        split.addWidget(self.report)
        split.addWidget(right)
        split.setSizes([360, 620])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.install_button = self.buttons.addButton(self.tr("&Pasang"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setEnabled(False)
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        if paths:
            self.set_paths(paths)

    def choose(self) -> None:
        start = self.paths[0].parent if self.paths else Path.home()  # fixing a file: its folder again
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih berkas SOP"), str(start),
                                                self.tr("Berkas SOP (*.yaml *.yml)"))
        if names:
            self.set_paths([Path(n) for n in names])

    def set_paths(self, paths: list[Path]) -> None:
        """Check the files against the installed catalog and show the result."""
        self.paths = [Path(p) for p in paths]
        self.files.setText("; ".join(p.name for p in self.paths))
        try:
            self.results = catalog_admin.check_files(self.ctx.ws, self.paths)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            show_error(self, exc)
            self.results = []
        self.report.setHtml(self._result_html())
        self.which.blockSignals(True)
        self.which.clear()
        for result in self.results:
            if result.sop is not None:
                self.which.addItem(f"{result.sop.kode} — {result.sop.nama}", result.path.name)
        self.which.blockSignals(False)
        self._preview()
        self.install_button.setEnabled(bool(self.results) and all(r.ok for r in self.results)
                                       and any(not r.installed for r in self.results))

    def _result_html(self) -> str:
        if not self.results:
            return ""
        parts = []
        note_label = escape(self.tr("Catatan"))  # outside the f-string, where lupdate sees it
        for result in self.results:
            parts.append(f"<p><b>{escape(result.summary())}</b></p>")
            for note in result.notes:
                parts.append(f"<p>{note_label}: {escape(note)}</p>")
            if result.problems:
                text = _read(result.path)
                items = "".join(f"<li>{escape(str(p))}{self._line_quoted(text, p)}</li>" for p in result.problems)
                parts.append(f"<ul style='color:{ERROR_COLOR}'>{items}</ul>")
        if all(r.ok and r.installed for r in self.results):  # Pasang stays off: nothing to tell it to do
            parts.append("<p>" + escape(self.tr("Semua berkas sudah terpasang; tidak ada yang perlu dipasang."))
                         + "</p>")
        elif all(r.ok for r in self.results):
            parts.append("<p>" + escape(self.tr("Berkas sah dan cocok dengan katalog terpasang. Tekan Pasang untuk "
                                                "menambahkannya ke katalog kantor.")) + "</p>")
        else:
            parts.append(f"<p style='color:{ERROR_COLOR}'>" + escape(self.tr(
                "Perbaiki masalah di atas lalu pilih berkasnya lagi; tidak ada yang dipasang.")) + "</p>")
        return "".join(parts)

    def _line_quoted(self, text: str | None, problem: Problem) -> str:
        """The line(s) of the file a problem is about, numbered as the administrator's editor shows
        them. For a file YAML cannot read ("baris N"): that line and the one before, with what to
        look at; the parser's own words ("expected <block end>") tell a non-programmer nothing.
        For a wrong value ("kegiatan 2, waktu"): its line (Xvfb, h3: in a file of 300 lines the
        place named the step and the field but no line to go to)."""
        if text is None:
            return ""
        lines = text.splitlines()
        found = LINE_PLACE.match(problem.where)
        if found is None:
            no = problem_line(text, problem.where, problem.field)
            if no is None or not 1 <= no <= len(lines):
                return ""
            quoted = f"{no:>4} | {lines[no - 1]}"
            return f"<pre style='color:black'>{escape(quoted)}</pre>"
        no = int(found.group(1))
        shown = [(n, lines[n - 1]) for n in (no - 1, no) if 1 <= n <= len(lines)]
        if not shown:
            return ""
        quoted = "\n".join(f"{n:>4} | {line}" for n, line in shown)
        hint = self.tr("Periksa baris ini dan baris sebelumnya: spasi di awal baris harus sejajar dengan "
                       "baris lain pada tingkat yang sama (pakai spasi, bukan Tab), setelah nama kolom ada "
                       "titik dua dan spasi, dan setiap tanda kutip atau kurung [ ] { } ditutup lagi.")
        return f"<pre style='color:black'>{escape(quoted)}</pre><span style='color:black'>{escape(hint)}</span>"

    def _preview(self) -> None:
        name = self.which.currentData()
        sop = next((r.sop for r in self.results if r.sop is not None and r.path.name == name), None)
        self.preview.set_sop(sop)  # None clears it: a file that does not load shows no other file's flow
        self.which.setEnabled(self.which.count() > 0)

    def reject(self) -> None:
        """Esc, Tutup or the window's close: not while the command runs (it would still be done)."""
        if not running(self):
            super().reject()

    def install(self) -> None:
        ws, actor, paths = self.ctx.ws, self.ctx.actor, list(self.paths)
        Operation(self, self.ctx, lambda: catalog_admin.add_sops(ws, actor, paths)) \
            .disabling(self.install_button).success(self._installed).run()

    def _installed(self, done: list[catalog_admin.Checked]) -> None:
        added = [r.sop.kode for r in done if not r.installed and r.sop is not None]
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("SOP ditambahkan ke katalog kantor: {0}").format(", ".join(added) or "-"))
        self.accept()


def switch_sop(parent: QWidget, ctx: GuiContext, kode: str) -> bool:
    """Switch an SOP off (asking for a reason) or on again; True when the change was started
    (it is announced through `ctx.data_changed` when done)."""
    ws, actor = ctx.ws, ctx.actor
    if kode in ws.disabled_sops():
        return Operation(parent, ctx, lambda: catalog_admin.enable_sop(ws, actor, kode)).run()
    ask = QInputDialog(parent)
    ask.setWindowTitle(QCoreApplication.translate("CatalogSwitch", "Nonaktifkan SOP {0}").format(kode))
    ask.setLabelText(QCoreApplication.translate("CatalogSwitch", "Kasus baru tidak dapat dimulai; kasus yang "
                                                "berjalan tetap dapat diselesaikan.\nAlasan (dicatat di log audit):"))
    # the button says what it does: "OK" under a question about switching an SOP off (Xvfb, h3)
    ask.setOkButtonText(QCoreApplication.translate("CatalogSwitch", "Nonaktifkan"))
    ask.setCancelButtonText(QCoreApplication.translate("CatalogSwitch", "Batal"))
    if ask.exec() != QDialog.DialogCode.Accepted:
        return False
    reason = ask.textValue()
    return Operation(parent, ctx, lambda: catalog_admin.disable_sop(ws, actor, kode, reason)).run()
