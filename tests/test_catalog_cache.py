"""The validated catalog kept between runs (sopdesk.catalog.cache): any change of a catalog
file's content is a change of the cache's key, also one that keeps the file's size and
modification time (an editor that keeps it, a file copied back with its old time)."""

from __future__ import annotations

import os
from pathlib import Path

from sopdesk.catalog.cache import cached_catalog, catalog_key


def _folder(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:  # noqa: ANN001
    monkeypatch.setenv("SOPDESK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "sop_catalog"
    folder.mkdir()
    path = folder / "contoh.yaml"
    path.write_text("jenis: sop\nnama: Alpha\n", encoding="utf-8")
    return folder, path


def test_an_edit_keeping_size_and_time_is_read_again(tmp_path, monkeypatch):
    folder, path = _folder(tmp_path, monkeypatch)
    loads: list[str] = []

    def load() -> dict[str, str]:
        loads.append(path.read_text(encoding="utf-8"))
        return {"text": loads[-1]}

    assert cached_catalog([folder], load) == {"text": "jenis: sop\nnama: Alpha\n"}
    assert cached_catalog([folder], load) == {"text": "jenis: sop\nnama: Alpha\n"}
    assert len(loads) == 1  # the second from the cache
    before = path.stat()
    path.write_text("jenis: sop\nnama: Omega\n", encoding="utf-8")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert cached_catalog([folder], load) == {"text": "jenis: sop\nnama: Omega\n"}
    assert len(loads) == 2


def test_the_key_follows_the_content_names_and_folders(tmp_path, monkeypatch):
    folder, path = _folder(tmp_path, monkeypatch)
    first = catalog_key([folder])
    assert catalog_key([folder]) == first
    path.write_text("jenis: sop\nnama: Alpha\n", encoding="utf-8")  # written again, the same bytes
    assert catalog_key([folder]) == first
    path.rename(folder / "lain.yaml")
    assert catalog_key([folder]) != first
    (folder / "lain.yaml").rename(path)
    assert catalog_key([folder]) == first
    (folder / "tambahan.yml").write_text("jenis: organisasi\n", encoding="utf-8")
    assert catalog_key([folder]) != first
    (folder / "tambahan.yml").unlink()
    assert catalog_key([tmp_path / "lain", folder]) != first
