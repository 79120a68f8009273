"""What every screen shares: the workspace, the logged-in user, the current role, and a
signal that tells the screens to reload after an action changed data.

The roles are the user's effective roles (engine.users.effective_roles: held ones first, then
the ones they include), one role button each; the window starts at the first role with work
waiting, so that a Ketua whose work is in the Komisioner lanes sees it at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from sopdesk.engine import queries
from sopdesk.engine.accounts import is_admin, user_roles
from sopdesk.engine.step_input import StepInput
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.worker import Worker


class GuiContext(QObject):
    """Passed to every page. Pages read through the engine with `ws` and `actor` and change data
    through `gui.operation.Operation`, which emits `data_changed` so that other pages (inbox
    counts, case lists) refresh."""

    data_changed = Signal()
    role_changed = Signal(str)
    roles_changed = Signal()  # the roles themselves (an SOP installed with a new role)
    elsewhere_changed = Signal()  # another desk, or the CLI, changed the office (gui.desk_changes)

    def __init__(self, ws: Workspace, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.is_admin = is_admin(ws, actor)
        own = user_roles(ws, actor)
        self.own_roles = bool(own)
        self.roles: list[str] = own or sorted(ws.catalog.roles)
        # an administrator without a role of their own sees every role: they too start at
        # the first one with work waiting (not at the alphabetically first, often empty)
        self.role: str = _busiest_first(ws, self.roles)
        self.worker: Worker | None = None  # the main window's background worker (printing, backups), when there is one
        # a step form closed without saving: what was typed, per (case, step, visit), offered
        # again when the form is opened in this session (gui.step_form.dialog)
        self.unsaved_forms: dict[tuple[str, int, Any], StepInput] = {}

    def catalog_roles_changed(self) -> None:
        """After an SOP was installed: an administrator without roles of their own sees every
        role of the catalog, a new one too (before, only after the next login)."""
        roles = sorted(self.ws.catalog.roles)
        if not self.own_roles and roles != self.roles:
            self.roles = roles
            self.roles_changed.emit()

    def set_role(self, role: str) -> None:
        if role != self.role and role in self.roles:
            self.role = role
            self.role_changed.emit(role)


def _busiest_first(ws: Workspace, roles: list[str]) -> str:
    """The first of the roles with open work (the first role when none has any)."""
    counts = queries.inbox_counts(ws, roles, ws.clock())
    return next((role for role in roles if counts[role][0]), roles[0])
