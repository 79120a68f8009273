"""`sopdesk case`: a case's life (start, show, complete a step, extend a deadline, return,
cancel, claim, release, assign)."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, noun
from sopdesk.cli.session import actor, office, reading
from sopdesk.cli.values import day, pairs
from sopdesk.textfmt import waktu_lokal

if TYPE_CHECKING:
    from sopdesk.engine import cases

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
# By sub-command ("*": the others): `case complete` does not import what only `case show` reads
# with (some 28 ms of CPU).
AHEAD = {"show": ("sopdesk.engine.queries", "sopdesk.engine.revisits", "sopdesk.engine.viewer"),
         "*": ("sopdesk.engine.cases",)}


def add_parsers(sub: Commands, parents: Parents) -> None:
    acting, listing = parents.acting, parents.listing
    case = noun(sub, "case", "kasus")
    p = case.add_parser("start", parents=[acting, listing], help="mulai kasus")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.add_argument("--entry", metavar="KODE", help="entri SOP tempat kasus dimulai (bawaan: entri pertama)")
    p.add_argument("--title", required=True, help="judul kasus")
    p.add_argument("--requester", metavar="NAMA", help="pemohon")
    p.set_defaults(func=case_start)
    p = case.add_parser("show", parents=[acting, listing], help="rincian kasus")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.set_defaults(func=case_show)
    p = case.add_parser("complete", parents=[acting, listing], help="selesaikan kegiatan")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.add_argument("--step", metavar="NO", type=int,
                   help="nomor kegiatan yang diselesaikan (diperiksa: harus yang menunggu)")
    p.add_argument("--check", action="append", default=[], metavar="ITEM",
                   help="kelengkapan yang ada (teks atau nomor urut)")
    p.add_argument("--attach", action="append", default=[], metavar="ITEM=FILE",
                   help="pindaian untuk satu kelengkapan")
    p.add_argument("--output", action="append", default=[], metavar="NAME=NOMOR",
                   help="output dengan nomor dokumennya (NAME: teks atau nomor urut)")
    p.add_argument("--output-date", action="append", default=[], metavar="NAME=YYYY-MM-DD",
                   help="output dengan tanggalnya")
    p.add_argument("--output-file", action="append", default=[], metavar="NAME=FILE",
                   help="output dengan berkasnya")
    p.add_argument("--choice", help="pilihan keputusan (mis. Ya / Tidak)")
    p.add_argument("--note", metavar="TEKS", help="catatan")
    p.add_argument("--atas-nama", dest="on_behalf", action="store_true",
                   help="kegiatan pihak luar (mis. Pemohon): dicatat atas namanya")
    p.add_argument("--lewati-tunggu", dest="override_reason", metavar="ALASAN",
                   help="administrator: selesaikan sebelum masa tunggu berakhir, dengan alasan")
    p.set_defaults(func=case_complete, check_values=_check_step_values)
    p = case.add_parser("extend", parents=[acting, listing],
                        help="perpanjang tenggat kasus (sesuai SOP, dengan alasan dan surat pemberitahuan)")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.add_argument("--tenggat", metavar="KODE", help="kode tenggat (bawaan: satu-satunya yang dapat diperpanjang)")
    p.add_argument("--reason", required=True, help="alasan perpanjangan")
    p.add_argument("--notice-number", metavar="NOMOR", help="nomor surat pemberitahuan perpanjangan")
    p.set_defaults(func=case_extend)
    p = case.add_parser("return", parents=[acting], help="kembalikan ke kegiatan sebelumnya")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.add_argument("--to", metavar="NO", type=int, required=True, help="nomor kegiatan tujuan")
    p.add_argument("--reason", required=True, help="alasan pengembalian")
    p.set_defaults(func=case_return)
    p = case.add_parser("cancel", parents=[acting], help="batalkan kasus")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.add_argument("--reason", required=True, help="alasan pembatalan")
    p.set_defaults(func=case_cancel)
    for name, text, func in (("claim", "ambil kegiatan", case_claim), ("release", "lepas kegiatan", case_release)):
        p = case.add_parser(name, parents=[acting], help=text)
        p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
        p.set_defaults(func=func)
    p = case.add_parser("assign", parents=[acting], help="alihkan kegiatan ke pengguna lain")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.add_argument("--to", required=True, metavar="USER", help="pengguna tujuan")
    p.set_defaults(func=case_assign)


def case_start(args: Namespace) -> int:
    from sopdesk.engine import cases

    with office(args) as ws:
        number = cases.start_case(ws, actor(ws, args), args.sop_id, args.title, args.entry,
                                  args.requester)
    if args.json:
        print_json({"case": number})
    else:
        print(f"Kasus {number} dimulai")
    return 0


def case_show(args: Namespace) -> int:
    from sopdesk.engine import queries, revisits

    with reading(args) as (ws, reader):
        detail = queries.case_detail(ws, args.case_no, reader)
        returned = revisits.return_info(ws, detail["number"])
        now = ws.clock()
        detail["return_info"] = returned.as_dict() if returned else None
        tz = ws.calendar.tz
    if args.json:
        print_json(detail)
        return 0
    status = {"open": "berjalan", "done": "selesai", "cancelled": "dibatalkan"}[detail["status"]]
    print(f"{detail['number']}  {detail['title']}  [{status}]")
    print(f"  SOP {detail['sop']} rev {detail['revisi']}: {detail['sop_name']}")
    if detail["requester"]:
        print(f"  Pemohon: {detail['requester']}")
    for item in detail["items"]:
        state = {"open": "menunggu", "done": "selesai", "returned": "dikembalikan",
                 "cancelled": "dibatalkan"}[item["status"]]
        who = item["completed_by"] or item["assignee"] or item["role"]
        extra = f" -> {item['choice']}" if item["choice"] else ""
        if item["return_to"]:
            extra = f" -> dikembalikan ke {item['return_to']}: {item['note']}"
        if item.get("on_behalf"):  # an outside party's step, recorded by the desk (issue #13)
            extra += f" (atas nama {item['on_behalf']}, dicatat oleh {item['completed_by']})"
        print(f"  {item['step']:>3}. {state:<12} {who:<14} "
              f"{waktu_lokal(item['completed_at'] or item['since'], tz)}{extra}")
        if item["status"] == "open" and item["due_at"]:
            print(f"       batas waktu {waktu_lokal(item['due_at'], tz)}")
        if item["status"] == "open" and returned:
            print(f"       Dikembalikan oleh {returned.by} ({returned.role}) pada {waktu_lokal(returned.at, tz)} "
                  f"dari kegiatan {returned.from_step}: {returned.reason}")
    from sopdesk.engine.deadlines import state_text

    for deadline in detail["deadlines"]:
        print(f"  Tenggat: {deadline['name']}: {state_text(tz, deadline, now)}")
    for doc in detail["documents"]:
        print(f"  Dokumen: {doc['name']} {doc['number'] or ''} {doc['date'] or ''}".rstrip())
    return 0


def _check_step_values(args: Namespace) -> None:
    """The step's NAME=VALUE options and dates, checked before the password is asked."""
    for values, flag in ((args.output, "--output"), (args.output_file, "--output-file"), (args.attach, "--attach")):
        pairs(values, flag)
    for text in pairs(args.output_date, "--output-date").values():
        day(text, "--output-date")


def _step_input(args: Namespace) -> cases.StepInput:
    from sopdesk.engine import cases

    outputs: dict[str, cases.OutputValue] = {}
    for name, number in pairs(args.output, "--output").items():
        outputs.setdefault(name, cases.OutputValue()).number = number
    for name, text in pairs(args.output_date, "--output-date").items():
        outputs.setdefault(name, cases.OutputValue()).date = day(text, "--output-date")
    for name, path in pairs(args.output_file, "--output-file").items():
        outputs.setdefault(name, cases.OutputValue()).file = Path(path)
    return cases.StepInput(present=args.check,
                           files={k: Path(v) for k, v in pairs(args.attach, "--attach").items()},
                           outputs=outputs, choice=args.choice, note=args.note,
                           on_behalf=args.on_behalf, override_reason=args.override_reason)


def case_complete(args: Namespace) -> int:
    from sopdesk.engine import cases

    data = _step_input(args)
    with office(args) as ws:
        done = cases.complete(ws, actor(ws, args), args.case_no, data, step=args.step)
    if args.json:
        print_json(done.__dict__)
        return 0
    if done.confirmed:  # a joint step: this lane agreed, the next lane completes it
        print(f"Kegiatan {done.step_no} kasus {done.case_number} disetujui; menunggu {done.next_role}")
        return 0
    route = f"lanjut ke kegiatan {done.next_step}" if done.next_step else "kasus selesai"
    print(f"Kegiatan {done.step_no} kasus {done.case_number} selesai"
          + (f" ({done.choice})" if done.choice else "") + f"; {route}")
    for warning in done.warnings:
        print(f"Peringatan: {warning}")
    for notice in done.notices:
        print(f"Dicatat: {notice}")
    return 0


def case_extend(args: Namespace) -> int:
    from sopdesk.engine import deadlines

    with office(args) as ws:
        done = deadlines.extend(ws, actor(ws, args), args.case_no, args.tenggat, args.reason,
                                notice_number=args.notice_number)
        tz = ws.calendar.tz
    if args.json:
        print_json(done.__dict__)
        return 0
    print(f"Tenggat '{done.name}' kasus {done.case_number} diperpanjang (ke-{done.times}): "
          f"{waktu_lokal(done.before, tz)} -> {waktu_lokal(done.due_at, tz)}")
    if done.notice:
        print(f"Dicatat: {done.notice}" + (f" {args.notice_number}" if args.notice_number else ""))
    return 0


def case_return(args: Namespace) -> int:
    from sopdesk.engine import cases

    with office(args) as ws:
        cases.return_to(ws, actor(ws, args), args.case_no, args.to, args.reason)
    print(f"Kasus {args.case_no.upper()} dikembalikan ke kegiatan {args.to}")
    return 0


def case_cancel(args: Namespace) -> int:
    from sopdesk.engine import cases

    with office(args) as ws:
        cases.cancel(ws, actor(ws, args), args.case_no, args.reason)
    print(f"Kasus {args.case_no.upper()} dibatalkan")
    return 0


def _simple(action: str, message: str, to: bool = False) -> Callable[[Namespace], int]:
    """A command that does one thing to a case's open step (engine.cases.`action`) and says so
    (`to`: it names a user)."""
    def command(args: Namespace) -> int:
        from sopdesk.engine import cases

        with office(args) as ws:
            extra = (args.to,) if to else ()
            getattr(cases, action)(ws, actor(ws, args), args.case_no, *extra)
        print(message.format(case=args.case_no.upper(), to=getattr(args, "to", "")))
        return 0

    return command


case_claim = _simple("claim", "Kegiatan kasus {case} diambil")
case_release = _simple("release", "Kegiatan kasus {case} dilepas")
case_assign = _simple("assign", "Kegiatan kasus {case} dialihkan ke {to}", to=True)
