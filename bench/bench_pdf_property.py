"""The printed copy's invariants over many generated reports (the suite runs a few dozen).

Renders each generated report (tests/tools/pdfprops.py: both editions, 2–40 character agency
names, figures up to 10^6, 万元 amounts, narratives with URLs, e-mail addresses, Latin words,
dates and punctuation pairs) and checks it from the PDF's glyph positions. Prints the count,
the failures (none expected) and the median time per report.
Run: python bench/bench_pdf_property.py [EXAMPLES]   (default 2000)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings

from ogi.outputs.pdf.render import render_pdf
from tests.tools.pdfprops import reports, violations


def main(examples: int) -> int:
    times: list[float] = []
    failures: list[tuple[str, list[str]]] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(reports())
    def one(report) -> None:
        start = time.perf_counter()
        pdf = render_pdf(report)
        times.append(time.perf_counter() - start)
        found = violations(report, pdf)
        if found:
            failures.append((report.meta["agency"], found[:3]))
        if len(times) % 100 == 0:
            print(f"  … {len(times)} checked, {len(failures)} failing", flush=True)

    one()
    print(f"reports generated and checked: {len(times)}; failing: {len(failures)}")
    for agency, found in failures[:10]:
        print(f"  {agency}: {found}")
    print(f"render per report: median {statistics.median(times) * 1000:.0f} ms")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
