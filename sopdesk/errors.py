"""The two kinds of error: a user error is shown as a message and changes nothing."""


class UserError(Exception):
    """An error the user can act on; its message is shown as is (in Indonesian)."""


class PermissionRefused(UserError):
    """The acting user may not do this (not their role, inactive, not admin)."""


class NotFound(UserError):
    """A case, user, step or SOP that does not exist."""


class Conflict(UserError):
    """The action no longer fits the state (already completed, case closed)."""
