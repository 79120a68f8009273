"""The Kasus list's SQL: which case ids make one page, in which order, and how many there are.

At 100,000 cases a page must not read the office: each order is an index of case_file read
forwards or backwards (migration 0007), and a search goes through the store's own text index
(engine.search.case_matching). A page is chosen as ids first, with no other table involved,
and only its rows are then joined to their waiting step (queries.cases_page); on SQLite a
search in the default order (by number) is read from the FTS5 table in rowid order and stops
at the page's end, whatever the number of matches. The count can be capped: the list says
"more than N" rather than counting every one of fifty thousand matches. Statements are built
once per combination of filters and run with new values (`store.direct`).

A search must not find a confidential case by a word of its perihal for a reader who may not
see that perihal (engine.rahasia): with `hide_secret`, such a case matches only through its
number or requester, unless its id is among the bind parameter `readable_secret`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import String, bindparam, cast, func, literal, or_, select
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.expression import BindParameter

from sopdesk.engine.search import CASE_SEARCH_TABLE, LIKE_ESCAPE, contains_pattern, fts_phrase, uses_text_index
from sopdesk.store.models import Case
from sopdesk.store.text_search import CASE_SEARCH

CASE_SORTS = {
    "number": Case.id,  # numbers are issued in order; the id sorts them numerically
    "sop": Case.sop_kode,
    "title": Case.title,
    "requester": Case.requester,
    "status": Case.status,
    "started": Case.started_at,
}
TEXT_CASE_SORTS = {"title", "requester"}
MISSING_CASE_SORTS = {"requester"}  # may be missing: sorted after the others


def ordering(sort: str, descending: bool) -> list[ColumnElement[Any]]:
    """The ORDER BY of the case list: the same order on both stores, letter case ignored
    (SQLite compares bytes, a server its locale) and a missing value after the others either
    way (SQLite puts NULL first, PostgreSQL last). The tie-break (the id) follows the direction
    and only a column that may be missing sorts on IS NULL, so that each order is one index."""
    column = CASE_SORTS[sort]
    key = func.lower(column) if sort in TEXT_CASE_SORTS else column
    order: list[ColumnElement[Any]] = [column.is_(None)] if sort in MISSING_CASE_SORTS else []
    return order + ([key.desc(), Case.id.desc()] if descending else [key.asc(), Case.id.asc()])


def search_mode(dialect: str, search: str | None) -> str | None:
    """How a search is answered: "fts" (SQLite's FTS5 table), "like" (LIKE; on PostgreSQL
    served by the trigram indexes) or None (no search)."""
    if not (search and search.replace("\x00", "").strip()):
        return None
    return "fts" if uses_text_index(dialect, search) else "like"


def parameters(mode: str | None, search: str | None, sop: str | None, status: str | None,
               readable_secret: set[int] | None = None) -> dict[str, Any]:
    """The bind values of `page_ids`/`count` for these filters; `readable_secret` (the
    confidential cases the reader may see) when the statement hides the others' perihal."""
    params: dict[str, Any] = {}
    text = search or ""  # a mode is set for a search only
    if mode and readable_secret is not None:
        params["secret_like"] = contains_pattern(text)
        # one text ",12,45," (a prepared statement takes no list): "does it hold ,<id>,"
        params["readable_secret"] = "," + ",".join(str(i) for i in sorted(readable_secret)) + ","
    if mode == "fts":
        params["case_search"] = fts_phrase(text)
    elif mode == "like":
        params["like"] = contains_pattern(text)
    if sop:
        params["sop"] = sop.upper()
    if status:
        params["status"] = status
    return params


def _matching(mode: str | None, sop: bool, status: bool, hide_secret: bool = False) -> Select[int]:
    """`SELECT case_file.id FROM ...` with every filter (bind parameters), before ordering."""
    conditions: list[ColumnElement[bool]] = []
    if mode and hide_secret:
        secret_like: BindParameter[str] = bindparam("secret_like")
        readable = bindparam("readable_secret", type_=String).like(
            literal("%,") + cast(Case.id, String) + literal(",%"))
        conditions.append(or_(Case.rahasia.is_(False), readable,
                              Case.number.ilike(secret_like, escape=LIKE_ESCAPE),
                              Case.requester.ilike(secret_like, escape=LIKE_ESCAPE)))
    if sop:
        conditions.append(Case.sop_kode == bindparam("sop"))
    if status:
        conditions.append(Case.status == bindparam("status"))
    if mode == "fts":
        return (select(Case.id).select_from(CASE_SEARCH_TABLE).join(Case, Case.id == CASE_SEARCH_TABLE.c.rowid)
                .where(CASE_SEARCH_TABLE.c[CASE_SEARCH].match(bindparam("case_search")), *conditions))
    if mode == "like":
        like: BindParameter[str] = bindparam("like")
        conditions.append(or_(*(column.ilike(like, escape=LIKE_ESCAPE)
                                for column in (Case.number, Case.title, Case.requester))))
    return select(Case.id).where(*conditions)


def page_ids(mode: str | None, sop: bool, status: bool, sort: str, descending: bool,
             hide_secret: bool = False) -> Select[int]:
    """The ids of one page of the case list, in its order (bind parameters limit, offset)."""
    query = _matching(mode, sop, status, hide_secret)
    if sort == "number" and mode == "fts":
        rowid = CASE_SEARCH_TABLE.c.rowid  # the FTS5 table's own order: read until the page is full
        query = query.order_by(rowid.desc() if descending else rowid.asc())
    else:
        query = query.order_by(*ordering(sort, descending))
    return query.limit(bindparam("limit")).offset(bindparam("offset"))


@lru_cache(maxsize=64)
def count(mode: str | None, sop: bool, status: bool, capped: bool, hide_secret: bool = False) -> Select[int]:
    """How many cases match; when `capped`, counting stops at the bind parameter `cap` + 1."""
    query = _matching(mode, sop, status, hide_secret)
    if capped:
        query = query.limit(bindparam("cap_plus_one"))
    return select(func.count()).select_from(query.subquery())
