"""Serbian Latin → Cyrillic (and back), for the Cyrillic edition.

Our own, small and tested (plugins/cyrillic/test_translit.py): the libraries
looked at each fail somewhere (README "Cyrillic edition"). Rules:

- lj, nj, dž are one letter (љ, њ, џ), except where a prefix ends before the
  j or ž: the stems in DIGRAPH_SPLITS (nadživeti → надживети, injekcija → инјекција);
- the case of a word is kept: LJUBAV → ЉУБАВ, Ljubav → Љубав;
- kept as written: words on the kept list (kept_words.txt) and their Serbian
  case forms, URLs, e-mail addresses, dotted names with their path (vavodic.rs/o-meni/,
  Node.js) and file names (ugovor.pdf);
  a word with letters Serbian does not have (w, x, y, q) is left as it is;
- invisible joiners and spaces (U+200B–U+200D, U+2060, U+FEFF) are dropped
  from the text, never added.
"""

import re
from functools import lru_cache
from pathlib import Path

KEPT_WORDS_FILE = Path(__file__).with_name("kept_words.txt")

LETTERS = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф",
    "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip
DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
# Word beginnings where lj/nj/dž are two letters: a prefix (nad-, pod-, od-, in-,
# kon-, van-) meets a word starting with j or ž. "|" marks the boundary. Only
# whole stems are listed: odžak (оџак) and injekcija (инјекција) both begin with
# a prefix-like "od"/"in", so a bare prefix rule would be wrong.
DIGRAPH_SPLITS = (
    "nad|živ", "nad|žnj", "nad|žanj", "nad|žup", "pod|žup", "pod|žanr", "pod|žar", "pod|žnj",
    "pod|živ", "pod|želud", "od|žal", "od|živ", "od|žvak", "od|žur",
    "in|jek", "in|junk", "kon|jug", "kon|junk", "kon|jekt", "van|jez", "van|jevr",
    "tan|jug",  # Tanjug: Telegrafska agencija nove Jugoslavije, Танјуг
)  # fmt: skip
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Serbian case endings a kept name takes (Zoom-u, Viber-om, Slack-a, Trell-u).
ENDINGS = ("a", "e", "i", "u", "o", "om", "em", "ima", "ama", "ove", "ovi", "ova", "ovima")

LATIN_LETTERS = "A-Za-zČčĆćĐđŠšŽž"
TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|mailto:|www\.)[^\s<>\"'„”“]+[^\s<>\"'„”“.,;:!?)\]])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<dotted>\w+(?:[.-]\w+)*\.(?:rs|com|org|net|io|js|py|ai|eu|me|co|app|dev)(?!\w)"
    r"(?:/(?:[^\s<>\"'„”“]*[^\s<>\"'„”“.,;:!?)\]])?)?)"  # and its path: vavodic.rs/o-meni/
    r"|(?P<file>\w+(?:[.-]\w+)*\.(?i:pdf|docx?|xlsx?|pptx?|odt|ods|csv|txt|png|jpe?g|gif|svg|webp|zip)(?!\w))"
    r"|(?P<word>\w+(?:['’]\w+)*)",
)
FOREIGN_LETTERS_RE = re.compile(r"[wxyqWXYQ]")
# A capital after a small letter inside a word (JavaScript, iPhone): a brand's spelling, not Serbian.
INNER_CAPITAL_RE = re.compile(r"[a-zčćđšž][A-ZČĆĐŠŽ]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(f"[{LATIN_LETTERS}]")


@lru_cache(maxsize=4)
def kept_words(path: Path = KEPT_WORDS_FILE) -> frozenset[str]:
    """Every word of the kept list, lowercased."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.update(word.lower() for word in line.split())
    return frozenset(words)


def is_kept(word: str, kept: frozenset[str] | None = None) -> bool:
    """A kept word, or one of its Serbian case forms (Zoomu, Trellom)."""
    kept = kept_words() if kept is None else kept
    lower = word.lower()
    if lower in kept:
        return True
    for ending in ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem = lower[: -len(ending)]
            if stem in kept or any(stem + vowel in kept for vowel in "aeiou"):
                return True
    return False


# (prefix, whole stem) pairs, and the one test a word must pass before they are tried.
SPLITS = tuple((stem.split("|")[0], stem.replace("|", "")) for stem in DIGRAPH_SPLITS)
MAY_SPLIT_RE = re.compile("(?:ne)?(?:" + "|".join(sorted({stem for _, stem in SPLITS}, key=len, reverse=True)) + ")")


def _split_points(lower: str) -> set[int]:
    """Indexes in `lower` where a digraph must stay two letters (the index of its j or ž)."""
    if not MAY_SPLIT_RE.match(lower):
        return set()
    points = set()
    for prefix, stem in SPLITS:
        for start in (0, 2) if lower.startswith("ne") else (0,):  # also after the negation: nenadživljiv
            if lower.startswith(stem, start):
                points.add(start + len(prefix))
    return points


def _cased(letter: str, upper: bool) -> str:
    return letter.upper() if upper else letter


@lru_cache(maxsize=65536)  # a site has a few thousand different words, each used many times
def word_to_cyrillic(word: str) -> str:
    """One word of Serbian Latin in Cyrillic (letters it does not know are left as they are)."""
    lower = word.lower()
    splits = _split_points(lower)
    out, index = [], 0
    while index < len(word):
        pair = lower[index : index + 2]
        if pair in DIGRAPHS and index + 1 not in splits:
            # Upper case when the first letter is; "LJ" and "Lj" are both Љ.
            out.append(_cased(DIGRAPHS[pair], word[index].isupper()))
            index += 2
            continue
        char = word[index]
        mapped = LETTERS.get(char.lower())
        out.append(_cased(mapped, char.isupper()) if mapped else char)
        index += 1
    return "".join(out)


def to_cyrillic(text: str, kept: frozenset[str] | None = None) -> str:
    """Serbian Latin text in Cyrillic, with names, URLs and addresses kept as written."""
    text = text.translate(INVISIBLE)

    def replace(match: re.Match) -> str:
        word = match.group("word")
        if word is None:
            return match.group()
        return _word(word) if kept is None else (word if _left_as_is(word, kept) else word_to_cyrillic(word))

    return TOKEN_RE.sub(replace, text)


def _left_as_is(word: str, kept: frozenset[str] | None = None) -> bool:
    return bool(FOREIGN_LETTERS_RE.search(word) or CYRILLIC_RE.search(word) or is_kept(word, kept))


@lru_cache(maxsize=65536)
def _word(word: str) -> str:
    """One word with the kept list of the repository."""
    return word if _left_as_is(word) else word_to_cyrillic(word)


LATIN = {cyr: lat for lat, cyr in LETTERS.items()} | {cyr: lat for lat, cyr in DIGRAPHS.items()}


def to_latin(text: str) -> str:
    """Serbian Cyrillic text in Latin (Љ → Lj, or LJ inside an upper-case word)."""
    out = []
    for index, char in enumerate(text):
        latin = LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif not char.isupper():
            out.append(latin)
        else:
            neighbours = text[index + 1 : index + 2] + text[index - 1 : index]
            all_caps = len(latin) == 2 and any(c.isupper() for c in neighbours)
            out.append(latin.upper() if all_caps else latin.capitalize())
    return "".join(out)


def suspicious_words(text: str, kept: frozenset[str] | None = None) -> list[str]:
    """Words the transliteration cannot judge, not on the kept list: with w/x/y/q, a capital inside (JavaScript), or mixed scripts."""
    text = text.translate(INVISIBLE)
    if not SUSPICIOUS_TEXT_RE.search(text):  # most lines: nothing to look at word by word
        return []
    found = []
    for match in TOKEN_RE.finditer(text):
        word = match.group("word")
        if not word or len(word) == 1:  # a lone letter (3 x 4, "the letter q") is no name
            continue
        mixed = CYRILLIC_RE.search(word) and LATIN_RE.search(word)
        if (mixed or FOREIGN_LETTERS_RE.search(word) or INNER_CAPITAL_RE.search(word)) and not is_kept(word, kept):
            found.append(word)
    return found


# A line without any of these has no word suspicious_words would name.
SUSPICIOUS_TEXT_RE = re.compile(f"{FOREIGN_LETTERS_RE.pattern}|{INNER_CAPITAL_RE.pattern}|{CYRILLIC_RE.pattern}")
