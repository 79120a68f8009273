"""The printed flowchart's model: its measures (the table text size, the headers, the legend,
the off-page connector bands), the typesetter that wraps and measures cell text with the PDF
fonts, and the planned chart (pages, their arrows and lettered connectors). The planning
(sopdesk.reports.flowchart), the connector routing (flowchart_connectors) and the drawing
(flowchart_draw) share these."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import Arrow, Box, Content, Layout
from sopdesk.reports.fonts import BOLD, REGULAR, register_fonts

Point = tuple[float, float]

FONT_PT = 6.8                # the printed size of the table text
HEADERS = {"no": "No", "kegiatan": "Kegiatan", "pelaksana": "Pelaksana", "mutu_baku": "Mutu Baku",
           "kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output", "keterangan": "Keterangan"}
LEGEND = ("Simbol: oval = mulai/selesai; persegi panjang = kegiatan; belah ketupat = keputusan (keluar "
          "\u201cYa\u201d / \u201cTidak\u201d); panah = arus kegiatan; segi lima berhuruf = penghubung "
          "antarhalaman (lanjut pada segi lima berhuruf sama di halaman lain).")
LEGEND_INFERRED = (" Simbol bergaris putus-putus: pelaksana disimpulkan dari bunyi kegiatan karena tanda "
                   "bagan alir pada sumber hilang.")

# off-page connector bands (scene units, like the layout)
JOGS = (6.0, 11.0, 16.0)     # levels for the horizontal run inside a band, from its inner edge


def connector_size(font_size: float) -> float:
    """Width = height of an off-page connector: room for its letter at any scale."""
    return max(22.0, font_size * 1.9)


def band_height(font_size: float) -> float:
    return connector_size(font_size) + JOGS[-1] + 12
HIT = 10000.0


# --- text measured and drawn the same way ---------------------------------------------------------

class Typesetter:
    """Wraps and measures cell text in scene units at `size` (the layout's units)."""

    def __init__(self, size: float):
        register_fonts()
        self.size = size
        self.leading = size * 1.2
        self.bullet = "\u2022"
        self.indent = stringWidth(self.bullet + " ", REGULAR, size)

    def font(self, kind: str) -> str:
        return BOLD if kind == "header" else REGULAR

    def wrap(self, text: str, width: float, font: str = REGULAR, size: float | None = None) -> list[str]:
        size = size or self.size
        width = max(width, size)
        lines: list[str] = []
        for paragraph in str(text).split("\n"):
            line = ""
            for word in paragraph.split():
                while stringWidth(word, font, size) > width:  # longer than the column: break it
                    if line:
                        lines.append(line)
                        line = ""
                    head, word = self._break(word, width, font, size)
                    lines.append(head)
                candidate = f"{line} {word}" if line else word
                if stringWidth(candidate, font, size) <= width:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        return lines

    @staticmethod
    def _break(word: str, width: float, font: str, size: float) -> tuple[str, str]:
        """The longest head of `word` that fits: after a '/' or '-' if there is one, else
        hyphenated."""
        for cut in range(len(word) - 1, 1, -1):
            if word[cut - 1] in "/-" and stringWidth(word[:cut], font, size) <= width:
                return word[:cut], word[cut:]
        cut = len(word) - 1
        while cut > 1 and stringWidth(word[:cut] + "-", font, size) > width:
            cut -= 1
        return word[:cut] + "-", word[cut:]

    def layout_lines(self, kind: str, content: Content, width: float) -> list[tuple[int, float, str, bool]]:
        """(row, x offset, text, bold) of every piece of a cell's content; a list item's bullet
        shares the row of the item's first line."""
        if isinstance(content, tuple):
            out = []
            row = 0
            for item in content:
                out.append((row, 0.0, self.bullet, False))
                for line in self.wrap(item, width - self.indent):
                    out.append((row, self.indent, line, False))
                    row += 1
            return out
        font = self.font(kind)
        return [(i, 0.0, line, kind == "header") for i, line in enumerate(self.wrap(content, width, font))]

    def measure(self, kind: str, content: Content, width: float) -> float:
        lines = self.layout_lines(kind, content, width)
        return (max(row for row, *_ in lines) + 1) * self.leading if lines else 0.0

    def label_size(self, text: str) -> tuple[float, float]:
        return stringWidth(text, REGULAR, self.size) + 4, self.size * 1.2 + 2


# --- pages ----------------------------------------------------------------------------------------

@dataclass
class Connector:
    letter: str
    box: Box                  # global layout coordinates (inside a band)
    points: tuple[Point, ...]  # its arrow on this page
    incoming: bool
    label: str | None = None
    label_box: Box | None = None


@dataclass
class FlowPage:
    steps: list[int]
    top: float                # global y of the first row
    bottom: float             # global y under the last row
    band_top: bool
    band_bottom: bool
    arrows: list[Arrow] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    legend: bool = False


@dataclass
class Flowchart:
    sop: Sop
    layout: Layout
    scale: float
    type: Typesetter
    header_h: float
    legend_text: str
    legend_h: float
    pages: list[FlowPage]
    band: float               # height of a connector band
    conn: float               # width = height of a connector

    @property
    def letters(self) -> list[str]:
        return [c.letter for page in self.pages for c in page.connectors]
