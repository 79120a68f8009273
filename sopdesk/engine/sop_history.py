"""An SOP as printed or reported: the catalog's current revision, or an earlier revision the
database keeps (a case runs on the revision it started with, and the SOP printout may show
any stored revision)."""

from __future__ import annotations

import json

from sqlalchemy import select

from sopdesk.catalog.schema import Sop
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import NotFound
from sopdesk.store.models import SopRevision


def load_sop(ws: Workspace, kode: str, revisi: int | None = None) -> Sop:
    """The catalog's current SOP, or a stored earlier revision (cases keep theirs)."""
    kode = str(kode or "").strip().upper()
    if revisi is None:
        try:
            return ws.catalog.sop(kode)
        except KeyError as exc:
            raise NotFound(exc.args[0]) from None
    with ws.db.reading() as session:
        content = session.scalar(select(SopRevision.content).where(SopRevision.kode == kode,
                                                                   SopRevision.revisi == revisi))
    if content is None:
        raise NotFound(f"SOP {kode} revisi {revisi} tidak tersimpan")
    return Sop.model_validate(json.loads(content))
