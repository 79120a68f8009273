"""The bundled DejaVu Sans fonts, registered with ReportLab once per process.

The font files ship inside the package (sopdesk/resources/fonts, read through
importlib.resources, so they are found in a wheel, an editable install and a frozen build
alike) and are embedded (subset) in every PDF: every glyph of an Indonesian name renders on
any PC, with or without the fonts installed.
"""

from __future__ import annotations

import io
import threading
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register the three faces and the family (so <b> and <i> in a Paragraph work)."""
    global _done
    with _lock:
        if _done:
            return
        package = resources.files("sopdesk.resources.fonts")
        for name, filename in _FILES.items():
            data = package.joinpath(filename).read_bytes()
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)  # no bold oblique face is bundled
        _done = True
