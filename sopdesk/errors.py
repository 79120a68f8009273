"""The two kinds of error: a user error is shown as a message and changes nothing."""


def sentence(text: str) -> str:
    """A message as a sentence: the first letter capitalised. Messages composed from a field's
    label ("judul kasus wajib diisi") read as sentences on screen and on the command line."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


class UserError(Exception):
    """An error the user can act on; its message is shown as is (in Indonesian), starting with a
    capital letter. Messages are written that way; the constructor makes sure of composed ones.
    (A message never starts with a user name, which is case-sensitive: "Pengguna rina ...".)"""

    def __init__(self, *args: object):
        if args and isinstance(args[0], str):
            args = (sentence(args[0]), *args[1:])
        super().__init__(*args)


class StoreBusy(UserError):
    """Another desk or process held the database past the bounded wait (or PostgreSQL gave up a
    deadlock or serialisation failure): the transaction was rolled back whole; try again."""

    MESSAGE = "Basis data sedang dipakai oleh proses lain; coba lagi."

    def __init__(self, message: str | None = None):
        super().__init__(message or self.MESSAGE)


class FieldError(UserError):
    """A form value that is wrong; `field` names the form field it belongs next to."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


class PermissionRefused(UserError):
    """The acting user may not do this (not their role, inactive, not admin)."""


class NotFound(UserError):
    """A case, user, step or SOP that does not exist."""


class Conflict(UserError):
    """The action no longer fits the state (already completed, case closed)."""


class StoreUnreachable(UserError):
    """The database server cannot be reached (switched off, network down): the desk says so in
    one sentence and tries again; nothing about it is a bug."""

    MESSAGE = ("Server basis data tidak terjangkau: periksa bahwa PC server menyala dan jaringan kantor "
               "tersambung, lalu ulangi")

    def __init__(self, message: str | None = None):
        super().__init__(message or self.MESSAGE)
