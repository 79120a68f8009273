"""The Surat & Ekspedisi page: three tabs over the agenda of incoming letters (with their lembar disposisi), the
agenda of outgoing letters and the buku ekspedisi with its receipts; printing the lembar disposisi and the buku
ekspedisi runs on the worker thread. Every list is a paged model (gui/letters/models.py): SQL filters and pages, the
view fetches more rows as it scrolls. The engine checks every permission; the buttons of actions outside the user's
roles are disabled with a tooltip saying who may do them. The dialogs live in their own modules; this page opens them
and says in its status line what they did."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import corrections, dispositions, expedition, letter_views, letters
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.engine.letters import IncomingRow, OutgoingRow
from sopdesk.engine.registers import disposer_roles, expedition_roles, registrar_roles
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.correction_dialog import CorrectionDialog, Row, VoidDialog, may_correct, registrar_of
from sopdesk.gui.letters.columns import RegisterModel
from sopdesk.gui.letters.common import date_edit, day_of, letters_tr, may, today, watch_preview
from sopdesk.gui.letters.disposition_dialog import DispositionDialog
from sopdesk.gui.letters.incoming_dialog import IncomingDialog
from sopdesk.gui.letters.models import ExpeditionModel, IncomingModel, OutgoingModel
from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog
from sopdesk.gui.letters.receipt_dialog import ReceiptDialog
from sopdesk.gui.letters.register_view import (
    into_list,
    keeping_scroll,
    register_tab,
    search_box,
    selected,
    selected_key,
    show_empty,
    show_rows,
    stacked,
    table_view,
)
from sopdesk.gui.letters.remembered import keep_filters
from sopdesk.gui.messages import show_error
from sopdesk.gui.printing import print_pdf
from sopdesk.gui.shortcuts import tab_keys
from sopdesk.gui.worker import Worker
from sopdesk.textfmt import tanggal

D = TypeVar("D", CorrectionDialog, VoidDialog)
R = TypeVar("R", IncomingRow, OutgoingRow)


class LettersPage(QWidget):
    """Three tabs: Surat masuk, Surat keluar, Buku ekspedisi."""

    def __init__(self, ctx: GuiContext, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.worker = ctx, worker
        self.registrars, self.disposers, self.receiving_roles = (
            registrar_roles(ctx.ws), disposer_roles(ctx.ws), expedition_roles(ctx.ws))  # office settings
        self.may_register, self.may_dispose, self.may_receive = (
            may(ctx, roles) for roles in (self.registrars, self.disposers, self.receiving_roles))
        self.printing = False
        self.tabs = tab_keys(QTabWidget())  # Ctrl+PgDown / Ctrl+PgUp as Ctrl+Tab
        self.tabs.addTab(self._incoming_tab(), self.tr("Surat masuk"))
        self.tabs.addTab(self._outgoing_tab(), self.tr("Surat keluar"))
        self.tabs.addTab(self._expedition_tab(), self.tr("Buku ekspedisi"))
        searches = (self.incoming_search, self.outgoing_search, self.expedition_search)
        for search, timer, reload, table in (
                (self.incoming_search, self.incoming_timer, self.reload_incoming, self.incoming_table),
                (self.outgoing_search, self.outgoing_timer, self.reload_outgoing, self.outgoing_table),
                (self.expedition_search, self.expedition_timer, self.reload_expedition, self.expedition_table)):
            into_list(search, timer, reload, table)
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.tabs.currentChanged.connect(lambda index: searches[index].setFocus() if self.isVisible() else None)
        self.tabs.currentChanged.connect(lambda _index: self._say(""))  # it spoke of the tab left
        self.status = QLabel()
        self.status.setObjectName("lettersStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        ctx.data_changed.connect(self.reload)
        self._hidden = False  # hidden after being shown: reloaded when shown again
        keep_filters(self)  # as this user left them
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._hidden = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._hidden:  # back from another screen: letters registered at other desks meanwhile
            self._hidden = False
            self.reload()
        self.focus_first_field()  # typing searches at once; Ctrl+Tab (from the search box): the next tab

    def focus_first_field(self) -> None:  # Ctrl+4 too, when the keyboard is already on this page
        (self.incoming_search, self.outgoing_search, self.expedition_search)[self.tabs.currentIndex()].setFocus()

    # --- building ------------------------------------------------------------------------------------
    def _years(self, register: letter_views.Register) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Semua tahun"), None)
        for year in letter_views.register_years(self.ctx.ws, register, today(self.ctx).year):
            combo.addItem(str(year), year)
        return combo

    def _button(self, text: str, slot: Callable[[], object], allowed: bool = True, who: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setProperty("allowed", allowed)
        if not allowed:
            button.setEnabled(False)
            button.setToolTip(self.tr("Hanya untuk peran {0} atau administrator").format(who))
        return button

    def _correction_buttons(self, which: str) -> tuple[QPushButton, QPushButton]:
        """Koreksi… and Batalkan… of the selected line of one register (incoming, outgoing,
        expedition); enabled for the line's registrar and administrators."""
        correct = QPushButton(self.tr("Ko&reksi…"))
        correct.setObjectName(f"{which}Correct")
        correct.clicked.connect(lambda: self.correct(which))
        void = QPushButton(self.tr("Batalk&an…"))
        void.setObjectName(f"{which}Void")
        void.clicked.connect(lambda: self.void(which))
        if not hasattr(self, "correction_buttons"):
            self.correction_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self.correction_buttons[which] = (correct, void)
        return correct, void

    def _agenda_filters(self, register: letter_views.Register, placeholder: str,
                        reload: Callable[[], None]) -> tuple[QLineEdit, QTimer, QComboBox, QHBoxLayout]:
        """The search and the year of an agenda (incoming or outgoing), both reloading it."""
        search, timer = search_box(self, placeholder, reload)
        year = self._years(register)
        year.currentIndexChanged.connect(reload)
        filters = QHBoxLayout()
        filters.addWidget(search, 1)
        filters.addWidget(year)
        return search, timer, year, filters

    def _incoming_tab(self) -> QWidget:
        self.incoming_model = IncomingModel(self.ctx, self)
        self.incoming_search, self.incoming_timer, self.incoming_year, filters = self._agenda_filters(
            "incoming", self.tr("Cari nomor surat, pengirim atau perihal…"), self.reload_incoming)
        # the Perihal stays inside the view at 1024x768 (the leadership reads it)
        # at 1024x768 Nomor surat, then Kasus, give way (in the tooltip then): no sideways scroll
        self.incoming_table = table_view(self.incoming_model, (110, 120, 140, 150, 0, 90, 120, 75), stretch=4,
                                         optional=(2, 6))
        # on screen: Nomor agenda, Diterima, Pengirim, Perihal, Sifat, Disposisi, then Kasus and Nomor
        # surat (the sender's own reference): at 1024x768 Nomor surat pushed Sifat (segera, rahasia) and
        # Disposisi, what the Ketua disposing reads beside the perihal, off the right edge
        header = self.incoming_table.horizontalHeader()
        for logical in (6, 2):  # Kasus, then Nomor surat, to the end
            header.moveSection(header.visualIndex(logical), header.count() - 1)
        # what still waits for the leadership (the Ketua scanned the Disposisi column for dashes)
        self.undisposed = QCheckBox(self.tr("&Hanya yang belum didisposisi"))
        self.undisposed.toggled.connect(self.reload_incoming)
        filters.insertWidget(1, self.undisposed)
        self.incoming_table.doubleClicked.connect(lambda _: self.dispose() if self.may_dispose else None)
        holder, self.incoming_stack, self.incoming_empty = stacked(self.incoming_table, "incomingEmpty")
        self.incoming_summary = QLabel()
        self.register_in_button = self._button(self.tr("Catat surat &masuk…"), self.register_incoming,
                                               self.may_register, " / ".join(self.registrars))
        self.dispose_button = self._button(self.tr("&Disposisi…"), self.dispose, self.may_dispose,
                                           " / ".join(self.disposers))
        self.print_disposition_button = self._button(self.tr("&Cetak lembar disposisi"), self.print_disposition)
        return register_tab(filters, holder, self.incoming_summary,
                            (self.register_in_button, self.dispose_button, *self._correction_buttons("incoming"),
                             self.print_disposition_button))

    def _outgoing_tab(self) -> QWidget:
        self.outgoing_model = OutgoingModel(self.ctx, self)
        self.outgoing_search, self.outgoing_timer, self.outgoing_year, filters = self._agenda_filters(
            "outgoing", self.tr("Cari nomor surat, tujuan atau perihal…"), self.reload_outgoing)
        # narrow, Dicatat oleh, Klasifikasi then Kasus give way (in the tooltip of Tujuan and Perihal)
        self.outgoing_table = table_view(self.outgoing_model, (190, 125, 180, 0, 90, 160, 110), stretch=3,
                                         optional=(6, 4, 5))
        holder, self.outgoing_stack, self.outgoing_empty = stacked(self.outgoing_table, "outgoingEmpty")
        self.outgoing_summary = QLabel()
        self.register_out_button = self._button(self.tr("Catat surat &keluar…"), self.register_outgoing,
                                                self.may_register, " / ".join(self.registrars))
        return register_tab(filters, holder, self.outgoing_summary,
                            (self.register_out_button, *self._correction_buttons("outgoing")))

    def _expedition_tab(self) -> QWidget:
        self.expedition_model = ExpeditionModel(self.ctx, self)
        now = today(self.ctx)
        self.date_from = date_edit(now.replace(day=1))
        self.date_to = date_edit(now)
        self.pending = QCheckBox(self.tr("Hanya yang &belum diterima"))
        self.expedition_search, self.expedition_timer = search_box(
            self, self.tr("Cari nomor surat, perihal, tujuan atau penanda tangan…"), self.reload_expedition)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged, self.pending.toggled):
            signal.connect(self.reload_expedition)
        # the search on its own line, full width: beside the dates its hint was cut at 1024x768 (Xvfb)
        days = QHBoxLayout()
        for widget in (QLabel(self.tr("Dikirim dari")), self.date_from, QLabel(self.tr("sampai")), self.date_to,
                       self.pending):
            days.addWidget(widget)
        days.addStretch(1)
        filters = QVBoxLayout()
        filters.addWidget(self.expedition_search)
        filters.addLayout(days)
        # narrow, Ditandatangani oleh, Nama penerima then Tujuan give way (in the tooltip of the letter)
        self.expedition_table = table_view(self.expedition_model, (45, 120, 150, 0, 140, 130, 105, 150),
                                           stretch=3, optional=(7, 5, 4), ample=160)  # Tujuan kept at 1024
        self.expedition_table.doubleClicked.connect(lambda _: self.mark_received() if self.may_receive else None)
        holder, self.expedition_stack, self.expedition_empty = stacked(self.expedition_table, "expeditionEmpty")
        self.expedition_summary = QLabel()
        self.expedition_summary.setWordWrap(True)  # wraps instead of widening the page at 1024x768
        self.receive_button = self._button(self.tr("&Tandai diterima…"), self.mark_received, self.may_receive,
                                           " / ".join(self.receiving_roles))
        # Alt+C as Cetak lembar disposisi on Surat masuk (the only button of the tab without its Alt key)
        self.print_book_button = self._button(self.tr("&Cetak buku ekspedisi"), self.print_expedition)
        self.print_book_button.setToolTip(self.tr("Semua entri yang dikirim pada rentang tanggal ini (pencarian "
                                                  "tidak ikut dicetak)"))
        return register_tab(filters, holder, self.expedition_summary,
                            (self.receive_button, *self._correction_buttons("expedition"), self.print_book_button))

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
        undisposed = self.undisposed.isChecked()
        kept = selected_key(self.incoming_table, self.incoming_model)
        self.incoming_model.set_filters(year=year, search=search, undisposed=undisposed)
        total = self.incoming_model.total
        self.incoming_summary.setText(self.tr("{0} surat masuk").format(total))
        if total:
            show_rows(self.incoming_table, self.incoming_model, self.incoming_stack, kept)
        else:
            show_empty(self.incoming_stack, self.incoming_empty,
                       self.tr("Semua surat masuk yang cocok sudah didisposisi.") if undisposed else
                       self.tr("Tidak ada surat masuk yang cocok dengan pencarian atau tahun yang dipilih.")
                       if search or year else
                       self.tr("Belum ada surat masuk. Catat setiap surat yang diterima kantor dengan “Catat surat "
                               "masuk…”: surat diberi nomor agenda, dan permohonan informasi atau usulan PAW "
                               "langsung memulai kasusnya.") if self.may_register else
                       # the Ketua read "Catat ... dengan 'Catat surat masuk…'" above a disabled button
                       self.tr("Belum ada surat masuk. Surat dicatat oleh {0}; surat yang sudah dicatat muncul "
                               "di sini.").format(" / ".join(self.registrars)))
        self._update_buttons()

    def reload_outgoing(self) -> None:
        search = self.outgoing_search.text().strip() or None
        year = self.outgoing_year.currentData()
        kept = selected_key(self.outgoing_table, self.outgoing_model)
        self.outgoing_model.set_filters(year=year, search=search)
        total = self.outgoing_model.total
        self.outgoing_summary.setText(self.tr("{0} surat keluar").format(total))
        if total:
            show_rows(self.outgoing_table, self.outgoing_model, self.outgoing_stack, kept)  # as Surat masuk
        else:
            show_empty(self.outgoing_stack, self.outgoing_empty,
                       self.tr("Tidak ada surat keluar yang cocok dengan pencarian atau tahun yang dipilih.")
                       if search or year else
                       self.tr("Belum ada surat keluar. Surat keluar dicatat dengan “Catat surat keluar…” atau "
                               "otomatis ketika kegiatan SOP menghasilkan surat; setiap surat yang dikirim masuk "
                               "ke buku ekspedisi."))

    def expedition_range(self) -> tuple[date, date]:
        return day_of(self.date_from), day_of(self.date_to)

    def reload_expedition(self) -> None:
        start, end = self.expedition_range()
        search = self.expedition_search.text().strip() or None
        if end < start:
            self.expedition_model.set_filters(start=start, end=start - timedelta(days=1))
            self.expedition_summary.setText("")
            show_empty(self.expedition_stack, self.expedition_empty,
                       self.tr("Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal."))
            self._update_buttons()
            return
        kept = selected_key(self.expedition_table, self.expedition_model)
        self.expedition_model.set_filters(start=start, end=end, pending=self.pending.isChecked(), search=search)
        total = self.expedition_model.total
        pending = expedition.expedition_total(self.ctx.ws, start=start, end=end, pending=True)
        self.expedition_summary.setText(self.tr("{0} entri ditampilkan · {1} belum diterima pada rentang ini")
                                        .format(total, pending))
        if total:
            show_rows(self.expedition_table, self.expedition_model, self.expedition_stack, kept)
        else:
            period = f"{tanggal(start)} – {tanggal(end)}"
            if search:
                message = self.tr("Tidak ada entri yang cocok dengan pencarian pada {0}.").format(period)
            elif self.pending.isChecked():
                message = self.tr("Semua yang dikirim pada {0} sudah diterima.").format(period)
            else:
                message = self.tr("Tidak ada pengiriman pada {0}. Setiap surat keluar yang dicatat, dan setiap "
                                  "kegiatan SOP yang menyerahkan dokumen, masuk ke buku ekspedisi.").format(period)
            show_empty(self.expedition_stack, self.expedition_empty, message)
        self._update_buttons()

    def selected_letter(self) -> IncomingRow | None:
        return selected(self.incoming_table, self.incoming_model)

    def selected_entry(self) -> ExpeditionRow | None:
        return selected(self.expedition_table, self.expedition_model)

    def selected_outgoing(self) -> OutgoingRow | None:
        return selected(self.outgoing_table, self.outgoing_model)

    def _selected_in(self, which: str) -> Row | None:
        return {"incoming": self.selected_letter, "outgoing": self.selected_outgoing,
                "expedition": self.selected_entry}[which]()

    def _update_buttons(self) -> None:
        letter = self.selected_letter()
        entry = self.selected_entry()
        self.dispose_button.setEnabled(self.may_dispose and letter is not None and not letter.void)
        for which, (correct, void) in self.correction_buttons.items():
            row = self._selected_in(which)
            allowed = may_correct(self.ctx, row)
            why = ""
            if row is not None and row.void:
                why = self.tr("Baris ini sudah dibatalkan: {0}").format(row.void_reason)
            elif row is not None and not allowed:
                why = self.tr("Hanya pencatatnya ({0}) atau administrator").format(registrar_of(row))
            for button in (correct, void):
                button.setEnabled(allowed)
                button.setToolTip(why)
        self.print_disposition_button.setEnabled(letter is not None and not self.printing)
        self.receive_button.setEnabled(self.may_receive and entry is not None and entry.pending)
        self.print_book_button.setEnabled(not self.printing)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- actions -------------------------------------------------------------------------------------
    def register_incoming(self) -> IncomingDialog:
        dialog = IncomingDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._registered_incoming(dialog.result_value)
        return dialog

    def _registered_incoming(self, result: tuple[str, str | None]) -> None:
        agenda, case = result
        text = self.tr("Surat masuk dicatat dengan nomor agenda {0}").format(agenda)
        waiting = letter_views.waiting_step(self.ctx.ws, case, self.ctx.actor) if case else None
        if waiting is not None:  # where the case went: the registration may have done its first step
            text += self.tr("; kasus {0} menunggu di kegiatan {1} ({2})").format(case, waiting.step, waiting.role)
        elif case:
            text += self.tr("; kasus {0}").format(case)
        self._select(self.incoming_table, self.incoming_model, lambda row: row.agenda == agenda)
        self._say(text)

    def _select(self, table: QTableView, model: RegisterModel[R], match: Callable[[R], bool]) -> None:
        """The letter just registered selected (the reload kept the line selected before it), so
        Cetak lembar disposisi, Disposisi or Koreksi act on it."""
        row = next((n for n in range(model.rowCount()) if match(model.row_at(n))), None)
        if row is not None:
            table.selectRow(row)

    def register_outgoing(self) -> OutgoingDialog:
        dialog = OutgoingDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._registered_outgoing(dialog.result_value)
        return dialog

    def _registered_outgoing(self, done: letters.Registered) -> None:
        text = self.tr("Surat keluar dicatat dengan nomor {0}").format(done.number)
        if done.expedition_id:
            text += self.tr("; buku ekspedisi nomor {0}").format(done.expedition_id)
        self._select(self.outgoing_table, self.outgoing_model, lambda row: row.number == done.number)
        self._say(text)

    def dispose(self) -> DispositionDialog | None:
        letter = self.selected_letter()
        if letter is None:
            return None
        try:
            dialog = DispositionDialog(self.ctx, letter.agenda, self)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._disposed(dialog.result_value, letter.agenda)
        return dialog

    def _disposed(self, done: dispositions.Disposed, agenda: str) -> None:
        text = self.tr("Disposisi nomor {0} dicatat; {1}").format(done.disposition_id, done.message)
        if self.undisposed.isChecked():  # the letter left the list, the next one is selected: say so
            text += self.tr("; {0} tidak lagi di daftar yang belum didisposisi").format(agenda)
        self._say(text)

    def mark_received(self) -> ReceiptDialog | None:
        entry = self.selected_entry()
        if entry is None or not entry.pending:
            return None
        dialog = ReceiptDialog(self.ctx, entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._received(dialog.result_value)
        return dialog

    def _received(self, done: expedition.Received) -> None:
        tz = self.ctx.ws.calendar.tz
        self._say(self.tr("Ekspedisi nomor {0} diterima {1} oleh {2}").format(
            done.expedition_id, tanggal(done.received_at.astimezone(tz).date()), done.signed_by))

    def correct(self, which: str) -> CorrectionDialog | None:
        return self._amend(which, CorrectionDialog)

    def void(self, which: str) -> VoidDialog | None:
        return self._amend(which, VoidDialog)

    def _amend(self, which: str, dialog_class: type[D]) -> D | None:
        row = self._selected_in(which)
        if row is None or not may_correct(self.ctx, row):
            return None
        dialog = dialog_class(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
            self._amended(dialog.result_value, dialog.what())
        return dialog

    def _amended(self, done: corrections.Corrected | corrections.Voided, what: str) -> None:
        """`what`: the line named in the screen's language (the core's label is Indonesian)."""
        label = what[:1].upper() + what[1:]
        if isinstance(done, corrections.Corrected):
            fields = ", ".join(letters_tr(corrections.FIELD_LABELS.get(name, name)) for name in done.changes)
            text = self.tr("{0} dikoreksi ({1})").format(label, fields)
        else:
            text = self.tr("{0} dibatalkan; nomornya tidak dipakai lagi").format(label)
            text += "".join(f"; {notice}" for notice in done.notices)
        self._say(text)

    # --- printing (on the worker thread) ----------------------------------------------------------------
    def print_disposition(self) -> None:
        letter = self.selected_letter()
        if letter is None:
            return
        from sopdesk.reports.disposition import render_disposition_sheet

        agenda = letter.agenda
        self._print(f"lembar-disposisi-{agenda.replace('/', '-')}.pdf",
                    lambda path: render_disposition_sheet(self.ctx.ws, agenda, path, viewer=self.ctx.actor))

    def print_expedition(self) -> None:
        start, end = self.expedition_range()
        if end < start:
            show_error(self, UserError(self.tr("Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal.")))
            return
        from sopdesk.reports.expedition import render_expedition_book

        pending = self.pending.isChecked()
        name = f"buku-ekspedisi-{start.isoformat()}-{end.isoformat()}" + ("-belum-diterima" if pending else "")
        self._print(f"{name}.pdf",
                    lambda path: render_expedition_book(self.ctx.ws, start, end, path, pending_only=pending,
                                                        viewer=self.ctx.actor))

    def _print(self, default_name: str, render: Callable[[Path], Path]) -> None:
        """Render on the worker (printing.print_pdf; the main window's busy bar runs meanwhile),
        then open the print preview; the print buttons wait until it is open."""

        def started() -> None:
            self.printing = True
            self._update_buttons()
            self._say(self.tr("Mencetak PDF…"))

        pressed = self.focusWidget()  # disabled meanwhile, a focused button hands the focus on

        def finished(path: Path | None) -> None:
            self.printing = False
            self._update_buttons()
            self._say(self.tr("Pratinjau cetak dibuka: cetak atau simpan PDF dari sana.") if path
                      else self.tr("Gagal mencetak."))
            if pressed in (self.print_disposition_button, self.print_book_button):
                pressed.setFocus()  # back there when the preview closes

        started()  # print_pdf hands the rendering to the worker at once
        # then the status line says what the preview did, or that it closed
        print_pdf(self, self.worker, default_name, render, finished,
                  on_opened=lambda preview: watch_preview(preview, self._say))
