"""Author and developer tasks. `invoke --list` shows them; each one is a thin
wrapper around a function in site_tools/, where the logic (and its tests) live."""

import shutil
import sys

from invoke import task

from site_tools import ROOT, content_report, new_content, nginx_headers
from site_tools import publish as site_publish
from site_tools.check import run_check
from site_tools.check.report import format_report
from site_tools.livereload_server import serve_with_livereload
from site_tools.preview import OUTPUT, checked_build
from site_tools.server import serve_forever


@task
def check(c):
    """Check the content: every problem as file:line with a fix hint; fails if there is any."""
    result = run_check()
    print(format_report(result))
    if not result.ok:
        sys.exit(1)


@task
def report(c):
    """List every post's length and links against the editorial targets; information only, never fails."""
    print(content_report.format_report(content_report.collect()))


@task
def clean(c):
    """Delete the built site (output/) and what builds keep (cache/); the next build starts from nothing. Content is never touched."""
    shutil.rmtree(OUTPUT, ignore_errors=True)
    shutil.rmtree(ROOT / "cache", ignore_errors=True)


@task
def build(c):
    """Check, then build the preview into output/ (drafts and scheduled posts included, marked)."""
    preview = checked_build()
    if not (preview.built and preview.clean):
        sys.exit(1)


@task(help={"port": "Port on 127.0.0.1 (default 8000)."})
def serve(c, port=8000):
    """Check and build, then serve output/ on http://127.0.0.1:8000 (no live reload)."""
    if not checked_build().built:
        sys.exit(1)
    serve_forever(OUTPUT, port=int(port))


@task(help={"port": "Port on 127.0.0.1 (default 8000)."})
def livereload(c, port=8000):
    """Check, build, serve on http://127.0.0.1:8000; rebuild and reload the browser on every change."""
    serve_with_livereload(port=int(port))


@task(help={"title": 'The post\'s title, in quotes: invoke new-post "Naslov posta"'})
def new_post(c, title):
    """Create content/posts/<slug>.md as a draft with a full header; print its path and preview URL."""
    _create(new_content.new_post, title)


@task(
    help={
        "title": 'The page\'s title, in quotes: invoke new-faq "Česta pitanja o ceni"',
        "kind": "questions (questions and answers, the default) or myths (myths and facts)",
    }
)
def new_faq(c, title, kind="questions"):
    """Create content/faq/<slug>.md (questions or myths) as a draft; print its path and preview URL."""
    _create(new_content.new_faq, title, kind=kind)


@task(help={"dry_run": "Show what would be added, changed and removed on the live site; change nothing."})
def publish(c, dry_run=False):
    """Check, build for production, check links and HTML, then deploy (target: README "Publishing")."""
    if not site_publish.publish(dry_run=dry_run):
        sys.exit(1)


@task
def rollback(c):
    """Make the version that was live before the current one live again (one step back per run)."""
    if not site_publish.rollback():
        sys.exit(1)


@task(name="nginx-headers")
def nginx_headers_task(c):
    """Write nginx/security-headers.conf from a production build (after changing an inline script or the policy)."""
    path = nginx_headers.write_nginx_conf()
    print(path.relative_to(ROOT))


def _create(create, title, **options):
    try:
        path, preview = create(title, **options)
    except FileExistsError as error:
        sys.exit(f"Greška: {error.filename} već postoji; izaberite drugi naslov ili izmenite taj fajl.")
    except ValueError as error:
        sys.exit(f"Greška: {error}")
    print(path.relative_to(ROOT))
    print(f"Pregled (dok radi `make`): {preview}")


@task(
    help={
        "posts": "Synthetic posts added to a copy of the site (default 1000).",
        "no_stock": "Leave out stock Pelican (no virtualenv is installed).",
        "stock_python": "A Python that has requirements-bench.txt already, instead of a new virtualenv.",
        "rounds": "Measure each build this many times, interleaved (default 1); the table shows the median (of two, the faster).",
        "json": "Where to write the JSON (default cache/bench/latest.json).",
    }
)
def bench(c, posts=1000, no_stock=False, stock_python=None, rounds=1, json=None):
    """Build speed at scale: ours against stock Pelican + typogrify (and Hugo if installed); table and JSON."""
    from site_tools.bench import DEFAULT_JSON, run_bench

    result = run_bench(
        posts=int(posts),
        compare_stock=not no_stock,
        stock_python=stock_python,
        rounds=int(rounds),
        json_path=json or DEFAULT_JSON,
    )
    if not result["ok"]:
        sys.exit(1)
