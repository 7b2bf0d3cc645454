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


def format_date(value: date) -> str:
    """CLDR sr-Latn long date: `d. MMMM y.`, e.g. "27. novembar 2026."."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}."
