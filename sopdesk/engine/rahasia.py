"""Confidential cases and letters: who may read their perihal.

Why a module of its own: a rahasia letter (sifat "rahasia") or a case on a rahasia route
(`pilihan.rahasia` in the SOP) shows its perihal only to the people on its chain and to
administrators, and a rahasia letter to the roles that may dispose letters; everyone else sees
"(rahasia)". Every read function (inbox, case list, case detail, letter agenda, reports) asks
here, so the desktop and the command line agree.

The chain of a case: the roles of its work items (every lane it went through or waits in),
the roles its dispositions were addressed to, and the users who started it, worked or took a
step, registered its letters or disposed them. The chain of a letter: its dispositions, the
user who registered it, and the chain of the case it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sopdesk.engine.users import ActingUser, Actor, RoleIncludes, load_actor
from sopdesk.store.models import Case, Disposition, DispositionTarget, IncomingLetter, WorkItem

MASK = "(rahasia)"


@dataclass(frozen=True)
class Viewer:
    """Who is reading: a user's id, effective roles and whether an administrator."""

    user_id: int
    roles: frozenset[str]
    is_admin: bool


def viewer_of(session: Session, who: Actor | ActingUser | Viewer | None, includes: RoleIncludes) -> Viewer | None:
    """The reading user (None: nobody signed in, every confidential perihal is masked)."""
    if who is None or isinstance(who, Viewer):
        return who
    if isinstance(who, Actor):
        who = load_actor(session, who, includes=includes)
    return Viewer(who.id, frozenset(who.role_names), who.is_admin)


def _chains(session: Session, case_ids: set[int]) -> dict[int, tuple[set[str], set[int]]]:
    """Case id -> (roles, user ids) on its chain."""
    chains: dict[int, tuple[set[str], set[int]]] = {i: (set(), set()) for i in case_ids}
    if not case_ids:
        return chains
    ids = sorted(case_ids)
    for case_id, started_by in session.execute(select(Case.id, Case.started_by).where(Case.id.in_(ids))):
        chains[case_id][1].add(started_by)
    for case_id, role, done_by, assignee in session.execute(
            select(WorkItem.case_id, WorkItem.role, WorkItem.completed_by, WorkItem.assignee_id)
            .where(WorkItem.case_id.in_(ids))):
        roles, users = chains[case_id]
        roles.add(role)
        users.update(u for u in (done_by, assignee) if u is not None)
    letters: dict[int, int] = {  # their case_id is one of ids, so never NULL
        letter_id: case_id for letter_id, case_id in session.execute(
            select(IncomingLetter.id, IncomingLetter.case_id).where(IncomingLetter.case_id.in_(ids)))
        if case_id is not None}
    for letter_id, registered_by in session.execute(
            select(IncomingLetter.id, IncomingLetter.registered_by).where(IncomingLetter.id.in_(letters))):
        chains[letters[letter_id]][1].add(registered_by)
    dispositions = session.execute(
        select(Disposition.id, Disposition.case_id, Disposition.incoming_letter_id, Disposition.from_user)
        .where(or_(Disposition.case_id.in_(ids), Disposition.incoming_letter_id.in_(list(letters))))).all()
    owner = {}
    for disposition_id, on_case, on_letter, from_user in dispositions:
        target = on_case if on_case in chains else (letters.get(on_letter) if on_letter is not None else None)
        if target is None:
            continue
        owner[disposition_id] = target
        chains[target][1].add(from_user)
    if owner:
        for disposition_id, role in session.execute(
                select(DispositionTarget.disposition_id, DispositionTarget.peran)
                .where(DispositionTarget.disposition_id.in_(list(owner)))):
            chains[owner[disposition_id]][0].add(role)
    return chains


def _may_read(viewer: Viewer | None, roles: set[str], users: set[int]) -> bool:
    if viewer is None:
        return False
    return viewer.is_admin or viewer.user_id in users or bool(viewer.roles & roles)


def readable_cases(session: Session, viewer: Viewer | None, secret_ids: Iterable[int]) -> set[int]:
    """Of the confidential cases given, those whose perihal the viewer may read."""
    secret_ids = set(secret_ids)
    if not secret_ids or viewer is None:
        return set()
    if viewer.is_admin:
        return secret_ids
    return {i for i, (roles, users) in _chains(session, secret_ids).items() if _may_read(viewer, roles, users)}


def readable_letters(session: Session, viewer: Viewer | None, secret_ids: Iterable[int],
                     disposers: Iterable[str] = ()) -> set[int]:
    """Of the confidential incoming letters given, those whose perihal the viewer may read.
    `disposers`: the roles that may dispose incoming letters in this office (engine.registers.
    disposer_roles); they read every one, since they must read what they dispose (a rahasia
    letter is addressed to the leadership; the lead's decision, #15 session)."""
    secret_ids = set(secret_ids)
    if not secret_ids or viewer is None:
        return set()
    if viewer.is_admin or viewer.roles & set(disposers):
        return secret_ids
    rows = session.execute(select(IncomingLetter.id, IncomingLetter.case_id, IncomingLetter.registered_by)
                           .where(IncomingLetter.id.in_(sorted(secret_ids)))).all()
    case_chains = _chains(session, {case_id for _, case_id, _ in rows if case_id is not None})
    readable = set()
    for letter_id, case_id, registered_by in rows:
        roles, users = case_chains.get(case_id, (set(), set())) if case_id is not None else (set(), set())
        users = users | {registered_by}
        roles = set(roles)
        for disposition in session.scalars(select(Disposition).where(Disposition.incoming_letter_id == letter_id)):
            users.add(disposition.from_user)
            roles.update(t.peran for t in disposition.targets)
        if _may_read(viewer, roles, users):
            readable.add(letter_id)
    return readable


def case_readable(session: Session, viewer: Viewer | None, case: Case) -> bool:
    """One case: may the viewer read its perihal?"""
    return not case.rahasia or case.id in readable_cases(session, viewer, [case.id])
