"""voids: an incoming letter, an outgoing letter or a buku ekspedisi entry can be voided
(voided_at, voided_by, void_reason); the row and its number stay

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = ('incoming_letter', 'outgoing_letter', 'expedition')


def upgrade() -> None:
    # On SQLite a plain ADD COLUMN with the foreign key inline, not batch mode: a batch would
    # copy and drop these tables, and SQLite refuses to drop a table that other rows refer to
    # (foreign_keys=ON), while Alembic has no ALTER for a constraint there.
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in TABLES:
        fk = op.f(f'fk_{table}_voided_by_user_account')
        op.add_column(table, sa.Column('voided_at', sa.DateTime(), nullable=True))
        if sqlite:
            op.execute(f'ALTER TABLE {table} ADD COLUMN voided_by INTEGER '
                       f'CONSTRAINT {fk} REFERENCES user_account (id)')
        else:
            op.add_column(table, sa.Column('voided_by', sa.Integer(), nullable=True))
            op.create_foreign_key(fk, table, 'user_account', ['voided_by'], ['id'])
        op.add_column(table, sa.Column('void_reason', sa.String(length=1000), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_voided_by_user_account'), type_='foreignkey')
            batch_op.drop_column('void_reason')
            batch_op.drop_column('voided_by')
            batch_op.drop_column('voided_at')
