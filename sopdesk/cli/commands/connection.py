"""Which database the office lives in: `connect` points this desk at the office's server (or
back at the local file), `transfer` moves the whole office into another, empty database."""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace

from sopdesk.cli.parsing import Commands, Parents
from sopdesk.cli.session import actor, office


def add_connect(sub: Commands, parents: Parents) -> None:  # noqa: ARG001 - every noun's signature
    p = sub.add_parser("connect", help="hubungkan meja ini ke server basis data kantor (disimpan per PC)")
    p.add_argument("url", nargs="?", metavar="URL",
                   help="mis. postgresql+psycopg://sopdesk@server/sopdesk (tanpa kata sandi: kata sandi "
                   "ditanya atau dari SOPDESK_DB_PASSWORD); tanpa URL: tampilkan basis data meja ini")
    p.add_argument("--local", action="store_true", help="kembali ke berkas SQLite di folder data")
    p.add_argument("--no-check", action="store_true", help="simpan tanpa mencoba koneksinya")
    p.set_defaults(func=connect, needs_db=False)


def add_transfer(sub: Commands, parents: Parents) -> None:
    p = sub.add_parser("transfer", parents=[parents.acting],
                       help="pindahkan seluruh data kantor ke basis data lain yang kosong (admin)")
    p.add_argument("--to", dest="target", required=True, metavar="URL",
                   help="basis data tujuan yang kosong: postgresql+psycopg://PENGGUNA@SERVER/NAMA, "
                        "atau sqlite:////FOLDER/sopdesk.sqlite3 (lampiran ke FOLDER/lampiran)")
    p.set_defaults(func=transfer)


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
    desk_connection.refuse_password_in(args.url)  # before asking for the password
    password = os.environ.get(desk_connection.PASSWORD_ENV)
    if password is None and sys.stdin and sys.stdin.isatty():
        shown = desk_connection.mask_url(args.url)
        password = getpass.getpass(f"Kata sandi basis data untuk {shown} (kosong: tanpa kata sandi): ")
    now = desk_connection.connect(args.url, password or None, verify=not args.no_check)
    print(f"Meja ini sekarang memakai basis data {now.url}")
    print(f"Pengaturan: {now.config_file}" + (" (kata sandi di berkas terpisah, hanya untuk pengguna ini)"
                                              if now.has_password else ""))
    return 0


def transfer(args: Namespace) -> int:
    from sopdesk.engine import backups

    def progress(table: str, rows: int) -> None:
        if rows % 50_000 == 0:
            print(f"  {table}: {rows} baris", file=sys.stderr)

    with office(args) as ws:
        result = backups.transfer_office(ws, actor(ws, args), args.target, progress)
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
