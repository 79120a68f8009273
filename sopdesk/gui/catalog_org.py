"""The organisation directory of the Katalog SOP page: the tree of divisions and secretariat
units with their duties (the walk of the induk links is engine.units'), and the item delegate
that makes the catalog's trees wrap their text; translated under the page's context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem

from sopdesk.catalog.schema import Organisasi, Unit
from sopdesk.engine.units import UnitNode, unit_directory

KIND_ROLE = Qt.ItemDataRole.UserRole
KODE_ROLE = Qt.ItemDataRole.UserRole + 1


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their word-wrapped text in the tree's current column width (Qt's own
    delegate sizes a row for one line and elides the rest)."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree
        tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Measured in the rectangle the style paints the text in (the cell less the branch
        indentation, the icon and the style's text margins): measured 12 px narrower than that,
        some rows wrapped a line more than they painted and stood with a blank line under them
        (Xvfb, h3: "PP — Pelayanan Publik…" in Katalog SOP)."""
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.columnWidth(index.column())
        if index.column() == 0:
            width -= self.tree.indentation() * (depth + (1 if self.tree.rootIsDecorated() else 0))
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.rect = QRect(0, 0, max(width, 40), hint.height())
        style = self.tree.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, self.tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        text = index.data() or ""
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(text_rect.width() - 2 * margin, 40), 100000),
                                               Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


def fill_organisation_tree(tree: QTreeWidget, org: Organisasi) -> None:
    """The divisions (one level) and the secretariat units under their induk, each with its
    duties, all expanded."""
    tree.clear()
    bold = QFont(tree.font())
    bold.setBold(True)
    directory = unit_directory([org])
    divisions = QTreeWidgetItem([QCoreApplication.translate("CatalogPage", "Divisi Anggota KPU ({n})").format(
        n=len(org.divisi)), "", ""])
    divisions.setFont(0, bold)
    tree.addTopLevelItem(divisions)
    for place in directory.divisions:
        _unit_item(divisions, place.unit, bold)
    secretariat = QTreeWidgetItem([QCoreApplication.translate("CatalogPage", "Sekretariat ({n} unit)").format(
        n=len(org.unit_sekretariat)), "", ""])
    secretariat.setFont(0, bold)
    tree.addTopLevelItem(secretariat)
    for node in directory.tree("sekretariat"):
        _unit_branch(secretariat, node, bold)
    if not org.units:
        QTreeWidgetItem(divisions, [QCoreApplication.translate(
            "CatalogPage", "Direktori ini belum berisi divisi maupun unit."), "", ""])
    divisions.setExpanded(True)
    secretariat.setExpanded(True)


def _unit_branch(parent: QTreeWidgetItem, node: UnitNode, bold: QFont) -> None:
    item = _unit_item(parent, node.place.unit, bold)
    for child in node.children:
        _unit_branch(item, child, bold)
    item.setExpanded(True)


def _unit_item(parent: QTreeWidgetItem, unit: Unit, bold: QFont) -> QTreeWidgetItem:
    """A unit with its numbered duties below it."""
    item = QTreeWidgetItem(parent, [unit.nama, unit.peran, unit.keterangan or ""])
    item.setFont(0, bold)
    item.setData(0, KIND_ROLE, "unit")
    item.setData(0, KODE_ROLE, unit.kode)
    item.setToolTip(0, unit.nama)
    for number, duty in enumerate(unit.uraian_tugas, start=1):
        child = QTreeWidgetItem(item, [f"{number}. {duty}", "", ""])
        child.setData(0, KIND_ROLE, "tugas")
        child.setData(0, KODE_ROLE, "")
        child.setToolTip(0, duty)
    if not unit.uraian_tugas:
        QTreeWidgetItem(item, [QCoreApplication.translate("CatalogPage", "(uraian tugas tidak dicantumkan)"), "", ""])
    item.setExpanded(True)
    return item
