"""Security headers for the production build: a Content-Security-Policy that
allows exactly the site's own inline scripts, in every page and in `_headers`.

For each page, in this order (the hashes must be of the bytes as served):

1. every .html file is minified with minify-html (SECURITY_HEADERS_MINIFY_FIRST,
   HTML_MIN = False turns it off, INLINE_CSS_MIN and INLINE_JS_MIN its inline CSS and JS);
2. every page's inline scripts (the minified text) are hashed, sha256, into
   one site-wide policy (policy.py);
3. each page gets `<meta http-equiv="Content-Security-Policy">` right after
   `<meta charset>`, so the policy holds on hosts that send no headers (plain
   object storage): the page's own policy, with only the hashes of its own
   inline scripts and styles and, on the pages SECURITY_HEADERS_WASM_PAGES
   lists (the search page), 'wasm-unsafe-eval' (without frame-ancestors,
   which a meta tag cannot carry); a hash is about 50 bytes, so a policy of
   every page's hashes would weigh on every page;
4. on `finalized`, `_headers` (the Netlify / Cloudflare Pages format) is written with the
   site-wide policy (every hash; 'wasm-unsafe-eval' once Pagefind's files are
   in the build) and the other headers; nginx/security-headers.conf in the repository
   is the same set for nginx (`invoke nginx-headers` writes it; a test checks
   it matches the build).

Steps 1–3 run as Pelican writes each page (`start` hands `Securer.finish_written`
to shared/output.py), so the page is written once, in its final form. Pages
read again after they are written wait for `finalized` and are done there,
after Pagefind: a page Pagefind indexes (it must read the page as rendered)
and the search page (its policy depends on Pagefind's files). Every page's
text, as written and as finished, is kept in cache/finished-pages/
(FINISHED_PAGE_CACHE, "" turns it off) and hard-linked into the output: on
this machine, writing a file into a new folder costs about 0.5 ms and a hard
link 0.01 ms, and a production build starts from an empty folder. A page's
minified text and scan depend on its own bytes alone, so they are kept between builds
(cache/security-headers/, SECURITY_HEADERS_CACHE moves it, "" turns it off;
shared/disk_cache.py).

A changed inline script needs nothing from anyone: its new hash is computed
on the next build. What a hash cannot allow fails the build instead of being
blocked in readers' browsers: an inline event handler (onclick=…), a
javascript: URL or a style="" attribute. A <style> element is hashed into
style-src like a script.
"""

import json
import logging
from functools import partial
from pathlib import Path

import minify_html
from pelican import signals

from shared.disk_cache import FilePool, Store, build_store, kept_json
from shared.output import finish_pages_with, in_output, put, stop_finishing

from .policy import (
    HEADERS_FILE,
    PageScan,
    headers,
    headers_file,
    insert_meta,
    page_policy,
    scan_page,
    uses_webassembly,
)

logger = logging.getLogger(__name__)

INDEXED_MARK = "data-pagefind-body"  # plugins/search: the text of a page Pagefind indexes

__all__ = ["HEADERS_FILE", "finalize", "headers", "headers_file", "insert_meta", "register", "secure_output"]


class Securer:
    """One build's pages made as served (minified, each with its own policy), and the hashes _headers needs."""

    def __init__(
        self, settings: dict, output: Path, minify=None, store: Store | None = None, pool: FilePool | None = None
    ):
        self.output, self.minify, self.store, self.pool = Path(output), minify, store, pool
        self.wasm_pages = set(settings.get("SECURITY_HEADERS_WASM_PAGES", ()))
        self.script_hashes: set[str] = set()
        self.style_hashes: set[str] = set()
        self.found: list[str] = []  # what the policy would block, by page
        self.done: set[str] = set()  # pages made final as they were written

    def final(self, name: str, html: str, webassembly: bool = False) -> str | None:
        """The page as served; None (and the reason logged) when it has no <meta charset> to follow."""
        text, scan = _prepared(html, self.minify, self.store)
        self.script_hashes.update(scan.script_hashes)
        self.style_hashes.update(scan.style_hashes)
        self.found += [f"{name}: {problem}" for problem in scan.problems]
        meta = page_policy(sorted(set(scan.script_hashes)), sorted(set(scan.style_hashes)), webassembly=webassembly)
        try:
            return insert_meta(text, meta)
        except ValueError as error:
            logger.error("%s: %s", name, error)
            return None

    def finish_written(self, path, html: str) -> str | None:
        """For shared/output.py, as Pelican writes a page: its final text, so the page is created once.

        Not for a page outside the output, nor one that waits for Pagefind: the
        search page (allowed WebAssembly once Pagefind's files are there) and a
        page Pagefind indexes (marked data-pagefind-body): Pagefind reads it as
        rendered, since minifying drops the white space between blocks and
        Pagefind would then join a paragraph's last word to the next one's first."""
        name = in_output(path, self.output)
        if name is None or name in self.wasm_pages or INDEXED_MARK in html:
            return None
        self.done.add(name)
        return self.final(name, html)


def secure_output(
    output: Path, settings: dict, minify=None, store: Store | None = None, securer: Securer | None = None
) -> dict[str, str]:
    """Minify (when `minify` is given), hash and add the meta tag to every page of the built
    site in `output` that `securer` has not made final as it was written, then write _headers;
    return the headers ({} when a page has something the policy would block). Each page is read
    and written once; `store` keeps each page's minified text and scan between builds."""
    securer = securer or Securer(settings, output, minify, store)
    webassembly = securer.wasm_pages if uses_webassembly(output) else set()
    for page in sorted(output.rglob("*.html")):
        name = page.relative_to(output).as_posix()
        if name not in securer.done:
            final = securer.final(name, page.read_text(encoding="utf-8"), webassembly=name in webassembly)
            if final is not None:
                put(page, final, securer.pool)
    if securer.found:
        for problem in securer.found:
            logger.error("Content-Security-Policy would block this (move it into a file under theme/): %s", problem)
        return {}
    site_headers = headers(
        output,
        sorted(securer.script_hashes),
        hsts=settings.get("SECURITY_HEADERS_HSTS", ""),
        style_hashes=sorted(securer.style_hashes),
    )
    (output / HEADERS_FILE).write_text(headers_file(site_headers), encoding="utf-8")
    return site_headers


def _prepared(html: str, minify, store: Store | None) -> tuple[str, PageScan]:
    """The page as served (minified) and its scan: from `store` when this exact page was seen before."""

    def prepared():
        text = minify(html) if minify else html
        return [text, list(scan_page(text))]

    text, scan = kept_json(store, json.dumps([minify is not None, html], ensure_ascii=False), prepared)
    return text, PageScan(*scan)


def minifier(settings: dict):
    """minify-html as the settings ask (HTML_MIN, INLINE_CSS_MIN, INLINE_JS_MIN; the names pelican-minify used)."""
    if not settings.get("HTML_MIN", True):
        return None
    return partial(
        minify_html.minify,
        minify_css=settings.get("INLINE_CSS_MIN", True),
        minify_js=settings.get("INLINE_JS_MIN", True),
    )


_securers: list[Securer] = []  # this build's, from `initialized` to `finalized`


def start(pelican) -> None:
    """In a build with security headers, each page is made final as Pelican writes it
    (shared/output.py), and linked from cache/finished-pages/ when it was made before."""
    settings = pelican.settings
    if not settings.get("SECURITY_HEADERS", False):
        return
    minify = minifier(settings) if settings.get("SECURITY_HEADERS_MINIFY_FIRST", False) else None
    store = build_store(settings, "SECURITY_HEADERS_CACHE", "security-headers")
    pool = build_store(settings, "FINISHED_PAGE_CACHE", "finished-pages", kind=FilePool)
    if _securers:  # an earlier build in this process that stopped before its end
        stop_finishing(_securers.pop().finish_written)
    _securers[:] = [Securer(settings, Path(pelican.output_path), minify, store, pool)]
    finish_pages_with(_securers[0].finish_written, pool)


def finalize(pelican) -> None:
    settings = pelican.settings
    if not settings.get("SECURITY_HEADERS", False) or not _securers:
        return
    securer = _securers.pop()
    stop_finishing(securer.finish_written)
    secure_output(Path(pelican.output_path), settings, securer=securer)
    for store in (securer.store, securer.pool):
        if store:
            store.prune()


def register():
    signals.initialized.connect(start)
    signals.finalized.connect(finalize)
