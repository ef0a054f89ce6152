"""Roster authenticator: logins checked against salted PBKDF2 hashes, no external service.

The hashes file (JSON ``{identifiant: "pbkdf2_sha256$iterations$salt$hash"}``, mode 0600,
readable by the hub only) is written by :func:`tools.hub.provision.ensure_passwords` from
passwords the instructor hands out (``mots-de-passe.csv``, generated at random when not
given). The kit ships no default password. For a real class prefer the authenticator of
your institution (OAuth/LTI from the LMS, LDAP, or PAM with the Unix accounts): see
``docs/instructor/classroom.md``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

ITERATIONS = 200_000


def hash_password(password: str, salt: str | None = None) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), ITERATIONS).hex()
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if algo != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


def load_hashes(path: str | os.PathLike) -> dict[str, str]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


try:  # importable without JupyterHub (provisioning, tests of the hashes)
    from jupyterhub.auth import Authenticator
    from traitlets import Unicode
except ImportError:  # pragma: no cover - jupyterhub is a dependency of the kit
    Authenticator = object  # type: ignore[assignment,misc]
    Unicode = None  # type: ignore[assignment]


if Unicode is not None:

    class RosterAuthenticator(Authenticator):
        """Accept ``identifiant`` + password when the password matches its stored hash."""

        hashes_file = Unicode(help="JSON file of PBKDF2 password hashes").tag(config=True)

        async def authenticate(self, handler, data):  # noqa: ARG002 - JupyterHub signature
            username = (data or {}).get("username", "").strip().lower()
            password = (data or {}).get("password", "")
            stored = load_hashes(self.hashes_file).get(username)
            if stored and verify_password(password, stored):
                return username
            return None
