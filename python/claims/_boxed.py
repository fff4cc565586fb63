# SPDX-License-Identifier: LGPL-2.1-or-later
"""The base of every Python object that owns a libclaims reference."""

from __future__ import annotations

from typing import Any, Callable, ClassVar, Optional


class Boxed:
    """Owns one reference to a reference-counted libclaims object.

    The reference is released by :meth:`close`, by leaving a ``with`` block,
    or when the Python object is garbage collected (``__del__``), whichever
    comes first; releasing twice is harmless. Objects handed out by the
    bindings (claims from a store, a report, an extractor) hold their own
    reference, so they stay valid after the object they came from is gone.
    """

    __slots__ = ("_ptr", "__weakref__")

    #: the C ``_unref`` function of the wrapped type (set by subclasses)
    _unref: ClassVar[Optional[Callable[[int], None]]] = None

    def __init__(self, ptr: int) -> None:
        if not ptr:
            raise ValueError(f"{type(self).__name__}: NULL pointer")
        self._ptr: Optional[int] = ptr

    @property
    def _handle(self) -> int:
        ptr = self._ptr
        if ptr is None:
            raise ValueError(f"{type(self).__name__} is closed")
        return ptr

    def close(self) -> None:
        """Releases the C reference now; the object is unusable afterwards."""
        ptr, self._ptr = self._ptr, None
        unref = type(self)._unref
        if ptr and unref is not None:
            unref(ptr)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._ptr is None

    def __enter__(self) -> "Boxed":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: nothing sensible to do
            pass
