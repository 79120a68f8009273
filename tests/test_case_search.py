"""The Kasus list's search and sort (issue #15): a search finds its text anywhere in a case's
number, title or requester, on both stores, also for cases started or changed after the index
was built; each sortable column gives its order both ways; a count of many matches stops at the
cap; an office from before the search index finds its old cases once upgraded."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers.query_plan import plan as _plan
from sqlalchemy import text

from sopdesk.engine import cases, queries
from sopdesk.store.db import Database, make_engine
from sopdesk.store.migrate import prepare

pytestmark = pytest.mark.both_stores

FIXTURES = Path(__file__).parent / "fixtures"


def numbers(rows) -> list[str]:  # noqa: ANN001
    return [row.number for row in rows]


@pytest.fixture
def office(ws, staff, clock):
    """Four cases started a minute apart: (number, title, requester)."""
    desk = staff["Help Desk"]
    started = []
    for title, requester in (("Permohonan data DPT Kelurahan Oebobo", "Maria Ndun"),
                             ("permohonan salinan SK penetapan kursi", None),
                             ("Undangan rapat pleno rekapitulasi", "Yohanes Manafe"),
                             ("Pengadaan 100% kotak suara", "agus bria")):
        started.append((cases.start_case(ws, desk, "PP", title, entry="surat", requester=requester), title, requester))
        clock.advance(minutes=1)
    return started


def test_a_search_finds_its_text_anywhere_letter_case_ignored(ws, office):
    (dpt, _, _), (sk, _, _), (pleno, _, _), (kotak, _, _) = office
    assert numbers(queries.cases_page(ws, search="kelurahan oeb")) == [dpt]  # inside the title
    assert numbers(queries.cases_page(ws, search="anafe")) == [pleno]  # inside the requester
    assert numbers(queries.cases_page(ws, search=sk.split("/")[-1])) == [sk]  # part of the number
    assert numbers(queries.cases_page(ws, search="PERMOHONAN")) == [sk, dpt]  # newest first
    assert numbers(queries.cases_page(ws, search="100%")) == [kotak]  # taken literally
    assert numbers(queries.cases_page(ws, search='"pleno"')) == []  # quotes are characters too
    assert queries.cases_total(ws, search="permohonan") == 2
    assert queries.cases_page(ws, search="tidak ada di mana pun") == []


def test_a_search_of_one_or_two_characters_still_finds(ws, office):
    (dpt, _, _), (sk, _, _), (pleno, _, _), (kotak, _, _) = office
    assert numbers(queries.cases_page(ws, search="SK")) == [sk]
    assert set(numbers(queries.cases_page(ws, search="p"))) == {dpt, sk, pleno, kotak}


def test_new_changed_and_removed_cases_are_found_as_they_are_now(ws, staff, office):
    (dpt, _, _), (sk, _, _), _, _ = office
    later = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan profil badan ad hoc", entry="surat",
                             requester="Stefanus Kolo")
    assert numbers(queries.cases_page(ws, search="ad hoc")) == [later]
    assert numbers(queries.cases_page(ws, search="fanus Ko")) == [later]
    with ws.db.transaction() as session:  # a correction of the title, as the store sees it
        session.execute(text("UPDATE case_file SET title = 'Permohonan jadwal tahapan', requester = 'Dewi Lay' "
                             "WHERE number = :number"), {"number": dpt})
    assert numbers(queries.cases_page(ws, search="Oebobo")) == []
    assert numbers(queries.cases_page(ws, search="jadwal tahap")) == [dpt]
    assert numbers(queries.cases_page(ws, search="Dewi")) == [dpt]
    assert numbers(queries.cases_page(ws, search="Ndun")) == []
    with ws.db.transaction() as session:  # a case gone (as a restore replaces the rows)
        case_id = session.execute(text("SELECT id FROM case_file WHERE number = :n"), {"n": sk}).scalar()
        for table in ("audit_event", "work_item", "case_deadline"):
            session.execute(text(f"DELETE FROM {table} WHERE case_id = :id"), {"id": case_id})  # noqa: S608
        session.execute(text("DELETE FROM case_file WHERE id = :id"), {"id": case_id})
    assert numbers(queries.cases_page(ws, search="salinan SK")) == []
    assert numbers(queries.cases_page(ws, search="permohonan")) == [later, dpt]


@pytest.mark.parametrize("sort", sorted(queries.CASE_SORTS))
def test_every_sortable_column_gives_its_order_both_ways(ws, office, sort):
    rows = queries.cases_page(ws, sort=sort, descending=False)
    key = {"number": lambda r: r.case_id, "sop": lambda r: (r.sop, r.case_id),
           "title": lambda r: (r.title.lower(), r.case_id),
           "requester": lambda r: (r.requester is None, (r.requester or "").lower(), r.case_id),
           "status": lambda r: (r.status, r.case_id), "started": lambda r: (r.started_at, r.case_id)}[sort]
    assert rows == sorted(rows, key=key)
    down = queries.cases_page(ws, sort=sort, descending=True)
    if sort == "requester":  # a missing requester stays last
        assert [r.requester for r in down] == ["Yohanes Manafe", "Maria Ndun", "agus bria", None]
    else:
        assert down == rows[::-1]
    # paging: the same order, page by page
    assert queries.cases_page(ws, sort=sort, descending=False, limit=3) + \
        queries.cases_page(ws, sort=sort, descending=False, limit=3, offset=3) == rows


def test_search_sort_and_filters_together(ws, staff, office):
    (dpt, _, _), (sk, _, _), _, _ = office
    cases.cancel(ws, staff["Help Desk"], sk, "Pemohon menarik permohonannya")
    assert numbers(queries.cases_page(ws, search="permohonan", sort="title", descending=False)) == [dpt, sk]
    assert numbers(queries.cases_page(ws, search="permohonan", sort="number", descending=False)) == [dpt, sk]
    assert numbers(queries.cases_page(ws, search="permohonan", status="cancelled")) == [sk]
    assert numbers(queries.cases_page(ws, search="permohonan", status="open", sop="pp")) == [dpt]
    assert queries.cases_total(ws, search="permohonan", status="open") == 1


def test_a_count_of_many_matches_stops_at_the_cap(ws, office):
    assert queries.cases_total(ws, search="a", cap=2) == 3  # "more than 2"
    assert queries.cases_total(ws, search="permohonan", cap=2) == 2
    assert queries.cases_total(ws, cap=10) == 4


def test_an_office_from_before_the_search_index_finds_its_old_cases(tmp_path, store):
    # migration 0007 fills the index from the cases already there (the office's database is
    # upgraded as it is opened; only the store is opened here, not the catalog)
    if store != "sqlite":
        pytest.skip("the schema fixtures are SQLite files")
    database = tmp_path / "sopdesk.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite3", database)
    with closing(sqlite3.connect(database)) as conn:
        old = conn.execute("SELECT number, title FROM case_file ORDER BY id").fetchall()
    assert old
    db = Database(make_engine(f"sqlite:///{database}"))
    try:
        assert prepare(db, tmp_path / "cadangan").startswith("upgraded from 0004")
        office = SimpleNamespace(db=db)
        for number, title in old:
            words = title.split()
            middle = " ".join(words[1:3]) if len(words) > 2 else title[1:]
            assert number in numbers(queries.cases_page(office, search=middle))
            assert numbers(queries.cases_page(office, search=number)) == [number]
    finally:
        db.dispose()


def test_the_stores_answer_from_their_indexes(ws, office, store):
    from sopdesk.engine import case_list

    mode = case_list.search_mode(ws.db.engine.dialect.name, "Oebobo")
    params = {**case_list.parameters(mode, "Oebobo", None, None), "limit": 100, "offset": 0}  # sqlite
    if store == "sqlite":
        search = _plan(ws, case_list.page_ids(mode, False, False, "number", True), params)
        assert mode == "fts" and "VIRTUAL TABLE" in search  # the FTS5 table, not a scan of case_file
        sort = _plan(ws, case_list.page_ids(None, False, False, "title", False), {"limit": 100, "offset": 0})
        # no sort of the table: the title's order read in its index (or the walk's, migration 0011)
        assert "_title" in sort and "TEMP B-TREE" not in sort, sort
        down = _plan(ws, case_list.page_ids(None, False, False, "requester", True), {"limit": 100, "offset": 0})
        assert "_requester_desc" in down and "TEMP B-TREE" not in down, down
    else:  # pg_trgm's GIN indexes serve ILIKE (seen in the count, which has no order to follow)
        values = case_list.parameters(mode, "Oebobo", None, None)
        counted = _plan(ws, case_list.count(mode, False, False, False), values)
        assert mode == "like" and "ix_case_file_trgm_title" in counted, counted
