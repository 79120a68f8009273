"""SOP catalog: file format, validation and the set of loaded SOPs (Qt-free)."""

from sopdesk.catalog.loader import CatalogError, Problem, load_file
from sopdesk.catalog.registry import Catalog, bundled_catalog_dir, load_catalog, validate_paths
from sopdesk.catalog.schema import END, Kegiatan, Organisasi, Sop
from sopdesk.catalog.waktu import Satuan, Waktu, parse_waktu

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
