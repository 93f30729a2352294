"""The shared database's password: kept in the OS credential store, never in the settings file.

``keyring`` reaches Windows Credential Manager, the macOS Keychain or the Secret Service (GNOME Keyring,
KWallet). The settings keep the address without its password; the password is stored under that address
and put back only when the engine is made. Where no credential store exists (a bare Linux box), the
password goes in a ``.pgpass`` file (PostgreSQL's own, read by libpq) or a service file, and the address
is given without it. On screen an address always shows ``***`` for its password.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from models.errors import DomainError

SERVICE = "IsoDesk database"
log = logging.getLogger("isodesk.credentials")


def split(address: str) -> tuple[str, str | None]:
    """An address without its password, and the password (None when it has none; a file path as it is)."""
    try:
        url = make_url(address)
    except ArgumentError:
        return address, None
    if url.password is None:
        return address, None
    bare = URL.create(  # URL.set(password=None) would keep it: None there means "unchanged"
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return bare.render_as_string(hide_password=False), str(url.password)


def masked(address: str) -> str:
    """The address as shown on screen and in logs: the password, if any, as ***."""
    try:
        url = make_url(address)
    except ArgumentError:
        return address
    return url.render_as_string(hide_password=True) if url.password is not None else address


def _keyring():  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def remember(address: str, password: str) -> None:
    """Keep ``password`` for ``address`` (given without it) in the credential store, or refuse."""
    store = _keyring()
    if store is None:
        raise DomainError("credential_store_missing")
    try:
        store.set_password(SERVICE, address, password)
    except Exception as exc:  # a locked or broken store: the password is not kept anywhere
        raise DomainError("credential_store_failed", detail=type(exc).__name__) from exc


def forget(address: str) -> None:
    store = _keyring()
    if store is None:
        return
    try:
        store.delete_password(SERVICE, address)
    except Exception:  # nothing stored, or a store that cannot delete: nothing to do
        log.debug("no stored password to forget for %s", masked(address))


def complete(address: str) -> str:
    """The address to connect with: the saved one plus its password from the credential store, if any."""
    if not address or split(address)[1] is not None:
        return address
    store = _keyring()
    if store is None:
        return address  # libpq still finds a .pgpass or service file
    try:
        password = store.get_password(SERVICE, address)
    except Exception:
        log.warning("the credential store could not be read for %s", masked(address))
        return address
    if password is None:
        return address
    return make_url(address).set(password=password).render_as_string(hide_password=False)
