"""Help-desk registration (buku tamu + PPID Form Model B). An information request starts
a Pelayanan Publik case at its help-desk entry, in the same transaction, and the clerk's
registration does the help-desk steps there and then (PP 1 "Melakukan registrasi", 2 directing
the requester to the Ketua, the Sekretaris or a division): they are completed by the same
completion code as a step form, so the case waits at the first step of another lane instead
of leaving forms in the Help Desk inbox that turn late in minutes.

Which purposes start a case is declared by the catalog (issue #13): an SOP entry with
`pintu: {jenis: tamu, kode: ..., label: ...}` (the bundled PP: permohonan_informasi) adds its
purpose to the help desk's list; the purposes in PLAIN_PURPOSES start nothing."""

from __future__ import annotations

from datetime import date

from sopdesk.catalog import Sop
from sopdesk.engine import audit
from sopdesk.engine.cases import complete, start_case_in
from sopdesk.engine.registers import require_any_role
from sopdesk.engine.step_input import OutputValue, StepInput
from sopdesk.engine.users import Actor, load_actor, require_role
from sopdesk.engine.visitor_form import (  # noqa: F401 - the form's names, as before
    DELIVERY_METHODS,
    OBTAIN_METHODS,
    PLAIN_PURPOSES,
    PURPOSES,
    VisitorForm,
    validate,
)
from sopdesk.engine.workspace import Workspace
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Visitor

HELP_DESK_ROLE = "Help Desk"  # who keeps the buku tamu when no SOP declares a visitor door


def purposes(ws: Workspace) -> dict[str, str]:
    """Code -> label of the purposes the help desk offers: the visitor doors of the installed
    SOPs that are switched on (by label), then the purposes that start nothing."""
    off = ws.disabled_sops()
    doors = {pintu.kode: pintu.label for pintu, sop, _ in ws.catalog.doors("tamu") if sop.kode not in off}
    return {**doors, **{code: PURPOSES[code] for code in PLAIN_PURPOSES}}


def purpose_label(ws: Workspace, code: str) -> str:
    """The label of a purpose recorded earlier (its SOP may be gone or switched off since)."""
    door = ws.catalog.door("tamu", code)
    if door is not None and door[1].pintu is not None:
        return door[1].pintu.label
    return PURPOSES.get(code, code)


def visitor_roles(ws: Workspace) -> list[str]:
    """Who keeps the buku tamu: the lanes where the visitor doors start (Help Desk)."""
    roles = sorted({sop.role_of(entri.kegiatan) for _, sop, entri in ws.catalog.doors("tamu")})
    return roles or [HELP_DESK_ROLE]


def register_visitor(ws: Workspace, actor: Actor, form: VisitorForm) -> tuple[int, str | None]:
    """Record a visitor; return (visitor id, case number or None). A purpose that is an SOP's
    visitor door (an information request: PP) starts a case at that entry, whose help-desk
    steps are done by the registering clerk."""
    data = validate(form, purposes(ws))
    directed_to = data.pop("directed_to")
    now = ws.clock()
    door = ws.catalog.door("tamu", data["purpose"] or "")
    with ws.db.direct() as tx:
        session = tx.session()
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        case = None
        if door is None:
            require_any_role(user, tuple(visitor_roles(ws)), "mencatat tamu")
        else:
            sop, entri = door
            entry_step = entri.kegiatan
            require_role(user, sop.role_of(entry_step), "mencatat tamu")
            prefix = entri.pintu.title_prefix if entri.pintu is not None else ""  # a door: it has its pintu
            title = prefix + (data["info_requested"] or "")[:120]  # required for a door (validate)
            case = start_case_in(ws, session, actor, sop.kode, title, entri.kode, requester=data["name"])
        visitor = Visitor(registered_at=now, registered_by=user.id,
                          case_id=case.id if case else None, **data)
        session.add(visitor)
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="visitor_registered",
                     case_id=case.id if case else None, visitor_id=visitor.id,
                     purpose=data["purpose"])
        if case is not None:
            tx.flush()
            _do_help_desk_steps(ws, tx, actor, sop, case.number, entry_step, visitor.id,
                                directed_to, ws.calendar.local(now).date())
        return visitor.id, case.number if case else None


def direction_targets(ws: Workspace) -> list[str]:
    """Whom the desk may direct an information requester to (PP step 2: "kepada Ketua,
    Sekretaris, atau divisi yang dituju"): the Ketua, the Sekretaris, then the divisions of
    the organisation directory (the members of the commission who lead them)."""
    from sopdesk.engine.dispositions import directory  # dispositions imports the letter registers

    divisions = [unit.nama for unit in directory(ws).values() if unit.peran == "Komisioner"]
    return ["Ketua", "Sekretaris", *divisions]


def registration_steps(sop: Sop, entry_step: int) -> list[int]:
    """The steps a registration completes: the entry step and the plain steps after it in the
    same lane (no decision, no waiting, no kelengkapan to check); PP: 1 and 2."""
    steps = [entry_step]
    while True:
        exits = sop.exits(steps[-1])
        following = exits[0][1]
        if len(exits) != 1 or isinstance(following, str):  # END
            return steps
        step = sop.step(following)
        if (following in steps or sop.role_of(following) != sop.role_of(entry_step)
                or step.is_decision or step.is_wait or step.kelengkapan):
            return steps
        steps.append(following)


def _do_help_desk_steps(ws: Workspace, tx: DirectTx, actor: Actor, sop: Sop, number: str,
                        entry_step: int, visitor_id: int, directed_to: str | None,
                        today: date) -> None:
    """Complete the registration steps in the registration's own transaction: the
    registration itself (noted with the buku tamu number), then directing the requester
    (its outputs dated today, the target in the note)."""
    steps = registration_steps(sop, entry_step)
    for step_no in steps:
        if step_no == entry_step:
            note = f"Tercatat di buku tamu no. {visitor_id}"
        elif directed_to:
            note = f"Pemohon diarahkan kepada {directed_to}"
        else:
            note = None
        outputs = {name: OutputValue(date=today) for name in sop.step(step_no).output}
        outside = sop.lane(sop.step(step_no).pelaksana).eksternal  # the visitor's own step (issue #13)
        complete(ws, actor, number, StepInput(outputs=outputs, note=note, on_behalf=outside), step=step_no,
                 within=tx)
