"""attachment blobs: the scans of a PostgreSQL office kept in the database (keyed by sha256),
so that a file attached on one desk opens on every other desk

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'attachment_blob',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment_blob')),
    )


def downgrade() -> None:
    op.drop_table('attachment_blob')
