"""The append-only audit log, hash-chained: each event carries the previous event's hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sopdesk.store.direct import DirectTx
from sopdesk.store.models import AuditEvent

GENESIS = "0" * 64


def event_hash(prev_hash: str, at: datetime, user_id: int | None, action: str,
               case_id: int | None, work_item_id: int | None, step_no: int | None,
               detail: str) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), user_id, action, case_id, work_item_id, step_no, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


LAST_HASH = select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
APPEND = insert(AuditEvent)


def record(session: Session | DirectTx, *, at: datetime, user_id: int | None, action: str,
           case_id: int | None = None, work_item_id: int | None = None,
           step_no: int | None = None, **detail: Any) -> str:
    """Append one event in the caller's transaction (an ORM session or a direct one);
    return its hash."""
    prev = session.scalar(LAST_HASH)
    prev = prev or GENESIS
    at = at.astimezone(timezone.utc)
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    values = dict(at=at, user_id=user_id, action=action, case_id=case_id,
                  work_item_id=work_item_id, step_no=step_no, detail=text, prev_hash=prev,
                  hash=event_hash(prev, at, user_id, action, case_id, work_item_id, step_no,
                                  text))
    session.execute(APPEND, [values])
    return values["hash"]
