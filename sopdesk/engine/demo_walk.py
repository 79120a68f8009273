"""One demo case driven through its SOP, step by step, until it ends or reaches the present
(engine.demo builds the office around it).

What a step needs of the catalog (its role, standard time, routes, checks, outputs and the
deadline rules it touches) is looked up once per SOP (`Plan`), not at every step of a hundred
thousand cases: the catalog's accessors (role_of, exits, waktu_baku parsing the text) cost more
than the step's own work. The random draws are made in the same order as ever, so a seed still
gives the same office.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sopdesk.catalog import END, Sop
from sopdesk.catalog.waktu import Satuan, Waktu
from sopdesk.engine.workdays import WorkCalendar
from sopdesk.store.models import Base, CaseDeadline, ChecklistEntry, Document, WorkItem

Row = dict[str, Any]  # one generated row: column -> value
Rows = dict[type[Base], list[Row]]  # the rows of one batch, by model
STALL_ODDS = 0.015
CHOICE_ODDS = {"PP": {9: 0.5}, "PAW": {2: 0.7, 10: 0.85}, "RAKOR": {4: 0.8}}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
WAIT_NOTE = "Putusan berkekuatan hukum tetap telah diterima"
CANCELLED = "Pemohon menarik permohonannya"


@dataclass(frozen=True)
class Rule:
    """A deadline rule of the SOP (catalog Tenggat), its standard time parsed once."""

    kode: str
    nama: str
    jenis: str
    waktu: Waktu
    sejak: int | str
    kegiatan: frozenset[int]
    when_step: int | None  # berlaku_jika: the decision step and its choice (lower case)
    when_choice: str | None


@dataclass(frozen=True)
class Step:
    role: str
    waktu: Waktu
    exits: list[tuple[str | None, int | str]]
    decision: bool
    kelengkapan: tuple[str, ...]
    outputs: tuple[str, ...]  # plain text (catalog.Keluaran is a str subclass)
    note: str | None
    not_before: tuple[str, ...]  # the 'paling cepat' rules naming this step, in catalog order
    rules: tuple[Rule, ...]  # the rules a completion of this step may touch, in catalog order


class Plan:
    """What the walk needs of one SOP, looked up once."""

    def __init__(self, sop: Sop):
        self.sop = sop
        self.odds = CHOICE_ODDS.get(sop.kode, {})
        self.rules = tuple(Rule(r.kode, r.nama, r.jenis, r.waktu_baku, r.sejak, frozenset(r.kegiatan),
                                r.berlaku_jika.kegiatan if r.berlaku_jika else None,
                                r.berlaku_jika.pilihan.lower() if r.berlaku_jika else None)
                           for r in sop.tenggat)
        self.steps: dict[int, Step] = {}
        for kegiatan in sop.kegiatan:
            no = kegiatan.no
            self.steps[no] = Step(
                role=sop.role_of(no), waktu=kegiatan.waktu_baku, exits=sop.exits(no),
                decision=kegiatan.keputusan is not None, kelengkapan=tuple(kegiatan.kelengkapan),
                outputs=tuple(str(name) for name in kegiatan.output),
                note=WAIT_NOTE if kegiatan.menunggu else None,
                not_before=tuple(r.kode for r in self.rules if r.jenis == "paling_cepat" and no in r.kegiatan),
                rules=tuple(r for r in self.rules
                            if r.when_step == no or r.sejak == no or (r.jenis == "paling_lambat" and no in r.kegiatan)))


class Remembered(WorkCalendar):
    """The office's calendar with its answers per day remembered: the demo asks whether a day is
    a working day some millions of times, about the same few hundred days."""

    def __init__(self, cal: WorkCalendar):
        vars(self).update(vars(cal))  # the same zone and holidays
        self._working: dict[date, bool] = {}
        self._next: dict[date, date] = {}

    def is_working_day(self, day: date) -> bool:
        known = self._working.get(day)
        if known is None:
            known = self._working[day] = super().is_working_day(day)
        return known

    def next_working_day(self, day: date) -> date:
        known = self._next.get(day)
        if known is None:
            known = self._next[day] = super().next_working_day(day)
        return known


def office_hours(cal: WorkCalendar, moment: datetime, rng: random.Random) -> datetime:
    local = cal.local(moment)
    if not cal.is_working_day(local.date()) or not 8 <= local.hour < 16:
        day = local.date() if cal.is_working_day(local.date()) and local.hour < 8 else \
            cal.next_working_day(local.date())
        local = local.replace(year=day.year, month=day.month, day=day.day,
                              hour=rng.randint(8, 15), minute=rng.randint(0, 59))
    return local.astimezone(moment.tzinfo)


def _duration(waktu: Waktu, start: datetime, cal: WorkCalendar, rng: random.Random) -> datetime:
    factor = rng.lognormvariate(-0.25, 0.5)  # most on time, a tail of late ones
    minutes = waktu.minutes  # set for minutes and hours
    if minutes is not None:
        return start + timedelta(minutes=max(1, minutes * factor))
    if waktu.satuan is Satuan.HARI:
        return start + timedelta(days=waktu.jumlah * factor)
    if waktu.satuan is Satuan.HARI_KERJA:
        due = cal.add_working_days(start, waktu.jumlah)
        return start + (due - start) * factor
    return start + timedelta(days=rng.uniform(1, 20))  # no standard: a court ruling, a schedule


def walk(plan: Plan, case: Row, step_no: int, at: datetime, now: datetime, cal: WorkCalendar,  # noqa: PLR0913
         rng: random.Random, users: dict[str, int], ids: Callable[[type[Base]], int], rows: Rows,
         deadlines: dict[str, Row], audit: Callable[..., None], hold: str | None = None) -> None:
    """Drive one case through its SOP until it ends or reaches the present (or, with `hold`,
    a step of that role: it waits there, not yet done)."""
    odds = plan.odds
    done_at: dict[int, datetime] = {}
    items, checks, documents = rows[WorkItem], rows[ChecklistEntry], rows[Document]
    random_ = rng.random
    for _ in range(60):
        step = plan.steps[step_no]
        role = step.role
        item_id = ids(WorkItem)
        not_before = None
        for kode in step.not_before:
            if kode in deadlines:
                not_before = deadlines[kode]["due_at"]
        item = {"id": item_id, "case_id": case["id"], "step_no": step_no, "role": role,
                "status": "open", "created_at": at, "due_at": cal.due(at, step.waktu),
                "not_before": not_before, "assignee_id": None, "completed_at": None,
                "completed_by": None, "choice": None, "note": None, "return_to": None,
                "draft": None}
        items.append(item)
        if role == hold:
            if random_() < 0.4:
                item["assignee_id"] = users[role]
            return
        finished = _duration(step.waktu, at, cal, rng)
        if random_() < STALL_ODDS:  # forgotten on someone's desk for a while: late work
            finished += timedelta(days=rng.uniform(1, 25))
        finished = office_hours(cal, finished, rng)
        if finished >= now:
            if random_() < 0.4:
                item["assignee_id"] = users[role]
            return
        if random_() < 0.002:
            item.update(status="cancelled", completed_at=finished, completed_by=users[role], note=CANCELLED)
            case.update(status="cancelled", closed_at=finished, close_reason=CANCELLED)
            audit(finished, users[role], "case_cancelled", case["id"], item_id, step_no, reason=CANCELLED)
            return
        user = users[role]
        exits = step.exits
        choice = None
        if step.decision:
            yes = random_() < odds.get(step_no, 0.5)
            choice, target = exits[0] if yes else exits[1]
        else:
            target = exits[0][1]
        present = []
        for name in step.kelengkapan:
            ok = random_() < 0.96
            if ok:
                present.append(name)
            checks.append({"id": ids(ChecklistEntry), "work_item_id": item_id, "item": name, "present": ok,
                           "attachment_id": None})
        if step.outputs:
            local = cal.local(finished)
            month, year, day = ROMAN[local.month - 1], local.year, local.date()
            for index, name in enumerate(step.outputs):
                documents.append({
                    "id": ids(Document), "case_id": case["id"], "work_item_id": item_id, "name": name,
                    "number": f"{rng.randint(1, 999)}/PP.0{index + 1}/5371/{month}/{year}",
                    "doc_date": day, "attachment_id": None})
        note = step.note
        item.update(status="done", completed_at=finished, completed_by=user, choice=choice, note=note)
        done_at[step_no] = finished
        for rule in step.rules:  # a conditional deadline (#13) only on its decision's route
            taken = rule.when_step == step_no and (choice or "").lower() == rule.when_choice
            if taken and rule.kode not in deadlines:
                since = case["started_at"] if rule.sejak == "mulai" else done_at.get(int(rule.sejak))
                deadlines[rule.kode] = {"id": ids(CaseDeadline), "case_id": case["id"],
                                        "kode": rule.kode, "name": rule.nama, "kind": rule.jenis, "met_at": None,
                                        "due_at": cal.due(since, rule.waktu) if since else None}
            row = deadlines.get(rule.kode)
            if row is None:
                continue
            if rule.sejak == step_no and row["due_at"] is None:
                row["due_at"] = cal.due(finished, rule.waktu)
            if (rule.jenis == "paling_lambat" and step_no in rule.kegiatan
                    and row["met_at"] is None and row["due_at"] is not None):
                row["met_at"] = finished
        audit(finished, user, "step_completed", case["id"], item_id, step_no, choice=choice,
              next=None if target == END else target, present=present, note=note)
        if target == END:
            case.update(status="done", closed_at=finished)
            return
        assert isinstance(target, int)  # a step number: END returned above
        step_no, at = target, finished
