"""Serbian alphabetical order: „abeceda” for Latin, „azbuka” for Cyrillic.

Python compares code points, which puts č after v („poverenje” before
„početak”) and ђ ј љ њ ћ џ after ш. Here each letter (lj, nj and dž are one)
takes its place in its alphabet; q, w, x and y, which Serbian lacks, stand
where English has them. Digits and punctuation come first, then Cyrillic, then
Latin: a name kept in Latin on a Cyrillic page (Trello) goes after the
Cyrillic words, not among them.
"""

import re
import unicodedata

LATIN = "a b c č ć d dž đ e f g h i j k l lj m n nj o p q r s š t u v w x y z ž".split()
CYRILLIC = "а б в г д ђ е ж з и ј к л љ м н њ о п р с т ћ у ф х ц ч џ ш".split()
PLACE = {letter: (2, place) for place, letter in enumerate(LATIN)} | {
    letter: (1, place) for place, letter in enumerate(CYRILLIC)
}
LETTER = re.compile("dž|lj|nj|.", re.S)


def sort_key(text: str) -> tuple:
    """A key that puts texts in Serbian alphabetical order, case aside."""
    units = LETTER.findall(unicodedata.normalize("NFC", str(text)).lower())
    return tuple(PLACE.get(unit, (0, ord(unit[0]))) for unit in units)
