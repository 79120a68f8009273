"""`sopdesk visitor`: the service desk's visitors and requesters (register, the day's book)."""

from __future__ import annotations

from argparse import Namespace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, noun, search_text, text_options
from sopdesk.cli.session import actor, office, reading
from sopdesk.cli.values import day, optional_day
from sopdesk.textfmt import waktu_lokal

if TYPE_CHECKING:
    from sopdesk.engine.visitor_form import VisitorForm

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
AHEAD = ("sopdesk.engine.visitors", "sopdesk.engine.visitor_lookup")


def add_parsers(sub: Commands, parents: Parents) -> None:
    vis = noun(sub, "visitor", "meja layanan: tamu dan pemohon")
    p = vis.add_parser("register", parents=[parents.acting, parents.listing], help="catat tamu/pemohon")
    p.add_argument("--name", required=True, help="nama tamu/pemohon")
    p.add_argument("--purpose", required=True,
                   help="keperluan: yang memulai kasus menurut katalog (permohonan_informasi ...; "
                   "lihat 'sopdesk catalog doors') | bertamu | pengaduan | konsultasi | lainnya")
    text_options(p, ("--id-number", "nomor identitas (KTP/SIM/paspor)"), ("--institution", "instansi"),
                 ("--occupation", "pekerjaan"), ("--address", "alamat"), ("--phone", "nomor telepon"),
                 ("--email", "alamat e-mail"), ("--purpose-text", "uraian keperluan"),
                 ("--info", "rincian informasi yang dibutuhkan (permohonan informasi)"),
                 ("--info-use", "tujuan penggunaan informasi"),
                 ("--obtain", "cara memperoleh informasi: melihat | salinan_cetak | salinan_elektronik"),
                 ("--delivery", "cara mendapatkan salinan: langsung | kurir | pos | faksimili | email"),
                 ("--directed-to", "diarahkan kepada"))
    p.set_defaults(func=visitor_register, check_values=_check_form)
    p = vis.add_parser("list", parents=[parents.acting, parents.listing], help="tamu pada satu tanggal")
    p.add_argument("--date", help="YYYY-MM-DD (bawaan: hari ini)")
    p.add_argument("--search", metavar="TEKS", type=search_text, help="cari nama atau instansi tamu")
    p.set_defaults(func=visitor_list, check_values=lambda args: optional_day(args.date, "--date"))


def _form(args: Namespace) -> VisitorForm:
    from sopdesk.engine.visitor_form import VisitorForm

    return VisitorForm(
        name=args.name, purpose=args.purpose, id_number=args.id_number,
        institution=args.institution, occupation=args.occupation, address=args.address,
        phone=args.phone, email=args.email, purpose_text=args.purpose_text,
        info_requested=args.info, info_use=args.info_use, obtain_method=args.obtain,
        delivery_method=args.delivery, directed_to=args.directed_to,
    )


def _check_form(args: Namespace) -> None:
    """The form's fields, checked before the password is asked (a typo costs no password): only
    the form of the purpose's code here, the office's own list of purposes once it is open."""
    from sopdesk.engine.visitor_form import validate  # light: no SQLAlchemy, catalog or pydantic

    validate(_form(args))


def visitor_register(args: Namespace) -> int:
    from sopdesk.engine import visitors

    with office(args) as ws:
        visitor_id, case_no = visitors.register_visitor(ws, actor(ws, args), _form(args))
    if args.json:
        print_json({"visitor_id": visitor_id, "case": case_no})
    else:
        print(f"Tamu {args.name} tercatat (no. {visitor_id})"
              + (f"; kasus {case_no} dimulai" if case_no else ""))
    return 0


def visitor_list(args: Namespace) -> int:
    from sopdesk.engine import visitor_lookup

    with reading(args) as (ws, reader):
        tz = ws.calendar.tz
        when = day(args.date, "--date") if args.date else datetime.now(tz).date()
        start = datetime.combine(when, time(0), tz)
        data = visitor_lookup.visitor_book(ws, reader, start, start + timedelta(days=1), args.search)
    if args.json:
        print_json(data)
    else:
        for v in data:  # NIK and phone come masked from the engine for roles that do not need them
            print(f"{waktu_lokal(v['waktu'], tz)}  {v['nama']:<30} {v['keperluan']:<22} "
                  f"NIK {v['nik'] or '-':<18} telp. {v['telepon'] or '-'}")
        print(f"{len(data)} tamu")
    return 0
