"""What every printout shares: paper (A4, F4), the office letterhead on every page, the
footer "Halaman N dari M", Indonesian dates, the embedded fonts, paragraph and table styles,
and writing the PDF safely (a half-written file never replaces a good one)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, TableStyle

from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from sopdesk.textfmt import durasi, tanggal

log = logging.getLogger(__name__)

F4 = (215 * mm, 330 * mm)
PAPERS = {"A4": A4, "F4": F4}
MARGIN_X = 12 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 9 * mm
FOOTER_H = 6 * mm
LOGO_H = 16 * mm
LOGO_MAX_W = 24 * mm
GAP_BELOW_HEAD = 4 * mm
CELL_PADDING = 3  # points left and right in a table cell (table_style)
RUNNING_SIZE = 8  # the running head of a continued page (Printout's running_head)
RUNNING_LEADING = 10
RUNNING_LINES = 2

INK = colors.HexColor("#1a1a1a")
GRID = colors.HexColor("#8c8c8c")
HEADER_BG = colors.HexColor("#e4e4e4")
MUTED = colors.HexColor("#555555")


# The paper of a printout whose caller names none (render_*(..., paper=None)): the window sets
# it from this PC's setting around each rendering (gui.printing.print_pdf), so every printout of
# the window is on the paper chosen in Pengaturan without each screen passing it along; the CLI
# names its --paper. A context variable, not a module global: two renderings at once (a worker
# thread, a test) never see each other's paper.
DEFAULT_PAPER: ContextVar[str] = ContextVar("sopdesk_paper", default="A4")


@contextlib.contextmanager
def using_paper(paper: str) -> Iterator[None]:
    """Printouts rendered inside this block, naming no paper, are on `paper` ("A4" or "F4")."""
    paper_size(paper)  # an unknown name is refused here, not at the first printout
    token = DEFAULT_PAPER.set(paper.strip().upper())
    try:
        yield
    finally:
        DEFAULT_PAPER.reset(token)


def paper_size(paper: str | None, wide: bool = False) -> tuple[float, float]:
    """The page size of "A4" or "F4" (215 x 330 mm), portrait or landscape; None: the paper of
    using_paper (A4 outside one)."""
    if paper is None:
        paper = DEFAULT_PAPER.get()
    size = PAPERS.get(str(paper or "").strip().upper())
    if size is None:
        raise UserError(f"Ukuran kertas {paper!r} tidak dikenal; pilih A4 atau F4")
    return landscape(size) if wide else size


# --- text -------------------------------------------------------------------------------------

def _style(name: str, size: float, font: str = REGULAR, align: Literal[0, 1, 2, 4] = TA_LEFT,
           **kw: Any) -> ParagraphStyle:  # noqa: ANN401 - ParagraphStyle's own keywords
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.22, 2),
                          alignment=align, textColor=INK, **kw)


class Styles:
    """The paragraph styles of all printouts (built after the fonts are registered)."""

    def __init__(self) -> None:
        register_fonts()
        self.title = _style("title", 12, BOLD, TA_CENTER, spaceAfter=1 * mm)
        self.subtitle = _style("subtitle", 9, REGULAR, TA_CENTER, spaceAfter=3 * mm)
        self.heading = _style("heading", 9.5, BOLD, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
        self.body = _style("body", 8.5)
        self.cell = _style("cell", 7.8)
        self.cell_bold = _style("cell_bold", 7.8, BOLD)
        self.cell_center = _style("cell_center", 7.8, REGULAR, TA_CENTER)
        self.cell_right = _style("cell_right", 7.8, REGULAR, TA_RIGHT)
        self.head_cell = _style("head_cell", 7.8, BOLD, TA_CENTER)
        self.small = _style("small", 7)
        self.note = _style("note", 7.5, ITALIC)


def text(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters are escaped, line breaks kept."""
    shown = "-" if value is None or value == "" else str(value)
    return Paragraph(escape(shown).replace("\n", "<br/>"), style)


def markup(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of trusted mini-markup (<b>, <i>, <br/>) built by the report itself;
    every user value inside it must already be escaped with `esc`."""
    return Paragraph(value, style)


def esc(value: object) -> str:
    return escape("-" if value is None or value == "" else str(value))


def address_lines(value: str, style: ParagraphStyle, width: float) -> str:
    """An e-mail address (or a web address) as escaped mini-markup that fits `width` points:
    where it does not, it is broken after an '@' or a '.' (ReportLab breaks a long word at the
    last letter that fits: "sekretariat.kpu.kabupaten.ti" / "mor.tengah@..." read as two
    addresses, or a typo). A part wider than `width` on its own is still left to ReportLab."""
    def fits(line: str) -> bool:
        return stringWidth(line, style.fontName, style.fontSize) <= width

    if fits(value):
        return escape(value)
    parts, part = [], ""
    for char in value:  # "nama.", "kpu@", "ntt.", "go.", "id"
        part += char
        if char in "@.":
            parts.append(part)
            part = ""
    parts.append(part)
    lines = [""]
    for part in filter(None, parts):
        if lines[-1] and not fits(lines[-1] + part):
            lines.append("")
        lines[-1] += part
    return "<br/>".join(escape(line) for line in lines)


def mask_id(value: str | None) -> str:
    """An ID number with all but its last four characters hidden: ************8901."""
    if not value:
        return "-"
    clean = "".join(str(value).split())
    if len(clean) <= 4:
        return "*" * len(clean)
    return "*" * (len(clean) - 4) + clean[-4:]


def table_style(*extra: tuple[Any, ...], header_rows: int = 1, grid: bool = True) -> TableStyle:
    commands: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, GRID)] if grid else []
    commands += [
        ("FONT", (0, 0), (-1, -1), REGULAR, 7.8),   # ReportLab's cell default is Helvetica (not embedded)
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    return TableStyle(commands + list(extra))


# --- dates ------------------------------------------------------------------------------------

def moment(value: datetime | None, tz: tzinfo) -> str:
    """02-03-2026 09:00 in the office's time zone ('-' for None)."""
    if value is None:
        return "-"
    return f"{value.astimezone(tz):%d-%m-%Y %H:%M}"


def late_by(delay: timedelta) -> str:
    """How late a visit was, never '0 menit': under a minute late reads '1 menit', as the
    inbox says it (textfmt.durasi rounds up only its own 'terlambat ...' form)."""
    return durasi(max(delay, timedelta(minutes=1)))


def tanggal_jam(value: datetime, tz: tzinfo) -> str:
    """23 November 2026 pukul 14.05 WITA"""
    local = value.astimezone(tz)
    return f"{tanggal(local.date())} pukul {local:%H.%M} {local.tzname()}"


def day_range(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in the office's time zone, for SQL filters."""
    if end < start:
        raise UserError(f"Tanggal akhir {tanggal(end)} sebelum tanggal awal {tanggal(start)}")
    return (datetime.combine(start, time(0), tz),
            datetime.combine(end + timedelta(days=1), time(0), tz))


def periode(start: date, end: date) -> str:
    """'1 Maret 2026 s.d. 31 Maret 2026' (one date when both are the same day)."""
    return tanggal(start) if start == end else f"{tanggal(start)} s.d. {tanggal(end)}"


# --- the letterhead and the page frame ----------------------------------------------------------

@dataclass(frozen=True)
class Letterhead:
    name: str
    address: str | None
    logo: Path | None
    tz: tzinfo
    printed_at: datetime

    @classmethod
    def of(cls, ws: Workspace, fallback_name: str = "Komisi Pemilihan Umum") -> Letterhead:
        with ws.db.reading() as session:
            office = ws.office(session)
            name = office.name if office else fallback_name
            address = office.address if office else None
            logo = None
            if office and office.logo_path:
                logo = Path(office.logo_path)
                if not logo.is_absolute():
                    logo = ws.data_dir / logo
        return cls(name, address, logo, ws.calendar.tz, ws.clock())


def fit(line: str, font: str, size: float, room: float) -> str:
    """`line` cut with an ellipsis where it would pass `room` points."""
    while stringWidth(line, font, size) > room and len(line) > 10:
        line = line[:-2].rstrip() + "\u2026"
    return line


class _Decor:
    """Draws the letterhead (on each page, as it starts), the running head of the pages after
    the first (when the printout has one) and the footer (at the end, when the number of pages
    is known)."""

    def __init__(self, head: Letterhead, title: str, running_head: str | None = None):
        register_fonts()
        self.head = head
        self.title = title
        self.running_head = running_head
        self.logo = self._read_logo(head.logo)

    @staticmethod
    def _read_logo(path: Path | None) -> ImageReader | None:
        if path is None or not path.is_file():
            return None
        try:
            return ImageReader(str(path))
        except Exception:  # noqa: BLE001 - a broken logo file must not stop the printout
            log.warning("logo %s cannot be read; printing without it", path)
            return None

    def _logo_size(self) -> tuple[float, float]:
        if self.logo is None:
            return 0.0, 0.0
        w, h = self.logo.getSize()
        scale = min(LOGO_H / h, LOGO_MAX_W / w)
        return w * scale, h * scale

    def _lines(self, page_w: float) -> tuple[list[str], list[str], float]:
        logo_w, _ = self._logo_size()
        room = page_w - 2 * MARGIN_X - 2 * (logo_w + 3 * mm if logo_w else 0)
        name = simpleSplit(self.head.name.upper(), BOLD, 12.5, room)
        address = simpleSplit(self.head.address, REGULAR, 8.5, room) if self.head.address else []
        return name, address, room

    def head_height(self, page_w: float) -> float:
        name, address, _ = self._lines(page_w)
        text_h = len(name) * 15 + len(address) * 10.5
        return max(self._logo_size()[1], text_h) + 3 * mm

    def running_lines(self, page_w: float) -> list[str]:
        """The running head in at most RUNNING_LINES lines, the last cut with an ellipsis."""
        if not self.running_head:
            return []
        room = page_w - 2 * MARGIN_X
        lines = simpleSplit(self.running_head, REGULAR, RUNNING_SIZE, room)
        if len(lines) > RUNNING_LINES:
            last = " ".join(lines[RUNNING_LINES - 1:])
            lines = lines[:RUNNING_LINES - 1] + [fit(last + "\u2026", REGULAR, RUNNING_SIZE, room)]
        return lines

    def running_height(self, page_w: float) -> float:
        lines = self.running_lines(page_w)
        return len(lines) * RUNNING_LEADING + 3 * mm if lines else 0.0

    def frame(self, size: tuple[float, float], continued: bool = False) -> Frame:
        w, h = size
        top = h - MARGIN_TOP - self.head_height(w) - GAP_BELOW_HEAD
        if continued:
            top -= self.running_height(w)
        bottom = MARGIN_BOTTOM + FOOTER_H
        return Frame(MARGIN_X, bottom, w - 2 * MARGIN_X, top - bottom, leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0, id="body")

    def letterhead(self, canvas: Canvas, _doc: object) -> None:
        w, h = canvas._pagesize  # type: ignore[attr-defined]  # types-reportlab lacks the page size
        canvas.saveState()
        top = h - MARGIN_TOP
        height = self.head_height(w)
        logo_w, logo_h = self._logo_size()
        if self.logo is not None:
            canvas.drawImage(self.logo, MARGIN_X, top - (height - 3 * mm + logo_h) / 2, logo_w, logo_h,
                             mask="auto", preserveAspectRatio=True)
        name, address, _ = self._lines(w)
        text_h = len(name) * 15 + len(address) * 10.5
        y = top - (height - 3 * mm - text_h) / 2
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 12.5)
        for line in name:
            y -= 12.5
            canvas.drawCentredString(w / 2, y, line)
            y -= 2.5
        canvas.setFont(REGULAR, 8.5)
        for line in address:
            y -= 8.5
            canvas.drawCentredString(w / 2, y, line)
            y -= 2
        rule = top - height
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.6)
        canvas.line(MARGIN_X, rule + 1.6, w - MARGIN_X, rule + 1.6)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, rule - 0.4, w - MARGIN_X, rule - 0.4)
        canvas.restoreState()

    def continued_page(self, canvas: Canvas, doc: object) -> None:
        """A page after the first: the letterhead, then the running head (what the printout is
        about, e.g. which letter), so that a loose sheet still says it, above a thin rule."""
        self.letterhead(canvas, doc)
        w, h = canvas._pagesize  # type: ignore[attr-defined]  # types-reportlab lacks the page size
        lines = self.running_lines(w)
        if not lines:
            return
        canvas.saveState()
        y = h - MARGIN_TOP - self.head_height(w) - GAP_BELOW_HEAD
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, RUNNING_SIZE)
        for line in lines:
            y -= RUNNING_SIZE
            canvas.drawString(MARGIN_X, y, line)
            y -= RUNNING_LEADING - RUNNING_SIZE
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, y - 1 * mm, w - MARGIN_X, y - 1 * mm)
        canvas.restoreState()

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        w, _ = canvas._pagesize  # type: ignore[attr-defined]  # types-reportlab lacks the page size
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        y = MARGIN_BOTTOM + FOOTER_H - 2 * mm
        canvas.line(MARGIN_X, y, w - MARGIN_X, y)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7)
        printed = f"Dicetak {tanggal_jam(self.head.printed_at, self.head.tz)} oleh sopdesk"
        right = f"Halaman {page} dari {total}"
        room = w - 2 * MARGIN_X - canvas.stringWidth(right, REGULAR, 7.5) - 8 * mm
        left = fit(f"{self.title} \u2014 {printed}", REGULAR, 7, room)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM, left)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawRightString(w - MARGIN_X, MARGIN_BOTTOM, right)
        canvas.restoreState()


def _numbered_canvas(decor: _Decor) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps every page until the end, then writes "Halaman N dari M" on each."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's own page reset, not in the stubs

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                decor.footer(self, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


class Printout:
    """One PDF: pages in portrait and/or landscape, each with the letterhead and footer.

    `first` is the orientation of the first page; a story switches with
    NextPageTemplate("portrait" | "landscape"). With a `running_head` (one or two lines of plain
    text), every page after the first prints it under the letterhead: a sheet separated from
    the first still says what it belongs to."""

    def __init__(self, path: Path | str, paper: str | None, head: Letterhead, title: str,
                 first: str = "portrait", running_head: str | None = None):
        register_fonts()
        self.path = Path(path)
        self.sizes = {"portrait": paper_size(paper), "landscape": paper_size(paper, wide=True)}
        self.decor = _Decor(head, title, running_head)
        self.title = title
        self.head = head
        self.first = first

    def frame_size(self, orientation: str) -> tuple[float, float]:
        frame = self.decor.frame(self.sizes[orientation])
        return frame._width, frame._height  # type: ignore[attr-defined]  # the stubs lack them

    def build(self, story: Sequence) -> Path:
        from sopdesk.private_files import make_private
        from sopdesk.reports.target import check_pdf_target, protected_folders

        check_pdf_target(self.path, protected_folders(None))  # callers also name the data directory
        folder = self.path.parent
        if not folder.is_dir():
            raise UserError(f"Folder {folder} tidak ada; pilih folder lain untuk berkas PDF")
        temp = folder / f".{self.path.name}.{os.getpid()}.sementara"
        order = [self.first] + [o for o in ("portrait", "landscape") if o != self.first]
        templates = [PageTemplate(id=o, frames=[self.decor.frame(self.sizes[o])],
                                  onPage=self.decor.letterhead, pagesize=self.sizes[o]) for o in order]
        if self.decor.running_head:  # the pages after the first: the same, with the running head
            for orientation, template in zip(order, list(templates), strict=True):
                later = f"{orientation}-lanjutan"
                template.autoNextPageTemplate = later
                templates.append(PageTemplate(
                    id=later, frames=[self.decor.frame(self.sizes[orientation], continued=True)],
                    onPage=self.decor.continued_page, pagesize=self.sizes[orientation], autoNextPageTemplate=later))
        doc = BaseDocTemplate(str(temp), pagesize=self.sizes[self.first], pageTemplates=templates,
                              leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                              bottomMargin=MARGIN_BOTTOM, title=self.title, author=self.head.name,
                              creator="sopdesk", subject=self.title, initialFontName=REGULAR)
        try:
            doc.build(list(story), canvasmaker=_numbered_canvas(self.decor))
            make_private(temp)  # names, NIK, case details: readable by this user only (0600)
            os.replace(temp, self.path)
        except OSError as exc:
            raise UserError(f"Berkas {self.path} tidak dapat ditulis: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):  # e.g. a name too long: no temporary file to remove
                temp.unlink(missing_ok=True)
        return self.path
