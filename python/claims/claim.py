# SPDX-License-Identifier: LGPL-2.1-or-later
"""Claims: one typed, sourced, dated assertion each (wraps ``ClaimsClaim``)."""

from __future__ import annotations

import datetime
import json
import math
from typing import Any, Dict, Optional

from . import _lib
from ._boxed import Boxed
from ._lib import C
from .document import parse_date

__all__ = ["Claim"]

_QUANTITY = 0


def _bound(v: float) -> Optional[float]:
    return None if math.isinf(v) or math.isnan(v) else v


def _offset(v: int) -> Optional[int]:
    return None if v < 0 else int(v)


class Claim(Boxed):
    """One claim, immutable (sealed once it is in a store).

    Attributes mirror the JSON form (see :meth:`to_dict`): ``id``, ``doc``,
    ``outlet``, ``published``, ``lang``, ``subject``, ``subject_known``,
    ``actor``, ``scope``, ``role``, the quantity ``low`` / ``high`` (None for
    an open end, and for values that are not quantities), ``approximate``,
    ``cue``, ``speaker``, ``via``, ``modality``, ``valid_from`` /
    ``valid_to`` (:class:`datetime.date` or None), the evidence span
    ``start`` / ``end`` (byte offsets or None) and its ``text``.

    Claims come from :meth:`claims.Extractor.extract`, from a
    :class:`claims.Store`, or from :meth:`from_json` / :meth:`from_dict`.
    """

    __slots__ = ()
    _unref = C.claims_claim_unref

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("claims.Claim cannot be built directly; use "
                        "Claim.from_dict(), Claim.from_json() or an Extractor")

    @classmethod
    def _wrap(cls, ptr: int, *, take: bool) -> "Claim":
        obj = cls.__new__(cls)
        Boxed.__init__(obj, ptr if take else C.claims_claim_ref(ptr))
        return obj

    # -- construction -----------------------------------------------------

    @classmethod
    def from_json(cls, text: str) -> "Claim":
        """Parses one claim from its JSON form.

        Raises:
            claims.Error: ``PARSE`` for bad JSON, ``INVALID`` for wrong
                content; the message names the member.
        """
        data = text.encode("utf-8")
        return cls._wrap(_lib.call("claims_claim_new_from_json", data,
                                   len(data)), take=True)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Claim":
        """Builds a claim from a dict in the JSON form (see :meth:`to_dict`)."""
        return cls.from_json(json.dumps(data, allow_nan=False))

    # -- attributes -------------------------------------------------------

    def _str(self, fn: Any) -> Optional[str]:
        return _lib.borrowed_string(fn(self._handle))

    @property
    def id(self) -> str:
        """The claim id, unique in a store ("003-03")."""
        return self._str(C.claims_claim_get_id) or ""

    @property
    def doc(self) -> Optional[str]:
        """The id of the document the claim comes from."""
        return self._str(C.claims_claim_get_doc)

    @property
    def outlet(self) -> Optional[str]:
        """The outlet that published the report."""
        return self._str(C.claims_claim_get_outlet)

    @property
    def published(self) -> Optional[datetime.date]:
        """The publication date of the report."""
        return parse_date(_lib.date_to_iso(C.claims_claim_get_published(self._handle)))

    @property
    def lang(self) -> Optional[str]:
        """The language of the report."""
        return self._str(C.claims_claim_get_lang)

    @property
    def subject(self) -> str:
        """What is counted, as a normalized key ("troops")."""
        return self._str(C.claims_claim_get_subject) or ""

    @property
    def subject_known(self) -> bool:
        """Whether the subject comes from the lexicon (False: a bare noun)."""
        return bool(C.claims_claim_get_subject_known(self._handle))

    @property
    def actor(self) -> Optional[str]:
        """Whose figure it is ("KP" for North Korea), or None."""
        return self._str(C.claims_claim_get_actor)

    @property
    def scope(self) -> Optional[str]:
        """Where it holds ("russia", "kursk"), or None."""
        return self._str(C.claims_claim_get_scope)

    @property
    def role(self) -> str:
        """``"total"``, ``"increment"`` or ``"forecast"``."""
        r = C.claims_role_to_string(C.claims_claim_get_role(self._handle))
        return _lib.borrowed_string(r) or "total"

    @property
    def modality(self) -> str:
        """``"asserted"``, ``"reported"``, ``"hedged"``, ``"projected"``,
        ``"denied"`` or ``"confirmed"``."""
        m = C.claims_modality_to_string(C.claims_claim_get_modality(self._handle))
        return _lib.borrowed_string(m) or "asserted"

    def _value(self) -> int:
        # Borrowed (transfer none): valid while this claim holds its reference.
        ptr: int = C.claims_claim_get_value(self._handle)
        return ptr

    @property
    def value_type(self) -> str:
        """``"quantity"``, ``"date"``, ``"proposition"`` or ``"text"``."""
        t = C.claims_value_type_to_string(C.claims_value_get_value_type(self._value()))
        return _lib.borrowed_string(t) or ""

    def _is_quantity(self) -> bool:
        return bool(C.claims_value_get_value_type(self._value()) == _QUANTITY)

    @property
    def low(self) -> Optional[float]:
        """The lower bound of a quantity; None if open or not a quantity."""
        if not self._is_quantity():
            return None
        return _bound(C.claims_value_get_low(self._value()))

    @property
    def high(self) -> Optional[float]:
        """The upper bound of a quantity; None if open or not a quantity."""
        if not self._is_quantity():
            return None
        return _bound(C.claims_value_get_high(self._value()))

    @property
    def approximate(self) -> bool:
        """Whether the figure was given as approximate ("rund", "about")."""
        return bool(C.claims_value_get_approximate(self._value()))

    @property
    def cue(self) -> Optional[str]:
        """The cue word that set the bounds ("mindestens"), or None."""
        return _lib.borrowed_string(C.claims_value_get_cue(self._value()))

    @property
    def value_text(self) -> Optional[str]:
        """The surface text of the value ("1.500")."""
        return _lib.borrowed_string(C.claims_value_get_text(self._value()))

    @property
    def value_from(self) -> Optional[datetime.date]:
        """For a date value: its first day (None if open or not a date)."""
        return parse_date(_lib.date_to_iso(C.claims_value_get_from(self._value())))

    @property
    def value_to(self) -> Optional[datetime.date]:
        """For a date value: its last day (None if open or not a date)."""
        return parse_date(_lib.date_to_iso(C.claims_value_get_to(self._value())))

    @property
    def polarity(self) -> Optional[bool]:
        """For a proposition: True if affirmed, False if denied; else None."""
        if self.value_type != "proposition":
            return None
        return bool(C.claims_value_get_polarity(self._value()))

    @property
    def valid_from(self) -> Optional[datetime.date]:
        """The first day the figure holds, or None when open."""
        return parse_date(_lib.date_to_iso(C.claims_claim_get_valid_from(self._handle)))

    @property
    def valid_to(self) -> Optional[datetime.date]:
        """The last day the figure holds, or None when open."""
        return parse_date(_lib.date_to_iso(C.claims_claim_get_valid_to(self._handle)))

    @property
    def speaker(self) -> Optional[str]:
        """Who the claim is attributed to ("NIS"), not the outlet."""
        return self._str(C.claims_claim_get_speaker)

    @property
    def via(self) -> Optional[str]:
        """The relay that carried it ("Reuters"), or None."""
        return self._str(C.claims_claim_get_via)

    @property
    def start(self) -> Optional[int]:
        """Byte offset of the evidence span in its document, or None."""
        return _offset(C.claims_claim_get_start(self._handle))

    @property
    def end(self) -> Optional[int]:
        """Byte offset just past the evidence span, or None."""
        return _offset(C.claims_claim_get_end(self._handle))

    @property
    def text(self) -> Optional[str]:
        """The text of the evidence span."""
        return self._str(C.claims_claim_get_evidence_text)

    @property
    def sentence_start(self) -> Optional[int]:
        """Byte offset of the sentence holding the evidence, or None."""
        return _offset(C.claims_claim_get_sentence_start(self._handle))

    @property
    def sentence_end(self) -> Optional[int]:
        """Byte offset just past that sentence, or None."""
        return _offset(C.claims_claim_get_sentence_end(self._handle))

    # -- conversions ------------------------------------------------------

    def to_json(self) -> str:
        """The claim's JSON form, one line (``claims_claim_to_json``)."""
        s = _lib.take_string(C.claims_claim_to_json(self._handle))
        if s is None:
            raise _lib.Error("claims_claim_to_json failed", "claims-python", 0)
        return s

    def to_dict(self) -> Dict[str, Any]:
        """The JSON form as a dict: ``json.loads(self.to_json())``."""
        result: Dict[str, Any] = json.loads(self.to_json())
        return result

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Claim):
            return NotImplemented
        return bool(C.claims_claim_equal(self._handle, other._handle))

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Claim (closed)>"
        if self.value_type == "quantity":
            lo, hi = self.low, self.high
            val = f"[{'-inf' if lo is None else f'{lo:g}'}, " \
                  f"{'inf' if hi is None else f'{hi:g}'}]"
            if self.approximate:
                val = "~" + val
        else:
            val = repr(self.value_text)
        return (f"<claims.Claim {self.id!r} {self.subject}"
                f"{'/' + self.actor if self.actor else ''}"
                f"{'@' + self.scope if self.scope else ''} {val} "
                f"speaker={self.speaker!r} {self.modality}>")
