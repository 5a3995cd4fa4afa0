"""National identity numbers: a registry of one line per country, validated by python-stdnum.

Each entry names the country (ISO 3166 code, as in ``organisation.regions``), a regular
expression for the ways the number is written, and a validator that returns the number's own
name ("personnummer", "BSN") when its checksum and structure hold, else ``None``. Entries
whose checksum alone lets through many ordinary numbers (the Dutch BSN's 11-proof passes one
number in eleven) are marked ``needs_cue``: they count only near a cue word ("BSN",
"burgerservicenummer") or a person's name. Adding a country is adding one line to the
registry below.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType

from stdnum import luhn
from stdnum.be import nn
from stdnum.dk import cpr
from stdnum.exceptions import ValidationError
from stdnum.fi import hetu
from stdnum.gb import nhs
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.se import personnummer

Validator = Callable[[str], "str | None"]


@dataclass(frozen=True)
class NationalId:
    country: str
    pattern: str
    validate: Validator
    needs_cue: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str]:
        # Not inside a longer number, word or code: no digit, letter or joiner either side.
        return re.compile(rf"(?<![\w+./-])(?:{self.pattern})(?![\w/]|[-.+]\d)", re.IGNORECASE)


def _stdnum(module: ModuleType, name: str) -> Validator:
    """A validator from a python-stdnum module's ``is_valid``."""

    def validate(number: str) -> str | None:
        return name if module.is_valid(number.upper()) else None

    return validate


def swedish_personal_number(number: str) -> str | None:
    """A Swedish personnummer, or a samordningsnummer (coordination number: day + 60).

    python-stdnum knows the personnummer (date, century sign ``+``, Luhn) but rejects a
    coordination number; that is the same with 60 added to the day, so its date is checked
    with 60 taken off and its Luhn digit on the number as written.
    """
    try:
        compact = personnummer.compact(number)
    except ValidationError:
        return None
    if len(compact) not in (11, 13) or compact[-5] not in "-+":
        return None
    digits = compact[:-5] + compact[-4:]
    if not digits.isdigit():
        return None
    day_at = len(compact) - 7
    day = int(compact[day_at : day_at + 2])
    name = "personnummer"
    if day > 60:
        name = "samordningsnummer"
        compact = f"{compact[:day_at]}{day - 60:02d}{compact[day_at + 2 :]}"
    try:
        born = personnummer.get_birth_date(compact)
        luhn.validate(digits[-10:])
    except ValidationError:
        return None
    if born > datetime.date.today():
        return None
    return name


# fmt: off
REGISTRY: tuple[NationalId, ...] = (
    NationalId("SE", r"(?:\d{2})?\d{6}[-+ ]?\d{4}", swedish_personal_number),
    NationalId("NL", r"\d{4}\.?\d\d\.?\d{3}|\d{3}[ .]\d{3}[ .]\d{3}", _stdnum(bsn, "BSN"), True),
    NationalId("NO", r"\d{6} ?\d{5}", _stdnum(fodselsnummer, "fødselsnummer")),
    NationalId("DK", r"\d{6}-?\d{4}", _stdnum(cpr, "CPR-nummer"), needs_cue=True),
    NationalId("FI", r"\d{6}[-+a-fu-y]\d{3}[0-9a-y]", _stdnum(hetu, "henkilötunnus")),
    NationalId("BE", r"\d\d\.?\d\d\.?\d\d-?\d{3}\.?\d\d", _stdnum(nn, "rijksregisternummer")),
    NationalId("GB", r"\d{3} ?\d{3} ?\d{4}", _stdnum(nhs, "NHS number"), needs_cue=True),
)
# fmt: on


def for_regions(regions: set[str]) -> tuple[NationalId, ...]:
    """The registry's entries for these countries (upper-case ISO codes)."""
    return tuple(entry for entry in REGISTRY if entry.country in regions)
