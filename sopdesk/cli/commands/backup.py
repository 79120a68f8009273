"""`sopdesk backup` and `sopdesk restore`: an administrator's archive of the office (database,
attachments, manifest) and putting one back, with the questions a restore asks first."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from sopdesk.cli.parsing import Commands, Parents
from sopdesk.cli.session import actor, office, password
from sopdesk.errors import UserError
from sopdesk.textfmt import waktu_lokal

if TYPE_CHECKING:
    from sopdesk.engine.backups import Manifest
    from sopdesk.engine.restore_checks import Confirm, RestorePlan


def add_parsers(sub: Commands, parents: Parents) -> None:
    p = sub.add_parser("backup", parents=[parents.acting],
                       help="buat cadangan: basis data, lampiran, manifest (admin)")
    p.add_argument("-o", "--output", metavar="FILE_OR_DIR", type=Path,
                   help="folder tujuan atau nama berkas .zip (bawaan: folder cadangan di pengaturan)")
    p.set_defaults(func=backup)
    p = sub.add_parser("restore", help="pulihkan data dari berkas cadangan (admin)")
    p.add_argument("file", type=Path, help="berkas sopdesk-cadangan-*.zip")
    p.add_argument("--as", dest="actor", metavar="USER",
                   help="administrator yang bertindak (wajib bila basis data sekarang berisi data; "
                        "bila basis data sekarang rusak: administrator di cadangan itu)")
    p.add_argument("--yes", action="store_true", help="tanpa pertanyaan konfirmasi")
    p.add_argument("--kantor-lain", dest="other_office", action="store_true",
                   help="izinkan cadangan kantor lain (tetap harus mengetik nama kantornya)")
    p.set_defaults(func=restore)


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def backup(args: Namespace) -> int:
    from sopdesk.engine import backups

    with office(args) as ws:
        path = backups.backup(ws, actor(ws, args), args.output)
    manifest = backups.read_manifest(path)
    print(f"Cadangan dibuat: {path}")
    print(f"  {_size(path.stat().st_size)}; basis data skema {manifest.schema_revision} dan "
          f"{manifest.attachments} berkas lampiran")
    return 0


def _made_at(manifest: Manifest) -> str:
    from sopdesk.engine.workdays import zone

    try:
        return waktu_lokal(manifest.created_at, zone(manifest.timezone or ""))
    except ValueError:
        return f"{manifest.created_at:%d-%m-%Y %H:%M} UTC"


def _confirm_restore(args: Namespace, aside_dir: Path) -> Confirm:
    """Asked once the backup is verified, before anything is replaced. Another office's backup
    needs its name typed at a terminal, --yes or not."""

    def confirm(plan: RestorePlan) -> bool:
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
    from sopdesk.engine import accounts, backups

    manifest = backups.inspect_backup(args.file)  # the quick checks; the rest before anything is replaced
    target = backups.restore_target(args.data_dir, args.db)
    confirm = _confirm_restore(args, target.set_aside_dir)
    if target.state == "set_up":
        if not args.actor:
            raise UserError("Basis data sekarang berisi data kantor: pemulihan harus oleh "
                            "administrator, sebutkan dengan --as USER")
        with office(args, held_ok=True) as ws:  # a restore is the remedy for tampering
            admin = actor(ws, args)
            accounts.check_admin(ws, admin)  # before the question, not after it
            result = backups.restore_backup(ws, admin, args.file, allow_other_office=args.other_office,
                                            confirm=confirm)
    else:
        backup_admin = None
        if target.state == "damaged":  # nobody can log in: an administrator of the backup instead
            if not args.actor:
                raise UserError("Basis data sekarang rusak: pemulihan harus oleh administrator dari "
                                "cadangan yang dipulihkan, sebutkan dengan --as USER (kata sandinya "
                                "di cadangan itu)")
            backup_admin = (args.actor, password(f"Kata sandi {args.actor} (di cadangan): "))
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
