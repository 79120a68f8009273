"""`sopdesk user`: local accounts (add, roles, password, disable, enable: an administrator; list:
anyone logged in). The desktop's Pengaturan offers the same commands of the engine; before,
an account's roles, password and state could be changed only there."""

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
    p = users.add_parser("roles", parents=[parents.acting], help="ganti peran seorang pengguna (admin)")
    p.add_argument("username", metavar="USER", help="nama pengguna")
    p.add_argument("--role", action="append", default=[], help="peran barunya (boleh berulang)")
    p.set_defaults(func=user_roles)
    p = users.add_parser("password", parents=[parents.acting],
                         help="atur ulang kata sandi seorang pengguna (admin); akun yang terkunci dibuka")
    p.add_argument("username", metavar="USER", help="nama pengguna")
    p.set_defaults(func=user_password)
    for name, active, text in (("disable", False, "nonaktifkan akun (admin): tidak dapat masuk lagi"),
                               ("enable", True, "aktifkan kembali akun yang nonaktif (admin)")):
        p = users.add_parser(name, parents=[parents.acting], help=text)
        p.add_argument("username", metavar="USER", help="nama pengguna")
        p.set_defaults(func=user_enable if active else user_disable)


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


def user_roles(args: Namespace) -> int:
    from sopdesk.engine import accounts

    with office(args) as ws:
        accounts.set_roles(ws, actor(ws, args), args.username, args.role)
    print(f"Peran {args.username} sekarang: {', '.join(args.role) or '-'}")
    return 0


def user_password(args: Namespace) -> int:
    from sopdesk.engine import accounts

    with office(args) as ws:
        acting = actor(ws, args)
        accounts.reset_password(ws, acting, args.username, new_password(args.username))
    print(f"Kata sandi {args.username} diganti")
    return 0


def user_disable(args: Namespace) -> int:
    return _set_active(args, False)


def user_enable(args: Namespace) -> int:
    return _set_active(args, True)


def _set_active(args: Namespace, active: bool) -> int:
    from sopdesk.engine import accounts

    with office(args) as ws:
        accounts.set_active(ws, actor(ws, args), args.username, active)
    print(f"Akun {args.username} " + ("diaktifkan kembali" if active else "dinonaktifkan: tidak dapat masuk lagi"))
    return 0
