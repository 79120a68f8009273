"""A word in many cases, sorted by SOP or by title, walked from the first group that may hold it
(issue #15, migration 0012): the SOPs and titles' first three letters whose texts lack one of the
word's trigrams (store.text_search.CASE_TRIGRAM) are not read. The pages must be the plain
search's, every sort and direction, for a reader too; a case added or edited into a group that
lacked the word is found (the triggers keep the trigrams in step); the walk starts with a range
of the sort's index."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers.query_plan import plan as query_plan
from sqlalchemy import insert, select, text

from sopdesk.engine import case_list, case_reading, cases, queries
from sopdesk.store.models import Case
from sopdesk.store.text_search import walk_index

pytestmark = pytest.mark.both_stores

WORD = "Permohonan"
# by SOP: the word in PP's titles only (and in one RAKOR requester); TKS and PAW never hold it
GROUPS = {"PAW": "Usulan PAW {n}", "PP": "Permohonan data {n}", "RAKOR": "Rapat koordinasi {n}",
          "TKS": "Pelaksanaan tindak lanjut {n}"}  # before "Permohonan" in the title order


@pytest.fixture
def grouped(ws, staff, clock):
    """120 cases written as rows, their titles following their SOP; every ninth confidential."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Agenda pembuka", entry="surat")
    start = clock()
    sops = sorted(GROUPS)
    with ws.db.transaction() as session:
        template = session.execute(select(Case.sop_revision_id, Case.entry, Case.started_by)
                                   .where(Case.number == first)).one()
        session.execute(insert(Case), [
            {"number": f"G/2026/{n:04d}", "sop_kode": sops[n % 4], "sop_revision_id": template[0],
             "entry": template[1], "title": GROUPS[sops[n % 4]].format(n=n % 11),
             "requester": "Kantor Permohonan" if n == 2 else None, "status": "open",
             "started_at": start - timedelta(minutes=n), "started_by": template[2], "rahasia": n % 9 == 0}
            for n in range(120)])
    return first


def _pages(ws, walk: bool, monkeypatch, started: list[bool], **query) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """Pages of 11 rows at several places (the last past the end), the walk forced or refused."""
    original = case_list.page_ids

    def page_ids(*args, **kw):  # noqa: ANN002, ANN003
        chosen = args[6] if len(args) > 6 else kw.get("walk")
        started.append(bool(chosen and chosen.started))
        return original(*args, **kw)

    monkeypatch.setattr(case_list, "walk_pays", lambda *a, **k: walk)
    monkeypatch.setattr(case_list, "page_ids", page_ids)
    case_reading.cases_statement.cache_clear()
    try:
        return [queries.cases_page(ws, limit=11, offset=offset, **query) for offset in (0, 11, 25, 200)]
    finally:
        case_reading.cases_statement.cache_clear()
        monkeypatch.undo()


def _same_pages(ws, monkeypatch, store: str, **query) -> list[list[queries.CaseRow]]:  # noqa: ANN001
    """The pages walked, checked to be the sorted ones and (SQLite) to have started at a group
    (unless no group holds the word: nothing matches, and the walk is not started)."""
    started: list[bool] = []
    walked = _pages(ws, True, monkeypatch, started, **query)
    assert walked == _pages(ws, False, monkeypatch, [], **query)
    assert all(started) if store == "sqlite" and query["search"] != "zzz" else not any(started), started
    return walked


@pytest.mark.parametrize("sort", sorted(case_list.GROUPED_SORTS))
def test_a_walk_from_the_first_group_holding_the_word_gives_the_sorted_pages(ws, staff, grouped, monkeypatch, store,
                                                                              sort):
    for descending in (False, True):
        for viewer in (None, staff["Help Desk"]):
            for word in (WORD, "rmohon", "kantor perm", "pat koord", "zzz"):
                pages = _same_pages(ws, monkeypatch, store, search=word, sort=sort, descending=descending,
                                    viewer=viewer)
                if word == WORD and viewer is None:  # PP's 30 but 4 confidential, the RAKOR requester's
                    assert sum(map(len, pages)) == 24  # of 27: 11, 11, then from the 26th


def test_the_groups_that_may_hold_a_word(ws, grouped, store):
    if store != "sqlite":
        pytest.skip("the trigrams are SQLite's")
    with ws.db.reading() as session:
        def groups(sort: str, word: str) -> set[str]:
            params = case_list.trigram_parameters(sort, word)
            return {row[0] for row in session.execute(case_list.trigram_groups(), params)}

        assert groups("sop", WORD) == {"sPP", "sRAKOR"}  # RAKOR through a requester
        assert groups("title", WORD) == {"tper", "trap"}
        assert groups("sop", "tindak") == {"sTKS"}
        assert groups("title", "zzz") == set()
    assert case_list.walk_start("sop", True, ["sPP", "sRAKOR"]) == "RAKOR"
    assert case_list.walk_start("sop", False, ["sPP", "sRAKOR"]) == "PP"
    assert case_list.walk_start("title", True, ["tper", "trap"]) == "raq"  # every title before "raq"
    assert case_list.walk_start("title", False, ["tper", "trap"]) == "per"
    assert case_list.walk_start("title", True, ["t"]) == "\x01"  # an empty title
    assert case_list.walk_start("title", True, ["tz\ud7ff"]) == "z\ue000"
    assert case_list.walk_start("title", True, ["tz\U0010ffff"]) == "{"
    assert case_list.walk_start("title", True, ["t\U0010ffff"]) is None
    assert case_list.walk_start("sop", True, []) is None


def test_a_case_added_or_edited_into_a_group_without_the_word_is_found(ws, staff, grouped, monkeypatch, store):
    query = {"search": WORD, "sort": "sop", "descending": True}
    with ws.db.transaction() as session:  # TKS held no "permohonan": now one of its titles does
        session.execute(text("UPDATE case_file SET title = 'Tindak lanjut permohonan' WHERE number = 'G/2026/0003'"))
    assert _same_pages(ws, monkeypatch, store, **query)[0][0].number == "G/2026/0003"
    added = cases.start_case(ws, staff["Help Desk"], "PP", "Usulan permohonan terakhir", entry="surat")
    assert _same_pages(ws, monkeypatch, store, **query)[0][0].number == "G/2026/0003"
    title_first = _same_pages(ws, monkeypatch, store, search=WORD, sort="title", descending=True)
    assert title_first[0][0].number == added  # "usulan ..." sorts first, in a group that lacked the word


@pytest.mark.parametrize("sort", sorted(case_list.GROUPED_SORTS))
def test_the_walk_starts_with_a_range_of_the_sorts_index(ws, grouped, store, sort):
    if store != "sqlite":
        pytest.skip("the walk is SQLite's")
    params = {**case_list.parameters("fts", WORD, None, None, set()), "like": f"%{WORD}%", "walk_from": "p",
              "limit": 100, "offset": 0}
    for descending in (False, True):
        statement = case_list.page_ids("fts", False, False, sort, descending, True, case_list.Walk(False, False, True))
        plan = query_plan(ws, statement, params)
        assert f"COVERING INDEX {walk_index(sort, descending)} (" in plan, plan  # a range, not the whole index
        assert "TEMP B-TREE" not in plan and "VIRTUAL" not in plan, plan


def test_the_trigrams_filled_at_once_are_the_triggers(ws, grouped, store):
    # a bulk insert without the insert trigger (the demo) and migration 0012 fill the table at
    # once: the same rows as the triggers wrote case by case (a text over the longest length too)
    if store != "sqlite":
        pytest.skip("the trigrams are SQLite's")
    import importlib.util

    from sopdesk.store.migrate import MIGRATIONS_DIR
    from sopdesk.store.text_search import CASE_TRIGRAM, fill_trigrams

    spec = importlib.util.spec_from_file_location("m0012", next(MIGRATIONS_DIR.glob("versions/0012_*.py")))
    assert spec and spec.loader
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with ws.db.transaction() as session:
        session.execute(text("UPDATE case_file SET title = 'Panjang ' || printf('%.1200c', 'x') WHERE id = 3"))
    with ws.db.transaction() as session:
        conn = session.connection()
        by_triggers = set(conn.exec_driver_sql(f"SELECT grp, trigram FROM {CASE_TRIGRAM}").all())
        assert ("tpan", "") in by_triggers  # the long title's group may hold anything
        for fill in (fill_trigrams, migration.fill):
            conn.exec_driver_sql(f"DELETE FROM {CASE_TRIGRAM}")
            fill(conn)
            # the edited title's old trigrams stay with the triggers (the sets only grow)
            assert set(conn.exec_driver_sql(f"SELECT grp, trigram FROM {CASE_TRIGRAM}").all()) <= by_triggers
        conn.exec_driver_sql(f"DELETE FROM {CASE_TRIGRAM}")
        conn.exec_driver_sql("UPDATE case_file SET title = title")  # the update trigger, row by row
        by_update = set(conn.exec_driver_sql(f"SELECT grp, trigram FROM {CASE_TRIGRAM}").all())
        for fill in (fill_trigrams, migration.fill):
            conn.exec_driver_sql(f"DELETE FROM {CASE_TRIGRAM}")
            fill(conn)
            assert set(conn.exec_driver_sql(f"SELECT grp, trigram FROM {CASE_TRIGRAM}").all()) == by_update
