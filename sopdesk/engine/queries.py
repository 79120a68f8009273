"""Read side: inbox pages, case details, today's visitors. SQL filters, sorts and pages;
Python only decorates the page that is shown."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import BindParameter, ColumnElement, Select, UnaryExpression, bindparam, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from sopdesk.engine import case_list, case_reading, case_short
from sopdesk.engine.deadlines import case_overdue, late_days, open_case_due
from sopdesk.engine.rahasia import MASK, readable_cases, viewer_of
from sopdesk.engine.search import LIKE_ESCAPE, contains_pattern, matching
from sopdesk.engine.users import Actor, roles_including
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Case, User, Visitor, WorkItem

if TYPE_CHECKING:  # the SOP models only in annotations: the inbox imports no pydantic (#15)
    from sopdesk.catalog.schema import Sop

NEARLY_DUE = timedelta(hours=2)


def nearer_due() -> ColumnElement[datetime | None]:
    """The nearer of a work item's own time and its case's open deadline: what the inbox shows
    in Batas waktu and Sisa waktu (InboxRow.nearest_due), so that the list sorts by what it
    shows. NULL when neither is set. One subquery per item: the case deadline's min() is
    compared inside open_case_due's own select, not looked up again for each use of it."""
    deadlines = open_case_due().element
    assert isinstance(deadlines, Select)
    case_due = deadlines.selected_columns[0]
    return deadlines.with_only_columns(
        case((case_due < WorkItem.due_at, case_due), else_=func.coalesce(WorkItem.due_at, case_due))).scalar_subquery()


SORTS = {
    "due": nearer_due(),
    "since": WorkItem.created_at,
    "case": Case.number,
    "sop": Case.sop_kode,
    "step": WorkItem.step_no,
    "title": func.lower(Case.title),  # letter case ignored, alike on both stores (as cases_page)
}


class InboxRow(NamedTuple):
    item_id: int
    case_number: str
    sop: str
    step_no: int
    kegiatan: str
    role: str
    title: str
    requester: str | None
    since: datetime
    due_at: datetime | None
    not_before: datetime | None
    assignee: str | None
    case_due_at: datetime | None = None  # the case's earliest unmet deadline (issue #13)
    rahasia: bool = False  # a confidential case; `title` is "(rahasia)" unless the reader may see it
    return_reason: str | None = None  # set when the item was opened by a return (Kembalikan): its reason
    returned_by: str | None = None  # who returned it (full name, else username)
    returned_at: datetime | None = None
    returned_from: int | None = None  # the step it was returned from

    @property
    def returned(self) -> bool:
        """Was this item opened by a return (the case was sent back to this step)?"""
        return self.return_reason is not None

    @property
    def nearest_due(self) -> datetime | None:
        """The nearer of the step's own time and the case's deadline."""
        dues = [d for d in (self.due_at, self.case_due_at) if d is not None]
        return min(dues) if dues else None

    @property
    def due_is_case(self) -> bool:
        """Is the nearer date the case's deadline (shown marked "kasus")?"""
        return self.case_due_at is not None and (self.due_at is None or self.case_due_at < self.due_at)

    def state(self, now: datetime) -> str:
        """'terlambat', 'hampir' (due within two hours), 'tepat' or 'tanpa_batas', by the
        nearer of the step's and the case's deadline."""
        due = self.nearest_due
        if due is None:
            return "tanpa_batas"
        if due < now:
            return "terlambat"
        return "hampir" if due - now <= NEARLY_DUE else "tepat"


ITEM_SORTS = {"due", "since", "step"}  # sortable on work_item alone


def _item_filters(role_count: int, mine: bool, overdue: bool, claimed: bool | None = None) -> list[ColumnElement[bool]]:
    """Conditions on work_item alone. An item assigned to a user is always in one of the
    user's roles (assign refuses otherwise), so the role filter covers "mine" as well. Each
    role is a bind parameter of its own (role0, role1 ...), so the statement is prepared once
    per number of roles (store.direct)."""
    roles = [bindparam(f"role{i}", type_=WorkItem.role.type) for i in range(role_count)]
    conditions = [WorkItem.status == "open", WorkItem.role.in_(roles)]
    if mine:
        conditions.append(WorkItem.assignee_id == bindparam("user_id"))
    if overdue:  # late by the step's own time or by its case's deadline (issue #13)
        now = bindparam("now", type_=WorkItem.due_at.type)
        conditions.append(or_(WorkItem.due_at < now, case_overdue(now)))
    if claimed is not None:
        conditions.append(WorkItem.assignee_id.isnot(None) if claimed else WorkItem.assignee_id.is_(None))
    return conditions


def _case_filters(sop: bool, search: bool) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if sop:
        conditions.append(Case.sop_kode == bindparam("sop"))
    if search:
        like: BindParameter[str] = bindparam("like")
        conditions.append(or_(*(column.ilike(like, escape=LIKE_ESCAPE)
                                for column in (Case.number, Case.title, Case.requester))))
    return conditions


Ordering = list[ColumnElement[Any] | UnaryExpression[Any] | InstrumentedAttribute[Any]]


def _ordering(sort: str, descending: bool) -> Ordering:
    column = SORTS[sort]
    order = column.desc() if descending else column.asc()
    if sort == "due":  # items with no time at all (neither the step's nor the case's) after the rest
        return [order.nulls_last(), WorkItem.id]
    return [order, WorkItem.id]


@lru_cache(maxsize=256)
def _inbox_statement(role_count: int, sort: str, descending: bool, mine: bool, overdue: bool, sop: bool,
                     search: bool, claimed: bool | None = None) -> Select[*tuple[Any, ...]]:
    """The page query for one combination of filters, built once and reused with new
    parameters (building a statement costs more than running it)."""
    ordering = _ordering(sort, descending)
    assignee, returner = aliased(User), aliased(User)
    back, before = aliased(WorkItem), aliased(WorkItem)
    # The item created just before this one in its case led to it (one item is open at a
    # time, engine.revisits): when that one was returned to this step, this is a return.
    previous = (select(before.id).where(before.case_id == WorkItem.case_id, before.id < WorkItem.id)
                .order_by(before.id.desc()).limit(1).scalar_subquery())
    query = (
        select(WorkItem.id, Case.number, Case.sop_kode, Case.sop_revision_id, WorkItem.step_no,
               WorkItem.role, Case.title, Case.requester, WorkItem.created_at,
               WorkItem.due_at, WorkItem.not_before, assignee.username,
               open_case_due().label("case_due"), back.note, func.coalesce(returner.full_name, returner.username),
               back.completed_at, back.step_no, Case.rahasia, Case.id)
        .join(Case, Case.id == WorkItem.case_id)
        .outerjoin(assignee, assignee.id == WorkItem.assignee_id)
        .outerjoin(back, (back.id == previous) & (back.status == "returned") & (back.return_to == WorkItem.step_no))
        .outerjoin(returner, returner.id == back.completed_by)
        .order_by(*ordering)
    )
    item_filters = _item_filters(role_count, mine, overdue, claimed)
    case_filters = _case_filters(sop, search)
    limit: BindParameter[int] = bindparam("limit")
    offset: BindParameter[int] = bindparam("offset")
    # Page the ids first (on the (status, role, due_at) index when the sort allows), then
    # join the page's 50 rows only: the return of each row is looked up for those alone.
    page = select(WorkItem.id).where(*item_filters)
    if case_filters or sort not in ITEM_SORTS:
        page = page.join(Case, Case.id == WorkItem.case_id).where(*case_filters)
    page = page.order_by(*ordering).limit(limit).offset(offset)
    return query.where(WorkItem.id.in_(page.scalar_subquery()))


def _parameters(roles: list[str], user_id: int | None, mine: bool, overdue_at: datetime | None, sop: str | None,
                search: str | None) -> dict[str, object]:
    params: dict[str, object] = {f"role{i}": role for i, role in enumerate(roles)}
    if mine:
        params["user_id"] = user_id
    if overdue_at is not None:
        params["now"] = overdue_at
    if sop:
        params["sop"] = sop.upper()
    if search:
        params["like"] = contains_pattern(search)
    return params


def inbox_page(ws: Workspace, roles: list[str], user_id: int | None = None, *,
               sort: str = "due", descending: bool = False, limit: int = 50, offset: int = 0,
               mine: bool = False, overdue_at: datetime | None = None, sop: str | None = None,
               search: str | None = None, claimed: bool | None = None,
               viewer: Actor | None = None) -> list[InboxRow]:
    """One page of open work items for the given roles, filtered and sorted by SQL.
    `claimed`: True only items someone took, False only items nobody took, None both.
    A confidential case's title is "(rahasia)" unless the reader (`viewer`, else the user
    `user_id`) is on its chain (so is a return's reason). A row the case was sent back to
    (Kembalikan) carries who returned it, when, from which step and why."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    mine = mine and user_id is not None
    roles = list(roles)
    if not roles:
        return []
    statement = _inbox_statement(len(roles), sort, descending, mine, overdue_at is not None, bool(sop),
                                 bool(search and search.strip()), claimed)
    params = _parameters(roles, user_id, mine, overdue_at, sop, search and search.strip())
    params.update(limit=limit, offset=offset)
    with ws.db.direct_reading() as db:
        rows = db.execute(statement, params).all()
        secret = {row[-1] for row in rows if row[-2]}
        readable = _readable(ws, db.session(), secret, viewer, user_id)
    steps = ws.step_texts_of_revision  # the catalog's texts, its SOPs left packed (#15)
    return [
        InboxRow(item, number, sop_kode, step, steps(revision)[step], role,
                 title if not secret_case or case_id in readable else MASK,
                 requester, since, due, not_before, assignee, case_due, bool(secret_case),
                 None if reason is None else reason if not secret_case or case_id in readable else MASK,
                 returned_by, returned_at, returned_from)
        for (item, number, sop_kode, revision, step, role, title, requester, since, due,
             not_before, assignee, case_due, reason, returned_by, returned_at, returned_from,
             secret_case, case_id) in rows
    ]


def _readable(ws: Workspace, session: Session, secret: set[int], viewer: Actor | None,
              user_id: int | None) -> set[int]:
    """Of the confidential case ids on a page, those the reader may read."""
    if not secret:
        return set()
    if viewer is None and user_id is not None:
        viewer = Actor(user_id, "")
    reader = viewer_of(session, viewer, ws.catalog.role_includes)
    return readable_cases(session, reader, secret)


def inbox_total(ws: Workspace, roles: list[str], user_id: int | None = None, *,
                mine: bool = False, overdue_at: datetime | None = None, sop: str | None = None,
                search: str | None = None, claimed: bool | None = None) -> int:
    """How many rows the same filters give (for paging)."""
    mine = mine and user_id is not None
    search = search.strip() if search else None
    roles = list(roles)
    if not roles:
        return 0
    query = _total_statement(len(roles), mine, overdue_at is not None, claimed, bool(sop), bool(search))
    with ws.db.direct_reading() as db:
        return db.scalar(query, _parameters(roles, user_id, mine, overdue_at, sop, search)) or 0


@lru_cache(maxsize=256)
def _total_statement(role_count: int, mine: bool, overdue: bool, claimed: bool | None, sop: bool,
                     search: bool) -> Select[*tuple[Any, ...]]:
    query = select(func.count(WorkItem.id)).where(*_item_filters(role_count, mine, overdue, claimed))
    case_filters = _case_filters(sop, search)
    if case_filters:
        query = query.join(Case, Case.id == WorkItem.case_id).where(*case_filters)
    return query


def inbox_counts(ws: Workspace, roles: list[str], now: datetime) -> dict[str, tuple[int, int]]:
    """Per role: (open items, overdue items)."""
    query = (
        select(WorkItem.role, func.count(),
               func.count().filter(or_(WorkItem.due_at < now, case_overdue(now))))
        .where(WorkItem.status == "open", WorkItem.role.in_(roles))
        .group_by(WorkItem.role)
    )
    with ws.db.reading() as session:
        counts = {role: (total, late) for role, total, late in session.execute(query)}
    return {role: counts.get(role, (0, 0)) for role in roles}


def case_detail(ws: Workspace, number: str, viewer: Actor | None = None) -> dict[str, Any]:
    """Everything about one case, ready to show or dump as JSON. A confidential case's title
    (and the perihal in its history) reads "(rahasia)" unless `viewer` is on its chain."""
    from sopdesk.engine.attachments import local_file  # a case's sheet only: not on the inbox's way
    from sopdesk.engine.case_record import load_case, masked_detail

    with ws.db.reading() as session:
        loaded = load_case(session, ws, number, viewer)  # the same read as the printed sheet's
        case, sop, readable, names = loaded.case, loaded.sop, loaded.readable, loaded.username
        step_of = {i.id: i.step_no for i in loaded.items}
        return {
            "number": case.number,
            "sop": sop.kode,
            "revisi": sop.revisi,
            "sop_name": sop.nama,
            "entry": case.entry,
            "title": case.title if readable else MASK,
            "rahasia": case.rahasia,
            "requester": case.requester,
            "status": case.status,
            "started_at": case.started_at,
            "started_by": names(case.started_by),
            "closed_at": case.closed_at,
            "close_reason": case.close_reason,
            "items": [
                {
                    "step": i.step_no,
                    "kegiatan": sop.step(i.step_no).kegiatan,
                    "role": i.role,
                    "status": i.status,
                    "since": i.created_at,
                    "due_at": i.due_at,
                    "not_before": i.not_before,
                    "assignee": names(i.assignee_id),
                    "completed_at": i.completed_at,
                    "completed_by": names(i.completed_by),
                    "choice": i.choice,
                    "note": i.note,
                    "return_to": i.return_to,
                    "on_behalf": _on_behalf(sop, i),
                    "checks": [{"item": c.item, "present": c.present,
                                "attachment": c.attachment_id} for c in i.checks],
                }
                for i in loaded.items
            ],
            "deadlines": [
                {"kode": d.kode, "name": d.name, "kind": d.kind, "due_at": d.due_at,
                 "met_at": d.met_at, "extensions": d.extensions, "first_due_at": d.first_due_at,
                 "late_days": late_days(d.due_at, d.met_at)}
                for d in loaded.deadlines
            ],
            "documents": [
                {"name": d.name, "number": d.number, "date": d.doc_date, "step": step_of.get(d.work_item_id),
                 "file": d.attachment.original_name if d.attachment else None,
                 "path": str(local_file(session, ws.attachments_dir, d.attachment)) if d.attachment else None,
                 "sha256": d.attachment.sha256 if d.attachment else None}
                for d in loaded.documents
            ],
            "history": [
                {"at": e.at, "user": e.username, "action": e.action,
                 "step": e.step_no, "detail": masked_detail(e.detail, readable)}
                for e in loaded.history
            ],
        }


def _on_behalf(sop: Sop, item: WorkItem) -> str | None:
    """The outside party a finished step was recorded for ('Pemohon'), or None."""
    if item.status != "done" or not sop.has_step(item.step_no):
        return None
    lanes = [sop.lane(k) for k in sop.step(item.step_no).lanes]
    lane = next((lane for lane in lanes if lane.peran == item.role), lanes[0])
    return lane.nama if lane.eksternal else None


def visitors_between(ws: Workspace, start: datetime, end: datetime,
                     search: str | None = None) -> list[Visitor]:
    query = select(Visitor).where(Visitor.registered_at >= start, Visitor.registered_at < end)
    if search:
        query = query.where(matching(search, Visitor.name, Visitor.institution))
    with ws.db.reading() as session:
        return list(session.scalars(query.order_by(Visitor.registered_at)))


CASE_SORTS = case_list.CASE_SORTS
CASE_COUNT_CAP = 1000  # the Kasus list counts up to this many matches ("lebih dari 1.000 kasus")


class CaseRow(NamedTuple):
    case_id: int
    number: str
    sop: str
    title: str
    requester: str | None
    status: str
    started_at: datetime
    closed_at: datetime | None
    current_step: int | None
    current_role: str | None
    due_at: datetime | None


def cases_page(ws: Workspace, *, search: str | None = None, sop: str | None = None, status: str | None = None,
               sort: str = "number", descending: bool = True, limit: int = 100, offset: int = 0,
               viewer: Actor | None = None) -> list[CaseRow]:
    """All cases (any status) with their waiting step, filtered, sorted and paged by SQL. A
    confidential case's title reads "(rahasia)" unless `viewer` is on its chain (issue #13)."""
    if sort not in CASE_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    mode = case_list.search_mode(ws.db.dialect, search)
    readable_secret = _readable_secret(ws, mode, viewer)
    filters = case_list.parameters(mode, search, sop, status, readable_secret)
    with ws.db.direct_reading() as db:
        mode = case_short.narrowed(db, mode, search, filters)
        total = case_reading.counted(db, filters)
        how = case_reading.reading(db, mode, search, filters, sort, offset, limit, filtered=(sop, status),
                                   descending=descending)
        shape = (mode, bool(sop), bool(status), sort, descending, readable_secret is not None)
        rows = case_reading.page_rows(db, shape, how, filters, offset, limit, total=total)
    secret = {row[0] for row in rows if row[-1]}
    if secret:
        if mode is not None:  # a search has read who reads what already (None: an administrator)
            readable = secret if readable_secret is None else readable_secret
        else:
            with ws.db.reading() as session:
                readable = readable_cases(session, viewer_of(session, viewer, ws.catalog.role_includes), secret)
        rows = [row if row[0] not in secret or row[0] in readable else (*row[:3], MASK, *row[4:]) for row in rows]
    return [CaseRow(*row[:-1]) for row in rows]


def cases_total(ws: Workspace, *, search: str | None = None, sop: str | None = None,
                status: str | None = None, cap: int | None = None, viewer: Actor | None = None) -> int:
    """How many cases the filters give; with `cap`, at most cap + 1 ("more than cap"). A search
    counts what `cases_page` shows the same viewer."""
    mode = case_list.search_mode(ws.db.dialect, search)
    readable_secret = _readable_secret(ws, mode, viewer)
    params = case_list.parameters(mode, search, sop, status, readable_secret)
    with ws.db.direct_reading() as db:
        mode = case_short.narrowed(db, mode, search, params)
        known = case_reading.known_total(db, case_reading.counted(db, params))
        if cap is not None:
            params["cap_plus_one"] = cap + 1
        if known is not None:  # a page showed the list's end
            return known if cap is None else min(known, cap + 1)
        # a filtered search is walked when the word is broad (counted in the filter's index);
        # the first matches of an unfiltered one are counted in the FTS5 table in a few ms
        walk = case_reading.reading(db, mode, search, params, None, 0, cap + 1, filtered=(sop, status)).walk \
            if cap is not None and (sop or status) else None
        statement = case_list.count(mode, bool(sop), bool(status), cap is not None, readable_secret is not None, walk)
        return db.scalar(statement, params) or 0


def _readable_secret(ws: Workspace, mode: str | None, viewer: Actor | None) -> set[int] | None:
    """For a search by a reader who is not an administrator: the confidential cases whose
    perihal the reader may see (the others match only by number or requester); None when
    nothing is hidden (no search, or an administrator)."""
    if mode is None:
        return None
    with ws.db.reading() as session:
        reader = None if viewer is None else viewer_of(session, viewer, ws.catalog.role_includes)
        if reader is not None and reader.is_admin:
            return None
        secret = session.scalars(select(Case.id).where(Case.rahasia.is_(True))).all()
        return readable_cases(session, reader, secret)


def users_with_role(ws: Workspace, role: str) -> list[tuple[str, str]]:
    """(username, full name) of the active users who may act in a role (they hold it or a
    role that includes it, users.effective_roles), for "assign to"."""
    from sopdesk.store.models import Role, UserRole

    includes = ws.catalog.role_includes
    holders = roles_including(role, includes, includes)
    query = (
        select(User.username, User.full_name)
        .join(UserRole, UserRole.user_id == User.id)
        .join(Role, Role.id == UserRole.role_id)
        .where(Role.name.in_(sorted(holders)), User.active.is_(True))
        .group_by(User.username, User.full_name)
        .order_by(User.username)
    )
    with ws.db.connect() as conn:
        return [(username, full_name) for username, full_name in conn.execute(query)]
