"""Where SQLite and PostgreSQL differ by default, sopdesk answers the same on both: these tests
run on each store (`both_stores`) and expect one answer."""

from __future__ import annotations

import pytest

from sopdesk.engine import cases, letters
from sopdesk.engine.queries import cases_page, inbox_page

pytestmark = pytest.mark.both_stores


def test_cases_without_a_requester_sort_after_the_named_ones_both_ways(ws, staff):
    # SQLite puts NULL first in ascending order, PostgreSQL last: the Kasus list must not
    # change its order when the office moves to a server
    desk = staff["Help Desk"]
    cases.start_case(ws, desk, "PP", "Permohonan tanpa nama pemohon", entry="surat")
    cases.start_case(ws, desk, "PP", "Permohonan data DPT", entry="surat", requester="Maria Ndun")
    cases.start_case(ws, desk, "PP", "Permohonan salinan SK", entry="surat", requester="Agus Bria")
    up = [row.requester for row in cases_page(ws, sort="requester", descending=False)]
    down = [row.requester for row in cases_page(ws, sort="requester", descending=True)]
    assert up == ["Agus Bria", "Maria Ndun", None]
    assert down == ["Maria Ndun", "Agus Bria", None]


def test_text_sorts_ignore_letter_case(ws, staff):
    # SQLite compares bytes ("Z" before "a"); a server sorts by its locale: sort by the
    # lower-cased text on both, as a reader of the list expects
    desk = staff["Help Desk"]
    for title in ("undangan rapat pleno", "Permohonan data DPT", "Usulan PAW"):
        cases.start_case(ws, desk, "PP", title, entry="surat")
    titles = [row.title for row in cases_page(ws, sort="title", descending=False)]
    assert titles == ["Permohonan data DPT", "undangan rapat pleno", "Usulan PAW"]


@pytest.mark.parametrize("search, found", [
    ("100%", ["Pengadaan 100% kotak suara"]),  # % is no wildcard
    ("PP_01", ["Arsip PP_01"]),  # nor _
    ("C:\\arsip", ["Salinan dari C:\\arsip"]),  # a backslash is a character on both stores
])
def test_the_search_box_matches_its_text_literally_on_every_list(ws, staff, search, found):
    desk = staff["Help Desk"]
    for title in ("Pengadaan 100% kotak suara", "Pengadaan 100 kursi", "Arsip PP_01", "Arsip PP.01",
                  "Salinan dari C:\\arsip", "Salinan dari C:arsip"):
        cases.start_case(ws, desk, "PP", title, entry="surat")
        letters.register_incoming(ws, desk, letters.IncomingForm(sender="KPU Provinsi NTT", subject=title))
    assert [row.title for row in cases_page(ws, search=search)] == found
    assert [row.title for row in inbox_page(ws, ["Help Desk", "Kasubag", "Komisioner"], search=search)] == found
    assert [row.subject for row in letters.incoming_page(ws, search=search)] == found
