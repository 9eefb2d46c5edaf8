"""Bearer tokens for the decision service, kept as salted hashes (``--tokens FILE``).

Case documents name people (liabilities, misconduct, clues), so a service reachable from other
machines should not answer anyone. ``enshi-rules token --add FILE`` makes a random token, prints it
once, and appends one line to FILE::

    sha256:<salt, 32 hex digits>:<SHA-256 of salt + token, 64 hex digits>  <label>

The file never holds a token. A request's ``Authorization: Bearer <token>`` is hashed with each
line's salt and compared with ``hmac.compare_digest`` against every line (constant time, and no
early exit that would tell which line nearly matched). A token has 256 random bits, so one salted
SHA-256 is enough: a slow password hash would protect a guessable secret, which this is not, and
would cost every request milliseconds. Lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TokenFileError", "Tokens", "hash_line", "new_token"]

_PREFIX = "sha256"


class TokenFileError(ValueError):
    """The tokens file cannot be read or has a malformed line (names the file and line)."""


def _digest(salt: bytes, token: str) -> bytes:
    return hashlib.sha256(salt + token.encode("utf-8")).digest()


def new_token() -> str:
    """A new random token (43 URL-safe characters, 256 bits)."""
    return secrets.token_urlsafe(32)


def hash_line(token: str, label: str = "") -> str:
    """The tokens-file line for ``token``: a fresh salt and the salted hash, never the token."""
    salt = secrets.token_bytes(16)
    line = f"{_PREFIX}:{salt.hex()}:{_digest(salt, token).hex()}"
    return f"{line}  {label}".rstrip()


@dataclass(frozen=True)
class Tokens:
    entries: tuple[tuple[bytes, bytes], ...]  # (salt, digest)

    @classmethod
    def load(cls, path: str | Path) -> Tokens:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TokenFileError(f"令牌文件无法读取 / cannot read the tokens file {path}: {exc}") from None
        entries = []
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()[0].split(":")
            try:
                if len(parts) != 3 or parts[0] != _PREFIX:
                    raise ValueError
                salt, digest = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
                if len(salt) < 8 or len(digest) != 32:
                    raise ValueError
            except ValueError:
                raise TokenFileError(
                    f"{path} 第 {n} 行不是 sha256:盐:哈希 / {path} line {n} is not sha256:SALT:HASH "
                    "(make lines with 'enshi-rules token --add FILE')"
                ) from None
            entries.append((salt, digest))
        if not entries:
            raise TokenFileError(f"{path} 中没有令牌 / {path} holds no token: every request would be refused")
        return cls(tuple(entries))

    def accepts(self, token: str) -> bool:
        ok = False
        for salt, digest in self.entries:  # every line, always: no early exit
            ok |= hmac.compare_digest(_digest(salt, token), digest)
        return ok
