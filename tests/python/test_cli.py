# SPDX-License-Identifier: LGPL-2.1-or-later
"""``python3 -m claims FILE...``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest

from claimstest import HAVE_ENGINE, HAVE_EXTRACTOR, SEEDS, SRCDIR, claims


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(SRCDIR, "python") + os.pathsep + \
        env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "claims", *args], env=env,
                          capture_output=True, text=True, timeout=120)


@unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
class CliTest(unittest.TestCase):
    def test_text_file_to_jsonl(self) -> None:
        path = os.path.join(SEEDS, "003_02a9048fcc89feeb.txt")
        r = run("--lang", "de", "--published", "2024-10-18", "--outlet", "X",
                path)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertTrue(lines)
        for line in lines:
            d = json.loads(line)
            self.assertEqual(d["doc"], "003_02a9048fcc89feeb")
            self.assertEqual(d["outlet"], "X")

    def test_meta_and_output(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "c.jsonl")
            r = run("-o", out, os.path.join(SEEDS, "meta.json"))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, "")
            store = claims.Store.from_file(out)
            self.assertGreater(len(store), 10)

    @unittest.skipUnless(HAVE_ENGINE, "libclaims built without the engine")
    def test_report(self) -> None:
        r = run("--report", "json", os.path.join(SEEDS, "meta.json"))
        self.assertIn(r.returncode, (0, 1), r.stderr)
        data = json.loads(r.stdout)
        self.assertIn("relations", data)
        contradictions = [x for x in data["relations"]
                          if x.get("kind") == "contradiction"]
        self.assertEqual(r.returncode, 1 if contradictions else 0)

    def test_errors_exit_2(self) -> None:
        r = run("/nonexistent/file.txt")
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent/file.txt", r.stderr)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertIn(claims.version(), r.stdout)


if __name__ == "__main__":
    unittest.main()
