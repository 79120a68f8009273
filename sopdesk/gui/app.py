"""The desktop window. Until the full GUI lands it shows the office, the catalog and the
work waiting per role, read through the same engine the CLI uses."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sopdesk import __version__
from sopdesk.catalog import CatalogError
from sopdesk.engine import queries
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError


class OverviewWindow(QMainWindow):
    def __init__(self, ws: Workspace):
        super().__init__()
        self.setWindowTitle(f"sopdesk {__version__} — {ws.db.url}")
        with ws.db.reading() as session:
            office = ws.office(session)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(office.name if office else
                         "Belum disiapkan: jalankan 'sopdesk setup' atau 'sopdesk demo'")
        heading.setObjectName("officeHeading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold")
        layout.addWidget(heading)
        tree = QTreeWidget()
        tree.setHeaderLabels(["SOP / kegiatan", "Pelaksana", "Waktu", "Menunggu"])
        roles = sorted(ws.catalog.roles)
        counts = queries.inbox_counts(ws, roles, ws.clock())
        for sop in sorted(ws.catalog.sops.values(), key=lambda s: s.kode):
            top = QTreeWidgetItem([f"{sop.kode} — {sop.nama}", "", "", ""])
            for step in sop.kegiatan:
                QTreeWidgetItem(top, [f"{step.no}. {step.kegiatan}", sop.lane(step.pelaksana).nama,
                                      step.waktu_baku.label(), ""])
            tree.addTopLevelItem(top)
        waiting = QTreeWidgetItem(["Pekerjaan menunggu per peran", "", "", ""])
        for role in roles:
            total, late = counts[role]
            QTreeWidgetItem(waiting, [role, "", "", f"{total} ({late} terlambat)"])
        tree.addTopLevelItem(waiting)
        waiting.setExpanded(True)
        tree.setColumnWidth(0, 520)
        layout.addWidget(tree)
        self.setCentralWidget(body)
        self.resize(1100, 700)
        self.statusBar().showMessage(f"Basis data: {ws.db.url}")


def run(data_dir: Path, url: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sopdesk")
    try:
        ws = Workspace.open(data_dir, url)
    except (UserError, CatalogError) as exc:
        QMessageBox.critical(None, "sopdesk", str(exc))
        return 1
    try:
        window = OverviewWindow(ws)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return app.exec()
    finally:
        ws.close()
