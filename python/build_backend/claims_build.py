# SPDX-License-Identifier: LGPL-2.1-or-later
"""A PEP 517 / PEP 660 build backend for the claims package, stdlib only.

The package is pure Python (ctypes), so a wheel is just the ``claims/``
sources, a ``.dist-info`` folder and a RECORD of hashes. Doing that here
keeps ``pip install ./python`` free of any build dependency to download.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "claims"


def _project() -> Dict[str, str]:
    """The [project] string fields of pyproject.toml (a tiny TOML subset)."""
    fields: Dict[str, str] = {}
    section = None
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                section = line
                continue
            m = re.match(r'^([A-Za-z-]+)\s*=\s*"(.*)"\s*$', line)
            if section == "[project]" and m:
                fields[m.group(1)] = m.group(2)
    return fields


def _names() -> Tuple[str, str, str]:
    p = _project()
    name, version = p["name"], p["version"]
    return name, version, f"{name}-{version}"


def _metadata() -> str:
    p = _project()
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}",
             f"Version: {p['version']}", f"Summary: {p.get('description', '')}",
             "License: LGPL-2.1-or-later",
             f"Requires-Python: {p.get('requires-python', '>=3.8')}"]
    return "\n".join(lines) + "\n"


def _wheel_file() -> str:
    return ("Wheel-Version: 1.0\nGenerator: claims_build\n"
            "Root-Is-Purelib: true\nTag: py3-none-any\n")


def _sources() -> List[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, PACKAGE)):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith(".py") or fn == "py.typed":
                out.append(os.path.relpath(os.path.join(dirpath, fn), ROOT))
    return out


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return f"{arcname},sha256={digest.rstrip(b'=').decode()},{len(data)}"


def _write_wheel(directory: str, files: Dict[str, bytes]) -> str:
    name, version, _ = _names()
    dist_info = f"{name}-{version}.dist-info"
    files = dict(files)
    files[f"{dist_info}/METADATA"] = _metadata().encode()
    files[f"{dist_info}/WHEEL"] = _wheel_file().encode()
    record = [_record_line(a, d) for a, d in files.items()]
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    filename = f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(directory, filename), "w",
                         zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in files.items():
            info = zipfile.ZipInfo(arcname, date_time=(2024, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return filename


# ---- PEP 517 ----

def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    files = {}
    for rel in _sources():
        with open(os.path.join(ROOT, rel), "rb") as f:
            files[rel.replace(os.sep, "/")] = f.read()
    return _write_wheel(wheel_directory, files)


def build_sdist(sdist_directory: str,
                config_settings: Optional[Dict[str, Any]] = None) -> str:
    _, _, base = _names()
    filename = f"{base}.tar.gz"
    entries = ["pyproject.toml", "build_backend/claims_build.py"] + _sources()
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tf:
        for rel in entries:
            tf.add(os.path.join(ROOT, rel), arcname=f"{base}/{rel}")
        pkg_info = _metadata().encode()
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        tf.addfile(info, io.BytesIO(pkg_info))
    return filename


# ---- PEP 660 (pip install -e ./python) ----

def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    pth = (ROOT + "\n").encode()
    return _write_wheel(wheel_directory, {"claims_editable.pth": pth})
