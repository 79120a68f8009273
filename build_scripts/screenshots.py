"""Start the real application under Xvfb on a demo database and save a screenshot of every
main screen (for the README, and to look at what users see).

    python build_scripts/screenshots.py [--out resources/screenshots] [--more DIR] [--cases 3000]
                                        [--sizes 1366x768,1024x768]

Each size is a screen of its own (the window fits itself to it, as on an office PC); the first
size's screens go to --out (the README's), the others' to --more/<size>. Besides the main screens
it shows a case returned from step 9 to 8: the inbox after the return and the reopened form.

Needs the Debian packages xvfb, imagemagick, xdotool and Qt's xcb libraries
(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-cursor0).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DISPLAY = ":97"
PASSWORD = "sopdesk-demo"


def sh(*args: str, env: dict | None = None, check: bool = True) -> str:
    return subprocess.run(args, env=env, check=check, capture_output=True, text=True).stdout


def wait_window(name: str, env: dict, timeout: float = 30) -> str:
    end = time.time() + timeout
    while time.time() < end:
        found = sh("xdotool", "search", "--name", name, env=env, check=False).split()
        if found:
            return found[-1]
        time.sleep(0.3)
    raise SystemExit(f"window {name!r} did not appear")


def key(env: dict, *keys: str, pause: float = 1.0) -> None:
    # no window manager gives focus on Xvfb: focus the newest sopdesk window first
    windows = sh("xdotool", "search", "--onlyvisible", "--name", "sopdesk|Kasus|Kegiatan|Formulir", env=env,
                 check=False).split()
    if windows:
        sh("xdotool", "windowfocus", "--sync", windows[-1], env=env, check=False)
    sh("xdotool", "key", "--clearmodifiers", *keys, env=env)
    time.sleep(pause)


def add_letters(sopdesk: list[str], env: dict) -> None:
    """Today's letters for the Surat & Ekspedisi screens (the demo data has none): three
    incoming letters (two start cases), a disposition, two outgoing letters in the book."""
    def run(*args: str) -> dict:
        done = subprocess.run([*sopdesk, *args, "--json"], env=env, check=True, capture_output=True, text=True)
        return json.loads(done.stdout)

    stamp = time.strftime("%m/%Y")
    run("letter", "in", "--as", "help.desk", "--sender", "LSM Bengkel APPeK", "--number", f"12/BA/{stamp}",
        "--subject", "Permohonan data DPT per kelurahan se-Kota Kupang", "--sifat", "segera",
        "--starts", "permohonan_informasi")
    run("letter", "in", "--as", "staf", "--sender", "Pimpinan DPRD Kota Kupang", "--number", f"170/DPRD/{stamp}",
        "--subject", "Usulan PAW a.n. Yakobus Lana", "--sifat", "segera", "--starts", "usulan_paw")
    agenda = run("letter", "in", "--as", "staf", "--sender", "Bawaslu Kota Kupang", "--number",
                 f"45/PM.00/K.NT-01/{stamp}", "--subject", "Undangan rapat koordinasi pengawasan tahapan")["agenda"]
    run("letter", "dispose", agenda, "--as", "ketua", "--to", "teknis", "hukum_pengawasan", "--instruction",
        "Hadiri dan laporkan hasilnya kepada pleno")
    run("letter", "out", "--as", "staf", "--recipient", "Bawaslu Kota Kupang", "--subject",
        "Penyampaian data DPT per kelurahan", "--classification", "PP.01", "--recipient-name", "Ketua Bawaslu")
    run("letter", "out", "--as", "staf", "--recipient", "KPU Provinsi NTT", "--subject",
        "Laporan pelaksanaan rapat pleno rekapitulasi", "--classification", "PL.02")


def return_a_case(sopdesk: list[str], env: dict) -> str:
    """A PP case waiting at step 9 for the Kasubag, sent back to step 8 with a reason: the inbox
    after a return and the reopened step form (banner, last visit's values) are shown."""
    def run(*args: str) -> dict:
        done = subprocess.run([*sopdesk, *args, "--json"], env=env, check=True, capture_output=True, text=True)
        return json.loads(done.stdout) if done.stdout.strip() else {}

    items = run("inbox", "--as", "kasubag", "--sop", "PP")["items"]
    at_nine = [item for item in items if item["step_no"] == 9]
    number = at_nine[0]["case_number"] if at_nine else walk_to_step_nine(sopdesk, env, run)
    subprocess.run([*sopdesk, "case", "return", number, "--as", "kasubag", "--to", "8", "--reason",
                    "Hasil identifikasi belum mencantumkan data yang diminta pemohon"],
                   env=env, check=True, capture_output=True, text=True)
    return number


def walk_to_step_nine(sopdesk: list[str], env: dict, run) -> str:  # noqa: ANN001
    """A demo with no PP case at step 9: a new request letter starts one, and the administrator
    completes its steps until it waits at 9."""
    number = run("letter", "in", "--as", "help.desk", "--sender", "Yohanes Bria", "--number", "7/PI/2026",
                 "--subject", "Permohonan salinan hasil rekapitulasi suara per TPS", "--sifat", "biasa",
                 "--starts", "permohonan_informasi")["case"]
    for _ in range(12):
        waiting = [item["step"] for item in run("case", "show", number, "--as", "admin")["items"]
                   if item.get("status") == "open"]
        if waiting == [9]:
            return number
        subprocess.run([*sopdesk, "case", "complete", number, "--as", "admin"], env=env, check=True,
                       capture_output=True, text=True)
    raise SystemExit(f"{number} did not reach step 9")


def shot(env: dict, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    sh("import", "-window", "root", str(path), env=env)
    print(path)


def screens(sopdesk: list[str], env: dict, size: str, out: Path, user: str, returned: str) -> None:
    """Log in on a screen of `size` and take every screen; the window sizes itself to the screen."""
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", f"{size}x24", "-nolisten", "tcp"])
    app = None
    try:
        time.sleep(1.5)
        app = subprocess.Popen(sopdesk, env=env)
        wait_window("Masuk|Sign in|Log in", env)
        time.sleep(1)
        sh("xdotool", "type", "--delay", "30", user, env=env)
        key(env, "Tab", pause=0.3)
        sh("xdotool", "type", "--delay", "30", PASSWORD, env=env)
        key(env, "Return", pause=3)
        wait_window("sopdesk 0", env)
        time.sleep(1.5)
        shot(env, out, "01-kotak-masuk")
        key(env, "Return", pause=2)
        shot(env, out, "02-formulir-kegiatan")
        key(env, "Escape")
        key(env, "ctrl+f", pause=0.3)  # the inbox after a return: the returned case, then its step form
        sh("xdotool", "type", "--delay", "20", returned, env=env)
        key(env, "Down", pause=1.5)
        shot(env, out, "11-kotak-masuk-dikembalikan")
        key(env, "Return", pause=2)
        shot(env, out, "12-formulir-dikembalikan")
        key(env, "Escape")
        key(env, "ctrl+f", "ctrl+a", "BackSpace", pause=0.5)
        key(env, "ctrl+2")
        shot(env, out, "03-meja-layanan")
        key(env, "ctrl+3")
        shot(env, out, "04-kasus")
        key(env, "Tab", "Tab", "Tab", "Down", "Return", pause=2.5)
        shot(env, out, "05-tampilan-kasus")
        key(env, "ctrl+Tab", pause=2)
        shot(env, out, "06-kasus-diagram-alir")
        key(env, "Escape")
        key(env, "ctrl+4", pause=2)
        shot(env, out, "09-surat-masuk")
        key(env, "ctrl+Tab", "ctrl+Tab", pause=2)  # from the search box: Surat keluar, Buku ekspedisi
        shot(env, out, "10-buku-ekspedisi")
        key(env, "ctrl+5", pause=2)
        key(env, "Tab", "Down", "Down", pause=2.5)  # the list under its heading: PAW, then PP (Pelayanan Publik)
        shot(env, out, "07-katalog-sop")
        key(env, "alt+d", pause=2)  # its swimlane
        shot(env, out, "13-katalog-diagram-alir")
        key(env, "ctrl+6")
        shot(env, out, "08-pengaturan")
    finally:
        if app is not None:
            app.terminate()
            app.wait(timeout=10)
        xvfb.terminate()
        xvfb.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"),
                        help="where the screens of the first --sizes go (the README's)")
    parser.add_argument("--more", type=Path, default=None,
                        help="where the screens of the other sizes go, one folder each (default: a temporary folder)")
    parser.add_argument("--sizes", default="1366x768,1024x768", help="screen sizes, comma-separated")
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--user", default="kasubag")
    parser.add_argument("--lang", default="id", choices=["id", "en"], help="language of the screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="sopdesk-shots-"))
    env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", SOPDESK_PASSWORD=PASSWORD,
               XDG_CONFIG_HOME=str(data / "config"), XDG_STATE_HOME=str(data / "state"))
    env.pop("SOPDESK_DB", None)
    if args.lang != "id":  # what Pengaturan > Bahasa saves (QSettings of organisation/app "sopdesk")
        config = data / "config" / "sopdesk"
        config.mkdir(parents=True)
        (config / "sopdesk.conf").write_text(f"[ui]\nlanguage={args.lang}\n")
    sopdesk = [sys.executable, "-m", "sopdesk", "--data-dir", str(data)]
    subprocess.run([*sopdesk, "demo", "--cases", str(args.cases), "--seed", "1"], env=env, check=True)
    add_letters(sopdesk, env)
    returned = return_a_case(sopdesk, env)
    more = args.more or Path(tempfile.mkdtemp(prefix="sopdesk-shots-more-"))
    for number, size in enumerate(args.sizes.split(",")):
        out = args.out if number == 0 else more / size
        out.mkdir(parents=True, exist_ok=True)
        screens(sopdesk, env, size, out, args.user, returned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
