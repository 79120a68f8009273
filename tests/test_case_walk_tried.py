"""A name in a few thousand cases sorted by another column (issue #15, 'Ndun' in 3,000 of 100,000):
on SQLite the first page first tries a walk of a few thousand entries of the sort's index
(engine.case_list.tried_ids) and sorts the matches only when that walk does not fill the page
(the name rare early in the order). Either way the pages must be those of the plain search
sorted by ORDER BY: every sort, both ways, several pages and one past the end, for a reader who
may not see a confidential perihal too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers.query_plan import plan as query_plan
from sqlalchemy import and_, insert, or_, select, text

from sopdesk.engine import case_anchors, case_list, case_reading, cases, queries
from sopdesk.store.models import Case
from sopdesk.store.text_search import walk_index

pytestmark = pytest.mark.both_stores

NAME = "Ndun"
SOPS = ("PAW", "PP", "RAKOR", "TKS")
TITLES = ("Agenda rapat {n}", "Permohonan data {n}", "Rapat pleno {n}", "Usulan PAW {n}")
# the name: in half of PP's requesters (rare early in the SOP order) and in one confidential
# title, in another letter case; another requester near it in text
REQUESTERS = ("Maria Ndun", "Agustina Dunia")


@pytest.fixture
def names(ws, staff, clock):
    """240 cases written as rows, requesters following their SOP, every seventh confidential."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Agenda pembuka", entry="surat")
    start = clock()
    with ws.db.transaction() as session:
        template = session.execute(select(Case.sop_revision_id, Case.entry, Case.started_by)
                                   .where(Case.number == first)).one()
        session.execute(insert(Case), [
            {"number": f"N/2026/{n:04d}", "sop_kode": SOPS[n % 4], "sop_revision_id": template[0],
             "entry": template[1], "title": "Surat dari NDUN" if n == 77 else TITLES[(n // 4) % 4].format(n=n % 13),
             "requester": REQUESTERS[(n // 4) % 2] if n % 4 == 1 else None,
             "status": ("open", "done", "cancelled")[(n // 3) % 3],
             "started_at": start - timedelta(hours=n % 19, minutes=n), "started_by": template[2],
             "rahasia": n % 7 == 0}
            for n in range(240)])
    return first


def _plain_ids(ws, search: str, sort: str, descending: bool, offset: int, limit: int) -> list[int]:  # noqa: ANN001
    """The ids of a page of the search by the plain ORDER BY, for a reader who may see no
    confidential perihal (found by its number or requester only)."""
    pattern = f"%{search}%"
    found = or_(Case.number.ilike(pattern), Case.requester.ilike(pattern),
                and_(Case.rahasia.is_(False), Case.title.ilike(pattern)))
    with ws.db.reading() as session:
        return list(session.scalars(select(Case.id).where(found).order_by(*case_list.ordering(sort, descending))
                                    .limit(limit).offset(offset)))


def _pages(ws, monkeypatch, tried: bool, most: int, filled: list[bool], **query) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """Pages of 7 rows at several places (the last past the end), each asked first (nothing
    learnt from another page), the tried walk offered or not (`most`: the entries it reads);
    `filled` notes for each page tried whether the walk filled it."""
    original = case_reading._tried_rows

    def tried_rows(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        rows = original(*args, **kw)
        filled.append(rows is not None)
        return rows

    monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: False)
    monkeypatch.setattr(case_list, "walk_tried", lambda *a, **k: tried)
    monkeypatch.setattr(case_list, "tried_pays", lambda *a, **k: tried)
    monkeypatch.setattr(case_list, "TRIED_MOST", most)
    monkeypatch.setattr(case_reading, "_tried_rows", tried_rows)
    try:
        pages = []
        for offset in (0, 7, 21, 60):
            case_anchors.forget()
            pages.append(queries.cases_page(ws, limit=7, offset=offset, **query))
        return pages
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("sort", sorted(set(queries.CASE_SORTS) - {"number"}))
def test_a_page_filled_by_a_tried_walk_is_the_sorted_page(ws, staff, names, monkeypatch, store, sort):
    for descending in (False, True):
        for viewer in (None, staff["Help Desk"]):
            query = {"search": NAME, "sort": sort, "descending": descending, "viewer": viewer}
            plain = _pages(ws, monkeypatch, False, 0, [], **query)
            for most in (10**6, 30, 9):  # the whole index; enough for the first page only; too few
                filled: list[bool] = []
                assert _pages(ws, monkeypatch, True, most, filled, **query) == plain, (most, descending)
                if store == "sqlite" and most == 10**6:
                    assert filled == [True, True, True, False], filled  # the last page: past the end
                elif store == "sqlite":
                    assert len(filled) == 4 and not all(filled), filled  # some pages sorted
                else:
                    assert not filled  # PostgreSQL: its trigram indexes
            if viewer is None:  # (the help desk may read the confidential PP case that holds the name)
                assert [[row.case_id for row in page] for page in plain] == [
                    _plain_ids(ws, NAME, sort, descending, offset, 7) for offset in (0, 7, 21, 60)]
                assert [len(page) for page in plain] == [7, 7, 7, 0]  # 30 requesters (a title is confidential)


def test_the_first_page_of_a_name_in_many_cases_is_walked_not_sorted(ws, names, monkeypatch, store):
    # what `spread` says of a name in 3% of 100,000 cases: the first page's end is expected within
    # some 3,300 entries of the index, the 20th's within 66,000 (its matches sorted)
    tried = case_list.walk_tried
    assert tried(257, 1, 8_600, 100_000, cap=256, offset=0, limit=100)  # 3,000 matches
    assert not tried(257, 1, 8_600, 100_000, cap=256, offset=1900, limit=100)
    assert not tried(257, 1, 30_000, 100_000, cap=256, offset=0, limit=100)  # 850: sorted at once
    assert not tried(200, 1, 90_000, 100_000, cap=256, offset=0, limit=100)  # every match counted
    if store != "sqlite":
        return
    filled: list[bool] = []
    original = case_reading._tried_rows
    monkeypatch.setattr(case_reading, "_tried_rows", lambda *a, **k: filled.append(True) or original(*a, **k))
    monkeypatch.setattr(case_list, "SPREAD_SAMPLE", 20)  # 240 cases: as if 100,000
    for sort in ("sop", "requester"):
        case_anchors.forget()
        page = queries.cases_page(ws, search=NAME, sort=sort, descending=False, limit=7)
        assert [row.case_id for row in page] == _plain_ids(ws, NAME, sort, False, 0, 7)
    assert filled == [True, True]


def test_a_name_at_the_far_end_of_the_order_is_sorted_at_once(ws, names, monkeypatch, store):
    # sorted by requester, 'Ndun' (in "Maria Ndun") comes after the thirty "Agustina Dunia": a
    # walk of 20 entries would meet none, and a sample of the matches says so before any is read
    pays = case_list.tried_pays
    assert pays([False] * 30 + [True] + [False] * 226, 3000, offset=0, limit=100)  # 30 of 256 before: 350
    assert not pays([False] * 5 + [True] + [False] * 251, 3000, offset=0, limit=100)  # 5 of 256: 60
    assert not pays([True] + [False] * 256, 3000, offset=0, limit=100)  # none (a 'Yohanes' by requester)
    assert pays([False] * 120, 200, offset=0, limit=100)  # the walk reads to the index's end
    if store != "sqlite":
        return
    filled: list[bool] = []
    original = case_reading._tried_rows
    monkeypatch.setattr(case_reading, "_tried_rows", lambda *a, **k: filled.append(True) or original(*a, **k))
    monkeypatch.setattr(case_list, "walk_tried", lambda *a, **k: True)
    monkeypatch.setattr(case_list, "TRIED_MOST", 20)
    monkeypatch.setattr(case_list, "SPREAD_SAMPLE", 20)
    for descending in (False, True):
        filled.clear()
        case_anchors.forget()
        page = queries.cases_page(ws, search=NAME, sort="requester", descending=descending, limit=7)
        assert [row.case_id for row in page] == _plain_ids(ws, NAME, "requester", descending, 0, 7)
        assert filled == ([True] if descending else []), (descending, filled)  # "maria ndun" first: walked


def test_a_tried_walk_reads_the_sorts_own_index_from_its_first_group(ws, names, store):
    if store != "sqlite":
        pytest.skip("the walk is SQLite's")
    params = {**case_list.parameters("fts", NAME, None, None, set()), "like": f"%{NAME}%", "walk_from": "PP",
              "entries": 100, "limit": 100, "offset": 0}
    for sort, descending in [(sort, down) for sort in set(queries.CASE_SORTS) - {"number"} for down in (False, True)]:
        walk = case_list.Walk(False, False, sort in case_list.GROUPED_SORTS)
        plan = query_plan(ws, case_list.tried_ids(False, False, sort, descending, True, walk), params)
        assert f"COVERING INDEX {walk_index(sort, descending)}" in plan, plan  # no read of case_file
        assert "TEMP B-TREE" not in plan and "VIRTUAL" not in plan, plan  # no sort, no FTS5 match
        if walk.started:
            assert f"COVERING INDEX {walk_index(sort, descending)} (" in plan, plan  # from its group on
        # what decides the walk: the walk's end, skipped to in an index, and a sample of the
        # matches read by their ids (no case_file read whole)
        end = query_plan(ws, case_list.tried_end(sort, descending, walk.started), params)
        assert "COVERING INDEX" in end and "TEMP B-TREE" not in end, end
        sample = query_plan(ws, case_list.tried_sample(sort, descending), {**params, "sample": 32, "end": 1})
        assert "VIRTUAL TABLE" in sample and "SCAN case_file" not in sample, sample


def test_a_case_changed_after_a_tried_page_is_found_on_the_next(ws, staff, names, monkeypatch, store):
    query = {"search": NAME, "sort": "title", "descending": True}
    before = _pages(ws, monkeypatch, True, 10**6, [], **query)
    assert "N/2026/0002" not in {row.number for row in before[0]}
    with ws.db.transaction() as session:
        session.execute(text("UPDATE case_file SET title = 'Zona Ndun' WHERE number = 'N/2026/0002'"))
    after = _pages(ws, monkeypatch, True, 10**6, [], **query)
    assert after[0][0].number == "N/2026/0002" and after != before
    assert after == _pages(ws, monkeypatch, False, 0, [], **query)
