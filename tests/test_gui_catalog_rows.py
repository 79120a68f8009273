"""The catalog's wrapped rows are as tall as the text they paint: measured narrower than the
style paints, some rows wrapped one line more and stood with a blank line under them (Xvfb, h3:
"PP — Pelayanan Publik di Lingkungan Komisi Pemilihan Umum Kota Kupang" in Katalog SOP)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from sopdesk.gui.catalog_org import WrapDelegate


def test_no_wrapped_row_keeps_a_blank_line(qtbot, ws):
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setHeaderHidden(True)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setItemDelegate(WrapDelegate(tree))
    group = QTreeWidgetItem(tree, ["Prosedur (SOP)"])
    for kode in sorted(ws.catalog.sops):
        QTreeWidgetItem(group, [f"{kode} — {ws.catalog.sop(kode).nama}"])
    tree.expandAll()
    tree.show()
    qtbot.waitExposed(tree)
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    metrics = QFontMetrics(tree.font())
    blank = []
    for width in range(200, 420, 6):
        tree.resize(width, 600)
        tree.doItemsLayout()
        for i in range(group.childCount()):
            index = tree.indexFromItem(group.child(i))
            cell = tree.visualRect(index)
            painted = metrics.boundingRect(QRect(0, 0, cell.width() - 2 * margin, 100000),
                                           Qt.TextFlag.TextWordWrap, index.data()).height()
            if cell.height() > painted + 6 + metrics.lineSpacing() // 2:
                blank.append((width, index.data()))
    assert blank == []
