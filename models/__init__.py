"""IsoDesk domain: ORM entities and services. No Qt in here."""
