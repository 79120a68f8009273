"""Realistic, reproducible demo data across all SOPs: a year of an office's work.

The same seed gives the same cases, people and routes; times are placed in the year before
today so that recent cases are still open (some due, some late). Rows are written in bulk,
every few thousand cases (engine.demo_rows: prepared executemany, each row sealed from the
values written), each batch's cases sealed in their newest audit event and the chain hashed on
from the batch before, all in one transaction, with the progress reported as it goes.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from sopdesk.engine import audit as audit_log
from sopdesk.engine import seal
from sopdesk.engine.audit import GENESIS
from sopdesk.engine.demo_gen import FIRST, GENERATED, LAST, SOP_WEIGHTS, End, Ids, Start, seal_batch, visitor
from sopdesk.engine.demo_pipe import apart_possible, batches
from sopdesk.engine.demo_rows import Writer, indexes_rebuilt_after, search_rebuilt_after
from sopdesk.engine.demo_walk import Remembered
from sopdesk.engine.users import hash_password
from sopdesk.engine.workdays import WorkCalendar
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.models import (
    AuditEvent,
    CaseSequence,
    Office,
    Role,
    User,
    UserRole,
    Visitor,
)
from sopdesk.store.transfer import reset_sequences

DEMO_OFFICE = "KPU Kota Kupang (demo)"
FLUSH_EVERY = 2000  # cases generated between two bulk writes (and progress reports)
WRITER = Writer(GENERATED)


def demo_password() -> str:
    return os.environ.get("SOPDESK_PASSWORD") or "sopdesk-demo"


def role_username(role: str) -> str:
    return role.lower().replace(" ", ".")


def _prepare_office(ws: Workspace, session: Session, now: datetime) -> dict[str, int]:
    office = ws.office(session)
    if office is not None and office.name != DEMO_OFFICE:
        raise UserError("Data contoh hanya boleh diisi ke basis data baru atau basis data demo, "
                        f"bukan ke basis data kantor {office.name}; pakai --data-dir lain")
    new_office = office is None
    if new_office:
        session.add(Office(name=DEMO_OFFICE, address="Jl. Demo No. 1, Kota Kupang",
                           timezone="WITA", created_at=now))
    password_hash = hash_password(demo_password())
    users = {u.username: u for u in session.scalars(select(User))}
    if "admin" not in users:
        users["admin"] = User(username="admin", full_name="Administrator", is_admin=True,
                              active=True, failed_logins=0, password_hash=password_hash,
                              created_at=now)
        session.add(users["admin"])
        session.flush()
    if new_office:  # the users' history as setup and `user add` write it: a restore checks it
        audit_log.record(session, at=now, user_id=users["admin"].id, action="setup",
                         office=DEMO_OFFICE, timezone="WITA")
    roles = {r.name: r for r in session.scalars(select(Role))}
    by_role: dict[str, int] = {}
    for name, role in sorted(roles.items()):
        username = role_username(name)
        if username not in users:
            users[username] = User(username=username, full_name=f"Petugas {name}",
                                   is_admin=False, active=True, failed_logins=0,
                                   password_hash=password_hash, created_at=now)
            session.add(users[username])
            session.flush()
            session.execute(insert(UserRole), [{"user_id": users[username].id, "role_id": role.id}])
            audit_log.record(session, at=now, user_id=users["admin"].id, action="user_added",
                             username=username, roles=[name], is_admin=False)
        by_role[name] = users[username].id
    session.flush()
    by_role["admin"] = users["admin"].id
    return by_role


def build_demo(ws: Workspace, cases: int = 500, seed: int = 1,
               progress: Callable[[int, int], None] | None = None, apart: bool | None = None) -> str:
    """Fill the office with `cases` demo cases; `progress(done, total)` is called as they are
    written (every FLUSH_EVERY cases and at the end). The cases are made in a worker process
    while the batch before is written (engine.demo_pipe) when `apart`, by default when there is
    more than one batch; the office is the same either way."""
    rng = random.Random(seed)
    real_now = ws.clock()
    ws.reset_calendar()
    with ws.db.transaction() as session:
        users = _prepare_office(ws, session, real_now)
    ws.reset_calendar()
    cal = Remembered(ws.calendar)
    today = cal.local(real_now).replace(hour=0, minute=0, second=0, microsecond=0)
    if apart is None:
        apart = cases > FLUSH_EVERY and apart_possible()
    counts: Counter[str] = Counter()
    with (ws.db.transaction() as session, search_rebuilt_after(session.connection()),
          indexes_rebuilt_after(session.connection(), [model.__tablename__ for model in GENERATED])):
        seqs = {(s.kode, s.year): s for s in session.scalars(select(CaseSequence))}
        start = Start(
            cases=cases, flush_every=FLUSH_EVERY, rng=rng, cal=cal, users=users, now=real_now, today=today,
            sops={kode: ws.current_revision(session, kode) for kode in SOP_WEIGHTS},
            next_ids={m: (session.scalar(select(func.max(m.__table__.c.id))) or 0) + 1 for m in GENERATED},
            seqs={key: s.last for key, s in seqs.items()})
        head = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
        conn = session.connection()
        end = None
        with closing(batches(start, apart)) as made_batches:  # a failed insert ends the worker at once
            for made in made_batches:
                if isinstance(made, End):
                    end = made
                    continue
                head = seal_batch(made, head)
                for model, columns in made.tables:
                    WRITER.insert(conn, model, columns)
                counts.update(made.counts)
                if progress is not None:
                    progress(made.done, cases)
        assert end is not None  # generate's last item
        for (kode, year), last in end.seqs.items():
            if (kode, year) in seqs:
                seqs[(kode, year)].last = last
            else:
                session.add(CaseSequence(kode=kode, year=year, last=last))
        session.flush()
        extra = _visitors_without_case(session, Ids(end.next_ids), users, today, real_now, end.rng, cal)
        # rows written with their own ids leave PostgreSQL's sequences behind: without this the
        # first login after the demo fails on a duplicate audit event id
        reset_sequences(session.connection())
    with ws.db.transaction() as session:  # the office, its users and the guests without a case
        seal.touch(session, "office", *session.scalars(select(Office.id)))
        seal.touch(session, "user_account", *session.scalars(select(User.id)))
        seal.touch(session, "visitor", *extra)
        audit_log.record(session, at=ws.clock(), user_id=users["admin"], action="demo_created",
                         cases=counts["cases"], seed=seed)
    return (f"{counts['cases']} kasus contoh dibuat ({counts['open']} masih berjalan), "
            f"{counts['items']} kegiatan, {counts['visitors']} tamu. "
            f"Masuk sebagai 'admin' atau pengguna per peran (mis. 'kasubag', 'help.desk') "
            f"dengan kata sandi '{demo_password()}'.")


def _visitors_without_case(session: Session, ids: Ids, users: dict[str, int], today: datetime, now: datetime,
                           rng: random.Random, cal: WorkCalendar) -> list[int]:
    """Guests who came to meet someone (no case), a few per working day of the last month;
    returns their numbers."""
    rows = []
    for back in range(30):
        day = today - timedelta(days=back)
        if not cal.is_working_day(day.date()):
            continue
        for _ in range(rng.randint(1, 4)):
            at = day + timedelta(hours=rng.randint(8, 15), minutes=rng.randint(0, 59))
            if at < now:
                person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                row = visitor(ids(Visitor), at, users["Help Desk"], person, None, rng, "bertamu")
                row["purpose_text"] = "Bertemu Sekretaris"
                rows.append(row)
    if rows:
        session.execute(insert(Visitor), rows)
    return [row["id"] for row in rows]
