"""Serbian Latin dates without relying on an OS locale (a fresh machine has none)."""

from datetime import date

MONTHS = (
    "januar",
    "februar",
    "mart",
    "april",
    "maj",
    "jun",
    "jul",
    "avgust",
    "septembar",
    "oktobar",
    "novembar",
    "decembar",
)
# In running text ("ažurirano 30. novembra 2026.") the month is in the genitive.
MONTHS_GENITIVE = (
    "januara",
    "februara",
    "marta",
    "aprila",
    "maja",
    "juna",
    "jula",
    "avgusta",
    "septembra",
    "oktobra",
    "novembra",
    "decembra",
)


def format_date(value: date, case: str = "nominative") -> str:
    """CLDR sr-Latn long date: `d. MMMM y.`, e.g. "27. novembar 2026."; case="genitive" for running text."""
    months = MONTHS_GENITIVE if case == "genitive" else MONTHS
    return f"{value.day}. {months[value.month - 1]} {value.year}."
