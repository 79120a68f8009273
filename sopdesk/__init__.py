"""sopdesk: written SOPs of KPU secretariats as runnable, offline workflows."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sopdesk")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0+checkout"
