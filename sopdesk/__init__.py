"""sopdesk: written SOPs of KPU secretariats as runnable, offline workflows."""

# The single source of the version (pyproject.toml reads it: [tool.setuptools.dynamic]).
# A literal rather than importlib.metadata: `sopdesk --version` answers in a few
# milliseconds, and a bundled program has no package metadata to look up.
__version__ = "0.1.0"
