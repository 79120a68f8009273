"""Smoke test of the built bundle as an office PC meets it: the archive unpacked into a fresh
folder, run with an empty HOME and a PATH without any Python, through the whole first day.

    python build_scripts/smoke_bundle.py [ARCHIVE]    (default: the archive build_bundle.py wrote)

Steps: --version; setup of an office; demo --cases 50 in a second data folder; case complete of
one waiting step (checked with case show); report sop PAW (the PDF has pages, every font
embedded, the SOP's text); check; the desktop window offscreen until the Kotak Masuk has painted
(gui --smoke-test); backup, a change after it, restore, the change gone and check clean again.
Each step's command, exit code, time and first output lines are printed; the first failure ends
the run with exit code 1. Runs with the test environment's Python (pypdf reads the PDF); the
bundle itself sees only HOME, PATH, SOPDESK_PASSWORD (and QT_QPA_PLATFORM for the window).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bundle  # noqa: E402 - the version and archive name come from the build script

PASSWORD = "sandi-uji-paket-2026"
TOOLS = ("sh", "ls", "cat")  # a minimal PATH: a shell and two tools, no Python


class SmokeFailure(Exception):
    pass


class Bundle:
    def __init__(self, program: Path, work: Path):
        self.program = program
        self.work = work
        home = work / "home"
        home.mkdir()
        tools = work / "bin"
        tools.mkdir()
        for tool in TOOLS:
            found = shutil.which(tool)
            if found:
                (tools / tool).symlink_to(found)
        path = str(tools)
        for python in ("python", "python3", "python3.11", "py"):
            if shutil.which(python, path=path):
                raise SmokeFailure(f"{python} is on the smoke test's PATH")
        self.env = {"HOME": str(home), "PATH": path, "SOPDESK_PASSWORD": PASSWORD}
        if build_bundle.WINDOWS:  # (not run yet) Windows needs its system folder; the user folders are empty
            self.env.update(SYSTEMROOT=os.environ["SYSTEMROOT"], USERPROFILE=str(home),
                            LOCALAPPDATA=str(home / "AppData" / "Local"), APPDATA=str(home / "AppData" / "Roaming"))
        self._helps: dict[tuple[str, ...], str] = {}

    def run(self, title: str, *args: str, extra_env: dict | None = None, timeout: int = 300) -> str:
        started = time.monotonic()
        done = subprocess.run([str(self.program), *args], env={**self.env, **(extra_env or {})}, cwd=self.work,
                              capture_output=True, text=True, timeout=timeout)
        elapsed = time.monotonic() - started
        output = (done.stdout + done.stderr).strip()
        shown = "\n".join("      " + line for line in output.splitlines()[:4])
        print(f"[{'ok' if done.returncode == 0 else 'GAGAL'}] {title}: sopdesk {' '.join(args)} "
              f"(exit {done.returncode}, {elapsed:.1f} s)\n{shown}", flush=True)
        if done.returncode != 0:
            raise SmokeFailure(f"{title}: exit {done.returncode}")
        return done.stdout

    def acting(self, user: str, *command: str) -> list[str]:
        """The command with `--as USER` when it asks for a login (its --help names --as)."""
        if command not in self._helps:
            done = subprocess.run([str(self.program), *command, "--help"], env=self.env, capture_output=True,
                                  text=True, timeout=120)
            self._helps[command] = done.stdout
        return [*command, "--as", user] if "--as" in self._helps[command] else list(command)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def pdf_problems(path: Path) -> list[str]:
    """Pages, embedded fonts and the SOP's code in the text of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    problems = [] if len(reader.pages) >= 1 else ["the PDF has no page"]
    fonts = {}
    for page in reader.pages:
        for name, ref in (page.get("/Resources", {}).get("/Font") or {}).items():
            font = ref.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font.get("/BaseFont", name))] = any(key in descriptor for key in
                                                          ("/FontFile", "/FontFile2", "/FontFile3"))
    if not fonts:
        problems.append("the PDF uses no font")
    problems += [f"font {name} is not embedded" for name, embedded in fonts.items() if not embedded]
    text = "".join(page.extract_text() for page in reader.pages)
    if "PAW" not in text:
        problems.append("the text of SOP PAW is not in the PDF")
    print(f"      PDF: {len(reader.pages)} halaman, font tertanam: {', '.join(sorted(fonts))}")
    return problems


def unpack(archive: Path, into: Path) -> Path:
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(into)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(into, filter="data")
    (folder,) = into.iterdir()
    program = folder / ("sopdesk.exe" if build_bundle.WINDOWS else "sopdesk")
    check(program.is_file(), f"{program} is missing from the archive")
    check((folder / "BACA-SAYA.txt").is_file(), "BACA-SAYA.txt is missing from the archive")
    return program


def first_waiting_step(bundle: Bundle, data: list[str]) -> tuple[str, str, int]:
    users = json.loads(bundle.run("pengguna kantor contoh", *data, *bundle.acting("admin", "user", "list"), "--json"))
    for user in users:
        if user["admin"] or not user["aktif"]:
            continue
        inbox = json.loads(bundle.run(f"kotak masuk {user['username']}", *data,
                                      *bundle.acting(user["username"], "inbox"), "--json"))
        if inbox["items"]:
            item = inbox["items"][0]
            return user["username"], item["case_number"], item["step_no"]
    raise SmokeFailure("no step waits in any inbox of the demo office")


def smoke(bundle: Bundle, version: str) -> None:
    work = bundle.work
    out = bundle.run("versi", "--version")
    check(out.strip() == f"sopdesk {version}", f"--version said {out.strip()!r}")

    office = ["--data-dir", str(work / "kantor")]
    bundle.run("penyiapan kantor", *office, "setup", "--office", "KPU Kota Uji Paket", "--timezone", "WITA",
               "--admin", "admin")
    check((work / "kantor" / "sopdesk.sqlite3").is_file(), "setup wrote no database in the data folder")

    demo = ["--data-dir", str(work / "contoh")]
    out = bundle.run("data contoh", *demo, "demo", "--cases", "50")
    check("50 kasus contoh" in out, "demo did not report its 50 cases")

    user, case, step = first_waiting_step(bundle, demo)
    bundle.run("selesaikan satu kegiatan", *demo, *bundle.acting(user, "case", "complete"), case, "--step", str(step))
    shown = json.loads(bundle.run("rincian kasus", *demo, *bundle.acting(user, "case", "show"), case, "--json"))
    done = [item for item in shown["items"] if item["step"] == step and item["status"] == "done"]
    check(any(item["completed_by"] == user for item in done), f"step {step} of {case} is not done by {user}")

    pdf = work / "sop-paw.pdf"
    bundle.run("cetak SOP PAW", *demo, *bundle.acting("admin", "report", "sop"), "PAW", "-o", str(pdf))
    problems = pdf_problems(pdf)
    check(not problems, "; ".join(problems))

    bundle.run("periksa data", *demo, "check")

    out = bundle.run("jendela desktop (offscreen)", *office, "gui", "--smoke-test",
                     extra_env={"QT_QPA_PLATFORM": "offscreen"})
    check("Kotak Masuk tampil" in out, "the desktop window did not report the Kotak Masuk")
    check("pratinjau cetak SOP PAW" in out, "the print preview's renderer did not draw the SOP sheet")

    backups = work / "cadangan"
    backups.mkdir()
    bundle.run("buat cadangan", *demo, *bundle.acting("admin", "backup"), "-o", str(backups))
    (archive,) = backups.glob("sopdesk-cadangan-*.zip")
    bundle.run("perubahan sesudah cadangan", *demo, *bundle.acting("help.desk", "visitor", "register"),
               "--name", "Tamu Sesudah Cadangan", "--purpose", "bertamu")
    listing = [*demo, *bundle.acting("help.desk", "visitor", "list"), "--search", "Sesudah Cadangan", "--json"]
    check(json.loads(bundle.run("tamu sebelum pemulihan", *listing)), "the new visitor is not listed")
    bundle.run("pulihkan cadangan", *demo, "restore", str(archive), "--as", "admin", "--yes")
    check(json.loads(bundle.run("tamu sesudah pemulihan", *listing)) == [],
          "the visitor registered after the backup is still there after the restore")
    shown = json.loads(bundle.run("rincian kasus sesudah pemulihan", *demo,
                                  *bundle.acting(user, "case", "show"), case, "--json"))
    check(any(item["step"] == step and item["status"] == "done" for item in shown["items"]),
          "the step completed before the backup is not done after the restore")
    bundle.run("periksa data sesudah pemulihan", *demo, "check")


def main(argv: list[str]) -> int:
    version = build_bundle.project_version(build_bundle.read_project())
    suffix = "zip" if build_bundle.WINDOWS else "tar.gz"
    archive = Path(argv[0]) if argv else build_bundle.DIST / f"sopdesk-{version}-{build_bundle.platform_tag()}.{suffix}"
    if not archive.is_file():
        print(f"smoke_bundle: no archive {archive}; run build_scripts/build_bundle.py first", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sopdesk-smoke-") as tmp:
        work = Path(tmp)
        try:
            program = unpack(archive, work / "program")
            print(f"smoke_bundle: {archive.name} unpacked; HOME and PATH of the program: {work}/home, {work}/bin "
                  f"(tools: {', '.join(TOOLS)}; no Python)", flush=True)
            smoke(Bundle(program, work), version)
        except (SmokeFailure, subprocess.TimeoutExpired) as exc:
            print(f"smoke_bundle: FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"smoke_bundle: all steps passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
