"""The YAML reader of catalog files: PyYAML's SafeLoader without aliases and with only
true/false as booleans. Its own module so that PyYAML is imported only when a catalog file is
actually read (a command on the cached catalog never does; issue #15)."""

from __future__ import annotations

import re
from typing import Any, cast

import yaml


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, so a small file cannot expand into gigabytes."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]  # types-PyYAML: Parser.peek_event unannotated
            mark = cast(yaml.Mark, event.start_mark)  # the pure-Python parser's (SafeLoader)
            raise yaml.MarkedYAMLError(
                problem="alias (*...) tidak diizinkan dalam berkas katalog", problem_mark=mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. 2020-02-30, a 5000-digit number
            raise yaml.constructor.ConstructorError(
                problem=f"nilai tidak dapat dibaca ({exc})", problem_mark=node.start_mark
            ) from None


# YAML 1.1 reads yes/no/on/off as booleans; a catalog has a key called "no" (the step
# number) and labels such as "Tidak", so only true/false are booleans here.
NoAliasLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
NoAliasLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


# PyYAML's own words for the mistakes people make when typing a catalog file by hand, said in
# Indonesian with what to look at (an administrator reads them in Tambah SOP… and in `catalog
# validate`); anything else keeps PyYAML's text. (context or problem start, the message)
_MISTAKES = (
    ("while scanning a quoted scalar", "tanda kutip tidak ditutup{opened}: tambahkan kutip penutupnya"),
    ("while parsing a flow sequence", "tanda kurung siku [ tidak ditutup{opened}, atau isinya tidak dipisah koma"),
    ("while parsing a flow mapping", "tanda kurung kurawal {{ tidak ditutup{opened}, atau isinya tidak dipisah koma"),
    ("expected <block end>", "susunan baris tidak sejajar: periksa spasi di awal baris ini dan baris sebelumnya"),
    ("mapping values are not allowed here", "titik dua (:) tidak pada tempatnya: periksa spasi di awal baris, "
                                            "atau apit nilai yang memuat ': ' dengan tanda kutip"),
    ("found character '\\t' that cannot start any token", "ada karakter tab: gunakan spasi untuk menjorokkan baris"),
    ("could not find expected ':'", "baris ini bukan 'kunci: nilai' (titik dua tidak ditemukan): periksa spasi "
                                    "di awal baris ini dan baris sebelumnya"),
    ("found undefined alias", "alias (*...) tidak diizinkan dalam berkas katalog"),
)


def yaml_mistake(exc: yaml.MarkedYAMLError) -> str:
    """What is wrong with the file's YAML, in Indonesian for the common mistakes (an unclosed
    quote or bracket, lines not aligned, a stray colon, a tab), else PyYAML's own text."""
    opened = ""
    if exc.context_mark is not None and exc.problem_mark is not None \
            and exc.context_mark.line != exc.problem_mark.line:
        opened = f" (dibuka di baris {exc.context_mark.line + 1})"
    for start, message in _MISTAKES:
        if (exc.context or "").startswith(start) or (exc.problem or "").startswith(start):
            return message.format(opened=opened)
    return str(exc.problem or exc.context or "isi tidak dapat dibaca")
