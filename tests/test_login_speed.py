"""A login finds the user's newest seal through the index of the events that seal user accounts
(issue #15), on both stores: the query uses the partial index (EXPLAIN), the newest seal is the
one compared (a record set back outside sopdesk to what an older seal holds is refused), and
without the index the answer is the same (an index dropped outside sopdesk slows the login
down, it opens nothing)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import select, text

from sopdesk.engine import accounts, cases, tamper
from sopdesk.engine.users import Actor
from sopdesk.errors import PermissionRefused
from sopdesk.store.models import User

pytestmark = pytest.mark.both_stores
PASSWORD = "rahasia-123"  # conftest's
INDEX = "ix_audit_event_user_seal"


def plan(ws) -> str:  # noqa: ANN001
    """The store's plan for the login's query of the newest user seals."""
    with ws.db.reading() as session:
        compiled = tamper.USER_SEALS_NEWEST_FIRST.compile(session.get_bind())
        sql = str(compiled)
        if ws.db.engine.dialect.name == "sqlite":
            rows = session.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
            return "\n".join(str(row[-1]) for row in rows)
        session.execute(text("SET LOCAL enable_seqscan = off"))  # a tiny test table: the plan a big one gets
        return "\n".join(row[0] for row in session.execute(text("EXPLAIN " + sql.replace("%%", "%"))))


def raw(ws, data_dir, sql: str) -> None:  # noqa: ANN001
    """A change made outside sopdesk, with a database tool."""
    url = ws.db.url
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            conn.execute("SET session_replication_role = replica")
            conn.execute(sql)
        return
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute(sql)
        conn.commit()


def test_the_login_reads_the_newest_user_seal_from_the_partial_index(ws, admin):
    assert INDEX in plan(ws)
    assert "SCAN audit_event\n" not in plan(ws) + "\n"  # never the whole log


def test_the_newest_seal_is_compared_not_an_older_one(ws, admin, make_user, data_dir):
    kasubag = make_user("kasubag", "Kasubag", "Staf")
    # events that seal no user come between the user's seals
    help_desk = make_user("help.desk", "Help Desk")
    for n in range(3):
        cases.start_case(ws, help_desk, "PP", f"Permohonan {n}", entry="surat")
    accounts.set_roles(ws, admin, "kasubag", ["Kasubag"])  # the newest seal: Staf taken away
    assert ws.login("kasubag", PASSWORD) == kasubag
    # Staf given back outside sopdesk: the record is what the older seal holds, not the newest
    raw(ws, data_dir, f"INSERT INTO user_role (user_id, role_id) SELECT {kasubag.user_id}, id FROM role "
                      "WHERE name = 'Staf'")
    with pytest.raises(PermissionRefused, match="telah diubah di luar sopdesk"):
        ws.login("kasubag", PASSWORD)


def test_without_the_index_the_login_still_compares_the_newest_seal(ws, admin, make_user, data_dir):
    kasubag = make_user("kasubag", "Kasubag", "Staf")
    accounts.set_roles(ws, admin, "kasubag", ["Kasubag"])
    raw(ws, data_dir, f"DROP INDEX {INDEX}")
    assert ws.login("kasubag", PASSWORD) == Actor(kasubag.user_id, "kasubag")
    assert INDEX not in plan(ws)  # (after a query: SQLite's EXPLAIN alone keeps the schema it knew)
    raw(ws, data_dir, f"INSERT INTO user_role (user_id, role_id) SELECT {kasubag.user_id}, id FROM role "
                      "WHERE name = 'Staf'")
    with pytest.raises(PermissionRefused, match="telah diubah di luar sopdesk"):
        ws.login("kasubag", PASSWORD)


def test_the_index_holds_only_the_events_that_seal_user_accounts(ws, admin, make_user):
    make_user("help.desk", "Help Desk")
    with ws.db.reading() as session:
        user_events = session.execute(tamper.USER_SEALS_NEWEST_FIRST).all()
        everything = session.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
        users = session.execute(select(User.id)).all()
    assert users and user_events and len(user_events) < everything
    assert all('"user_account":{' in sealed for (sealed,) in user_events)


def test_the_warm_up_before_masuk_reads_only(ws, admin, make_user, data_dir):
    from sopdesk.engine import anchor
    from sopdesk.gui.start import warm_first_screen

    make_user("kasubag", "Kasubag")
    with ws.db.reading() as session:
        before = session.execute(text("SELECT count(*), max(id) FROM audit_event")).one()
    head = anchor.anchor_path(data_dir, ws.db.url).read_bytes()
    warm_first_screen(ws)
    with ws.db.reading() as session:
        assert session.execute(text("SELECT count(*), max(id) FROM audit_event")).one() == before
    assert anchor.anchor_path(data_dir, ws.db.url).read_bytes() == head
    assert ws.login("kasubag", PASSWORD).username == "kasubag"  # and the login works after it


def test_the_opener_warms_before_it_says_the_office_is_open(ws, admin, monkeypatch):
    # a Masuk clicked as soon as the office is open must not share the interpreter with the
    # warming (it ran beside the password check before, issue #15)
    from sopdesk.gui import start as start_module

    order: list[str] = []
    monkeypatch.setattr(start_module, "warm_first_screen", lambda _ws: order.append("queries"))
    monkeypatch.setattr(start_module, "warm_qt_types", lambda: order.append("qt types"))
    opener = start_module.Opener(ws.data_dir, ws.db.url if ws.db.url.startswith("postgresql") else None)
    opener.opened.connect(lambda opened: (order.append("opened"), opened[0].close()))
    opener._run()
    assert order == ["queries", "qt types", "opened"]


def test_the_models_do_not_load_the_postgresql_dialect():
    # the index's PostgreSQL condition lives in migration 0010 only: naming it in the models
    # would import SQLAlchemy's PostgreSQL dialect on every start, on SQLite too
    import subprocess
    import sys

    code = "import sys, sopdesk.store.models; print('sqlalchemy.dialects.postgresql' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


class CountingHasher:
    """The test's password hasher, counting the Argon2 verifications."""

    def __init__(self, inner) -> None:  # noqa: ANN001
        self.inner, self.verified = inner, 0

    def verify(self, stored: str, password: str) -> bool:
        self.verified += 1
        return self.inner.verify(stored, password)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.inner, name)


def test_a_failed_login_to_read_is_verified_once_and_counted(ws, admin, make_user, monkeypatch):
    from sopdesk.engine import users, viewer
    from sopdesk.errors import UserError

    make_user("kasubag", "Kasubag")
    hasher = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", hasher)
    with pytest.raises(UserError, match="kata sandi salah"):
        viewer.login_to_read(ws, "kasubag", "bukan-sandinya")
    assert hasher.verified == 1  # the failure counted by Workspace.login without a second Argon2 run
    with ws.db.reading() as session:
        assert session.scalar(select(User.failed_logins).where(User.username == "kasubag")) == 1
        assert session.execute(text("SELECT action FROM audit_event ORDER BY id DESC LIMIT 1")).scalar_one() \
            == "login_failed"
    # the answer does not outlive the call: the right password opens, the wrong one fails again
    assert viewer.login_to_read(ws, "kasubag", PASSWORD).username == "kasubag"
    with pytest.raises(UserError):
        viewer.login_to_read(ws, "kasubag", "bukan-sandinya")
    assert hasher.verified == 3
