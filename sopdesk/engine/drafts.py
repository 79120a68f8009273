"""Drafts of the step form: an unfinished form saved on the open work item.

The draft is JSON in `work_item.draft` (one draft per visit of a step; completing the step
clears it). Only a user who may act on the step may save one; saving is audited. Files
carried over from the step's last visit (a returned step) are kept by attachment id and
name, so restoring the draft does not ask for them again.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sopdesk.engine import audit
from sopdesk.engine.case_steps import MAX_NOTE, checked_item, clean_text, get_case, not_claimed_by_other
from sopdesk.engine.step_input import KeptFile, OutputValue, StepInput, resolve
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.models import WorkItem

log = logging.getLogger("sopdesk.engine")

VERSION = 1
MAX_DRAFT_CHARS = 200_000


def _encode(data: StepInput, kelengkapan: list[str], outputs: list[str], labels: list[str]) -> dict[str, Any]:
    """The form as plain JSON values, item names resolved like `cases.complete` does."""
    files = {resolve(kelengkapan, key, "kelengkapan"): str(path)
             for key, path in data.files.items() if path}
    present = sorted({resolve(kelengkapan, key, "kelengkapan") for key in data.present})
    encoded_outputs: dict[str, dict[str, Any]] = {}
    for key, value in data.outputs.items():
        name = resolve(outputs, key, "output")
        encoded_outputs[name] = {
            "number": clean_text(value.number, 200, f"nomor dokumen {name}"),
            "date": value.date.isoformat() if value.date else None,
            "file": str(value.file) if value.file else None,
            "kept": _encode_kept(value.kept),
        }
    choice = None
    if data.choice:
        if not labels:
            raise UserError("Kegiatan ini bukan keputusan; jangan isi pilihan")
        choice = resolve(labels, data.choice, "pilihan")
    return {
        "version": VERSION,
        "present": present,
        "files": files,
        "kept": {resolve(kelengkapan, key, "kelengkapan"): _encode_kept(scan)
                 for key, scan in data.kept.items() if scan},
        "outputs": encoded_outputs,
        "choice": choice,
        "note": clean_text(data.note, MAX_NOTE, "catatan"),
    }


def _encode_kept(scan: KeptFile | None) -> dict[str, Any] | None:
    """A file carried over from the step's last visit: its attachment id and name."""
    return {"id": int(scan.attachment_id), "name": scan.name} if scan else None


def _decode_kept(value: Any) -> KeptFile | None:
    if not value:
        return None
    return KeptFile(int(value["id"]), str(value.get("name") or ""))


def _decode(payload: dict[str, Any]) -> StepInput:
    outputs = {}
    for name, value in (payload.get("outputs") or {}).items():
        day = value.get("date")
        file = value.get("file")
        outputs[str(name)] = OutputValue(number=value.get("number"),
                                         date=date.fromisoformat(day) if day else None,
                                         file=Path(file) if file else None,
                                         kept=_decode_kept(value.get("kept")))
    return StepInput(
        present=[str(p) for p in payload.get("present") or []],
        files={str(k): Path(v) for k, v in (payload.get("files") or {}).items() if v},
        kept={str(k): scan for k, v in (payload.get("kept") or {}).items() if (scan := _decode_kept(v))},
        outputs=outputs,
        choice=payload.get("choice"),
        note=payload.get("note"),
    )


def save_draft(ws: Workspace, actor: Actor, case_number: str, data: StepInput,
               step: int | None = None) -> None:
    """Store the unfinished form on the case's waiting work item (replacing an older draft).

    Refused (PermissionRefused, nothing changed) for a user who may not act on the step;
    `step`, when given, must be the step the case waits at (Conflict otherwise)."""
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, sop = checked_item(ws, session, actor, case_number, step,
                                              "menyimpan draf kegiatan ini")
        not_claimed_by_other(user, item, session)
        kegiatan = sop.step(item.step_no)
        labels = [p.label for p in kegiatan.keputusan.pilihan] if kegiatan.keputusan else []
        payload = _encode(data, kegiatan.kelengkapan, kegiatan.output, labels)
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        if len(text) > MAX_DRAFT_CHARS:
            raise UserError(f"Draf terlalu besar ({len(text)} karakter; maksimal {MAX_DRAFT_CHARS})")
        item.draft = text
        audit.record(session, at=now, user_id=user.id, action="draft_saved", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, present=payload["present"],
                     outputs=sorted(payload["outputs"]), choice=payload["choice"])


def load_draft(ws: Workspace, case_number: str) -> StepInput | None:
    """The draft saved on the case's waiting step, or None (no draft, or nothing waiting).
    A case that does not exist raises NotFound."""
    with ws.db.reading() as session:
        case = get_case(session, case_number)
        text = session.scalar(
            select(WorkItem.draft).where(WorkItem.case_id == case.id, WorkItem.status == "open")
        )
    if not text:
        return None
    try:
        payload = json.loads(text)
        if not isinstance(payload, dict):
            raise ValueError("not an object")
        return _decode(payload)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        log.warning("unreadable draft of case %s ignored: %s", case_number, exc)
        return None
