"""A case search too short for the trigram index (one or two characters) reads every case: on
SQLite with LIKE itself, which there ignores the letter case of ASCII exactly as lower() does,
rather than `lower(column) LIKE lower(pattern)` (SQLAlchemy's ILIKE), which copies every text it
reads (a rare pair of letters: some 80 ms of 100,000 cases instead of 25). The same cases are
found, letter case ignored and the text taken literally; PostgreSQL keeps ILIKE (its trigram
indexes serve it)."""

from __future__ import annotations

import pytest

from sopdesk.engine import case_list, cases, queries

pytestmark = pytest.mark.both_stores


@pytest.fixture
def office(ws, staff, clock):
    """Three cases, newest last: their numbers."""
    started = []
    for title, requester in (("Salinan SK penetapan", None), ("Pengadaan 100% kotak suara", "agus bria"),
                             ("Undangan rapat pleno", "Maria Ndun")):
        started.append(cases.start_case(ws, staff["Help Desk"], "PP", title, entry="surat", requester=requester))
        clock.advance(minutes=1)
    return started


def test_a_short_search_ignores_letter_case_and_takes_its_text_literally(ws, office, store):
    sk, kotak, pleno = office
    assert [row.number for row in queries.cases_page(ws, search="sK")] == [sk]
    assert [row.number for row in queries.cases_page(ws, search="nD")] == [pleno]  # in the requester
    assert [row.number for row in queries.cases_page(ws, search="0%")] == [kotak]  # % is a character
    assert queries.cases_page(ws, search="_x") == []  # so is _
    assert queries.cases_total(ws, search="a", cap=1) == 2  # "more than one": counting stopped
    mode = case_list.search_mode(ws.db.dialect, "sK")
    found = str(case_list.page_ids(mode, False, False, "number", True).compile(ws.db.engine)).lower()
    if store == "sqlite":
        assert mode == "scan" and " like " in found and "lower(" not in found, found
    else:
        assert mode == "like" and "ilike" in found, found
