"""Alembic migrations of the sopdesk schema (run through sopdesk.store.migrate)."""
