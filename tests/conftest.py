"""Shared fixtures: a workspace on a temporary SQLite file with a clock the test controls."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (language, idle lock) of the tests must not touch the user's own settings
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sopdesk-test-config-")

from sopdesk.engine.accounts import add_user  # noqa: E402
from sopdesk.engine.users import Actor  # noqa: E402
from sopdesk.engine.workspace import Workspace  # noqa: E402

PASSWORD = "rahasia-123"
WITA = timezone(timedelta(hours=8))


class FakeClock:
    """A clock that stands still until the test moves it."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    # Monday 2 March 2026, 09:00 WITA: a plain working day
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=WITA).astimezone(timezone.utc))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path, clock: FakeClock):
    workspace = Workspace.open(data_dir, clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture
def admin(ws: Workspace) -> Actor:
    return ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)


@pytest.fixture
def make_user(ws: Workspace, admin: Actor):
    """make_user('kasub', 'Kasubag', ...) -> Actor, logged in."""

    def make(username: str, *roles: str) -> Actor:
        add_user(ws, admin, username, PASSWORD, list(roles))
        return ws.login(username, PASSWORD)

    return make


@pytest.fixture
def staff(make_user) -> dict[str, Actor]:
    """One user per role of the bundled catalog."""
    roles = ["Help Desk", "Komisioner", "Ketua", "Sekretaris", "Kabag", "Kasubag", "Staf",
             "Pokja PAW", "Panitia Kegiatan", "Peserta"]
    return {role: make_user(role.lower().replace(" ", "."), role) for role in roles}


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Argon2id with the production parameters costs ~0.15 s a hash; tests use the same
    algorithm with tiny parameters (test_users checks the production ones)."""
    from argon2 import PasswordHasher

    from sopdesk.engine import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))
