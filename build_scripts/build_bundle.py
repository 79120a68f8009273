"""Build the office-PC bundle: a PyInstaller one-folder program that runs without Python, and
its versioned archive with a short Indonesian BACA-SAYA.txt and an example of an office's own
SOP to copy (contoh-sop-kantor.yaml, with its instructions in Indonesian).

    python build_scripts/build_bundle.py        (needs the build extra: pip install -e '.[build]')

Writes dist/sopdesk/ (the folder) and dist/sopdesk-<version>-linux-x86_64.tar.gz
(Windows: dist/sopdesk-<version>-windows-x64.zip), and prints the build time and the sizes.

The package is first laid out as pip installs it (pyproject's package-dir: sop_catalog/ and
resources/ become sopdesk/sop_catalog and sopdesk/resources) in build/bundle-stage, so that the
program finds its catalog, translations, fonts and migrations through importlib.resources
exactly as from a wheel; build_scripts/sopdesk.spec lists every data file and every Qt plugin.

What differs on Windows (the same script, run there with the same command):
- two executables in one folder: sopdesk.exe (console: the CLI commands, and the desktop
  window without a command) and sopdesk-desktop.exe (windowed: no console window behind the
  desktop program; the one to pin or put on the desktop);
- an icon (build/bundle-win/sopdesk.ico, drawn here with Qt's ICO writer) and a version
  resource (build/bundle-win/version.txt: the version, product and company fields Explorer shows)
  on both executables;
- Qt plugins: platforms qwindows + qoffscreen, styles (windowsvista / modernwindows), print
  support (Windows' own printing is in QtPrintSupport itself);
- the archive is a .zip (sopdesk-<version>-windows-x64.zip) and BACA-SAYA.txt has CRLF line ends.
"""

from __future__ import annotations

import ast
import fnmatch
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
STAGE = BUILD / "bundle-stage"
SPEC = ROOT / "build_scripts" / "sopdesk.spec"
WINDOWS = sys.platform == "win32"
SIZE_LIMIT_MB = 250  # issue #14: the unpacked bundle stays at most this large

README_TEXT = """\
sopdesk {version}: SOP kantor KPU sebagai alur kerja, tanpa internet
=====================================================================

MEMULAI
- Tidak perlu memasang Python atau program lain. Salin folder ini ke PC kantor
  (mis. ke {install_hint}), lalu jalankan:
{start_hint}
- Awal pertama: isi penyiapan kantor (nama kantor, zona waktu WIB/WITA/WIT, administrator
  dan kata sandinya), atau pilih "Coba dengan data contoh" untuk mencoba dulu dengan kantor
  contoh (kata sandi semua pengguna contoh: sopdesk-demo). Data kantor Anda tidak tersentuh.
- Perintah baris (untuk petugas TI): {cli_hint} --help

TEMPAT DATA
- Data kantor TIDAK disimpan di folder program ini, tetapi di folder data pengguna:
    {data_dir}
  Isinya: basis data (sopdesk.sqlite3), lampiran/pindaian, dan folder "cadangan".
  Folder lain dapat dipilih dengan --data-dir FOLDER atau variabel SOPDESK_DATA_DIR.
- Catatan kesalahan (log): {log_dir}
- Program versi baru: hapus folder program lama dan salin folder baru; data tetap di
  tempatnya dan diperbarui otomatis (salinan basis data lama disimpan lebih dulu).

CADANGAN
- Buat cadangan secara teratur: di program, Pengaturan > Cadangan dan pemeriksaan >
  "Buat cadangan sekarang" (simpan juga ke flashdisk), atau dari perintah baris:
    {cli_hint} backup --as admin -o FOLDER_FLASHDISK
- Pemulihan: Pengaturan > Cadangan dan pemeriksaan > "Pulihkan dari cadangan…", atau
    {cli_hint} restore --as admin BERKAS-sopdesk-cadangan-....zip
- Periksa keutuhan data kapan saja: {cli_hint} check

SOP KANTOR SENDIRI
- Contoh berkas SOP: {example} di folder ini (dua lajur, satu keputusan; petunjuknya
  tertulis di awal berkas). Salin, beri nama baru, ubah dengan editor teks.
- Pasang: masuk sebagai administrator, Katalog SOP (Ctrl+5) > "Tambah SOP…". Berkas
  diperiksa lebih dulu (nama berkas, kegiatan dan kolom yang salah disebutkan) dan diagram
  alirnya ditampilkan; tidak ada yang berubah sebelum Anda menekan Pasang.
- Kasus SOP tanpa pintu (tamu atau surat masuk) dimulai dari Katalog SOP > "Mulai kasus…".
- Pemeriksaan dari perintah baris: {cli_hint} catalog validate BERKAS.yaml
"""
EXAMPLE_SOP = ROOT / "build_scripts" / "contoh-sop-kantor.yaml"  # an office's own SOP to start from


def read_project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def platform_tag() -> str:
    if WINDOWS:
        return "windows-x64" if platform.machine().lower() in ("amd64", "x86_64") else "windows-" + platform.machine()
    return f"{sys.platform}-{platform.machine()}"


def package_source(package: str, package_dirs: dict[str, str]) -> str:
    """The folder of a package as setuptools finds it: its own or its nearest parent's mapping."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        mapped = package_dirs.get(".".join(parts[:cut]))
        if mapped is not None:
            return "/".join([mapped, *parts[cut:]])
    return "/".join(parts)


def stage_package(pyproject: dict) -> None:
    """Lay the packages out as an installed wheel has them: their .py files and package data."""
    setup = pyproject["tool"]["setuptools"]
    package_dirs = setup.get("package-dir", {})
    package_data = setup.get("package-data", {})
    shutil.rmtree(STAGE, ignore_errors=True)
    for package in setup["packages"]:
        source = ROOT / package_source(package, package_dirs)
        target = STAGE / package.replace(".", "/")
        target.mkdir(parents=True, exist_ok=True)
        patterns = ["*.py", *package_data.get(package, [])]
        for path in sorted(source.iterdir()):
            if path.is_file() and any(fnmatch.fnmatch(path.name, p) for p in patterns):
                shutil.copy2(path, target / path.name)


def project_version(pyproject: dict) -> str:
    """pyproject's version, or the attribute it names ([tool.setuptools.dynamic])."""
    if "version" in pyproject["project"]:
        return pyproject["project"]["version"]
    attr = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]  # e.g. sopdesk.__version__
    module, _, name = attr.rpartition(".")
    source = ROOT / (module.replace(".", "/") + "/__init__.py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"build_bundle: no {name} in {source}")


def windows_resources(version: str, description: str) -> list[str]:
    """The icon and the version resource of the Windows executables."""
    folder = BUILD / "bundle-win"
    folder.mkdir(parents=True, exist_ok=True)
    icon = folder / "sopdesk.ico"
    draw_icon(icon)
    numbers = tuple(int(part) for part in version.split(".")[:3] if part.isdigit()) + (0,)
    numbers = (numbers + (0, 0, 0, 0))[:4]
    version_file = folder / "version.txt"
    version_file.write_text(VERSION_RESOURCE.format(numbers=numbers, version=version, description=description),
                            encoding="utf-8")
    return ["--icon", str(icon), "--version-file", str(version_file)]


def draw_icon(path: Path) -> None:
    """The program's icon, one 256 x 256 image (Windows scales it down), written by Qt's ICO plugin."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need an application
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#8b1a1a"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 40, 40)
    painter.setPen(QColor("white"))
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(96)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(8, 8, 240, 240), Qt.AlignmentFlag.AlignCenter, "SOP")
    painter.end()
    if not image.save(str(path), "ICO"):
        raise SystemExit(f"build_bundle: could not write the icon {path} (Qt's ICO plugin is missing)")


VERSION_RESOURCE = """\
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042104b0', [
      StringStruct('CompanyName', 'sopdesk'),
      StringStruct('FileDescription', '{description}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'sopdesk'),
      StringStruct('OriginalFilename', 'sopdesk.exe'),
      StringStruct('ProductName', 'sopdesk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0421, 1200])])
  ]
)
"""


def write_readme(folder: Path, version: str) -> None:
    if WINDOWS:
        hints = dict(install_hint=r"C:\sopdesk",
                     start_hint="    klik dua kali sopdesk-desktop.exe (klik kanan > Kirim ke > Desktop\n"
                                "    untuk membuat pintasannya).",
                     cli_hint="sopdesk.exe",
                     data_dir=r"%LOCALAPPDATA%\sopdesk  (mis. C:\Users\NAMA\AppData\Local\sopdesk)",
                     log_dir=r"%LOCALAPPDATA%\sopdesk\Logs")
    else:
        hints = dict(install_hint="/opt/sopdesk atau folder rumah Anda",
                     start_hint="    ./sopdesk   (klik dua kali berkas sopdesk, atau dari terminal)",
                     cli_hint="./sopdesk",
                     data_dir="~/.local/share/sopdesk  (folder rumah pengguna yang masuk)",
                     log_dir="~/.local/state/sopdesk/log")
    text = README_TEXT.format(version=version, example=EXAMPLE_SOP.name, **hints)
    newline = "\r\n" if WINDOWS else "\n"
    (folder / "BACA-SAYA.txt").write_text(text, encoding="utf-8", newline=newline)
    # beside it, the example SOP the administrator copies (Notepad reads CRLF best)
    example = EXAMPLE_SOP.read_text(encoding="utf-8")
    (folder / EXAMPLE_SOP.name).write_text(example, encoding="utf-8", newline=newline)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_archive(folder: Path, version: str) -> Path:
    root = f"sopdesk-{version}"
    if WINDOWS:
        archive = DIST / f"sopdesk-{version}-{platform_tag()}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path(root) / path.relative_to(folder))
    else:
        archive = DIST / f"sopdesk-{version}-{platform_tag()}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tf:
            tf.add(folder, arcname=root)
    return archive


def main() -> int:
    started = time.monotonic()
    pyproject = read_project()
    version = project_version(pyproject)
    stage_package(pyproject)
    extra = windows_resources(version, pyproject["project"]["description"]) if WINDOWS else []
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC),
               "--", "--stage", str(STAGE), *extra]
    print("build_bundle:", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    folder = DIST / "sopdesk"
    write_readme(folder, version)
    archive = make_archive(folder, version)
    elapsed = time.monotonic() - started
    size = folder_size(folder)
    print(f"build_bundle: {folder} {size / 1e6:.1f} MB unpacked, {sum(1 for _ in folder.rglob('*'))} files")
    print(f"build_bundle: {archive} {archive.stat().st_size / 1e6:.1f} MB")
    print(f"build_bundle: built in {elapsed:.0f} s")
    if size > SIZE_LIMIT_MB * 1e6:
        print(f"build_bundle: the bundle is larger than {SIZE_LIMIT_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
