"""Lighthouse 12.2.3 (mobile, default simulated throttling) on one page.

Asserted: what the page decides. 100 in accessibility, best practices and SEO;
in performance, every audit of the page's bytes, markup and layout, and a
largest contentful paint inside the good line. Reported: the performance score
and the timings Lighthouse takes from this machine's CPU (HOST_TIMED).
"""

import json
import os
import statistics
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Categories that judge the page's markup: the same score every run.
MARKUP_CATEGORIES = ("accessibility", "best-practices", "seo")
# A hang guard for one run (a run takes about 15 s), not a speed check.
RUN_TIMEOUT = 300


class LighthouseError(RuntimeError):
    pass


def run(url: str) -> dict:
    """One Lighthouse run; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise LighthouseError(
            f"Lighthouse gave no report for {url} (exit {result.returncode}):\n{result.stderr[-2000:]}"
        ) from error
    if report.get("runtimeError"):
        raise LighthouseError(f"Lighthouse could not audit {url}: {report['runtimeError']['message']}")
    return report


def score(report: dict, category: str) -> int:
    """The 0–100 score the report shows (JavaScript's Math.round, halves up)."""
    value = report["categories"][category]["score"]
    return int(value * 100 + 0.5) if value is not None else 0


def failing_audits(report: dict, category: str) -> list[str]:
    """Audits that cost points in `category`: "id — title (value): what failed"."""
    return _lines(report, category, lambda ref, audit: ref.get("weight", 0) > 0 and (_error(audit) or _below_1(audit)))


def _lines(report: dict, category: str, fails) -> list[str]:
    """A message line for each audit of `category` that `fails(ref, audit)`."""
    audits = ((ref, report["audits"][ref["id"]]) for ref in report["categories"][category]["auditRefs"])
    return [audit_line(audit) for ref, audit in audits if fails(ref, audit)]


def _below_1(audit: dict) -> bool:
    return audit.get("score") is not None and audit["score"] < 1


def _error(audit: dict) -> bool:
    return audit["scoreDisplayMode"] == "error"


def audit_line(audit: dict) -> str:
    """One failing audit for a message: "id — title (value), score 0.50: what it flags"."""
    if _error(audit):
        return f"{audit['id']} — {audit['title']}: Lighthouse could not run it: {audit.get('errorMessage', '?')}"
    value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
    items = "; ".join(audit_items(audit))
    return f"{audit['id']} — {audit['title']}{value}, score {audit['score']:.2f}" + (f": {items}" if items else "")


def audit_items(audit: dict, limit: int = 5) -> list[str]:
    """The first few things an audit flags (a console message, a URL, an element)."""
    found = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        location = item.get("sourceLocation") or {}
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        parts = (item.get("description"), item.get("url") or location.get("url"), node.get("selector"))
        line = " ".join(str(part) for part in parts if part)
        if line:
            found.append(line)
    return found


# Performance audits that time work on this machine. Lighthouse slows the CPU
# work it observed four times and reads speed from the observed load, so a busy
# host scores the same bytes lower: the article page scores 100 idle, 96 to 99
# with half a core (cgroup CPU quota), 74 to 86 with a quarter. They are reported,
# not asserted: page speed is held by the first-view and script budgets
# (test_budget.py), by the performance audits not listed here, and by LCP_GOOD_MS.
HOST_TIMED = frozenset(
    {
        "first-contentful-paint",
        "largest-contentful-paint",  # asserted against LCP_GOOD_MS instead
        "speed-index",
        "total-blocking-time",
        "interactive",
        "max-potential-fid",
        "bootup-time",
        "mainthread-work-breakdown",
        "server-response-time",
    }
)
NOT_ASSERTED = frozenset(
    {
        # The web server's cache headers, not the site's (the test server sends none;
        # site_tools/deploy/s3_rules.py sets them for object storage, tested in test_publish_s3.py).
        "uses-long-cache-ttl",
        # The srcset judged for Lighthouse's one phone: 412 px wide at DPR 1.75, whose
        # column (100vw - 2rem, 380 px) needs a 665 px image, so it takes the 768 px
        # one: 13 KiB more on the photo post's upright photo. The widths (480, 768,
        # 1080, 1440) serve real phones; test_photos.py checks a 375 px phone at DPR 2.
        "uses-responsive-images",
    }
)
# Lighthouse 12 cannot run these with Debian's Chromium 156 ("Cannot read
# properties of undefined (reading 'frame_sequence')"), so they score nothing.
# Any other audit that cannot run fails the gate, with Lighthouse's message;
# these are asserted like the rest once they run again.
KNOWN_BROKEN = frozenset(
    {
        "render-blocking-resources",
        "largest-contentful-paint-element",
        "lcp-lazy-loaded",
        "prioritize-lcp-image",
        "layout-shifts",
        "non-composited-animations",
    }
)
# Core Web Vitals' "good" line for the largest contentful paint. Measured here:
# about 1 s idle (1.5 s for search results, which JavaScript draws, 1.4 s for the
# photo post's photo); 2.1 s at worst with the tests held to half a core; 2.4 s
# for search results with a quarter, where Lighthouse warns the host is too slow.
LCP_GOOD_MS = 2500
SCORED = ("binary", "numeric", "metricSavings")


def page_audit_failures(report: dict) -> list[str]:
    """Performance audits that judge the page (its bytes, markup and layout) and fail in `report`,
    or that Lighthouse could not run (but for KNOWN_BROKEN)."""

    def fails(_ref, audit):
        if audit["id"] in HOST_TIMED or audit["id"] in NOT_ASSERTED:
            return False
        return (audit["scoreDisplayMode"] in SCORED and _below_1(audit)) or (
            _error(audit) and audit["id"] not in KNOWN_BROKEN
        )

    return _lines(report, "performance", fails)


def lcp_ms(report: dict) -> float:
    """The run's largest contentful paint; infinity when Lighthouse could not measure it."""
    return report["audits"]["largest-contentful-paint"].get("numericValue", float("inf"))


def page_is_fast(report: dict) -> bool:
    """The run's verdict on what the page decides: every page audit passes and LCP is good."""
    return not page_audit_failures(report) and lcp_ms(report) <= LCP_GOOD_MS


@dataclass
class PageAudit:
    url: str
    reports: list[dict]

    def scores(self, category: str) -> list[int]:
        return [score(report, category) for report in self.reports]

    def median(self, category: str) -> int:
        return int(statistics.median(self.scores(category)))

    def timings(self) -> dict[str, list[str]]:
        """What this host measured, run by run: the performance score, its metrics, the host's CPU index."""
        shown = {"performance": [str(score) for score in self.scores("performance")]}
        for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index"):
            shown[metric] = [report["audits"][metric].get("displayValue", "?") for report in self.reports]
        shown["benchmarkIndex"] = [str(round(report["environment"]["benchmarkIndex"])) for report in self.reports]
        return shown

    def problems(self, name: str) -> list[str]:
        """One paragraph per category that fails: below 100 in the categories that read the
        page's markup; in performance, failing page audits or a slow LCP in most runs."""
        found = []
        for category in MARKUP_CATEGORIES:
            if self.median(category) == 100:
                continue
            audits = sorted({line for report in self.reports for line in failing_audits(report, category)})
            found.append(
                f"{name} ({self.url}): {category} {self.median(category)} "
                f"(median of runs {self.scores(category)}); failing audits:\n    " + "\n    ".join(audits)
            )
        fast = [page_is_fast(report) for report in self.reports]
        if sum(fast) <= len(fast) // 2:
            audits = sorted({line for report in self.reports for line in page_audit_failures(report)})
            lcps = [f"{lcp_ms(report) / 1000:.1f} s" for report in self.reports]
            cpu = self.timings()["benchmarkIndex"]
            found.append(
                f"{name} ({self.url}): performance fails in {len(fast) - sum(fast)} of {len(fast)} runs; "
                f"largest contentful paint {lcps} (good: at most {LCP_GOOD_MS / 1000:.1f} s; "
                f"Lighthouse's CPU index {cpu}, about 3000 on an idle machine); failing audits:\n    "
                + "\n    ".join(audits or ["(none: only the paint is late)"])
            )
        return found


@contextmanager
def measuring_priority(step: int = 10):
    """Raise this process's CPU priority (inherited by Lighthouse, its Chromium
    and the test server's thread) while measuring, where allowed (root).

    Lighthouse simulates a mid-range phone by slowing the *observed* CPU work
    four times; it assumes the host is otherwise idle. When other jobs share
    the cores, the observed work stretches and performance drops for reasons
    that have nothing to do with the page. Priority keeps the measurement near
    that assumption; on an idle CI machine it changes nothing.
    """
    try:
        os.nice(-step)
        raised = True
    except PermissionError:
        raised = False
    try:
        yield
    finally:
        if raised:
            os.nice(step)


def audit(url: str, runs: int = 3) -> PageAudit:
    """Run Lighthouse until most of `runs` runs agree on the page's performance verdict.

    LCP is measured, so it is noisy on a busy machine: the verdict is the
    majority of three runs. Runs stop once more could not change it (two runs
    that pass, or two that fail), so a page that passes only now and then
    passes no more often than three runs every time would let it. The other
    categories check the page's markup and give the same result every run.
    """
    with measuring_priority():
        result = PageAudit(url, [])
        while not _majority_decided([page_is_fast(report) for report in result.reports], runs):
            result.reports.append(run(url))
    return result


def _majority_decided(verdicts: list[bool], runs: int) -> bool:
    """Whether most of `runs` verdicts pass, or most fail, whatever the verdicts still to come."""
    needed = runs // 2 + 1  # verdicts on one side that fix the majority there
    passed = sum(verdicts)
    return passed >= needed or len(verdicts) - passed >= needed or len(verdicts) >= runs
