"""The SOP catalog: every SOP with its identity block and its flow diagram, and the office's
organisation directory (divisions and secretariat units with their duties). This module is the
page (the list, the tabs, the room for the diagram, printing); the documents' texts are
catalog_texts', the organisation tree catalog_org's, the SOP administration catalog_admin's."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sopdesk import reports
from sopdesk.catalog.schema import Organisasi, Sop
from sopdesk.gui.case_start import start_case_by_hand, startable_entries
from sopdesk.gui.catalog_admin import AddSopDialog, switch_sop
from sopdesk.gui.catalog_org import KIND_ROLE, KODE_ROLE, WrapDelegate, fill_organisation_tree
from sopdesk.gui.catalog_texts import identity_html, step_html
from sopdesk.gui.context import GuiContext
from sopdesk.gui.list_splitter import ListSplitter
from sopdesk.gui.printing import PeriodDialog, print_pdf
from sopdesk.gui.shortcuts import INTO_LIST, clear_on_escape, shortcut, tab_keys
from sopdesk.gui.swimlane import SwimlaneView
from sopdesk.gui.title_row import TitleRow

LAST_DOCUMENT_KEY = "catalog/last_document"
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # a group heading's title, without its count


class _DetailSplitter(QSplitter):
    """The diagram and the step details beside it. Until the user drags the handle, the
    details take 160 px in a narrow page, growing with the width to 280 px, and the diagram
    the rest (a fixed detail width left the diagram a sliver at 1024x768; a quarter still
    hid PP's fourth lane there)."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._user_sized = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, *_args: int) -> None:
        self._user_sized = True

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        if not self._user_sized and self.count() == 2:
            width = self.width() - self.handleWidth()
            detail = min(280, max(160, width // 2 - 300))
            self.setSizes([width - detail, detail])


class CatalogPage(QWidget):
    """Left: the SOPs and the organisation directory. Right: the chosen document."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._shown: Sop | Organisasi | None = None
        self.list_action = QAction(self)
        self.list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.list_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list_action.triggered.connect(self.toggle_list)
        self.addAction(self.list_action)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari kode atau nama…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        for key in INTO_LIST:  # from the search into the documents found, as in Kotak Masuk
            shortcut(QKeySequence(key), self.search, self._into_list, Qt.ShortcutContext.WidgetShortcut)
        clear_on_escape(self.search)  # every document again
        self.list = QTreeWidget()
        self.list.setObjectName("catalogList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setItemDelegate(WrapDelegate(self.list))
        self.list.currentItemChanged.connect(self._current_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list)
        # issue #13: the office's own SOPs (administrators; the engine refuses everyone else)
        self.add_button = QPushButton(self.tr("&Tambah SOP…"))
        self.add_button.setObjectName("addSop")
        self.add_button.clicked.connect(self.add_sop)
        self.switch_button = QPushButton(self.tr("Nonaktifkan"))
        self.switch_button.setObjectName("switchSop")
        self.switch_button.clicked.connect(self.switch_current)
        admin_row = QHBoxLayout()
        admin_row.addWidget(self.add_button)
        admin_row.addWidget(self.switch_button)
        left_layout.addLayout(admin_row)
        for button in (self.add_button, self.switch_button):
            button.setVisible(ctx.is_admin)

        self.empty = QLabel()
        self.empty.setObjectName("catalogEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_sop_page())
        self.stack.addWidget(self._build_org_page())

        # the list can be put away (button, Ctrl+L), and is by itself when the diagram needs room
        self.splitter = ListSplitter(left, self.stack)
        self.splitter.shown_changed.connect(self._list_shown_changed)
        self._update_list_action()
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        ctx.data_changed.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------------ building
    def _build_sop_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sop_title = QLabel()
        self.sop_title.setObjectName("sopTitle")
        self.sop_title.setWordWrap(True)
        self.sop_title.setStyleSheet("font-size: 13pt; font-weight: bold")
        # Alt+C / Ctrl+P and Alt+K: from the keyboard the SOP could not be printed at all
        self.print_sop_button = QPushButton(self.tr("&Cetak SOP…"))
        self.print_sop_button.setToolTip(self.tr("Cetak SOP ini: identitas dan diagram alir (Ctrl+P)"))
        self.print_sop_button.clicked.connect(self.print_sop)
        shortcut(QKeySequence.StandardKey.Print, page, self.print_sop)  # only while an SOP is shown
        self.performance_button = QPushButton(self.tr("Laporan &kinerja…"))
        self.performance_button.clicked.connect(self.print_performance)
        # an SOP without a front door (an office's own, often) is started here or nowhere on the desk
        self.start_button = QPushButton(self.tr("&Mulai kasus…"))
        self.start_button.clicked.connect(self.start_case)
        self.title_row = TitleRow(self.sop_title, [self.start_button, self.print_sop_button, self.performance_button])
        layout.addWidget(self.title_row)
        self.sop_tabs = tab_keys(QTabWidget())  # Ctrl+PgDown / Ctrl+PgUp as Ctrl+Tab
        # the list's button left of the tabs, where the list was (the title row has no room to spare)
        self.sop_tabs.setCornerWidget(self._list_button(), Qt.Corner.TopLeftCorner)
        self.identity = QTextBrowser()
        self.identity.setObjectName("identityPanel")
        self.sop_tabs.addTab(self.identity, self.tr("&Identitas"))  # Alt+I

        diagram = QWidget()
        diagram_layout = QVBoxLayout(diagram)
        diagram_layout.setContentsMargins(0, 0, 0, 0)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.swimlane = SwimlaneView()
        for text, slot, keys in (
            (self.tr("Perbesar"), self.swimlane.zoom_in, QKeySequence.StandardKey.ZoomIn),
            (self.tr("Perkecil"), self.swimlane.zoom_out, QKeySequence.StandardKey.ZoomOut),
            (self.tr("Sesuaikan lebar"), self.fit_diagram, None),
        ):
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            toolbar.addAction(action)
        self.zoom_actions = toolbar.actions()
        toolbar.addSeparator()
        hint = QLabel(self.tr("Klik sebuah kegiatan untuk rinciannya · Ctrl+roda tetikus untuk memperbesar"))
        hint.setStyleSheet("color: #555")
        toolbar.addWidget(hint)
        diagram_layout.addWidget(toolbar)
        self.step_detail = QTextBrowser()
        self.step_detail.setObjectName("stepDetail")
        self.swimlane.step_clicked.connect(self.show_step)
        inner = _DetailSplitter()
        inner.addWidget(self.swimlane)
        inner.addWidget(self.step_detail)
        self.diagram_splitter = inner
        diagram_layout.addWidget(inner)
        self.sop_tabs.addTab(diagram, self.tr("&Diagram alir"))  # Alt+D
        self.diagram_tab = diagram
        self.sop_tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.sop_tabs)
        return page

    def _list_button(self) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(self.list_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)   # a button, not one more tab
        button.setObjectName("listToggle")
        return button

    # ------------------------------------------------------------------ room for the diagram
    def toggle_list(self) -> None:
        """Ctrl+L or the button: hide the list, or show it again (remembered)."""
        self.splitter.set_list_shown(not self.splitter.list_shown())

    def fit_diagram(self) -> None:
        """The "Sesuaikan lebar" button: make room first (put the list away when the lanes do
        not fit beside it at a readable size), then fit the diagram to the width it has."""
        self._make_room()
        self.swimlane.fit_to_window()

    def _make_room(self) -> None:
        view = self.swimlane
        if self.splitter.list_shown() and view.viewport().width() < view.lanes_width():
            self.splitter.make_room()

    def _tab_changed(self, _index: int) -> None:
        if self.sop_tabs.currentWidget() is self.diagram_tab:
            self._make_room()
        else:
            self.splitter.give_back()

    def _list_shown_changed(self, shown: bool) -> None:
        self._update_list_action()
        if shown:
            self.list.setFocus()
        elif self.stack.currentIndex() == 1:
            on_diagram = self.sop_tabs.currentWidget() is self.diagram_tab
            (self.swimlane if on_diagram else self.identity).setFocus()
        elif self.stack.currentIndex() == 2:
            self.org_tree.setFocus()
        else:
            self.stack.setFocus()

    def _update_list_action(self) -> None:
        shown = self.splitter.list_shown()
        self.list_action.setText(self.tr("Sembunyikan daftar") if shown else self.tr("Tampilkan daftar"))
        arrow = QStyle.StandardPixmap.SP_ArrowLeft if shown else QStyle.StandardPixmap.SP_ArrowRight
        self.list_action.setIcon(self.style().standardIcon(arrow))
        self.list_action.setToolTip(
            self.tr("Sembunyikan daftar SOP agar diagram mendapat seluruh lebar (Ctrl+L)") if shown
            else self.tr("Tampilkan lagi daftar SOP dan direktori organisasi (Ctrl+L)"))

    def print_sop(self) -> None:
        kode = self.current_kode()
        if kode in self.ctx.ws.catalog.sops:
            print_pdf(self, self.ctx.worker, f"SOP-{kode}.pdf",
                      lambda path: reports.render_sop(self.ctx.ws, kode, path))

    def print_performance(self) -> None:
        kode = self.current_kode()
        if kode not in self.ctx.ws.catalog.sops:
            return
        # the office's day, not the PC's: on a UTC clock at 02.30 WITA the period ended yesterday
        office_day = self.ctx.ws.calendar.local(self.ctx.ws.clock()).date()
        period = PeriodDialog(self, self.tr("Laporan kinerja {0}").format(kode), today=office_day)
        if period.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = period.dates()
        print_pdf(self, self.ctx.worker, f"laporan-kinerja-{kode}-{start}-{end}.pdf",
                  lambda path: reports.render_performance(self.ctx.ws, kode, start, end, path))

    def _build_org_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.org_title = QLabel()
        self.org_title.setWordWrap(True)
        self.org_title.setStyleSheet("font-size: 13pt; font-weight: bold")
        layout.addWidget(self.org_title)
        self.org_tabs = tab_keys(QTabWidget())
        self.org_tabs.setCornerWidget(self._list_button(), Qt.Corner.TopLeftCorner)
        self.org_tree = QTreeWidget()
        self.org_tree.setObjectName("organisationTree")
        self.org_tree.setHeaderLabels([self.tr("Unit dan uraian tugas"), self.tr("Peran penerima disposisi"),
                                       self.tr("Keterangan")])
        self.org_tree.setWordWrap(True)
        self.org_tree.setUniformRowHeights(False)
        self.org_tree.setItemDelegate(WrapDelegate(self.org_tree))
        header = self.org_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.org_tabs.addTab(self.org_tree, self.tr("Struktur organisasi"))
        self.org_identity = QTextBrowser()
        self.org_identity.setObjectName("organisationIdentity")
        self.org_tabs.addTab(self.org_identity, self.tr("Identitas"))
        layout.addWidget(self.org_tabs)
        return page

    # ------------------------------------------------------------------ list
    def reload(self) -> None:
        """Rebuild the list from the catalog; keeps the current document selected."""
        catalog = self.ctx.ws.catalog
        current = self.current_kode()
        self._off = self.ctx.ws.disabled_sops()
        self.list.blockSignals(True)
        self.list.clear()
        groups = (
            (self.tr("Prosedur (SOP)"), "sop", catalog.sops),
            (self.tr("Direktori organisasi"), "org", catalog.organisations),
        )
        bold = QFont(self.list.font())
        bold.setBold(True)
        for title, kind, documents in groups:
            group = QTreeWidgetItem([f"{title} ({len(documents)})"])
            group.setData(0, TITLE_ROLE, title)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, bold)
            group.setData(0, KIND_ROLE, "group")
            group.setData(0, KODE_ROLE, "")
            self.list.addTopLevelItem(group)
            for kode in sorted(documents):
                off = self.tr(" (nonaktif)") if kind == "sop" and kode in self._off else ""
                item = QTreeWidgetItem(group, [f"{kode} — {documents[kode].nama}{off}"])
                item.setToolTip(0, documents[kode].nama)
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, KODE_ROLE, kode)
            group.setExpanded(True)
        self.list.blockSignals(False)
        self._filter(self.search.text())  # rebuilt after a change: still only what the search finds
        if current and self.select(current):
            return
        # the list put away last time: the document read then, in the room the user chose
        if not self.splitter.list_shown() and self.select(str(QSettings().value(LAST_DOCUMENT_KEY, ""))):
            return
        self._shown = None
        self._show_empty()

    def document_items(self) -> list[QTreeWidgetItem]:
        """The selectable rows of the list (SOPs, then organisations)."""
        rows: list[QTreeWidgetItem] = []
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            if group is not None:
                rows += [child for i in range(group.childCount()) if (child := group.child(i)) is not None]
        return rows

    def current_kode(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, KODE_ROLE) or None if item is not None else None

    def select(self, kode: str) -> bool:
        """Show a document by its kode; False when the catalog has no such document."""
        for item in self.document_items():
            if item.data(0, KODE_ROLE) == kode:
                self.list.setCurrentItem(item)
                self._current_changed(item)
                return True
        return False

    def focus_first_field(self) -> None:
        """Ctrl+5: the cursor in the search, its text selected, so what is typed next looks for
        an SOP (the keyboard was left nowhere and the typing went unseen); with the list put
        away, the document shown takes the keyboard."""
        if self.splitter.list_shown():
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
        elif (shown := self.stack.currentWidget()) is not None:
            shown.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _into_list(self) -> None:
        """Down or Enter in the search: the keyboard in the list, on the current document if the
        search left it in view, else on the first one found."""
        found = [item for item in self.document_items() if not item.isHidden()]
        if not found:
            return
        current = self.list.currentItem()
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if current not in found:
            self.list.setCurrentItem(found[0])

    def _filter(self, text: str) -> None:
        """Only the documents the search finds; each group's heading says how many of its own
        are shown (it said "Prosedur (SOP) (4)" while the search left one in view)."""
        needle = text.strip().lower()
        for item in self.document_items():
            item.setHidden(bool(needle) and needle not in item.text(0).lower())
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            if group is None:
                continue
            total = group.childCount()
            shown = sum(not child.isHidden() for i in range(total) if (child := group.child(i)) is not None)
            title = group.data(0, TITLE_ROLE)
            text = f"{title} ({total})" if shown == total else self.tr("{0} ({1} dari {2})").format(title, shown, total)
            if group.text(0) != text:  # unchanged, the tree is not told (nor relaid out)
                group.setText(0, text)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None or item.data(0, KIND_ROLE) not in ("sop", "org"):
            return
        catalog = self.ctx.ws.catalog
        kode = item.data(0, KODE_ROLE)
        QSettings().setValue(LAST_DOCUMENT_KEY, kode)
        self.switch_button.setEnabled(item.data(0, KIND_ROLE) == "sop")
        self.switch_button.setText(self.tr("Aktifkan") if kode in self._off else self.tr("Nonaktifkan"))
        if item.data(0, KIND_ROLE) == "sop":
            startable = kode not in self._off and bool(startable_entries(self.ctx, catalog.sops[kode]))
            self.start_button.setEnabled(startable)
            self.show_sop(catalog.sops[kode])
        else:
            self.show_organisation(catalog.organisations[kode])

    def add_sop(self) -> None:
        """Tambah SOP…: check files against the installed catalog, preview, install."""
        dialog = AddSopDialog(self.ctx, self)
        dialog.choose()
        accepted = bool(dialog.paths) and dialog.exec() == AddSopDialog.DialogCode.Accepted
        self.window().activateWindow()  # the dialogs have gone: the keyboard back (openbox left no window active)
        if accepted:
            added = [r.sop.kode for r in dialog.results if r.sop is not None]
            self.ctx.catalog_roles_changed()  # a new SOP's new role shows in the role bar
            if added:
                self.select(added[0])  # the administrator sees what was installed

    def start_case(self) -> None:
        """Mulai kasus…: a case on the SOP shown, at an entry the user may start."""
        kode = self.current_kode()
        if kode in self.ctx.ws.catalog.sops and self.start_button.isEnabled():
            start_case_by_hand(self, self.ctx, self.ctx.ws.catalog.sops[kode])

    def switch_current(self) -> None:
        """Switch the chosen SOP off (no new cases) or on again."""
        kode = self.current_kode()
        if kode in self.ctx.ws.catalog.sops:
            switch_sop(self, self.ctx, kode)

    def _show_empty(self) -> None:
        self.splitter.reveal()      # nothing to read: the list is where to choose, whatever was chosen
        self.switch_button.setEnabled(False)  # no SOP chosen: nothing to switch off
        catalog = self.ctx.ws.catalog
        if catalog.sops or catalog.organisations:
            text = self.tr("Pilih sebuah SOP di daftar sebelah kiri untuk melihat identitasnya dan diagram "
                           "alirnya, atau direktori organisasi untuk melihat divisi dan unit beserta tugasnya.")
        else:
            text = self.tr("Katalog belum berisi SOP. Administrator menambahkannya dengan Tambah SOP… "
                           "(contoh berkas beserta petunjuknya: contoh-sop-kantor.yaml di folder program), "
                           "atau menaruh berkas SOP di folder {folder} lalu membuka ulang sopdesk.").format(
                folder=self.ctx.ws.data_dir / "sop_catalog")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    # ------------------------------------------------------------------ SOP
    def show_sop(self, sop: Sop) -> None:
        if self._shown is sop:
            return
        self._shown = sop
        self.title_row.set_text(f"{sop.kode} — {sop.nama}")
        self.identity.setHtml(identity_html(sop))
        self.swimlane.set_sop(sop)
        self.step_detail.setHtml("<p><i>{}</i></p>".format(escape(self.tr(
            "Klik sebuah kegiatan pada diagram untuk melihat rinciannya: pelaksana, mutu baku, keterangan "
            "dan rutenya."))))
        self.stack.setCurrentIndex(1)

    def show_step(self, no: int) -> None:
        """Fill the side panel with everything about step `no` of the SOP shown."""
        sop = self._shown
        if isinstance(sop, Sop) and sop.has_step(no):
            self.step_detail.setHtml(step_html(sop, no))

    # ------------------------------------------------------------------ organisation
    def show_organisation(self, org: Organisasi) -> None:
        if self._shown is org:
            return
        self._shown = org
        self.org_title.setText(f"{org.kode} — {org.nama}")
        self.org_identity.setHtml(identity_html(org))
        fill_organisation_tree(self.org_tree, org)
        self.stack.setCurrentIndex(2)
