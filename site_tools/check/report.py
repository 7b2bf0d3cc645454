"""The check's findings as the author reads them in the terminal."""

from ..plugins import serbian
from . import CheckResult


def plural(count: int, one: str, few: str, many: str) -> str:
    """Serbian noun form for a count: 1 problem, 2 problema, 5 problema; 21 fajl, 11 fajlova."""
    if count % 10 == 1 and count % 100 != 11:
        return f"{count} {one}"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{count} {few}"
    return f"{count} {many}"


def format_report(result: CheckResult) -> str:
    lines = [str(problem) for problem in result.problems]
    for document, date in result.scheduled:
        lines.append(
            f"Napomena: {document.shown} je zakazan za {serbian.format_date(date)} u {date:%H:%M}; "
            "biće na sajtu od prvog objavljivanja posle tog trenutka."
        )
    files = plural(result.files, "fajl", "fajla", "fajlova")
    if result.ok:
        lines.append(f"Provera sadržaja: sve je u redu ({files}).")
    else:
        with_problems = len({problem.path for problem in result.problems})
        lines.append(
            f"Provera sadržaja je našla {plural(len(result.problems), 'problem', 'problema', 'problema')} "
            f"u {plural(with_problems, 'fajlu', 'fajla', 'fajlova')} (pregledano: {files})."
        )
    return "\n".join(lines)
