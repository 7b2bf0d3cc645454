"""The HTML of a content image: <picture> with typed sources, known size, loading hints, optional <figure>.

The document's images come from the one shared parse (shared/rendered.py);
each is rewritten in place in the HTML, found by its tag in document order,
so the rest of the document stays byte for byte as the reader made it.
"""

import html
import re
from dataclasses import dataclass, field

from shared import encoded_url

from .variants import Plan

# An <img> tag, quoted attribute values may hold ">". Comments are skipped
# (the parse does not see images in them either).
IMG_TAG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)
OWN_ATTRIBUTES = ("src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority")


@dataclass
class Image:
    """One content image: its attributes as written, and what the build knows about it."""

    attributes: dict[str, str]
    alone_in_paragraph: bool = False
    size: tuple[int, int] | None = None
    plan: Plan | None = None
    urls: dict = field(default_factory=dict)  # Variant → URL
    src: str | None = None  # the resolved URL when there is no plan

    @property
    def caption(self) -> str:
        return (self.attributes.get("title") or "").strip()


def _attributes(pairs) -> str:
    return "".join(f' {name}="{html.escape(str(value), quote=True)}"' for name, value in pairs if value is not None)


def _srcset(image: Image, variants) -> str:
    return ", ".join(f"{encoded_url(image.urls[v])} {v.width}w" for v in variants)


def img_tag(image: Image, first: bool, sizes: str, with_caption: bool) -> str:
    """The <img> (inside a <picture> when there are variants) with width, height and loading hints."""
    kept = [
        (k, v) for k, v in image.attributes.items() if k not in OWN_ATTRIBUTES and not (with_caption and k == "title")
    ]
    width, height = image.attributes.get("width"), image.attributes.get("height")
    if not (width and height):  # the author's own size wins; else the widest file served, or the SVG's
        width, height = (image.plan.width, image.plan.height) if image.plan else (image.size or (None, None))
    loading = [("fetchpriority", "high")] if first else [("loading", "lazy"), ("decoding", "async")]
    if image.plan is None:
        src = image.src or image.attributes.get("src")
        return f"<img{_attributes([('src', encoded_url(src)), *kept, ('width', width), ('height', height), *loading])}>"
    plan = image.plan
    *modern, fallback = plan.formats.values()
    sources = "".join(
        f"<source{_attributes([('type', group[0].mime), ('srcset', _srcset(image, group)), ('sizes', sizes)])}>"
        for group in modern
    )
    img = f"<img{_attributes([('src', encoded_url(image.urls[plan.fallback])), ('srcset', _srcset(image, fallback)), ('sizes', sizes), *kept, ('width', width), ('height', height), *loading])}>"
    return f"<picture>{sources}{img}</picture>"


def figure(inner: str, caption: str) -> str:
    return f"<figure>{inner}<figcaption>{html.escape(caption, quote=False)}</figcaption></figure>"


def rewrite(content_html: str, images: list[Image | None], sizes: str) -> str:
    """`content_html` with the n-th <img> replaced per images[n] (None: left as it is).

    The first image of the document is the one likely to be the largest thing
    on the first screen: it is fetched first; the rest wait until scrolled near.
    """
    comments = [match.span() for match in COMMENT.finditer(content_html)]
    tags = [m for m in IMG_TAG.finditer(content_html) if not any(a <= m.start() < b for a, b in comments)]
    if len(tags) != len(images):
        return content_html  # the parse and the text disagree (malformed HTML): change nothing
    pieces, position = [], 0
    for index, (match, image) in enumerate(zip(tags, images, strict=False)):
        if image is None:
            continue
        start, end = match.span()
        with_caption = bool(image.caption and image.alone_in_paragraph)
        tag = img_tag(image, first=index == 0, sizes=sizes, with_caption=with_caption)
        if with_caption:
            # <p><img …></p> → <figure>…<figcaption>title</figcaption></figure>
            before = re.search(r"<p>\s*$", content_html[position:start])
            after = re.match(r"\s*</p>", content_html[end:])
            if before and after:
                start, end = position + before.start(), end + after.end()
                tag = figure(tag, image.caption)
            else:
                tag = img_tag(image, first=index == 0, sizes=sizes, with_caption=False)
        pieces += [content_html[position:start], tag]
        position = end
    pieces.append(content_html[position:])
    return "".join(pieces)
