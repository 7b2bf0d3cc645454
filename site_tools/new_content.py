"""`invoke new-post` and `invoke new-faq`: a new draft with a complete metadata header."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import ROOT
from .plugins import breadcrumbs, faq_model, serbian, starters
from .settings import draft_preview_url, load

FAQ_FOLDER, FAQ_KINDS = breadcrumbs.FAQ_DIR, faq_model.KINDS

TIMEZONE = ZoneInfo("Europe/Belgrade")


def new_post(title: str, now: datetime | None = None, content_dir: Path = ROOT / "content") -> tuple[Path, str]:
    """Create content/posts/<slug>.md as a draft; return its path and preview URL.

    Refuses (FileExistsError) to overwrite a post that already has the slug.
    """
    categories = load()["CATEGORIES"]
    template = starters.POST.replace("{categories}", ", ".join(categories)).replace("{category}", categories[0])
    template = template.replace("{summary}", starters.POST_SUMMARY).replace("{body}", starters.POST_BODY)
    return _create("post", content_dir / "posts", template, title, now)


def new_faq(
    title: str, kind: str = "questions", now: datetime | None = None, content_dir: Path = ROOT / "content"
) -> tuple[Path, str]:
    """Create content/faq/<slug>.md (Kind: questions or myths) as a draft; return its path and preview URL."""
    kind = faq_model.kind_named(kind)  # VRSTA=Myths, VRSTA=mitovi
    if kind not in FAQ_KINDS:
        raise ValueError(
            f"Vrsta „{kind}” ne postoji; izaberite myths (mitovi) ili questions (pitanja), "
            'na primer: make faq NASLOV="Mitovi o ceni" VRSTA=myths'
        )
    template = starters.FAQ.replace("{questions}", starters.FAQ_QUESTIONS[kind]).replace("{kind}", kind)
    template = template.replace("{summary}", starters.FAQ_SUMMARY).replace("{intro}", starters.FAQ_INTRO)
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
