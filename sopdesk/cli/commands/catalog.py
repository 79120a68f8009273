"""`sopdesk catalog`: the SOPs installed (list, show, validate files) and the office's own
catalog (issue #13: add SOP files, switch SOPs off and on, the front doors they declare)."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from sopdesk.cli.output import print_json
from sopdesk.cli.parsing import Commands, Parents, noun
from sopdesk.cli.session import actor, office, office_catalog
from sopdesk.errors import UserError

if TYPE_CHECKING:
    from sopdesk.catalog import Organisasi, Sop

# The engine is imported by the command's function (the parser is built before the password is
# asked: sopdesk.cli.main); AHEAD is imported on a thread while it is typed.
AHEAD = ("sopdesk.catalog", "sopdesk.engine.catalog_admin")


def add_parsers(sub: Commands, parents: Parents) -> None:
    acting, listing = parents.acting, parents.listing
    cat = noun(sub, "catalog", "katalog SOP")
    p = cat.add_parser("list", parents=[listing], help="daftar SOP")
    p.set_defaults(func=catalog_list, needs_db=False)
    p = cat.add_parser("show", parents=[listing], help="isi satu SOP")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.set_defaults(func=catalog_show, needs_db=False)
    p = cat.add_parser("validate", help="periksa berkas katalog")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="berkas SOP (YAML) yang diperiksa")
    p.set_defaults(func=catalog_validate, needs_db=False)
    # issue #13: the office's own SOPs
    p = cat.add_parser("add", parents=[acting, listing],
                       help="tambah SOP ke katalog kantor (admin): diperiksa terhadap katalog terpasang")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="berkas SOP (YAML) yang dipasang")
    p.add_argument("--dry-run", action="store_true", help="hanya periksa, jangan pasang")
    p.set_defaults(func=catalog_add)
    p = cat.add_parser("disable", parents=[acting],
                       help="nonaktifkan SOP (admin): tidak ada kasus baru; kasus berjalan tetap dapat diselesaikan")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.add_argument("--reason", help="alasan (dicatat di log audit)")
    p.set_defaults(func=catalog_disable)
    p = cat.add_parser("enable", parents=[acting], help="aktifkan kembali SOP yang nonaktif (admin)")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.set_defaults(func=catalog_enable)
    p = cat.add_parser("doors", parents=[listing],
                       help="keperluan tamu dan jenis surat masuk yang memulai kasus, menurut katalog")
    p.set_defaults(func=catalog_doors)


def catalog_list(args: Namespace) -> int:
    catalog = office_catalog(args)
    rows = [
        {"kode": s.kode, "revisi": s.revisi, "nama": s.nama, "instansi": s.identitas.instansi,
         "kegiatan": len(s.kegiatan), "pelaksana": [p.nama for p in s.pelaksana],
         "berkas": catalog.sources[s.kode].name}
        for s in sorted(catalog.sops.values(), key=lambda s: s.kode)
    ]
    orgs = [{"kode": o.kode, "revisi": o.revisi, "nama": o.nama, "unit": len(o.units)}
            for o in catalog.organisations.values()]
    if args.json:
        print_json({"sop": rows, "organisasi": orgs})
        return 0
    for row in rows:
        print(f"{row['kode']:<8} rev {row['revisi']:<3} {row['kegiatan']:>3} kegiatan  "
              f"{row['nama']} ({row['instansi']})")
    for org in orgs:
        print(f"{org['kode']:<8} rev {org['revisi']:<3} {org['unit']:>3} unit      {org['nama']}")
    return 0


def catalog_show(args: Namespace) -> int:
    from sopdesk.catalog import Sop

    catalog = office_catalog(args)
    kode = args.sop_id.upper()
    document: Sop | Organisasi | None = catalog.organisations.get(kode)
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
        print_flow(document)
    else:
        for unit in document.units:
            print(f"  - {unit.nama} [{unit.peran}]: {len(unit.uraian_tugas)} uraian tugas")
    return 0


def print_flow(sop: Sop) -> None:
    """Lanes, entries, steps and their routes."""
    print("  Pelaksana: " + ", ".join(f"{p.nama} ({p.peran})" for p in sop.pelaksana))
    print("  Entri: " + ", ".join(f"{e.kode} -> kegiatan {e.kegiatan}" for e in sop.entri))
    for step in sop.kegiatan:
        lane = sop.lane(step.pelaksana).nama + (" (disimpulkan)" if step.pelaksana_disimpulkan else "")
        routes = ", ".join(f"{label}: {target}" if label else str(target)
                           for label, target in sop.exits(step.no))
        print(f"  {step.no:>3}. [{lane}] {step.kegiatan}")
        print(f"       waktu: {step.waktu_baku.label()}   lanjut: {routes}")


def catalog_validate(args: Namespace) -> int:
    from sopdesk.catalog import validate_paths

    problems = validate_paths(args.paths)
    for problem in problems:
        print(str(problem), file=sys.stderr)
    if problems:
        print(f"{len(problems)} masalah ditemukan", file=sys.stderr)
        return 1
    print("Semua berkas katalog sah.")
    return 0


def catalog_add(args: Namespace) -> int:
    from sopdesk.catalog import CatalogError
    from sopdesk.engine import catalog_admin

    with office(args) as ws:
        acting = actor(ws, args)
        if args.dry_run:
            results = catalog_admin.check_files(ws, args.paths)
        else:
            try:
                results = catalog_admin.add_sops(ws, acting, args.paths)
            except CatalogError as exc:
                for problem in exc.problems:
                    print(str(problem), file=sys.stderr)
                print(f"{len(exc.problems)} masalah ditemukan; tidak ada SOP yang ditambahkan", file=sys.stderr)
                return 1
    problems = [p for r in results for p in r.problems]
    if args.json:
        print_json([{"berkas": r.path.name, "kode": r.sop.kode if r.sop else None,
                     "revisi": r.sop.revisi if r.sop else None, "sah": r.ok, "sudah_terpasang": r.installed,
                     "menggantikan_revisi": r.replaces, "catatan": r.notes, "masalah": [str(p) for p in r.problems]}
                    for r in results])
        return 1 if problems else 0
    for result in results:
        print(result.summary())
        for note in result.notes:
            print(f"  Catatan: {note}")
        if args.dry_run and result.sop is not None:  # the preview: lanes, entries, steps and routes
            print_flow(result.sop)
    for problem in problems:
        print(str(problem), file=sys.stderr)
    if problems:
        print(f"{len(problems)} masalah ditemukan", file=sys.stderr)
        return 1
    if args.dry_run:
        print("Berkas sah dan cocok dengan katalog terpasang (belum ditambahkan: tanpa --dry-run untuk memasang)")
    else:
        added = [r for r in results if not r.installed]
        print(f"{len(added)} SOP ditambahkan ke katalog kantor ({ws.office_catalog_dir})")
    return 0


def catalog_disable(args: Namespace) -> int:
    from sopdesk.engine import catalog_admin

    with office(args) as ws:
        kode = catalog_admin.disable_sop(ws, actor(ws, args), args.sop_id, args.reason)
    print(f"SOP {kode} dinonaktifkan: kasus baru tidak dapat dimulai; kasus yang berjalan tetap dapat diselesaikan")
    return 0


def catalog_enable(args: Namespace) -> int:
    from sopdesk.engine import catalog_admin

    with office(args) as ws:
        kode = catalog_admin.enable_sop(ws, actor(ws, args), args.sop_id)
    print(f"SOP {kode} aktif kembali")
    return 0


def catalog_doors(args: Namespace) -> int:
    """What starts a case besides a manual start: visitor purposes and incoming-letter kinds."""
    from sopdesk.engine import letters, visitors

    with office(args) as ws:
        off = ws.disabled_sops()
        rows = [{"jenis": jenis, "kode": pintu.kode, "label": pintu.label, "sop": sop.kode, "entri": entri.kode,
                 "kegiatan": entri.kegiatan, "aktif": sop.kode not in off}
                for jenis in ("tamu", "surat") for pintu, sop, entri in ws.catalog.doors(jenis)]
        offered = {"tamu": visitors.purposes(ws), "surat": letters.letter_kinds(ws)}
    if args.json:
        print_json(rows)
        return 0
    titles = {"tamu": "Keperluan tamu (visitor register --purpose)", "surat": "Jenis surat masuk (letter in --starts)"}
    for jenis, title in titles.items():
        print(f"{title}:")
        for row in [r for r in rows if r["jenis"] == jenis]:
            state = "" if row["aktif"] else "  [SOP nonaktif]"
            print(f"  {row['kode']:<24} {row['label']:<36} SOP {row['sop']} entri {row['entri']} "
                  f"(kegiatan {row['kegiatan']}){state}")
        if jenis == "tamu":
            plain = [code for code in offered["tamu"] if code not in {r["kode"] for r in rows}]
            print(f"  tanpa kasus: {', '.join(plain)}")
    return 0
