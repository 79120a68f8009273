"""Shared fixtures: a workspace with a clock the test controls, on a temporary SQLite file or,
for the modules that must hold on both stores, also on a fresh PostgreSQL database.

The modules in BOTH_STORES (or marked `both_stores`) run every test that uses `ws`, `data_dir`
or `store` twice: `[sqlite]` and `[postgresql]`. On the PostgreSQL run SOPDESK_DB names the
test's own database, so a CLI call or a re-opened workspace in the test reaches it too. A test
that cannot run on PostgreSQL yet says why with `@pytest.mark.sqlite_only("reason")`.
The server is a throwaway cluster started once per session (tests/helpers/pg.py); without
PostgreSQL those runs skip with the reason, and fail when CI=true. `pg_url` gives a test an
empty database of its own; the `[postgresql]` runs get a copy of a migrated template
(`pg_office_url`). The run ends with one line naming the stores and their test counts.

Per-test cost: each SQLite `ws` starts from a copy of a database migrated once per session, every
workspace whose data folder has no SOP file of its own shares one loaded catalog, and the set-up
office (`admin`) and its staff (`staff`) are made once and copied into the next test whose
database is exactly where they were made from (tests/helpers/template_db.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (language, idle lock) of the tests must not touch the user's own settings
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sopdesk-test-config-")
# nor the user's cache folder (the cached catalog and holidays: sopdesk.usercache)
os.environ["SOPDESK_CACHE_DIR"] = tempfile.mkdtemp(prefix="sopdesk-test-cache-")

from sopdesk.engine.accounts import add_user  # noqa: E402
from sopdesk.engine.users import Actor  # noqa: E402
from sopdesk.engine.workspace import Workspace  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from helpers.pg import PgServer, PgUnavailable  # noqa: E402
from helpers.template_db import (  # noqa: E402
    SqliteTemplate,
    Steps,
    catalog_once,
    make_sqlite_template,
    place_sqlite_template,
)

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


# --- the two stores ----------------------------------------------------------------------------
STORES = ("sqlite", "postgresql")
# test modules whose tests using `ws`/`data_dir`/`store` run on both stores
BOTH_STORES = frozenset({
    "test_store", "test_smoke_engine", "test_routing", "test_permissions", "test_roles",
    "test_letters", "test_expedition", "test_visitors", "test_cli", "test_return", "test_office",
    "test_drafts", "test_direct", "test_edge_inputs", "test_hostile_input", "test_audit_labels",
    "test_holidays", "test_reports_letters",
})
_stores_run: dict[str, set[str]] = {}  # store -> the tests that ran on it
_pg_state: dict[str, object] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_stores: run the module's store-using tests on "
                                       "SQLite and on PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only(reason): not run on PostgreSQL, for the "
                                       "reason given")


def runs_on_both_stores(node) -> bool:  # noqa: ANN001 - a pytest node or FunctionDefinition
    module = node.module.__name__.rpartition(".")[2] if getattr(node, "module", None) else ""
    return module in BOTH_STORES or node.get_closest_marker("both_stores") is not None


def _argnames(names: str | list | tuple) -> list[str]:
    return [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)


def _ran_on(store: str, request: pytest.FixtureRequest) -> None:
    _stores_run.setdefault(store, set()).add(request.node.nodeid)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # a widget test stays on SQLite: the window is not the store's business, and its timers
    # may outlive the test's throwaway database
    chosen = any("store" in _argnames(m.args[0]) for m in metafunc.definition.iter_markers("parametrize"))
    if ("store" in metafunc.fixturenames and "qtbot" not in metafunc.fixturenames and not chosen
            and runs_on_both_stores(metafunc.definition)):
        metafunc.parametrize("store", STORES, indirect=True)


def _pg_server() -> PgServer:
    """The session's server, started on first use; its failure is remembered, not retried."""
    if "server" in _pg_state:
        return _pg_state["server"]  # type: ignore[return-value]
    if "error" not in _pg_state:
        try:
            server = PgServer.from_env() or PgServer.start_throwaway()
        except PgUnavailable as exc:
            _pg_state["error"] = str(exc)
        else:
            _pg_state["server"] = server
            _pg_state["version"] = server.version
            return server
    reason = f"PostgreSQL not available: {_pg_state['error']}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: the PostgreSQL runs are required)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server (skips, or fails when CI=true, without one)."""
    yield _pg_server()


def pytest_sessionfinish(session: pytest.Session) -> None:
    server = _pg_state.pop("server", None)
    if server is not None:
        server.stop()  # type: ignore[attr-defined]


@pytest.fixture
def pg_url(pg_server: PgServer, request: pytest.FixtureRequest):
    """A fresh empty PostgreSQL database for this test (dropped afterwards)."""
    _ran_on("postgresql", request)
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def pg_office_url(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """A fresh PostgreSQL database already at the newest schema (a copy of a template migrated
    once per session: Alembic on every test's empty database would cost the PostgreSQL runs a
    second a test). Migrating an empty server database is tested through `pg_url`."""
    if "template" not in _pg_state:
        from sopdesk.store.db import Database, make_engine
        from sopdesk.store.migrate import prepare

        template = pg_server.create_database("sopdesk_template")
        db = Database(make_engine(template))
        try:
            prepare(db, tmp_path_factory.mktemp("template-backup"))
        finally:
            db.dispose()
        _pg_state["template"] = template
    _ran_on("postgresql", request)
    url = pg_server.create_database(template=_pg_state["template"])  # type: ignore[arg-type]
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def store(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": the store this run of the test works on."""
    name = getattr(request, "param", "sqlite")
    if name == "postgresql":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip("sqlite only: " + (marker.args[0] if marker.args else "not yet on PostgreSQL"))
    return name


@pytest.fixture
def db_url(store: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The test's database URL: None for the SQLite file in `data_dir`, else a fresh
    PostgreSQL database at the newest schema, also set as SOPDESK_DB for the CLI and
    re-opened workspaces."""
    if store == "postgresql":
        url = request.getfixturevalue("pg_office_url")
        monkeypatch.setenv("SOPDESK_DB", url)
        return url
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    _ran_on("sqlite", request)
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    """One CI log line saying which stores the run covered."""
    if not _stores_run:
        return
    names = []
    for name in STORES:
        if name not in _stores_run:
            continue
        count = len(_stores_run[name])
        label = f"{name} ({count} tests)"
        if name == "postgresql" and "version" in _pg_state:
            label = f"{name} (PostgreSQL {_pg_state['version']}, {count} tests)"
        names.append(label)
    line = "stores: " + ", ".join(names)
    if "postgresql" not in _stores_run or "error" in _pg_state:
        line += f"; PostgreSQL not run: {_pg_state.get('error', 'no test asked for it')}"
    terminalreporter.write_line(line)


@pytest.fixture
def data_dir(tmp_path: Path, db_url: str | None) -> Path:
    path = tmp_path / "data"
    if db_url is not None:  # no SQLite file creates it: attachments and catalog files live here
        path.mkdir(mode=0o700)
    return path


@pytest.fixture(scope="session", autouse=True)
def _catalog_read_once():
    """Every workspace of the session whose data folder holds no SOP file of its own shares
    one cached catalog instead of reading the bundled YAML again (helpers/template_db.py)."""
    from sopdesk.engine import workspace

    patch = pytest.MonkeyPatch()
    patch.setattr(workspace, "cached_catalog", catalog_once(workspace.cached_catalog))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    """A SQLite database migrated once per session, copied into each test's data folder."""
    return make_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def ws(data_dir: Path, db_url: str | None, clock: FakeClock, request: pytest.FixtureRequest):
    if db_url is None:  # a copy of the migrated template (PostgreSQL: pg_office_url's copy)
        place_sqlite_template(request.getfixturevalue("sqlite_template"), data_dir)
    workspace = Workspace.open(data_dir, url=db_url, clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def office_steps(tmp_path_factory: pytest.TempPathFactory) -> Steps:
    """The office's set-up and its staff, done once and copied into every test that reaches
    them from the same database (helpers/template_db.py says when)."""
    return Steps(tmp_path_factory.mktemp("office-steps"))


@pytest.fixture
def admin(ws: Workspace, office_steps: Steps) -> Actor:
    return office_steps.run("admin", ws, lambda: ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD))


@pytest.fixture
def make_user(ws: Workspace, admin: Actor):
    """make_user('kasub', 'Kasubag', ...) -> Actor, logged in."""

    def make(username: str, *roles: str) -> Actor:
        add_user(ws, admin, username, PASSWORD, list(roles))
        return ws.login(username, PASSWORD)

    return make


@pytest.fixture
def staff(ws: Workspace, make_user, office_steps: Steps) -> dict[str, Actor]:
    """One user per role of the bundled catalog."""
    roles = ["Help Desk", "Komisioner", "Ketua", "Sekretaris", "Kabag", "Kasubag", "Staf",
             "Pokja PAW", "Panitia Kegiatan", "Peserta"]
    return dict(office_steps.run(
        "staff", ws, lambda: {role: make_user(role.lower().replace(" ", "."), role) for role in roles}))


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Argon2id with the production parameters costs ~0.15 s a hash; tests use the same
    algorithm with tiny parameters (test_users checks the production ones)."""
    from argon2 import PasswordHasher

    from sopdesk.engine import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))
