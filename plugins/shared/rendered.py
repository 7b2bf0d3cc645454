"""One parse of a document's rendered HTML, read by every plugin that needs it.

Heading ids, the table of contents, the word count, the first paragraph, the
FAQ sections and the content check's ids and references all come from here,
parsed once per document from the HTML the Markdown reader made. `of(content)`
caches the parse on the object the first time any plugin asks, before any
plugin changes the HTML, so the result does not depend on the order of PLUGINS.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property

from selectolax.lexbor import LexborHTMLParser

from plain_text import plain

# Ids the theme's templates write themselves (skip link target, call to action,
# tables of contents, related posts, the preview's problem list, the search page). A heading with
# the same slug gets a suffix. test_rendered.py keeps this list in step with theme/templates.
TEMPLATE_IDS = frozenset(
    {"sadrzaj", "cta-naslov", "toc-naslov", "spisak-pitanja", "srodne-objave", "problemi-naslov"}
    | {f"pretraga-{name}" for name in ("bez-js", "faq", "forma", "jos", "rezultati", "status", "upit")}
)
# Where HTML names an address: what a page loads, and what it links to.
RESOURCE_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "script": ("src",),
    "link": ("href",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LINK_ATTRIBUTES = {"a": ("href",), "area": ("href",)}
WORD = re.compile(r"\w+")
RECENT_TREES = 16
_RECENT_TREES: OrderedDict = OrderedDict()  # Rendered → its tree, the most recently used last


@dataclass(frozen=True)
class ContentImage:
    attributes: dict  # as written: src (still {static}/… for the site's own files), alt, title, …
    alone_in_paragraph: bool  # the only thing in its <p>: it may become a <figure>


@dataclass(frozen=True)
class Heading:
    level: int
    source_id: str  # the id Markdown's toc extension gave it
    id: str  # the id the page shows: source_id, or with a suffix when the theme or another element has it
    text: str
    inner_html: str


class Rendered:
    def __init__(self, html: str):
        self.html = html or ""

    @property
    def tree(self) -> LexborHTMLParser:
        """The parse of `html`: kept for the few documents read last, made again from `html` after that.

        Every document of a large site is parsed while it is read, and asked
        again only when the check judges it: keeping every tree meanwhile
        held hundreds of megabytes."""
        tree = _RECENT_TREES.pop(self, None)
        if tree is None:
            tree = LexborHTMLParser(f"<body>{self.html}</body>")
        _RECENT_TREES[self] = tree
        while len(_RECENT_TREES) > RECENT_TREES:
            _RECENT_TREES.popitem(last=False)
        return tree

    @cached_property
    def headings(self) -> list[Heading]:
        """Every h1–h6 with an id, in order, with the id the page will show."""
        nodes = [node for node in self.tree.css("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")]
        heading_ids = {node.attributes["id"] for node in nodes}
        taken = set(TEMPLATE_IDS) | (self.element_ids - heading_ids)
        found = []
        for node in nodes:
            wanted, candidate, number = node.attributes["id"], node.attributes["id"], 1
            while candidate in taken:
                candidate, number = f"{wanted}-{number}", number + 1
            taken.add(candidate)
            found.append(Heading(int(node.tag[1]), wanted, candidate, plain(node.html), node.inner_html))
        return found

    @cached_property
    def element_ids(self) -> set[str]:
        """Every id="…" in the HTML as the reader made it."""
        return {node.attributes["id"] for node in self.tree.css("[id]") if node.attributes.get("id")}

    @cached_property
    def ids(self) -> set[str]:
        """Every id a #fragment may name on the page: headings as the page numbers them, and the rest."""
        source = {heading.source_id for heading in self.headings}
        return (self.element_ids - source) | {heading.id for heading in self.headings}

    @cached_property
    def images(self) -> list[ContentImage]:
        """Every <img>, in document order."""
        found = []
        for node in self.tree.css("img"):
            parent = node.parent
            alone = (
                parent is not None
                and parent.tag == "p"
                and not parent.text(strip=True)
                and len([child for child in parent.iter() if child.tag != "-text"]) == 1
            )
            found.append(ContentImage({k: v or "" for k, v in node.attributes.items()}, alone))
        return found

    @cached_property
    def links(self) -> list[str]:
        """Every address the HTML loads or links to (RESOURCE_ATTRIBUTES, LINK_ATTRIBUTES), each of a srcset's."""
        found = []
        for node in self.tree.css("*"):
            for attribute in RESOURCE_ATTRIBUTES.get(node.tag, ()) + LINK_ATTRIBUTES.get(node.tag, ()):
                value = (node.attributes.get(attribute) or "").strip()
                found += srcset_urls(value) if attribute == "srcset" else [value] if value else []
        return found

    @cached_property
    def text(self) -> str:
        return plain(self.tree.body.text(separator=" ")) if self.tree.body else ""

    @cached_property
    def word_count(self) -> int:
        return len(WORD.findall(self.text))

    @cached_property
    def first_paragraph(self) -> str:
        """Plain text of the first paragraph that has words (an image alone is skipped), else all the text."""
        for node in self.tree.css("p"):
            text = plain(node.html)
            if text:
                return text
        return self.text

    def sections(self, tag: str = "h2") -> tuple[str, list[tuple[str, str, str]]]:
        """The HTML before the first top-level `tag`, then one (id, inner HTML, HTML up to the next one) per heading.

        The id is the one the page shows for that heading (see `headings`); "" when Markdown gave it none.
        """
        shown: dict[str, str] = {}
        for heading in self.headings:
            shown.setdefault(heading.source_id, heading.id)
        intro: list[str] = []
        sections: list[tuple[str, str, list[str]]] = []
        for node in self.tree.body.iter(include_text=True):
            if node.tag == tag:
                source_id = node.attributes.get("id") or ""
                sections.append((shown.get(source_id, source_id), node.inner_html, []))
            elif sections:
                sections[-1][2].append(node.html)
            else:
                intro.append(node.html)
        return "".join(intro).strip(), [(id_, heading, "".join(answer).strip()) for id_, heading, answer in sections]


def srcset_urls(value: str) -> list[str]:
    """The addresses of a srcset ("a.jpg 480w, b.jpg 768w")."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def of(content) -> Rendered:
    """The parse of `content`'s HTML as the Markdown reader made it (cached on the object)."""
    cached = content.__dict__.get("_rendered")
    if cached is None:
        cached = content.__dict__["_rendered"] = Rendered(content._content)
    return cached
