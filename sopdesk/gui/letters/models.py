"""The three registers of Surat & Ekspedisi as paged table models: the agenda of incoming
letters, the agenda of outgoing letters (both newest first) and the buku ekspedisi (in its own
order, as it is printed). The database filters, sorts and pages (engine.letters,
engine.expedition); each model names its columns with the key each sorts by
(gui/letters/columns.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from sopdesk.engine import dispositions, expedition, letters
from sopdesk.engine.expedition import ExpeditionRow
from sopdesk.engine.letter_agenda import reader_of
from sopdesk.engine.letters import IncomingRow, OutgoingRow
from sopdesk.engine.rahasia import Viewer
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.columns import R, RegisterColumn, RegisterModel
from sopdesk.gui.letters.common import DASH, PENDING, SECRET, SIFAT, URGENT, letters_tr, mark_icon, short_time
from sopdesk.gui.markers import QT_TRANSLATE_NOOP
from sopdesk.textfmt import tanggal, waktu_lokal

T = TypeVar("T")


def _optional(filters: Mapping[str, object], name: str, kind: type[T]) -> T | None:
    value = filters.get(name)
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"filter {name}={value!r} is not a {kind.__name__}")


@dataclass(frozen=True)
class AgendaFilters:
    """What an agenda (incoming or outgoing) is filtered by: the page's year and search, and
    for the incoming one whether only the letters not yet disposed, and whether only those
    disposed to the user's roles."""

    year: int | None
    search: str | None
    undisposed: bool = False
    addressed: bool = False

    @classmethod
    def of(cls, filters: Mapping[str, object]) -> AgendaFilters:
        return cls(_optional(filters, "year", int), _optional(filters, "search", str),
                   bool(_optional(filters, "undisposed", bool)), bool(_optional(filters, "addressed", bool)))


@dataclass(frozen=True)
class ExpeditionFilters:
    """What the buku ekspedisi is filtered by: the sent days, only the pending, the search."""

    start: date | None
    end: date | None
    pending: bool
    search: str | None

    @classmethod
    def of(cls, filters: Mapping[str, object]) -> ExpeditionFilters:
        return cls(_optional(filters, "start", date), _optional(filters, "end", date),
                   bool(_optional(filters, "pending", bool)), _optional(filters, "search", str))


In = RegisterColumn[IncomingRow]  # the column types of the three registers
Out = RegisterColumn[OutgoingRow]
Sent = RegisterColumn[ExpeditionRow]


class AgendaModel(RegisterModel[R]):
    """A letter agenda (incoming or outgoing): who reads it is looked up once per refresh (a
    search); its page, the pages scrolled to and its total take it as it is
    (engine.letter_agenda.reader_of)."""

    _reader: Viewer | None = None  # set by each refresh

    def _prepare(self) -> None:
        self._reader = reader_of(self.ctx.ws, self.ctx.actor)


class IncomingModel(AgendaModel[IncomingRow]):
    """The agenda of incoming letters, newest first; each column sorts by its own key
    (engine.letters.INCOMING_ORDERS)."""

    def __init__(self, ctx: GuiContext, parent: QObject | None = None):
        tz = ctx.ws.calendar.tz

        def both(row: IncomingRow) -> str:  # with the columns hidden in a narrow window (column_fit)
            return "\n".join((row.sender, row.subject, self.tr("Nomor surat: {0}").format(row.number or DASH),
                              self.tr("Kasus: {0}").format(row.case_number or DASH)))

        def sifat_colour(row: IncomingRow) -> QColor | None:
            return {"segera": URGENT, "rahasia": SECRET}.get(row.sifat)

        super().__init__(ctx, (
            In(QT_TRANSLATE_NOOP("IncomingModel", "Nomor agenda"), "agenda", lambda r: r.agenda),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Diterima"), "received", lambda r: short_time(r.received_at, tz)),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Nomor surat"), "number", lambda r: r.number or DASH),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Pengirim"), "sender", lambda r: r.sender, tooltip=both),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Perihal"), "subject", lambda r: r.subject, tooltip=both),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Sifat"), "sifat", lambda r: letters_tr(SIFAT.get(r.sifat, r.sifat)),
               background=sifat_colour, icon=lambda r: mark_icon(sifat_colour(r)),
               void_text=lambda r: letters_tr("BATAL")),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Kasus"), "case", lambda r: r.case_number or DASH),
            In(QT_TRANSLATE_NOOP("IncomingModel", "Disposisi"), "dispositions",
               lambda r: str(r.dispositions) if r.dispositions else DASH, tooltip=self._dispositions),
        ), "agenda", True, parent)

    def _dispositions(self, row: IncomingRow) -> str | None:
        """Each lembar disposisi of the letter: when, by whom, to which units (those of the user's
        roles marked) and what it says. The receiving role saw only a count (Xvfb, the Kasubag
        after the Ketua's dispositions, /tmp/h2/s/61_kasubag_letters.png) and had to print the
        sheet to learn whether a letter was for it. Read when the tooltip is asked for."""
        if not row.dispositions:
            return None
        tz, mine = self.ctx.ws.calendar.tz, set() if self.ctx.is_admin else set(self.ctx.roles)
        parts = []
        for sheet in dispositions.dispositions_of(self.ctx.ws, row.agenda, self.ctx.actor):
            units = "; ".join(unit["nama"] + (self.tr(" (peran Anda)") if unit["peran"] in mine else "")
                              for unit in sheet["units"])
            parts.append("\n".join((self.tr("Disposisi {0} · {1} · {2}").format(
                sheet["id"], short_time(sheet["at"], tz), sheet["from"] or DASH),
                self.tr("Kepada: {0}").format(units), self.tr("Isi: {0}").format(sheet["instruction"]))))
        return "\n\n".join(parts)

    def _fetch(self, offset: int) -> list[IncomingRow]:
        shown = AgendaFilters.of(self.filters)
        return letters.incoming_page(self.ctx.ws, year=shown.year, search=shown.search, undisposed=shown.undisposed,
                                     for_roles=self._for_roles(shown), order=self._sort, limit=self.PAGE,
                                     offset=offset, descending=self._descending, viewer=self._reader)

    def _count(self) -> int:
        shown = AgendaFilters.of(self.filters)
        return letters.incoming_total(self.ctx.ws, year=shown.year, search=shown.search, undisposed=shown.undisposed,
                                      for_roles=self._for_roles(shown), viewer=self._reader)

    def _for_roles(self, shown: AgendaFilters) -> tuple[str, ...]:
        """The user's roles when only the letters disposed to them are listed."""
        return tuple(self.ctx.roles) if shown.addressed else ()

    def user_value(self, row: IncomingRow) -> object:
        return row.agenda


class OutgoingModel(AgendaModel[OutgoingRow]):
    """The agenda of outgoing letters, newest first (in the order they were registered); each
    column sorts by its own key (engine.letters.OUTGOING_ORDERS)."""

    def __init__(self, ctx: GuiContext, parent: QObject | None = None):
        def both(row: OutgoingRow) -> str:  # with the columns hidden in a narrow window (column_fit)
            return "\n".join((row.recipient or DASH, row.subject,
                              self.tr("Klasifikasi: {0}").format(row.classification or DASH),
                              self.tr("Kasus: {0}").format(self._case(row)),
                              self.tr("Dicatat oleh: {0}").format(row.created_by)))

        super().__init__(ctx, (
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Nomor surat"), "number", lambda r: r.number,
                tooltip=self._numbering, void_text=lambda r: f"{r.number} · {letters_tr('BATAL')}"),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Tanggal"), "letter_date", lambda r: tanggal(r.letter_date)),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Tujuan"), "recipient", lambda r: r.recipient or DASH,
                tooltip=both),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Perihal"), "subject", lambda r: r.subject, tooltip=both),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Klasifikasi"), "classification",
                lambda r: r.classification or DASH),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Kasus"), "case", self._case),
            Out(QT_TRANSLATE_NOOP("OutgoingModel", "Dicatat oleh"), "created_by", lambda r: r.created_by),
        ), "id", True, parent)

    def _case(self, row: OutgoingRow) -> str:
        if row.case_number and row.step_no:
            return self.tr("{0} kegiatan {1}").format(row.case_number, row.step_no)
        return row.case_number or DASH

    def _numbering(self, row: OutgoingRow) -> str:
        """The number whole (a long one is cut short in its column) and how it was given."""
        how = self.tr("Nomor otomatis menurut pola") if row.automatic else self.tr("Nomor ditulis tangan")
        return f"{row.number}\n{how}"

    def _fetch(self, offset: int) -> list[OutgoingRow]:
        shown = AgendaFilters.of(self.filters)
        return letters.outgoing_page(self.ctx.ws, year=shown.year, search=shown.search, order=self._sort,
                                     limit=self.PAGE, offset=offset, descending=self._descending,
                                     viewer=self._reader)

    def _count(self) -> int:
        shown = AgendaFilters.of(self.filters)
        return letters.outgoing_total(self.ctx.ws, year=shown.year, search=shown.search, viewer=self._reader)

    def user_value(self, row: OutgoingRow) -> object:
        return row.number


class ExpeditionModel(RegisterModel[ExpeditionRow]):
    """The buku ekspedisi in its own order (sent time), as it is printed: every column keeps
    that order."""

    def __init__(self, ctx: GuiContext, parent: QObject | None = None):
        tz = ctx.ws.calendar.tz

        def letter(row: ExpeditionRow) -> str:  # with the columns hidden in a narrow window (column_fit)
            case = self.tr("kasus {0}").format(row.case_number) if row.case_number else ""
            return "\n".join(part for part in (
                row.subject, case, self.tr("Tujuan: {0}").format(row.destination or DASH),
                self.tr("Nama penerima: {0}").format(row.recipient_name or DASH),
                self.tr("Ditandatangani oleh: {0}").format(row.signed_by or DASH)) if part)

        def received(row: ExpeditionRow) -> str:
            return f"{row.received_at.astimezone(tz):%d-%m-%Y}" if row.received_at else self.tr("belum diterima")

        super().__init__(ctx, (
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "No"), "sent", lambda r: str(r.id), right=True),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Dikirim"), "sent", lambda r: short_time(r.sent_at, tz),
                 tooltip=lambda r: waktu_lokal(r.sent_at, tz)),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Nomor surat"), "sent", lambda r: r.letter_number or DASH,
                 tooltip=letter),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Perihal"), "sent", lambda r: r.subject, tooltip=letter),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Tujuan"), "sent", lambda r: r.destination or DASH),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Nama penerima"), "sent", lambda r: r.recipient_name or DASH),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Diterima"), "sent", received, tooltip=self._receipt,
                 background=lambda r: PENDING if r.pending else None, void_text=lambda r: letters_tr("BATAL")),
            Sent(QT_TRANSLATE_NOOP("ExpeditionModel", "Ditandatangani oleh"), "sent", lambda r: r.signed_by or DASH),
        ), "sent", False, parent)

    def _receipt(self, row: ExpeditionRow) -> str | None:
        return self.tr("Pindaian tanda terima: {0}").format(row.receipt_file) if row.receipt_file else None

    def _fetch(self, offset: int) -> list[ExpeditionRow]:
        shown = ExpeditionFilters.of(self.filters)
        return expedition.expedition_page(self.ctx.ws, start=shown.start, end=shown.end, pending=shown.pending,
                                          search=shown.search, limit=self.PAGE, offset=offset,
                                          descending=self._descending, viewer=self.ctx.actor)

    def _count(self) -> int:
        shown = ExpeditionFilters.of(self.filters)
        return expedition.expedition_total(self.ctx.ws, start=shown.start, end=shown.end, pending=shown.pending,
                                           search=shown.search)

    def user_value(self, row: ExpeditionRow) -> object:
        return row.id
