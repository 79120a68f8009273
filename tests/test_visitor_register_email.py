"""A long e-mail address in the buku tamu's Alamat / Kontak column is broken after an '@' or a
'.', never mid-word: "sekretariat.kpu.kabupaten.ti" / "mor.tengah@..." read as two addresses."""

from __future__ import annotations

import pypdf
import pytest
from reportlab.lib.styles import ParagraphStyle

from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.reports import render_visitor_register
from sopdesk.reports.base import address_lines

EMAIL = "sekretariat.kabupaten.timor.tengah.selatan@kpu-ntt.go.id"


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_long_email_breaks_at_the_at_sign_or_a_dot(ws, staff, clock, tmp_path, paper):
    register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Aisyah Lay", purpose="permohonan_informasi", email=EMAIL, info_requested="Data DPT"))
    day = clock().date()
    path = render_visitor_register(ws, staff["Help Desk"], day, day, tmp_path / "tamu.pdf", paper=paper)
    [page] = pypdf.PdfReader(path).pages
    lines = [line.strip() for line in page.extract_text().splitlines()]
    start = next(i for i, line in enumerate(lines) if EMAIL.startswith(line) and len(line) > 5)
    shown = []
    for line in lines[start:]:
        shown.append(line)
        if "".join(shown) == EMAIL:
            break
    assert "".join(shown) == EMAIL, lines
    assert len(shown) > 1 and all(line[-1] in "@." for line in shown[:-1]), shown


def test_an_address_that_fits_stays_whole_and_a_part_too_wide_is_left_to_reportlab():
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=8)
    assert address_lines("ani@kpu.go.id", style, 200) == "ani@kpu.go.id"
    assert address_lines("a&b@kpu.go.id", style, 200) == "a&amp;b@kpu.go.id"
    assert address_lines("averyveryverylongname@x.id", style, 30).split("<br/>") == ["averyveryverylongname@", "x.id"]
