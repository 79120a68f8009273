"""What is wrong with a catalog file, and the loader's size limit, in a module that imports
no pydantic (issue #15).

An acting command on the cached catalog (`sopdesk inbox --as ...`) needs the catalog's
problems (`Catalog.left_out`, warned on stderr) and the limit the cache's digest reads up to,
but no SOP model: kept here, the catalog's registry and cache import them without the schema,
whose pydantic models cost some 90 ms of every such command's start. The loader re-exports
both names, so `from sopdesk.catalog.loader import Problem` keeps working."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 2 * 1024 * 1024  # a catalog file larger than this is refused unread


@dataclass(frozen=True)
class Problem:
    file: str
    where: str  # "kegiatan 3", "pelaksana help_desk", "" for the file as a whole
    field: str
    message: str

    def __str__(self) -> str:
        place = ", ".join(p for p in (self.where, self.field) if p)
        return f"{self.file}: {place}: {self.message}" if place else f"{self.file}: {self.message}"


class CatalogError(Exception):
    """A catalog file (or several) is not valid; `problems` lists every finding."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
