# SPDX-License-Identifier: LGPL-2.1-or-later
"""Helpers shared by the Python test files (not a test module itself)."""

from __future__ import annotations

import os
import sys
from typing import Any, Dict, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
SEEDS = os.path.join(SRCDIR, "seeds")

# Run from a source checkout without installing: python/ holds the package.
sys.path.insert(0, os.path.join(SRCDIR, "python"))

import claims  # noqa: E402

HAVE_EXTRACTOR = claims._lib.has("claims_extractor_new")
HAVE_ENGINE = claims._lib.has("claims_engine_new") and \
    claims._lib.has("claims_report_to_json")

NIS_SENTENCE = ("Laut dem südkoreanischen Geheimdienst sind bereits 1.500 "
                "nordkoreanische Soldaten in Russland angekommen.")
KIRBY_SENTENCE = ("John Kirby said at least 3,000 North Korean soldiers "
                  "had arrived in eastern Russia.")


def quantity(id: str, low: Optional[float], high: Optional[float], *,
             speaker: str = "NIS", published: str = "2024-10-18",
             subject: str = "troops", actor: str = "KP",
             scope: str = "russia", approximate: bool = False,
             role: str = "total", text: str = "x") -> Dict[str, Any]:
    """A claim in the JSON form with a quantity value."""
    return {
        "id": id, "doc": id.split("-")[0], "outlet": "Test",
        "published": published, "lang": "de", "subject": subject,
        "actor": actor, "scope": scope, "role": role,
        "value": {"type": "quantity", "low": low, "high": high,
                  "approximate": approximate, "text": text},
        "valid_time": {"from": published, "to": published},
        "speaker": speaker, "via": None, "modality": "reported",
        "evidence": {"start": 10, "end": 20, "text": text},
    }


def rss_pages() -> int:
    """The resident set size of this process, in pages (/proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1])
