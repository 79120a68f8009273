"""The CLI commands: each opens the workspace, calls one engine service, prints the result."""

from __future__ import annotations

import getpass
import json
import os
import sys
from argparse import Namespace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sopdesk.catalog import Sop, bundled_catalog_dir, load_catalog, validate_paths
from sopdesk.engine import accounts, cases, queries, revisits, visitor_lookup, visitors
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.textfmt import durasi, tanggal, waktu_lokal

# --- plumbing ---------------------------------------------------------------------------------

def _open(args: Namespace, held_ok: bool = False) -> Workspace:
    """The workspace of the command; refused while a check's findings of tampering wait for an
    administrator (engine.tamper), except for the commands that deal with them (`held_ok`)."""
    ws = Workspace.open(args.data_dir, args.db)
    _warn_left_out(ws.catalog)
    if ws.db.hold is not None and not held_ok:
        message = ws.db.hold
        ws.close()
        raise UserError(message)
    return ws


def _warn_left_out(catalog) -> None:  # noqa: ANN001 - a Catalog
    """A catalog file that is broken or conflicts is left out: one line each on stderr
    (issue #13: it never stops the office)."""
    for problem in catalog.left_out:
        print(f"sopdesk: peringatan: {problem}", file=sys.stderr)


def _password(prompt: str, env: str = "SOPDESK_PASSWORD") -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"Kata sandi tidak diberikan: isi variabel {env} atau jalankan di terminal")
    return getpass.getpass(prompt)


def _new_password(username: str) -> str:
    value = os.environ.get("SOPDESK_NEW_PASSWORD")
    if value:
        return value
    first = _password(f"Kata sandi baru untuk {username}: ", env="SOPDESK_NEW_PASSWORD")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise UserError("Kedua kata sandi tidak sama")
    return first


def _actor(ws: Workspace, args: Namespace) -> Actor:
    if not ws.is_set_up():
        raise UserError("Program sopdesk belum disiapkan: jalankan dulu 'sopdesk setup'")
    return ws.login(args.actor, _password(f"Kata sandi {args.actor}: "))


def _viewer(ws: Workspace, args: Namespace) -> Actor:
    """The login of a command that only shows office data (nothing written when it succeeds)."""
    from sopdesk.engine.viewer import login_to_read

    return login_to_read(ws, args.actor, _password(f"Kata sandi {args.actor}: "))


def _json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set):
        return sorted(value)
    raise TypeError(type(value))


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    result = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            raise UserError(f"Nilai {flag} harus berbentuk NAMA=NILAI, bukan {value!r}")
        result[key.strip()] = rest.strip()
    return result


def _date(text: str, what: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Tanggal {text!r} tidak sah ({what}; format YYYY-MM-DD)") from None
    if not 1900 <= day.year <= 2999:  # 0001-01-01 / 9999-12-31 overflow once a time zone is applied
        raise UserError(f"Tanggal {text!r} di luar jangkauan ({what}; tahun 1900-2999)")
    return day


# --- commands ---------------------------------------------------------------------------------

def gui(args: Namespace) -> int:
    try:
        from sopdesk.gui.app import run, smoke_test
    except ImportError as exc:
        raise UserError(f"Antarmuka desktop tidak dapat dimuat ({exc})") from None
    if getattr(args, "smoke_test", False):  # `sopdesk` alone has no such option
        return smoke_test(args.data_dir)
    return run(args.data_dir, args.db)


def setup(args: Namespace) -> int:
    ws = _open(args)
    try:
        password = _password(f"Kata sandi administrator {args.admin}: ")
        ws.setup(args.office, args.timezone, args.admin, password, address=args.address)
        print(f"Kantor {args.office} ({args.timezone}) disiapkan; administrator: {args.admin}")
        print(f"Basis data: {ws.db.url}")
    finally:
        ws.close()
    return 0


def connect(args: Namespace) -> int:
    """Point this desk at the office's database server once (stored per PC), or back to the
    local file (--local); without a URL, say which database this desk uses."""
    from sopdesk.engine import desk_connection

    if args.local:
        desk_connection.disconnect()
        print("Meja ini kembali memakai berkas SQLite di folder data")
        return 0
    if not args.url:
        now = desk_connection.current()
        print(f"Basis data meja ini: {now.url or 'berkas SQLite di folder data'}")
        if now.url:
            print(f"Pengaturan: {now.config_file}")
        return 0
    from sopdesk.store import connection_settings

    connection_settings.refuse_password_in(args.url)  # before asking for the password
    password = os.environ.get(connection_settings.PASSWORD_ENV)
    if password is None and sys.stdin and sys.stdin.isatty():
        shown = connection_settings.mask_url(args.url)
        password = getpass.getpass(f"Kata sandi basis data untuk {shown} (kosong: tanpa kata sandi): ")
    now = desk_connection.connect(args.url, password or None, verify=not args.no_check)
    print(f"Meja ini sekarang memakai basis data {now.url}")
    print(f"Pengaturan: {now.config_file}" + (" (kata sandi di berkas terpisah, hanya untuk pengguna ini)"
                                              if now.has_password else ""))
    return 0


def _catalog(args: Namespace):  # noqa: ANN202
    catalog = load_catalog([bundled_catalog_dir(), args.data_dir / "sop_catalog"], tolerant=True)
    _warn_left_out(catalog)
    return catalog


def catalog_list(args: Namespace) -> int:
    catalog = _catalog(args)
    rows = [
        {"kode": s.kode, "revisi": s.revisi, "nama": s.nama, "instansi": s.identitas.instansi,
         "kegiatan": len(s.kegiatan), "pelaksana": [p.nama for p in s.pelaksana],
         "berkas": catalog.sources[s.kode].name}
        for s in sorted(catalog.sops.values(), key=lambda s: s.kode)
    ]
    orgs = [{"kode": o.kode, "revisi": o.revisi, "nama": o.nama, "unit": len(o.units)}
            for o in catalog.organisations.values()]
    if args.json:
        _json({"sop": rows, "organisasi": orgs})
        return 0
    for row in rows:
        print(f"{row['kode']:<8} rev {row['revisi']:<3} {row['kegiatan']:>3} kegiatan  "
              f"{row['nama']} ({row['instansi']})")
    for org in orgs:
        print(f"{org['kode']:<8} rev {org['revisi']:<3} {org['unit']:>3} unit      {org['nama']}")
    return 0


def catalog_show(args: Namespace) -> int:
    catalog = _catalog(args)
    kode = args.sop_id.upper()
    document = catalog.organisations.get(kode)
    if document is None:
        try:
            document = catalog.sop(kode)
        except KeyError as exc:
            raise UserError(exc.args[0]) from None
    if args.json:
        print(document.model_dump_json(indent=2))
        return 0
    ident = document.identitas
    print(f"{document.kode} revisi {document.revisi}: {ident.nama_sop}")
    print(f"  Instansi: {ident.instansi}   Nomor SOP: {ident.nomor_sop or '-'}")
    print(f"  Disahkan oleh: {ident.disahkan_oleh.jabatan}"
          + (f", {ident.disahkan_oleh.nama}" if ident.disahkan_oleh.nama else ""))
    if isinstance(document, Sop):
        _print_flow(document)
    else:
        for unit in document.units:
            print(f"  - {unit.nama} [{unit.peran}]: {len(unit.uraian_tugas)} uraian tugas")
    return 0


def _print_flow(sop: Sop) -> None:
    print("  Pelaksana: " + ", ".join(f"{p.nama} ({p.peran})" for p in sop.pelaksana))
    print("  Entri: " + ", ".join(f"{e.kode} -> kegiatan {e.kegiatan}" for e in sop.entri))
    for step in sop.kegiatan:
        lane = sop.lane(step.pelaksana).nama + (" (disimpulkan)" if step.pelaksana_disimpulkan else "")
        routes = ", ".join(f"{label}: {target}" if label else str(target)
                           for label, target in sop.exits(step.no))
        print(f"  {step.no:>3}. [{lane}] {step.kegiatan}")
        print(f"       waktu: {step.waktu_baku.label()}   lanjut: {routes}")


def catalog_validate(args: Namespace) -> int:
    problems = validate_paths(args.paths)
    for problem in problems:
        print(str(problem), file=sys.stderr)
    if problems:
        print(f"{len(problems)} masalah ditemukan", file=sys.stderr)
        return 1
    print("Semua berkas katalog sah.")
    return 0


def user_add(args: Namespace) -> int:
    ws = _open(args)
    try:
        actor = _actor(ws, args)
        accounts.add_user(ws, actor, args.username, _new_password(args.username), args.role,
                          full_name=args.full_name, is_admin=args.admin)
        print(f"Pengguna {args.username} ditambahkan dengan peran: {', '.join(args.role) or '-'}")
    finally:
        ws.close()
    return 0


def user_list(args: Namespace) -> int:
    from sqlalchemy import select

    from sopdesk.store.models import User

    ws = _open(args)
    try:
        _viewer(ws, args)
        with ws.db.reading() as session:
            rows = [{"username": u.username, "nama": u.full_name, "admin": u.is_admin,
                     "aktif": u.active, "peran": sorted(u.role_names)}
                    for u in session.scalars(select(User).order_by(User.username))]
    finally:
        ws.close()
    if args.json:
        _json(rows)
    else:
        for row in rows:
            flags = ("admin " if row["admin"] else "") + ("" if row["aktif"] else "nonaktif")
            print(f"{row['username']:<16} {', '.join(row['peran']) or '-':<30} {flags}")
    return 0


def visitor_register(args: Namespace) -> int:
    form = visitors.VisitorForm(
        name=args.name, purpose=args.purpose, id_number=args.id_number,
        institution=args.institution, occupation=args.occupation, address=args.address,
        phone=args.phone, email=args.email, purpose_text=args.purpose_text,
        info_requested=args.info, info_use=args.info_use, obtain_method=args.obtain,
        delivery_method=args.delivery, directed_to=args.directed_to,
    )
    visitors.validate(form)  # a wrong field is reported before the password is asked
    ws = _open(args)
    try:
        visitor_id, case_no = visitors.register_visitor(ws, _actor(ws, args), form)
    finally:
        ws.close()
    if args.json:
        _json({"visitor_id": visitor_id, "case": case_no})
    else:
        print(f"Tamu {args.name} tercatat (no. {visitor_id})"
              + (f"; kasus {case_no} dimulai" if case_no else ""))
    return 0


def visitor_list(args: Namespace) -> int:
    ws = _open(args)
    try:
        actor = _viewer(ws, args)
        tz = ws.calendar.tz
        day = _date(args.date, "--date") if args.date else datetime.now(tz).date()
        start = datetime.combine(day, time(0), tz)
        data = visitor_lookup.visitor_book(ws, actor, start, start + timedelta(days=1), args.search)
    finally:
        ws.close()
    if args.json:
        _json(data)
    else:
        for v in data:  # NIK and phone come masked from the engine for roles that do not need them
            print(f"{waktu_lokal(v['waktu'], tz)}  {v['nama']:<30} {v['keperluan']:<22} "
                  f"NIK {v['nik'] or '-':<18} telp. {v['telepon'] or '-'}")
        print(f"{len(data)} tamu")
    return 0


def case_start(args: Namespace) -> int:
    ws = _open(args)
    try:
        number = cases.start_case(ws, _actor(ws, args), args.sop_id, args.title, args.entry,
                                  args.requester)
    finally:
        ws.close()
    if args.json:
        _json({"case": number})
    else:
        print(f"Kasus {number} dimulai")
    return 0


def case_show(args: Namespace) -> int:
    ws = _open(args)
    try:
        viewer = _viewer(ws, args)
        detail = queries.case_detail(ws, args.case_no, viewer)
        returned = revisits.return_info(ws, detail["number"])
        now = ws.clock()
        detail["return_info"] = returned.as_dict() if returned else None
        tz = ws.calendar.tz
    finally:
        ws.close()
    if args.json:
        _json(detail)
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


def case_complete(args: Namespace) -> int:
    outputs: dict[str, cases.OutputValue] = {}
    for name, number in _pairs(args.output, "--output").items():
        outputs.setdefault(name, cases.OutputValue()).number = number
    for name, text in _pairs(args.output_date, "--output-date").items():
        outputs.setdefault(name, cases.OutputValue()).date = _date(text, "--output-date")
    for name, path in _pairs(args.output_file, "--output-file").items():
        outputs.setdefault(name, cases.OutputValue()).file = Path(path)
    data = cases.StepInput(present=args.check,
                           files={k: Path(v) for k, v in _pairs(args.attach, "--attach").items()},
                           outputs=outputs, choice=args.choice, note=args.note,
                           on_behalf=args.on_behalf, override_reason=args.override_reason)
    ws = _open(args)
    try:
        done = cases.complete(ws, _actor(ws, args), args.case_no, data, step=args.step)
    finally:
        ws.close()
    if args.json:
        _json(done.__dict__)
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

    ws = _open(args)
    try:
        done = deadlines.extend(ws, _actor(ws, args), args.case_no, args.tenggat, args.reason,
                                notice_number=args.notice_number)
        tz = ws.calendar.tz
    finally:
        ws.close()
    if args.json:
        _json(done.__dict__)
        return 0
    print(f"Tenggat '{done.name}' kasus {done.case_number} diperpanjang (ke-{done.times}): "
          f"{waktu_lokal(done.before, tz)} -> {waktu_lokal(done.due_at, tz)}")
    if done.notice:
        print(f"Dicatat: {done.notice}" + (f" {args.notice_number}" if args.notice_number else ""))
    return 0


def case_return(args: Namespace) -> int:
    ws = _open(args)
    try:
        cases.return_to(ws, _actor(ws, args), args.case_no, args.to, args.reason)
    finally:
        ws.close()
    print(f"Kasus {args.case_no.upper()} dikembalikan ke kegiatan {args.to}")
    return 0


def case_cancel(args: Namespace) -> int:
    ws = _open(args)
    try:
        cases.cancel(ws, _actor(ws, args), args.case_no, args.reason)
    finally:
        ws.close()
    print(f"Kasus {args.case_no.upper()} dibatalkan")
    return 0


def _simple(action, message: str):  # noqa: ANN001, ANN202
    def command(args: Namespace) -> int:
        ws = _open(args)
        try:
            extra = (args.to,) if action is cases.assign else ()
            action(ws, _actor(ws, args), args.case_no, *extra)
        finally:
            ws.close()
        print(message.format(case=args.case_no.upper(), to=getattr(args, "to", "")))
        return 0

    return command


case_claim = _simple(cases.claim, "Kegiatan kasus {case} diambil")
case_release = _simple(cases.release, "Kegiatan kasus {case} dilepas")
case_assign = _simple(cases.assign, "Kegiatan kasus {case} dialihkan ke {to}")


def inbox(args: Namespace) -> int:
    ws = _open(args)
    try:
        actor = _actor(ws, args)
        roles = args.role or accounts.user_roles(ws, actor) or sorted(ws.catalog.roles)
        now = ws.clock()
        rows = queries.inbox_page(
            ws, roles, actor.user_id, sort=args.sort, descending=args.desc, limit=args.limit,
            offset=args.offset, mine=args.mine, overdue_at=now if args.overdue else None,
            sop=args.sop, search=args.search, viewer=actor)
        counts = queries.inbox_counts(ws, roles, now)
        tz = ws.calendar.tz
    finally:
        ws.close()
    if args.json:
        _json({"counts": {r: {"open": t, "overdue": o} for r, (t, o) in counts.items()},
               "items": [dict(row._asdict(), state=row.state(now), nearest_due=row.nearest_due,
                              due_is_case=row.due_is_case) for row in rows]})
        return 0
    for role, (total, late) in counts.items():
        print(f"{role}: {total} menunggu, {late} terlambat")
    marks = {"terlambat": "!! TERLAMBAT", "hampir": "!  hampir", "tepat": "", "tanpa_batas": ""}
    for row in rows:
        due = row.nearest_due  # the nearer of the step's time and the case deadline (issue #13)
        left = durasi(due - now) if due else "tanpa batas"
        shown = waktu_lokal(due, tz) + (" (kasus)" if row.due_is_case else "")
        print(f"{row.case_number:<16} {row.step_no:>3}. {row.kegiatan[:48]:<48} "
              f"{shown:<22} {left:<22} {row.assignee or '-':<10} "
              f"{marks[row.state(now)]}")
    if not rows:
        print("Tidak ada pekerjaan yang menunggu.")
    return 0


def holiday_add(args: Namespace) -> int:
    day = _date(args.date, "tanggal")
    ws = _open(args)
    try:
        accounts.add_office_holiday(ws, _actor(ws, args), day, args.name)
    finally:
        ws.close()
    print(f"{tanggal(day)} dicatat sebagai hari libur kantor: {args.name}")
    return 0


def holiday_list(args: Namespace) -> int:
    ws = _open(args)
    try:
        _viewer(ws, args)
        cal = ws.calendar
        year = args.year or datetime.now(cal.tz).year
        days = cal.holidays_in(year)
    finally:
        ws.close()
    if args.json:
        _json([{"tanggal": d, "nama": n} for d, n in days])
    else:
        for day, name in days:
            print(f"{tanggal(day):<20} {name}")
    return 0


def demo(args: Namespace) -> int:
    from sopdesk.engine import demo as demo_module
    from sopdesk.engine.demo import build_demo

    ws = _open(args)
    try:
        # progress when it takes a while: more than one batch of rows (a small demo prints only its summary)
        summary = build_demo(ws, cases=args.cases, seed=args.seed,
                             progress=_demo_progress() if args.cases > demo_module.FLUSH_EVERY else None)
    finally:
        ws.close()
    print(summary)
    return 0


def _demo_progress():  # noqa: ANN202 - progress(done, total)
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


# --- printed records (PDF) ----------------------------------------------------------------------

def _written(path: Path) -> int:
    print(f"PDF ditulis: {path}")
    return 0


def _report(args: Namespace, render) -> int:  # noqa: ANN001 - render(ws, actor) -> the PDF's path
    """Check where the PDF goes (never into sopdesk's own folders, never over a file that is
    not a PDF), log in, write one PDF, say where it is."""
    from sopdesk.reports.target import check_pdf_target, protected_folders
    from sopdesk.store.db import resolve_url, sqlite_path

    try:
        database = sqlite_path(resolve_url(args.db, args.data_dir))
    except Exception:  # noqa: BLE001 - a wrong URL is reported by the workspace below
        database = None
    check_pdf_target(args.output, protected_folders(args.data_dir, database))
    ws = _open(args)
    try:
        path = render(ws, _viewer(ws, args))
    finally:
        ws.close()
    return _written(path)


def _period(args: Namespace) -> tuple[date, date]:
    return _date(args.date_from, "--from"), _date(args.date_to, "--to")


def report_sop(args: Namespace) -> int:
    from sopdesk.reports import render_sop

    return _report(args, lambda ws, _actor: render_sop(ws, args.sop_id, args.output, args.paper,
                                                       revisi=args.revisi))


def report_case(args: Namespace) -> int:
    from sopdesk.reports import render_case_sheet

    return _report(args, lambda ws, actor: render_case_sheet(ws, args.case_no, args.output, args.paper,
                                                             viewer=actor))


def report_visitors(args: Namespace) -> int:
    from sopdesk.reports import render_visitor_register

    start, end = _period(args)
    return _report(args, lambda ws, actor: render_visitor_register(ws, actor, start, end, args.output, args.paper))


def report_receipt(args: Namespace) -> int:
    from sopdesk.reports import render_receipt

    return _report(args, lambda ws, actor: render_receipt(ws, actor, args.visitor_id, args.output, args.paper))


def report_performance(args: Namespace) -> int:
    from sopdesk.reports import render_performance

    start, end = _period(args)
    return _report(args, lambda ws, _actor: render_performance(ws, args.sop_id, start, end, args.output,
                                                               args.paper))


def report_expedition(args: Namespace) -> int:
    from sopdesk.reports.expedition import render_expedition_book

    start, end = _period(args)
    return _report(args, lambda ws, actor: render_expedition_book(ws, start, end, args.output, args.paper,
                                                                  pending_only=args.pending, viewer=actor))


def report_disposition(args: Namespace) -> int:
    from sopdesk.reports.disposition import render_disposition_sheet

    return _report(args, lambda ws, actor: render_disposition_sheet(ws, args.agenda, args.output, args.paper,
                                                                    viewer=actor))


# --- keeping the records safe: backup, restore, check ------------------------------------------

def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def backup(args: Namespace) -> int:
    from sopdesk.engine import backups
    from sopdesk.store.backup import read_manifest

    ws = _open(args)
    try:
        path = backups.backup(ws, _actor(ws, args), args.output)
    finally:
        ws.close()
    manifest = read_manifest(path)
    print(f"Cadangan dibuat: {path}")
    print(f"  {_size(path.stat().st_size)}; basis data skema {manifest.schema_revision} dan "
          f"{manifest.attachments} berkas lampiran")
    return 0


def _made_at(manifest) -> str:  # noqa: ANN001 - a store.backup.Manifest
    from sopdesk.engine.workdays import zone

    try:
        return waktu_lokal(manifest.created_at, zone(manifest.timezone or ""))
    except ValueError:
        return f"{manifest.created_at:%d-%m-%Y %H:%M} UTC"


def _confirm_restore(args: Namespace, aside_dir: Path):  # noqa: ANN202 - a restore_checks.Confirm
    """Asked once the backup is verified, before anything is replaced. Another office's backup
    needs its name typed at a terminal, --yes or not."""

    def confirm(plan) -> bool:  # noqa: ANN001 - a restore_checks.RestorePlan
        for warning in plan.warnings:
            print(f"sopdesk: peringatan: {warning}", file=sys.stderr)
        if args.yes and not plan.other_office:
            return True
        if not sys.stdin or not sys.stdin.isatty():
            if plan.other_office:
                raise UserError(f"Cadangan {args.file.name} milik kantor lain ({plan.office}): "
                                "pemulihannya harus dikonfirmasi dengan mengetik nama kantor itu di "
                                "terminal, juga dengan --yes. Tidak ada yang diubah")
            raise UserError("Pemulihan mengganti seluruh data kantor: jalankan di terminal untuk "
                            "menjawab konfirmasi, atau tambahkan --yes")
        manifest = plan.manifest
        print(f"Cadangan {args.file.name}: {plan.office or '-'}, dibuat {_made_at(manifest)}, "
              f"{manifest.attachments} lampiran (skema {manifest.schema_revision}).")
        print(f"Seluruh data sekarang akan diganti; data sekarang disimpan dulu di {aside_dir}/.")
        if not args.yes and input("Ketik 'ya' untuk memulihkan: ").strip().lower() != "ya":
            return False
        if plan.other_office:
            print(f"PERHATIAN: cadangan ini milik kantor lain ({plan.office}); data kantor "
                  f"{plan.current_office} akan diganti dengan data kantor itu.")
            typed = input(f"Ketik nama kantor cadangan ({plan.office}) untuk tetap memulihkan: ")
            return typed.strip() == (plan.office or "").strip()
        return True

    return confirm


def restore(args: Namespace) -> int:
    from sopdesk.engine import backups
    from sopdesk.engine.users import require_admin
    from sopdesk.store.backup import BACKUP_DIR, DataPaths, database_state, inspect_backup

    manifest = inspect_backup(args.file)  # the quick checks; the rest before anything is replaced
    paths = DataPaths.for_data_dir(args.data_dir, args.db)
    confirm = _confirm_restore(args, paths.data_dir / BACKUP_DIR / "sebelum-pemulihan-<waktu>")
    state = database_state(paths)
    if state == "set_up":
        if not args.actor:
            raise UserError("Basis data sekarang berisi data kantor: pemulihan harus oleh "
                            "administrator, sebutkan dengan --as USER")
        ws = _open(args, held_ok=True)  # a restore is the remedy for tampering
        try:
            actor = _actor(ws, args)
            with ws.db.reading() as session:
                require_admin(session, actor)  # before the question, not after it
            result = backups.restore_backup(ws, actor, args.file, allow_other_office=args.other_office,
                                            confirm=confirm)
        finally:
            ws.close()
    else:
        backup_admin = None
        if state == "damaged":  # nobody can log in: an administrator of the backup instead
            if not args.actor:
                raise UserError("Basis data sekarang rusak: pemulihan harus oleh administrator dari "
                                "cadangan yang dipulihkan, sebutkan dengan --as USER (kata sandinya "
                                "di cadangan itu)")
            backup_admin = (args.actor, _password(f"Kata sandi {args.actor} (di cadangan): "))
        result = backups.restore_without_login(args.data_dir, args.db, args.file,
                                               backup_admin=backup_admin,
                                               allow_other_office=args.other_office, confirm=confirm)
    print(f"Data dipulihkan dari {args.file} (dibuat {_made_at(manifest)}, "
          f"{manifest.attachments} lampiran).")
    if result.migration.startswith("upgraded"):
        print(f"Basis data diperbarui dari skema {manifest.schema_revision} ke skema terbaru.")
    if result.set_aside is not None:
        print(f"Data sebelumnya disimpan di {result.set_aside}")
    return 0


def transfer(args: Namespace) -> int:
    from sopdesk.engine import backups

    def progress(table: str, rows: int) -> None:
        if rows % 50_000 == 0:
            print(f"  {table}: {rows} baris", file=sys.stderr)

    ws = _open(args)
    try:
        result = backups.transfer_office(ws, _actor(ws, args), args.target, progress)
    finally:
        ws.close()
    copied = result.copied
    print(f"Data kantor disalin ke {result.target}: {sum(copied.rows.values())} baris dari "
          f"{len(copied.rows)} tabel, {copied.attachments} berkas lampiran.")
    if result.attachments_dir is not None:
        print(f"  Lampiran di {result.attachments_dir}; buka dengan --data-dir {result.attachments_dir.parent}")
    for finding in result.report.findings:
        print(f"sopdesk: {finding.message}", file=sys.stderr)
    if not result.report.ok:
        print(f"sopdesk: pemeriksaan tujuan menemukan {len(result.report.findings)} masalah; jangan "
              "pakai salinan ini", file=sys.stderr)
        return 1
    checked = result.report.checked
    print(f"Pemeriksaan tujuan: semua catatan utuh ({checked.get('attachments', 0)} lampiran, "
          f"{checked.get('audit_events', 0)} peristiwa audit; rantai audit berakhir di "
          f"{(result.target_audit_head or '-')[:16]}, sama dengan kantor asal).")
    return 0


def check(args: Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, DatabaseError

    from sopdesk.engine import integrity, tamper
    from sopdesk.store.db import refuse_network_share, resolve_url, sqlite_path

    try:
        path = sqlite_path(resolve_url(args.db, args.data_dir))
    except ArgumentError:
        path = None  # the engine factory says what is wrong with the URL
    if path is not None:
        refuse_network_share(str(path))
    if path is not None and not path.exists():
        raise UserError(f"Basis data tidak ditemukan: {path}")
    if args.acknowledge and not args.actor:
        raise UserError("Pilihan --acknowledge dilakukan oleh administrator: sebutkan dengan --as USER")
    hold = lifted = None
    try:
        ws = _open(args, held_ok=True)
    except DatabaseError as exc:
        report = integrity.Report()
        report.add("database", f"berkas basis data rusak dan tidak dapat dibuka: {exc.orig}")
    else:
        try:
            report = integrity.check(ws)
            hold = tamper.remember(ws, report)
            if args.acknowledge:
                lifted = tamper.acknowledge(ws, _actor(ws, args))
        finally:
            ws.close()
    counted = report.checked
    if args.json:
        _json(report.as_dict())
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


def _print_anchor(counted: dict) -> None:
    """The anchor compared, or why not (records not compared with a damaged chain)."""
    found = counted.get("anchor")
    if isinstance(found, dict):
        print(f"Jangkar rantai audit: peristiwa #{found['count']}, {found['head'][:16]}... "
              f"(kunci: {found['kunci']})")
    elif found:
        print("Jangkar rantai audit: tidak ada di folder data ini (dibuat pada tindakan berikutnya)")
    if isinstance(counted.get("records"), str):
        print(f"Catatan kantor {counted['records']}", file=sys.stderr)


# --- correspondence: agenda of letters, lembar disposisi, buku ekspedisi ------------------------

def _moment(ws: Workspace, text: str | None, what: str) -> datetime | None:
    """YYYY-MM-DD (the start of that day) or YYYY-MM-DDTHH:MM, in the office's time zone."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"Waktu {text!r} tidak sah ({what}; format YYYY-MM-DD atau YYYY-MM-DDTHH:MM)") from None
    if not 1900 <= value.year <= 2999:
        raise UserError(f"Tanggal {text!r} di luar jangkauan ({what}; tahun 1900-2999)")
    if value.tzinfo is None:
        value = value.replace(tzinfo=ws.calendar.tz)
    return value


def letter_in(args: Namespace) -> int:
    from sopdesk.engine import letters

    form = letters.IncomingForm(
        sender=args.sender, subject=args.subject, number=args.number,
        letter_date=_date(args.date, "--date") if args.date else None, classification=args.classification,
        sifat=args.sifat, starts=args.starts, case=args.case, scan=args.scan)
    letters.validate_incoming(form)  # a wrong field is reported before the password is asked
    ws = _open(args)
    try:
        form.received_at = _moment(ws, args.received, "--received")
        agenda, case_no = letters.register_incoming(ws, _actor(ws, args), form)
        # where the case went: the registration may have done its first step already
        waiting = next((item for item in queries.case_detail(ws, case_no)["items"] if item["status"] == "open"),
                       None) if case_no else None
    finally:
        ws.close()
    if args.json:
        _json({"agenda": agenda, "case": case_no})
    else:
        where = f" menunggu di kegiatan {waiting['step']} ({waiting['role']})" if waiting else ""
        print(f"Surat masuk dicatat dengan nomor agenda {agenda}" + (f"; kasus {case_no}{where}" if case_no else ""))
    return 0


def letter_out(args: Namespace) -> int:
    from sopdesk.engine import letters

    form = letters.OutgoingForm(
        recipient=args.recipient, subject=args.subject, classification=args.classification, number=args.number,
        letter_date=_date(args.date, "--date") if args.date else None, case=args.case, step=args.step,
        recipient_name=args.recipient_name, dispatch=not args.no_expedition)
    ws = _open(args)
    try:
        done = letters.register_outgoing(ws, _actor(ws, args), form)
    finally:
        ws.close()
    if args.json:
        _json(done.__dict__)
    else:
        print(f"Surat keluar dicatat dengan nomor {done.number}"
              + (f"; buku ekspedisi nomor {done.expedition_id}" if done.expedition_id else ""))
    return 0


def letter_list(args: Namespace) -> int:
    from sopdesk.engine import letters

    ws = _open(args)
    try:
        viewer = _viewer(ws, args)
        tz = ws.calendar.tz
        paging = {"year": args.year, "search": args.search, "limit": args.limit, "offset": args.offset,
                  "viewer": viewer}  # a rahasia perihal is masked off its chain (issue #13)
        incoming = None if args.outgoing else letters.incoming_page(ws, **paging)
        outgoing = None if args.incoming else letters.outgoing_page(ws, **paging)
    finally:
        ws.close()
    if args.json:
        data = {}
        if incoming is not None:
            data["masuk"] = [row._asdict() for row in incoming]
        if outgoing is not None:
            data["keluar"] = [row._asdict() for row in outgoing]
        _json(data)
        return 0
    if incoming is not None:
        print(f"Agenda surat masuk: {len(incoming)} surat")
        for r in incoming:
            print(f"  {r.agenda}  {waktu_lokal(r.received_at, tz):<22} {r.number or '-':<28} "
                  f"{r.sender[:30]:<30} {r.subject[:50]:<50} {r.sifat:<7} {r.case_number or ''}"
                  + (f"  BATAL: {r.void_reason}" if r.void else ""))
    if outgoing is not None:
        print(f"Agenda surat keluar: {len(outgoing)} surat")
        for r in outgoing:
            print(f"  {r.number:<34} {r.letter_date:%d-%m-%Y}  {(r.recipient or '-')[:30]:<30} "
                  f"{r.subject[:50]:<50} {r.case_number or ''}" + (f" kegiatan {r.step_no}" if r.step_no else "")
                  + (f"  BATAL: {r.void_reason}" if r.void else ""))
    return 0


def letter_show(args: Namespace) -> int:
    from sopdesk.engine import dispositions, letters

    ws = _open(args)
    try:
        viewer = _viewer(ws, args)
        tz = ws.calendar.tz
        letter = None
        if letters.parse_agenda_number(args.target) is not None:
            from sopdesk.engine import rahasia

            with ws.db.reading() as session:
                row = letters.get_incoming(session, args.target)
                secret = row.sifat == "rahasia" and row.id not in rahasia.readable_letters(
                    session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes), [row.id])
                letter = {"agenda": letters.agenda_number(row.year, row.seq), "received_at": row.received_at,
                          "number": row.number, "letter_date": row.letter_date, "sender": row.sender,
                          "subject": rahasia.MASK if secret else row.subject,
                          "classification": row.classification, "sifat": row.sifat,
                          "batal": row.void_reason}
        sheets = dispositions.dispositions_of(ws, args.target)
    finally:
        ws.close()
    if args.json:
        _json({"surat": letter, "disposisi": sheets})
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

    ws = _open(args)
    try:
        done = dispositions.dispose(ws, _actor(ws, args), args.target, args.to, args.instruction,
                                    route=not args.no_route, choice=args.choice)
    finally:
        ws.close()
    if args.json:
        _json(done.__dict__)
    else:
        print(f"Disposisi nomor {done.disposition_id} dicatat; {done.message}")
    return 0


def letter_units(args: Namespace) -> int:
    catalog = _catalog(args)
    rows = [{"kode": u.kode, "nama": u.nama, "peran": u.peran, "organisasi": org.kode}
            for org in catalog.organisations.values() for u in org.units]
    if args.json:
        _json(rows)
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
    ws = _open(args)
    try:
        actor = _actor(ws, args) if changing else _viewer(ws, args)
        if changing:
            settings = change_letter_settings(
                ws, actor, pattern=args.pattern, office_code=args.office_code,
                default_classification=args.classification,
                sop_classification=_pairs(args.sop_classification, "--sop-classification"), roles=roles)
        else:
            settings = load_letter_settings(ws.data_dir)
        following = letters.next_outgoing_number(ws, settings.default_classification)
    finally:
        ws.close()
    data = dict(settings.as_dict(), nomor_berikutnya=following)
    if args.json:
        _json(data)
    else:
        for key, value in data.items():
            print(f"{key:<20} {value}")
    return 0


def expedition_list(args: Namespace) -> int:
    from sopdesk.engine import expedition

    start = _date(args.start, "--from") if args.start else None
    end = _date(args.end, "--to") if args.end else None
    if start and end and end < start:
        raise UserError("Tanggal --to tidak boleh sebelum --from")
    ws = _open(args)
    try:
        viewer = _viewer(ws, args)
        tz = ws.calendar.tz
        rows = expedition.expedition_page(ws, start=start, end=end, pending=args.pending, search=args.search,
                                          limit=args.limit, offset=args.offset, viewer=viewer)
    finally:
        ws.close()
    if args.json:
        _json([dict(row._asdict(), pending=row.pending) for row in rows])
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

    ws = _open(args)
    try:
        when = _moment(ws, args.date, "--date") or ws.clock()
        done = expedition.mark_received(ws, _actor(ws, args), args.id, when, args.signed_by, args.scan)
        tz = ws.calendar.tz
    finally:
        ws.close()
    print(f"Ekspedisi nomor {done.expedition_id} diterima {waktu_lokal(done.received_at, tz)} "
          f"oleh {done.signed_by}")
    return 0


# --- corrections and voids of the registers ------------------------------------------------------

def _changes_text(changes: dict) -> str:
    from sopdesk.engine.corrections import FIELD_LABELS

    def shown(value: Any) -> str:
        if value is None or value == "":
            return "(kosong)"
        return tanggal(value) if isinstance(value, date) else str(value)

    return "; ".join(f"{FIELD_LABELS.get(k, k)} {shown(old)} -> {shown(new)}" for k, (old, new) in changes.items())


def _done(args: Namespace, done: Any) -> int:
    """Print a Corrected or a Voided."""
    if args.json:
        _json(done.__dict__)
    elif hasattr(done, "changes"):
        print(f"{done.label[:1].upper()}{done.label[1:]} dikoreksi: {_changes_text(done.changes)}")
    else:
        print(f"{done.label[:1].upper()}{done.label[1:]} dibatalkan (alasan: {done.reason}); nomornya tidak "
              "dipakai lagi")
        for notice in done.notices:
            print(f"  {notice}")
    return 0


def letter_correct(args: Namespace) -> int:
    from sopdesk.engine import corrections, letters

    when = _date(args.date, "--date") if args.date else None
    incoming = letters.parse_agenda_number(args.target) is not None
    wrong = [flag for flag, value in (("--recipient", args.recipient),) if value is not None] if incoming else \
        [flag for flag, value in (("--sender", args.sender), ("--sifat", args.sifat)) if value is not None]
    if wrong:
        what = "surat masuk" if incoming else "surat keluar"
        raise UserError(f"Opsi {' dan '.join(wrong)} tidak berlaku untuk {what} {args.target}")
    ws = _open(args)
    try:
        if incoming:
            done = corrections.correct_incoming(ws, _actor(ws, args), args.target, corrections.IncomingCorrection(
                sender=args.sender, subject=args.subject, number=args.number, letter_date=when, sifat=args.sifat,
                classification=args.classification), args.reason)
        else:
            done = corrections.correct_outgoing(ws, _actor(ws, args), args.target, corrections.OutgoingCorrection(
                recipient=args.recipient, subject=args.subject, number=args.number, letter_date=when,
                classification=args.classification), args.reason)
    finally:
        ws.close()
    return _done(args, done)


def letter_void(args: Namespace) -> int:
    from sopdesk.engine import corrections, letters

    ws = _open(args)
    try:
        if letters.parse_agenda_number(args.target) is not None:
            done = corrections.void_incoming(ws, _actor(ws, args), args.target, args.reason)
        else:
            done = corrections.void_outgoing(ws, _actor(ws, args), args.target, args.reason)
    finally:
        ws.close()
    return _done(args, done)


def expedition_correct(args: Namespace) -> int:
    from sopdesk.engine import corrections

    ws = _open(args)
    try:
        done = corrections.correct_expedition(ws, _actor(ws, args), args.id, corrections.ExpeditionCorrection(
            letter_number=args.number, subject=args.subject, destination=args.destination,
            recipient_name=args.recipient_name, signed_by=args.signed_by), args.reason)
    finally:
        ws.close()
    return _done(args, done)


def expedition_void(args: Namespace) -> int:
    from sopdesk.engine import corrections

    ws = _open(args)
    try:
        done = corrections.void_expedition(ws, _actor(ws, args), args.id, args.reason)
    finally:
        ws.close()
    return _done(args, done)
