"""Indonesia's national holidays and cuti bersama (the `holidays` package, categories public
and government, names in Indonesian), year by year, without the package's cost on every start.

`holidays.country_holidays("ID")` imports all of the package's ~250 countries (0.15-0.2 s)
and `import holidays` itself costs more again. The calendar needs a few years of one country:
each year's table is computed once (loading only the Indonesian module) and kept in the
user's cache folder, in a file named by the installed package's version and its Indonesian
module, so an updated `holidays` (a new cuti bersama decree) is computed again."""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import sys
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from sopdesk.usercache import cache_dir, stat_line, write_private

CATEGORIES = ("public", "government")
COUNTRY_MODULE = "holidays.countries.indonesia"
PREFIX = "libur-nasional-"
FORMAT = 1


def _package_stamp() -> str:
    """Names the installed `holidays` release without importing it."""
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None:
            return "unknown"
        root = Path(next(iter(spec.submodule_search_locations or [])))
    except (ImportError, ValueError, StopIteration, TypeError, AttributeError):
        return "unknown"
    return "\n".join(stat_line(root / name) for name in ("version.py", "countries/indonesia.py"))


def _indonesia_class() -> Any:
    """holidays.countries.indonesia.Indonesia, loaded without the package's other countries
    (whose `countries/__init__` imports every one of them); the ordinary import otherwise."""
    import holidays

    if COUNTRY_MODULE not in sys.modules and "holidays.countries" not in sys.modules:
        try:
            folder = Path(holidays.__file__).parent / "countries"
            spec = importlib.machinery.PathFinder.find_spec(COUNTRY_MODULE, [str(folder)])
            if spec is None or spec.loader is None:
                raise ImportError(COUNTRY_MODULE)
            module = importlib.util.module_from_spec(spec)
            sys.modules[COUNTRY_MODULE] = module
            spec.loader.exec_module(module)
            return module.Indonesia
        except Exception:  # noqa: BLE001 - e.g. a bundle keeping modules in an archive
            sys.modules.pop(COUNTRY_MODULE, None)
    return lambda **options: holidays.country_holidays("ID", **options)


def compute_year(year: int) -> dict[date, str]:
    """Every national holiday and cuti bersama of one year, from the package."""
    table = _indonesia_class()(categories=CATEGORIES, language="id", years=year)
    return {day: str(name) for day, name in table.items() if day.year == year}


class NationalHolidays:
    """date -> name, computed a year at a time on first use (from the cache when there)."""

    def __init__(self, use_cache: bool = True):
        self._years: dict[int, dict[date, str]] = {}
        self._use_cache = use_cache
        self._file: Path | None = None
        self._stored: dict[str, list[list[str]]] | None = None

    def _cache_file(self) -> Path:
        if self._file is None:
            key = f"format {FORMAT}\n{_package_stamp()}\n{sys.version}"
            self._file = cache_dir() / f"{PREFIX}{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
        return self._file

    def _read_store(self) -> dict[str, list[list[str]]]:
        if self._stored is None:
            self._stored = {}
            try:
                data = json.loads(self._cache_file().read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self._stored = data
            except Exception:  # noqa: BLE001, S110 - no cache yet, or an unusable one
                pass
        return self._stored

    def year(self, year: int) -> dict[date, str]:
        table = self._years.get(year)
        if table is not None:
            return table
        if self._use_cache:
            try:
                table = {date.fromisoformat(day): name for day, name in self._read_store()[str(year)]}
            except Exception:  # noqa: BLE001 - not cached (or garbled): compute it
                table = None
        if table is None:
            table = compute_year(year)
            if self._use_cache:
                self._keep(year, table)
        self._years[year] = table
        return table

    def _keep(self, year: int, table: dict[date, str]) -> None:
        store = self._read_store()
        store[str(year)] = [[day.isoformat(), name] for day, name in sorted(table.items())]
        with suppress(OSError):  # a read-only cache folder: computed again next time
            write_private(self._cache_file(), json.dumps(store, ensure_ascii=False).encode("utf-8"), PREFIX)

    def get(self, day: date, default: str | None = None) -> str | None:
        return self.year(day.year).get(day, default)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day in self.year(day.year)
