"""What every screen shares: the workspace, the logged-in user, the current role, and a
signal that tells the screens to reload after an action changed data.

The roles are the user's effective roles (engine.users.effective_roles: held ones first, then
the ones they include), one role button each; the window starts at the first role with work
waiting, so that a Ketua whose work is in the Komisioner lanes sees it at once.

The inbox counts of every role are read here, once per change (`inbox_counts`): the role bar,
the navigation's "Kotak Masuk (n)" and Kotak Masuk's own summary refresh on the same signal and
share one read (on the office of 100,000 cases each extra read cost ~5 ms of the GUI thread at
every refresh)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from sopdesk.engine import commits, queries
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
    office_changed = Signal()  # a change (anyone's) touched the office's profile (gui.desk_changes)
    calendar_changed = Signal()  # ... or the work calendar: an office holiday, the time zone

    def __init__(self, ws: Workspace, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.is_admin = is_admin(ws, actor)
        own = user_roles(ws, actor)
        self.own_roles = bool(own)
        self.roles: list[str] = own or sorted(ws.catalog.roles)
        # the inbox counts as last read, with what they were read at (inbox_counts); forgotten
        # first thing at a change (these connections come before any screen's)
        self._counts: tuple[tuple[int, datetime], dict[str, tuple[int, int]]] | None = None
        self.data_changed.connect(self.forget_counts)
        self.elsewhere_changed.connect(self.forget_counts)
        # an administrator without a role of their own sees every role: they too start at
        # the first one with work waiting (not at the alphabetically first, often empty)
        counts = self.inbox_counts()
        self.role: str = next((role for role in self.roles if counts[role][0]), self.roles[0])
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

    def inbox_counts(self) -> dict[str, tuple[int, int]]:
        """Every role's (waiting, late) counts, read again only when they may differ: after a
        write of this process (engine.commits), a change this desk or another made
        (`data_changed`, `elsewhere_changed`), in a new minute of the clock (a waiting item
        turns late), or after `forget_counts()` (F5)."""
        now = self.ws.clock()
        stamp = (commits.committed(self.ws), now.replace(second=0, microsecond=0))
        kept = self._counts
        if kept is None or kept[0] != stamp or not set(self.roles) <= kept[1].keys():
            kept = self._counts = (stamp, queries.inbox_counts(self.ws, self.roles, now))
        return kept[1]

    def forget_counts(self) -> None:
        """The next `inbox_counts()` reads the store."""
        self._counts = None

    def set_role(self, role: str) -> None:
        if role != self.role and role in self.roles:
            self.role = role
            self.role_changed.emit(role)

