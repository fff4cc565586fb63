# SPDX-License-Identifier: LGPL-2.1-or-later
"""Loading libclaims and declaring the C prototypes (internal).

The shared library is looked up, in this order:

1. the path in the ``LIBCLAIMS_LIBRARY`` environment variable;
2. a ``libclaims.so*`` next to this package (a wheel or an install that
   ships the library inside the package);
3. ``libclaims/libclaims.so`` in a meson build directory of the source tree
   this package sits in (``build*/`` beside ``python/``; the most recently
   built first, sanitizer builds left out);
4. :func:`ctypes.util.find_library` (``ldconfig``, ``LD_LIBRARY_PATH``).

Every C function the bindings call is declared in :data:`_PROTOTYPES` with
its ``restype`` and ``argtypes``. A function the loaded library does not
export (an older build) is left out; calling a wrapper that needs it raises
:class:`claims.Error` instead of failing at import time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int64, c_size_t,
                    c_ssize_t, c_uint, c_uint32, c_uint64, c_void_p)
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

__all__ = ["lib", "glib", "Error", "call", "check", "take_string",
           "borrowed_string", "date_to_iso", "library_path", "has"]


# ---------------------------------------------------------------- GError ---

class _GError(ctypes.Structure):
    _fields_ = [("domain", c_uint32),
                ("code", c_int),
                ("message", c_char_p)]


_GErrorP = POINTER(_GError)


class Error(Exception):
    """A failure reported by libclaims through a ``GError``.

    Attributes:
        message: the error message (one line, naming the place).
        domain: the error domain as a string, ``"claims-error-quark"`` for
            libclaims' own errors.
        code: the error code; for the libclaims domain one of
            :class:`claims.ErrorCode`.
    """

    def __init__(self, message: str, domain: str = "claims-error-quark",
                 code: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.domain = domain
        self.code = code

    def __repr__(self) -> str:
        return (f"claims.Error({self.message!r}, domain={self.domain!r}, "
                f"code={self.code})")


# ------------------------------------------------------------- locating ---

_HERE = os.path.dirname(os.path.abspath(__file__))


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _sanitized(path: str) -> bool:
    """Whether a library links a sanitizer runtime (libasan, libtsan, …)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return True
    return any(name in data for name in (b"libasan.so", b"libtsan.so",
                                         b"libubsan.so", b"__asan_init",
                                         b"__tsan_init"))


def _candidates() -> List[str]:
    out: List[str] = []
    env = os.environ.get("LIBCLAIMS_LIBRARY")
    if env:
        out.append(env)
    out.extend(sorted(glob.glob(os.path.join(_HERE, "libclaims.so*"))))
    # python/claims/ -> source root -> build*/libclaims/libclaims.so, the
    # most recently built first; sanitizer builds cannot be loaded into a
    # plain interpreter (ASan aborts the process), so they are passed over.
    root = os.path.dirname(os.path.dirname(_HERE))
    builds = [p for p in glob.glob(os.path.join(root, "build*", "libclaims",
                                                "libclaims.so"))
              if not _sanitized(p)]
    out.extend(sorted(builds, key=_mtime, reverse=True))
    found = ctypes.util.find_library("claims")
    if found:
        out.append(found)
    return out


def _resolve(path: str) -> str:
    """The file a bare soname ("libclaims.so.1") was loaded from, found in
    /proc/self/maps; *path* itself when it is a path or cannot be found."""
    if os.sep in path:
        return path
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.split(None, 5)
                if len(parts) == 6:
                    mapped = parts[5].strip()
                    if os.path.basename(mapped).startswith(path):
                        return mapped
    except OSError:
        pass
    return path


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []
    env = os.environ.get("LIBCLAIMS_LIBRARY")
    for path in _candidates():
        try:
            return ctypes.CDLL(path), _resolve(path)
        except OSError as exc:
            tried.append(f"{path}: {exc}")
            if env and path == env:
                # An explicit choice that fails is an error, not a hint.
                raise ImportError(
                    f"LIBCLAIMS_LIBRARY={env} cannot be loaded: {exc}"
                ) from exc
    raise ImportError("libclaims shared library not found; set "
                      "LIBCLAIMS_LIBRARY to its path (tried: "
                      + ("; ".join(tried) or "nothing found") + ")")


def _load_glib() -> ctypes.CDLL:
    # libclaims links GLib, so the soname resolves to the copy already mapped.
    for name in ("libglib-2.0.so.0", ctypes.util.find_library("glib-2.0")):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    raise ImportError("libglib-2.0 not found")


lib, library_path = _load()
glib = _load_glib()

# ----------------------------------------------------------- prototypes ---

_p = c_void_p
_s = c_char_p
_err = POINTER(_GErrorP)
_b = c_int          # gboolean

# name: (restype, argtypes)
_PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    # version, errors
    "claims_version_string": (_s, ()),
    "claims_check_version": (_b, (c_uint, c_uint, c_uint)),
    "claims_error_quark": (c_uint32, ()),
    # value
    "claims_value_ref": (_p, (_p,)),
    "claims_value_unref": (None, (_p,)),
    "claims_value_get_value_type": (c_int, (_p,)),
    "claims_value_type_to_string": (_s, (c_int,)),
    "claims_value_get_low": (c_double, (_p,)),
    "claims_value_get_high": (c_double, (_p,)),
    "claims_value_get_approximate": (_b, (_p,)),
    "claims_value_get_cue": (_s, (_p,)),
    "claims_value_get_text": (_s, (_p,)),
    "claims_value_get_from": (_p, (_p,)),
    "claims_value_get_to": (_p, (_p,)),
    "claims_value_get_polarity": (_b, (_p,)),
    # document
    "claims_document_new": (_p, (_s, _s, c_ssize_t, c_int, _err)),
    "claims_document_new_from_file": (_p, (_s, _s, c_int, _err)),
    "claims_document_ref": (_p, (_p,)),
    "claims_document_unref": (None, (_p,)),
    "claims_document_get_id": (_s, (_p,)),
    "claims_document_get_text": (_p, (_p,)),
    "claims_document_get_length": (c_size_t, (_p,)),
    "claims_document_get_outlet": (_s, (_p,)),
    "claims_document_get_url": (_s, (_p,)),
    "claims_document_get_title": (_s, (_p,)),
    "claims_document_get_lang": (_s, (_p,)),
    "claims_document_get_published": (_p, (_p,)),
    "claims_document_set_outlet": (None, (_p, _s)),
    "claims_document_set_url": (None, (_p, _s)),
    "claims_document_set_title": (None, (_p, _s)),
    "claims_document_set_lang": (None, (_p, _s)),
    "claims_document_set_published": (None, (_p, _p)),
    "claims_document_set_published_iso": (_b, (_p, _s, _err)),
    "claims_meta_load": (_p, (_s, c_int, _err)),
    "claims_date_to_iso": (_p, (_p,)),
    # claim
    "claims_claim_ref": (_p, (_p,)),
    "claims_claim_unref": (None, (_p,)),
    "claims_claim_get_id": (_s, (_p,)),
    "claims_claim_get_doc": (_s, (_p,)),
    "claims_claim_get_outlet": (_s, (_p,)),
    "claims_claim_get_published": (_p, (_p,)),
    "claims_claim_get_lang": (_s, (_p,)),
    "claims_claim_get_subject": (_s, (_p,)),
    "claims_claim_get_subject_known": (_b, (_p,)),
    "claims_claim_get_actor": (_s, (_p,)),
    "claims_claim_get_scope": (_s, (_p,)),
    "claims_claim_get_role": (c_int, (_p,)),
    "claims_role_to_string": (_s, (c_int,)),
    "claims_claim_get_value": (_p, (_p,)),
    "claims_claim_get_valid_from": (_p, (_p,)),
    "claims_claim_get_valid_to": (_p, (_p,)),
    "claims_claim_get_speaker": (_s, (_p,)),
    "claims_claim_get_via": (_s, (_p,)),
    "claims_claim_get_modality": (c_int, (_p,)),
    "claims_modality_to_string": (_s, (c_int,)),
    "claims_claim_get_start": (c_int64, (_p,)),
    "claims_claim_get_end": (c_int64, (_p,)),
    "claims_claim_get_evidence_text": (_s, (_p,)),
    "claims_claim_get_sentence_start": (c_int64, (_p,)),
    "claims_claim_get_sentence_end": (c_int64, (_p,)),
    "claims_claim_equal": (_b, (_p, _p)),
    "claims_claim_to_json": (_p, (_p,)),
    "claims_claim_new_from_json": (_p, (_s, c_ssize_t, _err)),
    # store
    "claims_store_new": (_p, ()),
    "claims_store_ref": (_p, (_p,)),
    "claims_store_unref": (None, (_p,)),
    "claims_store_add": (_b, (_p, _p)),
    "claims_store_get_size": (c_uint, (_p,)),
    "claims_store_get_claim": (_p, (_p, c_uint)),
    "claims_store_lookup": (_p, (_p, _s)),
    "claims_store_merge": (None, (_p, _p)),
    "claims_store_equal": (_b, (_p, _p)),
    "claims_store_load_data": (_b, (_p, _s, c_ssize_t, _s, c_int,
                                    POINTER(_p), _err)),
    "claims_store_load_file": (_b, (_p, _s, c_int, POINTER(_p), _err)),
    "claims_store_to_data": (_p, (_p, POINTER(c_size_t))),
    "claims_store_save_file": (_b, (_p, _s, _err)),
    # lexicon
    "claims_lexicon_new": (_p, ()),
    "claims_lexicon_new_default": (_p, (_err,)),
    "claims_lexicon_ref": (_p, (_p,)),
    "claims_lexicon_unref": (None, (_p,)),
    "claims_lexicon_load_file": (_b, (_p, _s, _err)),
    "claims_lexicon_load_data": (_b, (_p, _s, c_ssize_t, _s, _err)),
    # extractor
    "claims_extractor_new": (_p, (_p, _err)),
    "claims_extractor_ref": (_p, (_p,)),
    "claims_extractor_unref": (None, (_p,)),
    "claims_extractor_extract": (_p, (_p, _p, _err)),
    "claims_extractor_extract_to_store": (_b, (_p, _p, _p, _err)),
    "claims_detect_language": (_s, (_s, c_ssize_t)),
    # engine
    "claims_policy_to_string": (_s, (c_int,)),
    "claims_policy_from_string": (_b, (_s, POINTER(c_int))),
    "claims_relation_kind_to_string": (_s, (c_int,)),
    "claims_engine_new": (_p, (_p,)),
    "claims_engine_unref": (None, (_p,)),
    "claims_engine_set_tolerance": (None, (_p, c_double)),
    "claims_engine_set_divergence": (None, (_p, c_double)),
    "claims_engine_set_policy": (None, (_p, c_int)),
    "claims_engine_set_subject": (None, (_p, _s)),
    "claims_engine_reconcile": (_p, (_p, _p, _err)),
    # report
    "claims_report_ref": (_p, (_p,)),
    "claims_report_unref": (None, (_p,)),
    "claims_report_get_policy": (c_int, (_p,)),
    "claims_report_get_n_claims": (c_uint, (_p,)),
    "claims_report_get_claim": (_p, (_p, c_uint)),
    "claims_report_get_n_contradictions": (c_uint, (_p,)),
    "claims_report_get_n_comparisons": (c_uint64, (_p,)),
    "claims_report_get_n_relations": (c_uint, (_p,)),
    "claims_report_get_relation_kind": (c_int, (_p, c_uint)),
    "claims_report_get_relation_subject": (_s, (_p, c_uint)),
    "claims_report_get_relation_actor": (_s, (_p, c_uint)),
    "claims_report_get_relation_scope": (_s, (_p, c_uint)),
    "claims_report_get_relation_explanation": (_s, (_p, c_uint)),
    "claims_report_get_relation_n_claims": (c_uint, (_p, c_uint)),
    "claims_report_get_relation_n_first": (c_uint, (_p, c_uint)),
    "claims_report_get_relation_claim_id": (_s, (_p, c_uint, c_uint)),
    "claims_report_get_n_timelines": (c_uint, (_p,)),
    "claims_report_get_timeline_subject": (_s, (_p, c_uint)),
    "claims_report_get_timeline_actor": (_s, (_p, c_uint)),
    "claims_report_get_timeline_scope": (_s, (_p, c_uint)),
    "claims_report_get_timeline_n_points": (c_uint, (_p, c_uint)),
    "claims_report_get_point_from": (_s, (_p, c_uint, c_uint)),
    "claims_report_get_point_to": (_s, (_p, c_uint, c_uint)),
    "claims_report_get_point_low": (c_double, (_p, c_uint, c_uint)),
    "claims_report_get_point_high": (c_double, (_p, c_uint, c_uint)),
    "claims_report_get_point_n_claims": (c_uint, (_p, c_uint, c_uint)),
    "claims_report_get_point_claim_id": (_s, (_p, c_uint, c_uint, c_uint)),
    "claims_report_get_n_estimates": (c_uint, (_p,)),
    "claims_report_get_estimate_subject": (_s, (_p, c_uint)),
    "claims_report_get_estimate_actor": (_s, (_p, c_uint)),
    "claims_report_get_estimate_scope": (_s, (_p, c_uint)),
    "claims_report_get_estimate_as_of": (_s, (_p, c_uint)),
    "claims_report_get_estimate_low": (c_double, (_p, c_uint)),
    "claims_report_get_estimate_best": (c_double, (_p, c_uint)),
    "claims_report_get_estimate_high": (c_double, (_p, c_uint)),
    "claims_report_get_estimate_sources": (c_uint, (_p, c_uint)),
    "claims_report_to_json": (_p, (_p, c_int, POINTER(c_size_t))),
    "claims_report_to_text": (_p, (_p, c_int)),
    "claims_report_to_markdown": (_p, (_p, c_int)),
}

_GLIB_PROTOTYPES: Dict[str, Tuple[Any, Sequence[Any]]] = {
    "g_free": (None, (_p,)),
    "g_error_free": (None, (_GErrorP,)),
    "g_quark_to_string": (_s, (c_uint32,)),
    "g_strfreev": (None, (_p,)),
    "g_ptr_array_unref": (None, (_p,)),
}


class _Functions:
    """The declared C functions as attributes; a function the library does
    not export is a stub that raises :class:`Error` when called."""

    def __getattr__(self, name: str) -> Any:
        # Only reached for names that were never declared.
        raise AttributeError(f"C function {name} is not declared in _lib")


def _stub(name: str) -> Callable[..., Any]:
    def missing(*args: Any) -> Any:
        raise Error(f"{library_path} does not export {name} "
                    "(libclaims is too old or built without that module)",
                    "claims-python", 0)
    missing.__name__ = name
    return missing


C = _Functions()
G = _Functions()
_missing: List[str] = []


def _declare(dll: ctypes.CDLL, table: Dict[str, Tuple[Any, Sequence[Any]]],
             ns: _Functions) -> None:
    for name, (restype, argtypes) in table.items():
        try:
            fn = getattr(dll, name)
        except AttributeError:
            _missing.append(name)
            setattr(ns, name, _stub(name))
            continue
        fn.restype = restype
        fn.argtypes = list(argtypes)
        setattr(ns, name, fn)


_declare(lib, _PROTOTYPES, C)
_declare(glib, _GLIB_PROTOTYPES, G)


def has(name: str) -> bool:
    """Whether the loaded library exports the C function *name*."""
    return name not in _missing and (hasattr(C, name) or hasattr(G, name))


def require(name: str) -> Callable[..., Any]:
    """The C function *name*; its stub raises :class:`Error` if missing."""
    fn: Callable[..., Any] = getattr(C, name)
    return fn


# GPtrArray starts with (gpointer *pdata; guint len).
class _GPtrArray(ctypes.Structure):
    _fields_ = [("pdata", POINTER(c_void_p)), ("len", c_uint)]


def ptr_array_items(array: int) -> List[int]:
    """The pointers held by a ``GPtrArray *`` (not referenced)."""
    arr = ctypes.cast(array, POINTER(_GPtrArray)).contents
    return [arr.pdata[i] for i in range(arr.len)]


# --------------------------------------------------------------- helpers ---

def call(name: str, *args: Any) -> Any:
    """Calls C function *name* with a trailing ``GError **`` and raises
    :class:`Error` when it fails (NULL/FALSE return with the error set)."""
    fn = require(name)
    err = _GErrorP()
    result = fn(*args, ctypes.byref(err))
    if err:
        raise _take_error(err)
    return result


def _take_error(err: "ctypes._Pointer[_GError]") -> Error:
    e = err.contents
    message = (e.message or b"").decode("utf-8", "replace")
    domain_raw = G.g_quark_to_string(e.domain)
    domain = domain_raw.decode("utf-8", "replace") if domain_raw else ""
    code = int(e.code)
    G.g_error_free(err)
    return Error(message, domain, code)


def check(ok: Any, what: str) -> None:
    """Raises :class:`Error` when a call without a GError returned NULL."""
    if not ok:
        raise Error(f"{what} failed", "claims-python", 0)


def take_string(ptr: Optional[int]) -> Optional[str]:
    """Decodes a transfer-full ``char *`` and frees it with ``g_free``."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        G.g_free(ptr)


def take_bytes(ptr: Optional[int], length: int) -> bytes:
    """Copies *length* bytes from a transfer-full buffer and frees it."""
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr, length)
    finally:
        G.g_free(ptr)


def take_strv(ptr: Optional[int]) -> List[str]:
    """Decodes a transfer-full ``char **`` and frees it with g_strfreev."""
    if not ptr:
        return []
    out: List[str] = []
    arr = ctypes.cast(ptr, POINTER(c_char_p))
    i = 0
    while arr[i] is not None:
        out.append(arr[i].decode("utf-8", "replace"))
        i += 1
    G.g_strfreev(ptr)
    return out


def borrowed_string(raw: Optional[bytes]) -> Optional[str]:
    """Decodes a transfer-none ``const char *`` (already copied by ctypes)."""
    return None if raw is None else raw.decode("utf-8", "replace")


def encode(s: Optional[str]) -> Optional[bytes]:
    """Encodes an optional str for a ``const char *`` argument."""
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return os.fspath(s).encode("utf-8") if not isinstance(s, str) \
        else s.encode("utf-8")


def encode_path(p: "os.PathLike[str] | str | bytes") -> bytes:
    """Encodes a file system path for a ``const char *`` argument."""
    return os.fsencode(p)


def date_to_iso(gdate: Optional[int]) -> Optional[str]:
    """Converts a borrowed ``const GDate *`` (or NULL) to ``YYYY-MM-DD``."""
    if not gdate:
        return None
    return take_string(C.claims_date_to_iso(gdate))
