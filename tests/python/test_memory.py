# SPDX-License-Identifier: LGPL-2.1-or-later
"""Memory: 100,000 extract calls must not make the process grow.

Registered in the 'slow' suite. The resident set size is read from
/proc/self/statm after a warm-up and again at the end; a leak of even one
claim per call would add tens of MiB, far above the bound.
"""

from __future__ import annotations

import gc
import os
import resource
import unittest

from claimstest import HAVE_EXTRACTOR, NIS_SENTENCE, claims, rss_pages

CALLS = int(os.environ.get("CLAIMS_MEMORY_CALLS", "100000"))
BOUND_MIB = 8.0
PAGE = resource.getpagesize()


def mib(pages: int) -> float:
    return pages * PAGE / (1024 * 1024)


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc")
class MemoryTest(unittest.TestCase):
    @unittest.skipUnless(HAVE_EXTRACTOR, "libclaims built without the extractor")
    def test_extract_does_not_grow(self) -> None:
        ex = claims.Extractor(lang="de")
        doc = claims.Document(NIS_SENTENCE + " Kirby sprach von mindestens "
                              "3.000 Soldaten.", id="m", published="2024-10-18",
                              lang="de")

        def once(i: int) -> None:
            found = ex.extract(doc)
            assert found
            if i % 10 == 0:
                # Also wrap fresh documents and read every attribute.
                d = claims.Document(NIS_SENTENCE, id=f"d{i % 97}")
                for c in ex.extract(d):
                    c.to_dict()
                    (c.subject, c.low, c.high, c.valid_from, c.text)

        for i in range(2000):
            once(i)
        gc.collect()
        before = rss_pages()
        for i in range(CALLS):
            once(i)
        gc.collect()
        after = rss_pages()
        growth = mib(after - before)
        print(f"\nRSS over {CALLS} extract calls: {mib(before):.1f} MiB -> "
              f"{mib(after):.1f} MiB (growth {growth:+.2f} MiB, "
              f"bound {BOUND_MIB} MiB)")
        self.assertLess(growth, BOUND_MIB)

    def test_errors_do_not_grow(self) -> None:
        """GErrors are freed: 100,000 failing parses."""
        def once() -> None:
            try:
                claims.Claim.from_json('{"id": 3}')
            except claims.Error:
                pass

        for _ in range(2000):
            once()
        gc.collect()
        before = rss_pages()
        for _ in range(CALLS):
            once()
        gc.collect()
        growth = mib(rss_pages() - before)
        print(f"\nRSS over {CALLS} failing parses: growth {growth:+.2f} MiB")
        self.assertLess(growth, BOUND_MIB)

    def test_store_round_trips_do_not_grow(self) -> None:
        from claimstest import quantity
        data = claims.Claim.from_dict(quantity("001-01", 1, 2)).to_json()

        def once() -> None:
            s = claims.Store()
            s.loads(data + "\n")
            for c in s:
                c.to_dict()
            s.to_jsonl()

        for _ in range(1000):
            once()
        gc.collect()
        before = rss_pages()
        for _ in range(CALLS // 5):
            once()
        gc.collect()
        growth = mib(rss_pages() - before)
        print(f"\nRSS over {CALLS // 5} store round trips: growth {growth:+.2f} MiB")
        self.assertLess(growth, BOUND_MIB)


if __name__ == "__main__":
    unittest.main(verbosity=2)
