"""The Cyrillic edition: every page Pelican writes gets a twin under /cir/.

The author writes once, in Latin. On `content_written` (every page, whichever
generator or plugin wrote it through Pelican's writer), the page's HTML is
turned into its Cyrillic twin (mirror.py, transliteration in translit.py; its
SVG drawings point at their Cyrillic twins, diagrams.py) and
written to cir/<the same path>; then `content_written` is sent for the twin
with the same context, so plugins that list written pages (the sitemap) list
it too. Feeds get twins under cir/feeds/ the same way (feeds.py). The Latin pages carry the hreflang links and the „Ћирилица” switch
from their templates (partials/script_editions.html, `script_editions()`).
Because twins are written before `finalized`, the minifier and the
Content-Security-Policy hashes (plugins/security_headers) see both editions.
A twin is a function of its Latin page alone, so twins are kept between builds
(cache/cyrillic/, CYRILLIC_CACHE moves it, "" turns it off; shared/disk_cache.py).
"""

import json
from functools import partial
from pathlib import Path

from pelican import signals

from shared import folders
from shared.disk_cache import Store, build_store, kept
from shared.output import rendered_text, write_page

from .diagrams import svg_twins
from .editions import PREFIX, editions, is_mirrored
from .feeds import write_feed_twin
from .manifest import MANIFEST, cyrillic_manifest
from .mirror import cyrillic_page
from .share import ask_for_twin_cards, cyrillic_images

__all__ = ["PREFIX", "editions", "register"]


def enabled(settings) -> bool:
    """CYRILLIC_EDITION = False builds the Latin site alone (no twins, switch or hreflang)."""
    return bool(settings.get("CYRILLIC_EDITION", True))


def add_to_templates(generator) -> None:
    on = enabled(generator.settings)
    siteurl = generator.settings.get("SITEURL", "")
    generator.env.globals["script_editions"] = partial(editions, siteurl) if on else lambda _output_file: None


def write_twin(path, context) -> None:
    output_file = context.get("output_file")
    if not enabled(context) or not is_mirrored(output_file) or not str(path).endswith(".html"):
        return
    siteurl = context.get("SITEURL", "")
    pair = editions(siteurl, output_file)
    latin, images = rendered_text(path), {**cyrillic_images(context), **svg_twins(context)}  # (draws the twin's card)
    inputs = json.dumps([siteurl, pair.latin, images, latin], ensure_ascii=False)
    twin = kept(_store(context), inputs, lambda: cyrillic_page(latin, siteurl, pair.latin, images))
    target = Path(context["OUTPUT_PATH"], PREFIX, output_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_page(target, twin)
    signals.content_written.send(str(target), context={**context, "output_file": PREFIX + output_file})


def _store(context) -> Store | None:
    """One per build (opening removes the folders of other code)."""
    if not _stores:
        _stores.append(build_store(context, "CYRILLIC_CACHE", "cyrillic"))
    return _stores[0]


_stores: list[Store | None] = []


def prune_twins(pelican) -> None:
    """Twins of pages as they no longer are leave the cache."""
    if _stores and _stores[0]:
        _stores[0].prune()


def write_feed(path, context, feed) -> None:
    if enabled(context):
        write_feed_twin(path, context, feed, _store(context), svg_twins(context))


def ask_for_cards(generators) -> None:
    if generators and enabled(generators[0].settings):
        ask_for_twin_cards(generators)


def write_manifest(pelican) -> None:
    """cir/manifest.webmanifest: the Cyrillic edition installs as „ВА водич” and opens at /cir/."""
    if not enabled(pelican.settings):
        return
    target = Path(pelican.output_path, PREFIX, MANIFEST)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(cyrillic_manifest(pelican.settings), ensure_ascii=False, indent=2) + "\n", "utf-8")


def register():
    folders.claim(PREFIX)
    signals.finalized.connect(write_manifest)
    signals.finalized.connect(prune_twins)
    signals.generator_init.connect(add_to_templates)
    signals.content_written.connect(write_twin)
    signals.all_generators_finalized.connect(ask_for_cards)
    signals.feed_written.connect(write_feed)
