"""The append-only audit log, hash-chained: each event carries the previous event's hash.

The last event of every write transaction is also sealed with the digests of the records the
transaction changed (engine.seal) and marked with the anchor's key (`with_mark`: what lets the
anchor be written once, after the commit), just before the commit, and the chain's new head is
written beside the database (engine.anchor): see `_finish`."""

from __future__ import annotations

import hashlib
import hmac
import json
import weakref
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, exists, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.engine import anchor, json_text, seal
from sopdesk.engine.anchor import Head
from sopdesk.store import locks
from sopdesk.store.db import COMMIT_HOOKS
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import AuditEvent

GENESIS = "0" * 64
# The canonical form of an event's fields: `json.dumps(fields, ensure_ascii=False,
# separators=(",", ":"))`, the encoder built once (json.dumps builds one per call when given
# options; event_hash runs several times per action and over every event in `sopdesk check`).
_CANONICAL = json_text.encoder(ensure_ascii=False, separators=(",", ":"))
# an event's detail: `json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)`, built once
_DETAIL = json_text.encoder(ensure_ascii=False, sort_keys=True, default=str)


def event_hash(prev_hash: str, at: datetime, user_id: int | None, action: str,
               case_id: int | None, work_item_id: int | None, step_no: int | None,
               detail: str, sealed: str | None = None) -> str:
    return _sealed_hash(_opening(prev_hash, at, user_id, action, case_id, work_item_id, step_no, detail), sealed)


def _opening(prev_hash: str, at: datetime, user_id: int | None, action: str, case_id: int | None,
             work_item_id: int | None, step_no: int | None, detail: str) -> str:
    """The canonical form of an event's fields before `sealed`, its closing bracket left off: a
    JSON list is its items joined by the separator, so the hash with and without `sealed` (an
    event marked: hashed unmarked, then marked) share this part, encoded once."""
    return _CANONICAL([prev_hash, at.isoformat(), user_id, action, case_id, work_item_id, step_no, detail])[:-1]


def _sealed_hash(opening: str, sealed: str | None) -> str:
    """event_hash from its `_opening`; an event without a seal hashes as events always did."""
    text = opening + "]" if sealed is None else f"{opening},{_CANONICAL(sealed)}]"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_hash(event: AuditEvent) -> str:
    """The hash an event's stored fields give, its seal included (what `sopdesk check`
    recomputes); for a test or a tool that verifies the chain row by row."""
    return event_hash(event.prev_hash, event.at.astimezone(timezone.utc), event.user_id, event.action,
                      event.case_id, event.work_item_id, event.step_no, event.detail, event.sealed)


LAST_HASH = select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
LAST_EVENT = select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
NEWEST = (select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.action,
                 AuditEvent.case_id, AuditEvent.work_item_id, AuditEvent.step_no,
                 AuditEvent.detail, AuditEvent.prev_hash, AuditEvent.hash)
          .order_by(AuditEvent.id.desc()).limit(1))
RESEAL = (update(AuditEvent).where(AuditEvent.id == bindparam("event_id"))
          .values(sealed=bindparam("sealed_text"), hash=bindparam("new_hash")))
_LATER = AuditEvent.__table__.alias("later")
# the same, only while the event is still the newest (no event was appended after it some other
# way than `record` in the same transaction): the event `record` remembered, not read again
RESEAL_NEWEST = RESEAL.where(~exists().where(_LATER.c.id > bindparam("event_id")))
# the event's id from the driver (store.direct's insert: lastrowid on SQLite, where a RETURNING
# costs a temporary table per statement, more than the insert itself)
APPEND = insert(AuditEvent)


def record(session: Session | DirectTx, *, at: datetime, user_id: int | None, action: str,
           case_id: int | None = None, work_item_id: int | None = None,
           step_no: int | None = None, final: bool = False, **detail: Any) -> str:
    """Append one event in the caller's transaction (an ORM session or a direct one);
    return its hash. The chain head is read under the chain's lock (held to the end of the
    transaction), so two desks never link to the same previous event. Its statements run on
    the raw cursor (store.direct) either way: a session's pending changes are flushed first, as
    its own query would have. `final`: the caller writes nothing more before the commit, so the
    event is inserted sealed and marked at once (`_finish` then has nothing to write unless
    something was noted after all)."""
    tx = session if isinstance(session, DirectTx) else DirectTx.of(session)
    try:
        locks.hold(tx, locks.AUDIT_CHAIN)
        state = seal.pending(tx.connection)
        if state.events and state.last is not None:
            # the event this transaction recorded last is the head: only `record` appends, under
            # the chain's lock held to the commit (an event the ORM adds forgets it: seal._noted)
            prev = state.last[-1]
        else:
            last = tx.execute(LAST_EVENT).first()
            prev = last[1] if last else GENESIS
            if state.events == 0:
                state.before = Head(last[0], last[1]) if last else Head(0, "")
        state.events += 1
        at = at.astimezone(timezone.utc)
        text = _DETAIL(detail)
        fields = (prev, at, user_id, action, case_id, work_item_id, step_no, text)
        values = dict(at=at, user_id=user_id, action=action, case_id=case_id,
                      work_item_id=work_item_id, step_no=step_no, detail=text, prev_hash=prev)
        signer = None
        sealed = None
        opening = _opening(*fields)
        if final and not state.everything:
            signer = anchor.signing_key(_shown_url(tx.connection.engine))
            sealed = _marked(opening, seal.seal_text(tx.connection, state, tx), signer)
            if sealed is not None:
                values["sealed"] = sealed
        digest = values["hash"] = _sealed_hash(opening, sealed)
        event_id = tx.insert(APPEND, values)
        state.last = (event_id, at, user_id, action, case_id, work_item_id, step_no, text, prev, digest)
        if final and not state.everything:
            state.sealed = (event_id, state.changes, signer)
    finally:
        if tx is not session:
            tx.close()
    return digest


def _finish(conn: Connection) -> dict[str, Head] | None:
    """Just before a write transaction commits (store.db.COMMIT_HOOKS): seal its last audit
    event with the rows it changed and hash that event again; return the chain's head before
    and after the transaction (for the anchor), None when it recorded no event. Its statements
    run on the raw cursor (store.direct): they are part of every action."""
    state = seal.take(conn)
    if state is None or not state.events:
        return None
    if state.sealed is not None and state.last is not None and state.sealed[:2] == (state.last[0], state.changes):
        sealed_head = Head(state.last[0], state.last[-1])  # inserted sealed (`record`, final), nothing since
        if state.sealed[2] is not None:
            anchor.note_marked(_shown_url(conn.engine), state.sealed[2][0], sealed_head)
        return {"before": state.before, "head": sealed_head}
    tx = DirectTx(conn)
    try:
        sealed = seal.seal_text(conn, state, tx)
        database = _shown_url(conn.engine)
        signer = anchor.signing_key(database)
        head = _seal_newest(tx, state.last, sealed, signer)  # the event `record` wrote last
        if head is None:  # an event appended after it some other way: the newest as stored
            head = _seal_newest(tx, tx.execute(NEWEST).first(), sealed, signer)
        assert head is not None  # the newest event, read in this transaction, is the newest
        if signer is not None:
            anchor.note_marked(database, signer[0], head)
        return {"before": state.before, "head": head}
    finally:
        tx.close()


def _seal_newest(tx: DirectTx, row: tuple[Any, ...] | None, sealed: str | None,
                 signer: tuple[Any, bytes] | None) -> Head | None:
    """Seal the event of `row` (NEWEST's columns) with `sealed`, marked with the signer's key,
    and hash it again, while it is the chain's newest event; its new head, None when it is not
    (or `row` is None)."""
    if row is None:
        return None
    event_id, at, user_id, action, case_id, work_item_id, step_no, detail, prev_hash, stored = row
    opening = _opening(prev_hash, at.astimezone(timezone.utc), user_id, action, case_id, work_item_id, step_no,
                       detail)
    sealed = _marked(opening, sealed, signer)
    if sealed is None:  # nothing to seal nor mark: the newest event as it is, read to be sure
        newest = tx.execute(LAST_EVENT).first()
        return Head(event_id, stored) if newest is not None and newest[0] == event_id else None
    digest = _sealed_hash(opening, sealed)
    done = tx.execute(RESEAL_NEWEST, {"event_id": event_id, "sealed_text": sealed, "new_hash": digest})
    return Head(event_id, digest) if done.rowcount == 1 else None


def _marked(opening: str, sealed: str | None, signer: tuple[Any, bytes] | None) -> str | None:
    """The `sealed` text of an event whose fields give `opening` (`_opening`), marked with the
    signer's key over the event as it would be unmarked; as it is without a signer."""
    if signer is None:
        return sealed
    return with_mark(sealed, anchor.event_mark(signer[1], _sealed_hash(opening, sealed)))


COMMIT_HOOKS.append(_finish)

_shown: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()  # engine -> its URL as shown


def _shown_url(engine: Engine) -> str:
    """The database's URL as Database.url shows it (the anchor's and the key's name for it),
    rendered once per engine (its URL never changes) rather than at every commit: looked up
    by the engine, as hashing a URL renders it again."""
    shown = _shown.get(engine)
    if shown is None:
        shown = _shown[engine] = engine.url.render_as_string(hide_password=True)
    return shown


# --- the mark: the last event of a transaction keyed with the anchor's key ------------------------
MARK = "~"  # sorts after every table name: the seal's JSON stays in sorted order with it


def with_mark(sealed: str | None, mark: str) -> str:
    """The `sealed` text with the mark added (the seal's own JSON, sort_keys and compact)."""
    entry = f'"{MARK}":"{mark}"'
    return "{" + entry + "}" if sealed is None else sealed[:-1] + "," + entry + "}"


def without_mark(sealed: str | None) -> tuple[str | None, str | None]:
    """(the `sealed` text as it was before the mark, the mark); the mark None when there is none
    or the text is not a seal."""
    if not sealed or f'"{MARK}":' not in sealed:
        return sealed, None
    try:
        data = json.loads(sealed)
        mark = data.pop(MARK)
    except (ValueError, KeyError, AttributeError, TypeError):
        return sealed, None
    rest = json.dumps(data, sort_keys=True, separators=(",", ":")) if data else None
    return rest, str(mark)


def carries_mark(event: AuditEvent, key: bytes) -> bool:
    """Whether an event carries the mark of `key` over its own fields (and its hash is right)."""
    unsealed, mark = without_mark(event.sealed)
    if mark is None or event.hash != stored_hash(event):
        return False
    unmarked = event_hash(event.prev_hash, event.at.astimezone(timezone.utc), event.user_id, event.action,
                          event.case_id, event.work_item_id, event.step_no, event.detail, unsealed)
    return hmac.compare_digest(mark, anchor.event_mark(key, unmarked))


# What each action of the log is called in words: the case history on screen, the lembar kendali
# kasus and the command line show these, never the codes (the GUI translates them). Every action
# the program records has its label (tests/test_audit_labels.py reads the sources to check).
ACTION_LABELS = {
    "case_started": "Kasus dimulai",
    "catalog_added": "SOP ditambahkan ke katalog kantor",  # issue #13 (catalog import)
    "sop_disabled": "SOP dinonaktifkan",  # issue #13
    "sop_enabled": "SOP diaktifkan kembali",  # issue #13
    "step_completed": "Kegiatan selesai",
    "step_confirmed": "Kegiatan bersama disetujui, diteruskan ke pelaksana berikutnya",  # issue #13
    "deadline_extended": "Tenggat diperpanjang",  # issue #13
    "step_returned": "Dikembalikan",
    "case_cancelled": "Kasus dibatalkan",
    "claimed": "Diambil",
    "released": "Dilepas",
    "assigned": "Dialihkan",
    "draft_saved": "Draf disimpan",
    "visitor_registered": "Tamu dicatat",
    "letter_in_registered": "Surat masuk dicatat",
    "letter_in_corrected": "Surat masuk dikoreksi",
    "letter_in_voided": "Surat masuk dibatalkan",
    "letter_out_registered": "Surat keluar dicatat",
    "letter_out_corrected": "Surat keluar dikoreksi",
    "letter_out_voided": "Surat keluar dibatalkan",
    "disposition_recorded": "Disposisi dicatat",
    "expedition_added": "Dicatat di buku ekspedisi",
    "expedition_received": "Tanda terima ekspedisi dicatat",
    "expedition_corrected": "Entri buku ekspedisi dikoreksi",
    "expedition_voided": "Entri buku ekspedisi dibatalkan",
    "letter_settings_changed": "Pengaturan nomor surat diubah",
    "report_visitors": "Buku tamu dicetak",
    "report_receipt": "Tanda bukti permohonan dicetak",
    "setup": "Kantor disiapkan",
    "office_updated": "Profil kantor diubah",
    "holiday_added": "Hari libur kantor ditambahkan",
    "user_added": "Pengguna ditambahkan",
    "user_activated": "Pengguna diaktifkan",
    "user_deactivated": "Pengguna dinonaktifkan",
    "roles_changed": "Peran pengguna diubah",
    "password_reset": "Kata sandi diatur ulang",
    "login": "Masuk",
    "login_failed": "Gagal masuk",
    "backup_made": "Cadangan dibuat",
    "backup_restored": "Cadangan dipulihkan",
    "backup_settings_changed": "Pengaturan cadangan diubah",
    "demo_created": "Data contoh dibuat",
    "tamper_acknowledged": "Temuan pemeriksaan keutuhan dilihat administrator",
    "records_sealed": "Catatan yang ada disegel ke log audit",
}


def action_label(action: str) -> str:
    """The action in words; an action this program does not know (a newer one wrote it) is
    shown as its code with the underscores as spaces rather than not at all."""
    return ACTION_LABELS.get(action, action.replace("_", " ").capitalize())
