"""The check's findings as the author reads them in the terminal."""

from ..plugins import serbian
from . import CheckResult


def counted(count: int, one: str, few: str, many: str) -> str:
    """"1 problem", "3 problema", "11 fajlova": the number with its Serbian noun form."""
    return f"{count} {serbian.plural(count, one, few, many)}"


def format_report(result: CheckResult) -> str:
    lines = [str(problem) for problem in result.problems]
    for document, date in result.scheduled:
        lines.append(
            f"Napomena: {document.shown} je zakazan za {serbian.format_date(date)} u {date:%H:%M}; "
            "biće na sajtu od prvog objavljivanja posle tog trenutka."
        )
    files = counted(result.files, "fajl", "fajla", "fajlova")
    if result.ok:
        lines.append(f"Provera sadržaja: sve je u redu ({files}).")
    else:
        with_problems = len({problem.path for problem in result.problems})
        lines.append(
            f"Provera sadržaja je našla {counted(len(result.problems), 'problem', 'problema', 'problema')} "
            f"u {counted(with_problems, 'fajlu', 'fajla', 'fajlova')} (pregledano: {files})."
        )
    return "\n".join(lines)
