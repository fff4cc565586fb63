# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reconciliation through the bindings: report structure and options."""

from __future__ import annotations

import datetime
import gc
import json
import os
import unittest

from claimstest import HAVE_ENGINE, HAVE_EXTRACTOR, SEEDS, claims, quantity


def kp_store() -> "claims.Store":
    return claims.Store(claims.Claim.from_dict(d) for d in [
        quantity("001-01", 1500, 1500, speaker="NIS", published="2024-10-18"),
        quantity("002-01", 3000, None, speaker="John Kirby",
                 published="2024-10-23"),
        quantity("003-01", 10000, 10000, speaker="west", approximate=True,
                 published="2024-10-23"),
        quantity("004-01", 2000, 2000, speaker="X", published="2024-10-23"),
    ])


@unittest.skipUnless(HAVE_ENGINE, "libclaims built without the engine")
class ReconcileTest(unittest.TestCase):
    def test_relations(self) -> None:
        report = claims.reconcile(kp_store())
        self.assertIsInstance(report, claims.Report)
        rels = report.relations
        self.assertTrue(rels)
        kinds = [r.kind for r in rels]
        for k in kinds:
            self.assertIn(k, claims.RELATION_KINDS)
        # Contradictions first: the order is the order of importance.
        order = [claims.RELATION_KINDS.index(k) for k in kinds]
        self.assertEqual(order, sorted(order))
        self.assertIn("contradiction", kinds)
        self.assertEqual(report.n_contradictions, kinds.count("contradiction"))
        for r in rels:
            self.assertEqual(r.subject, "troops")
            self.assertEqual(r.actor, "KP")
            self.assertGreaterEqual(len(r.claim_ids), 2)
            self.assertTrue(1 <= r.n_first < len(r.claim_ids))
            self.assertTrue(r.explanation)

    def test_timelines_and_estimates(self) -> None:
        report = claims.reconcile(kp_store())
        tl = report.timelines
        self.assertEqual(len(tl), 1)
        self.assertEqual(tl[0].subject, "troops")
        points = tl[0].points
        self.assertGreaterEqual(len(points), 2)
        self.assertEqual(points[0].valid_from, datetime.date(2024, 10, 18))
        self.assertEqual(points[0].claim_ids, ["001-01"])
        self.assertEqual(points[0].low, 1500)
        est = report.estimates
        self.assertTrue(est)
        e = est[-1]
        self.assertEqual(e.subject, "troops")
        self.assertIsInstance(e.as_of, datetime.date)
        self.assertGreaterEqual(e.sources, 1)
        self.assertLessEqual(e.low, e.best)

    def test_to_json(self) -> None:
        report = claims.reconcile(kp_store(), policy="ucdp", tolerance=0.2)
        data = json.loads(report.to_json())
        self.assertEqual(data, report.to_dict())
        self.assertEqual(len(data["claims"]), 4)
        self.assertEqual(len(data["relations"]), len(report.relations))
        self.assertEqual(json.loads(report.to_json(pretty=True)), data)
        self.assertEqual(json.loads(report.to_json(claims=False))["claims"], [])
        self.assertEqual(report.policy, "ucdp")
        self.assertIn("contradiction", report.to_text())
        self.assertTrue(report.to_markdown())

    def test_report_outlives_store(self) -> None:
        store = kp_store()
        report = claims.reconcile(store)
        del store
        gc.collect()
        self.assertEqual(len(report.claims), 4)
        self.assertEqual(sorted(c.id for c in report.claims),
                         ["001-01", "002-01", "003-01", "004-01"])

    def test_options(self) -> None:
        for policy in claims.POLICIES:
            self.assertEqual(claims.reconcile(kp_store(), policy=policy).policy,
                             policy)
        with self.assertRaises(ValueError):
            claims.reconcile(kp_store(), policy="mean")
        with self.assertRaises(ValueError):
            claims.reconcile(kp_store(), tolerance=-1)
        with self.assertRaises(TypeError):
            claims.reconcile([])  # type: ignore[arg-type]
        only = claims.reconcile(kp_store(), subject="missiles")
        self.assertEqual(only.relations, [])

    def test_empty_store(self) -> None:
        report = claims.reconcile(claims.Store())
        self.assertEqual(report.relations, [])
        self.assertEqual(report.estimates, [])
        self.assertEqual(report.n_contradictions, 0)

    def test_concurrent_reconcile(self) -> None:
        """Several threads reconcile one shared store at once."""
        from concurrent.futures import ThreadPoolExecutor
        store = kp_store()
        expected = claims.reconcile(store).to_json()
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda _: claims.reconcile(store).to_json(),
                                range(64)))
        self.assertEqual(got, [expected] * 64)

    @unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
    def test_seeds(self) -> None:
        docs = claims.Document.load_meta(os.path.join(SEEDS, "meta.json"))
        store = claims.Extractor(lang="de").extract_all(docs)
        with claims.reconcile(store) as report:
            self.assertTrue(report.relations)
            self.assertTrue(any(t.subject == "troops" for t in report.timelines))
        self.assertTrue(report.closed)


if __name__ == "__main__":
    unittest.main()
