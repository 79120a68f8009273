"""Buku ekspedisi for a date range: every document dispatched (sent on an office-local day of
the range), to whom, a box for the recipient's signature and the day it was received.

The book may hold thousands of lines (a busy office dispatches a few dozen letters a day), so
it is built for speed: the rows come from one SQL query in the book's order (sent time, then
entry number), every cell is plain text wrapped here with the font's metrics (no Paragraph
parsing per cell), every row's height is known before layout, the table style has only
whole-table commands, and one LongTable splits across the pages with its header row repeated
on each. 10,000 lines print in a few seconds.

"No" is the entry's number in the book (the number `sopdesk expedition received` and the
screen use), so a page of a partial printout still names the entry it belongs to. "Nama
penerima" is whom the letter was meant for, "Ditandatangani oleh" who actually signed the
receipt: two columns, as the two names often differ. A void entry (sopdesk.engine.corrections)
keeps its line and number: its text is struck through and its signature box says BATAL with
the reason.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from sopdesk.engine.expedition import expedition_page
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.reports.base import (
    GRID,
    HEADER_BG,
    INK,
    Letterhead,
    Printout,
    Styles,
    day_range,
    markup,
    periode,
    text,
)
from sopdesk.reports.fonts import BOLD, REGULAR
from sopdesk.textfmt import tanggal

TITLE = "BUKU EKSPEDISI"
HEADER = ("No", "Tanggal kirim", "Nomor surat", "Perihal", "Tujuan", "Nama penerima", "Ditandatangani oleh",
          "Tanda tangan", "Tanggal terima")
# the header as printed (broken by hand where a column is narrow)
HEADER_LINES = ("No", "Tanggal\nkirim", "Nomor surat", "Perihal", "Tujuan", "Nama\npenerima", "Ditandatangani\noleh",
                "Tanda tangan", "Tanggal\nterima")
# share of the frame's width of each column (landscape: 273 mm on A4, 306 mm on F4)
# (No 11, Tanggal kirim 29, Nomor surat 35, Perihal 48, Tujuan 34, Nama penerima 27, Ditandatangani
# oleh 27, Tanda tangan 33, Tanggal terima 29 mm on A4; a date like "30 September 2026" fits on one line)
FRACTIONS = tuple(mm_ / 273 for mm_ in (11, 29, 35, 48, 34, 27, 27, 33, 29))
SIGN_COLUMN = HEADER.index("Tanda tangan")
FONT_SIZE = 7.5
LEADING = 9.0
HEAD_SIZE = 7.8
HEAD_LEADING = 9.5
PAD_X = 3.0
PAD_TOP = 2.5
PAD_BOTTOM = 3.0
ROW_HEIGHT = 12 * mm  # the smallest row: room for a signature in its box
HEADER_HEIGHT = 2 * HEAD_LEADING + PAD_TOP + PAD_BOTTOM + 2
MAX_LINES = 36  # a cell never grows beyond this (a row must fit on one page)


def _break_long(line: str, width: float) -> list[str]:
    """A line wider than the column (a long letter number without spaces) broken by
    characters, after a '/' or '-' where possible."""
    pieces: list[str] = []
    rest = line
    while rest and stringWidth(rest, REGULAR, FONT_SIZE) > width:
        cut = 1
        while cut < len(rest) and stringWidth(rest[:cut + 1], REGULAR, FONT_SIZE) <= width:
            cut += 1
        soft = max(rest.rfind("/", 0, cut), rest.rfind("-", 0, cut))
        if soft >= cut // 2:
            cut = soft + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


@lru_cache(maxsize=50_000)
def _width(value: str, font: str = REGULAR, size: float = FONT_SIZE) -> float:
    """The printed width of a word (words repeat: each is measured once)."""
    return stringWidth(value, font, size)


def _split(paragraph: str, width: float) -> list[str]:
    """Greedy line breaking at spaces, like reportlab's simpleSplit, from cached word widths."""
    space = _width(" ")
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in paragraph.split():
        w = _width(word)
        if current and used + space + w > width:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (space if current else 0.0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def wrap(value: str | None, width: float, cache: dict | None = None) -> list[str]:
    """The lines of a cell's text in a column of `width` points (at most MAX_LINES). Cells
    repeat (dates, destinations, names): `cache` keeps the lines of texts already wrapped."""
    if not value:
        return []
    key = (value, width)
    if cache is not None and key in cache:
        return cache[key]
    lines = []
    for paragraph in str(value).splitlines():
        for line in _split(paragraph, width):
            lines += _break_long(line, width) if " " not in line and _width(line) > width else [line]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        last = lines[-1]
        while last and stringWidth(last + "\u2026", REGULAR, FONT_SIZE) > width:
            last = last[:-1]
        lines[-1] = last + "\u2026"
    if cache is not None:
        cache[key] = lines
    return lines


def _style_commands() -> list[tuple]:
    """Whole-table commands only: a split table copies its commands, so per-row commands
    would cost time on every page of a long book."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("FONT", (0, 0), (-1, -1), REGULAR, FONT_SIZE, LEADING),
        ("FONT", (0, 0), (-1, 0), BOLD, HEAD_SIZE, HEAD_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ]


class BookPage(Flowable):
    """One page's part of the book: the header row and the rows that fit, drawn directly
    (one grid, one text object) rather than cell by cell."""

    def __init__(self, header: list[list[str]], rows: list[list[list[str]]], header_height: float,
                 heights: list[float], widths: list[float], voids: list[bool]):
        super().__init__()
        self.header, self.rows, self.header_height = header, rows, header_height
        self.heights, self.widths, self.voids = heights, widths, voids
        self.width = sum(widths)
        self.height = header_height + sum(heights)
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        xs = [0.0, *accumulate(self.widths)]
        ys = [self.height, self.height - self.header_height]
        for h in self.heights:
            ys.append(ys[-1] - h)
        canvas.saveState()
        canvas.setFillColor(HEADER_BG)
        canvas.rect(0, ys[1], self.width, self.header_height, stroke=0, fill=1)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.grid(xs, ys)
        writing = canvas.beginText()
        writing.setFillColor(INK)
        writing.setFont(BOLD, HEAD_SIZE, HEAD_LEADING)
        for column, lines in enumerate(self.header):  # centred both ways
            middle = (xs[column] + xs[column + 1]) / 2
            y = (ys[0] + ys[1]) / 2 + (len(lines) * HEAD_LEADING) / 2 - HEAD_SIZE
            for line in lines:
                writing.setTextOrigin(middle - _width(line, BOLD, HEAD_SIZE) / 2, y)
                writing.textLine(line)
                y -= HEAD_LEADING
        writing.setFont(REGULAR, FONT_SIZE, LEADING)
        for row, cells in enumerate(self.rows):
            top = ys[row + 1] - PAD_TOP - FONT_SIZE
            number = cells[0][0]  # the entry number, right-aligned (digits all have one width)
            writing.setTextOrigin(xs[1] - PAD_X - len(number) * _width("0", REGULAR, FONT_SIZE), top)
            writing.textLine(number)
            for column in range(1, len(cells)):
                lines = cells[column]
                if lines:
                    writing.setTextOrigin(xs[column] + PAD_X, top)
                    for line in lines:  # textLine moves down by the leading without measuring
                        writing.textLine(line)
        canvas.drawText(writing)
        for row, cells in enumerate(self.rows):  # a void line: its text struck through
            if not self.voids[row]:
                continue
            top = ys[row + 1] - PAD_TOP - FONT_SIZE + FONT_SIZE * 0.3
            for column in range(1, SIGN_COLUMN):
                for n, line in enumerate(cells[column]):
                    x = xs[column] + PAD_X
                    canvas.line(x, top - n * LEADING, x + _width(line), top - n * LEADING)
        canvas.restoreState()


class BookTable(Flowable):
    """The book's table: a header row and rows of known heights that splits across pages,
    the header repeated on each page. Splitting is by index into the rows (a bisection over
    their running heights), so a book of n rows is laid out in O(n) instead of re-measuring
    the whole remainder on every page as a platypus Table would."""

    def __init__(self, header: list[list[str]], rows: list[list[list[str]]], header_height: float,
                 heights: list[float], widths: list[float], voids: list[bool], start: int = 0,
                 tops: list[float] | None = None):
        super().__init__()
        self.header, self.rows, self.header_height = header, rows, header_height
        self.heights, self.widths, self.voids = heights, widths, voids
        self.start = start
        # tops[i]: the height of rows[:i] (shared by every remainder of one book)
        self.tops = tops if tops is not None else [0.0, *accumulate(heights)]
        self.width = sum(widths)
        self.height = 0.0
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = self.header_height + self.tops[-1] - self.tops[self.start]
        return self.width, self.height

    def part(self, start: int, end: int) -> BookPage:
        return BookPage(self.header, self.rows[start:end], self.header_height, self.heights[start:end], self.widths,
                        self.voids[start:end])

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        limit = self.tops[self.start] + available_height - self.header_height + 1e-6
        end = bisect_right(self.tops, limit, lo=self.start) - 1
        if end <= self.start:
            return []  # not one row fits: the frame moves the rest to the next page
        if end >= len(self.rows):
            return [self.part(self.start, len(self.rows))]
        return [self.part(self.start, end),
                BookTable(self.header, self.rows, self.header_height, self.heights, self.widths, self.voids, end,
                          self.tops)]

    def draw(self) -> None:  # the whole rest fits on this page
        page = self.part(self.start, len(self.rows))
        page.canv = self.canv
        page.draw()


def render_expedition_book(ws: Workspace, start: date, end: date, path: Path | str, paper: str | None = None,
                           pending_only: bool = False, viewer: Actor | None = None) -> Path:
    """The buku ekspedisi of the entries sent from `start` to `end` (office-local days,
    inclusive), in the book's order; only those not yet received when `pending_only`.
    Landscape A4 or F4. Returns the PDF's path."""
    tz = ws.calendar.tz
    day_range(start, end, tz)  # refuses an end before the start
    rows = expedition_page(ws, start=start, end=end, pending=pending_only, limit=None, viewer=viewer)

    styles = Styles()
    head = Letterhead.of(ws)
    label = f"Buku Ekspedisi {periode(start, end)}" + (" (belum diterima)" if pending_only else "")
    printout = Printout(path, paper, head, label, first="landscape")
    width, _ = printout.frame_size("landscape")
    widths = [f * width for f in FRACTIONS]
    room = [w - 2 * PAD_X for w in widths]

    data: list[list[list[str]]] = []
    heights: list[float] = []
    voids: list[bool] = []
    cache: dict = {}
    received = void = 0
    for row in rows:
        sent = row.sent_at.astimezone(tz).date()
        number = row.letter_number or "-"
        if row.case_number:
            number += f"\n(kasus {row.case_number})"
        got = tanggal(row.received_at.astimezone(tz).date()) if row.received_at is not None else ""
        sign: list[str] = []
        if row.void:
            void += 1
            sign = wrap(f"BATAL: {row.void_reason}", room[SIGN_COLUMN])
        elif row.received_at is not None:
            received += 1
        cells = [[str(row.id)], wrap(tanggal(sent), room[1], cache), wrap(number, room[2], cache),
                 wrap(row.subject, room[3], cache), wrap(row.destination or "-", room[4], cache),
                 wrap(row.recipient_name, room[5], cache), wrap(row.signed_by, room[6], cache), sign,
                 wrap(got, room[8], cache)]
        lines = max(len(c) for c in cells)
        heights.append(max(ROW_HEIGHT, lines * LEADING + PAD_TOP + PAD_BOTTOM + 1))
        data.append(cells)
        voids.append(row.void)
    if rows:
        header = [h.split("\n") for h in HEADER_LINES]
        table: Flowable = BookTable(header, data, HEADER_HEIGHT, heights, widths, voids)
    else:
        commands = _style_commands()
        what = "belum diterima " if pending_only else ""
        empty = [f"Tidak ada surat atau dokumen {what}yang dikirim pada periode ini."] + [""] * (len(HEADER) - 1)
        table = Table([list(HEADER_LINES), empty], colWidths=widths, rowHeights=[HEADER_HEIGHT, ROW_HEIGHT],
                      hAlign="LEFT")
        table.setStyle(commands + [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER"),
                                   ("VALIGN", (0, 1), (-1, 1), "MIDDLE")])

    pending = len(rows) - received - void
    if pending_only:
        summary = f"<b>{len(rows)} entri</b> yang belum diterima"
    else:
        summary = f"<b>{len(rows)} entri</b>: {received} sudah diterima, {pending} belum diterima"
        if void:
            summary += f", {void} dibatalkan"
    subtitle = f"Surat dan dokumen yang dikirim {periode(start, end)}"
    if pending_only:
        subtitle += " \u2014 hanya yang belum diterima"
    story = [
        text(TITLE, styles.title),
        text(subtitle, styles.subtitle),
        markup(summary + ". Penerima menuliskan namanya, menandatangani kotak tanda tangan "
               "dan menuliskan tanggal terima.", styles.body),
        Spacer(1, 2 * mm),
        table,
    ]
    return printout.build(story)

