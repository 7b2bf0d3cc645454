"""What Pelican cannot be trusted to read: checked before it reads anything.

Only file-level facts live here (a symbolic link leaving content/, a file type
the site does not accept, an empty or non-UTF-8 file, an image that cannot be
opened). Everything about what a file says is judged on Pelican's own objects.
"""

import fnmatch
import os
import warnings
from pathlib import Path

from PIL import Image

from shared import ERROR, WARNING, Problem
from shared.disk_cache import Store, kept

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown"}
STATIC_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".pdf"}
RASTER_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"}
# Past these an original only slows every build and fills the repository; the
# site never serves it wider than 1440 px (plugins/responsive_images).
LARGE_IMAGE_BYTES = 5 * 1024 * 1024
LARGE_IMAGE_PIXELS = 4000
LARGE_IMAGE_PIXELS_SHOWN = f"{LARGE_IMAGE_PIXELS:,}".replace(",", ".")  # 4.000: Serbian groups thousands with a dot


def scan(
    content: Path,
    content_folders: list[str],
    static_folders: list[str],
    shown,
    ignored: list[str] = (),
    decoded: Store | None = None,
) -> tuple[list[Problem], set[str]]:
    """Problems with files as files, and the paths (relative to content/) the site must not use.

    `ignored`: IGNORE_FILES, the patterns Pelican skips on purpose; `decoded`: where whether each
    image decodes to its end is kept (a file is decoded again only once it changes)."""
    problems, rejected = [], set()
    real_content = content.resolve()
    for folder, accepted in [(f, MARKDOWN_SUFFIXES) for f in content_folders] + [
        (f, STATIC_SUFFIXES) for f in static_folders
    ]:
        base = content / folder
        if not base.is_dir():
            continue
        for path in sorted(_files(base)):
            if _ignored(path, ignored):  # Pelican skips it too (an editor's backup copy, moj-tekst.md~)
                continue
            relative = path.relative_to(content).as_posix()
            problem = _problem(path, real_content, accepted, shown(path), decoded)
            if problem:
                problems.append(problem)
                if problem.is_error:  # a warning (a large photo) still goes on the site
                    rejected.add(relative)
    return problems + unread(content, content_folders + static_folders, ignored, shown), rejected


def unread(content: Path, folders: list[str], ignored: list[str], shown) -> list[Problem]:
    """Files in content/ outside every folder the site reads: Pelican passes them over without a word."""
    read = {Path(folder).parts[0] for folder in folders}
    found = []
    for path in sorted(content.iterdir()) if content.is_dir() else ():
        if path.name in read or _ignored(path, ignored):
            continue
        for file in sorted(_files(path)) if path.is_dir() else [path]:
            if not _ignored(file, ignored):
                found.append(
                    Problem(
                        shown(file),
                        1,
                        f"Sajt ne čita ovaj fajl: nije ni u jednoj od fascikli {', '.join(f'content/{name}/' for name in sorted(read))}.",
                        "Tekst premestite u content/posts/ (objava), content/pages/ (stranica) ili content/faq/ (pitanja), "
                        "a sliku u content/images/; ako vam fajl ne treba na sajtu, sklonite ga iz content/.",
                        # a text here was most likely meant for the site: it stops a publish until it is moved
                        ERROR if file.suffix.lower() in MARKDOWN_SUFFIXES else WARNING,
                    )
                )
    return found


def _ignored(path: Path, ignored: list[str]) -> bool:
    """Pelican's rule for IGNORE_FILES: a pattern matched against the name alone."""
    return path.name.startswith(".") or any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored)


# Photos as phones and cameras save them, which browsers do not all show: the site wants a JPEG.
OTHER_PHOTO_SUFFIXES = {".heic", ".heif", ".tif", ".tiff", ".bmp", ".dng", ".cr2", ".nef", ".arw", ".raw"}
PHOTO_HINT = (
    "Sačuvajte fotografiju kao JPEG (.jpg), na primer tako što je otvorite u programu za slike i izaberete "
    "„Sačuvaj kao” JPEG. iPhone snima u JPEG-u kada u Podešavanjima, u delu Kamera → Formati, izaberete "
    "„Najkompatibilnije”."
)


def _files(base: Path):
    """Every file under `base`, hidden ones aside (Pelican ignores them too), links included."""
    for folder, dirs, files in os.walk(base, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                yield Path(folder) / name
        for name in dirs:
            if (Path(folder) / name).is_symlink():
                yield Path(folder) / name


def _problem(path: Path, real_content: Path, accepted: set[str], shown: str, decoded: Store | None) -> Problem | None:
    if path.is_symlink() and not path.resolve().is_relative_to(real_content):
        return Problem(
            shown,
            1,
            "Ovo je prečica (simbolička veza) ka fajlu van fascikle content, pa ga sajt neće objaviti.",
            "Kopirajte pravi fajl u content/ (na primer u content/images/) umesto prečice.",
        )
    if path.is_dir():
        return None
    suffix = path.suffix.lower()
    inner = Path(path.stem).suffix.lower()  # moj-tekst.md.txt: Notepad added .txt to a text saved as .md
    if suffix == ".txt" and inner in MARKDOWN_SUFFIXES & accepted:
        return Problem(
            shown,
            1,
            f"Fajl „{path.name}” ima nastavak „.txt” iza „{inner}”, pa ga sajt ne čita kao tekst.",
            f"Preimenujte ga u „{path.stem}”. U Beležnici (Notepad) pri čuvanju izaberite „Sve datoteke” (All files); "
            "Windows često ne prikazuje nastavak „.txt”, pa ga u imenu fajla možda ne vidite.",
        )
    if suffix not in accepted:
        kinds = ", ".join(sorted(accepted))
        return Problem(
            shown,
            1,
            f"Sajt ne koristi fajlove tipa „{suffix or path.name}” na ovom mestu; dok je ovaj fajl ovde, "
            "sajt ne može da se objavi.",
            (
                "Tekst premestite u content/posts/ (objava), content/pages/ (stranica) ili content/faq/ (pitanja)."
                if suffix in MARKDOWN_SUFFIXES
                else f"{PHOTO_HINT} Zatim obrišite ovaj fajl, a u tekstu napišite novo ime: "
                f"{{static}}/images/{path.stem}.jpg"
                if suffix in OTHER_PHOTO_SUFFIXES
                else f"Sliku premestite u content/images/, a u tekstu napišite putanju: {{static}}/images/{path.name}"
                if suffix in RASTER_SUFFIXES | {".svg"}
                else f"Ovde mogu fajlovi tipa: {kinds}. Tekst napišite kao Markdown (.md); ostale fajlove sklonite "
                "iz content/."
            ),
        )
    if suffix in MARKDOWN_SUFFIXES:
        return _text_problem(path, shown)
    if suffix in RASTER_SUFFIXES:
        return _image_problem(path, shown, decoded)
    return None


def _text_problem(path: Path, shown: str) -> Problem | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Problem(
            shown,
            raw[: error.start].count(b"\n") + 1,
            "Fajl nije sačuvan kao UTF-8, pa se slova poput č, ć, š, ž i đ ne mogu pročitati.",
            "Otvorite fajl u uređivaču teksta i sačuvajte ga sa kodiranjem „UTF-8” (Save As → Encoding: UTF-8).",
        )
    if not text.strip():
        return Problem(
            shown,
            1,
            "Fajl je prazan.",
            'Dodajte zaglavlje i tekst (za primer pokrenite: make post NASLOV="Naslov") ili obrišite fajl.',
        )
    return None


def _image_problem(path: Path, shown: str, decoded: Store | None = None) -> Problem | None:
    """Open the image's header, then decode it (kept in `decoded`): a huge, broken or cut-off file is a
    message, not a crash."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Problem(
            shown,
            1,
            "Slika je prevelika (previše piksela) da bi se bezbedno obradila.",
            f"Smanjite sliku na najviše {LARGE_IMAGE_PIXELS_SHOWN} piksela po širini u programu za slike i sačuvajte je ponovo.",
        )
    except Exception:  # Pillow raises many kinds for a broken file; each means the same here
        return Problem(
            shown,
            1,
            "Slika ne može da se otvori: fajl je oštećen ili nije slika.",
            "Sačuvajte sliku ponovo kao PNG ili JPEG (ili SVG za crteže) i zamenite ovaj fajl.",
        )
    if _cut_off(path, decoded):
        return Problem(
            shown,
            1,
            "Slika je nedovršena: fajl je prekinut (verovatno nije do kraja prenet ili sačuvan).",
            "Kopirajte sliku ponovo sa telefona ili računara i zamenite ovaj fajl.",
        )
    return _large_image_problem(path, shown)


def _cut_off(path: Path, decoded: Store | None) -> bool:
    """Whether the image stops before its end. The header (verify) says nothing of that, and the site's
    photo copies would fail on it mid-build; a JPEG is decoded at an eighth of its size, which is quick."""

    def decode() -> str:
        try:
            with Image.open(path) as image:
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
        except (OSError, ValueError, SyntaxError):
            return "cut"
        return "whole"

    stat = path.stat()
    return kept(decoded, f"{path.resolve()}\n{stat.st_mtime_ns}\n{stat.st_size}", decode) == "cut"


def _large_image_problem(path: Path, shown: str) -> Problem | None:
    """A warning, never an error: the photo is published, only heavier to keep and slower to build."""
    with Image.open(path) as image:
        width, height = image.size
    megabytes = path.stat().st_size / (1024 * 1024)
    too_big = []
    if path.stat().st_size > LARGE_IMAGE_BYTES:
        too_big.append(f"{megabytes:.1f} MB".replace(".", ","))
    if max(width, height) > LARGE_IMAGE_PIXELS:
        too_big.append(f"{width}×{height} piksela")
    if not too_big:
        return None
    return Problem(
        shown,
        1,
        f"Originalna slika je veća nego što sajtu treba ({', '.join(too_big)}).",
        f"Sajt sam pravi manje kopije za telefone, ali ovako velik original usporava svaku izgradnju. "
        f"Smanjite ga na najviše {LARGE_IMAGE_PIXELS_SHOWN} piksela po dužoj strani i 5 MB "
        "(na primer izvozom iz telefona ili programa za slike u veličini „velika”, a ne „originalna”).",
        WARNING,
    )
