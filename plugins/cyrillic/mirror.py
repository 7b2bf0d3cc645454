"""A Latin page's HTML → its Cyrillic twin's HTML (one selectolax parse).

Transliterated: every text node, the TEXT_ATTRIBUTES (alt, title, aria-label,
placeholder, and the data-* attributes scripts take their texts from), the text metas (description, Open Graph, Twitter,
article:*) and the strings of JSON-LD. Kept as written: <script>/<style> text
(so their CSP hashes stay valid), code, anything marked translate="no" or in a
language other than Serbian (lang="en"), and what translit.py keeps (names,
URLs, e-mail addresses). Same-site links to pages and feeds point into /cir/.
A searched block's field of typed words is made again from the twin's text, and
alphabetical lists (data-alphabetical) are put in the azbuka's order.
"""

import json
import re
from functools import lru_cache
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from shared import cyrillic_search_meta, encoded_url, script_json, share_encode, sort_key

from .editions import CYRILLIC_LANG, LATIN_LANG, PREFIX, to_cyrillic_url
from .manifest import MANIFEST
from .translit import to_cyrillic as _to_cyrillic

# Their text is code, or markup the parser keeps as text (noscript, template).
SKIPPED_TAGS = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "svg", "math", "noscript", "template"}
)
TEXT_ATTRIBUTES = (
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "data-label",
    "data-copied",
    "data-copy-failed",
    "data-more",
)
URL_ATTRIBUTES = ("data-copy-url",)
TEXT_METAS = frozenset(
    {
        "description",
        "author",
        "og:title",
        "og:description",
        "og:site_name",
        "og:image:alt",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
        "article:section",
        "article:tag",
    }
)
IMAGE_METAS = frozenset({"og:image", "twitter:image"})
# JSON-LD keys whose strings are addresses, codes or dates, never prose.
JSON_KEPT_KEYS = frozenset(
    {
        "@context",
        "@type",
        "@id",
        "url",
        "item",
        "image",
        "logo",
        "contentUrl",
        "email",
        "sameAs",
        "datePublished",
        "dateModified",
        "urlTemplate",
        "query-input",  # SearchAction: "required name=search_term_string" is syntax
    }
)
JSON_URL_KEYS = frozenset({"@id", "url", "item", "mainEntityOfPage", "urlTemplate"})
# The author and the publisher are one person and one organisation in both
# editions: their @id (plugins/seo_meta/structured_data.py) stays as it is.
SHARED_ENTITY_IDS = ("/#autor", "/#izdavac")
SWITCH_SELECTOR = ".script-switch a[hreflang]"
SWITCH_TO_LATIN = "Latinica"


# The same texts (menus, footers, share labels, summaries on list pages) recur
# on many pages: each is transliterated once per build.
to_cyrillic = lru_cache(maxsize=65536)(_to_cyrillic)


def _kept(node) -> bool:
    """Marked to be left as written: translate="no", or a language other than Serbian."""
    attributes = node.attributes
    if attributes.get("translate") == "no":
        return True
    lang = attributes.get("lang")
    return lang is not None and lang not in ("sr", LATIN_LANG, CYRILLIC_LANG)


def _transliterate_tree(node) -> None:
    """Text and text attributes of `node` and its descendants, skipping kept subtrees."""
    texts = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag == "-text":
            texts.append(current)
            continue
        if current.tag in ("-comment", "!doctype") or _kept(current):
            continue
        for name in TEXT_ATTRIBUTES:
            value = current.attributes.get(name)
            if value:
                current.attrs[name] = to_cyrillic(value)
        if current.tag in SKIPPED_TAGS:  # its attributes are text (a script's data-label), its content is not
            continue
        child = current.child
        while child is not None:
            stack.append(child)
            child = child.next
    for text in texts:
        value = text.text_content
        converted = to_cyrillic(value)
        if converted != value:
            text.replace_with(converted)


def _json(value, siteurl: str, images: dict[str, str], key: str | None = None):
    if isinstance(value, dict):
        return {k: (CYRILLIC_LANG if k == "inLanguage" else _json(v, siteurl, images, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(item, siteurl, images, key) for item in value]
    if isinstance(value, str):
        if value in images:
            return images[value]
        if key == "@id" and value.endswith(SHARED_ENTITY_IDS):
            return value
        if key in JSON_URL_KEYS:
            return to_cyrillic_url(value, siteurl)
        if key in JSON_KEPT_KEYS:
            return value
        if key == "text" and "<" in value:  # an FAQ answer's HTML
            return html_fragment(value, siteurl, images)
        return to_cyrillic(value)
    return value


def html_fragment(html: str, siteurl: str, images: dict[str, str] | None = None) -> str:
    """A piece of HTML (a feed entry, an FAQ answer) in Cyrillic, its links at the twins and its drawings
    at their Cyrillic ones (`images`, as for cyrillic_page)."""
    return _fragment(html, siteurl, tuple(sorted((images or {}).items())))


@lru_cache(maxsize=1024)  # a post's HTML is in several feeds (all posts, its category; Atom and RSS)
def _fragment(html: str, siteurl: str, images: tuple) -> str:
    tree = LexborHTMLParser(f"<body>{html}</body>")
    _transliterate_tree(tree.body)
    _links(tree, siteurl)
    _image_twins(tree, dict(images))
    return tree.body.inner_html


@lru_cache(maxsize=4096)  # one page's share links carry the same text and address
def _query_value(value: str, siteurl: str) -> str:
    """A share link's text or address, in Cyrillic and pointing at the twin.

    Encoded as plugins/share_links encodes it, except that Cyrillic letters stay
    as they are (browsers encode them when following the link): %D0%B0 for
    every letter would make the FAQ pages' many share links heavier."""
    text = re.sub(r"\S+", lambda match: _share_word(match.group(), siteurl), unquote(value))
    return "".join(char if ord(char) > 127 else share_encode(char) for char in text)


def _share_word(word: str, siteurl: str) -> str:
    """One word of a share link's text: an address of the site (absolute, or /… and #… when SITEURL
    is empty, as in the preview) points at the twin and is never transliterated; any other word is."""
    if word.startswith(("/", "#")) or (siteurl and word.startswith(siteurl + "/")):
        return to_cyrillic_url(word, siteurl)
    return to_cyrillic_url(to_cyrillic(word), siteurl)


def _share_href(href: str, siteurl: str) -> str:
    address, mark, query = href.partition("?")
    if not mark:
        return href
    parts = [re.sub(r"(?<==).*", lambda m: _query_value(m.group(), siteurl), part) for part in query.split("&")]
    return address + "?" + "&".join(parts)


def _links(tree, siteurl: str) -> None:
    for node in tree.css("a[href], form[action], link[rel=canonical], link[rel=alternate][type]"):
        if node.attributes.get("hreflang"):  # the other edition's address, on purpose
            continue
        name = "action" if node.tag == "form" else "href"
        node.attrs[name] = to_cyrillic_url(node.attributes[name] or "", siteurl)
    for node in tree.css("a.share-link[href]"):
        node.attrs["href"] = _share_href(node.attributes["href"] or "", siteurl)
    for node in tree.css("link[rel=manifest][href]"):  # the edition's own (plugins/cyrillic/manifest.py)
        href = node.attributes["href"] or ""
        node.attrs["href"] = href[: -len(MANIFEST)] + PREFIX + MANIFEST if href.endswith("/" + MANIFEST) else href
    for name in URL_ATTRIBUTES:
        for node in tree.css(f"[{name}]"):
            node.attrs[name] = to_cyrillic_url(node.attributes[name] or "", siteurl)


def _image_twins(tree, images: dict[str, str]) -> None:
    """Each image shown or linked that has a Cyrillic twin (a share card, a drawing) points at it."""
    for node, name in [(n, "src") for n in tree.css("img[src]")] + [(n, "href") for n in tree.css("a[href]")]:
        twin = _image_twin(images, node.attributes[name] or "")
        if twin:
            node.attrs[name] = twin


def _image_twin(images: dict[str, str], url: str) -> str | None:
    """The twin of an image URL as Pelican writes it, or as plugins/responsive_images encodes it."""
    if url in images:
        return images[url]
    twin = images.get(unquote(url))
    return encoded_url(twin) if twin else None


def _search_fields(tree) -> None:
    """Each searched block's field of typed words (plugins/search/variants.py) made from the twin's own
    text: a Latin page's field is of Latin words, of no use to the Cyrillic index."""
    heading = tree.css_first("h1")
    for body in tree.css("[data-pagefind-body]"):
        value = cyrillic_search_meta(heading.html if heading else "", body.html)
        if value:
            body.attrs["data-pagefind-meta"] = value
        elif "data-pagefind-meta" in body.attributes:
            del body.attrs["data-pagefind-meta"]


def _in_cyrillic_order(tree) -> None:
    """Lists the template keeps in alphabetical order (data-alphabetical) follow the azbuka: in Latin
    „cene” comes before „delegiranje”, in Cyrillic „делегирање” before „цене”."""
    for listed in reversed(tree.css("[data-alphabetical]")):  # a list inside another first: it moves with its item
        items = sorted(listed.iter(include_text=False), key=lambda item: sort_key(item.text()))
        listed.inner_html = "\n".join(item.html for item in items)


def cyrillic_page(html: str, siteurl: str, latin_url: str, images: dict[str, str] | None = None) -> str:
    """The Cyrillic twin of a Latin page. `latin_url`: the page's own absolute URL;
    `images`: absolute URLs of Latin share images and drawings → their Cyrillic ones."""
    images = images or {}
    tree = LexborHTMLParser(html)
    root = tree.css_first("html")
    root.attrs["lang"] = CYRILLIC_LANG
    _transliterate_tree(root)
    _search_fields(tree)
    _in_cyrillic_order(tree)
    _links(tree, siteurl)
    _image_twins(tree, images)
    for meta in tree.css("meta[content]"):
        key = meta.attributes.get("name") or meta.attributes.get("property")
        content = meta.attributes["content"] or ""
        if key in TEXT_METAS:
            meta.attrs["content"] = to_cyrillic(content)
        elif key == "og:url":
            meta.attrs["content"] = to_cyrillic_url(content, siteurl)
        elif key in IMAGE_METAS or key == "article:author":
            meta.attrs["content"] = images.get(content) or to_cyrillic_url(content, siteurl)
    for script in tree.css('script[type="application/ld+json"]'):
        data = _json(json.loads(script.text()), siteurl, images)
        script.first_child.replace_with(str(script_json(data)))
    for switch in tree.css(SWITCH_SELECTOR):
        switch.attrs["href"] = latin_url
        switch.attrs["hreflang"] = LATIN_LANG
        switch.attrs["lang"] = LATIN_LANG
        switch.first_child.replace_with(SWITCH_TO_LATIN) if switch.first_child else switch.insert_child(SWITCH_TO_LATIN)
    return tree.html
