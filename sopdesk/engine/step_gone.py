"""Whether the step a form is open on still waits, and if not, who acted on it and when.

Two desks work one inbox: the Kasubag had a step form open, typing, while the same step was
completed at another desk (or with `sopdesk case complete`); the form said so only at Selesai,
after the typing (Xvfb, /tmp/h8/s/11_selesai_refused.png). The window's change watch
(gui.desk_changes) asks this of an open form, so it says so within seconds, in the engine's
own words of a refused action (case_steps.refuse_acted_on)."""

from __future__ import annotations

from datetime import datetime

from sopdesk.engine.case_steps import OPEN_STEP, refuse_acted_on
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict


def acted_on_elsewhere(ws: Workspace, number: str, step: int, since: datetime | None) -> str | None:
    """None while the case still waits at `step` in the visit that began at `since`; else
    what happened to it (e.g. 'Kegiatan 6 RAKOR/2026/13516 sudah diselesaikan oleh kasubag
    pukul 03.37 WITA'). One indexed read."""
    with ws.db.reading() as session:
        row = session.execute(OPEN_STEP, {"number": number}).first()
        if row is not None and row.step_no == step and row.created_at == since:
            return None
        try:
            refuse_acted_on(ws, session, number, step)
        except Conflict as exc:
            return str(exc)
    return f"Kegiatan {step} {number} tidak lagi menunggu"
