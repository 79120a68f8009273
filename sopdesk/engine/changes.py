"""What changed in the office since a desk last looked, from the audit log: every change
writes an audit event in its own transaction, so the newest event's id is a change counter,
and the actions of the events after a known id say what kind of change it was (the window
reads the office profile again only after an "office_updated" or a restore).

One statement per look: the newest id, and the actions after `position` (the log only grows;
a restored backup can make the newest id smaller, which is a change too)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, func, literal, select, union_all

from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import AuditEvent

# the actions after which the office's own profile (its name, address, logo) may differ
OFFICE_ACTIONS = frozenset({"office_updated", "backup_restored", "setup"})
# the actions after which the work calendar may differ (an office holiday, the time zone)
CALENDAR_ACTIONS = frozenset({"holiday_added", "office_updated", "backup_restored"})


@dataclass(frozen=True)
class Changes:
    position: int  # the newest audit event's id now (0: none)
    actions: frozenset[str]  # the actions of the events after the position asked about

    def touch_office(self) -> bool:
        return bool(self.actions & OFFICE_ACTIONS)

    def touch_calendar(self) -> bool:
        return bool(self.actions & CALENDAR_ACTIONS)


def changes_since(ws: Workspace, position: int) -> Changes:
    """The newest audit event's id, and the actions of the events after `position`."""
    after = (select(AuditEvent.action, func.max(AuditEvent.id))
             .where(AuditEvent.id > position).group_by(AuditEvent.action))
    newest = select(literal(None, String), func.max(AuditEvent.id))
    with ws.db.reading() as session:
        rows = session.execute(union_all(after, newest)).all()
    actions = frozenset(action for action, _ in rows if action is not None)
    top = next((newest_id for action, newest_id in rows if action is None), None)
    return Changes(top or 0, actions)
