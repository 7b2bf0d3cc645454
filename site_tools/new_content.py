"""`invoke new-post`: a new draft with a complete metadata header."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import ROOT
from .plugins import serbian

TIMEZONE = ZoneInfo("Europe/Belgrade")
PREVIEW_URL = "http://127.0.0.1:8000"

POST_TEMPLATE = """\
Title: {title}
Date: {date}
Modified: {date}
Category: Osnove
Tags: saradnja
Slug: {slug}
Summary: Jedna rečenica koja kaže o čemu je post (do 160 znakova).
Status: draft

Ovde počinje tekst. Pišite kratke pasuse, a podnaslove počnite sa „## ”.
"""


def new_post(title: str, now: datetime | None = None, content_dir: Path = ROOT / "content") -> tuple[Path, str]:
    """Create content/posts/<slug>.md as a draft; return its path and preview URL.

    Refuses (FileExistsError) to overwrite a post that already has the slug.
    """
    title = " ".join(title.split())
    slug = serbian.slugify(title)
    if not slug:
        raise ValueError(f"Naslov „{title}” nema nijedno slovo ni broj za adresu posta.")
    path = content_dir / "posts" / f"{slug}.md"
    now = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    text = POST_TEMPLATE.format(title=title, date=now.strftime("%Y-%m-%d %H:%M"), slug=slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path, f"{PREVIEW_URL}/nacrti/{slug}/"
