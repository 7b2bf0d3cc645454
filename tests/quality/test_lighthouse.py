"""Lighthouse gate: 100 in performance, accessibility, best practices and SEO, every page type.

Lighthouse runs one page at a time (the machine has two cores): a second run
on the same page only happens when the first is below 100 somewhere.
"""

from quality import lighthouse


def test_lighthouse_scores_100_in_every_category(site_page, prod_url, record_property):
    result = lighthouse.audit(prod_url + site_page.lighthouse_path)
    scores = {category: result.scores(category) for category in lighthouse.CATEGORIES}
    record_property("lighthouse", scores)
    print(f"Lighthouse {site_page.type} {site_page.lighthouse_path}: {scores}")
    problems = result.problems(site_page.type)
    assert not problems, "\n".join(problems)
