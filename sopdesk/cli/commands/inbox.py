"""`sopdesk inbox`: the steps waiting for the user's roles, nearest deadline first."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Sequence

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, positive_int, search_text
from sopdesk.cli.session import reading
from sopdesk.textfmt import durasi, waktu_lokal

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
AHEAD = ("sopdesk.engine.accounts", "sopdesk.engine.queries", "sopdesk.engine.viewer")


def add_parsers(sub: Commands, parents: Parents) -> None:
    p = sub.add_parser("inbox", parents=[parents.acting, parents.listing], help="kotak masuk")
    p.add_argument("--role", action="append", help="peran (bawaan: semua peran pengguna)")
    p.add_argument("--mine", action="store_true", help="hanya yang diambil/dialihkan ke saya")
    p.add_argument("--overdue", action="store_true", help="hanya yang terlambat")
    p.add_argument("--sop", metavar="KODE", help="hanya kasus SOP ini (mis. PP)")
    p.add_argument("--search", metavar="TEKS", type=search_text, help="cari di nomor, judul, atau pemohon kasus")
    p.add_argument("--sort", default="due", choices=["due", "since", "case", "sop", "step", "title"],
                   help="urutan: due tenggat (bawaan), since sejak, case nomor kasus, sop, step langkah, "
                        "title judul")
    p.add_argument("--desc", action="store_true", help="urutan menurun")
    p.add_argument("--limit", metavar="N", type=positive_int, default=50, help="paling banyak N baris (bawaan: 50)")
    p.add_argument("--offset", metavar="N", type=positive_int, default=0,
                   help="lewati N baris pertama (halaman berikutnya)")
    p.set_defaults(func=inbox)


def inbox(args: Namespace) -> int:
    from sopdesk.engine import accounts, queries

    # A login to read (engine.viewer), as every command that only shows office data: a right
    # password writes nothing (no login event, no write transaction and its sync to disk)
    with reading(args) as (ws, user):
        roles = args.role or accounts.user_roles(ws, user) or sorted(ws.catalog.roles)
        now = ws.clock()
        rows = queries.inbox_page(
            ws, roles, user.user_id, sort=args.sort, descending=args.desc, limit=args.limit,
            offset=args.offset, mine=args.mine, overdue_at=now if args.overdue else None,
            sop=args.sop, search=args.search, viewer=user)
        counts = queries.inbox_counts(ws, roles, now)
        tz = ws.calendar.tz
    if args.json:
        print_json({"counts": {r: {"open": t, "overdue": o} for r, (t, o) in counts.items()},
                    "items": [dict(row._asdict(), state=row.state(now), nearest_due=row.nearest_due,
                                   due_is_case=row.due_is_case) for row in rows]})
        return 0
    for role, (total, late) in counts.items():
        print(f"{role}: {total} menunggu, {late} terlambat")
    marks = {"terlambat": "!! TERLAMBAT", "hampir": "!  hampir", "tepat": "", "tanpa_batas": ""}
    table = []
    for row in rows:
        due = row.nearest_due  # the nearer of the step's time and the case deadline (issue #13)
        table.append((row.case_number, f"{row.step_no:>3}. {_cut(row.kegiatan, STEP_TEXT)}",
                      waktu_lokal(due, tz) + (" (kasus)" if row.due_is_case else ""),
                      durasi(due - now) if due else "tanpa batas", row.assignee or "-", marks[row.state(now)]))
    for line in _columns(table):
        print(line)
    if not rows:
        print("Tidak ada pekerjaan yang menunggu.")
    return 0


STEP_TEXT = 48  # characters of a step's text on an inbox line


def _cut(text: str, width: int) -> str:
    """The text in `width` characters, its cut shown (a word cut short read as a typo); in
    ASCII, which every office PC's console and code page shows."""
    return text if len(text) <= width else text[:width - 3].rstrip() + "..."


def _columns(table: Sequence[tuple[str, ...]]) -> list[str]:
    """The rows as lines, each column as wide as its widest cell: the time left ("terlambat 1
    hari 15 jam") and a case deadline's time ("... WITA (kasus)") were wider than the fixed
    columns and pushed the rest of their line out of line."""
    widths = [max((len(cells[i]) for cells in table), default=0) for i in range(len(table[0]))] if table else []
    return ["  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
            for cells in table]
