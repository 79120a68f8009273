"""A pair of characters that few cases hold, searched in the case list (issue #15): on SQLite its
candidates are the cases FTS5 finds holding a trigram that contains the pair, and those with a
text that is the pair (engine.case_short, mode "short"), each tested with the scan's LIKE. The
rows, their order and the count must be the scan's, every sort and direction, filtered, for a
reader who may not see a confidential perihal; a common pair, or a text too long for the
trigram table, keeps the scan. PostgreSQL keeps ILIKE."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers.query_plan import plan as query_plan
from sqlalchemy import insert, select, update

from sopdesk.engine import case_list, case_reading, case_short, cases, queries
from sopdesk.store.models import Case

pytestmark = pytest.mark.both_stores

TITLES = ["Xq di awal", "di tengah aXqb kata", "di akhir kata bxq", "Xq", "Permohonan data", "ÉA kota",
          "éa kecil", "kutip \"x di sini", "persen 5% di sini", "zu"]
REQUESTERS = [None, "Agus Bria", "xQ", "Maria Ndun", "Zu Lan", None, "Yohanes Éa", "x", "Zu", "ab"]
PAIRS = ["xq", "XQ", "zu", "éa", "ÉA", "Éa", "\"x", "5%", "ab", "an", "qq", "%_", "x", "Q", "b", "u", "é", "%", "\"",
         "w"]


@pytest.fixture
def office(ws, staff, clock):
    """60 cases written as rows from TITLES and REQUESTERS; one numbered "XQ"; every seventh
    confidential."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Agenda pembuka", entry="surat")
    start = clock()
    with ws.db.transaction() as session:
        template = session.execute(select(Case.sop_revision_id, Case.entry, Case.started_by)
                                   .where(Case.number == first)).one()
        session.execute(insert(Case), [
            {"number": "XQ" if n == 33 else f"S/2026/{n:04d}", "sop_kode": ("PP", "PAW", "TKS")[n % 3],
             "sop_revision_id": template[0], "entry": template[1], "title": TITLES[n % len(TITLES)],
             "requester": REQUESTERS[(n // 3) % len(REQUESTERS)], "status": ("open", "closed")[n % 2],
             "started_at": start - timedelta(minutes=n * 7 % 60), "started_by": template[2],
             "rahasia": n % 7 == 0}
            for n in range(60)])
    return first


def _pages(ws, monkeypatch, short: bool, modes: list[str | None], **query) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """Pages of 7 rows at several places (the last past the end) and the count, the short way
    allowed or not; `modes` receives the modes chosen."""
    original = case_short.narrowed

    def narrowed(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        mode = original(*args, **kw) if short else args[1]
        modes.append(mode)
        return mode

    monkeypatch.setattr(case_short, "narrowed", narrowed)
    monkeypatch.setattr(case_short, "SAMPLE_HELD", 1000)  # one character, in many of these 61 cases
    case_reading.cases_statement.cache_clear()
    try:
        pages = [queries.cases_page(ws, limit=7, offset=offset, **query) for offset in (0, 7, 21, 100)]
        counted = {key: value for key, value in query.items() if key not in ("sort", "descending")}
        return [*pages, queries.cases_total(ws, cap=20, **counted), queries.cases_total(ws, cap=3, **counted)]
    finally:
        case_reading.cases_statement.cache_clear()
        monkeypatch.undo()


def test_a_rare_pair_gives_the_scans_rows_in_every_order(ws, staff, office, store, monkeypatch):
    filters = ((None, None, None), (staff["Help Desk"], None, None), (None, "PAW", None),
               (staff["Kasubag"], "PP", "open"))
    for n, pair in enumerate(PAIRS):
        for m, sort in enumerate(case_list.CASE_SORTS):
            for descending in (False, True):  # each pair, order and direction with one of the filters, in turn
                for viewer, sop, status in [filters[(n + m + descending) % len(filters)]]:
                    query = {"search": pair, "sort": sort, "descending": descending, "viewer": viewer,
                             "sop": sop, "status": status}
                    modes: list[str | None] = []
                    shortly = _pages(ws, monkeypatch, True, modes, **query)
                    assert shortly == _pages(ws, monkeypatch, False, [], **query), query
                    if store == "sqlite" and pair not in ("an",):
                        assert set(modes) == {"short"}, (pair, modes)
    # what the fixture holds, found the short way: a pair inside a word, at a text's start and end,
    # a whole title, requester or number that is the pair; ASCII letter case ignored, not É's
    with ws.db.reading() as session:
        texts = session.execute(select(Case.number, Case.title, Case.requester, Case.rahasia)).all()
    for pair in PAIRS:  # (no viewer: a confidential case's perihal is not searched)
        held = [number for number, title, requester, secret in texts
                if any(case_short.lowered(pair) in case_short.lowered(text)
                       for text in (number, None if secret else title, requester) if text)]
        assert sorted(row.number for row in queries.cases_page(ws, search=pair, limit=100)) == sorted(held), pair
    assert "XQ" in [row.number for row in queries.cases_page(ws, search="xq", sort="number")]
    assert queries.cases_total(ws, search="qq", cap=100) == 0


def test_a_common_pair_or_a_too_long_text_keeps_the_scan(ws, office, store, monkeypatch):
    if store != "sqlite":
        return  # PostgreSQL: ILIKE, served by its trigram indexes
    modes: list[str | None] = []
    query = {"search": "xq", "sort": "title", "descending": True}
    monkeypatch.setattr(case_short, "SHORT_MOST", 10)  # 18 cases hold a trigram holding 'xq'
    common = _pages(ws, monkeypatch, True, modes, **query)
    monkeypatch.setattr(case_short, "SHORT_MOST", 10)
    assert set(modes) == {"scan"} and common == _pages(ws, monkeypatch, False, [], **query)
    monkeypatch.undo()
    modes.clear()  # a character in ten of the newest 500 cases: its scan is quicker than its trigrams
    with ws.db.direct_reading() as db:
        assert case_short.narrowed(db, "scan", "a", case_list.parameters("scan", "a", None, None)) == "scan"
        assert case_short.narrowed(db, "scan", "w", case_list.parameters("scan", "w", None, None)) == "short"
    with ws.db.transaction() as session:  # a text too long for the trigram table: it may hold any pair
        session.execute(update(Case).where(Case.number == "S/2026/0005").values(title="y" * 1100 + "zu"))
    modes.clear()
    long_text = _pages(ws, monkeypatch, True, modes, search="zu", sort="sop")
    assert set(modes) == {"scan"} and long_text == _pages(ws, monkeypatch, False, [], search="zu", sort="sop")
    assert "S/2026/0005" in [row.number for row in queries.cases_page(ws, search="zU", limit=100)]


def test_a_case_saved_later_is_found_and_the_candidates_are_read_in_indexes(ws, staff, office, store):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Surat dari Kwq", entry="surat")
    assert number in [row.number for row in queries.cases_page(ws, search="wQ")]
    if store != "sqlite":
        return
    filters = case_list.parameters("scan", "wq", None, None)
    with ws.db.direct_reading() as db:
        assert case_short.narrowed(db, "scan", "wq", filters) == "short"
    assert filters["numbers"] == '["WQ", "Wq", "wQ", "wq"]' and filters["lowered"] == "wq"
    for sort in case_list.CASE_SORTS:
        plan = query_plan(ws, case_list.page_ids("short", True, False, sort, True),
                          {**filters, "sop": "PP", "limit": 100, "offset": 0})
        assert "SCAN case_file" not in plan and "SCAN short_case" not in plan, plan
        assert "USING INTEGER PRIMARY KEY" in plan, plan


def _walked_pages(ws, monkeypatch, walk: bool, started: list[bool], **query) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """Pages of 7 rows (and one past the end) of a pair left to the scan (SHORT_MOST 0), the walk
    from the first group that may hold it allowed or not; `started` receives whether it was."""
    original = case_reading._pair_walk

    def pair_walk(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        how = original(*args, **kw) if walk else case_reading.Reading(None)
        started.append(bool(how.walk and how.walk.started))
        return how

    monkeypatch.setattr(case_short, "SHORT_MOST", 0)
    monkeypatch.setattr(case_reading, "_pair_walk", pair_walk)
    case_reading.cases_statement.cache_clear()
    try:
        return [queries.cases_page(ws, limit=7, offset=offset, **query) for offset in (0, 7, 14, 21, 100)]
    finally:
        case_reading.cases_statement.cache_clear()
        monkeypatch.undo()


def test_a_common_pair_sorted_by_sop_or_title_is_walked_from_the_first_group_holding_it(ws, staff, office, store,
                                                                                        monkeypatch):
    for pair in ("xq", "Zu", "an", "ÉA", "5%", "\"x", "qq"):
        for sort in sorted(case_list.GROUPED_SORTS):
            for descending in (False, True):
                for viewer, sop in ((None, None), (staff["Help Desk"], None), (None, "PAW")):
                    query = {"search": pair, "sort": sort, "descending": descending, "viewer": viewer, "sop": sop}
                    started: list[bool] = []
                    walked = _walked_pages(ws, monkeypatch, True, started, **query)
                    assert walked == _walked_pages(ws, monkeypatch, False, [], **query), query
                    # 'xq' and 'Zu' are whole titles and requesters: no group's trigrams say so;
                    # no case holds 'qq' (answered the short way, whatever SHORT_MOST)
                    expected = store == "sqlite" and pair not in ("xq", "Zu", "qq")
                    assert (bool(started) and all(started)) == expected == any(started), (query, started)
