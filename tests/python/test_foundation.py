# SPDX-License-Identifier: LGPL-2.1-or-later
"""Version, errors, documents, claims and stores through the bindings."""

from __future__ import annotations

import datetime
import gc
import json
import os
import tempfile
import threading
import unittest

from claimstest import SEEDS, claims, quantity


class VersionTest(unittest.TestCase):
    def test_version(self) -> None:
        v = claims.version()
        self.assertRegex(v, r"^\d+\.\d+\.\d+$")
        major, minor, micro = (int(x) for x in v.split("."))
        self.assertTrue(claims.check_version(major, minor, micro))
        self.assertFalse(claims.check_version(major + 1, 0, 0))

    def test_library_path(self) -> None:
        self.assertTrue(os.path.exists(claims.library_path))
        env = os.environ.get("LIBCLAIMS_LIBRARY")
        if env:
            self.assertEqual(claims.library_path, env)


class ErrorTest(unittest.TestCase):
    def test_parse_error_carries_domain_and_code(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Claim.from_json("{not json")
        e = cm.exception
        self.assertEqual(e.domain, "claims-error-quark")
        self.assertEqual(e.domain, claims.ERROR_DOMAIN)
        self.assertEqual(e.code, claims.ErrorCode.PARSE)
        self.assertIn("1:", e.message)
        self.assertEqual(str(e), e.message)

    def test_invalid_error(self) -> None:
        d = quantity("001-01", 5, 1)  # low > high
        with self.assertRaises(claims.Error) as cm:
            claims.Claim.from_dict(d)
        self.assertEqual(cm.exception.code, claims.ErrorCode.INVALID)

    def test_io_error(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Store().load("/nonexistent/claims.jsonl")
        self.assertEqual(cm.exception.code, claims.ErrorCode.IO)
        self.assertIn("/nonexistent/claims.jsonl", cm.exception.message)

    def test_many_errors_do_not_leak(self) -> None:
        # Every GError is freed with g_error_free; this merely must not crash.
        for _ in range(2000):
            with self.assertRaises(claims.Error):
                claims.Claim.from_json("[]")


class DocumentTest(unittest.TestCase):
    def test_fields(self) -> None:
        doc = claims.Document("Über 10.000 Soldaten.", id="004", outlet="NIUS",
                              published="2024-10-21", lang="de",
                              url="https://example.org/x", title="T")
        self.assertEqual(doc.id, "004")
        self.assertEqual(doc.text, "Über 10.000 Soldaten.")
        self.assertEqual(len(doc), len("Über 10.000 Soldaten.".encode()))
        self.assertEqual(doc.outlet, "NIUS")
        self.assertEqual(doc.lang, "de")
        self.assertEqual(doc.url, "https://example.org/x")
        self.assertEqual(doc.title, "T")
        self.assertEqual(doc.published, datetime.date(2024, 10, 21))

    def test_published_as_date(self) -> None:
        doc = claims.Document("x", published=datetime.date(2025, 4, 28))
        self.assertEqual(doc.published, datetime.date(2025, 4, 28))
        self.assertIsNone(claims.Document("x").published)
        self.assertIsNone(claims.Document("x").outlet)

    def test_bad_date(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Document("x", published="2024-02-30")
        self.assertEqual(cm.exception.code, claims.ErrorCode.INVALID)

    def test_invalid_utf8(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Document(b"ab\xffcd", id="bad")
        self.assertEqual(cm.exception.code, claims.ErrorCode.ENCODING)
        self.assertIn("byte 2", cm.exception.message)
        doc = claims.Document(b"ab\xffcd", id="bad", lossy=True)
        self.assertEqual(doc.text, "ab\ufffdcd")

    def test_from_file_and_meta(self) -> None:
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        self.assertEqual([d.id for d in docs], sorted(d.id for d in docs))
        self.assertGreaterEqual(len(docs), 5)
        for d in docs:
            self.assertEqual(d.lang, "de")
            self.assertIsInstance(d.published, datetime.date)
        path = os.path.join(SEEDS, "003_02a9048fcc89feeb.txt")
        doc = claims.Document.from_file(path, published="2024-10-18")
        self.assertEqual(doc.id, "003_02a9048fcc89feeb")
        self.assertIn("1.500", doc.text)

    def test_context_manager_closes(self) -> None:
        with claims.Document("x") as doc:
            self.assertFalse(doc.closed)
        self.assertTrue(doc.closed)
        with self.assertRaises(ValueError):
            doc.text
        doc.close()  # twice is harmless


class ClaimTest(unittest.TestCase):
    def test_attributes(self) -> None:
        d = quantity("003-01", 1500, 1500, speaker="NIS", text="1.500")
        c = claims.Claim.from_dict(d)
        self.assertEqual(c.id, "003-01")
        self.assertEqual(c.doc, "003")
        self.assertEqual(c.subject, "troops")
        self.assertEqual(c.actor, "KP")
        self.assertEqual(c.scope, "russia")
        self.assertEqual(c.role, "total")
        self.assertEqual(c.low, 1500)
        self.assertEqual(c.high, 1500)
        self.assertFalse(c.approximate)
        self.assertEqual(c.speaker, "NIS")
        self.assertIsNone(c.via)
        self.assertEqual(c.modality, "reported")
        self.assertEqual(c.valid_from, datetime.date(2024, 10, 18))
        self.assertEqual(c.valid_to, datetime.date(2024, 10, 18))
        self.assertEqual(c.published, datetime.date(2024, 10, 18))
        self.assertEqual((c.start, c.end), (10, 20))
        self.assertEqual(c.text, "1.500")
        self.assertEqual(c.value_type, "quantity")

    def test_open_ends_are_none(self) -> None:
        at_least = claims.Claim.from_dict(quantity("a-1", 3000, None))
        self.assertEqual(at_least.low, 3000)
        self.assertIsNone(at_least.high)
        up_to = claims.Claim.from_dict(quantity("a-2", None, 12000))
        self.assertIsNone(up_to.low)
        self.assertEqual(up_to.high, 12000)

    def test_to_dict_matches_json(self) -> None:
        c = claims.Claim.from_dict(quantity("003-01", 10000, 10000,
                                            approximate=True))
        self.assertEqual(c.to_dict(), json.loads(c.to_json()))
        again = claims.Claim.from_dict(c.to_dict())
        self.assertEqual(again, c)
        self.assertEqual(hash(again), hash(c))
        for key in ("id", "doc", "outlet", "published", "lang", "subject",
                    "actor", "scope", "role", "value", "valid_time",
                    "speaker", "via", "modality", "evidence"):
            self.assertIn(key, c.to_dict())
        self.assertIs(c.to_dict()["value"]["approximate"], True)

    def test_date_and_proposition_values(self) -> None:
        d = quantity("005-01", 1, 1)
        d["value"] = {"type": "date", "from": "2024-10-01", "to": None,
                      "text": "seit Oktober"}
        c = claims.Claim.from_dict(d)
        self.assertEqual(c.value_type, "date")
        self.assertEqual(c.value_from, datetime.date(2024, 10, 1))
        self.assertIsNone(c.value_to)
        self.assertIsNone(c.low)
        self.assertIsNone(c.polarity)
        d["value"] = {"type": "proposition", "polarity": False,
                      "text": "keine Soldaten"}
        p = claims.Claim.from_dict(d)
        self.assertIs(p.polarity, False)
        self.assertEqual(p.value_text, "keine Soldaten")
        self.assertEqual(p.to_dict()["value"]["polarity"], False)

    def test_not_constructible(self) -> None:
        with self.assertRaises(TypeError):
            claims.Claim()


class StoreTest(unittest.TestCase):
    def claims3(self) -> list:
        return [claims.Claim.from_dict(quantity(f"00{i}-01", 1000 * i, 1000 * i))
                for i in (1, 2, 3)]

    def test_add_len_iter_get(self) -> None:
        s = claims.Store()
        self.assertEqual(len(s), 0)
        cs = self.claims3()
        self.assertTrue(s.add(cs[0]))
        self.assertFalse(s.add(cs[0]))  # same id: kept once
        self.assertEqual(s.extend(cs), 2)
        self.assertEqual(len(s), 3)
        self.assertEqual([c.id for c in s], ["001-01", "002-01", "003-01"])
        self.assertEqual(s[0], cs[0])
        self.assertEqual(s[-1].id, "003-01")
        self.assertEqual([c.id for c in s[1:]], ["002-01", "003-01"])
        with self.assertRaises(IndexError):
            s[3]
        self.assertEqual(s.get("002-01"), cs[1])
        self.assertIsNone(s.get("nope"))
        self.assertIn("001-01", s)
        self.assertIn(cs[2], s)
        self.assertNotIn("nope", s)

    def test_claim_outlives_store(self) -> None:
        s = claims.Store(self.claims3())
        c = s[1]
        del s
        gc.collect()
        self.assertEqual(c.id, "002-01")

    def test_merge_commutes(self) -> None:
        cs = self.claims3()
        a = claims.Store(cs[:2])
        b = claims.Store(cs[1:])
        ab = claims.Store()
        ab.merge(a)
        ab.merge(b)
        ba = claims.Store()
        ba.merge(b)
        ba.merge(a)
        self.assertEqual(len(ab), 3)
        self.assertEqual(ab, ba)
        self.assertNotEqual(a, b)
        a.merge(a)
        self.assertEqual(len(a), 2)

    def test_save_load_round_trip(self) -> None:
        s = claims.Store(self.claims3())
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "claims.jsonl")
            s.save(path)
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            self.assertEqual(len(lines), 3)
            self.assertEqual(json.loads(lines[0]), s[0].to_dict())
            t = claims.Store.from_file(path)
            self.assertEqual(s, t)
            self.assertEqual(t.to_jsonl(), s.to_jsonl())

    def test_load_errors(self) -> None:
        good = json.dumps(quantity("001-01", 1, 1))
        data = good + "\n{oops\n"
        s = claims.Store()
        with self.assertRaises(claims.Error) as cm:
            s.loads(data, "mem.jsonl")
        self.assertTrue(cm.exception.message.startswith("mem.jsonl:2:"))
        self.assertEqual(len(s), 0)  # unchanged
        skipped = s.loads(data, "mem.jsonl", skip_errors=True)
        self.assertEqual(len(s), 1)
        self.assertEqual(len(skipped), 1)
        self.assertTrue(skipped[0].startswith("mem.jsonl:2:"))

    def test_save_error(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Store().save("/nonexistent-dir/x.jsonl")
        self.assertEqual(cm.exception.code, claims.ErrorCode.IO)

    def test_concurrent_adds(self) -> None:
        s = claims.Store()

        def work(t: int) -> None:
            for i in range(200):
                s.add(claims.Claim.from_dict(quantity(f"{t}-{i}", i, i)))

        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(len(s), 800)


if __name__ == "__main__":
    unittest.main()
