"""One Pelican run that reads, checks and (unless only checking) writes the site.

site_tools/build.py starts it as a subprocess (Pelican plugins connect signals
at import, so every run needs a fresh process):

    python -m site_tools.pipeline MODE SETTINGS OUTPUT REPORT [EXTRA_SETTINGS_JSON]

MODE is check, preview or production (plugins/content_check says what each
does). The run writes a JSON report (problems, scheduled posts, whether the
site was written) to REPORT and exits 1 when there is an error. Nothing
Pelican or Python prints reaches the author unless VA_DEBUG=1 is set: every
problem, a crash included, is in the report.
"""

import json
import logging
import os
import sys
import traceback
from pathlib import Path

from site_tools.build_progress import connect_from_environment

ROOT = Path(__file__).resolve().parent.parent


def run(mode: str, settings_file: str, output: str, extra: dict) -> dict:
    from pelican import Pelican
    from pelican.settings import read_settings

    debug = bool(os.environ.get("VA_DEBUG"))
    _quiet_logging(debug)
    # DEBUG keeps the exception on Pelican's "Could not process" records, so
    # the check can say why a file could not be read.
    override = {**extra, "OUTPUT_PATH": str(Path(output).resolve()), "CONTENT_CHECK_MODE": mode, "DEBUG": True}
    settings = read_settings(str(ROOT / settings_file), override=override)
    import content_check  # importable once the settings put plugins/ on the path

    connect_from_environment()  # counts for the parent's live line, when it asked for them

    try:
        pelican = Pelican(settings)
        try:
            pelican.run()
        except content_check.Stop:
            pass
        state = content_check.current
        state.finish()
        return state.report()
    except Exception as error:  # a crash is reported like any problem, never as a traceback
        if debug:
            traceback.print_exc()
        state = content_check.current
        report = state.report() if state else {"problems": [], "scheduled": [], "files": 0}
        report["written"] = False
        report["problems"].append(content_check.crash_problem(error, traceback.extract_tb(error.__traceback__)))
        return report


def _quiet_logging(debug: bool) -> None:
    if debug:
        from pelican.log import init

        init(level=logging.INFO)
    else:
        logging.getLogger().addHandler(logging.NullHandler())  # nothing printed; content_check keeps the records


def main(argv: list[str]) -> int:
    mode, settings_file, output, report_path, *rest = argv
    extra = json.loads(rest[0]) if rest else {}
    if not os.environ.get("VA_DEBUG"):
        sys.stdout = open(os.devnull, "w")  # Pelican's own summary; the report says it all
    report = run(mode, settings_file, output, extra)
    Path(report_path).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    from site_tools.plugins import Problem

    for problem in report["problems"]:  # for a run by hand; site_tools/build.py reads the report
        print(Problem(**problem), file=sys.stderr)
    return 1 if any(p["severity"] == "error" for p in report["problems"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
