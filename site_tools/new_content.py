"""`invoke new-post` and `invoke new-faq`: a new draft with a complete metadata header."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import ROOT
from .plugins import breadcrumbs, faq_model, serbian
from .settings import draft_preview_url

FAQ_FOLDER, FAQ_KINDS = breadcrumbs.FAQ_DIR, faq_model.KINDS

TIMEZONE = ZoneInfo("Europe/Belgrade")

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

FAQ_TEMPLATE = """\
Title: {title}
Date: {date}
Slug: {slug}
Summary: Jedna rečenica o tome na šta ova stranica odgovara (do 160 znakova).
Kind: {kind}
Status: draft

Uvodni pasus: kome su ovi odgovori namenjeni i šta će ovde naći.

{questions}"""

FAQ_QUESTIONS = {
    "questions": """\
## Prvo pitanje, napisano onako kako ga klijent postavlja?

Odgovor na prvo pitanje. Svako pitanje je podnaslov sa „## ”, a odgovor je tekst ispod njega.

## Drugo pitanje?

Odgovor na drugo pitanje.
""",
    "myths": """\
## Mit napisan kao tvrdnja koju ljudi često ponavljaju

Činjenica: kako stvari zaista stoje. Oznake „Mit” i „Činjenica” sajt dodaje sam.

## Drugi mit

Činjenica o drugom mitu.
""",
}


def new_post(title: str, now: datetime | None = None, content_dir: Path = ROOT / "content") -> tuple[Path, str]:
    """Create content/posts/<slug>.md as a draft; return its path and preview URL.

    Refuses (FileExistsError) to overwrite a post that already has the slug.
    """
    return _create("post", content_dir / "posts", POST_TEMPLATE, title, now)


def new_faq(title: str, kind: str = "questions", now: datetime | None = None, content_dir: Path = ROOT / "content") -> tuple[Path, str]:
    """Create content/faq/<slug>.md (Kind: questions or myths) as a draft; return its path and preview URL."""
    if kind not in FAQ_KINDS:
        raise ValueError(f"Vrsta „{kind}” ne postoji; izaberite {' ili '.join(FAQ_KINDS)}.")
    template = FAQ_TEMPLATE.replace("{questions}", FAQ_QUESTIONS[kind]).replace("{kind}", kind)
    return _create("page", content_dir / FAQ_FOLDER, template, title, now)


def _create(kind: str, folder: Path, template: str, title: str, now: datetime | None) -> tuple[Path, str]:
    title = " ".join(title.split())
    slug = serbian.slugify(title)
    if not slug:
        raise ValueError(f"Naslov „{title}” nema nijedno slovo ni broj za adresu.")
    path = folder / f"{slug}.md"
    now = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    text = template.format(title=title, date=now.strftime("%Y-%m-%d %H:%M"), slug=slug)
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path, draft_preview_url(kind, slug)
