"""The buku tamu's Cara Memperoleh column holds the PPID form's longest wording in two lines and
the delivery in a third: at a tenth of the page it took five lines ("Mendapatkan / salinan
informasi / (softcopy) / Mengambil / langsung"), every row grew to five lines, and an F4 page
held eight visitors (80 visitors: 10 pages, now 8)."""

from __future__ import annotations

import pypdf
import pytest

from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.reports import render_visitor_register


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_obtain_column_keeps_a_request_to_three_lines(ws, staff, clock, tmp_path, paper):
    _, case_number = register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Aisyah Lay", purpose="permohonan_informasi", institution="Pemerintah Kota Kupang",
        info_requested="Data penyandang disabilitas dalam DPT", info_use="Penelitian",
        obtain_method="salinan_elektronik", delivery_method="langsung"))
    day = clock().date()
    path = render_visitor_register(ws, staff["Help Desk"], day, day, tmp_path / "tamu.pdf", paper=paper)
    [page] = pypdf.PdfReader(path).pages
    lines = [line.strip() for line in page.extract_text().splitlines()]
    assert {"Mendapatkan salinan", "informasi (softcopy)", "Mengambil langsung"} <= set(lines), lines
    assert {case_number, "02-03-2026"} <= set(lines), lines  # the narrowed columns still hold theirs whole
