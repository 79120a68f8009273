"""What every screen shares: the workspace, the logged-in user, the current role, and a
signal that tells the screens to reload after an action changed data."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from sopdesk.engine.accounts import user_roles
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import User


class GuiContext(QObject):
    """Passed to every page. Pages call engine services with `ws` and `actor`, then call
    `data_changed.emit()` so that other pages (inbox counts, case lists) refresh."""

    data_changed = Signal()
    role_changed = Signal(str)

    def __init__(self, ws: Workspace, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        with ws.db.reading() as session:
            self.is_admin = bool(session.scalar(select(User.is_admin).where(User.id == actor.user_id)))
        self.roles: list[str] = user_roles(ws, actor) or sorted(ws.catalog.roles)
        self.role: str = self.roles[0]
        self.worker = None  # the main window's background worker (printing, backups), when there is one

    def set_role(self, role: str) -> None:
        if role != self.role and role in self.roles:
            self.role = role
            self.role_changed.emit(role)
