"""Pelican settings for the development build (`invoke build`, `make serve`).

publishconf.py imports everything here and changes only what production needs.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(1, str(ROOT))  # site_tools, for the published address

import serbian  # noqa: E402  (plugins/ must be on the path first)


def _published_siteurl() -> str:
    """VA_SITEURL or deploy.toml's siteurl, as `invoke publish` reads them (site_tools/deploy/config.py), else
    the default. A broken deploy.toml is reported, in Serbian, by the publish step that reads it."""
    from site_tools.deploy import DeployError, read_settings

    try:
        return read_settings(ROOT).get("siteurl") or "https://vavodic.rs"
    except (DeployError, OSError):  # OSError: a deploy.toml that cannot be read
        return "https://vavodic.rs"


# --- Site -------------------------------------------------------------------
AUTHOR = "Ana Petrović"
AUTHOR_EMAIL = "kontakt@vavodic.rs"
SITENAME = "VA vodič"
SITESUBTITLE = "Kako zaista izgleda saradnja sa virtuelnim asistentom"
# The home page's description (meta, share card, JSON-LD): what the title does not already say.
SITEDESCRIPTION = (
    "Šta virtuelni asistent zaista radi, koliko košta, kako čuva vaše podatke i koji mitovi ne stoje: "
    "vodič za preduzetnike i male firme u Srbiji."
)
SITEURL = ""
RELATIVE_URLS = False
# Where publishconf.py puts the site; the content check knows a link to it in the preview too.
PUBLISHED_SITEURL = _published_siteurl()

TIMEZONE = "Europe/Belgrade"
# Content is Markdown only. The reStructuredText reader is off (docutils has
# no Serbian localisation and would warn on every build), and so is the HTML
# reader: plugins/content_check rejects any other file type by name.
READERS = {"rst": None, "html": None, "htm": None}
DEFAULT_LANG = "sr"  # the theme writes the precise tag, sr-Latn, on <html>
HTML_LANG = "sr-Latn"
OG_LOCALE = "sr_RS"
# Month names come from plugins/serbian, never from an OS locale, so any
# locale (or none) gives the same site.
LOCALE = ("C.UTF-8", "C")
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# --- Content ----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages", "faq"]
STATIC_PATHS = ["images"]
# Matched against each name (fnmatch): hidden files and folders, and the copies editors keep beside a file
# (moj-tekst.md~, moj-tekst.md.bak, Word's ~$moj-tekst.docx); none of them is content.
IGNORE_FILES = [".*", "*~", "*.bak", "~$*", "CONVENTIONS.md"]
DEFAULT_CATEGORY = "Osnove"
USE_FOLDER_AS_CATEGORY = False  # a post without Category is in DEFAULT_CATEGORY, not in "posts"
CATEGORIES = ["Osnove", "Saradnja", "Alati", "Poverenje"]
DEFAULT_PAGINATION = 6
SUMMARY_MAX_LENGTH = 40
SUMMARY_END_SUFFIX = "…"

# --- Markdown and typography ------------------------------------------------
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": serbian.MARKDOWN_SMARTY,
        "serbian.typed_quotes": {},  # “…”, ‘…’ and ,,…'' as typed, made straight for smarty
        "markdown.extensions.toc": {"slugify": lambda value, _sep: serbian.slugify(value)},
    },
    "output_format": "html5",
}
TYPOGRIFY = True
# smartypants only knows English “…”; Serbian „…” come from Markdown's smarty.
# "caps" would wrap every VA, NDA, PDF in <span class="caps">, which no CSS styles:
# weight on every page (the FAQ pages are at their budget) for nothing.
# "widont" would tie every heading's and paragraph's last two words with a no-break space: on a
# phone a long pair („virtuelnim asistentima”) is wider than the column and breaks inside a word.
# The browser keeps lines even instead (text-wrap: balance and pretty in theme/css/10-base.css).
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "caps", "widont"]
TYPOGRIFY_DASHES = "oldschool"

# --- URLs: pretty, with Serbian path words ------------------------------------
locals().update(serbian.slug_settings())
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = "nacrti/{slug}/"
DRAFT_SAVE_AS = "nacrti/{slug}/index.html"
DRAFT_PAGE_URL = "nacrti/{slug}/"
DRAFT_PAGE_SAVE_AS = "nacrti/{slug}/index.html"
CATEGORY_URL = "kategorija/{slug}/"
CATEGORY_SAVE_AS = "kategorija/{slug}/index.html"
CATEGORIES_URL = "kategorije/"
CATEGORIES_SAVE_AS = "kategorije/index.html"
TAG_URL = "oznaka/{slug}/"
TAG_SAVE_AS = "oznaka/{slug}/index.html"
TAGS_URL = "oznake/"
TAGS_SAVE_AS = "oznake/index.html"
ARCHIVES_URL = "arhiva/"
ARCHIVES_SAVE_AS = "arhiva/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# The search page (plugins/search, theme/templates/search.html).
SEARCH_URL = "pretraga/"
SEARCH_SAVE_AS = "pretraga/index.html"
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "search", "404"]
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None}
PAGINATION_PATTERNS = (
    (1, "{base_name}/", "{save_as}"),
    (2, "{base_name}/strana/{number}/", "{base_name}/strana/{number}/index.html"),
)

# --- Feeds: off while previewing, on in publishconf.py ------------------------
# The published site's feeds, in one place: publishconf.py turns them on, and the content check
# knows them in the preview too (a link to a feed is not broken just because the preview has none).
PUBLISHED_FEEDS = {
    "FEED_ALL_ATOM": "feeds/sve.atom.xml",
    "FEED_ALL_RSS": "feeds/sve.rss.xml",
    "CATEGORY_FEED_ATOM": "feeds/kategorija-{slug}.atom.xml",
    "CATEGORY_FEED_RSS": "feeds/kategorija-{slug}.rss.xml",
}
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
RSS_FEED_SUMMARY_ONLY = False  # RSS readers get whole posts, like Atom readers
# The newest 20 posts, whole: what a subscriber's reader needs. Pelican's 100 made each feed about
# 570 KB at 1000 posts, fetched again on every check, and a tenth of a warm build's CPU to write.
FEED_MAX_ITEMS = 20

# --- Theme and plugins --------------------------------------------------------
THEME = "theme"
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Content HTML is marked |safe in templates; everything else is escaped.
    "autoescape": True,
    "extensions": [],
}
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # The content check: judges what Pelican read, before anything is written (README "How the check works").
    "content_check",
    # Foundation: Serbian slugs, dates and quotes; plain-text titles; one CSS file.
    "serbian",
    "plain_text",
    "css_bundle",
    "js_minify",
    "breadcrumbs",
    # Drafts and scheduled posts: marked in the preview, absent in production.
    "drafts",
    # Theme and reading aids (README "Theme"): pinned pelican-plugins packages first.
    "pelican.plugins.neighbors",
    "pelican.plugins.related_posts",
    "reading_time",
    "headings",
    "site_icons",
    # Photos in AVIF/WebP at several widths, every image with its size (README "Photos").
    "responsive_images",
    # Production publishes only the images a published text uses (publishconf.py USED_IMAGES_ONLY).
    "used_images",
    # content/faq/ → FAQ pages at faq/<slug>/, the index at faq/ (README "FAQ pages").
    "faq",
    # Sharing and discoverability (README "Sharing"): meta, share images and links, feeds, sitemap.
    "text_headers",
    # Markdown's HTML kept between builds by each file's text (README "Build speed"); every signal still runs.
    "markdown_cache",
    # Typogrify's result for each text, kept the same way (Pelican runs it on every text of every file).
    "typogrify_cache",
    # Each file's path from content/, worked out once (Pelican asks again for every URL).
    "relative_paths",
    # Pages whose inputs are unchanged are not rendered again; pages no longer written are removed (README "Build speed").
    "render_cache",
    "stale_pages",
    "seo_meta",
    "share_images",
    "share_links",
    "feeds",
    "robots_txt",
    "sitemap_xml",
    # The Cyrillic edition: every page's twin under cir/ (README "Cyrillic edition").
    "cyrillic",
    # Search (README "Search"): the Pagefind index of posts, pages and FAQ questions, made after every build.
    "search",
]
RELATED_POSTS_MAX = 3
# plugins/responsive_images: the widths made of each photo (never wider than
# the original), and the width the column gives an image: the viewport less
# 2 × --space on a phone, --measure from 40em up (theme/css/00-tokens.css,
# 20-layout.css; plugins/responsive_images/test_sizes.py keeps them in step).
RESPONSIVE_IMAGE_WIDTHS = [480, 768, 1080, 1440]
RESPONSIVE_IMAGE_SIZES = "(min-width: 40em) 37rem, calc(100vw - 2rem)"
# plugins/sitemap_xml: URLs (relative to SITEURL) left out of sitemap.xml, as regular expressions.
# The search page is a form, its results a query's: nothing for a search engine to be pointed at.
SITEMAP_EXCLUDE = [r"^(cir/)?404\.html$", r"^(cir/)?nacrti/", r"^(cir/)?pretraga/"]

# Main navigation: (label, URL relative to SITEURL).
MENU_LINKS = [
    ("Blog", ""),
    ("Pitanja", "faq/"),  # short, so the whole menu fits one row on a 320 px phone
    ("Usluge", "usluge/"),
    ("O meni", "o-meni/"),
    ("Kontakt", "kontakt/"),
]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# Development builds show drafts at /nacrti/…/ so the author can preview them.
SHOW_DRAFTS = True
