"""Which kiosk this is, and (optionally) a pseudonymous person id, never a name."""
from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import asdict, dataclass
from typing import Mapping

_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class BadKioskLabel(ValueError):
    """A site, unit or kiosk label in the start URL is not a plain short name."""


@dataclass(frozen=True)
class Kiosk:
    """Where answers come from: site, unit (e.g. a wing or the women's site), kiosk."""

    site: str
    unit: str
    kiosk: str

    def as_dict(self) -> dict[str, str]:
        """A plain dict, for the session cookie."""
        return asdict(self)


def kiosk_from(args: Mapping[str, str], remembered: Mapping[str, str] | None,
               defaults: Mapping[str, str]) -> Kiosk:
    """The kiosk identity: the start URL's values, else the remembered ones, else config."""
    base = dict(defaults)
    if remembered:
        base.update({k: v for k, v in remembered.items() if k in base})
    for key in base:
        value = args.get(key)
        if value is None:
            continue
        if not _LABEL.match(value):
            raise BadKioskLabel(key)
        base[key] = value
    return Kiosk(**base)


def respondent_hash(raw_id: str, secret: str) -> str:
    """A salted hash of the kiosk platform's pseudonymous id; the id itself is never stored."""
    return hmac.new(secret.encode(), raw_id.strip().encode(), hashlib.sha256).hexdigest()
