"""SOP catalog: file format, validation and the set of loaded SOPs (Qt-free).

The names are imported from their modules when first asked for (PEP 562): `from
sopdesk.catalog import Catalog` costs no pydantic, `from sopdesk.catalog import Sop` imports the
models (issue #15: an acting command on the cached catalog never builds them)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sopdesk.catalog.loader import load_file
    from sopdesk.catalog.problems import CatalogError, Problem
    from sopdesk.catalog.registry import Catalog, bundled_catalog_dir, load_catalog, validate_paths
    from sopdesk.catalog.schema import END, Kegiatan, Organisasi, Sop
    from sopdesk.catalog.waktu import Satuan, Waktu, parse_waktu

_HOMES = {
    "CatalogError": "problems",
    "Problem": "problems",
    "load_file": "loader",
    "Catalog": "registry",
    "bundled_catalog_dir": "registry",
    "load_catalog": "registry",
    "validate_paths": "registry",
    "END": "schema",
    "Kegiatan": "schema",
    "Organisasi": "schema",
    "Sop": "schema",
    "Satuan": "waktu",
    "Waktu": "waktu",
    "parse_waktu": "waktu",
}

__all__ = [
    "END",
    "Catalog",
    "CatalogError",
    "Kegiatan",
    "Organisasi",
    "Problem",
    "Satuan",
    "Sop",
    "Waktu",
    "bundled_catalog_dir",
    "load_catalog",
    "load_file",
    "parse_waktu",
    "validate_paths",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"sopdesk.catalog.{home}"), name)
    globals()[name] = value
    return value
