# SPDX-License-Identifier: LGPL-2.1-or-later
"""Extraction through the bindings: claims, lexicons, errors, threads."""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import threading
import unittest
from concurrent.futures import ThreadPoolExecutor

from claimstest import (HAVE_EXTRACTOR, KIRBY_SENTENCE, NIS_SENTENCE, SEEDS,
                        claims)

USER_LEXICON = {
    "description": "test lexicon: a subject the built-in lexicon lacks",
    "lang": "de",
    "subjects": {"lamas": {"cumulative": False, "words": ["lamas", "*lamas"]}},
}


@unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
class ExtractTest(unittest.TestCase):
    de: "claims.Extractor"

    @classmethod
    def setUpClass(cls) -> None:
        cls.de = claims.Extractor(lang="de")

    def test_nis_sentence(self) -> None:
        doc = claims.Document(NIS_SENTENCE, id="003", outlet="NIUS",
                              published="2024-10-18", lang="de")
        found = self.de.extract(doc)
        self.assertTrue(found)
        c = found[0]
        self.assertIsInstance(c, claims.Claim)
        self.assertEqual(c.id, "003-01")
        self.assertEqual(c.doc, "003")
        self.assertEqual(c.outlet, "NIUS")
        self.assertEqual(c.subject, "troops")
        self.assertEqual(c.actor, "KP")
        self.assertEqual(c.scope, "russia")
        self.assertEqual(c.role, "total")
        self.assertEqual((c.low, c.high), (1500, 1500))
        self.assertFalse(c.approximate)
        self.assertEqual(c.speaker, "NIS")
        self.assertEqual(c.modality, "reported")
        self.assertEqual(c.valid_from, datetime.date(2024, 10, 18))
        # Evidence offsets are bytes into the UTF-8 text.
        raw = NIS_SENTENCE.encode("utf-8")
        self.assertIsNotNone(c.start)
        self.assertEqual(raw[c.start:c.end].decode("utf-8"), c.text)
        self.assertIn("1.500", c.text)

    def test_to_dict_is_the_json_form(self) -> None:
        doc = claims.Document(NIS_SENTENCE, id="003", published="2024-10-18",
                              lang="de")
        for c in self.de.extract(doc):
            d = c.to_dict()
            self.assertEqual(d, json.loads(c.to_json()))
            self.assertEqual(d["id"], c.id)
            self.assertEqual(d["subject"], c.subject)
            self.assertEqual(d["speaker"], c.speaker)
            self.assertEqual(d["modality"], c.modality)
            self.assertEqual(d["evidence"]["start"], c.start)
            self.assertEqual(d["evidence"]["text"], c.text)
            if d["value"]["type"] == "quantity":
                self.assertEqual(d["value"]["low"], c.low)
                self.assertEqual(d["value"]["high"], c.high)
            self.assertEqual(claims.Claim.from_dict(d), c)

    def test_open_end_is_none(self) -> None:
        doc = claims.Document(KIRBY_SENTENCE, id="002", published="2024-10-23",
                              lang="en")
        found = [c for c in claims.Extractor().extract(doc)
                 if c.subject == "troops"]
        self.assertTrue(found)
        self.assertEqual(found[0].low, 3000)
        self.assertIsNone(found[0].high)

    def test_default_lang_for_plain_strings(self) -> None:
        found = self.de.extract(NIS_SENTENCE)
        self.assertTrue(found)
        self.assertEqual(found[0].lang, "de")
        # A document without a language is not changed by the extractor.
        doc = claims.Document(NIS_SENTENCE, id="x")
        self.assertEqual(self.de.extract(doc)[0].lang, "de")
        self.assertIsNone(doc.lang)

    def test_extract_to_store_and_all(self) -> None:
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        store = self.de.extract_all(docs)
        total = sum(len(self.de.extract(d)) for d in docs)
        self.assertEqual(len(store), total)
        self.assertGreater(total, 10)
        ids = [c.id for c in store]
        self.assertEqual(len(ids), len(set(ids)))

    def test_seed_store_round_trip(self) -> None:
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        store = self.de.extract_all(docs)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "seeds.jsonl")
            store.save(path)
            self.assertEqual(claims.Store.from_file(path), store)

    def test_empty_document(self) -> None:
        self.assertEqual(self.de.extract(claims.Document("", id="e")), [])

    def test_wrong_argument(self) -> None:
        with self.assertRaises(TypeError):
            self.de.extract(42)  # type: ignore[arg-type]


@unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
class LexiconTest(unittest.TestCase):
    TEXT = "Laut dem Zoo leben dort rund 300 Lamas."

    def test_user_lexicon_on_top_of_default(self) -> None:
        doc = claims.Document(self.TEXT, id="z", lang="de",
                              published="2024-10-18")
        plain = [c for c in claims.Extractor().extract(doc) if c.low == 300]
        self.assertTrue(plain)
        self.assertFalse(plain[0].subject_known)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lamas.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(USER_LEXICON, f)
            for spec in (path, [path]):
                ex = claims.Extractor(lang="de", lexicon=spec)
                got = [c for c in ex.extract(doc) if c.low == 300]
                self.assertEqual(got[0].subject, "lamas")
                self.assertTrue(got[0].subject_known)
                self.assertTrue(got[0].approximate)
            # The built-in subjects are still there.
            ex = claims.Extractor(lexicon=path)
            nis = claims.Document(NIS_SENTENCE, id="n", lang="de")
            self.assertEqual(ex.extract(nis)[0].subject, "troops")

    def test_lexicon_object(self) -> None:
        lex = claims.Lexicon()
        lex.load_data(json.dumps(USER_LEXICON), "lamas.json")
        ex = claims.Extractor(lexicon=lex)
        got = [c for c in ex.extract(claims.Document(self.TEXT, lang="de"))
               if c.low == 300]
        self.assertEqual(got[0].subject, "lamas")
        # Once an extractor uses it, the lexicon is read-only.
        with self.assertRaises(ValueError):
            lex.load_data(json.dumps(USER_LEXICON))

    def test_missing_lexicon_file(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Extractor(lexicon="/nonexistent/lexicon.json")
        self.assertEqual(cm.exception.code, claims.ErrorCode.IO)
        self.assertIn("/nonexistent/lexicon.json", cm.exception.message)

    def test_invalid_lexicon(self) -> None:
        with self.assertRaises(claims.Error) as cm:
            claims.Lexicon().load_data('{"subjects": 3}', "bad.json")
        self.assertEqual(cm.exception.code, claims.ErrorCode.INVALID)
        self.assertIn("bad.json", cm.exception.message)
        with self.assertRaises(claims.Error) as cm:
            claims.Lexicon().load_data('{"subjects": ', "trunc.json")
        self.assertEqual(cm.exception.code, claims.ErrorCode.PARSE)

    def test_detect_language(self) -> None:
        self.assertEqual(claims.detect_language(KIRBY_SENTENCE), "en")
        self.assertEqual(claims.detect_language(
            "Die Soldaten sind nach Angaben der Regierung in der Region."), "de")


@unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
class ThreadTest(unittest.TestCase):
    def test_shared_extractor_in_threads(self) -> None:
        """One extractor, eight threads, the seed reports: the same claims
        as a single-threaded run."""
        ex = claims.Extractor(lang="de")
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        expected = {d.id: [c.to_json() for c in ex.extract(d)] for d in docs}

        def run(doc: claims.Document) -> tuple:
            return doc.id, [c.to_json() for c in ex.extract(doc)]

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(run, docs * 40))
        self.assertEqual(len(results), len(docs) * 40)
        for doc_id, got in results:
            self.assertEqual(got, expected[doc_id])

    def test_threads_into_one_store(self) -> None:
        ex = claims.Extractor(lang="de")
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        serial = ex.extract_all(docs)
        shared = claims.Store()
        threads = [threading.Thread(target=ex.extract_to_store,
                                    args=(d, shared)) for d in docs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(shared, serial)

    def test_per_thread_stores_merge(self) -> None:
        ex = claims.Extractor(lang="de")
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        parts = [claims.Store() for _ in docs]
        threads = [threading.Thread(target=ex.extract_to_store,
                                    args=(d, s)) for d, s in zip(docs, parts)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        merged = claims.Store()
        for s in reversed(parts):
            merged.merge(s)
        self.assertEqual(merged, ex.extract_all(docs))


if __name__ == "__main__":
    unittest.main()
