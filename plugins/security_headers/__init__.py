"""Security headers for the production build: a Content-Security-Policy that
allows exactly the site's own inline scripts, in every page and in `_headers`.

On `finalized`, in this order (one handler: Pelican runs the handlers of one
signal in no fixed order, and the hashes must be of the bytes as served):

1. pelican-minify rewrites every .html file (SECURITY_HEADERS_MINIFY_FIRST;
   publishconf.py lists this plugin instead of pelican.plugins.minify);
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

A changed inline script needs nothing from anyone: its new hash is computed
on the next build. What a hash cannot allow fails the build instead of being
blocked in readers' browsers: an inline event handler (onclick=…), a
javascript: URL or a style="" attribute. A <style> element is hashed into
style-src like a script.
"""

import logging
from pathlib import Path

from pelican import signals

from .policy import (
    HEADERS_FILE,
    headers,
    headers_file,
    insert_meta,
    page_policy,
    scan_page,
    uses_webassembly,
)

logger = logging.getLogger(__name__)

__all__ = ["HEADERS_FILE", "finalize", "headers", "headers_file", "insert_meta", "register", "secure_output"]


def secure_output(output: Path, settings: dict) -> dict[str, str]:
    """Hash, add the meta tags and write _headers for the built site in `output`; return the headers."""
    pages = sorted(output.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    scans = {page: scan_page(text) for page, text in texts.items()}
    found = [f"{page.relative_to(output)}: {problem}" for page, scan in scans.items() for problem in scan.problems]
    if found:
        for problem in found:
            logger.error("Content-Security-Policy would block this (move it into a file under theme/): %s", problem)
        return {}
    site_headers = headers(
        output,
        sorted({digest for scan in scans.values() for digest in scan.script_hashes}),
        hsts=settings.get("SECURITY_HEADERS_HSTS", ""),
        style_hashes=sorted({digest for scan in scans.values() for digest in scan.style_hashes}),
    )
    webassembly = set(settings.get("SECURITY_HEADERS_WASM_PAGES", ())) if uses_webassembly(output) else set()
    for page, text in texts.items():
        name = page.relative_to(output).as_posix()
        scan = scans[page]
        meta = page_policy(
            sorted(set(scan.script_hashes)), sorted(set(scan.style_hashes)), webassembly=name in webassembly
        )
        try:
            page.write_text(insert_meta(text, meta), encoding="utf-8")
        except ValueError as error:
            logger.error("%s: %s", page.relative_to(output), error)
    (output / HEADERS_FILE).write_text(headers_file(site_headers), encoding="utf-8")
    return site_headers


def finalize(pelican) -> None:
    settings = pelican.settings
    if not settings.get("SECURITY_HEADERS", False):
        return
    if settings.get("SECURITY_HEADERS_MINIFY_FIRST", False):
        from pelican.plugins.minify import Minify

        Minify(pelican)
    secure_output(Path(pelican.output_path), settings)


def register():
    signals.finalized.connect(finalize)
