"""What other registers do when a step is completed, inside the completion's transaction.

Why a module of its own: cases.complete must not know the letter registers (they start cases
and complete steps themselves, so importing them would close an import circle), yet a
completed step with a letter output is entered in the outgoing agenda and the buku ekspedisi
in the same transaction. cases.complete asks this module instead; the reactions are named
here, in `built_in()`, so they run whichever modules a program (the CLI, the GUI, a test that
imports only engine.cases) happened to import. `register` adds one more (a test's probe).

A reaction is two functions: `wants` (does this step concern it? asked on every completion,
so it is cheap and reads nothing) and `react`, which writes and returns notices for the user
("Surat Balasan: surat keluar nomor ..."). A UserError raised by `react` refuses the whole
completion. `react` takes the ORM objects of the case and its items; a built-in reaction takes
the step's facts instead (`react_on_facts`: no ORM load on the hot path of a completion). A
step input may also carry its own reaction, a `completed` method (the lembar disposisi riding
on a step: engine.dispositions.DispositionInput); it runs first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from sopdesk.catalog import Sop
from sopdesk.engine.step_facts import StepFacts
from sopdesk.engine.step_input import StepInput
from sopdesk.engine.users import ActingUser
from sopdesk.engine.workspace import Workspace
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, WorkItem

Wants = Callable[[Workspace, Sop, int, StepInput], bool]
React = Callable[[Workspace, Session, ActingUser, Case, WorkItem, Sop, StepInput, WorkItem | None, datetime],
                 list[str]]
ReactOnFacts = Callable[[Workspace, DirectTx, ActingUser, StepFacts, Sop, StepInput, datetime], list[str]]
CASE_FACTS = select(Case.title, Case.requester).where(Case.id == bindparam("case_id"))


@dataclass(frozen=True)
class Reaction:
    name: str
    wants: Wants
    react: React | None = None  # given the ORM objects (a registered reaction, a test's probe)
    react_on_facts: ReactOnFacts | None = None  # given the step's facts only (the built-in ones)


class CarriedReaction(Protocol):
    """A step input's own reaction (StepInput subclasses may define `completed`)."""

    def __call__(self, ws: Workspace, session: Session, user: ActingUser, case: Case, item: WorkItem,
                 next_item: WorkItem | None, now: datetime) -> list[str]: ...


_built_in: list[Reaction] = []
_registered: list[Reaction] = []


def built_in() -> tuple[Reaction, ...]:
    """The reactions every completion runs. Imported when a completion first asks: the letter
    registers load only when a step is done (engine.letter_steps imports neither cases nor
    this module)."""
    from sopdesk.engine import letter_steps

    return (Reaction("letters", letter_steps.has_step_work, react_on_facts=letter_steps.on_step_completed),)


def register(reaction: Reaction) -> None:
    """Add a reaction to every later completion (once: a second one of that name replaces it)."""
    _registered[:] = [r for r in _registered if r.name != reaction.name] + [reaction]


def unregister(name: str) -> None:
    _registered[:] = [r for r in _registered if r.name != name]


def reactions() -> tuple[Reaction, ...]:
    """The built-in reactions, then the registered ones."""
    if not _built_in:
        _built_in.extend(built_in())
    return (*_built_in, *_registered)


def carried(data: StepInput) -> CarriedReaction | None:
    extra = getattr(data, "completed", None)
    return extra if callable(extra) else None


def wanted(ws: Workspace, sop: Sop, step_no: int, data: StepInput) -> bool:
    """Whether any reaction has work for this completed step (most steps: no)."""
    return carried(data) is not None or any(r.wants(ws, sop, step_no, data) for r in reactions())


def after_step(ws: Workspace, tx: DirectTx, user: ActingUser, number: str, case_id: int, item_id: int,
               step_no: int, sop: Sop, data: StepInput, next_id: int | None, now: datetime,
               case_facts: tuple[str, str | None] | None = None) -> list[str]:
    """Run the step input's own reaction and every reaction that wants this step, in the
    completion's (direct) transaction, after the step's documents are written and the case has
    moved on (`next_id`: the new work item, None when the case ended); their notices in order.
    The ORM objects of the case and its items are loaded once, for the reactions that take them;
    a reaction on the step's facts gets the direct transaction itself (no ORM session made).
    `case_facts`: the case's title and requester as the completion read them (else read here)."""
    tx.flush()  # what the completion wrote through its session, if it opened one
    loaded: list[tuple[Case, WorkItem, WorkItem | None]] = []

    def objects() -> tuple[Case, WorkItem, WorkItem | None]:
        if not loaded:
            session = tx.session()
            session.expire_all()  # the direct writes of the completion are newer than what it loaded
            loaded.append((session.get_one(Case, case_id), session.get_one(WorkItem, item_id),
                           session.get(WorkItem, next_id) if next_id else None))
        return loaded[0]

    notices: list[str] = []
    extra = carried(data)
    if extra is not None:
        notices += extra(ws, tx.session(), user, *objects(), now)
    for reaction in reactions():
        if not reaction.wants(ws, sop, step_no, data):
            continue
        if reaction.react_on_facts is not None:
            if case_facts is None:
                case_facts = tx.execute(CASE_FACTS, {"case_id": case_id}).first() or ("", None)
            title, requester = case_facts
            facts = StepFacts(case_id, number, title, requester, item_id, step_no)
            notices += reaction.react_on_facts(ws, tx, user, facts, sop, data, now)
        elif reaction.react is not None:
            case, item, next_item = objects()
            notices += reaction.react(ws, tx.session(), user, case, item, sop, data, next_item, now)
    return notices
