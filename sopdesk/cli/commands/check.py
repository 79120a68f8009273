"""`sopdesk check`: the integrity of the database, attachments, records and audit chain; a
check that finds tampering holds every action until an administrator acknowledges it."""

from __future__ import annotations

import sys
from argparse import Namespace
from contextlib import closing
from typing import Any

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents
from sopdesk.cli.session import actor, open_office
from sopdesk.errors import UserError


def add_parsers(sub: Commands, parents: Parents) -> None:
    p = sub.add_parser("check", parents=[parents.listing],
                       help="periksa keutuhan basis data, lampiran, catatan dan rantai audit")
    p.add_argument("--acknowledge", action="store_true",
                   help="administrator: temuan perubahan di luar sopdesk sudah dilihat (dicatat di log "
                        "audit); tindakan diizinkan lagi")
    p.add_argument("--as", dest="actor", metavar="USER", help="administrator untuk --acknowledge")
    p.set_defaults(func=check)


def check(args: Namespace) -> int:
    from sopdesk.engine import desk_connection, integrity, tamper

    path = desk_connection.database_file(args.db, args.data_dir)  # None: the engine factory says what is wrong
    if path is not None:
        desk_connection.refuse_network_share(path)
    if path is not None and not path.exists():
        raise UserError(f"Basis data tidak ditemukan: {path}")
    if args.acknowledge and not args.actor:
        raise UserError("Pilihan --acknowledge dilakukan oleh administrator: sebutkan dengan --as USER")
    hold = lifted = None
    try:
        with desk_connection.unreadable_as_error():
            ws = open_office(args, held_ok=True)
    except desk_connection.DatabaseUnreadable as exc:
        report = integrity.Report()
        report.add("database", f"berkas basis data rusak dan tidak dapat dibuka: {exc.detail}")
    else:
        with closing(ws):
            report = integrity.check(ws)
            hold = tamper.remember(ws, report)
            if args.acknowledge:
                lifted = tamper.acknowledge(ws, actor(ws, args))
    counted = report.checked
    if args.json:
        print_json(report.as_dict())
    elif report.ok:
        print(f"Semua catatan utuh: basis data ({counted.get('database', '-')}), "
              f"{counted.get('attachments', 0)} lampiran, "
              f"{counted.get('audit_events', 0)} peristiwa audit, "
              f"{counted.get('records', 0)} catatan diperiksa.")
    if not args.json:
        _print_anchor(counted)
    for finding in [] if args.json else report.findings:  # problems go to stderr, as in validate
        print(f"sopdesk: {finding.message}", file=sys.stderr)
    if not report.ok:
        print(f"sopdesk: {len(report.findings)} masalah ditemukan; pulihkan dari cadangan yang utuh "
              "('sopdesk restore') bila data telah rusak atau diubah", file=sys.stderr)
    if lifted is not None:
        print(f"Temuan pemeriksaan {lifted.checked_at} ({len(lifted.findings)} catatan) sudah dilihat "
              f"oleh {args.actor} dan dicatat di log audit; tindakan diizinkan lagi.", file=sys.stderr)
    elif hold is not None:
        print("sopdesk: semua tindakan ditolak sampai seorang administrator melihat temuan ini: "
              "'sopdesk check --acknowledge --as ADMIN'", file=sys.stderr)
    return 0 if report.ok else 1


def _print_anchor(counted: dict[str, Any]) -> None:
    """The anchor compared, or why not (records not compared with a damaged chain)."""
    found = counted.get("anchor")
    if isinstance(found, dict):
        print(f"Jangkar rantai audit: peristiwa #{found['count']}, {found['head'][:16]}... "
              f"(kunci: {found['kunci']})")
    elif found:
        print("Jangkar rantai audit: tidak ada di folder data ini (dibuat pada tindakan berikutnya)")
    if isinstance(counted.get("records"), str):
        print(f"Catatan kantor {counted['records']}", file=sys.stderr)
