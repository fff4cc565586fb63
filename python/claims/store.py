# SPDX-License-Identifier: LGPL-2.1-or-later
"""Stores: sets of claims with JSON Lines in and out (wraps ``ClaimsStore``)."""

from __future__ import annotations

import ctypes
import os
import threading
from typing import Iterable, Iterator, List, Optional, Union, overload

from . import _lib
from ._boxed import Boxed
from ._lib import C
from .claim import Claim

__all__ = ["Store"]

_SKIP_ERRORS = 1


class Store(Boxed):
    """A set of claims keyed by id, in insertion order.

    ``len(store)``, iteration, ``store[i]`` (by position), ``store.get(id)``
    and ``id in store`` read it; :meth:`add`, :meth:`extend`, :meth:`merge`
    and :meth:`load` change it; :meth:`save` writes it atomically as JSON
    Lines. Adding a claim whose id is already present keeps one of the two
    (the one that sorts first), so merging is associative and commutative.

    Thread safety: every call takes the store's own lock, so a store may be
    shared between threads from Python (the C library itself forbids
    concurrent modification; the lock provides the exclusion).
    """

    __slots__ = ("_lock",)
    _unref = C.claims_store_unref

    def __init__(self, claims: Optional[Iterable[Claim]] = None) -> None:
        super().__init__(C.claims_store_new())
        self._lock = threading.RLock()
        if claims is not None:
            self.extend(claims)

    @classmethod
    def from_file(cls, path: "os.PathLike[str] | str",
                  skip_errors: bool = False) -> "Store":
        """A new store loaded from a JSON Lines file (see :meth:`load`)."""
        store = cls()
        store.load(path, skip_errors=skip_errors)
        return store

    # -- changing ---------------------------------------------------------

    def add(self, claim: Claim) -> bool:
        """Adds *claim* (the store takes its own reference and seals it).

        Returns:
            True if it was added, False if the store kept the claim it
            already had with that id.
        """
        if not isinstance(claim, Claim):
            raise TypeError(f"expected claims.Claim, not {type(claim).__name__}")
        with self._lock:
            return bool(C.claims_store_add(self._handle, claim._handle))

    def extend(self, claims: Iterable[Claim]) -> int:
        """Adds every claim of *claims*; returns how many were added."""
        return sum(1 for c in claims if self.add(c))

    def merge(self, other: "Store") -> None:
        """Adds every claim of *other* to this store; *other* is unchanged."""
        if not isinstance(other, Store):
            raise TypeError(f"expected claims.Store, not {type(other).__name__}")
        if other is self:
            return
        # Lock both in a fixed order so that a.merge(b) and b.merge(a) in
        # two threads cannot deadlock.
        first, second = sorted((self, other), key=id)
        with first._lock, second._lock:
            C.claims_store_merge(self._handle, other._handle)

    def load(self, path: "os.PathLike[str] | str",
             skip_errors: bool = False) -> List[str]:
        """Adds the claims of a JSON Lines file.

        Without *skip_errors* the first bad line fails the load and leaves
        the store unchanged; with it, good lines are added and the messages
        for the bad ones are returned.

        Raises:
            claims.Error: ``IO`` (unreadable file), ``PARSE``, ``INVALID``,
                ``ENCODING`` or ``LIMIT``, with ``FILE:LINE:COL:`` first.
        """
        skipped = ctypes.c_void_p()
        with self._lock:
            _lib.call("claims_store_load_file", self._handle,
                      _lib.encode_path(path),
                      _SKIP_ERRORS if skip_errors else 0,
                      ctypes.byref(skipped))
        return _lib.take_strv(skipped.value)

    def loads(self, data: str, source_name: str = "<data>",
              skip_errors: bool = False) -> List[str]:
        """Like :meth:`load`, from a string of JSON Lines."""
        raw = data.encode("utf-8")
        skipped = ctypes.c_void_p()
        with self._lock:
            _lib.call("claims_store_load_data", self._handle, raw, len(raw),
                      source_name.encode("utf-8"),
                      _SKIP_ERRORS if skip_errors else 0,
                      ctypes.byref(skipped))
        return _lib.take_strv(skipped.value)

    # -- writing ----------------------------------------------------------

    def save(self, path: "os.PathLike[str] | str") -> None:
        """Writes the store as JSON Lines, atomically (temp file + rename).

        Raises:
            claims.Error: ``IO``, naming the file.
        """
        with self._lock:
            _lib.call("claims_store_save_file", self._handle,
                      _lib.encode_path(path))

    def to_jsonl(self) -> str:
        """The store as JSON Lines, one claim per line, insertion order."""
        n = ctypes.c_size_t()
        with self._lock:
            ptr = C.claims_store_to_data(self._handle, ctypes.byref(n))
        return _lib.take_bytes(ptr, n.value).decode("utf-8")

    # -- reading ----------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return int(C.claims_store_get_size(self._handle))

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> List[Claim]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Claim, List[Claim]]:
        with self._lock:
            n = int(C.claims_store_get_size(self._handle))
            if isinstance(index, slice):
                return [self._at(i) for i in range(*index.indices(n))]
            if index < 0:
                index += n
            if not 0 <= index < n:
                raise IndexError("store index out of range")
            return self._at(index)

    def _at(self, i: int) -> Claim:
        return Claim._wrap(C.claims_store_get_claim(self._handle, i), take=False)

    def __iter__(self) -> Iterator[Claim]:
        # A snapshot taken under the lock: safe against concurrent adds.
        with self._lock:
            items = [self._at(i) for i in range(int(C.claims_store_get_size(self._handle)))]
        return iter(items)

    def get(self, id: str) -> Optional[Claim]:
        """The claim with that id, or None."""
        with self._lock:
            ptr = C.claims_store_lookup(self._handle, id.encode("utf-8"))
            return Claim._wrap(ptr, take=False) if ptr else None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Claim):
            found = self.get(item.id)
            return found is not None and found == item
        if isinstance(item, str):
            return self.get(item) is not None
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Store):
            return NotImplemented
        first, second = sorted((self, other), key=id)
        with first._lock, second._lock:
            return bool(C.claims_store_equal(self._handle, other._handle))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Store (closed)>"
        return f"<claims.Store {len(self)} claims>"
