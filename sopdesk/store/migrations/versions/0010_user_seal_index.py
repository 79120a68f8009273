"""the events that seal user accounts, indexed (issue #15): a login checks the user's record
against the user's newest seal in the audit log (engine.tamper), and found it by reading the
log newest first until an event sealing user_account rows came: at 100,000 cases the whole
audit table (hundreds of MB when the file is not in the OS cache). A partial index holds only
the events whose seal has user_account rows, so the newest of them is found in the index.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# the same text as sopdesk.store.models.USER_SEAL_EVENTS (a migration keeps its own copy: the
# models may change after it)
USER_SEAL_EVENTS = "sealed LIKE '%\"user_account\":{%'"


def upgrade() -> None:
    op.create_index('ix_audit_event_user_seal', 'audit_event', ['id'], unique=False,
                    sqlite_where=sa.text(USER_SEAL_EVENTS), postgresql_where=sa.text(USER_SEAL_EVENTS))


def downgrade() -> None:
    op.drop_index('ix_audit_event_user_seal', table_name='audit_event')
