"""The site's security headers, decided in this one place.

script-src is 'self' plus the sha256 hash of every inline script the build
wrote, and style-src 'self' plus the hash of every <style> element (a page's
own small stylesheet, such as the search page's); never 'unsafe-inline'.
Pagefind search runs WebAssembly: once the built site has Pagefind's files,
script-src also gets 'wasm-unsafe-eval' (see `script_sources`; Pagefind must
have indexed the output before the headers are written).

The headers (_headers, nginx) carry the site-wide policy, every hash of the
site; each page's <meta> carries only what that page uses (`page_policy`),
which keeps every page small and each page's policy as strict as it can be.
Anything else the site ever needs goes into DIRECTIVES.
"""

import base64
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

HEADERS_FILE = "_headers"

DIRECTIVES = [  # (directive, sources); script-src and style-src get the hashes
    ("default-src", ["'self'"]),
    ("script-src", ["'self'"]),
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),  # data: for the inline SVG favicon
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'self'"]),
    ("frame-ancestors", ["'none'"]),  # header only: a <meta> policy cannot carry it
]
WASM = "'wasm-unsafe-eval'"
META_IGNORED = {"frame-ancestors", "report-uri", "sandbox"}
# Features the site never uses, turned off for it and anything it could embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
}
# <script type=…> values a browser runs (and CSP governs); any other type is a data block (JSON-LD).
SCRIPT_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "application/x-javascript",
    "text/jscript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
EVENT_HANDLER = re.compile(r"^on[a-z]+$")
CHARSET_META = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
CSP_META = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?Content-Security-Policy[\"']?[^>]*>", re.IGNORECASE)


def uses_webassembly(output: Path) -> bool:
    """True once Pagefind has written its files (its search runs WebAssembly)."""
    return (output / "pagefind").is_dir() or any(output.glob("pagefind*.js"))


def hash_sources(hashes) -> list[str]:
    return ["'self'", *(f"'sha256-{digest}'" for digest in hashes)]


def script_sources(output: Path, hashes: list[str]) -> list[str]:
    sources = hash_sources(hashes)
    if uses_webassembly(output):
        sources.append(WASM)
    return sources


def content_security_policy(scripts: list[str], styles: list[str] | None = None) -> str:
    chosen = {"script-src": scripts, "style-src": styles or ["'self'"]}
    return "; ".join(" ".join([directive, *chosen.get(directive, sources)]) for directive, sources in DIRECTIVES)


def headers(output: Path, hashes: list[str], hsts: str = "", style_hashes: list[str] = ()) -> dict[str, str]:
    """Every header the site should be served with (HSTS only when opted in)."""
    policy = content_security_policy(script_sources(output, hashes), hash_sources(style_hashes))
    found = {"Content-Security-Policy": policy, **OTHER_HEADERS}
    if hsts:
        found["Strict-Transport-Security"] = hsts
    return found


def page_policy(script_hashes: list[str], style_hashes: list[str], webassembly: bool = False) -> str:
    """One page's <meta> policy: only the hashes of its own inline scripts and
    styles, and 'wasm-unsafe-eval' only where `webassembly` (the search page)."""
    scripts = hash_sources(script_hashes) + ([WASM] if webassembly else [])
    return meta_policy(content_security_policy(scripts, hash_sources(style_hashes)))


def meta_policy(policy: str) -> str:
    """The policy as a <meta> tag may carry it (no frame-ancestors, report-uri or sandbox)."""
    kept = [part.strip() for part in policy.split(";") if part.split() and part.split()[0] not in META_IGNORED]
    return "; ".join(kept)


def headers_file(site_headers: dict[str, str]) -> str:
    """_headers in the Netlify / Cloudflare Pages format: every path gets them all."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in site_headers.items())


def parse_headers_file(text: str) -> dict[str, str]:
    """The headers of the `/*` block of a _headers file."""
    found, in_block = {}, False
    for line in text.splitlines():
        if line and not line[0].isspace():
            in_block = line.strip() == "/*"
        elif in_block and ":" in line:
            name, _, value = line.strip().partition(":")
            found[name.strip()] = value.strip()
    return found


def nginx_conf(site_headers: dict[str, str]) -> str:
    """The same headers for nginx: `include` it in the site's server block."""
    lines = [
        "# Security headers for VA vodič: the same as the production build's _headers",
        "# (plugins/security_headers). Written by `.venv/bin/invoke nginx-headers`;",
        "# tests/test_security_headers.py fails when it no longer matches the build.",
        "#",
        "# include /path/to/nginx/security-headers.conf;  (in the server block)",
        "# nginx drops these in any location that has add_header lines of its own:",
        "# include the file there too.",
        "",
    ]
    lines += [
        f'add_header {name} "{value}" always;'
        for name, value in site_headers.items()
        if name != "Strict-Transport-Security"
    ]
    hsts = site_headers.get("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    lines += [
        "",
        "# HSTS is opt-in: turn it on only once the site (and, with includeSubDomains,",
        "# every subdomain) works over HTTPS; browsers then refuse plain HTTP for max-age.",
        f'# add_header Strict-Transport-Security "{hsts}" always;',
    ]
    return "\n".join(lines) + "\n"


def script_hash(text: str) -> str:
    """Base64 sha256 of a script's text as the browser hashes it (newlines normalised, UTF-8)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode("ascii")


class _Scan(NamedTuple):
    scripts: list[str]
    styles: list[str]
    problems: list[str]


def _scan(html: str) -> _Scan:
    """One parse, as a browser parses (lexbor: thousands of pages a second, html.parser a few hundred)."""
    found = _Scan([], [], [])
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        tag, attributes = node.tag, node.attributes
        for name, value in attributes.items():
            if EVENT_HANDLER.match(name):
                found.problems.append(f"<{tag} {name}=…> (inline event handler)")
            elif name == "style":
                found.problems.append(f"<{tag} style=…> (style attribute)")
            elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                found.problems.append(f"<{tag} {name}=javascript:…>")
        kind = (attributes.get("type") or "").strip().lower()
        if tag == "script" and "src" not in attributes and kind in SCRIPT_TYPES:
            found.scripts.append(node.text(deep=True))
        elif tag == "style":
            found.styles.append(node.text(deep=True))
    return found


class PageScan(NamedTuple):
    script_hashes: list[str]  # sha256 of each inline script a browser would run
    style_hashes: list[str]  # sha256 of each <style> element (hashed like a script)
    problems: list[str]  # what a hash-based policy would block


def scan_page(html: str) -> PageScan:
    """Everything the policy needs from one page, from one parse of it (a large site has thousands)."""
    found = _scan(html)
    return PageScan(
        [script_hash(text) for text in found.scripts], [script_hash(text) for text in found.styles], found.problems
    )


def inline_script_hashes(html: str) -> list[str]:
    """The sha256 of each inline script a browser would run in this page."""
    return [script_hash(text) for text in _scan(html).scripts]


def inline_style_hashes(html: str) -> list[str]:
    """The sha256 of each <style> element in this page (hashed like a script)."""
    return [script_hash(text) for text in _scan(html).styles]


def problems(html: str) -> list[str]:
    """What a hash-based policy would block in this page."""
    return _scan(html).problems


def insert_meta(html: str, policy: str) -> str:
    """`html` with <meta http-equiv="Content-Security-Policy"> right after <meta charset> (replacing one already there)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html = CSP_META.sub("", html)
    charset = CHARSET_META.search(html)
    if not charset:
        raise ValueError("no <meta charset> to put the Content-Security-Policy after")
    if "<script" in html[: charset.start()].lower():
        raise ValueError("a <script> comes before <meta charset>: the policy would not cover it")
    return html[: charset.end()] + tag + html[charset.end() :]
