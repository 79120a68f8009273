"""`sopdesk gui` (and `sopdesk` alone): the desktop program."""

from __future__ import annotations

from argparse import Namespace

from sopdesk.cli.parsing import Commands, Parents
from sopdesk.errors import UserError


def add_parsers(sub: Commands, parents: Parents) -> None:  # noqa: ARG001 - every noun's signature
    p = sub.add_parser("gui", help="buka aplikasi desktop (bawaan)")
    p.add_argument("--smoke-test", action="store_true",
                   help="uji mulai (mis. paket baru di PC kantor): buka jendela utama pada kantor contoh, "
                        "tunggu Kotak Masuk tampil, lalu keluar dengan kode 0")
    p.set_defaults(func=gui)


def gui(args: Namespace) -> int:
    try:
        from sopdesk.gui.smoke import smoke_test
        from sopdesk.gui.start import run
    except ImportError as exc:
        raise UserError(f"Antarmuka desktop tidak dapat dimuat ({exc})") from None
    if getattr(args, "smoke_test", False):  # `sopdesk` alone has no such option
        return smoke_test(args.data_dir)
    return run(args.data_dir, args.db)
