"""catalog import (issue #13): SOPs switched off by the office (sop_disabled), and the stored
SOP revisions say what they used to leave to guesses: every output its kind, the bundled
front doors their entries

The kinds are derived by the rules the program applied before (an output whose name begins
with "Surat", "Nota Dinas", "Undangan" or "SK " was an outgoing letter; one containing
"ekspedisi" or "tanda terima" was a line of the buku ekspedisi), so the cases pinned to these
revisions keep their behaviour; the help-desk and incoming-letter doors of PP and PAW were
wired into the program and are now part of the revisions. The bundled files declare the same.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

LETTER_WORDS = ("surat", "nota dinas", "undangan", "sk ")
EXPEDITION_WORDS = ("ekspedisi", "tanda terima")
# (SOP kode, entry kode or None for the first) -> the front door the program used to wire in
DOORS = {
    ("PP", "tamu"): {"jenis": "tamu", "kode": "permohonan_informasi", "label": "Permohonan informasi publik",
                     "judul": "Permohonan informasi"},
    ("PP", "surat"): {"jenis": "surat", "kode": "permohonan_informasi", "label": "Permohonan informasi",
                      "judul": None},
    ("PAW", None): {"jenis": "surat", "kode": "usulan_paw", "label": "Usulan PAW", "judul": None},
}


def output_kind(name: str) -> str:
    text = name.lower()
    if any(word in text for word in EXPEDITION_WORDS):
        return "ekspedisi"
    spaced = " ".join(text.split()) + " "
    return "surat_keluar" if any(spaced.startswith(word) for word in LETTER_WORDS) else "dokumen"


def upgrade_content(data: dict) -> dict:
    for step in data.get("kegiatan", []):
        step["output"] = [o if isinstance(o, dict) else {"nama": o, "jenis": output_kind(o)}
                          for o in step.get("output", [])]
    for index, entri in enumerate(data.get("entri", [])):
        door = DOORS.get((data.get("kode"), entri.get("kode"))) or (
            DOORS.get((data.get("kode"), None)) if index == 0 else None)
        entri.setdefault("pintu", dict(door) if door else None)
    return data


def downgrade_content(data: dict) -> dict:
    for step in data.get("kegiatan", []):
        step["output"] = [o["nama"] if isinstance(o, dict) else o for o in step.get("output", [])]
    for entri in data.get("entri", []):
        entri.pop("pintu", None)
    return data


def _rewrite(change) -> None:  # noqa: ANN001 - upgrade_content or downgrade_content
    bind = op.get_bind()
    table = sa.table('sop_revision', sa.column('id', sa.Integer), sa.column('content', sa.Text),
                     sa.column('sha256', sa.String))
    for row_id, content in bind.execute(sa.select(table.c.id, table.c.content)).all():
        new = json.dumps(change(json.loads(content)), ensure_ascii=False, separators=(",", ":"))
        if new != content:
            bind.execute(table.update().where(table.c.id == row_id).values(
                content=new, sha256=hashlib.sha256(new.encode()).hexdigest()))


def upgrade() -> None:
    op.create_table(
        'sop_disabled',
        sa.Column('kode', sa.String(length=20), nullable=False),
        sa.Column('disabled_at', sa.DateTime(), nullable=False),
        sa.Column('disabled_by', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['disabled_by'], ['user_account.id'],
                                name=op.f('fk_sop_disabled_disabled_by_user_account')),
        sa.PrimaryKeyConstraint('kode', name=op.f('pk_sop_disabled')),
    )
    _rewrite(upgrade_content)


def downgrade() -> None:
    _rewrite(downgrade_content)
    op.drop_table('sop_disabled')
