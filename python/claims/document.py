# SPDX-License-Identifier: LGPL-2.1-or-later
"""Documents: one report each (wraps ``ClaimsDocument``)."""

from __future__ import annotations

import ctypes
import datetime
import os
from typing import List, Optional, Union

from . import _lib
from ._boxed import Boxed
from ._lib import C

__all__ = ["Document", "DateLike", "parse_date"]

DateLike = Union[datetime.date, str]

_LOSSY = 1


def parse_date(value: Optional[DateLike]) -> Optional[datetime.date]:
    """A :class:`datetime.date` from a date, a datetime or ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    raise TypeError(f"expected a date or 'YYYY-MM-DD', not {type(value).__name__}")


def _iso(value: DateLike) -> str:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a date or 'YYYY-MM-DD', not {type(value).__name__}")


class Document(Boxed):
    """One report: id, text, outlet, URL, title, language, publication date.

    ``Document(text, id="003", outlet="NIUS", published="2024-10-21",
    lang="de")``. The text is copied into the library; it must be valid
    UTF-8 (a :class:`str` always is) unless ``lossy=True``, which replaces
    bad sequences in :class:`bytes` input with U+FFFD.

    The publication date anchors relative dates in the text ("am Freitag")
    and is the valid time of figures whose text names none.

    A document is not changed after construction, so it may be shared
    between threads.

    Raises:
        claims.Error: invalid UTF-8 (``ENCODING``), a text over 256 MiB
            (``LIMIT``), a bad date (``INVALID``).
    """

    __slots__ = ()
    _unref = C.claims_document_unref

    def __init__(self, text: Union[str, bytes], id: str = "doc", *,
                 outlet: Optional[str] = None,
                 published: Optional[DateLike] = None,
                 lang: Optional[str] = None,
                 url: Optional[str] = None,
                 title: Optional[str] = None,
                 lossy: bool = False) -> None:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) \
            else bytes(text)
        ptr = _lib.call("claims_document_new", id.encode("utf-8"), data,
                        len(data), _LOSSY if lossy else 0)
        super().__init__(ptr)
        self._set_fields(outlet, published, lang, url, title)

    def _set_fields(self, outlet: Optional[str],
                    published: Optional[DateLike], lang: Optional[str],
                    url: Optional[str], title: Optional[str]) -> None:
        h = self._handle
        if outlet is not None:
            C.claims_document_set_outlet(h, outlet.encode("utf-8"))
        if lang is not None:
            C.claims_document_set_lang(h, lang.encode("utf-8"))
        if url is not None:
            C.claims_document_set_url(h, url.encode("utf-8"))
        if title is not None:
            C.claims_document_set_title(h, title.encode("utf-8"))
        if published is not None:
            _lib.call("claims_document_set_published_iso", h,
                      _iso(published).encode("utf-8"))

    @classmethod
    def _wrap(cls, ptr: int, *, take: bool) -> "Document":
        obj = cls.__new__(cls)
        Boxed.__init__(obj, ptr if take else C.claims_document_ref(ptr))
        return obj

    @classmethod
    def from_file(cls, path: "os.PathLike[str] | str", id: Optional[str] = None,
                  *, outlet: Optional[str] = None,
                  published: Optional[DateLike] = None,
                  lang: Optional[str] = None, lossy: bool = False) -> "Document":
        """Reads a document from a UTF-8 text file.

        *id* defaults to the file name without its extension.

        Raises:
            claims.Error: the file cannot be read (``IO``) or is not UTF-8.
        """
        doc_id = id if id is not None else \
            os.path.splitext(os.path.basename(os.fspath(path)))[0]
        ptr = _lib.call("claims_document_new_from_file", _lib.encode_path(path),
                        doc_id.encode("utf-8"), _LOSSY if lossy else 0)
        doc = cls._wrap(ptr, take=True)
        doc._set_fields(outlet, published, lang, None, None)
        return doc

    @classmethod
    def load_meta(cls, path: "os.PathLike[str] | str", *,
                  lossy: bool = False) -> List["Document"]:
        """Loads the documents a ``meta.json`` lists, sorted by id.

        Raises:
            claims.Error: the meta file or a text file is unreadable or
                malformed; the message names the file and the document.
        """
        array = _lib.call("claims_meta_load", _lib.encode_path(path),
                          _LOSSY if lossy else 0)
        try:
            return [cls._wrap(p, take=False) for p in _lib.ptr_array_items(array)]
        finally:
            _lib.G.g_ptr_array_unref(array)

    @property
    def id(self) -> str:
        """The document id (used in claim ids)."""
        return _lib.borrowed_string(C.claims_document_get_id(self._handle)) or ""

    @property
    def text(self) -> str:
        """The text (after any lossy repair)."""
        h = self._handle
        n = C.claims_document_get_length(h)
        return ctypes.string_at(C.claims_document_get_text(h), n).decode("utf-8")

    @property
    def outlet(self) -> Optional[str]:
        """The outlet that published the report, or None."""
        return _lib.borrowed_string(C.claims_document_get_outlet(self._handle))

    @property
    def url(self) -> Optional[str]:
        """The report's URL, or None."""
        return _lib.borrowed_string(C.claims_document_get_url(self._handle))

    @property
    def title(self) -> Optional[str]:
        """The report's title, or None."""
        return _lib.borrowed_string(C.claims_document_get_title(self._handle))

    @property
    def lang(self) -> Optional[str]:
        """The language code ("de", "en"), or None if not set."""
        return _lib.borrowed_string(C.claims_document_get_lang(self._handle))

    @property
    def published(self) -> Optional[datetime.date]:
        """The publication date, or None."""
        return parse_date(_lib.date_to_iso(
            C.claims_document_get_published(self._handle)))

    def __len__(self) -> int:
        return int(C.claims_document_get_length(self._handle))

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Document (closed)>"
        return (f"<claims.Document {self.id!r} outlet={self.outlet!r} "
                f"published={self.published} lang={self.lang!r} "
                f"{len(self)} bytes>")
