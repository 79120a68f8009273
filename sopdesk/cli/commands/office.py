"""The office itself: `setup` (the first start), `holiday` (the office's own days off) and
`demo` (realistic sample data)."""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import datetime

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, noun, positive_int
from sopdesk.cli.session import actor, office, password, reading
from sopdesk.cli.values import day
from sopdesk.textfmt import tanggal

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
AHEAD = ("sopdesk.engine.accounts",)


def add_setup(sub: Commands, parents: Parents) -> None:  # noqa: ARG001 - every noun's signature
    p = sub.add_parser("setup", help="penyiapan pertama: kantor dan administrator")
    p.add_argument("--office", required=True, help="nama kantor")
    p.add_argument("--timezone", required=True, choices=["WIB", "WITA", "WIT"], help="zona waktu kantor")
    p.add_argument("--admin", required=True, help="nama pengguna administrator")
    p.add_argument("--address", help="alamat kantor (kop surat)")
    p.set_defaults(func=setup)


def add_holiday(sub: Commands, parents: Parents) -> None:
    hol = noun(sub, "holiday", "hari libur kantor (di luar libur nasional)")
    p = hol.add_parser("add", parents=[parents.acting], help="tambah hari libur kantor (admin)")
    p.add_argument("date", help="YYYY-MM-DD")
    p.add_argument("name", help="keterangan, mis. 'HUT Kota Kupang'")
    p.set_defaults(func=holiday_add, check_values=lambda args: day(args.date, "tanggal"))
    p = hol.add_parser("list", parents=[parents.acting, parents.listing],
                       help="hari libur (nasional, cuti bersama, kantor)")
    p.add_argument("--year", type=int, help="tahun (bawaan: tahun ini)")
    p.set_defaults(func=holiday_list)


def add_demo(sub: Commands, parents: Parents) -> None:  # noqa: ARG001 - every noun's signature
    p = sub.add_parser("demo", help="isi data contoh yang realistis")
    p.add_argument("--cases", type=positive_int, default=500, help="banyaknya kasus contoh (bawaan: 500)")
    p.add_argument("--seed", type=int, default=1, help="benih acak: angka yang sama, data yang sama (bawaan: 1)")
    p.set_defaults(func=demo)


def setup(args: Namespace) -> int:
    with office(args) as ws:
        secret = password(f"Kata sandi administrator {args.admin}: ")
        ws.setup(args.office, args.timezone, args.admin, secret, address=args.address)
        print(f"Kantor {args.office} ({args.timezone}) disiapkan; administrator: {args.admin}")
        print(f"Basis data: {ws.db.url}")
    return 0


def holiday_add(args: Namespace) -> int:
    from sopdesk.engine import accounts

    when = day(args.date, "tanggal")
    with office(args) as ws:
        accounts.add_office_holiday(ws, actor(ws, args), when, args.name)
    print(f"{tanggal(when)} dicatat sebagai hari libur kantor: {args.name}")
    return 0


def holiday_list(args: Namespace) -> int:
    with reading(args) as (ws, _viewer):
        cal = ws.calendar
        year = args.year or datetime.now(cal.tz).year
        days = cal.holidays_in(year)
    if args.json:
        print_json([{"tanggal": d, "nama": n} for d, n in days])
    else:
        for when, name in days:
            print(f"{tanggal(when):<20} {name}")
    return 0


def demo(args: Namespace) -> int:
    from sopdesk.engine import demo as demo_module
    from sopdesk.engine.demo import build_demo

    with office(args) as ws:
        # progress when it takes a while: more than one batch of rows (a small demo prints only its summary)
        summary = build_demo(ws, cases=args.cases, seed=args.seed,
                             progress=_demo_progress() if args.cases > demo_module.FLUSH_EVERY else None)
    print(summary)
    return 0


def _demo_progress() -> Callable[[int, int], None]:
    """Progress on stderr: one line rewritten on a terminal, else a line every tenth."""
    live = sys.stderr.isatty()
    shown = [-1]

    def report(done: int, total: int) -> None:
        tenth = 10 * done // max(total, 1)
        if not live and tenth == shown[0]:
            return
        shown[0] = tenth
        line = f"Membuat data contoh: {done:,} dari {total:,} kasus ({100 * done // max(total, 1)}%)".replace(",", ".")
        print(f"\r{line}" if live else line, end="\n" if not live or done >= total else "", file=sys.stderr,
              flush=True)

    return report
