"""The check's findings as the author reads them in the terminal."""

from ..plugins import serbian
from ..preview_address import current as preview_address


def counted(count: int, one: str, few: str, many: str) -> str:
    """ "1 problem", "3 problema", "11 fajlova": the number with its Serbian noun form."""
    return f"{count} {serbian.plural(count, one, few, many)}"


def format_report(result) -> str:
    lines = [str(problem) for problem in result.problems]
    for shown, date, url in result.scheduled:
        seen = f" U pregledu je na adresi {preview_address()}{url}" if url else ""
        lines.append(
            f"Napomena: {shown} je zakazan za {serbian.format_date(date, 'genitive')} u {date:%H:%M}; "
            f"biće na sajtu od prvog objavljivanja posle tog trenutka.{seen}"
        )
    for shown, url in getattr(result, "published", []):
        lines.append(
            f"Objavljeno u pregledu: {shown} više nije ni nacrt ni zakazan; adresa mu je {preview_address()}{url}"
        )
    files = counted(result.files, "fajl", "fajla", "fajlova")
    errors, warnings = len(result.errors), len(result.problems) - len(result.errors)
    warned = f", uz {counted(warnings, 'upozorenje', 'upozorenja', 'upozorenja')}" if warnings else ""
    if not errors:
        lines.append(f"Provera sadržaja: sve je u redu ({files}{warned}).")
    else:
        with_problems = len({problem.path for problem in result.errors})
        lines.append(
            f"Provera sadržaja je našla {counted(errors, 'problem', 'problema', 'problema')} "
            f"u {counted(with_problems, 'fajlu', 'fajla', 'fajlova')}{warned} (pregledano: {files})."
        )
    return "\n".join(lines)
