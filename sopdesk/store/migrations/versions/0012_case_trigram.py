"""where a broad word cannot be (issue #15): on SQLite, the set of three-character pieces
(trigrams, lower-cased as lower() does) found in the searched texts (number, title, requester)
of each SOP's cases and of the cases whose titles start alike (three characters), kept in step
by triggers on case_file (store.text_search.CASE_TRIGRAM). A word in half the cases, sorted by SOP
or by title, was walked through 40,000 index entries of the SOPs that do not hold it before its
first match (engine.case_list); a group that lacks one of the word's trigrams holds no match,
and the walk starts at the first group that may. The sets only grow (an edited text leaves its
old trigrams): a group may be walked for nothing, never skipped wrongly. A text longer than
LONGEST characters puts the empty trigram in its groups ("may hold anything").

PostgreSQL answers the search from its trigram indexes and is left as it is.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from alembic import op
from sqlalchemy import Connection

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# a migration keeps its own copy of store.text_search's definitions (they may change after it)
LONGEST = 1000
TITLE_PREFIX = 3  # a title's group: its first three characters, lower-cased
# the key's columns in the table's order: SQLite 3.40's quick_check (every backup runs it) reports
# NULLs in a WITHOUT ROWID table whose primary key lists them in another order
TABLES = [
    "CREATE TABLE case_trigram (trigram TEXT NOT NULL, grp TEXT NOT NULL, PRIMARY KEY (trigram, grp)) WITHOUT ROWID",
    "CREATE TABLE case_trigram_position (n INTEGER PRIMARY KEY)",
]


def trigrams_of(row: str, source: str = "") -> str:
    """The INSERT of the trigrams of case_file rows: `row` the name of the row ("new" in a
    trigger), `source` a FROM clause naming it (the whole table), or none."""
    texts = [f"SELECT {group} AS g, lower({row}.{column}) AS x {source}"
             for group in (f"'s' || {row}.sop_kode", f"'t' || substr(lower({row}.title), 1, {TITLE_PREFIX})")
             for column in ("number", "title", "requester")]
    return (
        "INSERT OR IGNORE INTO case_trigram (grp, trigram) "
        f"SELECT g, CASE WHEN length(x) > {LONGEST + 2} THEN '' ELSE substr(x, p.n, 3) END "
        f"FROM ({' UNION ALL '.join(texts)}) AS texts CROSS JOIN case_trigram_position AS p "
        f"WHERE p.n <= min(length(x) - 2, {LONGEST})"
    )


TRIGGERS = [
    f"CREATE TRIGGER case_trigram_insert AFTER INSERT ON case_file BEGIN {trigrams_of('new')}; END",
    "CREATE TRIGGER case_trigram_update AFTER UPDATE OF sop_kode, number, title, requester ON case_file "
    f"BEGIN {trigrams_of('new')}; END",
]
POSITIONS = ",".join(str(n) for n in range(1, LONGEST + 1))


def fill(conn: Connection) -> None:
    """The trigrams of every case, as the triggers would insert them (the same statement run
    on 100,000 cases sorts 15 million rows: 45 s; the sets made here from each group's distinct
    texts: 2 s). A text holding a NUL (which SQLite's length() stops at) counts as too long."""
    texts: dict[str, set[str]] = {}
    rows = conn.exec_driver_sql(f"SELECT sop_kode, substr(lower(title), 1, {TITLE_PREFIX}), lower(number), "
                                "lower(title), lower(requester) FROM case_file")
    for sop, prefix, *case_texts in rows:
        for group in (f"s{sop}", f"t{prefix}"):
            texts.setdefault(group, set()).update(case_texts)
    found_rows = []
    for group, distinct in texts.items():
        found: set[str] = set()
        for text in distinct:
            if text is not None and (len(text) > LONGEST + 2 or "\x00" in text):
                found.add("")
            elif text is not None:
                found.update(text[n:n + 3] for n in range(len(text) - 2))
        found_rows += [(group, trigram) for trigram in found]
    if found_rows:  # a new office: none
        conn.exec_driver_sql("INSERT INTO case_trigram (grp, trigram) VALUES (?, ?)", found_rows)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in TABLES:
        op.execute(statement)
    op.execute(f"INSERT INTO case_trigram_position (n) SELECT value FROM json_each('[{POSITIONS}]')")
    fill(op.get_bind())
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("case_trigram_insert", "case_trigram_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_trigram")
    op.execute("DROP TABLE IF EXISTS case_trigram_position")
