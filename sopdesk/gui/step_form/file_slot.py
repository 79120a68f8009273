"""The file slot of a kelengkapan item or an output: "Lampirkan…", the chosen file's name,
"Hapus". A widget of its own because the step form and the letters' dialogs both attach files
with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from sopdesk.engine.step_input import KeptFile
from sopdesk.gui.step_form.common import GREEN, GREY

FILE_NAME_WIDTH = 200


class FileSlot(QWidget):
    """"Lampirkan…" button, the chosen file's name, and "Hapus" to remove it. It may also
    hold a file attached at the step's last visit (a returned step): that one stays attached
    as it is, without choosing it again."""

    changed = Signal()

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._what = what
        self._path: Path | None = None
        self._kept: KeptFile | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attach_button = QPushButton(self.tr("Lampirkan…"))
        self.attach_button.setAutoDefault(False)
        self.attach_button.setToolTip(self.tr("Pilih berkas (pindaian) untuk: {what}").format(what=what))
        self.attach_button.clicked.connect(self.choose)
        self.name_label = QLabel()
        self.name_label.setFixedWidth(FILE_NAME_WIDTH)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Lepaskan berkas yang dilampirkan"))
        self.remove_button.clicked.connect(lambda: self.set_path(None))
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # rows stay aligned with and without a file
        self.remove_button.setSizePolicy(policy)
        layout.addWidget(self.attach_button)
        layout.addWidget(self.name_label)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.set_path(None)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def kept(self) -> KeptFile | None:
        """The file of the last visit still attached (None once a new file is chosen)."""
        return self._kept

    def set_path(self, path: Path | None) -> None:
        self._path = Path(path) if path else None
        self._kept = None
        self._show()

    def set_kept(self, kept: KeptFile | None) -> None:
        self._path = None
        self._kept = kept
        self._show()

    def _show(self) -> None:
        metrics = self.name_label.fontMetrics()
        if self._path is not None:
            self.name_label.setText(metrics.elidedText(self._path.name, Qt.TextElideMode.ElideMiddle,
                                                       FILE_NAME_WIDTH))
            self.name_label.setStyleSheet("")
            self.name_label.setToolTip(str(self._path))
        elif self._kept is not None:
            suffix = self.tr(" (terlampir)")
            name = metrics.elidedText(self._kept.name, Qt.TextElideMode.ElideMiddle,
                                      FILE_NAME_WIDTH - metrics.horizontalAdvance(suffix))
            self.name_label.setText(name + suffix)
            self.name_label.setStyleSheet(f"color: {GREEN}")
            self.name_label.setToolTip(self.tr("{name}: sudah dilampirkan pada kunjungan sebelumnya; tetap "
                                               "terlampir tanpa diunggah lagi").format(name=self._kept.name))
        else:
            self.name_label.setText(self.tr("belum ada berkas"))
            self.name_label.setStyleSheet(f"color: {GREY}")
            self.name_label.setToolTip("")
        self.remove_button.setVisible(self._path is not None or self._kept is not None)
        self.changed.emit()

    def choose(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas untuk: {what}").format(what=self._what), start,
            self.tr("Dokumen dan pindaian (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;"
                    "Semua berkas (*)"),
        )
        if chosen:
            self.set_path(Path(chosen))
