"""IsoDesk's domain and persistence. No Qt in here.

The layout says what each module is:

- ``rules/``: pure rules, plain data in and out, no database: a stay's dates and swab plan
  (``schedule``), identity documents and phones (``identity``).
- ``services/``: the writes. Each is ``@transactional`` (one user action, one transaction, its audit
  entries included), declares its permission (``models/permissions.py``) and checks the acting user's
  current role; also the imports that end in check-ins and the room allocation they use.
- ``reads/``: read models for screens, forms and reports: plain records from a few indexed queries.
- ``store/``: persistence: ORM entities (``orm/``), Alembic migrations, engines and sessions (``db``),
  backups, connection errors.
- ``demo/``: the synthetic demo site and people (never real personal data), apart from the domain.
- Here: ``clock`` (the only reader of the time), ``errors`` (DomainError, zh and en messages),
  ``permissions``, ``logs``.
"""
