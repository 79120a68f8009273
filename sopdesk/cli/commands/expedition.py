"""`sopdesk expedition`: the buku ekspedisi (list, a signed receipt, corrections and voids)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from sopdesk.cli.output import print_json, print_outcome
from sopdesk.cli.parsing import Commands, Parents, noun, paging, positive_int, text_options
from sopdesk.cli.session import actor, office, reading
from sopdesk.cli.values import moment, optional_day
from sopdesk.errors import UserError
from sopdesk.textfmt import waktu_lokal

ENTRY = "nomor ekspedisi"


def add_parsers(sub: Commands, parents: Parents) -> None:
    acting, listing = parents.acting, parents.listing
    exp = noun(sub, "expedition", "buku ekspedisi")
    p = exp.add_parser("list", parents=[acting, listing, paging()], help="isi buku ekspedisi")
    p.add_argument("--from", dest="start", help="dikirim sejak YYYY-MM-DD")
    p.add_argument("--to", dest="end", help="dikirim sampai YYYY-MM-DD")
    p.add_argument("--pending", action="store_true", help="hanya yang belum diterima")
    p.set_defaults(func=expedition_list)
    p = exp.add_parser("received", parents=[acting], help="catat tanda terima yang sudah ditandatangani")
    p.add_argument("id", type=positive_int, help=ENTRY)
    p.add_argument("--date", help="diterima YYYY-MM-DD[THH:MM] waktu kantor (bawaan: sekarang)")
    p.add_argument("--signed-by", required=True, help="nama yang menandatangani")
    p.add_argument("--scan", type=Path, help="pindaian tanda terima yang ditandatangani")
    p.set_defaults(func=expedition_received)
    p = exp.add_parser("correct", parents=[acting, listing], help="koreksi entri buku ekspedisi; oleh pencatat/admin")
    p.add_argument("id", type=positive_int, help=ENTRY)
    p.add_argument("--reason", required=True, help="alasan koreksi (wajib)")
    text_options(p, ("--number", "nomor surat"), ("--subject", "perihal"), ("--destination", "tujuan"),
                 ("--recipient-name", "nama penerima"),
                 ("--signed-by", "yang menandatangani tanda terima (entri yang sudah diterima)"))
    p.set_defaults(func=expedition_correct)
    p = exp.add_parser("void", parents=[acting, listing], help="batalkan entri buku ekspedisi; oleh pencatat/admin")
    p.add_argument("id", type=positive_int, help=ENTRY)
    p.add_argument("--reason", required=True, help="alasan pembatalan (wajib)")
    p.set_defaults(func=expedition_void)


def expedition_list(args: Namespace) -> int:
    from sopdesk.engine import expedition

    start = optional_day(args.start, "--from")
    end = optional_day(args.end, "--to")
    if start and end and end < start:
        raise UserError("Tanggal --to tidak boleh sebelum --from")
    with reading(args) as (ws, reader):
        tz = ws.calendar.tz
        rows = expedition.expedition_page(ws, start=start, end=end, pending=args.pending, search=args.search,
                                          limit=args.limit, offset=args.offset, viewer=reader)
    if args.json:
        print_json([dict(row._asdict(), pending=row.pending) for row in rows])
        return 0
    for r in rows:
        state = f"diterima {waktu_lokal(r.received_at, tz)} oleh {r.signed_by}" if r.received_at else "BELUM DITERIMA"
        if r.void:
            state = f"BATAL: {r.void_reason}"
        print(f"{r.id:>5}  {waktu_lokal(r.sent_at, tz):<22} {r.letter_number or '-':<30} "
              f"{(r.destination or '-')[:30]:<30} {r.subject[:40]:<40} {state}")
    print(f"{len(rows)} entri ekspedisi")
    return 0


def expedition_received(args: Namespace) -> int:
    from sopdesk.engine import expedition

    with office(args) as ws:
        when = moment(ws, args.date, "--date") or ws.clock()
        done = expedition.mark_received(ws, actor(ws, args), args.id, when, args.signed_by, args.scan)
        tz = ws.calendar.tz
    print(f"Ekspedisi nomor {done.expedition_id} diterima {waktu_lokal(done.received_at, tz)} "
          f"oleh {done.signed_by}")
    return 0


def expedition_correct(args: Namespace) -> int:
    from sopdesk.engine import corrections

    with office(args) as ws:
        done = corrections.correct_expedition(ws, actor(ws, args), args.id, corrections.ExpeditionCorrection(
            letter_number=args.number, subject=args.subject, destination=args.destination,
            recipient_name=args.recipient_name, signed_by=args.signed_by), args.reason)
    return print_outcome(args, done)


def expedition_void(args: Namespace) -> int:
    from sopdesk.engine import corrections

    with office(args) as ws:
        done = corrections.void_expedition(ws, actor(ws, args), args.id, args.reason)
    return print_outcome(args, done)
