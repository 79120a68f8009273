"""The workspace of one command and who acts in it: opened and closed around the command's
work (`with office(args) as ws:`, or `with reading(args) as (ws, viewer):` for a command that
only shows office data), refused while a check's findings of tampering wait for an
administrator, and the login of a command that acts or only reads."""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sopdesk.errors import UserError

# The engine (SQLAlchemy, the models, the catalog) is imported when a command opens the office,
# not with this module: every command module imports this one, and the parser, built from them,
# checks a command line before its password is asked (sopdesk.cli.main).
if TYPE_CHECKING:
    from sopdesk.catalog import Catalog
    from sopdesk.engine.users import Actor
    from sopdesk.engine.workspace import Workspace


def open_office(args: Namespace, held_ok: bool = False) -> Workspace:
    """The workspace of the command (the caller closes it); refused while a check's findings of
    tampering wait for an administrator (engine.tamper), except for the commands that deal
    with them (`held_ok`)."""
    from sopdesk.engine.workspace import Workspace

    ws = Workspace.open(args.data_dir, args.db)
    warn_left_out(ws.catalog)
    if ws.db.hold is not None and not held_ok:
        message = ws.db.hold
        ws.close()
        raise UserError(message)
    return ws


@contextmanager
def office(args: Namespace, held_ok: bool = False) -> Iterator[Workspace]:
    """The workspace of the command, closed when the block ends (open_office)."""
    ws = open_office(args, held_ok)
    try:
        yield ws
    finally:
        ws.close()


@contextmanager
def reading(args: Namespace) -> Iterator[tuple[Workspace, Actor]]:
    """The workspace of a command that only shows office data and the viewer's login (--as),
    closed when the block ends."""
    with office(args) as ws:
        yield ws, viewer(ws, args)


def warn_left_out(catalog: Catalog) -> None:
    """A catalog file that is broken or conflicts is left out: one line each on stderr
    (issue #13: it never stops the office)."""
    for problem in catalog.left_out:
        print(f"sopdesk: peringatan: {problem}", file=sys.stderr)


def office_catalog(args: Namespace) -> Catalog:
    """The catalog (bundled and the office's own SOPs) without opening the database."""
    from sopdesk.catalog import bundled_catalog_dir, load_catalog

    catalog = load_catalog([bundled_catalog_dir(), args.data_dir / "sop_catalog"], tolerant=True)
    warn_left_out(catalog)
    return catalog


def password(prompt: str, env: str = "SOPDESK_PASSWORD") -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"Kata sandi tidak diberikan: isi variabel {env} atau jalankan di terminal")
    return getpass.getpass(prompt)


def new_password(username: str) -> str:
    value = os.environ.get("SOPDESK_NEW_PASSWORD")
    if value:
        return value
    first = password(f"Kata sandi baru untuk {username}: ", env="SOPDESK_NEW_PASSWORD")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise UserError("Kedua kata sandi tidak sama")
    return first


def login_password(args: Namespace) -> str:
    """The password of the user the command acts as: typed at the prompt the command line
    showed before its imports (sopdesk.cli.main.ask_password_first), else SOPDESK_PASSWORD or
    asked now."""
    from sopdesk import password_ahead

    typed = password_ahead.take_typed(args.actor)
    return typed if typed is not None else password(f"Kata sandi {args.actor}: ")


def actor(ws: Workspace, args: Namespace) -> Actor:
    """The login of a command that acts (--as; recorded)."""
    if not ws.is_set_up():
        raise UserError("Program sopdesk belum disiapkan: jalankan dulu 'sopdesk setup'")
    return ws.login(args.actor, login_password(args))


def viewer(ws: Workspace, args: Namespace) -> Actor:
    """The login of a command that only shows office data (nothing written when it succeeds)."""
    from sopdesk.engine.viewer import login_to_read

    return login_to_read(ws, args.actor, login_password(args))
