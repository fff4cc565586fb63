#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Header and symbol tests for the public C API (run by meson test).

  headertest.py compile --std STD --src FILE --builddir DIR --srcdir DIR
                        [--sanitize LIST] -- COMPILER...
      Compiles FILE, which includes only <claims/claims.h>, with
      -std=STD -Wall -Wextra -pedantic -Werror (as C++ when STD starts with
      "c++"), links it against the libclaims of the build tree and runs it.
      Compiling at test time, not build time, makes a header that stops
      compiling a failing test rather than a broken build. With
      --expect-error TEXT the compile must fail and say TEXT instead.

  headertest.py symbols --srcdir DIR --library LIBCLAIMS.so
      Checks that the functions the public headers declare (each marked
      CLAIMS_AVAILABLE_IN_*) and the library's exported symbols are the
      same set: nothing declared is missing, nothing internal leaks out.

  headertest.py list --srcdir DIR
      Prints every public function, one per line, with its header.

  headertest.py docs --srcdir DIR
      Checks that doc/c-api.md names every public function (and no function
      that does not exist).

Exit status 0 on success, 1 on failure, 77 (skip) when a tool is missing.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from typing import Dict, List

SKIP = 77

DECL = re.compile(
    r"CLAIMS_AVAILABLE_IN_\w+\s+"      # the export marker
    r"[^;()]*?\**\s*\b(claims_\w+)\s*\(",  # return type, name, '('
    re.S)


def declared(srcdir: str) -> Dict[str, str]:
    """Function name -> header for every CLAIMS_AVAILABLE_IN_* prototype."""
    out: Dict[str, str] = {}
    headers = sorted(glob.glob(os.path.join(srcdir, "include", "claims", "*.h"))
                     + glob.glob(os.path.join(srcdir, "include", "claims", "*.h.in")))
    for h in headers:
        with open(h, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        for m in DECL.finditer(text):
            out[m.group(1)] = os.path.basename(h).replace(".h.in", ".h")
    return out


def exported(library: str) -> List[str]:
    nm = shutil.which("nm")
    if nm is None:
        print("nm not found", file=sys.stderr)
        sys.exit(SKIP)
    res = subprocess.run([nm, "-D", "--defined-only", library],
                         capture_output=True, text=True, check=True)
    names = []
    for line in res.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in "TtDdBbRrVvWwi":
            names.append(parts[2].split("@")[0])
    return names


def cmd_symbols(args: argparse.Namespace) -> int:
    decl = declared(args.srcdir)
    exp = [n for n in exported(args.library) if n not in ("_init", "_fini")]
    exp_set = set(exp)
    missing = sorted(n for n in decl if n not in exp_set)
    leaked = sorted(n for n in exp_set if n not in decl)
    print(f"{len(decl)} public functions declared, {len(exp_set)} symbols exported")
    for n in missing:
        print(f"not exported: {n} (declared in {decl[n]})")
    for n in leaked:
        print(f"exported but not declared in a public header: {n}")
    return 1 if missing or leaked or not decl else 0


def cmd_list(args: argparse.Namespace) -> int:
    for name, header in sorted(declared(args.srcdir).items(),
                               key=lambda kv: (kv[1], kv[0])):
        print(f"{header}\t{name}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    decl = declared(args.srcdir)
    path = os.path.join(args.srcdir, "doc", "c-api.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    listed = set(re.findall(r"^- `(claims_\w+)`", text, re.M))
    # Functions are mentioned as claims_name() (or claims_name (…) in code).
    mentioned = set(re.findall(r"\b(claims_[a-z0-9_]+) ?\(", text))
    missing = sorted(n for n in decl if n not in listed)
    unknown = sorted(n for n in mentioned if n not in decl)
    for n in missing:
        print(f"doc/c-api.md: public function {n} ({decl[n]}) is not listed")
    for n in unknown:
        print(f"doc/c-api.md: {n} is not a public function")
    print(f"{len(decl)} public functions, {len(listed)} listed in doc/c-api.md")
    return 1 if missing or unknown else 0


def pkg_config(*args: str) -> List[str]:
    exe = shutil.which("pkg-config") or shutil.which("pkgconf")
    if exe is None:
        print("pkg-config not found", file=sys.stderr)
        sys.exit(SKIP)
    res = subprocess.run([exe, *args], capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr, file=sys.stderr)
        sys.exit(SKIP)
    return res.stdout.split()


def cmd_compile(args: argparse.Namespace) -> int:
    compiler = [c for c in args.compiler if c != "--"]
    if not compiler or shutil.which(compiler[0]) is None:
        print(f"no compiler for -std={args.std}", file=sys.stderr)
        return SKIP
    cxx = args.std.startswith("c++") or args.std.startswith("gnu++")
    libdir = os.path.join(args.builddir, "libclaims")
    flags = [f"-std={args.std}", "-Wall", "-Wextra", "-pedantic", "-Werror"]
    if cxx:
        flags += ["-x", "c++"]
    if args.sanitize and args.sanitize != "none":
        flags.append(f"-fsanitize={args.sanitize}")
    includes = ["-I" + os.path.join(args.srcdir, "include"),
                "-I" + os.path.join(args.builddir, "include")]
    deps = ["glib-2.0", "json-glib-1.0"]
    with tempfile.TemporaryDirectory(prefix="claims-headertest-") as tmp:
        exe = os.path.join(tmp, "headertest")
        cmd = (compiler + flags + includes + pkg_config("--cflags", *deps)
               + [args.src, "-o", exe]
               + (["-x", "none"] if cxx else [])
               + ["-L" + libdir, "-lclaims"] + pkg_config("--libs", *deps)
               + ["-lm"])
        print(" ".join(cmd))
        if args.expect_error:
            failed = subprocess.run(cmd, capture_output=True, text=True)
            sys.stdout.write(failed.stdout + failed.stderr)
            if failed.returncode != 0 and args.expect_error in failed.stderr:
                print(f"fails as it should, with {args.expect_error!r}")
                return 0
            print(f"expected the compiler to fail with {args.expect_error!r}")
            return 1
        res = subprocess.run(cmd)
        if res.returncode != 0:
            print(f"<claims/claims.h> does not compile cleanly as {args.std}")
            return 1
        env = dict(os.environ)
        env["LD_LIBRARY_PATH"] = libdir + os.pathsep + env.get("LD_LIBRARY_PATH", "")
        res = subprocess.run([exe], env=env)
        return 0 if res.returncode == 0 else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compile")
    c.add_argument("--std", required=True)
    c.add_argument("--src", required=True)
    c.add_argument("--srcdir", required=True)
    c.add_argument("--builddir", required=True)
    c.add_argument("--sanitize", default="none")
    c.add_argument("--expect-error", metavar="TEXT",
                   help="the compile must fail with TEXT in its messages")
    c.add_argument("compiler", nargs=argparse.REMAINDER)
    s = sub.add_parser("symbols")
    s.add_argument("--srcdir", required=True)
    s.add_argument("--library", required=True)
    lst = sub.add_parser("list")
    lst.add_argument("--srcdir", required=True)
    d = sub.add_parser("docs")
    d.add_argument("--srcdir", required=True)
    args = p.parse_args()
    return {"compile": cmd_compile, "symbols": cmd_symbols,
            "list": cmd_list, "docs": cmd_docs}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
