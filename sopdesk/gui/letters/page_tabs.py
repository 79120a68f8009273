"""The layout of the Surat & Ekspedisi page (gui/letters/page.py): its three tabs, each a
register's filters over its table, the summary and the buttons. The widgets become the page's
attributes (declared in gui/letters/page_state.py); their signals call the page's reloads and
its actions (gui/letters/page_actions.py). The strings are
the page's: translated under its context, "LettersPage"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from sopdesk.engine import letter_views
from sopdesk.gui.letters import page_actions
from sopdesk.gui.letters.common import date_edit, today
from sopdesk.gui.letters.models import ExpeditionModel, IncomingModel, OutgoingModel
from sopdesk.gui.letters.page_state import LettersPageState
from sopdesk.gui.letters.register_view import register_tab, search_box, stacked, table_view
from sopdesk.gui.shortcuts import on_enter

translate = QCoreApplication.translate


def _years(page: LettersPageState, register: letter_views.Register) -> QComboBox:
    combo = QComboBox()
    combo.addItem(translate("LettersPage", "Semua tahun"), None)
    for year in letter_views.register_years(page.ctx.ws, register, today(page.ctx).year):
        combo.addItem(str(year), year)
    return combo


def _button(text: str, slot: Callable[[], object], allowed: bool = True, who: str = "") -> QPushButton:
    """A button of a register; one for an action outside the user's roles is disabled and says who may."""
    button = QPushButton(text)
    button.clicked.connect(slot)
    button.setProperty("allowed", allowed)
    if not allowed:
        button.setEnabled(False)
        button.setToolTip(translate("LettersPage", "Hanya untuk peran {0} atau administrator").format(who))
    return button


def _correction_buttons(page: LettersPageState, which: str) -> tuple[QPushButton, QPushButton]:
    """Koreksi… and Batalkan… of the selected line of one register (incoming, outgoing,
    expedition); enabled for the line's registrar and administrators."""
    correct = QPushButton(translate("LettersPage", "Ko&reksi…"))
    correct.setObjectName(f"{which}Correct")
    correct.clicked.connect(lambda: page_actions.correct(page, which))
    void = QPushButton(translate("LettersPage", "Batalk&an…"))
    void.setObjectName(f"{which}Void")
    void.clicked.connect(lambda: page_actions.void(page, which))
    page.correction_buttons[which] = (correct, void)
    return correct, void


def _agenda_filters(page: LettersPageState, register: letter_views.Register, placeholder: str,
                    reload: Callable[[], None]) -> tuple[QLineEdit, QTimer, QComboBox, QHBoxLayout]:
    """The search and the year of an agenda (incoming or outgoing), both reloading it."""
    search, timer = search_box(page, placeholder, reload)
    year = _years(page, register)
    year.currentIndexChanged.connect(reload)
    filters = QHBoxLayout()
    filters.addWidget(search, 1)
    filters.addWidget(year)
    return search, timer, year, filters


def incoming_tab(page: LettersPageState) -> QWidget:
    page.incoming_model = IncomingModel(page.ctx, page)
    page.incoming_search, page.incoming_timer, page.incoming_year, filters = _agenda_filters(
        page, "incoming", translate("LettersPage", "Cari nomor surat, pengirim atau perihal…"), page.reload_incoming)
    # the Perihal stays inside the view at 1024x768 (the leadership reads it)
    # at 1024x768 Nomor surat, then Kasus, give way (in the tooltip then): no sideways scroll
    page.incoming_table = table_view(page.incoming_model, (110, 120, 140, 150, 0, 90, 120, 75), stretch=4,
                                     optional=(2, 6))
    # on screen: Nomor agenda, Diterima, Pengirim, Perihal, Sifat, Disposisi, then Kasus and Nomor
    # surat (the sender's own reference): at 1024x768 Nomor surat pushed Sifat (segera, rahasia) and
    # Disposisi, what the Ketua disposing reads beside the perihal, off the right edge
    header = page.incoming_table.horizontalHeader()
    for logical in (6, 2):  # Kasus, then Nomor surat, to the end
        header.moveSection(header.visualIndex(logical), header.count() - 1)
    # what still waits for the leadership (the Ketua scanned the Disposisi column for dashes)
    page.undisposed = QCheckBox(translate("LettersPage", "&Hanya yang belum didisposisi"))
    page.undisposed.toggled.connect(page.reload_incoming)
    # what was disposed to the user's units: a letter with no case puts nothing in Kotak Masuk, and the
    # Kasubag hovered the Disposisi column of every line to find them (Xvfb, /tmp/h2/s/40-41)
    page.addressed = QCheckBox(translate("LettersPage", "Hanya disposisi untuk peran &saya"))
    page.addressed.setToolTip(translate("LettersPage", "Surat yang lembar disposisinya ditujukan kepada unit "
                                                       "yang dikerjakan peran Anda"))
    page.addressed.toggled.connect(page.reload_incoming)
    # the two boxes on a line of their own: beside them the search's hint was cut at 1024x768 (Xvfb, 43_1024.png)
    checks = QHBoxLayout()
    for box in (page.undisposed, page.addressed):
        checks.addWidget(box)
    checks.addStretch(1)
    rows = QVBoxLayout()
    rows.addLayout(filters)
    rows.addLayout(checks)
    page.incoming_table.doubleClicked.connect(lambda _: page_actions.dispose(page) if page.may_dispose else None)
    if page.may_dispose:  # Enter as the double click (Xvfb: the Ketua moving down the agenda had to reach for Alt+D)
        on_enter(page.incoming_table, lambda: page_actions.dispose(page))
    holder, page.incoming_stack, page.incoming_empty = stacked(page.incoming_table, "incomingEmpty")
    page.incoming_summary = QLabel()
    page.register_in_button = _button(translate("LettersPage", "Catat surat &masuk…"),
                                      lambda: page_actions.register_incoming(page), page.may_register,
                                      " / ".join(page.registrars))
    page.dispose_button = _button(translate("LettersPage", "&Disposisi…"), lambda: page_actions.dispose(page),
                                  page.may_dispose, " / ".join(page.disposers))
    page.print_disposition_button = _button(translate("LettersPage", "&Cetak lembar disposisi"),
                                            lambda: page_actions.print_disposition(page))
    page.print_disposition_button.setToolTip(translate("LettersPage", "Lembar disposisi surat yang dipilih (Ctrl+P)"))
    return register_tab(rows, holder, page.incoming_summary,
                        (page.register_in_button, page.dispose_button, *_correction_buttons(page, "incoming"),
                         page.print_disposition_button))


def outgoing_tab(page: LettersPageState) -> QWidget:
    page.outgoing_model = OutgoingModel(page.ctx, page)
    page.outgoing_search, page.outgoing_timer, page.outgoing_year, filters = _agenda_filters(
        page, "outgoing", translate("LettersPage", "Cari nomor surat, tujuan atau perihal…"), page.reload_outgoing)
    # narrow, Dicatat oleh, Klasifikasi then Kasus give way (in the tooltip of Tujuan and Perihal)
    page.outgoing_table = table_view(page.outgoing_model, (190, 125, 180, 0, 90, 160, 110), stretch=3,
                                     optional=(6, 4, 5))
    holder, page.outgoing_stack, page.outgoing_empty = stacked(page.outgoing_table, "outgoingEmpty")
    page.outgoing_summary = QLabel()
    page.register_out_button = _button(translate("LettersPage", "Catat surat &keluar…"),
                                       lambda: page_actions.register_outgoing(page), page.may_register,
                                       " / ".join(page.registrars))
    return register_tab(filters, holder, page.outgoing_summary,
                        (page.register_out_button, *_correction_buttons(page, "outgoing")))


def expedition_tab(page: LettersPageState) -> QWidget:
    page.expedition_model = ExpeditionModel(page.ctx, page)
    now = today(page.ctx)
    page.date_from = date_edit(now.replace(day=1))
    page.date_to = date_edit(now)
    page.pending = QCheckBox(translate("LettersPage", "Hanya yang &belum diterima"))
    page.expedition_search, page.expedition_timer = search_box(
        page, translate("LettersPage", "Cari nomor surat, perihal, tujuan atau penanda tangan…"),
        page.reload_expedition)
    for signal in (page.date_from.dateChanged, page.date_to.dateChanged, page.pending.toggled):
        signal.connect(page.reload_expedition)
    # the search on its own line, full width: beside the dates its hint was cut at 1024x768 (Xvfb)
    days = QHBoxLayout()
    for widget in (QLabel(translate("LettersPage", "Dikirim dari")), page.date_from,
                   QLabel(translate("LettersPage", "sampai")), page.date_to, page.pending):
        days.addWidget(widget)
    days.addStretch(1)
    filters = QVBoxLayout()
    filters.addWidget(page.expedition_search)
    filters.addLayout(days)
    # narrow, Ditandatangani oleh, Nama penerima then Tujuan give way (in the tooltip of the letter)
    page.expedition_table = table_view(page.expedition_model, (45, 120, 150, 0, 140, 130, 105, 150),
                                       stretch=3, optional=(7, 5, 4), ample=160)  # Tujuan kept at 1024
    page.expedition_table.doubleClicked.connect(
        lambda _: page_actions.mark_received(page) if page.may_receive else None)
    if page.may_receive:
        on_enter(page.expedition_table, lambda: page_actions.mark_received(page))
    holder, page.expedition_stack, page.expedition_empty = stacked(page.expedition_table, "expeditionEmpty")
    page.expedition_summary = QLabel()
    page.expedition_summary.setWordWrap(True)  # wraps instead of widening the page at 1024x768
    page.receive_button = _button(translate("LettersPage", "&Tandai diterima…"),
                                  lambda: page_actions.mark_received(page),
                                  page.may_receive, " / ".join(page.receiving_roles))
    # Alt+C as Cetak lembar disposisi on Surat masuk (the only button of the tab without its Alt key)
    page.print_book_button = _button(translate("LettersPage", "&Cetak buku ekspedisi"),
                                     lambda: page_actions.print_expedition(page))
    page.print_book_button.setToolTip(translate("LettersPage", "Semua entri yang dikirim pada rentang tanggal ini "
                                                               "(pencarian tidak ikut dicetak; Ctrl+P)"))
    return register_tab(filters, holder, page.expedition_summary,
                        (page.receive_button, *_correction_buttons(page, "expedition"), page.print_book_button))
