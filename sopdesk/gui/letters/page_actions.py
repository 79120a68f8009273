"""What the Surat & Ekspedisi page (gui/letters/page.py) does when a button is pressed: it
opens the dialog of the action (registering a letter, a lembar disposisi, a receipt, a
correction or a voiding), selects the line it made and says in the page's status line what was
done; printing renders on the worker thread and opens the print preview. The page's methods of
the same names are these functions, and so are the slots of its buttons (gui/letters/page_tabs.py);
the strings are the page's ("LettersPage" context)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QTableView

from sopdesk.engine import corrections, dispositions, expedition, letter_views, letters
from sopdesk.engine.letters import IncomingRow, OutgoingRow
from sopdesk.errors import UserError
from sopdesk.gui.correction_dialog import CorrectionDialog, VoidDialog, may_correct
from sopdesk.gui.letters.columns import RegisterModel
from sopdesk.gui.letters.common import letters_tr, watch_preview
from sopdesk.gui.letters.disposition_dialog import DispositionDialog
from sopdesk.gui.letters.incoming_dialog import IncomingDialog
from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog
from sopdesk.gui.letters.page_state import LettersPageState
from sopdesk.gui.letters.receipt_dialog import ReceiptDialog
from sopdesk.gui.messages import show_error
from sopdesk.gui.printing import print_pdf
from sopdesk.textfmt import tanggal

D = TypeVar("D", CorrectionDialog, VoidDialog)
R = TypeVar("R", IncomingRow, OutgoingRow)

translate = QCoreApplication.translate


def register_incoming(page: LettersPageState) -> IncomingDialog:
    dialog = IncomingDialog(page.ctx, page)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
        _registered_incoming(page, dialog.result_value)
    return dialog


def _registered_incoming(page: LettersPageState, result: tuple[str, str | None]) -> None:
    agenda, case = result
    text = translate("LettersPage", "Surat masuk dicatat dengan nomor agenda {0}").format(agenda)
    waiting = letter_views.waiting_step(page.ctx.ws, case, page.ctx.actor) if case else None
    if waiting is not None:  # where the case went: the registration may have done its first step
        text += translate("LettersPage", "; kasus {0} menunggu di kegiatan {1} ({2})").format(
            case, waiting.step, waiting.role)
    elif case:
        text += translate("LettersPage", "; kasus {0}").format(case)
    _select(page, page.incoming_table, page.incoming_model, lambda row: row.agenda == agenda)
    page.say(text)


def _select(page: LettersPageState, table: QTableView, model: RegisterModel[R], match: Callable[[R], bool]) -> None:
    """The letter just registered selected (the reload kept the line selected before it), so
    Cetak lembar disposisi, Disposisi or Koreksi act on it."""
    row = next((n for n in range(model.rowCount()) if match(model.row_at(n))), None)
    if row is not None:
        table.selectRow(row)


def register_outgoing(page: LettersPageState) -> OutgoingDialog:
    dialog = OutgoingDialog(page.ctx, page)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
        _registered_outgoing(page, dialog.result_value)
    return dialog


def _registered_outgoing(page: LettersPageState, done: letters.Registered) -> None:
    text = translate("LettersPage", "Surat keluar dicatat dengan nomor {0}").format(done.number)
    if done.expedition_id:
        text += translate("LettersPage", "; buku ekspedisi nomor {0}").format(done.expedition_id)
    _select(page, page.outgoing_table, page.outgoing_model, lambda row: row.number == done.number)
    page.say(text)


def dispose(page: LettersPageState) -> DispositionDialog | None:
    letter = page.selected_letter()
    if letter is None:
        return None
    try:
        dialog = DispositionDialog(page.ctx, letter.agenda, page)
    except Exception as exc:  # noqa: BLE001
        show_error(page, exc)
        return None
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
        _disposed(page, dialog.result_value, letter.agenda)
    return dialog


def _disposed(page: LettersPageState, done: dispositions.Disposed, agenda: str) -> None:
    text = translate("LettersPage", "Disposisi nomor {0} dicatat; {1}").format(done.disposition_id, done.message)
    if page.undisposed.isChecked():  # the letter left the list, the next one is selected: say so
        text += translate("LettersPage", "; {0} tidak lagi di daftar yang belum didisposisi").format(agenda)
    page.say(text)


def mark_received(page: LettersPageState) -> ReceiptDialog | None:
    entry = page.selected_entry()
    if entry is None or not entry.pending:
        return None
    dialog = ReceiptDialog(page.ctx, entry, page)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
        _received(page, dialog.result_value)
    return dialog


def _received(page: LettersPageState, done: expedition.Received) -> None:
    tz = page.ctx.ws.calendar.tz
    page.say(translate("LettersPage", "Ekspedisi nomor {0} diterima {1} oleh {2}").format(
        done.expedition_id, tanggal(done.received_at.astimezone(tz).date()), done.signed_by))


def correct(page: LettersPageState, which: str) -> CorrectionDialog | None:
    return _amend(page, which, CorrectionDialog)


def void(page: LettersPageState, which: str) -> VoidDialog | None:
    return _amend(page, which, VoidDialog)


def _amend(page: LettersPageState, which: str, dialog_class: type[D]) -> D | None:
    row = page.selected_in(which)
    if row is None or not may_correct(page.ctx, row):
        return None
    dialog = dialog_class(page.ctx, row, page)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value:
        _amended(page, dialog.result_value, dialog.what())
    return dialog


def _amended(page: LettersPageState, done: corrections.Corrected | corrections.Voided, what: str) -> None:
    """`what`: the line named in the screen's language (the core's label is Indonesian)."""
    label = what[:1].upper() + what[1:]
    if isinstance(done, corrections.Corrected):
        fields = ", ".join(letters_tr(corrections.FIELD_LABELS.get(name, name)) for name in done.changes)
        text = translate("LettersPage", "{0} dikoreksi ({1})").format(label, fields)
    else:
        text = translate("LettersPage", "{0} dibatalkan; nomornya tidak dipakai lagi").format(label)
        text += "".join(f"; {notice}" for notice in done.notices)
    page.say(text)

# --- printing (on the worker thread) --------------------------------------------------------------------

def print_disposition(page: LettersPageState) -> None:
    letter = page.selected_letter()
    if letter is None:
        return
    from sopdesk.reports.disposition import render_disposition_sheet

    agenda = letter.agenda
    _print(page, f"lembar-disposisi-{agenda.replace('/', '-')}.pdf",
           lambda path: render_disposition_sheet(page.ctx.ws, agenda, path, viewer=page.ctx.actor))


def print_expedition(page: LettersPageState) -> None:
    start, end = page.expedition_range()
    if end < start:
        show_error(page, UserError(translate("LettersPage",
                                             "Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal.")))
        return
    from sopdesk.reports.expedition import render_expedition_book

    pending = page.pending.isChecked()
    name = f"buku-ekspedisi-{start.isoformat()}-{end.isoformat()}" + ("-belum-diterima" if pending else "")
    _print(page, f"{name}.pdf",
           lambda path: render_expedition_book(page.ctx.ws, start, end, path, pending_only=pending,
                                               viewer=page.ctx.actor))


def _print(page: LettersPageState, default_name: str, render: Callable[[Path], Path]) -> None:
    """Render on the worker (printing.print_pdf; the main window's busy bar runs meanwhile),
    then open the print preview; the print buttons wait until it is open."""

    def started() -> None:
        page.printing = True
        page.update_buttons()
        page.say(translate("LettersPage", "Mencetak PDF…"))

    pressed = page.focusWidget()  # disabled meanwhile, a focused button hands the focus on

    def finished(path: Path | None) -> None:
        page.printing = False
        page.update_buttons()
        page.say(translate("LettersPage", "Pratinjau cetak dibuka: cetak atau simpan PDF dari sana.") if path
                  else translate("LettersPage", "Gagal mencetak."))
        if pressed in (page.print_disposition_button, page.print_book_button):
            pressed.setFocus()  # back there when the preview closes

    started()  # print_pdf hands the rendering to the worker at once
    # then the status line says what the preview did, or that it closed
    print_pdf(page, page.worker, default_name, render, finished,
              on_opened=lambda preview: watch_preview(preview, page.say))
