"""What Pelican made of the content, indexed for the checks: objects, addresses, ids.

Everything here is read from Pelican's objects after every generator has read
its content; nothing is worked out a second time from the Markdown.
"""

import os
import re
from functools import cache, cached_property
from pathlib import Path

from pelican.contents import Article, Content, Static
from pelican.generators import ArticlesGenerator

from shared import CYRILLIC_PREFIX, FEED_TYPES, Source, documents, feed_url, folders, rendered, site_path

URL_SETTING_SUFFIXES = ("_URL", "_SAVE_AS", "_ATOM", "_RSS")


@cache
def _relative_path(path: str, start: str) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def relative_path(path, start) -> str:
    """`path` from the folder `start`, with forward slashes: asked for each file many times a build."""
    return _relative_path(str(path), str(start))


class SiteIndex:
    def __init__(self, generators, settings: dict):
        self.generators = generators
        self.settings = settings
        self.context = generators[0].context
        self.content_path = Path(settings["PATH"])
        self.siteurl = settings.get("SITEURL", "")
        # This build's address and the published one (the preview's SITEURL is ""): links to either are the site's.
        self.own_siteurls = [url for url in (self.siteurl, settings.get("PUBLISHED_SITEURL", "")) if url]
        self.documents: list[Content] = documents(self.context)
        self.static: dict[str, Static] = dict(self.context.get("static_content", {}))
        self._content_files: dict[str, bool] = {}  # path → is_content_file, asked once per {static} link

    # --- files --------------------------------------------------------------
    def shown(self, path: str) -> str:
        """content/posts/x.md: the path as the author sees it (from the project folder)."""
        return relative_path(path, self.content_path.parent)

    def source(self, document) -> Source:
        return Source(document.source_path, self.shown(document.source_path))

    def relative(self, document) -> str:
        return relative_path(document.source_path, self.content_path)

    # --- addresses ----------------------------------------------------------
    @cached_property
    def by_url(self) -> dict[str, Content]:
        """URL relative to SITEURL ("slug/") → the document written there."""
        return {document.url: document for document in self.documents if document.save_as}

    @cached_property
    def list_urls(self) -> set[str]:
        """Addresses of the pages the site writes besides documents: lists, feeds, the FAQ index."""
        urls = {""}
        for generator in self.generators:
            if isinstance(generator, ArticlesGenerator):
                urls |= {item.url for item, _articles in generator.categories}
                urls |= {item.url for item in generator.tags}
        for name in self.settings.get("DIRECT_TEMPLATES", ()):
            url = self.settings.get(f"{name.upper()}_URL") or self.settings.get(f"{name.upper()}_SAVE_AS")
            if url:
                urls.add(url)
        urls |= self.feed_urls
        urls |= set(self.settings.get("SITE_LIST_URLS", ()))  # plugins add theirs (the FAQ index)
        return urls

    @cached_property
    def published_settings(self) -> dict:
        """The settings with the published site's feeds (PUBLISHED_FEEDS) where this build writes none:
        a link to a feed is good in the preview too."""
        published = self.settings.get("PUBLISHED_FEEDS", {})
        return {**self.settings, **{key: value for key, value in published.items() if not self.settings.get(key)}}

    @cached_property
    def feed_urls(self) -> set[str]:
        """Every feed's address, a category's and a tag's with its slug (plugins/feeds says how)."""
        names = {"FEED_ALL": [{}], "CATEGORY_FEED": [], "TAG_FEED": []}
        for generator in self.generators:
            if isinstance(generator, ArticlesGenerator):
                names["CATEGORY_FEED"] += [{"slug": category.slug} for category, _articles in generator.categories]
                names["TAG_FEED"] += [{"slug": tag.slug} for tag in generator.tags]
        urls = {
            feed_url(self.published_settings, setting, kind, **named)
            for setting, all_named in names.items()
            for named in all_named
            for kind in FEED_TYPES
        }
        return urls - {None}

    def is_list_page(self, path: str) -> bool:
        """A later page of one of the site's lists (strana/2/, kategorija/alati/strana/3/), by
        PAGINATION_PATTERNS: which of them exist, and what is on each, changes with every new post."""
        for minimum, url, _save_as in self.settings.get("PAGINATION_PATTERNS", ()):
            if minimum < 2:
                continue
            pattern = "".join(
                {"{base_name}/": "(?P<base>.+/)?", "{number}": "[0-9]+"}.get(part, re.escape(part))
                for part in re.split(r"(\{base_name\}/|\{number\})", url)
            )
            found = re.fullmatch(pattern, path)
            if found and (found.group("base") or "") in self.list_urls:
                return True
        return False

    @cached_property
    def static_urls(self) -> set[str]:
        urls = {static.url for static in self.static.values()}
        theme_static = Path(self.settings["THEME"]) / "static"
        prefix = self.settings["THEME_STATIC_DIR"]
        if theme_static.is_dir():
            urls |= {
                f"{prefix}/{p.relative_to(theme_static).as_posix()}" for p in theme_static.rglob("*") if p.is_file()
            }
        return urls

    def is_content_file(self, path: str) -> bool:
        """A file that exists inside content/ (a link may name one elsewhere, or one that is gone)."""
        known = self._content_files.get(path)
        if known is None:
            known = self._content_files[path] = os.path.isfile(path) and Path(path).resolve().is_relative_to(
                self.content_path.resolve()
            )
        return known

    @cached_property
    def static_sources(self) -> dict[str, list[str]]:
        """Static file URL → the source paths Pelican copies there (asked for every {static} link)."""
        found: dict[str, list[str]] = {}
        for static in self.static.values():
            found.setdefault(static.url, []).append(static.source_path)
        return found

    def static_exists(self, url: str) -> bool:
        return any(self.is_content_file(source) for source in self.static_sources.get(self.site_path(url), ()))

    def site_path(self, url: str) -> str | None:
        """The path part of a URL on this site, relative to SITEURL, or None for another site."""
        return site_path(url, self.own_siteurls)

    def target_of(self, path: str):
        """The document at a site path, or True for a list or static page, or None; a path in the
        Cyrillic edition (cir/…) leads where its Latin page does."""
        if self.settings.get("CYRILLIC_EDITION", True) and path.startswith(CYRILLIC_PREFIX):
            path = path.removeprefix(CYRILLIC_PREFIX)
        for candidate in (path, path + "/" if path and not path.endswith("/") else path):
            if candidate in self.by_url:
                return self.by_url[candidate]
        if path.rstrip("/") + "/" in self.list_urls or path in self.list_urls or path in self.static_urls:
            return True
        return None

    @cached_property
    def reserved(self) -> set[str]:
        """First path segments the site itself uses (kategorija, images, theme, feeds, …)."""
        values = [
            value
            for key, value in self.published_settings.items()
            if key.endswith(URL_SETTING_SUFFIXES)
            and isinstance(value, str)
            and value
            and not key.startswith(("ARTICLE", "PAGE"))  # {slug}/: a draft's nacrti/ is the site's
        ]
        values += [pattern[1].replace("{base_name}/", "") for pattern in self.settings.get("PAGINATION_PATTERNS", ())]
        values += [
            *self.settings.get("SITE_LIST_URLS", ()),
            *self.settings.get(folders.SETTING, ()),
            *self.settings["STATIC_PATHS"],
            self.settings["THEME_STATIC_DIR"],
        ]
        return {re.split(r"[/{.]", value, maxsplit=1)[0] for value in values} - {""}

    # --- what a document holds ----------------------------------------------
    def ids(self, document) -> set[str]:
        """Every id a link's #fragment may name in the document (headings as numbered on the page, FAQ questions)."""
        ids = set(rendered.of(document).ids)
        faq = getattr(document, "faq", None)
        if faq is not None:
            ids |= {question.id for question in faq.questions if question.id}  # "": a heading not in Markdown
        return ids

    def tree(self, document):
        return rendered.of(document).tree

    def unpublished_reason(self, document) -> str | None:
        if document.status == "draft":
            return "nacrt, Status: draft"
        if getattr(document, "scheduled", False):
            from shared import format_date

            return f"zakazan za {format_date(document.date, 'genitive')} u {document.date:%H:%M}"
        return None

    def is_post(self, document) -> bool:
        return isinstance(document, Article)

    def is_faq(self, document) -> bool:
        return getattr(document, "template", "") == "faq"
