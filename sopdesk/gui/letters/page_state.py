"""The state of the Surat & Ekspedisi page (gui/letters/page.py): what each register lists (its
filters; the sentence in the table's place when it lists nothing), the selected lines and the
buttons they enable, and the status line saying what was done. The tabs' layout
(gui/letters/page_tabs.py) and the actions (gui/letters/page_actions.py) work on this state; the
strings are the page's, translated under its context "LettersPage"."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QTabWidget,
    QWidget,
)

from sopdesk.engine import expedition
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.engine.letters import IncomingRow, OutgoingRow
from sopdesk.engine.registers import disposer_roles, expedition_roles, registrar_roles
from sopdesk.gui.context import GuiContext
from sopdesk.gui.correction_dialog import Row, may_correct, registrar_of
from sopdesk.gui.letters.common import day_of, may
from sopdesk.gui.letters.models import ExpeditionModel, IncomingModel, OutgoingModel
from sopdesk.gui.letters.register_view import (
    keeping_scroll,
    selected,
    selected_key,
    selected_place,
    show_empty,
    show_rows,
)
from sopdesk.gui.worker import Worker
from sopdesk.textfmt import tanggal

translate = QCoreApplication.translate


class LettersPageState(QWidget):
    """What the page shows: the registers, their selected lines, the buttons, the status line."""

    # the widgets page_tabs lays out, per tab: the filters, the table over its model, the sentence
    # in the table's place when it lists nothing (the stack shows one or the other), the summary
    incoming_model: IncomingModel
    incoming_search: QLineEdit
    incoming_timer: QTimer
    incoming_year: QComboBox
    undisposed: QCheckBox
    addressed: QCheckBox
    incoming_table: QTableView
    incoming_stack: QStackedLayout
    incoming_empty: QLabel
    incoming_summary: QLabel
    register_in_button: QPushButton
    dispose_button: QPushButton
    print_disposition_button: QPushButton
    outgoing_model: OutgoingModel
    outgoing_search: QLineEdit
    outgoing_timer: QTimer
    outgoing_year: QComboBox
    outgoing_table: QTableView
    outgoing_stack: QStackedLayout
    outgoing_empty: QLabel
    outgoing_summary: QLabel
    register_out_button: QPushButton
    expedition_model: ExpeditionModel
    date_from: QDateEdit
    date_to: QDateEdit
    pending: QCheckBox
    expedition_search: QLineEdit
    expedition_timer: QTimer
    expedition_table: QTableView
    expedition_stack: QStackedLayout
    expedition_empty: QLabel
    expedition_summary: QLabel
    receive_button: QPushButton
    print_book_button: QPushButton

    ctx: GuiContext
    worker: Worker
    tabs: QTabWidget

    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.worker = ctx, worker
        self.registrars, self.disposers, self.receiving_roles = (
            registrar_roles(ctx.ws), disposer_roles(ctx.ws), expedition_roles(ctx.ws))  # office settings
        self.may_register, self.may_dispose, self.may_receive = (
            may(ctx, roles) for roles in (self.registrars, self.disposers, self.receiving_roles))
        self.printing = False  # a print button pressed: the print buttons wait for the preview
        self.correction_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}  # Koreksi…, Batalkan… per tab
        self.status = QLabel()
        self.status.setObjectName("lettersStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # --- data ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_incoming()
        self.reload_outgoing()
        self.reload_expedition()

    def refresh(self) -> None:  # another desk's change (gui.desk_changes): lines kept selected and in view
        keeping_scroll(self, self.reload)

    def reload_incoming(self) -> None:
        search = self.incoming_search.text().strip() or None
        year = self.incoming_year.currentData()
        undisposed, addressed = self.undisposed.isChecked(), self.addressed.isChecked()
        filters = {"year": year, "search": search, "undisposed": undisposed, "addressed": addressed}
        kept = selected_key(self.incoming_table, self.incoming_model)
        place = selected_place(self.incoming_table) if filters == self.incoming_model.filters else None
        self.incoming_model.set_filters(**filters)
        total = self.incoming_model.total
        self.incoming_summary.setText(filtered(translate("LettersPage", "{0} surat masuk").format(total), [
            *_year_and_search(year, search),
            translate("LettersPage", "belum didisposisi") if undisposed else "",
            translate("LettersPage", "disposisi untuk peran saya") if addressed else ""]))
        if total:
            show_rows(self.incoming_table, self.incoming_model, self.incoming_stack, kept, place)
        else:
            if undisposed:
                text = translate("LettersPage", "Semua surat masuk yang cocok sudah didisposisi.")
            elif addressed:
                text = translate("LettersPage", "Belum ada surat masuk yang didisposisikan kepada unit peran Anda.")
            elif search or year:
                text = translate("LettersPage",
                                 "Tidak ada surat masuk yang cocok dengan pencarian atau tahun yang dipilih.")
            elif self.may_register:
                text = translate("LettersPage", "Belum ada surat masuk. Catat setiap surat yang diterima kantor "
                                 "dengan “Catat surat masuk…”: surat diberi nomor agenda, dan permohonan informasi "
                                 "atau usulan PAW langsung memulai kasusnya.")
            else:  # the Ketua read "Catat ... dengan 'Catat surat masuk…'" above a disabled button
                text = translate("LettersPage", "Belum ada surat masuk. Surat dicatat oleh {0}; surat yang sudah "
                                 "dicatat muncul di sini.").format(" / ".join(self.registrars))
            show_empty(self.incoming_stack, self.incoming_empty, text)
        self.update_buttons()

    def reload_outgoing(self) -> None:
        search = self.outgoing_search.text().strip() or None
        year = self.outgoing_year.currentData()
        kept = selected_key(self.outgoing_table, self.outgoing_model)
        self.outgoing_model.set_filters(year=year, search=search)
        total = self.outgoing_model.total
        self.outgoing_summary.setText(filtered(translate("LettersPage", "{0} surat keluar").format(total),
                                               _year_and_search(year, search)))
        if total:
            show_rows(self.outgoing_table, self.outgoing_model, self.outgoing_stack, kept)  # as Surat masuk
        else:
            if search or year:
                text = translate("LettersPage",
                                 "Tidak ada surat keluar yang cocok dengan pencarian atau tahun yang dipilih.")
            else:
                text = translate("LettersPage", "Belum ada surat keluar. Surat keluar dicatat dengan “Catat surat "
                                 "keluar…” atau otomatis ketika kegiatan SOP menghasilkan surat; setiap surat yang "
                                 "dikirim masuk ke buku ekspedisi.")
            show_empty(self.outgoing_stack, self.outgoing_empty, text)

    def expedition_range(self) -> tuple[date, date]:
        return day_of(self.date_from), day_of(self.date_to)

    def reload_expedition(self) -> None:
        start, end = self.expedition_range()
        search = self.expedition_search.text().strip() or None
        if end < start:
            self.expedition_model.set_filters(start=start, end=start - timedelta(days=1))
            self.expedition_summary.setText("")
            show_empty(self.expedition_stack, self.expedition_empty,
                       translate("LettersPage", "Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal."))
            self.update_buttons()
            return
        filters = {"start": start, "end": end, "pending": self.pending.isChecked(), "search": search}
        kept = selected_key(self.expedition_table, self.expedition_model)
        place = selected_place(self.expedition_table) if filters == self.expedition_model.filters else None
        self.expedition_model.set_filters(**filters)
        total = self.expedition_model.total
        pending = expedition.expedition_total(self.ctx.ws, start=start, end=end, pending=True)
        self.expedition_summary.setText(filtered(translate(
            "LettersPage", "{0} entri ditampilkan · {1} belum diterima pada rentang ini").format(total, pending), [
            translate("LettersPage", "hanya yang belum diterima") if self.pending.isChecked() else "",
            *_year_and_search(None, search)]))
        if total:
            show_rows(self.expedition_table, self.expedition_model, self.expedition_stack, kept, place)
        else:
            period = f"{tanggal(start)} – {tanggal(end)}"
            if search:
                message = translate("LettersPage",
                                    "Tidak ada entri yang cocok dengan pencarian pada {0}.").format(period)
            elif self.pending.isChecked():
                message = translate("LettersPage", "Semua yang dikirim pada {0} sudah diterima.").format(period)
            else:
                message = translate("LettersPage", "Tidak ada pengiriman pada {0}. Setiap surat keluar yang dicatat, "
                                    "dan setiap kegiatan SOP yang menyerahkan dokumen, masuk ke buku "
                                    "ekspedisi.").format(period)
            show_empty(self.expedition_stack, self.expedition_empty, message)
        self.update_buttons()

    def selected_letter(self) -> IncomingRow | None:
        return selected(self.incoming_table, self.incoming_model)

    def selected_entry(self) -> ExpeditionRow | None:
        return selected(self.expedition_table, self.expedition_model)

    def selected_outgoing(self) -> OutgoingRow | None:
        return selected(self.outgoing_table, self.outgoing_model)

    def selected_in(self, which: str) -> Row | None:
        return {"incoming": self.selected_letter, "outgoing": self.selected_outgoing,
                "expedition": self.selected_entry}[which]()

    def update_buttons(self) -> None:
        letter = self.selected_letter()
        entry = self.selected_entry()
        self.dispose_button.setEnabled(self.may_dispose and letter is not None and not letter.void)
        for which, (correct, void) in self.correction_buttons.items():
            row = self.selected_in(which)
            allowed = may_correct(self.ctx, row)
            why = ""
            if row is not None and row.void:
                why = translate("LettersPage", "Baris ini sudah dibatalkan: {0}").format(row.void_reason)
            elif row is not None and not allowed:
                why = translate("LettersPage", "Hanya pencatatnya ({0}) atau administrator").format(registrar_of(row))
            for button in (correct, void):
                button.setEnabled(allowed)
                button.setToolTip(why)
        self.print_disposition_button.setEnabled(letter is not None and not self.printing)
        self.receive_button.setEnabled(self.may_receive and entry is not None and entry.pending)
        self.print_book_button.setEnabled(not self.printing)

    def say(self, text: str) -> None:
        self.status.setText(text)


def filtered(summary: str, filters: list[str]) -> str:
    """A register's count followed by the filters that are on: "12 surat masuk" read as every
    letter of the office while "Hanya yang belum didisposisi" (kept from the last session) or a
    search narrowed it. `filters`: the phrases of the filters, "" for one that is off."""
    on = [phrase for phrase in filters if phrase]
    if not on:
        return summary
    return translate("LettersPage", "{0} (disaring: {1})").format(summary, ", ".join(on))


def _year_and_search(year: int | None, search: str | None) -> list[str]:
    phrases = [translate("LettersPage", "tahun {0}").format(year) if year else ""]
    if search:
        shown = search if len(search) <= SEARCH_SHOWN else search[:SEARCH_SHOWN - 1].rstrip() + "…"
        phrases.append(translate("LettersPage", "pencarian “{0}”").format(shown))
    return phrases


SEARCH_SHOWN = 30  # characters of a search repeated in the summary (the field shows it whole)
