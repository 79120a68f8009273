"""A login for reading: every command that shows office data (a case, the visitor book, the
user list, the letter agenda, a printout) first checks who is asking, as the acting commands
do, so that whoever sits at the office PC cannot read NIKs and case files without a password.

Unlike `Workspace.login`, a right password writes nothing: reading works on a read-only
database (`mode=ro`, a backup opened for a look) and a `case show` does not add a login event
to the audit log each time. A wrong password is counted and audited exactly as at any other
login (the same lockout after repeated failures), because that goes through `Workspace.login`."""

from __future__ import annotations

from sopdesk.engine import tamper
from sopdesk.engine.users import Actor, check_login, one_verification
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError


def login_to_read(ws: Workspace, username: str, password: str) -> Actor:
    """The user whose password this is, or the login's UserError (the failure recorded)."""
    if not ws.is_set_up():
        raise UserError("Program sopdesk belum disiapkan: jalankan dulu 'sopdesk setup'")
    with one_verification():  # a failure counted below is not verified a second time
        with ws.db.reading() as session:
            # a right password on a user record changed outside sopdesk (a forged admin flag or
            # password hash) opens nothing, for reading either (engine.tamper)
            result = tamper.checked_login(ws, session, check_login(session, username, password, ws.clock()))
            if not isinstance(result, UserError):
                actor = Actor(result.id, result.username)
            session.rollback()  # check_login's bookkeeping (a rehash) is not kept from a read
        if isinstance(result, UserError):
            return ws.login(username, password)  # counts and audits the failure, then raises it
    return actor
