# SPDX-License-Identifier: LGPL-2.1-or-later
"""python/pyproject.toml and its stdlib-only build backend: the wheel and
the sdist are complete, and pip builds the package without a registry."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

from claimstest import SRCDIR

PYDIR = os.path.join(SRCDIR, "python")


def backend():
    spec = importlib.util.spec_from_file_location(
        "claims_build", os.path.join(PYDIR, "build_backend", "claims_build.py"))
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


class PackagingTest(unittest.TestCase):
    def test_wheel(self) -> None:
        be = backend()
        self.assertEqual(be.get_requires_for_build_wheel(), [])
        with tempfile.TemporaryDirectory() as tmp:
            name = be.build_wheel(tmp)
            self.assertRegex(name, r"^claims-\d+\.\d+\.\d+-py3-none-any\.whl$")
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                names = zf.namelist()
                for mod in ("__init__", "__main__", "_lib", "claim", "store",
                            "document", "extractor", "report", "_boxed"):
                    self.assertIn(f"claims/{mod}.py", names)
                self.assertIn("claims/py.typed", names)
                self.assertFalse([n for n in names if "__pycache__" in n])
                info = [n for n in names if n.endswith(".dist-info/RECORD")]
                self.assertEqual(len(info), 1)
                record = zf.read(info[0]).decode().splitlines()
                self.assertEqual(len(record), len(names))
                for line in record:
                    path, digest, size = line.rsplit(",", 2)
                    if path.endswith("RECORD"):
                        continue
                    data = zf.read(path)
                    want = base64.urlsafe_b64encode(
                        hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    self.assertEqual(digest, "sha256=" + want, path)
                    self.assertEqual(int(size), len(data))
                meta = zf.read(info[0].replace("RECORD", "METADATA")).decode()
                self.assertIn("Name: claims", meta)

    def test_sdist(self) -> None:
        be = backend()
        with tempfile.TemporaryDirectory() as tmp:
            name = be.build_sdist(tmp)
            with tarfile.open(os.path.join(tmp, name)) as tf:
                names = tf.getnames()
            base = name[:-len(".tar.gz")]
            for rel in ("pyproject.toml", "PKG-INFO", "claims/__init__.py",
                        "build_backend/claims_build.py"):
                self.assertIn(f"{base}/{rel}", names)

    def test_pip_builds_offline(self) -> None:
        probe = subprocess.run([sys.executable, "-m", "pip", "--version"],
                               capture_output=True)
        if probe.returncode != 0:
            self.skipTest("pip is not installed")
        env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run([sys.executable, "-m", "pip", "wheel",
                                "--no-deps", "-w", tmp, PYDIR],
                               env=env, capture_output=True, text=True,
                               timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertTrue([n for n in os.listdir(tmp) if n.endswith(".whl")])


if __name__ == "__main__":
    unittest.main()
