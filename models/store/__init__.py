"""Persistence: ORM entities, migrations, engines and sessions, backups."""
