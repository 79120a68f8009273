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
