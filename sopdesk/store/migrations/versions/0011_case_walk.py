"""the case list searched for a broad word and sorted by another column (issue #15): on SQLite,
an index per sorted column in the case list's order that also holds the searched texts
(number, title, requester) and the filtered columns, so that a search matching half the cases
reads the index in order and stops at the page's end instead of sorting 50,000 matches for each
page (engine.case_list); and a partial index of the cases whose text holds a character that
FTS5 folds into ASCII (store.text_search.FOLD_ROWS), where LIKE and FTS5 could disagree. The
title's and requester's sort indexes of migration 0007 give way on SQLite: the new ones serve the
same orders (SQLite chose them already). PostgreSQL answers the search from its trigram indexes
and is left as it is.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# a migration keeps its own copy of store.text_search's definitions (they may change after it)
COVERED = "id, sop_kode, status, rahasia, number, title, requester"
WALKS = {
    "ix_case_file_walk_sop": "sop_kode",
    "ix_case_file_walk_title": "lower(title)",
    "ix_case_file_walk_requester": "(requester IS NULL), lower(requester)",
    "ix_case_file_walk_requester_desc": "(requester IS NULL) DESC, lower(requester)",
    "ix_case_file_walk_status": "status",
    "ix_case_file_walk_started": "started_at",
}
FOLD_GLOB = "'*[\u212a\u017f]*'"
FOLD_ROWS = f"number GLOB {FOLD_GLOB} OR title GLOB {FOLD_GLOB} OR requester GLOB {FOLD_GLOB}"
SUPERSEDED = {  # migration 0007's, as it made them
    "ix_case_file_sort_title": "lower(title), id",
    "ix_case_file_sort_requester": "(requester IS NULL), lower(requester), id",
    "ix_case_file_sort_requester_desc": "(requester IS NULL) DESC, lower(requester), id",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, key in WALKS.items():
        op.execute(f"CREATE INDEX {name} ON case_file ({key}, {COVERED})")
    op.execute(f"CREATE INDEX ix_case_file_fold_ascii ON case_file (id) WHERE {FOLD_ROWS}")
    for name in SUPERSEDED:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, key in SUPERSEDED.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON case_file ({key})")
    for name in (*WALKS, "ix_case_file_fold_ascii"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
