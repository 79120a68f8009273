"""`sopdesk user`: local accounts (add: an administrator; list: anyone logged in)."""

from __future__ import annotations

from argparse import Namespace

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, noun
from sopdesk.cli.session import actor, new_password, office, reading

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
AHEAD = ("sopdesk.engine.accounts",)


def add_parsers(sub: Commands, parents: Parents) -> None:
    users = noun(sub, "user", "akun pengguna")
    p = users.add_parser("add", parents=[parents.acting], help="tambah pengguna (admin)")
    p.add_argument("username", metavar="USER", help="nama pengguna untuk masuk")
    p.add_argument("--role", action="append", default=[], help="peran (boleh berulang)")
    p.add_argument("--full-name", metavar="NAMA", help="nama lengkap")
    p.add_argument("--admin", action="store_true", help="jadikan administrator")
    p.set_defaults(func=user_add)
    p = users.add_parser("list", parents=[parents.acting, parents.listing], help="daftar pengguna")
    p.set_defaults(func=user_list)


def user_add(args: Namespace) -> int:
    from sopdesk.engine import accounts

    with office(args) as ws:
        acting = actor(ws, args)
        accounts.add_user(ws, acting, args.username, new_password(args.username), args.role,
                          full_name=args.full_name, is_admin=args.admin)
        print(f"Pengguna {args.username} ditambahkan dengan peran: {', '.join(args.role) or '-'}")
    return 0


def user_list(args: Namespace) -> int:
    from sopdesk.engine import accounts

    with reading(args) as (ws, _viewer):
        users = accounts.list_users(ws)
    if args.json:
        print_json([{"username": u.username, "nama": u.full_name, "admin": u.is_admin, "aktif": u.active,
                     "peran": list(u.roles)} for u in users])
    else:
        for u in users:
            flags = ("admin " if u.is_admin else "") + ("" if u.active else "nonaktif")
            print(f"{u.username:<16} {', '.join(u.roles) or '-':<30} {flags}")
    return 0
