"""The case list's search and sort structures that live outside the SQLAlchemy models.

Searching "contains x" with `LIKE '%x%'` reads every case; sorting by title without an index
sorts the whole table for each page. Both stores have their own answer, which the models
cannot describe: on SQLite an FTS5 table with the trigram tokenizer (`case_search`, external
content over `case_file`, kept in step by triggers), on PostgreSQL trigram GIN indexes
(pg_trgm) that serve `ILIKE` directly; and on both, expression indexes (lower-cased text,
missing requesters last) that match the case list's ORDER BY. Migration 0007 creates them.

A word found in half the cases cannot be sorted for each page (the FTS5 match alone reads
50,000 rows). On SQLite, migration 0011 adds for each sorted column an index in that order
that also holds the searched texts and the filtered columns (WALK_INDEXES): the list is then
read in the index's order, each entry tested with LIKE, and stops when the page is full, with
no read of case_file. LIKE (ASCII letter case) and FTS5 (Unicode case folding) agree on an
ASCII search except for the two characters that fold into ASCII (FOLDS_TO_ASCII: KELVIN SIGN
and LATIN SMALL LETTER LONG S); the cases that hold one are kept in a partial index
(FOLD_INDEX, FOLD_ROWS; empty in practice) and while there is one, the search sorts its matches.

A word in half the cases sorted by SOP or by title was still walked through the SOPs (titles)
that do not hold it before its first match (40,000 entries). Migration 0012 keeps, per SOP and
per first three characters of the lower-cased title, the set of trigrams of the cases' searched texts
(CASE_TRIGRAM, filled by triggers, only ever growing): a group that lacks one of the word's
trigrams holds no match, and the walk starts at the first group that may.

This module names them, so that the schema comparison of the tests (models vs. migrations),
the transfer's "is the target empty" check and the search queries agree on what they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection, MetaData

CASE_SEARCH = "case_search"  # the FTS5 table (SQLite), rowid = case_file.id
SQLITE_TRIGGERS = ("case_search_insert", "case_search_delete", "case_search_update")
# migration 0012: the trigrams per group ("s" + SOP code, "t" + the lower-cased title's first
# three characters; the empty trigram: "may hold anything"), and the positions its triggers read
CASE_TRIGRAM = "case_trigram"
TRIGRAM_TABLES = frozenset({CASE_TRIGRAM, "case_trigram_position"})
TRIGRAM_TRIGGERS = ("case_trigram_insert", "case_trigram_update")
# FTS5 keeps its index in shadow tables named after the virtual table
SQLITE_TABLES = frozenset({CASE_SEARCH, *(f"{CASE_SEARCH}_{part}" for part in ("data", "idx", "docsize", "config")),
                           *TRIGRAM_TABLES})
TRIGRAM_INDEXES = ("ix_case_file_trgm_number", "ix_case_file_trgm_title", "ix_case_file_trgm_requester")
# PostgreSQL's (on SQLite migration 0011 replaced them with WALK_INDEXES)
SORT_INDEXES = ("ix_case_file_sort_title", "ix_case_file_sort_requester", "ix_case_file_sort_requester_desc")
# the case list read in sort order on SQLite (migration 0011), by (sort, descending); an
# index read backwards gives the other direction, except the requester's (missing ones last)
WALK_INDEXES = {
    ("sop", False): "ix_case_file_walk_sop",
    ("title", False): "ix_case_file_walk_title",
    ("requester", False): "ix_case_file_walk_requester",
    ("requester", True): "ix_case_file_walk_requester_desc",
    ("status", False): "ix_case_file_walk_status",
    ("started", False): "ix_case_file_walk_started",
}
FOLDS_TO_ASCII = "\u212a\u017f"  # FTS5 folds them to k and s; LIKE does not
FOLD_INDEX = "ix_case_file_fold_ascii"
FOLD_GLOB = "'*[" + FOLDS_TO_ASCII + "]*'"
FOLD_ROWS = f"number GLOB {FOLD_GLOB} OR title GLOB {FOLD_GLOB} OR requester GLOB {FOLD_GLOB}"  # FOLD_INDEX's
WALK_INDEX_NAMES = frozenset({*WALK_INDEXES.values(), FOLD_INDEX})
MIN_TRIGRAM = 3  # a trigram index cannot answer a shorter text: those searches use LIKE


def is_search_object(name: str | None) -> bool:
    """A table or index of this module (not part of the models)."""
    return name in SQLITE_TABLES or name in TRIGRAM_INDEXES or name in SORT_INDEXES or name in WALK_INDEX_NAMES


TRIGRAM_LONGEST = 1000  # migration 0012's LONGEST: a longer text puts the empty trigram in its groups
TITLE_PREFIX = 3  # migration 0012's: a title's group is its first three characters, lower-cased


def fill_trigrams(connection: Connection) -> None:
    """Put the trigrams of every case in CASE_TRIGRAM, as its triggers would (SQLite): for a
    bulk insert made with the insert trigger dropped (the demo), 100,000 cases in a few seconds
    where the trigger costs 0.1 ms a case. Migration 0012 fills the table the same way."""
    texts: dict[str, set[str]] = {}  # each group's distinct texts (titles repeat), then their trigrams
    rows = connection.exec_driver_sql(f"SELECT sop_kode, substr(lower(title), 1, {TITLE_PREFIX}), lower(number), "
                                      "lower(title), lower(requester) FROM case_file")
    for sop, prefix, *case_texts in rows:
        for group in (f"s{sop}", f"t{prefix}"):
            texts.setdefault(group, set()).update(case_texts)
    groups: dict[str, set[str]] = {}
    for group, distinct in texts.items():
        found = groups[group] = set()
        for text in distinct:
            if text is None:
                continue
            if len(text) > TRIGRAM_LONGEST + 2 or "\x00" in text:  # SQLite's length() stops at a NUL
                found.add("")
            else:
                found.update(text[n:n + 3] for n in range(len(text) - 2))
    found_rows = [(group, trigram) for group, trigrams in groups.items() for trigram in trigrams]
    if found_rows:
        connection.exec_driver_sql(f"INSERT OR IGNORE INTO {CASE_TRIGRAM} (grp, trigram) VALUES (?, ?)", found_rows)


def walk_index(sort: str, descending: bool) -> str | None:
    """The SQLite index that reads the case list in this order with the searched texts."""
    return WALK_INDEXES.get((sort, descending)) or WALK_INDEXES.get((sort, False))


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:  # noqa: ARG001 - alembic's hook
    """For alembic's `compare_metadata` (MigrationContext opts `include_name`): leave this
    module's objects out of the comparison of the models with the database."""
    return not is_search_object(name)


def schema_differences(connection: Connection, metadata: MetaData) -> list[Any]:
    """alembic's `compare_metadata` of the models with the database, this module's objects left
    out (SQLAlchemy cannot reflect SQLite's expression indexes and says so in a warning)."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index",
                                SAWarning)
        differences: list[Any] = compare_metadata(
            MigrationContext.configure(connection, opts={"include_name": include_name}), metadata)
        return differences
