"""The laporan kinerja's numbers: per step of one SOP, the visits completed in a period, their
actual durations against the mutu baku, the share on time and the most late cases
(sopdesk.reports.performance prints them).

A visit counts in the period when it was completed in it (office time). Its actual duration
runs from its arrival at the step to its completion; it is on time when completed by its due
time (the mutu baku on the office's working-day calendar, fixed when it arrived). The
standard of a step is its median allowed time (due time - arrival), which is the mutu baku
itself for minutes, hours and calendar days, and follows the calendar for working days.

A year of a busy office holds hundreds of thousands of visits and tens of thousands of late
ones (issue #15: 12 months at 100,000 cases in 5 s): the durations are computed by the store
(seconds, not a datetime per value), the visits are found through the index of completion
times, and only the LATE_SHOWN most late cases per step are named, with the count of the others.
"""

from __future__ import annotations

import heapq
import math
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, select

from sopdesk.catalog.schema import Sop
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Case, WorkItem

LATE_SHOWN = 10  # late cases named per step (the most late); the others are counted


@dataclass
class StepStats:
    step: int
    kegiatan: str
    pelaksana: str
    waktu: str
    durations: list[float] = field(default_factory=list)  # seconds, as the store computed them
    allowed: list[float] = field(default_factory=list)
    on_time: int = 0
    late: list[tuple[str, timedelta]] = field(default_factory=list)   # (case number, how late), most late first
    late_count: int = 0  # all late visits (`late` holds the LATE_SHOWN most late)
    returned: int = 0

    @property
    def count(self) -> int:
        return len(self.durations)

    @cached_property
    def median(self) -> timedelta | None:
        return _delta(statistics.median(self.durations)) if self.durations else None

    @cached_property
    def p90(self) -> timedelta | None:
        """Nearest-rank 90th percentile: the smallest duration that 90 % of visits did not exceed."""
        if not self.durations:
            return None
        ordered = sorted(self.durations)
        return _delta(ordered[math.ceil(0.9 * len(ordered)) - 1])

    @cached_property
    def standard(self) -> timedelta | None:
        return _delta(statistics.median(self.allowed)) if self.allowed else None

    @property
    def with_standard(self) -> int:
        return self.on_time + self.late_count

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.with_standard if self.with_standard else None

    def percent(self, value: timedelta | None) -> float | None:
        standard = self.standard
        if value is None or not standard:
            return None
        return 100 * value / standard


def _seconds(dialect: str, later: Any, earlier: Any) -> ColumnElement[float]:  # noqa: ANN401 - SQL columns
    """`later - earlier` in seconds, computed by the store."""
    if dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return func.date_part("epoch", later - earlier)


def _visits(dialect: str) -> Select[Any]:
    """Per visit completed (or returned) in the period: step, status, its duration, its allowed
    time (None without a standard), and how late and in which case (when it was late).

    Read from the covering index of completion times alone (ix_work_item_completed): the
    status test is written as NOT IN and the SOP's cases as a set, so that no other index
    (the inbox's status index, the case index) looks cheaper to the planner."""
    late = WorkItem.completed_at > WorkItem.due_at
    cases_of_sop = select(Case.id).where(Case.sop_kode == bindparam("kode"))
    return (select(WorkItem.step_no, WorkItem.status,
                   _seconds(dialect, WorkItem.completed_at, WorkItem.created_at),
                   _seconds(dialect, WorkItem.due_at, WorkItem.created_at),
                   case((late, _seconds(dialect, WorkItem.completed_at, WorkItem.due_at))),
                   case((late, WorkItem.case_id)))
            .where(WorkItem.completed_at >= bindparam("begin", type_=WorkItem.completed_at.type),
                   WorkItem.completed_at < bindparam("stop", type_=WorkItem.completed_at.type),
                   WorkItem.status.not_in(("open", "cancelled")),  # done or returned
                   (WorkItem.case_id + 0).in_(cases_of_sop)))


def _delta(seconds: float) -> timedelta:
    return timedelta(milliseconds=round(seconds * 1000))  # the store's float arithmetic, to the millisecond


def step_stats_between(ws: Workspace, sop: Sop, begin: datetime, stop: datetime) -> list[StepStats]:
    """Per step of `sop` (all its revisions' cases), the visits completed from `begin` to
    before `stop`."""
    with ws.db.connect() as conn:
        rows = conn.execute(_visits(conn.dialect.name), {"begin": begin, "stop": stop, "kode": sop.kode}).all()
    stats = {k.no: StepStats(k.no, k.kegiatan, sop.lane(k.pelaksana).nama, k.waktu) for k in sop.kegiatan}
    late: dict[int, list[tuple[float, int]]] = {}  # step -> (seconds late, case id)
    for step_no, status, took, allowed, overdue, case_id in rows:
        entry = stats.get(step_no)
        if entry is None:   # a step of an older revision that the current one no longer has
            entry = stats[step_no] = StepStats(step_no, f"Kegiatan {step_no} (revisi lama)", "-", "-")
        if status == "returned":
            entry.returned += 1
            continue
        entry.durations.append(took)
        if allowed is not None:
            entry.allowed.append(allowed)
            if overdue is None:
                entry.on_time += 1
            else:
                late.setdefault(step_no, []).append((overdue, case_id))
    shown = {step_no: heapq.nlargest(LATE_SHOWN, visits) for step_no, visits in late.items()}
    wanted = {case_id for visits in shown.values() for _, case_id in visits}
    numbers: dict[int, str] = {}
    if wanted:
        with ws.db.connect() as conn:
            numbers = dict(conn.execute(select(Case.id, Case.number).where(Case.id.in_(sorted(wanted)))).all())
    for step_no, visits in shown.items():
        stats[step_no].late_count = len(late[step_no])
        stats[step_no].late = [(numbers[case_id], _delta(seconds)) for seconds, case_id in visits]
    return [stats[no] for no in sorted(stats)]
