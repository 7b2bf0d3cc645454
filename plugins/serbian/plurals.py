"""Serbian plural forms: 1 pitanje, 2 pitanja, 5 pitanja; 1 mit, 3 mita, 10 mitova.

Serbian picks one of three forms by the last digits of the number: "one"
(1, 21, 101, but not 11), "few" (2–4, 22–24, but not 12–14) and "many"
(everything else, 11–14 included), as in CLDR's rules for sr.
"""


def plural(count: int, one: str, few: str, many: str) -> str:
    """The form of a noun that goes with `count`: plural(3, "mit", "mita", "mitova") → "mita"."""
    count = abs(int(count))
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many
