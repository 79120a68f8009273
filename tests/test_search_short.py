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


def test_a_page_that_shows_the_lists_end_gives_its_count(ws, staff, office, store, monkeypatch):
    # the Kasus list asks a page, then how many there are: a page shorter than asked for ends
    # the list, and the count is its length, not a second read of every case (SQLite), until
    # the store changes
    for _ in range(2):  # (each pooled connection's first look starts a new memory)
        assert len(queries.cases_page(ws, search="an")) == 3
        assert queries.cases_total(ws, search="an", cap=1000) == 3
    counted = []
    original = case_list.count
    monkeypatch.setattr(case_list, "count", lambda *a, **k: counted.append(a) or original(*a, **k))
    assert len(queries.cases_page(ws, search="an")) == 3
    assert queries.cases_total(ws, search="an", cap=1000) == 3
    assert queries.cases_total(ws, search="an", cap=1) == 2  # "more than one"
    assert queries.cases_total(ws, search="an", cap=1000, viewer=staff["Help Desk"]) == 3  # (no secret case)
    assert len(counted) == (0 if store == "sqlite" else 3), counted
    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan", entry="surat")
    assert queries.cases_total(ws, search="an", cap=1000) == 4
