#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Doxygen INPUT_FILTER: gi-docgen style comments to Doxygen commands.

libclaims documents its API in the GLib way (doc/HACKING.md): a block
``/** name: ... @param: ... Returns: ... Since: ... */`` above each public
function in the .c file, and ``SECTION:`` overviews. Doxygen reads this
filter's output instead of the file:

* ``@param: text``   -> ``\\param param text``
* ``@ENUM_VALUE: t`` -> a list item ``- ENUM_VALUE: t``
* ``Returns: t``     -> ``\\return t``;  ``Since: v`` -> ``\\since v``
* ``Errors: t``      -> a paragraph titled Errors
* ``%TRUE``, ``#ClaimsStore``, ``@arg`` in text -> ``TRUE``, ``ClaimsStore``,
  ``\\p arg``
* ``SECTION:name`` + ``@title:`` -> a Doxygen page

Blocks of functions that no public header declares (internal helpers) are
turned into ordinary comments, so the reference shows the public API only.
Every file gets a ``\\file`` marker, without which Doxygen leaves global
functions out. Line numbers are preserved.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from typing import List, Set

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(HERE)

DECL = re.compile(r"CLAIMS_AVAILABLE_IN_\w+\s+[^;()]*?\**\s*\b(claims_\w+)\s*\(", re.S)


def public_symbols() -> Set[str]:
    names: Set[str] = set()
    for h in glob.glob(os.path.join(SRCDIR, "include", "claims", "*.h*")):
        with open(h, encoding="utf-8") as f:
            names.update(DECL.findall(f.read()))
    return names


PUBLIC = public_symbols()

TAG = re.compile(r"^(\s*\*\s?)@(\w+):\s*(.*)$")
NAME_LINE = re.compile(r"^\s*\*\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")
ONE_LINE = re.compile(r"^(\s*/\*\*\s*)([A-Z_][A-Za-z0-9_]*):\s*(.*\*/\s*)$")


def inline(text: str) -> str:
    text = re.sub(r"%([A-Za-z_][A-Za-z0-9_]*)", r"\1", text)
    text = re.sub(r"(?<![\w`])#([A-Z][A-Za-z0-9_]*)", r"\1", text)
    text = re.sub(r"(?<![\w`@])@([a-z_][a-z0-9_]*)\b", r"\\p \1", text)
    return text


def convert_block(lines: List[str]) -> List[str]:
    """Converts one /** ... */ block (a list of lines, newline-terminated)."""
    first = lines[0]
    m = ONE_LINE.match(first.rstrip("\n"))
    if len(lines) == 1 and m:
        # /** NAME: text */ above a macro or type in a header
        return [f"{m.group(1)}{inline(m.group(3))}\n"]
    if len(lines) < 2:
        return lines
    out = [first]
    head = NAME_LINE.match(lines[1])
    body = lines[2:]
    if head and head.group(1) == "SECTION":
        name = head.group(2).strip()
        title = name
        rest = []
        for ln in body:
            t = TAG.match(ln)
            if t and t.group(2) == "title":
                title = t.group(3)
                rest.append(" *\n")
            else:
                rest.append(ln)
        out.append(f" * \\page section_{re.sub(r'[^A-Za-z0-9_]', '_', name)} {title}\n")
        body = rest
    elif head:
        symbol = head.group(1)
        if symbol.startswith("claims_") and symbol not in PUBLIC:
            # An internal function: keep it out of the reference.
            return ["/* " + first.lstrip()[3:]] + lines[1:]
        out.append(" *\n")
    else:
        body = lines[1:]

    in_code = False
    for ln in body:
        stripped = ln.strip()
        if stripped.startswith("* ```") or stripped.startswith("```"):
            in_code = not in_code
            out.append(ln)
            continue
        if in_code:
            out.append(ln)
            continue
        t = TAG.match(ln)
        if t:
            prefix, name, text = t.groups()
            if name.isupper() or name[0].isupper():
                out.append(f"{prefix}- {name}: {inline(text)}\n")
            else:
                out.append(f"{prefix}\\param {name} {inline(text)}\n")
            continue
        m = re.match(r"^(\s*\*\s?)(Returns|Since|Errors):\s*(.*)$", ln)
        if m:
            prefix, kw, text = m.groups()
            cmd = {"Returns": "\\return", "Since": "\\since",
                   "Errors": "<b>Errors:</b>"}[kw]
            out.append(f"{prefix}{cmd} {inline(text)}\n")
            continue
        out.append(inline(ln) if not stripped.startswith("*/") else ln)
    return out


def main() -> int:
    path = sys.argv[1]
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()
    out = []
    i = 0
    # Doxygen documents global functions, types and macros only in files
    # that are documented themselves: mark the file on its first line (so
    # that line numbers stay the same).
    if lines:
        lines[0] = lines[0].rstrip("\n") + " /** \\file */\n"
    while i < len(lines):
        ln = lines[i]
        if ln.lstrip().startswith("/**") and not ln.lstrip().startswith("/***"):
            j = i
            while "*/" not in lines[j] and j + 1 < len(lines):
                j += 1
            out.extend(convert_block(lines[i:j + 1]))
            i = j + 1
        else:
            out.append(ln)
            i += 1
    sys.stdout.write("".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
