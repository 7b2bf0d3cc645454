"""Serbian language rules, as warnings: they never stop a build or a publish.

The title and summary are judged as Pelican parsed them; the body line by
line (code, comments and link targets left out), so a warning names its line.
A file's warnings depend on its text alone: they are kept between builds
(cache/language/, LANGUAGE_CACHE moves it, "" turns it off).
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from shared import KEPT_WORDS_FILE, WARNING, Problem, plain, quoted, suspicious_words, to_cyrillic
from shared.disk_cache import Store, kept_json

from .header import prose_start

DIACRITICS_FILE = Path(__file__).with_name("diacritics.txt")
KEPT_WORDS_NAME = KEPT_WORDS_FILE.relative_to(KEPT_WORDS_FILE.parents[2]).as_posix()
ENGLISH_UI_PHRASES = (
    "read more",
    "click here",
    "previous",
    "category",
    "search",
    "share",
    "home",
    "next",
    "menu",
    "tags",
)
ENGLISH_UI_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ENGLISH_UI_PHRASES) + r")(?!\w)",
    re.IGNORECASE,
)
FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1")
LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
REF_DEFINITION_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
HTML_TAG_RE = re.compile(r"<[^<>]+>")
# Text the author marked to be kept as written (<span translate="no">…</span>, README "Cyrillic edition").
KEPT_AS_WRITTEN_RE = re.compile(r"<(\w+)\b[^<>]*\btranslate=[\"']?no\b[^<>]*>.*?</\1>", re.IGNORECASE)
WORD_RE = re.compile(r"\w+")
# Straight quotes, English “…” and ‘…’ and the keyboard's ,,…'' are left alone: Markdown's smarty
# turns them into „…” and ‚…’ (plugins/serbian/typed_quotes.py straightens the typed ones first).
BAD_QUOTES = {
    "\u00ab": "navodnika «",
    "\u00bb": "navodnika »",
}
# ’ where an inner quote opens (line start, or after a space, ( or „, before a letter): Serbian opens with ‚.
OPENING_RSQUO_RE = re.compile(r"(?:^|(?<=[\s(„]))\u2019(?=\w)")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_LETTER_RE = re.compile(r"[a-zA-ZčćđšžČĆĐŠŽ]")
# One word for one thing (content/CONVENTIONS.md, "Words we use").
WORD_CHOICES = (
    (re.compile(r"(?<!\w)i?mejl\w*", re.IGNORECASE), "e-pošta"),
    (re.compile(r"(?<!\w)folder\w*", re.IGNORECASE), "fascikla"),
)
HINT = "Ovo je samo upozorenje: sajt se i dalje gradi. Ispravite ako je greška u kucanju."


@lru_cache(maxsize=1)
def diacritics(path: Path = DIACRITICS_FILE) -> dict[str, str]:
    """`wrong correct` pairs: common words written without their diacritics."""
    pairs = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split("#", 1)[0].split()
        if len(parts) == 2:
            pairs[parts[0].lower()] = parts[1]
    return pairs


def messages(prose: str, spacing: str | None = None) -> list[str]:
    """What is wrong with one line of prose (`spacing`: the raw line, for the double-space rule)."""
    found = [f"Umesto {name} pišite srpske navodnike „…”." for char, name in BAD_QUOTES.items() if char in prose]
    if OPENING_RSQUO_RE.search(prose):
        found.append("Unutrašnji navodnik se otvara znakom ‚ (a zatvara ’): ‚ovako’.")
    cyrillic = CYRILLIC_RE.findall(prose)
    letters = sorted(set(cyrillic))
    if len(cyrillic) > len(LATIN_LETTER_RE.findall(prose)):
        found.append(
            "Ovaj red je napisan ćirilicom. Pišite latinicom: ćirilično izdanje sajta pravi se automatski iz latiničnog teksta."
        )
    elif letters:
        found.append(
            f"U latiničnom tekstu je ćirilično slovo: {letters[0]}."
            if len(letters) == 1
            else f"U latiničnom tekstu su ćirilična slova: {' '.join(letters)}."
        )
    for word in dict.fromkeys(suspicious_words(prose)):
        if not CYRILLIC_RE.search(word):  # a mixed word is named by the rule above
            found.append(_foreign_word(word))
    for pattern, preferred in WORD_CHOICES:
        found += [
            f"„{m.group()}”: na sajtu se piše „{preferred}” (content/CONVENTIONS.md)." for m in pattern.finditer(prose)
        ]
    pairs = diacritics()
    for word in WORD_RE.findall(prose):
        correct = pairs.get(word.lower())
        if correct:
            found.append(f"Reč „{word}” je napisana bez kvačica; verovatno ste mislili „{correct}”.")
    if "  " in (spacing if spacing is not None else prose):
        found.append("Dva razmaka zaredom.")
    named = {" ".join(match.group().lower().split()) for match in ENGLISH_UI_RE.finditer(prose)}
    found += [f"Engleska reč „{phrase}” u tekstu na srpskom." for phrase in ENGLISH_UI_PHRASES if phrase in named]
    return found


def _foreign_word(word: str) -> str:
    """A word the transliteration cannot judge: kept in Latin (w, x, y, q), or with a capital inside (ClickUp);
    which one, the transliterator itself says."""
    twin = to_cyrillic(word)
    if twin == word:
        shown = "ima slovo w, x, y ili q, pa u ćiriličnom izdanju ostaje latinicom"
    else:
        shown = f"ima veliko slovo usred reči, pa bi je ćirilično izdanje preslovilo u {quoted(twin)}"
    return (
        f"Reč {quoted(word)} {shown}. Ako je to ime proizvoda ili firme, upišite ga u {KEPT_WORDS_NAME}: "
        "ostaje latinicom i upozorenje nestaje; ako nije, proverite kako je napisana."
    )


def prose_lines(lines, start: int = 0):
    """(line number, prose, raw line) for body lines from index `start`, code and comments left out."""
    fence, in_comment = "", False
    for index in range(start, len(lines)):
        raw = lines[index]
        opening = FENCE_RE.match(raw)
        if fence:
            fence = "" if opening and opening.group(1) == fence else fence
            continue
        if opening:
            fence = opening.group(1)
            continue
        line = raw
        if in_comment:
            end = line.find("-->")
            if end == -1:
                continue
            line, in_comment = line[end + 3 :], False
        line = re.sub(r"<!--.*?-->", " ", line)
        if "<!--" in line:
            line, in_comment = line[: line.find("<!--")], True
        if REF_DEFINITION_RE.match(line):
            continue
        prose = HTML_TAG_RE.sub(
            " ", LINK_TARGET_RE.sub("]", INLINE_CODE_RE.sub(" ", KEPT_AS_WRITTEN_RE.sub(" ", line)))
        )
        yield index + 1, prose, INLINE_CODE_RE.sub("code", line).lstrip()


def check(document, source, store: Store | None = None) -> list[Problem]:
    """The warnings for one document; `store` keeps them between builds by the file's text."""
    fields = {key: plain(str(document.metadata.get(key, ""))) for key in ("title", "summary")}

    def judged():
        found = [[source.field_line(key), message] for key, text in fields.items() for message in messages(text)]
        for number, prose, spacing in prose_lines(source.lines, prose_start(source)):
            found += [[number, message] for message in messages(prose, spacing)]
        return found

    found = kept_json(store, json.dumps([fields, source.lines], ensure_ascii=False), judged)
    return [Problem(source.shown, line, message, HINT, WARNING) for line, message in found]
