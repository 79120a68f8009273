"""Where SQLite and PostgreSQL differ by default, sopdesk answers the same on both: these tests
run on each store (`both_stores`) and expect one answer."""

from __future__ import annotations

import pytest

from sopdesk.engine import cases
from sopdesk.engine.queries import cases_page

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
