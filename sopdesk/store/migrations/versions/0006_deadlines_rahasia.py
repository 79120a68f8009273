"""deadlines and confidentiality (issue #13): a case can be confidential (case_file.rahasia:
its perihal is shown only to the roles on its chain and administrators), and a case deadline
can be extended (case_deadline.extensions, how many times; first_due_at, the date before the
first extension)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy of tables other rows refer to, see 0003)
    op.add_column('case_file', sa.Column('rahasia', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.add_column('case_deadline', sa.Column('extensions', sa.Integer(), nullable=False,
                                             server_default='0'))
    op.add_column('case_deadline', sa.Column('first_due_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case_deadline', schema=None) as batch_op:
        batch_op.drop_column('first_due_at')
        batch_op.drop_column('extensions')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_column('rahasia')
