"""The built office-PC bundle (build_scripts/build_bundle.py -> dist/sopdesk) holds what the
program needs and nothing of the developer's: no tests or test data, no compiled test modules,
no test tools, no QtWebEngine / QML, within the size the issue set.

It reads the real bundle: the files of the folder and the modules inside the executable's
archive. Without a bundle it is skipped (say so); CI builds the bundle first and sets
SOPDESK_BUNDLE_REQUIRED=1, so a missing bundle fails there instead."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = Path(os.environ.get("SOPDESK_BUNDLE_DIR") or ROOT / "dist" / "sopdesk")
EXECUTABLE = BUNDLE / ("sopdesk.exe" if sys.platform == "win32" else "sopdesk")
SIZE_LIMIT = 250e6

if not EXECUTABLE.is_file():
    if os.environ.get("SOPDESK_BUNDLE_REQUIRED"):
        raise RuntimeError(f"SOPDESK_BUNDLE_REQUIRED is set but there is no bundle at {BUNDLE}")
    pytest.skip(f"no bundle at {BUNDLE}: build it with build_scripts/build_bundle.py", allow_module_level=True)

TEST_PARTS = re.compile(r"^(tests?|testing|test_data|testdata|fixtures|conftest\.pyc?)$|^test_.*\.pyc?$"
                        r"|_test\.pyc?$", re.IGNORECASE)
UNWANTED_FILES = re.compile(r"WebEngine|Qt6Quick|Qt6Qml|Qt63D|Qt6Multimedia|Qt6Wayland|QtWebEngineProcess"
                            r"|pytest|hypothesis|PyInstaller|/mypy/|/mypyc/", re.IGNORECASE)
UNWANTED_MODULES = ("pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "PyInstaller", "tests", "test",
                    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtQml", "PySide6.QtQuick",
                    "PySide6.QtMultimedia", "tkinter", "mypy", "mypyc")


def bundle_files() -> list[str]:
    """Every file of the folder (a symbolic link to a library is listed, not counted twice)."""
    return sorted(p.relative_to(BUNDLE).as_posix() for p in BUNDLE.rglob("*") if p.is_file() or p.is_symlink())


def archived_modules() -> list[str]:
    """The modules compiled into the executable's PYZ archive."""
    readers = pytest.importorskip("PyInstaller.archive.readers",
                                  reason="PyInstaller (the build extra) reads the executable's archive")
    package = readers.CArchiveReader(str(EXECUTABLE))
    names = [name for name in package.toc if name.startswith("PYZ") and name.endswith(".pyz")]
    assert names, f"no PYZ archive in {EXECUTABLE}: {sorted(package.toc)[:10]}"
    return sorted(package.open_embedded_archive(names[0]).toc)


def test_the_bundle_has_no_tests_and_no_test_data():
    files = bundle_files()
    tests = [f for f in files if any(TEST_PARTS.search(part) for part in f.split("/"))]
    assert tests == []
    modules = archived_modules()
    compiled_tests = [m for m in modules if any(TEST_PARTS.search(part) for part in m.split("."))]
    assert compiled_tests == []


def test_the_bundle_has_no_webengine_qml_or_test_tools():
    assert [f for f in bundle_files() if UNWANTED_FILES.search(f)] == []
    modules = archived_modules()
    assert [m for m in modules if m.startswith(UNWANTED_MODULES) and
            any(m == u or m.startswith(u + ".") for u in UNWANTED_MODULES)] == []


def test_the_bundle_holds_what_the_program_reads_at_run_time():
    files = set(bundle_files())
    internal = "_internal/"
    wanted = ["sopdesk/sop_catalog/paw_dprd_ntt.yaml", "sopdesk/sop_catalog/pelayanan_publik_kupang.yaml",
              "sopdesk/resources/translations/qtbase_id.qm", "sopdesk/resources/translations/sopdesk_en.qm",
              "sopdesk/resources/fonts/DejaVuSans.ttf", "sopdesk/resources/fonts/DejaVuSans-Bold.ttf",
              "sopdesk/resources/panduan/panduan.md", "sopdesk/store/migrations/env.py",
              "sopdesk/store/migrations/script.py.mako", "sopdesk/store/migrations/versions/0001_initial_schema.py"]
    assert [w for w in wanted if internal + w not in files] == []
    assert "BACA-SAYA.txt" in files
    assert "contoh-sop-kantor.yaml" in files  # the office's own SOP starts from it
    suffix = ".dll" if sys.platform == "win32" else ".so"
    plugins = {f.split("/Qt/plugins/")[1] for f in files if "/Qt/plugins/" in f}
    platforms = {"platforms/qwindows.dll", "platforms/qoffscreen.dll"} if sys.platform == "win32" else \
        {"platforms/libqxcb.so", "platforms/libqoffscreen.so"}
    assert platforms <= plugins
    assert any(p.startswith("printsupport/") for p in plugins) or sys.platform == "win32"
    assert {p.split("/")[0] for p in plugins} <= {"platforms", "styles", "printsupport", "imageformats",
                                                   "platforminputcontexts", "xcbglintegrations"}
    assert any(f.endswith("pypdfium2_raw/libpdfium" + suffix) or f.endswith("pypdfium2_raw/pdfium.dll")
               for f in files)
    modules = set(archived_modules())
    assert {"sopdesk.cli.commands", "sopdesk.gui.app", "sopdesk.store.migrate", "psycopg"} <= modules


def test_the_bundle_is_within_its_size():
    size = sum((BUNDLE / f).stat().st_size for f in bundle_files() if not (BUNDLE / f).is_symlink())
    assert size <= SIZE_LIMIT, f"{size / 1e6:.0f} MB"


def test_the_readme_in_the_folder_tells_how_to_start_where_the_data_is_and_how_to_back_up():
    text = (BUNDLE / "BACA-SAYA.txt").read_text(encoding="utf-8")
    for heading in ("MEMULAI", "TEMPAT DATA", "CADANGAN"):
        assert heading in text
    data_dir = r"%LOCALAPPDATA%\sopdesk" if sys.platform == "win32" else "~/.local/share/sopdesk"
    assert data_dir in text
    assert "backup --as admin" in text and "restore --as admin" in text
    assert "Coba dengan data contoh" in text  # the first start, as from source


def test_the_archive_is_named_by_version_and_platform_and_unpacks_into_one_folder():
    import tarfile
    import zipfile

    sys.path.insert(0, str(ROOT / "build_scripts"))
    import build_bundle

    version = build_bundle.project_version(build_bundle.read_project())
    windows = sys.platform == "win32"
    archive = ROOT / "dist" / f"sopdesk-{version}-{build_bundle.platform_tag()}.{'zip' if windows else 'tar.gz'}"
    assert archive.is_file()
    if windows:
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
    else:
        with tarfile.open(archive) as tf:
            names = tf.getnames()
    assert {name.replace("\\", "/").split("/")[0] for name in names} == {f"sopdesk-{version}"}
    program = "sopdesk.exe" if windows else "sopdesk"
    assert f"sopdesk-{version}/{program}" in {name.replace("\\", "/") for name in names}
    assert f"sopdesk-{version}/BACA-SAYA.txt" in names
