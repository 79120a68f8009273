"""Surat & Ekspedisi: the letters screen as a package, one module per responsibility: the
shared labels (common), the named columns and the register models (columns, models), one
module per dialog, how a tab shows its register (register_view) and the page itself."""

from sopdesk.gui.letters.page import LettersPage

__all__ = ["LettersPage"]
