"""How many write transactions this process has committed on a workspace's database.

The number moves with every commit (a hook on `Database.after_commit`, which every write
transaction runs), so a reader that keeps what it read with the number it read it at knows,
without asking the store, whether this process has written since. The GUI keeps the inbox
counts this way: the role bar, the navigation and Kotak Masuk's summary share one read per
change instead of each reading them again (gui.context). Another process's writes do not move
it: the GUI hears of those from its change watch (gui.desk_changes)."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from sopdesk.engine.workspace import Workspace

# per database: a one-element list the hook counts in (the hook keeps the list, not the database)
_counters: WeakKeyDictionary[Any, list[int]] = WeakKeyDictionary()


def committed(ws: Workspace) -> int:
    """The number of write transactions committed on `ws`'s database in this process since it
    was first asked (a number to compare, not a total). Safe to call from any thread."""
    counter = _counters.get(ws.db)
    if counter is None:
        counter = _counters[ws.db] = [0]

        def count(_outcome: list[Any], counter: list[int] = counter) -> None:
            counter[0] += 1

        ws.db.after_commit.append(count)
    return counter[0]
