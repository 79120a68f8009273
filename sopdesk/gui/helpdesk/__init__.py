"""The help desk (Desk Layanan Informasi), split by responsibility: the registration form
(`registration_form`), the list of visitors (`visitor_list`, its model in `visitor_model`), the
returning-visitor lookup under Nama / NIK (`lookup`), and the page that composes them (`page`).
Importers take the page from here: `from sopdesk.gui.helpdesk import HelpDeskPage`."""

from sopdesk.gui.helpdesk.page import HelpDeskPage
from sopdesk.gui.helpdesk.visitor_model import VisitorTableModel

__all__ = ["HelpDeskPage", "VisitorTableModel"]
