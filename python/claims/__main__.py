# SPDX-License-Identifier: LGPL-2.1-or-later
"""``python3 -m claims FILE...``: extract claims, optionally reconcile them.

By default prints the claims of every FILE as JSON Lines. A FILE ending in
``.json`` whose content is a meta file (``meta.json``) stands for the
documents it lists; a FILE ending in ``.jsonl`` is read as stored claims.
With ``--report FORMAT`` the claims are reconciled and the report printed
(``text``, ``json`` or ``markdown``); the exit status is then 1 when the
report holds contradictions, like ``claimdiff``. Errors exit with 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import (POLICIES, Document, Error, Extractor, Store, reconcile,
               version)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m claims",
        description="Extract typed, sourced, dated claims from news reports.")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="a text file, a meta.json, or a .jsonl claim store")
    p.add_argument("--lang", help="language of texts that do not name one")
    p.add_argument("--outlet", help="outlet of the text files")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date of the text files")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="a user lexicon on top of the built-in one (repeatable)")
    p.add_argument("--report", choices=("text", "json", "markdown"),
                   help="reconcile and print the report in this format")
    p.add_argument("--policy", choices=POLICIES, default="median")
    p.add_argument("--tolerance", type=float, default=0.10)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="save the claims as JSON Lines to FILE")
    p.add_argument("--version", action="version",
                   version=f"libclaims {version()}")
    return p


def _is_meta(path: str) -> bool:
    return path.endswith(".json")


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        extractor = Extractor(lang=args.lang, lexicon=args.lexicon or None)
        store = Store()
        for path in args.files:
            if path.endswith(".jsonl"):
                store.load(path)
                continue
            docs = Document.load_meta(path) if _is_meta(path) else [
                Document.from_file(path, outlet=args.outlet,
                                   published=args.published)]
            for doc in docs:
                extractor.extract_to_store(doc, store)
        if args.output:
            store.save(args.output)
        if args.report is None:
            if not args.output:
                sys.stdout.write(store.to_jsonl())
            return 0
        report = reconcile(store, policy=args.policy, tolerance=args.tolerance,
                           lexicon=extractor.lexicon)
        if args.report == "json":
            sys.stdout.write(report.to_json(pretty=True) + "\n")
        elif args.report == "markdown":
            sys.stdout.write(report.to_markdown())
        else:
            sys.stdout.write(report.to_text(color=sys.stdout.isatty()))
        return 1 if report.n_contradictions else 0
    except Error as e:
        print(f"python3 -m claims: {e.message}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as e:
        print(f"python3 -m claims: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
