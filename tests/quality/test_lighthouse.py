"""Lighthouse gate: 100 in performance, accessibility, best practices and SEO, every page type.

Lighthouse runs one page at a time (the machine has two cores), two or three
times a page: performance is judged by the median of three runs (lighthouse.audit).
"""

from quality import lighthouse


def test_lighthouse_scores_100_in_every_category(site_page, prod_url, record_property):
    result = lighthouse.audit(prod_url + site_page.lighthouse_path)
    scores = {category: result.scores(category) for category in lighthouse.CATEGORIES}
    record_property("lighthouse", scores)
    print(f"Lighthouse {site_page.type} {site_page.lighthouse_path}: {scores}")
    problems = result.problems(site_page.type)
    assert not problems, "\n".join(problems)


def test_runs_stop_only_once_the_median_of_three_is_decided():
    decided = lighthouse._median_decided
    assert not decided([], 3) and not decided([100], 3) and not decided([97], 3) and not decided([100, 97], 3)
    assert decided([100, 100], 3) and decided([97, 98], 3) and decided([97, 100, 100], 3) and decided([100, 97, 96], 3)
