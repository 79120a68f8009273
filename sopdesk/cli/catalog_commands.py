"""The CLI of the office's own catalog (issue #13): add SOP files, switch SOPs off and on, list
the front doors the installed SOPs declare."""

from __future__ import annotations

import sys
from argparse import Namespace

from sopdesk.cli.commands import _actor, _json, _open, _print_flow

# the engine modules are imported by the commands that use them: building the parser (every
# command line call) imports this module (tests/test_start_speed.py)


def catalog_add(args: Namespace) -> int:
    from sopdesk.catalog import CatalogError
    from sopdesk.engine import catalog_admin

    ws = _open(args)
    try:
        actor = _actor(ws, args)
        if args.dry_run:
            results = catalog_admin.check_files(ws, args.paths)
        else:
            try:
                results = catalog_admin.add_sops(ws, actor, args.paths)
            except CatalogError as exc:
                for problem in exc.problems:
                    print(str(problem), file=sys.stderr)
                print(f"{len(exc.problems)} masalah ditemukan; tidak ada SOP yang ditambahkan", file=sys.stderr)
                return 1
    finally:
        ws.close()
    problems = [p for r in results for p in r.problems]
    if args.json:
        _json([{"berkas": r.path.name, "kode": r.sop.kode if r.sop else None,
                "revisi": r.sop.revisi if r.sop else None, "sah": r.ok, "sudah_terpasang": r.installed,
                "menggantikan_revisi": r.replaces, "catatan": r.notes, "masalah": [str(p) for p in r.problems]}
               for r in results])
        return 1 if problems else 0
    for result in results:
        print(result.summary())
        for note in result.notes:
            print(f"  Catatan: {note}")
        if args.dry_run and result.sop is not None:  # the preview: lanes, entries, steps and routes
            _print_flow(result.sop)
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

    ws = _open(args)
    try:
        kode = catalog_admin.disable_sop(ws, _actor(ws, args), args.sop_id, args.reason)
    finally:
        ws.close()
    print(f"SOP {kode} dinonaktifkan: kasus baru tidak dapat dimulai; kasus yang berjalan tetap dapat diselesaikan")
    return 0


def catalog_enable(args: Namespace) -> int:
    from sopdesk.engine import catalog_admin

    ws = _open(args)
    try:
        kode = catalog_admin.enable_sop(ws, _actor(ws, args), args.sop_id)
    finally:
        ws.close()
    print(f"SOP {kode} aktif kembali")
    return 0


def catalog_doors(args: Namespace) -> int:
    """What starts a case besides a manual start: visitor purposes and incoming-letter kinds."""
    from sopdesk.engine import letters, visitors

    ws = _open(args)
    try:
        off = ws.disabled_sops()
        rows = [{"jenis": jenis, "kode": pintu.kode, "label": pintu.label, "sop": sop.kode, "entri": entri.kode,
                 "kegiatan": entri.kegiatan, "aktif": sop.kode not in off}
                for jenis in ("tamu", "surat") for pintu, sop, entri in ws.catalog.doors(jenis)]
        offered = {"tamu": visitors.purposes(ws), "surat": letters.letter_kinds(ws)}
    finally:
        ws.close()
    if args.json:
        _json(rows)
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
