# SPDX-License-Identifier: LGPL-2.1-or-later
"""Lexicons and the extractor (wraps ``ClaimsLexicon``, ``ClaimsExtractor``)."""

from __future__ import annotations

import os
import threading
from typing import Iterable, List, Optional, Sequence, Union

from . import _lib
from ._boxed import Boxed
from ._lib import C
from .claim import Claim
from .document import Document
from .store import Store

__all__ = ["Lexicon", "Extractor", "detect_language", "LexiconSpec"]

PathLike = Union[str, "os.PathLike[str]"]


class Lexicon(Boxed):
    """Words mapped to subjects, actors, scopes, speakers and cues.

    ``Lexicon()`` is the built-in default lexicon; ``Lexicon(default=False)``
    starts empty. :meth:`load` and :meth:`load_data` add user lexicon files
    on top (later entries win).

    Thread safety: load everything before the lexicon is handed to an
    :class:`Extractor` or :func:`claims.reconcile`; from then on it is
    read-only and may be shared between threads. The loads themselves are
    serialized by a lock.
    """

    __slots__ = ("_lock", "_frozen")
    _unref = C.claims_lexicon_unref

    def __init__(self, paths: Union[None, PathLike, Sequence[PathLike]] = None,
                 *, default: bool = True) -> None:
        if default:
            ptr = _lib.call("claims_lexicon_new_default")
        else:
            ptr = _lib.require("claims_lexicon_new")()
        super().__init__(ptr)
        self._lock = threading.Lock()
        self._frozen = False
        for p in _paths(paths):
            self.load(p)

    def load(self, path: PathLike) -> None:
        """Adds the entries of a lexicon JSON file.

        Raises:
            claims.Error: ``IO``, ``PARSE``, ``INVALID`` or ``PATTERN``,
                naming the file and the entry.
            ValueError: the lexicon is already used by an extractor.
        """
        with self._lock:
            self._check_mutable()
            _lib.call("claims_lexicon_load_file", self._handle,
                      _lib.encode_path(path))

    def load_data(self, data: str, source_name: str = "<lexicon>") -> None:
        """Adds the entries of a lexicon given as a JSON string."""
        raw = data.encode("utf-8")
        with self._lock:
            self._check_mutable()
            _lib.call("claims_lexicon_load_data", self._handle, raw, len(raw),
                      source_name.encode("utf-8"))

    def _check_mutable(self) -> None:
        if self._frozen:
            raise ValueError("the lexicon is in use by an Extractor and "
                             "read-only; load files before creating it")

    def _freeze(self) -> None:
        with self._lock:
            self._frozen = True

    def __repr__(self) -> str:
        return "<claims.Lexicon (closed)>" if self.closed else "<claims.Lexicon>"


LexiconSpec = Union[None, Lexicon, PathLike, Sequence[PathLike]]


def _paths(paths: Union[None, PathLike, Sequence[PathLike]]) -> List[PathLike]:
    if paths is None:
        return []
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [paths]
    return list(paths)


def lexicon_handle(spec: LexiconSpec) -> Lexicon:
    """A :class:`Lexicon` for a lexicon argument: itself, or the default
    lexicon with the given user file(s) loaded on top."""
    if isinstance(spec, Lexicon):
        return spec
    return Lexicon(spec)


def detect_language(text: str) -> Optional[str]:
    """Guesses the language of *text* ("de", "en"), or None if unsure."""
    raw = text.encode("utf-8")
    return _lib.borrowed_string(_lib.require("claims_detect_language")(raw, len(raw)))


class Extractor(Boxed):
    """Extracts claims from documents; a pure function of document and lexicon.

    ``Extractor(lang="de", lexicon=None)``: *lexicon* is None for the
    built-in lexicon, a path or a list of paths of user lexicon JSON files
    loaded on top of it, or a :class:`Lexicon`. *lang* is the language used
    for documents that do not name one (and for plain strings passed to
    :meth:`extract`); None lets the library detect it.

    Thread safety: an extractor is read-only after construction; one
    extractor may serve any number of threads at once. ctypes releases the
    GIL during the C call, so extraction in threads runs in parallel.

    Raises:
        claims.Error: a lexicon file is unreadable or invalid, or a pattern
            in it does not compile (``PATTERN``).
    """

    __slots__ = ("lang", "lexicon")
    _unref = C.claims_extractor_unref

    def __init__(self, lang: Optional[str] = None,
                 lexicon: LexiconSpec = None) -> None:
        lex = lexicon_handle(lexicon)
        lex._freeze()
        super().__init__(_lib.call("claims_extractor_new", lex._handle))
        #: the default language for documents without one
        self.lang: Optional[str] = lang
        #: the lexicon the extractor was built from
        self.lexicon: Lexicon = lex

    def _document(self, doc: Union[Document, str]) -> Document:
        if isinstance(doc, str):
            return Document(doc, lang=self.lang)
        if not isinstance(doc, Document):
            raise TypeError(f"expected claims.Document or str, not {type(doc).__name__}")
        if self.lang is None or doc.lang is not None:
            return doc
        # Give the document the default language without changing the
        # caller's object (which another thread may be reading).
        copy = Document(doc.text, doc.id, outlet=doc.outlet,
                        published=doc.published, lang=self.lang,
                        url=doc.url, title=doc.title)
        return copy

    def extract(self, doc: Union[Document, str]) -> List[Claim]:
        """The claims of *doc*, in text order.

        Raises:
            claims.Error: ``LIMIT`` when a match limit is hit.
        """
        d = self._document(doc)
        array = _lib.call("claims_extractor_extract", self._handle, d._handle)
        try:
            return [Claim._wrap(p, take=False) for p in _lib.ptr_array_items(array)]
        finally:
            _lib.G.g_ptr_array_unref(array)
            if d is not doc:
                d.close()

    def extract_to_store(self, doc: Union[Document, str], store: Store) -> None:
        """Extracts the claims of *doc* straight into *store*."""
        d = self._document(doc)
        try:
            with store._lock:
                _lib.call("claims_extractor_extract_to_store", self._handle,
                          d._handle, store._handle)
        finally:
            if d is not doc:
                d.close()

    def extract_all(self, docs: Iterable[Union[Document, str]]) -> Store:
        """A new store with the claims of every document of *docs*."""
        store = Store()
        for doc in docs:
            self.extract_to_store(doc, store)
        return store

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Extractor (closed)>"
        return f"<claims.Extractor lang={self.lang!r}>"
