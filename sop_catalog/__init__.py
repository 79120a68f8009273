"""The bundled SOP catalog (data files; see FORMAT.md). Importable for importlib.resources."""
