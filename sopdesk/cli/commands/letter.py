"""`sopdesk letter`: the agenda of incoming and outgoing letters, the lembar disposisi, the
numbering settings, and corrections and voids of letters."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from typing import Any

from sopdesk.cli.output import print_json, print_outcome
from sopdesk.cli.parsing import Commands, Parents, noun, paging, positive_int, text_options
from sopdesk.cli.session import actor, office, office_catalog, reading, viewer
from sopdesk.cli.values import moment, optional_day, pairs
from sopdesk.errors import UserError
from sopdesk.textfmt import tanggal, waktu_lokal

TARGET = "SM/TAHUN/NOMOR|KASUS"
REGISTERED = "SM/TAHUN/NOMOR|NOMOR_SURAT_KELUAR"


def add_parsers(sub: Commands, parents: Parents) -> None:
    acting, listing = parents.acting, parents.listing
    letter = noun(sub, "letter", "agenda surat masuk dan surat keluar, disposisi")
    p = letter.add_parser("in", parents=[acting, listing], help="catat surat masuk")
    p.add_argument("--sender", required=True, help="pengirim")
    p.add_argument("--subject", required=True, help="perihal")
    text_options(p, ("--number", "nomor surat"), ("--date", "tanggal surat YYYY-MM-DD"),
                 ("--received", "waktu diterima YYYY-MM-DD[THH:MM] waktu kantor (bawaan: sekarang)"),
                 ("--classification", "kode klasifikasi"))
    p.add_argument("--sifat", default="biasa", help="biasa | segera | rahasia")
    p.add_argument("--starts", help="memulai kasus: jenis surat menurut katalog (permohonan_informasi, "
                   "usulan_paw ...; lihat 'sopdesk catalog doors')")
    p.add_argument("--case", help="kasus yang sudah ada tempat surat ini masuk")
    p.add_argument("--scan", type=Path, help="pindaian surat")
    p.set_defaults(func=letter_in)
    p = letter.add_parser("out", parents=[acting, listing], help="catat surat keluar (diberi nomor)")
    p.add_argument("--recipient", required=True, help="tujuan surat")
    p.add_argument("--subject", required=True, help="perihal")
    text_options(p, ("--classification", "kode klasifikasi (bawaan: dari pengaturan)"),
                 ("--number", "nomor yang sudah ditulis (bawaan: nomor berikutnya menurut pola)"),
                 ("--date", "tanggal surat YYYY-MM-DD (bawaan: hari ini)"),
                 ("--case", "kasus yang menghasilkan surat ini"))
    p.add_argument("--step", type=positive_int, help="kegiatan kasus yang menghasilkan surat ini")
    p.add_argument("--recipient-name", help="nama penerima (buku ekspedisi)")
    p.add_argument("--no-expedition", action="store_true", help="jangan catat di buku ekspedisi")
    p.set_defaults(func=letter_out)
    p = letter.add_parser("list", parents=[acting, listing, paging()], help="agenda surat")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--in", dest="incoming", action="store_true", help="hanya surat masuk")
    which.add_argument("--out", dest="outgoing", action="store_true", help="hanya surat keluar")
    p.add_argument("--year", metavar="TAHUN", type=positive_int, help="hanya surat pada TAHUN")
    p.set_defaults(func=letter_list)
    p = letter.add_parser("show", parents=[acting, listing], help="surat masuk atau kasus dengan lembar disposisinya")
    p.add_argument("target", metavar=TARGET, help="nomor agenda surat masuk atau nomor kasusnya")
    p.set_defaults(func=letter_show)
    p = letter.add_parser("dispose", parents=[acting, listing], help="lembar disposisi")
    p.add_argument("target", metavar=TARGET, help="nomor agenda surat masuk atau nomor kasusnya")
    p.add_argument("--to", nargs="+", action="extend", required=True, metavar="UNIT_KODE",
                   help="unit tujuan (kode di direktori organisasi; lihat 'letter units')")
    p.add_argument("--instruction", required=True, help="isi disposisi")
    p.add_argument("--choice", help="pilihan, bila kegiatan disposisinya keputusan")
    p.add_argument("--no-route", action="store_true", help="catat saja, jangan teruskan kasus")
    p.set_defaults(func=letter_dispose)
    p = letter.add_parser("units", parents=[listing], help="unit tujuan disposisi (direktori organisasi)")
    p.set_defaults(func=letter_units, needs_db=False)
    _add_settings(letter, parents)
    p = letter.add_parser("correct", parents=[acting, listing],
                          help="koreksi surat masuk (SM/TAHUN/NOMOR) atau surat keluar (nomornya); oleh pencatat/admin")
    p.add_argument("target", metavar=REGISTERED, help="nomor agenda surat masuk atau nomor surat keluar")
    p.add_argument("--reason", required=True, help="alasan koreksi (wajib)")
    text_options(p, ("--sender", "pengirim (surat masuk)"), ("--recipient", "tujuan (surat keluar)"),
                 ("--subject", "perihal"), ("--number", "nomor surat"), ("--date", "tanggal surat YYYY-MM-DD"),
                 ("--sifat", "biasa | segera | rahasia (surat masuk)"), ("--classification", "kode klasifikasi"))
    p.set_defaults(func=letter_correct)
    p = letter.add_parser("void", parents=[acting, listing],
                          help="batalkan surat (nomornya tetap terpakai); oleh pencatat/admin")
    p.add_argument("target", metavar=REGISTERED, help="nomor agenda surat masuk atau nomor surat keluar")
    p.add_argument("--reason", required=True, help="alasan pembatalan (wajib)")
    p.set_defaults(func=letter_void)


def _add_settings(letter: Commands, parents: Parents) -> None:
    p = letter.add_parser("settings", parents=[parents.acting, parents.listing],
                          help="pola nomor surat keluar (ubah: admin)")
    p.add_argument("--pattern", help="mis. '{seq}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}'")
    p.add_argument("--office-code", help="kode kantor, mis. 5371 atau '5371/KPU-Kot'")
    p.add_argument("--classification", help="klasifikasi bawaan surat keluar dari kegiatan SOP")
    p.add_argument("--sop-classification", action="append", default=[], metavar="SOP=KODE",
                   help="klasifikasi untuk surat dari satu SOP (kosong: hapus)")
    for flag, duty in (("registrar", "mencatat surat masuk dan keluar"), ("disposer", "membuat disposisi"),
                       ("expedition", "mencatat tanda terima ekspedisi")):
        p.add_argument(f"--{flag}-role", action="append", default=[], metavar="PERAN",
                       help=f"peran yang boleh {duty} (boleh berulang; menggantikan daftar sekarang)")
    p.set_defaults(func=letter_settings)


def letter_in(args: Namespace) -> int:
    from sopdesk.engine import letter_views, letters

    form = letters.IncomingForm(
        sender=args.sender, subject=args.subject, number=args.number,
        letter_date=optional_day(args.date, "--date"), classification=args.classification,
        sifat=args.sifat, starts=args.starts, case=args.case, scan=args.scan)
    letters.validate_incoming(form)  # a wrong field is reported before the password is asked
    with office(args) as ws:
        form.received_at = moment(ws, args.received, "--received")
        agenda, case_no = letters.register_incoming(ws, actor(ws, args), form)
        # where the case went: the registration may have done its first step already
        waiting = letter_views.waiting_step(ws, case_no, None) if case_no else None
    if args.json:
        print_json({"agenda": agenda, "case": case_no})
    else:
        where = f" menunggu di kegiatan {waiting.step} ({waiting.role})" if waiting else ""
        print(f"Surat masuk dicatat dengan nomor agenda {agenda}" + (f"; kasus {case_no}{where}" if case_no else ""))
    return 0


def letter_out(args: Namespace) -> int:
    from sopdesk.engine import letters

    form = letters.OutgoingForm(
        recipient=args.recipient, subject=args.subject, classification=args.classification, number=args.number,
        letter_date=optional_day(args.date, "--date"), case=args.case, step=args.step,
        recipient_name=args.recipient_name, dispatch=not args.no_expedition)
    with office(args) as ws:
        done = letters.register_outgoing(ws, actor(ws, args), form)
    if args.json:
        print_json(done.__dict__)
    else:
        print(f"Surat keluar dicatat dengan nomor {done.number}"
              + (f"; buku ekspedisi nomor {done.expedition_id}" if done.expedition_id else ""))
    return 0


def letter_list(args: Namespace) -> int:
    from sopdesk.engine import letters

    with reading(args) as (ws, reader):
        tz = ws.calendar.tz
        page: dict[str, Any] = {"year": args.year, "search": args.search, "limit": args.limit,
                                "offset": args.offset, "viewer": reader}  # a rahasia perihal is masked off its chain
        incoming = None if args.outgoing else letters.incoming_page(ws, **page)
        outgoing = None if args.incoming else letters.outgoing_page(ws, **page)
    if args.json:
        data = {}
        if incoming is not None:
            data["masuk"] = [row._asdict() for row in incoming]
        if outgoing is not None:
            data["keluar"] = [row._asdict() for row in outgoing]
        print_json(data)
        return 0
    if incoming is not None:
        print(f"Agenda surat masuk: {len(incoming)} surat")
        for r in incoming:
            print(f"  {r.agenda}  {waktu_lokal(r.received_at, tz):<22} {r.number or '-':<28} "
                  f"{r.sender[:30]:<30} {r.subject[:50]:<50} {r.sifat:<7} {r.case_number or ''}"
                  + (f"  BATAL: {r.void_reason}" if r.void else ""))
    if outgoing is not None:
        print(f"Agenda surat keluar: {len(outgoing)} surat")
        for o in outgoing:
            print(f"  {o.number:<34} {o.letter_date:%d-%m-%Y}  {(o.recipient or '-')[:30]:<30} "
                  f"{o.subject[:50]:<50} {o.case_number or ''}" + (f" kegiatan {o.step_no}" if o.step_no else "")
                  + (f"  BATAL: {o.void_reason}" if o.void else ""))
    return 0


def letter_show(args: Namespace) -> int:
    from sopdesk.engine import dispositions, letter_views, letters

    with reading(args) as (ws, reader):
        tz = ws.calendar.tz
        letter: dict[str, Any] | None = None
        if letters.parse_agenda_number(args.target) is not None:
            view = letter_views.incoming_letter(ws, args.target, reader)  # a rahasia perihal masked
            letter = {"agenda": view.agenda, "received_at": view.received_at, "number": view.number,
                      "letter_date": view.letter_date, "sender": view.sender, "subject": view.subject,
                      "classification": view.classification, "sifat": view.sifat, "batal": view.void_reason}
        sheets = dispositions.dispositions_of(ws, args.target, reader)  # a rahasia instruction masked
    if args.json:
        print_json({"surat": letter, "disposisi": sheets})
        return 0
    if letter:
        print(f"{letter['agenda']}  diterima {waktu_lokal(letter['received_at'], tz)}  sifat {letter['sifat']}")
        print(f"  Nomor {letter['number'] or '-'}"
              + (f" tanggal {tanggal(letter['letter_date'])}" if letter["letter_date"] else ""))
        print(f"  Dari: {letter['sender']}")
        print(f"  Perihal: {letter['subject']}")
        if letter["batal"]:
            print(f"  BATAL: {letter['batal']}")
    for sheet in sheets:
        units = ", ".join(f"{u['nama']}{' (diteruskan)' if u['routed'] else ''}" for u in sheet["units"])
        print(f"  Disposisi {sheet['id']} {waktu_lokal(sheet['at'], tz)} oleh {sheet['from']} kepada {units}")
        print(f"    {sheet['instruction']}")
    if not sheets:
        print("  Belum ada disposisi.")
    return 0


def letter_dispose(args: Namespace) -> int:
    from sopdesk.engine import dispositions

    with office(args) as ws:
        done = dispositions.dispose(ws, actor(ws, args), args.target, args.to, args.instruction,
                                    route=not args.no_route, choice=args.choice)
    if args.json:
        print_json(done.__dict__)
    else:
        print(f"Disposisi nomor {done.disposition_id} dicatat; {done.message}")
    return 0


def letter_units(args: Namespace) -> int:
    catalog = office_catalog(args)
    rows = [{"kode": u.kode, "nama": u.nama, "peran": u.peran, "organisasi": org.kode}
            for org in catalog.organisations.values() for u in org.units]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['kode']:<34} {row['peran']:<12} {row['nama']}")
    return 0


def letter_settings(args: Namespace) -> int:
    from sopdesk.engine import letters
    from sopdesk.engine.letter_settings import change_letter_settings, load_letter_settings

    changing = any(v is not None for v in (args.pattern, args.office_code, args.classification)) \
        or bool(args.sop_classification) or bool(args.registrar_role or args.disposer_role or args.expedition_role)
    roles = {key: values for key, values in (("peran_pencatat", args.registrar_role),
                                             ("peran_disposisi", args.disposer_role),
                                             ("peran_ekspedisi", args.expedition_role)) if values}
    with office(args) as ws:
        user = actor(ws, args) if changing else viewer(ws, args)
        if changing:
            settings = change_letter_settings(
                ws, user, pattern=args.pattern, office_code=args.office_code,
                default_classification=args.classification,
                sop_classification=pairs(args.sop_classification, "--sop-classification"), roles=roles)
        else:
            settings = load_letter_settings(ws.data_dir)
        following = letters.next_outgoing_number(ws, settings.default_classification)
    data = dict(settings.as_dict(), nomor_berikutnya=following)
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:<20} {value}")
    return 0


def letter_correct(args: Namespace) -> int:
    from sopdesk.engine import corrections, letters

    when = optional_day(args.date, "--date")
    incoming = letters.parse_agenda_number(args.target) is not None
    wrong = [flag for flag, value in (("--recipient", args.recipient),) if value is not None] if incoming else \
        [flag for flag, value in (("--sender", args.sender), ("--sifat", args.sifat)) if value is not None]
    if wrong:
        what = "surat masuk" if incoming else "surat keluar"
        raise UserError(f"Opsi {' dan '.join(wrong)} tidak berlaku untuk {what} {args.target}")
    with office(args) as ws:
        if incoming:
            done = corrections.correct_incoming(ws, actor(ws, args), args.target, corrections.IncomingCorrection(
                sender=args.sender, subject=args.subject, number=args.number, letter_date=when, sifat=args.sifat,
                classification=args.classification), args.reason)
        else:
            done = corrections.correct_outgoing(ws, actor(ws, args), args.target, corrections.OutgoingCorrection(
                recipient=args.recipient, subject=args.subject, number=args.number, letter_date=when,
                classification=args.classification), args.reason)
    return print_outcome(args, done)


def letter_void(args: Namespace) -> int:
    from sopdesk.engine import corrections, letters

    with office(args) as ws:
        if letters.parse_agenda_number(args.target) is not None:
            done = corrections.void_incoming(ws, actor(ws, args), args.target, args.reason)
        else:
            done = corrections.void_outgoing(ws, actor(ws, args), args.target, args.reason)
    return print_outcome(args, done)
