"""Realistic, reproducible demo data across all SOPs: a year of an office's work.

The same seed gives the same cases, people and routes; times are placed in the year before
today so that recent cases are still open (some due, some late). Rows are written in bulk,
every few thousand cases (engine.demo_rows: prepared executemany, each row sealed from the
values written), each batch's cases sealed in their newest audit event and the chain hashed on
from the batch before, all in one transaction, with the progress reported as it goes.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from sopdesk.catalog import Sop
from sopdesk.engine import audit as audit_log
from sopdesk.engine import seal
from sopdesk.engine.audit import GENESIS, event_hash
from sopdesk.engine.demo_rows import Writer, search_rebuilt_after
from sopdesk.engine.demo_walk import Plan, Remembered, Row, Rows, office_hours, walk
from sopdesk.engine.users import hash_password
from sopdesk.engine.workdays import WorkCalendar
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.models import (
    AuditEvent,
    Base,
    Case,
    CaseDeadline,
    CaseSequence,
    ChecklistEntry,
    Document,
    Office,
    Role,
    User,
    UserRole,
    Visitor,
    WorkItem,
)
from sopdesk.store.transfer import reset_sequences

DEMO_OFFICE = "KPU Kota Kupang (demo)"
SOP_WEIGHTS = {"PP": 50, "TKS": 25, "RAKOR": 15, "PAW": 10}
FIRST = ("Maria", "Yohanes", "Agustinus", "Fransiska", "Yosef", "Siti", "Ahmad", "Dewi",
         "Stefanus", "Elisabeth", "Rudi", "Nur", "Paulus", "Theresia", "Imanuel", "Rahmat",
         "Kristina", "Benediktus", "Aisyah", "Wayan")
LAST = ("Ndun", "Manafe", "Bria", "Lay", "Tefa", "Nenobais", "Fanggidae", "Ratu", "Kolo",
        "Suryadi", "Hidayat", "Lestari", "Pello", "Djami", "Seran", "Bere", "Tallo", "Sabu",
        "Nggadas", "Wungo")
INSTITUTIONS = ("Universitas Nusa Cendana", "Pos Kupang", "Bawaslu Kota Kupang",
                "LSM Peduli Pemilu NTT", "Partai Politik (pengurus kota)", "Mahasiswa",
                "Victory News", "Perorangan", "Pemerintah Kota Kupang", "Universitas Katolik Widya Mandira")
INFO_TOPICS = ("Data DPT per kelurahan Pemilu 2024", "Hasil rekapitulasi suara tingkat kota",
               "Daftar calon tetap anggota DPRD Kota", "Salinan Keputusan KPU tentang penetapan kursi",
               "Jadwal tahapan Pemilihan 2024", "Data penyandang disabilitas dalam DPT",
               "Laporan dana kampanye peserta pemilu", "Profil badan ad hoc PPK dan PPS")


FLUSH_EVERY = 2000  # cases generated between two bulk writes (and progress reports)
SEALED_MODELS = (Case, WorkItem, ChecklistEntry, Document, Visitor, CaseDeadline)  # parents first
WRITER = Writer((*SEALED_MODELS, AuditEvent))


def demo_password() -> str:
    return os.environ.get("SOPDESK_PASSWORD") or "sopdesk-demo"


def role_username(role: str) -> str:
    return role.lower().replace(" ", ".")


class _Ids:
    """Hands out primary keys so that related rows can be written in bulk."""

    def __init__(self, session: Session, models: Sequence[type[Base]]):
        self.next = {m: count((session.scalar(select(func.max(m.__table__.c.id))) or 0) + 1) for m in models}

    def __call__(self, model: type[Base]) -> int:
        return next(self.next[model])


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


SEAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":")).encode  # as json.dumps, built once
DETAIL_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
RECENT = 8  # the newest cases start on the last two working days: a demo always has open cases
HOLD = ("Kasubag", "Sekretaris")  # the newest cases wait on these roles in turn (steps of theirs in every SOP)


def build_demo(ws: Workspace, cases: int = 500, seed: int = 1,
               progress: Callable[[int, int], None] | None = None) -> str:
    """Fill the office with `cases` demo cases; `progress(done, total)` is called as they are
    written (every FLUSH_EVERY cases and at the end)."""
    rng = random.Random(seed)
    real_now = ws.clock()
    ws.reset_calendar()
    with ws.db.transaction() as session:
        users = _prepare_office(ws, session, real_now)
    ws.reset_calendar()
    cal = Remembered(ws.calendar)
    today = cal.local(real_now).replace(hour=0, minute=0, second=0, microsecond=0)
    now = real_now
    sops: dict[str, tuple[int, Sop]] = {}
    with ws.db.transaction() as session, search_rebuilt_after(session.connection()):
        for kode in SOP_WEIGHTS:
            sops[kode] = ws.current_revision(session, kode)
        plans = {kode: Plan(sop) for kode, (_rev, sop) in sops.items()}
        ids = _Ids(session, [Case, WorkItem, ChecklistEntry, Document, AuditEvent, Visitor,
                             CaseDeadline])
        prev_hash: str = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
        seqs = {(s.kode, s.year): s for s in session.scalars(select(CaseSequence))}
        starts = sorted(
            today - timedelta(days=365) + timedelta(seconds=rng.uniform(0, 365 * 86400))
            for _ in range(cases)
        )
        first_recent = len(starts) - min(cases, RECENT)
        starts[first_recent:] = _recent_starts(cal, now, rng, min(cases, RECENT))
        rows: Rows = {m: [] for m in (Case, WorkItem, ChecklistEntry, Document,
                                                        AuditEvent, Visitor, CaseDeadline)}
        kodes, weights = zip(*SOP_WEIGHTS.items(), strict=True)
        last_event: dict[int, int] = {}  # case id -> index of its newest event (in this batch)
        counts = {"cases": 0, "open": 0, "items": 0, "visitors": 0}

        def write(done: int) -> None:
            """This batch: its rows, then its cases sealed in their newest events and the chain
            hashed on (_seal_cases), then the events; the batch is then let go."""
            nonlocal prev_hash
            counts["cases"] += len(rows[Case])
            counts["open"] += sum(1 for c in rows[Case] if c["status"] == "open")
            counts["items"] += len(rows[WorkItem])
            counts["visitors"] += len(rows[Visitor])
            session.flush()  # the ORM's pending rows (case sequences)
            conn = session.connection()
            digests = {model.__tablename__: WRITER.write(conn, model, rows[model]) for model in SEALED_MODELS}
            prev_hash = _seal_cases(rows, digests, last_event, prev_hash)
            WRITER.write(conn, AuditEvent, rows[AuditEvent])
            for data in rows.values():
                data.clear()
            last_event.clear()
            if progress is not None:
                progress(done, cases)

        def audit(at: datetime, user: int, action: str, case_id: int, item_id: int | None,
                  step: int | None, **detail: Any) -> None:
            at = at.astimezone(real_now.tzinfo)
            text = DETAIL_JSON(detail)
            rows[AuditEvent].append({"id": ids(AuditEvent), "at": at, "user_id": user,
                                     "action": action, "case_id": case_id,
                                     "work_item_id": item_id, "step_no": step, "detail": text,
                                     "prev_hash": None, "hash": None, "sealed": None})  # _seal_cases
            last_event[case_id] = len(rows[AuditEvent]) - 1

        for done, start in enumerate(starts):
            if done and done % FLUSH_EVERY == 0:
                write(done)
            start = office_hours(cal, start, rng)
            if start >= now:
                continue
            kode = rng.choices(kodes, weights)[0]
            rev_id, sop = sops[kode]
            plan = plans[kode]
            entry = rng.choice(sop.entri)
            year = cal.local(start).year
            seq = seqs.get((kode, year))
            if seq is None:
                seq = seqs[(kode, year)] = CaseSequence(kode=kode, year=year, last=0)
                session.add(seq)
            seq.last += 1
            number = f"{kode}/{year}/{seq.last:04d}"
            case_id = ids(Case)
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            title, requester = _title(kode, entry.kode, person, rng)
            starter = users[plan.steps[entry.kegiatan].role]
            case = {"id": case_id, "number": number, "sop_kode": kode, "sop_revision_id": rev_id,
                    "entry": entry.kode, "title": title, "requester": requester,
                    "status": "open", "started_at": start, "started_by": starter,
                    "closed_at": None, "close_reason": None}
            rows[Case].append(case)
            if kode == "PP" and entry.kode == "tamu":
                rows[Visitor].append(_visitor(ids(Visitor), start, starter, person, case_id, rng))
            deadlines = {}
            for rule in plan.rules:
                if rule.when_step is not None:  # added when its decision takes its route (demo_walk)
                    continue
                due = cal.due(start, rule.waktu) if rule.sejak == "mulai" else None
                deadlines[rule.kode] = {"id": ids(CaseDeadline), "case_id": case_id,
                                        "kode": rule.kode, "name": rule.nama, "kind": rule.jenis,
                                        "due_at": due, "met_at": None}
            audit(start, starter, "case_started", case_id, None, entry.kegiatan, sop=kode,
                  revisi=sop.revisi, entry=entry.kode, title=title)
            # the newest cases wait at a step of a role in turn: every inbox has work, at any hour
            hold = HOLD[(done - first_recent) % len(HOLD)] if done >= first_recent else None
            walk(plan, case, entry.kegiatan, start, now, cal, rng, users, ids, rows, deadlines, audit, hold)
            rows[CaseDeadline].extend(deadlines.values())
        write(cases)
        extra = _visitors_without_case(session, ids, users, today, now, rng, cal)
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


def _recent_starts(cal: WorkCalendar, now: datetime, rng: random.Random, count: int) -> list[datetime]:
    """`count` starts in the office hours of the two newest working days that have begun, before
    `now`: the newest cases are still open whatever the hour of the demo (at 00:10 the year's
    random starts alone could leave a small demo with no open case and empty inboxes), and the
    day before gives them time to reach the later steps (at 08:20 the newest day alone held
    only first steps: no Kasubag work at all)."""
    local = cal.local(now)
    day = local.date()
    spans: list[tuple[datetime, float]] = []  # (opening, seconds of office hours before now)
    while len(spans) < 2:
        opens = local.replace(year=day.year, month=day.month, day=day.day, hour=8, minute=0, second=0,
                              microsecond=0)
        if cal.is_working_day(day) and opens < local:
            spans.append((opens, (min(local, opens.replace(hour=16)) - opens).total_seconds()))
        day -= timedelta(days=1)
    (newest, today), (before, _) = spans
    starts = []
    for _ in range(count):
        offset = rng.uniform(0, today + spans[1][1])
        at = newest + timedelta(seconds=offset) if offset <= today else before + timedelta(seconds=offset - today)
        starts.append(at.astimezone(now.tzinfo))
    return sorted(starts)


def _title(kode: str, entry: str, person: str, rng: random.Random) -> tuple[str, str | None]:
    if kode == "PP":
        topic = rng.choice(INFO_TOPICS)
        how = "datang langsung" if entry == "tamu" else "surat"
        return f"Permohonan informasi ({how}): {topic}", person
    if kode == "PAW":
        return (f"Usulan PAW Anggota DPRD Provinsi NTT a.n. {person}",
                "Pimpinan DPRD Provinsi NTT")
    if kode == "RAKOR":
        subject = rng.choice(("Rapat Koordinasi Pemutakhiran Data Pemilih",
                              "Rapat Kerja Evaluasi Anggaran", "Rapat Koordinasi Logistik",
                              "Rapat Kerja Penyusunan Program"))
        return subject, None
    return rng.choice(("Tindak lanjut Rapat Pleno Rutin mingguan",
                       "Pelaksanaan keputusan Pleno tentang sosialisasi",
                       "Pelaksanaan keputusan Pleno tentang pengadaan")), None


def _visitor(visitor_id: int, at: datetime, clerk: int, person: str, case_id: int | None,
             rng: random.Random, purpose: str = "permohonan_informasi") -> Row:
    info = rng.choice(INFO_TOPICS) if purpose == "permohonan_informasi" else None
    return {"id": visitor_id, "registered_at": at, "registered_by": clerk, "name": person,
            "id_number": "5371" + "".join(str(rng.randint(0, 9)) for _ in range(12)),
            "institution": rng.choice(INSTITUTIONS), "occupation": None,
            "address": f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 99)}, Kota Kupang",
            "phone": "08" + "".join(str(rng.randint(0, 9)) for _ in range(10)), "email": None,
            "purpose": purpose, "purpose_text": None, "info_requested": info,
            "info_use": "Penelitian" if info else None,
            "obtain_method": "salinan_elektronik" if info else None,
            "delivery_method": "langsung" if info else None, "case_id": case_id}


def _seal_cases(rows: Rows, digests: dict[str, dict[int, str]], last_event: dict[int, int], prev: str) -> str:
    """Seal each case's rows (`digests`: table -> row id -> seal, demo_rows) in its newest
    event, as the office's own actions would have, then hash the chain on from `prev` (the head
    before these events); returns the new head."""
    owner: dict[str, dict[int, int]] = {
        "case_file": {r["id"]: r["id"] for r in rows[Case]},
        "work_item": {r["id"]: r["case_id"] for r in rows[WorkItem]},
        "document": {r["id"]: r["case_id"] for r in rows[Document]},
        "case_deadline": {r["id"]: r["case_id"] for r in rows[CaseDeadline]},
        "visitor": {r["id"]: r["case_id"] for r in rows[Visitor]},
    }
    owner["checklist_entry"] = {r["id"]: owner["work_item"][r["work_item_id"]] for r in rows[ChecklistEntry]}
    sealed: dict[int, dict[str, dict[str, str]]] = {}
    for table, cases_of in owner.items():  # in any order: the seal's JSON sorts its keys
        for key, digest in digests[table].items():
            case_id = cases_of.get(key)
            if case_id is not None:
                sealed.setdefault(case_id, {}).setdefault(table, {})[str(key)] = digest
    events = rows[AuditEvent]
    for case_id, index in last_event.items():
        if case_id in sealed:
            events[index]["sealed"] = SEAL_JSON(sealed[case_id])
    for event in events:
        event["prev_hash"] = prev
        event["hash"] = prev = event_hash(prev, event["at"], event["user_id"], event["action"],
                                          event["case_id"], event["work_item_id"], event["step_no"],
                                          event["detail"], event["sealed"])
    return prev


def _visitors_without_case(session: Session, ids: _Ids, users: dict[str, int], today: datetime, now: datetime,
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
                row = _visitor(ids(Visitor), at, users["Help Desk"], person, None, rng, "bertamu")
                row["purpose_text"] = "Bertemu Sekretaris"
                rows.append(row)
    if rows:
        session.execute(insert(Visitor), rows)
    return [row["id"] for row in rows]
