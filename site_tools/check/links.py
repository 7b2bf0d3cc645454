"""Links inside the site resolve: {filename}/{static} files, #headings and /absolute/ paths."""

from urllib.parse import unquote, urlsplit

from .problem import Problem
from .source import Document, Reference
from .targets import SiteTargets, did_you_mean, parse_internal_link

FILENAME_HINT = (
    "Proverite ime fajla. Tekstovi su u content/posts/, stranice u content/pages/, pitanja u content/faq/; "
    "link se piše ovako: [tekst]({filename}/posts/ime-fajla.md)"
)
ABSOLUTE_HINT = (
    "Za link ka tekstu ili stranici koristite {filename}, na primer [tekst]({filename}/pages/kontakt.md): "
    "tako link ostaje ispravan i kada se adresa promeni."
)


def check(document: Document, targets: SiteTargets) -> list[Problem]:
    problems = []
    for reference in document.references():
        if reference.is_image or not reference.target:
            continue
        internal = parse_internal_link(reference.target)
        if internal:
            problems += _internal(document, reference, internal, targets)
        elif reference.target.startswith("#"):
            problems += _fragment(document, reference, document, reference.target[1:], targets)
        elif reference.target.startswith("/") and not reference.target.startswith("//"):
            problems += _absolute(document, reference, targets)
        elif not urlsplit(reference.target).scheme and reference.target.split("#")[0].endswith(".md"):
            problems.append(document.problem(
                reference.line, f"Link „{reference.target}” vodi na Markdown fajl bez {{filename}}, pa na sajtu ne bi radio.",
                f"Napišite ga ovako: ({{filename}}{targets.shown_link(targets.resolve(document, reference.target.split('#')[0]))})",
            ))
    return problems


def _internal(document, reference: Reference, internal, targets: SiteTargets) -> list[Problem]:
    kind, link_path, fragment = internal
    path = targets.resolve(document, link_path)
    if not path.is_file():
        pattern = "*.md" if kind == "filename" else "*"
        return [document.problem(
            reference.line, f"Link vodi na fajl „{link_path}” koji ne postoji.",
            FILENAME_HINT + "." + targets.suggestion(path, pattern, exclude=document.path),
        )]
    target = targets.documents.get(path)
    if target is None:
        return []
    problems = _unpublished(document, reference, target, targets)
    if fragment:
        problems += _fragment(document, reference, target, fragment, targets)
    return problems


def _unpublished(document, reference: Reference, target: Document, targets: SiteTargets) -> list[Problem]:
    if targets.unpublished_reason(document):
        return []  # a draft may link to another draft; both go live together
    reason = targets.unpublished_reason(target)
    if not reason:
        return []
    return [document.problem(
        reference.line, f"Link vodi na {target.shown}, a taj tekst još nije objavljen ({reason}).",
        "Objavite prvo taj tekst, ili privremeno uklonite link; objavljen tekst ne sme da vodi na stranicu koje nema.",
    )]


def _fragment(document, reference: Reference, target: Document, fragment: str, targets: SiteTargets) -> list[Problem]:
    ids = targets.heading_ids(target)
    if unquote(fragment) in ids:
        return []
    where = "ovom fajlu" if target is document else target.shown
    hint = "Posle # ide naslov podnaslova (## …) napisan kao Slug: mala slova bez kvačica, crtice umesto razmaka."
    close = did_you_mean(f"#{fragment}", [f"#{name}" for name in ids])
    return [document.problem(
        reference.line, f"Link vodi na deo „#{fragment}”, a u {where} nema podnaslova sa tom adresom.",
        hint + (close or f" Podnaslovi tog fajla: {', '.join('#' + name for name in ids[:5]) or 'nema ih'}."),
    )]


def _absolute(document, reference: Reference, targets: SiteTargets) -> list[Problem]:
    parts = urlsplit(reference.target)
    path = unquote(parts.path).lstrip("/")
    first = path.split("/", 1)[0]
    config = targets.config
    if first in config.static_paths:
        found = (config.content / path).is_file()
    elif first == config.theme_static[1]:
        found = (config.theme_static[0] / path.split("/", 1)[-1]).is_file()
    else:
        found = path in targets.urls or (path + "/") in targets.urls
    if not found:
        return [document.problem(
            reference.line, f"Link „{reference.target}” ne vodi ni na jednu stranicu ovog sajta.", ABSOLUTE_HINT,
        )]
    page = targets.urls.get(path) or targets.urls.get(path + "/")
    problems = _unpublished(document, reference, page, targets) if page else []
    if page and parts.fragment:
        problems += _fragment(document, reference, page, parts.fragment, targets)
    return problems
