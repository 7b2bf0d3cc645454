"""Serbian alphabetical order: „abeceda” for Latin, „azbuka” for Cyrillic.

Python compares code points, which puts č after v („poverenje” before
„početak”) and Cyrillic ц before д. Here each letter (lj, nj and dž are one)
takes its place in its alphabet; q, w, x and y, which Serbian lacks, stand
where English has them. Anything else (digits, punctuation) sorts before letters.
"""

import re
import unicodedata

LATIN = "a b c č ć d dž đ e f g h i j k l lj m n nj o p q r s š t u v w x y z ž".split()
CYRILLIC = "а б в г д ђ е ж з и ј к л љ м н њ о п р с т ћ у ф х ц ч џ ш".split()
PLACE = {letter: place for alphabet in (LATIN, CYRILLIC) for place, letter in enumerate(alphabet)}
LETTER = re.compile("dž|lj|nj|.", re.S)


def sort_key(text: str) -> tuple:
    """A key that puts texts of one script in Serbian alphabetical order, case aside."""
    units = LETTER.findall(unicodedata.normalize("NFC", str(text)).lower())
    return tuple((1, PLACE[unit]) if unit in PLACE else (0, ord(unit[0])) for unit in units)
