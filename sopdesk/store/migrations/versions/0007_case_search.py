"""case search and sort (issue #15): the case list searched through the store's own text
search and sorted by index instead of reading and sorting every case for each page

- SQLite: `case_search`, an FTS5 table with the trigram tokenizer over case_file's number,
  title and requester (external content: the text stays in case_file; rowid = case_file.id),
  filled from the existing cases and kept in step by three triggers on case_file. A search of
  three characters or more is a MATCH of the phrase (a substring, letter case ignored).
- PostgreSQL: the pg_trgm extension and a GIN trigram index on each of those columns, which
  the case list's `ILIKE '%...%'` uses as it is. A server that refuses the extension (no
  postgresql-contrib) keeps working without them: the search then reads the table as before.
- Both: an index for each sortable column of the case list, with the id as the tie-break;
  the text sorts on the lower-cased text and a missing requester after the others, both ways.
- Both: the work items by completion time, covering what the performance report reads of them.

A later migration that rebuilds case_file in SQLite's batch mode drops its triggers and the
expression indexes with the old table: it must create them again (see store.text_search).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

FTS_ROW = "(rowid, number, title, requester) VALUES (new.id, new.number, new.title, new.requester)"
FTS_FORGET = ("(case_search, rowid, number, title, requester) "
              "VALUES ('delete', old.id, old.number, old.title, old.requester)")
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE case_search USING fts5(number, title, requester, content='case_file', "
    "content_rowid='id', tokenize='trigram')",
    "INSERT INTO case_search(case_search) VALUES ('rebuild')",
    f"CREATE TRIGGER case_search_insert AFTER INSERT ON case_file BEGIN INSERT INTO case_search {FTS_ROW}; END",
    f"CREATE TRIGGER case_search_delete AFTER DELETE ON case_file BEGIN INSERT INTO case_search {FTS_FORGET}; END",
    "CREATE TRIGGER case_search_update AFTER UPDATE OF number, title, requester ON case_file BEGIN "
    f"INSERT INTO case_search {FTS_FORGET}; INSERT INTO case_search {FTS_ROW}; END",
]
TRIGRAM = ("number", "title", "requester")
SORTS = [
    "CREATE INDEX ix_case_file_sort_title ON case_file (lower(title), id)",
    "CREATE INDEX ix_case_file_sort_requester ON case_file ((requester IS NULL), lower(requester), id)",
    "CREATE INDEX ix_case_file_sort_requester_desc ON case_file ((requester IS NULL) DESC, lower(requester), id)",
]


def upgrade() -> None:
    bind = op.get_bind()
    op.drop_index('ix_case_file_status', table_name='case_file')  # (status, id) below replaces it
    op.create_index('ix_case_file_sort_sop', 'case_file', ['sop_kode', 'id'])
    op.create_index('ix_case_file_sort_status', 'case_file', ['status', 'id'])
    op.create_index('ix_case_file_sort_started', 'case_file', ['started_at', 'id'])
    op.create_index('ix_work_item_completed', 'work_item',
                    ['completed_at', 'status', 'step_no', 'case_id', 'created_at', 'due_at'])
    for statement in SORTS:
        op.execute(statement)
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except sa.exc.DBAPIError as exc:  # no contrib package, or no right to create it
            log.warning("pg_trgm not available (%s): the case search reads the whole table", exc.orig)
            return
        for column in TRIGRAM:
            op.execute(f"CREATE INDEX ix_case_file_trgm_{column} ON case_file USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("case_search_insert", "case_search_delete", "case_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS case_search")
    else:
        for column in TRIGRAM:
            op.execute(f"DROP INDEX IF EXISTS ix_case_file_trgm_{column}")
    for name in ("ix_case_file_sort_title", "ix_case_file_sort_requester", "ix_case_file_sort_requester_desc"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index('ix_work_item_completed', 'work_item')
    op.drop_index('ix_case_file_sort_started', 'case_file')
    op.drop_index('ix_case_file_sort_status', 'case_file')
    op.drop_index('ix_case_file_sort_sop', 'case_file')
    op.create_index('ix_case_file_status', 'case_file', ['status'])
