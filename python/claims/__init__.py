# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python bindings for libclaims, over ctypes.

libclaims turns news reports into typed, sourced, dated claims and
reconciles them across sources::

    import claims

    doc = claims.Document("Laut NIS sind bereits 1.500 Soldaten in Russland.",
                          id="003", outlet="NIUS", published="2024-10-18",
                          lang="de")
    extractor = claims.Extractor(lang="de")
    store = claims.Store(extractor.extract(doc))
    report = claims.reconcile(store, policy="median", tolerance=0.10)
    for rel in report.relations:
        print(rel.kind, rel.explanation)

The shared library is found through ``$LIBCLAIMS_LIBRARY``, next to this
package, in a meson build directory of the source tree, or by
:func:`ctypes.util.find_library`.

Errors from the library raise :class:`Error` with the GError's ``message``,
``domain`` and ``code``. Every object owns one reference to its C object and
releases it when collected, on :meth:`close`, or at the end of a ``with``
block.

Thread safety: distinct objects may be used in distinct threads; an
:class:`Extractor`, a :class:`Lexicon` (once loaded), a :class:`Document`,
a :class:`Claim` and a :class:`Report` are read-only and may be shared; a
:class:`Store` serializes its own calls with a lock.
"""

from __future__ import annotations

import enum

from . import _lib
from ._lib import Error
from .claim import Claim
from .document import Document
from .extractor import Extractor, Lexicon, detect_language
from .report import (POLICIES, RELATION_KINDS, Estimate, Relation, Report,
                     Timeline, TimelinePoint, reconcile)
from .store import Store

__all__ = [
    "version", "check_version", "library_path", "Error", "ErrorCode",
    "ERROR_DOMAIN",
    "Document", "Claim", "Store", "Lexicon", "Extractor", "detect_language",
    "reconcile", "Report", "Relation", "Timeline", "TimelinePoint",
    "Estimate", "POLICIES", "RELATION_KINDS",
]

__version__ = "0.1.0"

#: the path of the libclaims shared library that was loaded
library_path: str = _lib.library_path


class ErrorCode(enum.IntEnum):
    """The codes of :class:`Error` in the libclaims domain (``ClaimsError``)."""
    FAILED = 0
    IO = 1
    PARSE = 2
    INVALID = 3
    ENCODING = 4
    LIMIT = 5
    PATTERN = 6


#: the error domain of libclaims' own errors (``Error.domain``)
ERROR_DOMAIN: str = (_lib.G.g_quark_to_string(_lib.C.claims_error_quark())
                     or b"claims-error-quark").decode("ascii")


def version() -> str:
    """The version of the loaded libclaims, such as ``"0.1.0"``."""
    raw: bytes = _lib.C.claims_version_string()
    return raw.decode("ascii") if raw else ""


def check_version(major: int, minor: int = 0, micro: int = 0) -> bool:
    """Whether the loaded library is at least major.minor.micro (same major)."""
    return bool(_lib.C.claims_check_version(major, minor, micro))
