"""Panduan Pengguna: the user guide shown with F1 (Markdown)."""
