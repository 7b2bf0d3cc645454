"""Security headers for the production build: a Content-Security-Policy that
allows exactly the site's own inline scripts, in every page and in `_headers`.

On `finalized`, in this order (one handler: Pelican runs the handlers of one
signal in no fixed order, and the hashes must be of the bytes as served):

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
4. `_headers` (the Netlify / Cloudflare Pages format) is written with the
   site-wide policy (every hash; 'wasm-unsafe-eval' once Pagefind's files are
   in the build) and the other headers; nginx/security-headers.conf in the repository
   is the same set for nginx (`invoke nginx-headers` writes it; a test checks
   it matches the build).

Each page is read and written once. Its minified text and scan depend on its
own bytes alone, so they are kept between builds (cache/security-headers/,
SECURITY_HEADERS_CACHE moves it, "" turns it off; shared/disk_cache.py).

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

from shared.disk_cache import Store, build_store, kept_json

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

__all__ = ["HEADERS_FILE", "finalize", "headers", "headers_file", "insert_meta", "register", "secure_output"]


def secure_output(output: Path, settings: dict, minify=None, store: Store | None = None) -> dict[str, str]:
    """Minify (when `minify` is given), hash and add the meta tag to every page of the built
    site in `output`, then write _headers; return the headers ({} when a page has
    something the policy would block). Each page is read and written once; `store`
    keeps each page's minified text and scan between builds."""
    webassembly = set(settings.get("SECURITY_HEADERS_WASM_PAGES", ())) if uses_webassembly(output) else set()
    script_hashes, style_hashes, found = set(), set(), []
    for page in sorted(output.rglob("*.html")):
        name = page.relative_to(output).as_posix()
        text, scan = _prepared(page.read_text(encoding="utf-8"), minify, store)
        script_hashes.update(scan.script_hashes)
        style_hashes.update(scan.style_hashes)
        found += [f"{name}: {problem}" for problem in scan.problems]
        meta = page_policy(
            sorted(set(scan.script_hashes)), sorted(set(scan.style_hashes)), webassembly=name in webassembly
        )
        try:
            page.write_text(insert_meta(text, meta), encoding="utf-8")
        except ValueError as error:
            logger.error("%s: %s", name, error)
    if found:
        for problem in found:
            logger.error("Content-Security-Policy would block this (move it into a file under theme/): %s", problem)
        return {}
    site_headers = headers(
        output, sorted(script_hashes), hsts=settings.get("SECURITY_HEADERS_HSTS", ""), style_hashes=sorted(style_hashes)
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


def finalize(pelican) -> None:
    settings = pelican.settings
    if not settings.get("SECURITY_HEADERS", False):
        return
    minify = minifier(settings) if settings.get("SECURITY_HEADERS_MINIFY_FIRST", False) else None
    store = build_store(settings, "SECURITY_HEADERS_CACHE", "security-headers")
    secure_output(Path(pelican.output_path), settings, minify, store)
    if store:
        store.prune()


def register():
    signals.finalized.connect(finalize)
