#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Convert the seed annotation (seeds/gold.json + seeds/meta.json) into
claims in the JSON Lines form of libclaims (one claim per line).

usage: gold-to-claims.py GOLD META OUTPUT

Only the standard library is used. The gold "valid_time" is "DAY" or
"FROM/TO" (either side may be empty for an open end); the outlet,
publication date and language come from meta.json. A bound cue ("bis zu",
"mindestens", ...) is taken from the start of the annotated text, so that
"bis zu 8 Millionen" = [0, 8e6] reads as an upper bound.
"""

import json
import sys

CUES = [
    ("bis zu", "up_to"),
    ("mindestens", "at_least"),
    ("über", "more_than"),
    ("fast", "almost"),
    ("rund", "about"),
    ("etwa", "about"),
    ("hunderte", "hundreds"),
]


def cue_of(text):
    lower = text.lower()
    for prefix, cue in CUES:
        if lower.startswith(prefix):
            return cue
    return None


def valid_time(spec):
    if not spec:
        return {"from": None, "to": None}
    if "/" in spec:
        start, end = spec.split("/", 1)
        return {"from": start or None, "to": end or None}
    return {"from": spec, "to": spec}


def convert(gold, meta):
    out = []
    for claim in gold["claims"]:
        doc = meta.get(claim["doc"], {})
        value = dict(claim["value"])
        if value.get("type") == "quantity":
            value.setdefault("approximate", False)
            value["cue"] = cue_of(claim["text"])
            value["text"] = claim["text"]
        out.append({
            "id": claim["id"],
            "doc": claim["doc"],
            "outlet": doc.get("outlet"),
            "published": doc.get("published"),
            "lang": doc.get("lang"),
            "subject": claim["subject"],
            "subject_known": True,
            "actor": claim.get("actor"),
            "scope": claim.get("scope"),
            "role": claim.get("role", "total"),
            "value": value,
            "valid_time": valid_time(claim.get("valid_time")),
            "speaker": claim.get("speaker"),
            "via": None,
            "modality": claim.get("modality", "asserted"),
            "evidence": {
                "start": claim.get("start"),
                "end": claim.get("end"),
                "text": claim.get("text"),
            },
        })
    return out


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: gold-to-claims.py GOLD META OUTPUT\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        gold = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        meta = json.load(f)
    lines = [json.dumps(c, ensure_ascii=False, sort_keys=False)
             for c in convert(gold, meta)]
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
