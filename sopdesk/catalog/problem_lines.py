"""The line of a catalog file that a problem is about, for the administrator's editor.

A problem names its place the way the SOP does ("kegiatan 2", field "waktu"): right for the
flow, but an administrator fixing a file of 300 lines in Notepad looks for a line number. The
file is composed again (YAML nodes keep their line) and walked along the problem's place: the
list item whose own key (kegiatan's `no`, a lane's `kode`...) is the label, then the field's
parts. A place that cannot be found (a problem about the file as a whole, a part that is missing)
gives the line of the deepest part found, or None."""

from __future__ import annotations

import yaml

from sopdesk.catalog.loader import _LIST_LABELS as LIST_LABELS


def problem_line(text: str, where: str, field: str) -> int | None:
    """The 1-based line of the value at `where` (e.g. "kegiatan 2") and `field` (e.g. "waktu",
    "output.0.jenis") in the YAML `text`; None when the text does not compose or the place is
    not in it."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    node: yaml.Node = root
    line: int | None = None
    if where:
        list_key, _, label = where.partition(" ")
        found = _entry(root, list_key)
        if found is None or not isinstance(found[1], yaml.SequenceNode):
            return None
        item = _item(found[1], LIST_LABELS.get(list_key, ""), label)
        if item is None:
            return found[0].start_mark.line + 1
        node, line = item, item.start_mark.line + 1
    for part in field.split(".") if field else []:
        if isinstance(node, yaml.MappingNode):
            entry = _entry(node, part)
            if entry is None:
                break
            node, line = entry[1], entry[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _entry(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key, value) nodes of `key` in `mapping`."""
    for key_node, value in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def _item(sequence: yaml.SequenceNode, own_key: str, label: str) -> yaml.Node | None:
    """The item labelled `label`: "#3" is the third; otherwise the mapping whose `own_key` is it."""
    if label.startswith("#") and label[1:].isdigit():
        index = int(label[1:]) - 1
        return sequence.value[index] if 0 <= index < len(sequence.value) else None
    for item in sequence.value:
        if isinstance(item, yaml.MappingNode):
            own = _entry(item, own_key)
            if own is not None and isinstance(own[1], yaml.ScalarNode) and own[1].value == label:
                return item
    return None
