"""The Kasus list searched for a word in many cases and sorted by another column (issue #15): on
SQLite the page is then read in the sort's own index, each entry tested with LIKE
(engine.case_list's walk), instead of sorting every match. It must give exactly the rows and the
order of the plain search sorted by ORDER BY: every sort, both ways, several pages, on an office
whose titles correlate with the sort (the word is rare early in the title order), with
confidential cases hidden from a reader as before. Where LIKE and FTS5 could disagree (a
character that FTS5 folds into ASCII, a search that is not ASCII) the matches are sorted. A page
after the first starts from what an earlier page of the same search learnt (engine.case_anchors:
a walk from a case found before it, sorted matches from their kept ids), and forgets it when the
store changes, written through the workspace or by another connection."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers.query_plan import plan as query_plan
from sqlalchemy import insert, or_, select, text

from sopdesk.engine import case_anchors, case_list, case_reading, cases, queries
from sopdesk.store.models import Case
from sopdesk.store.text_search import walk_index

pytestmark = pytest.mark.both_stores

WORD = "Permohonan"
# the word's place in the title order: rare at its start, every title in its middle; some find it
# in the requester or in another letter case only
TITLES = ("Agenda rapat {n}", "Berita acara {n}", "PERMOHONAN data {n}", "Permohonan salinan {n}",
          "permohonan informasi {n}", "Rapat pleno {n}", "Undangan {n}")
REQUESTERS = ("Maria Ndun", None, "Kantor Permohonan Kupang", "agus bria", None)
STATUSES = ("open", "done", "cancelled")
SOPS = ("PAW", "PP", "RAKOR", "TKS")


@pytest.fixture
def crowd(ws, staff, clock):
    """300 cases written as rows (the search index keeps in step by its triggers): titles, SOPs,
    statuses, requesters and start times spread so that each order mixes matches and others;
    every seventh one confidential."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Agenda rapat pembuka", entry="surat")
    start = clock()
    with ws.db.transaction() as session:
        template = session.execute(select(Case.sop_revision_id, Case.entry, Case.started_by)
                                   .where(Case.number == first)).one()
        session.execute(insert(Case), [
            {"number": f"{SOPS[n % 4]}/2026/W{n:04d}", "sop_kode": SOPS[(n // 7) % 4],
             "sop_revision_id": template[0], "entry": template[1],
             "title": TITLES[(n * 3) % len(TITLES)].format(n=n % 17), "requester": REQUESTERS[n % len(REQUESTERS)],
             "status": STATUSES[(n // 5) % 3], "started_at": start - timedelta(hours=n % 23, minutes=n),
             "started_by": template[2], "rahasia": n % 7 == 0}
            for n in range(300)])
    return first


def _pages(ws, walk: bool, monkeypatch, **kwargs) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """Pages of 13 rows at several places in the list (the last one past the end), with the
    walk forced or refused; the walk is checked to have been taken when forced."""
    taken = []
    original = case_list.page_ids

    def page_ids(*args, **kw):  # noqa: ANN002, ANN003
        taken.append(args[-1] if len(args) > 6 else kw.get("walk"))
        return original(*args, **kw)

    monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: walk)
    monkeypatch.setattr(case_list, "page_ids", page_ids)
    case_reading.cases_statement.cache_clear()
    try:
        pages = [queries.cases_page(ws, limit=13, offset=offset, **kwargs) for offset in (0, 13, 40, 117, 290)]
    finally:
        case_reading.cases_statement.cache_clear()
        monkeypatch.undo()
    if walk and ws.db.dialect == "sqlite":
        assert taken and all(taken), taken  # the index was walked
    else:
        assert not any(taken)
    return pages


@pytest.mark.parametrize("sort", sorted(set(queries.CASE_SORTS) - {"number"}))
def test_a_walked_page_is_the_sorted_page(ws, staff, crowd, monkeypatch, sort):
    for descending in (False, True):
        for viewer in (None, staff["Help Desk"]):  # an administrator's view, and a reader's
            query = {"search": WORD, "sort": sort, "descending": descending, "viewer": viewer}
            walked = _pages(ws, True, monkeypatch, **query)
            assert walked == _pages(ws, False, monkeypatch, **query)
            assert sum(map(len, walked)) > 40  # the pages hold matches, and the last is past the end
    for filters in ({"status": "done"}, {"sop": "pp"}, {"status": "open", "sop": "tks"}):
        for share in (10**9, 1):  # the sort's index read, or the filter's
            query = {"search": "permohonan", "sort": sort, "descending": True, **filters}
            sorted_pages = _pages(ws, False, monkeypatch, **query)
            monkeypatch.setattr(case_list, "RANGED_SHARE", share)
            assert _pages(ws, True, monkeypatch, **query) == sorted_pages


def test_a_reader_does_not_find_a_confidential_case_by_its_perihal_in_a_walk(ws, staff, crowd, monkeypatch):
    pages = _pages(ws, True, monkeypatch, search=WORD, sort="title", viewer=staff["Help Desk"])
    rows = [row for page in pages for row in page]
    with ws.db.reading() as session:
        secret = dict(session.execute(text("SELECT id, requester FROM case_file WHERE rahasia")).all())
    hidden = [row for row in rows if row.case_id in secret]
    # found through its requester only (a perihal the reader may not see does not match)
    assert all(WORD.lower() in (secret[row.case_id] or "").lower() for row in hidden)


def test_a_character_that_fts5_folds_into_ascii_is_still_found(ws, staff, crowd, monkeypatch):
    # U+212A KELVIN SIGN folds to "k" in FTS5 but not in LIKE: with such a case in the office
    # the matches are sorted, and the search finds it as FTS5 does
    if ws.db.dialect != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    folded = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan \u212aartu pemilih", entry="surat")
    query = {"search": "permohonan kartu", "sort": "title"}
    pages = _pages(ws, False, monkeypatch, **query)
    assert [row.number for row in pages[0]] == [folded]
    monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: True)
    assert [row.number for row in queries.cases_page(ws, **query)] == [folded]


def test_a_search_that_is_not_ascii_is_not_walked():
    assert case_list.may_walk("fts", WORD, "title")
    assert not case_list.may_walk("fts", "Permohonan é", "title")  # LIKE folds the letter case of ASCII only
    assert not case_list.may_walk("fts", WORD, "number")  # read in the FTS5 table's own order
    assert not case_list.may_walk("like", WORD, "title")  # PostgreSQL, or a text too short for FTS5


def test_the_walk_is_taken_for_many_matches_only():
    pays = case_list.walk_pays
    # few matches (all counted): sorted
    assert not pays(900, 1, 90_000, 100_000, cap=1000, offset=0, limit=100)
    # a word in half the cases (the first 1001 within 2,000 ids): walked, deep pages too
    assert pays(1001, 1, 2000, 100_000, cap=1000, offset=0, limit=100)
    assert pays(1001, 1, 2000, 100_000, cap=1000, offset=9900, limit=100)
    # some 3,000 matches: sorting them costs little
    assert not pays(1001, 1, 33_000, 100_000, cap=1000, offset=0, limit=100)
    # filtered (a SOP, a status): walked when sorting what FTS5 finds would cost more than
    # reading every entry
    assert pays(1001, 1, 2000, 100_000, cap=1000, offset=0, limit=100, filtered=True)
    assert not pays(1001, 1, 12_000, 100_000, cap=1000, offset=0, limit=100, filtered=True)


def test_a_filtered_count_walked_is_the_count(ws, staff, crowd, monkeypatch):
    for filters in ({"status": "done"}, {"sop": "pp"}, {"status": "open", "sop": "tks"}, {"sop": "rakor"}):
        for viewer in (None, staff["Help Desk"]):
            query = {"search": WORD, "viewer": viewer, **filters}
            monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: True)
            walked = [queries.cases_total(ws, cap=cap, **query) for cap in (3, 1000)]
            monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: False)
            assert walked == [queries.cases_total(ws, cap=cap, **query) for cap in (3, 1000)]
            assert walked[1] == queries.cases_total(ws, **query)  # uncapped: as the search counts


def test_a_filtered_search_is_led_by_its_match(ws, crowd, store):
    # SQLite would read the filter's index and ask FTS5 about each case in it (seconds for a
    # SOP of 25,000 cases); the match leads and the filter tests what it finds
    if store != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    params = {**case_list.parameters("fts", WORD, "PP", "open", set()), "limit": 100, "offset": 0,
              "cap_plus_one": 1001}
    for statement in (case_list.page_ids("fts", True, True, "sop", False, True),
                      case_list.page_ids("fts", True, False, "status", True, True),
                      case_list.count("fts", True, True, True, True)):
        plan = query_plan(ws, statement, params)
        assert "VIRTUAL TABLE INDEX 0:M" in plan and "=M" not in plan, plan  # one match, not one per case


def test_the_walk_reads_the_sorts_own_index(ws, crowd, store):
    if store != "sqlite":
        pytest.skip("the walk is SQLite's")
    params = {**case_list.parameters("fts", WORD, None, None, set()), "like": f"%{WORD}%",
              "limit": 100, "offset": 0}
    for sort, descending in [(sort, down) for sort in set(queries.CASE_SORTS) - {"number"} for down in (False, True)]:
        statement = case_list.page_ids("fts", False, False, sort, descending, True, case_list.Walk(False, False))
        plan = query_plan(ws, statement, params)
        assert f"COVERING INDEX {walk_index(sort, descending)}" in plan, plan  # no read of case_file
        assert "TEMP B-TREE" not in plan and "VIRTUAL" not in plan, plan  # no sort, no FTS5 match


def _walked_page(ws, monkeypatch, anchored: list[bool], **query) -> list[queries.CaseRow]:  # noqa: ANN001
    """One page with the walk forced, noting whether it started at a remembered case."""
    original = case_list.page_ids

    def page_ids(*args, **kw):  # noqa: ANN002, ANN003
        anchored.append(kw.get("anchored", False))
        return original(*args, **kw)

    monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: True)
    monkeypatch.setattr(case_list, "page_ids", page_ids)
    case_reading.cases_statement.cache_clear()
    try:
        return queries.cases_page(ws, **query)
    finally:
        case_reading.cases_statement.cache_clear()
        monkeypatch.undo()


@pytest.mark.parametrize("sort", sorted(case_list.ANCHORED_SORTS))
def test_a_later_page_starts_where_an_earlier_one_stood(ws, staff, crowd, monkeypatch, store, sort):
    # the Kasus list scrolled: each page after the first walks from a case an earlier page found
    # (engine.case_anchors), and gives the rows of the plain search sorted
    if store != "sqlite":
        pytest.skip("the walk is SQLite's")
    for descending in (False, True):
        query = {"search": WORD, "sort": sort, "descending": descending, "limit": 13}
        anchored: list[bool] = []
        walked = [_walked_page(ws, monkeypatch, anchored, offset=offset, **query) for offset in (0, 13, 40, 26, 290)]
        assert anchored == [False, True, True, True, True], anchored
        assert walked == [queries.cases_page(ws, offset=offset, **query) for offset in (0, 13, 40, 26, 290)]
    params = {**case_list.parameters("fts", WORD, None, None, set()), "like": f"%{WORD}%", "anchor": 1,
              "limit": 100, "offset": 0}
    statement = case_list.page_ids("fts", False, False, sort, True, True, case_list.Walk(False, False), anchored=True)
    plan = query_plan(ws, statement, params)
    assert f"COVERING INDEX {walk_index(sort, True)} (" in plan, plan  # a range of the index, not all of it


def test_a_change_of_the_store_forgets_where_pages_stood(ws, staff, crowd, monkeypatch, store):
    # a case that now sorts first moves every later page by one, whether written through the
    # workspace or by another connection (another process)
    if store != "sqlite":
        pytest.skip("the walk is SQLite's")
    query = {"search": WORD, "sort": "title", "descending": True, "limit": 13}
    for change in ("workspace", "other connection"):
        for offset in (0, 13):
            _walked_page(ws, monkeypatch, [], offset=offset, **query)
        if change == "workspace":
            cases.start_case(ws, staff["Help Desk"], "PP", "Zaman Permohonan pertama", entry="surat")
        else:
            import sqlite3

            other = sqlite3.connect(ws.db.engine.url.database)
            with other:
                other.execute("UPDATE case_file SET title = 'Zona Permohonan' WHERE id = "
                              "(SELECT max(id) FROM case_file WHERE title LIKE 'Agenda%')")
            other.close()
        anchored: list[bool] = []
        page = _walked_page(ws, monkeypatch, anchored, offset=13, **query)
        assert anchored == [False]
        assert page == queries.cases_page(ws, offset=13, **query)
        assert _walked_page(ws, monkeypatch, anchored, offset=26, **query) == queries.cases_page(ws, offset=26, **query)
        assert anchored == [False, True]


def _plain_ids(ws, sort: str, descending: bool, offset: int) -> list[int]:  # noqa: ANN001
    """The ids of a page of 13 of the search by the plain ORDER BY (an administrator's view)."""
    pattern = f"%{WORD}%"
    found = or_(Case.number.ilike(pattern), Case.title.ilike(pattern), Case.requester.ilike(pattern))
    with ws.db.reading() as session:
        return list(session.scalars(select(Case.id).where(found).order_by(*case_list.ordering(sort, descending))
                                    .limit(13).offset(offset)))


@pytest.mark.parametrize("sort", sorted(set(queries.CASE_SORTS) - {"number"}))
def test_sorted_matches_are_sorted_once_for_the_pages_after(ws, staff, crowd, monkeypatch, store, sort):
    # a search of a few thousand matches: the first page sorts them all and keeps their ids in
    # order (engine.case_reading); each later page reads its own ids only, as the plain ORDER BY
    if store != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    sorted_ids: list[dict] = []
    original = case_list.page_ids

    def page_ids(*args, **kw):  # noqa: ANN002, ANN003
        sorted_ids.append(kw)
        return original(*args, **kw)

    monkeypatch.setattr(case_list, "page_ids", page_ids)
    for descending in (False, True):
        for _ in (False, True):  # (each pooled connection's first look starts a new memory)
            sorted_ids.clear()
            for offset in (0, 13, 117, 26, 290):
                page = queries.cases_page(ws, search=WORD, sort=sort, descending=descending, limit=13, offset=offset)
                assert [row.case_id for row in page] == _plain_ids(ws, sort, descending, offset)
        assert not sorted_ids  # sorted before, its ids kept: no page sorts them again
        case_anchors.forget()
        cases.start_case(ws, staff["Help Desk"], "PP", "Zaman Permohonan baru", entry="surat")  # a change
        for offset in (0, 13):
            page = queries.cases_page(ws, search=WORD, sort=sort, descending=descending, limit=13, offset=offset)
            assert [row.case_id for row in page] == _plain_ids(ws, sort, descending, offset)
