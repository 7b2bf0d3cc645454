"""The Cyrillic edition's feeds: cir/feeds/… beside every feed Pelican writes.

Made from the very feed object Pelican wrote (its items already finished by
plugins/feeds: helper elements out, links absolute), copied and turned into
Cyrillic: titles, descriptions, contents, categories and author; links point
at the Cyrillic twins, drawings at their Cyrillic ones; the language is sr-Cyrl. Each item's id is its Latin
id with the twin's path, so the two editions' entries never share an id.
"""

import copy
import json
import re
from pathlib import Path

from shared.disk_cache import Store, kept
from shared.output import in_output

from .editions import CYRILLIC_LANG, PREFIX, to_cyrillic_url
from .mirror import html_fragment
from .translit import to_cyrillic

TEXT_KEYS = ("title", "description", "subtitle", "author_name")


def _tag_uri(unique_id: str | None) -> str | None:
    """'tag:host,2026-04-01:/slug/' → 'tag:host,2026-04-01:/cir/slug/'."""
    if not unique_id:
        return unique_id
    return re.sub(r"^(tag:[^:]+:)/", rf"\1/{PREFIX}", unique_id)


def cyrillic_feed(feed, siteurl: str, store: Store | None = None, images: dict[str, str] | None = None):
    """The Cyrillic twin of `feed`; each entry's HTML transliterated once, and kept in `store`
    (the twins' cache) between builds. `images`: absolute URLs of drawings → their Cyrillic twins'."""
    twin = copy.deepcopy(feed)
    info = twin.feed
    for key in TEXT_KEYS:
        if info.get(key):
            info[key] = to_cyrillic(info[key])
    info["link"] = to_cyrillic_url(info["link"] or "", siteurl) if info.get("link") else info.get("link")
    info["id"] = to_cyrillic_url(info["id"], siteurl) if info.get("id") else info.get("id")
    info["feed_url"] = to_cyrillic_url(info["feed_url"], siteurl) if info.get("feed_url") else info.get("feed_url")
    info["language"] = CYRILLIC_LANG
    info["categories"] = [to_cyrillic(c) for c in info.get("categories") or []]
    for item in twin.items:
        item["title"] = to_cyrillic(item["title"])
        for key in ("description", "content"):
            if item.get(key):
                text = item[key]
                inputs = json.dumps([siteurl, images, text], ensure_ascii=False)
                item[key] = kept(store, inputs, lambda text=text: html_fragment(text, siteurl, images))
        if item.get("author_name"):
            item["author_name"] = to_cyrillic(item["author_name"])
        item["link"] = to_cyrillic_url(item["link"], siteurl)
        item["unique_id"] = _tag_uri(item.get("unique_id"))
        item["categories"] = [to_cyrillic(c) for c in item.get("categories") or []]
    return twin


def write_feed_twin(path, context, feed, store: Store | None = None, images: dict[str, str] | None = None) -> None:
    relative = in_output(path, context["OUTPUT_PATH"])
    if relative is None or relative.startswith(PREFIX):
        return
    target = Path(context["OUTPUT_PATH"], PREFIX, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        cyrillic_feed(feed, context.get("SITEURL", ""), store, images).write(handle, "utf-8")
