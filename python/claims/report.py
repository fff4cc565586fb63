# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reconciliation and its report (wraps ``ClaimsEngine``, ``ClaimsReport``)."""

from __future__ import annotations

import ctypes
import datetime
import json
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from . import _lib
from ._boxed import Boxed
from ._lib import C
from .claim import Claim
from .document import parse_date
from .extractor import LexiconSpec, lexicon_handle
from .store import Store

__all__ = ["reconcile", "Report", "Relation", "Timeline", "TimelinePoint",
           "Estimate", "POLICIES", "RELATION_KINDS"]

#: the estimate policies, in the order of the C enum
POLICIES = ("median", "conservative", "ucdp")
#: the relation kinds, in order of importance (the C enum's order)
RELATION_KINDS = ("contradiction", "denial", "divergent", "update", "scope",
                  "agree", "repeat")

_PRETTY = 1 << 1
_NO_CLAIMS = 1 << 2
_COLOR = 1 << 0


def _num(v: float) -> Optional[float]:
    return None if math.isinf(v) or math.isnan(v) else v


def _s(raw: Optional[bytes]) -> Optional[str]:
    return _lib.borrowed_string(raw)


def _date(raw: Optional[bytes]) -> Union[datetime.date, str, None]:
    s = _lib.borrowed_string(raw)
    if s is None:
        return None
    d = parse_date(s)
    return d if d is not None else s


@dataclass(frozen=True)
class Relation:
    """How two or more claims relate.

    ``kind`` is one of :data:`RELATION_KINDS`; ``claim_ids`` lists the
    claims involved, the first ``n_first`` on one side of the relation and
    the rest on the other; ``explanation`` is one human-readable line.
    """
    kind: str
    subject: Optional[str]
    actor: Optional[str]
    scope: Optional[str]
    explanation: Optional[str]
    claim_ids: List[str] = field(default_factory=list)
    n_first: int = 0


@dataclass(frozen=True)
class TimelinePoint:
    """One step of a timeline: the figures valid from ``valid_from`` to
    ``valid_to`` (None for an open end) and the claims behind them."""
    valid_from: Union[datetime.date, str, None]
    valid_to: Union[datetime.date, str, None]
    low: Optional[float]
    high: Optional[float]
    claim_ids: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class Timeline:
    """A subject's figures over valid time."""
    subject: Optional[str]
    actor: Optional[str]
    scope: Optional[str]
    points: List[TimelinePoint] = field(default_factory=list)


@dataclass(frozen=True)
class Estimate:
    """A low / best / high estimate for a subject as of a date, from
    ``sources`` independent pieces of evidence (carriers not counted)."""
    subject: Optional[str]
    actor: Optional[str]
    scope: Optional[str]
    as_of: Union[datetime.date, str, None]
    low: Optional[float]
    best: Optional[float]
    high: Optional[float]
    sources: int


class Report(Boxed):
    """The result of :func:`reconcile`: relations, timelines and estimates.

    The lists are read from the C report once, on first use. A report is
    immutable and may be shared between threads.
    """

    __slots__ = ("_relations", "_timelines", "_estimates")
    _unref = C.claims_report_unref

    def __init__(self, ptr: int) -> None:
        super().__init__(ptr)
        self._relations: Optional[List[Relation]] = None
        self._timelines: Optional[List[Timeline]] = None
        self._estimates: Optional[List[Estimate]] = None

    @property
    def policy(self) -> str:
        """The estimate policy used."""
        return POLICIES[C.claims_report_get_policy(self._handle)]

    @property
    def n_contradictions(self) -> int:
        """How many relations are contradictions (claimdiff exits 1 if any)."""
        return int(C.claims_report_get_n_contradictions(self._handle))

    @property
    def n_comparisons(self) -> int:
        """How many pairwise comparisons the engine made."""
        return int(C.claims_report_get_n_comparisons(self._handle))

    @property
    def claims(self) -> List[Claim]:
        """The claims the report covers."""
        h = self._handle
        return [Claim._wrap(C.claims_report_get_claim(h, i), take=False)
                for i in range(C.claims_report_get_n_claims(h))]

    @property
    def relations(self) -> List[Relation]:
        """Every relation, contradictions first."""
        if self._relations is None:
            h = self._handle
            out = []
            for i in range(C.claims_report_get_n_relations(h)):
                n = C.claims_report_get_relation_n_claims(h, i)
                out.append(Relation(
                    kind=_s(C.claims_relation_kind_to_string(
                        C.claims_report_get_relation_kind(h, i))) or "",
                    subject=_s(C.claims_report_get_relation_subject(h, i)),
                    actor=_s(C.claims_report_get_relation_actor(h, i)),
                    scope=_s(C.claims_report_get_relation_scope(h, i)),
                    explanation=_s(C.claims_report_get_relation_explanation(h, i)),
                    claim_ids=[_s(C.claims_report_get_relation_claim_id(h, i, k)) or ""
                               for k in range(n)],
                    n_first=int(C.claims_report_get_relation_n_first(h, i))))
            self._relations = out
        return list(self._relations)

    @property
    def timelines(self) -> List[Timeline]:
        """One timeline per (subject, actor, scope)."""
        if self._timelines is None:
            h = self._handle
            out = []
            for i in range(C.claims_report_get_n_timelines(h)):
                points = []
                for p in range(C.claims_report_get_timeline_n_points(h, i)):
                    nc = C.claims_report_get_point_n_claims(h, i, p)
                    points.append(TimelinePoint(
                        valid_from=_date(C.claims_report_get_point_from(h, i, p)),
                        valid_to=_date(C.claims_report_get_point_to(h, i, p)),
                        low=_num(C.claims_report_get_point_low(h, i, p)),
                        high=_num(C.claims_report_get_point_high(h, i, p)),
                        claim_ids=[_s(C.claims_report_get_point_claim_id(h, i, p, k)) or ""
                                   for k in range(nc)]))
                out.append(Timeline(
                    subject=_s(C.claims_report_get_timeline_subject(h, i)),
                    actor=_s(C.claims_report_get_timeline_actor(h, i)),
                    scope=_s(C.claims_report_get_timeline_scope(h, i)),
                    points=points))
            self._timelines = out
        return list(self._timelines)

    @property
    def estimates(self) -> List[Estimate]:
        """Low / best / high per subject and date."""
        if self._estimates is None:
            h = self._handle
            self._estimates = [Estimate(
                subject=_s(C.claims_report_get_estimate_subject(h, i)),
                actor=_s(C.claims_report_get_estimate_actor(h, i)),
                scope=_s(C.claims_report_get_estimate_scope(h, i)),
                as_of=_date(C.claims_report_get_estimate_as_of(h, i)),
                low=_num(C.claims_report_get_estimate_low(h, i)),
                best=_num(C.claims_report_get_estimate_best(h, i)),
                high=_num(C.claims_report_get_estimate_high(h, i)),
                sources=int(C.claims_report_get_estimate_sources(h, i)))
                for i in range(C.claims_report_get_n_estimates(h))]
        return list(self._estimates)

    def to_json(self, pretty: bool = False, claims: bool = True) -> str:
        """The report in its JSON schema (see doc/), as a string."""
        flags = (_PRETTY if pretty else 0) | (0 if claims else _NO_CLAIMS)
        n = ctypes.c_size_t()
        ptr = _lib.require("claims_report_to_json")(self._handle, flags,
                                                     ctypes.byref(n))
        return _lib.take_bytes(ptr, n.value).decode("utf-8")

    def to_dict(self, claims: bool = True) -> Dict[str, Any]:
        """``json.loads(self.to_json())``."""
        result: Dict[str, Any] = json.loads(self.to_json(claims=claims))
        return result

    def to_text(self, color: bool = False, claims: bool = True) -> str:
        """The report as plain text for a terminal."""
        flags = (_COLOR if color else 0) | (0 if claims else _NO_CLAIMS)
        return _lib.take_string(
            _lib.require("claims_report_to_text")(self._handle, flags)) or ""

    def to_markdown(self, claims: bool = True) -> str:
        """The report as Markdown."""
        flags = 0 if claims else _NO_CLAIMS
        return _lib.take_string(
            _lib.require("claims_report_to_markdown")(self._handle, flags)) or ""

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Report (closed)>"
        return (f"<claims.Report {len(self.relations)} relations, "
                f"{self.n_contradictions} contradictions, "
                f"{len(self.estimates)} estimates>")


def _policy(policy: Union[str, int]) -> int:
    if isinstance(policy, int):
        if not 0 <= policy < len(POLICIES):
            raise ValueError(f"unknown policy {policy}")
        return policy
    out = ctypes.c_int()
    fn = _lib.require("claims_policy_from_string")
    if not fn(policy.encode("utf-8"), ctypes.byref(out)):
        raise ValueError(f"unknown policy {policy!r}; expected one of "
                         + ", ".join(POLICIES))
    return out.value


def reconcile(store: Store, policy: Union[str, int] = "median",
              tolerance: float = 0.10, *, divergence: float = 2.0,
              subject: Optional[str] = None,
              lexicon: LexiconSpec = None) -> Report:
    """Reconciles the claims of *store* and returns the :class:`Report`.

    Args:
        store: the claims; not changed, and free to change afterwards.
        policy: ``"median"`` (default), ``"conservative"`` or ``"ucdp"``.
        tolerance: relative tolerance by which approximate figures are
            widened (0.10 = 10%).
        divergence: the factor beyond which compatible central estimates
            are reported as divergent.
        subject: only reconcile claims of this subject.
        lexicon: the lexicon that knows scopes and cumulative subjects (as
            for :class:`claims.Extractor`); None for the built-in one.

    Raises:
        claims.Error: ``LIMIT`` when the store is too large.
        ValueError: an unknown policy or a negative tolerance.
    """
    if not isinstance(store, Store):
        raise TypeError(f"expected claims.Store, not {type(store).__name__}")
    if not tolerance >= 0:
        raise ValueError("tolerance must be >= 0")
    if not divergence >= 1:
        raise ValueError("divergence must be >= 1")
    pol = _policy(policy)
    lex = None if lexicon is None else lexicon_handle(lexicon)
    engine = _lib.require("claims_engine_new")(lex._handle if lex else None)
    if not engine:
        raise _lib.Error("claims_engine_new failed", "claims-python", 0)
    try:
        C.claims_engine_set_tolerance(engine, float(tolerance))
        C.claims_engine_set_divergence(engine, float(divergence))
        C.claims_engine_set_policy(engine, pol)
        if subject is not None:
            C.claims_engine_set_subject(engine, subject.encode("utf-8"))
        with store._lock:
            ptr = _lib.call("claims_engine_reconcile", engine, store._handle)
    finally:
        C.claims_engine_unref(engine)
    return Report(ptr)
