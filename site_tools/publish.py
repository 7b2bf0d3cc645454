"""`invoke publish`: check → clean production build → site checks → deploy.

Every step prints its progress. The build goes into a temporary folder, never
into content/ or the live site; the target is only touched in the last step,
and only when every step before it passed. `dry_run` stops before changing
anything and lists what a publish would add, change and remove.

The outcome is told as it is: stopped before the switch (the live site is as
it was), published with a problem after the switch (the new site is live;
exit status 0), or a live site in doubt (publish again). One publish or
rollback runs at a time (deploy/lock.py), and no message shows a credential
(deploy/masking.py).
"""

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from . import ROOT, build_progress, html_check, links, progress
from . import build as site_build
from . import settings as site_settings
from .check import run_check
from .check.report import counted, format_report
from .deploy import Changes, DeployError, Target, compare, load_target, manifest
from .deploy.config import read_settings
from .deploy.lock import interrupted_note
from .deploy.masking import masked
from .deploy.target import LiveSiteUnsettled, PublishedWithProblem, os_error_text
from .faults import pause_point
from .html_check import check_site_html
from .interrupt import Explained
from .kept_findings import findings_store
from .plugins import search_background

SEARCH_INDEX = search_background.BUNDLE_DIR + "/"  # Pagefind's files (plugins/search)
STEPS = ("Provera sadržaja", "Izgradnja sajta za objavljivanje", "Provera izgrađenog sajta", "Objavljivanje")


@contextmanager
def closed_terminal_as_ctrl_c():
    """A closed terminal (SIGHUP) or a plain `kill` (SIGTERM) ends a publish or rollback the way Ctrl+C
    does: its temporary build and its lock are removed, and the site is left whole. By default either
    signal ended Python on the spot, leaving /tmp/va-publish-* behind."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def interrupt(number, _frame):
        raise KeyboardInterrupt(number)  # the exit status names it (interrupt.py)

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def local_only_note(target: Target) -> str:
    """Said after a publish to a folder on this computer (target.base), named as the author set it."""
    folder = Path(os.path.relpath(target.base, ROOT)) if target.base.is_relative_to(ROOT) else target.base
    return (
        f"Pažnja: sajt je sačuvan samo na ovom računaru (fascikla {folder.as_posix()}/); posetioci ga još ne vide. "
        "Kako da ga postavite na internet: UPUTSTVO.md, deo „Postavljanje sajta na internet”. "
        f"Fajl {(folder / 'current/index.html').as_posix()} ne otvarajte dvoklikom: linkovi u njemu vode na pravu adresu sajta."
    )


def site_address_is_set() -> bool:
    """The author said where the site lives (VA_SITEURL or siteurl in deploy.toml), not the built-in default."""
    return bool(os.environ.get("VA_SITEURL") or read_settings().get("siteurl"))


class StepFailed(Exception):
    """A step found problems; its details were printed already."""


class Switching(Exception):
    """Ctrl+C while the target was making a version live (Target.deploy, Target.rollback)."""


def _switching(action):
    """`action()`, a Ctrl+C in it said apart: the live site may have changed by then."""
    try:
        return action()
    except KeyboardInterrupt as stop:
        raise Switching(*stop.args) from None


def _stopped_while_switching(target: Target, what: str) -> str:
    if target.all_at_once:
        return (
            f"\n{what} je prekinuto (Ctrl+C) dok se menjala verzija sajta. Posetioci vide ili verziju od pre "
            "ili celu novu, nikad deo jedne i deo druge; pogledajte sajt pre nego što komandu pokrenete ponovo."
        )
    return (
        f"\n{what} je prekinuto (Ctrl+C) usred slanja: deo stranica je možda nov, a deo star (svaka vodi samo "
        "na fajlove koji postoje); pogledajte sajt pre nego što komandu pokrenete ponovo."
    )


def publish(dry_run: bool = False, target: Target | None = None, say=print) -> bool:
    """Run every step; True when the new site is live (or, with dry_run, would be). Ctrl+C raises
    interrupt.Explained once the author has been told what visitors see."""
    say = masked(say)
    step = 0
    try:
        site = site_settings.load(site_settings.PROD_SETTINGS_FILE)
        target = target or load_target(site)
        say(f"Objavljivanje na: {target.description}{' (probno, bez promena)' if dry_run else ''}")
        if not target.local_only and not site_address_is_set():
            raise DeployError(
                'U deploy.toml nedostaje adresa sajta, na primer: siteurl = "https://www.vas-domen.rs" '
                f"(bez nje bi svi linkovi vodili na {site['SITEURL']})."
            )
        with tempfile.TemporaryDirectory(prefix="va-publish-") as temporary:
            staging = Path(temporary) / "site"
            step = 1
            _announce(step, say)
            _check_content(say)
            step = 2
            _announce(step, say, f" (adresa: {site['SITEURL']})")
            with progress.step("Pelican gradi sajt") as update:
                _build(staging, say, build_progress.shown_by(update) if progress.enabled() else None)
            pause_point("publish:built")
            step = 3
            _announce(step, say)
            with progress.step("Provera linkova i HTML-a"):
                _check_built_site(staging, site["SITEURL"], say)
            step = 4
            _announce(step, say, f" ({target.description})")
            return _deploy(target, staging, dry_run, say)
    except PublishedWithProblem as outcome:
        say(f"Objavljeno (verzija {outcome.release}), ali {outcome.problem}.\n{outcome.advice}")
        return True
    except LiveSiteUnsettled as error:
        say(f"{error}\nObjavljivanje nije završeno u koraku {step}/4 ({STEPS[step - 1]}).")
        return False
    except (StepFailed, DeployError, OSError) as error:
        if isinstance(error, OSError):
            say(f"Greška sistema: {os_error_text(error)}.")
        elif isinstance(error, DeployError):
            say(str(error))
        say(f"Objavljivanje je zaustavljeno{_in_step(step)}. Sajt koji posetioci vide nije menjan.")
        return False
    except Switching as stop:
        say(_stopped_while_switching(target, "Objavljivanje"))
        raise Explained(*stop.args) from None
    except KeyboardInterrupt as stop:  # Ctrl+C before anything changed: the temporary build and the lock go with it
        say(f"\nObjavljivanje je prekinuto (Ctrl+C){_in_step(step)}. Sajt koji posetioci vide nije menjan.")
        raise Explained(*stop.args) from None


def rollback(target: Target | None = None, say=print) -> bool:
    """Make the release that was live before the live one live again; True when it is (Ctrl+C: as publish)."""
    say = masked(say)
    try:
        target = target or load_target(site_settings.load(site_settings.PROD_SETTINGS_FILE))
        target.check_rollback()
        with target.lock() as interrupted:
            if interrupted:
                say(interrupted_note(interrupted))
            with progress.step("Vraćanje"):
                version = _switching(target.rollback)
    except PublishedWithProblem as outcome:
        say(f"Vraćeno, ali {outcome.problem}.\n{outcome.advice}")
        return True
    except LiveSiteUnsettled as error:
        say(str(error))
        return False
    except (DeployError, OSError) as error:
        say(f"{os_error_text(error) if isinstance(error, OSError) else error}\nNišta nije promenjeno.")
        return False
    except Switching as stop:
        say(_stopped_while_switching(target, "Vraćanje"))
        raise Explained(*stop.args) from None
    except KeyboardInterrupt as stop:
        say("\nVraćanje je prekinuto (Ctrl+C). Ništa nije promenjeno.")
        raise Explained(*stop.args) from None
    say(f"Vraćena je prethodna verzija sajta, {version}.")
    say(f"Mesto objavljivanja: {target.description}.")
    if target.local_only:
        say(local_only_note(target))
    return True


def _in_step(step: int) -> str:
    return f" u koraku {step}/4 ({STEPS[step - 1]})" if step else ""


def _announce(step: int, say, detail: str = "") -> None:
    say(f"[{step}/4] {STEPS[step - 1]}{detail}…")


def _check_content(say) -> None:
    result = run_check()
    say(format_report(result))
    if not result.ok:
        raise StepFailed


def _build(staging: Path, say, on_progress=None) -> None:
    try:
        site_build.build(site_build.PROD_SETTINGS, staging, quiet=True, on_progress=on_progress)
    except site_build.BuildError as error:
        say(str(error))
        raise StepFailed from error
    count = sum(1 for path in staging.rglob("*") if path.is_file())
    say(f"      izgrađeno: {counted(count, 'fajl', 'fajla', 'fajlova')}")


def _check_built_site(staging: Path, site_url: str, say) -> None:
    link_findings = findings_store("links", links.__file__)
    html_findings = findings_store("html-check", html_check.__file__)
    broken = links.check_site(staging, site_url, link_findings)
    invalid = check_site_html(staging, html_findings)
    link_findings.prune()
    html_findings.prune()
    for link in broken:
        say(f"      Link ne vodi nigde: {link}")
    for problem in invalid:
        say(f"      Neispravan HTML: {problem}")
    if broken or invalid:
        say("      Popravite link ili HTML u tekstu (ili u temi, ako se greška javlja na svim stranicama).")
        raise StepFailed
    pages = sum(1 for _ in staging.rglob("*.html"))
    say(f"      linkovi i HTML su u redu ({counted(pages, 'stranica', 'stranice', 'stranica')})")


def _deploy(target: Target, staging: Path, dry_run: bool, say) -> bool:
    if dry_run:
        target.check_reachable()
        _print_changes(_changes(target, staging), say, listed=True)
        say("Probno objavljivanje: ništa nije promenjeno.")
        return True
    with target.lock() as interrupted:
        if interrupted:
            say(interrupted_note(interrupted))
        target.check_reachable()
        changes = _changes(target, staging)
        _print_changes(changes, say, listed=False)
        if not changes.any:
            say("Nema promena: sajt je već ovakav.")
            return True
        with progress.step("Slanje fajlova") as update:
            release = _switching(lambda: target.deploy(staging, progress=update))
    say(f"Sajt je objavljen (verzija {release}).")
    if target.local_only:
        say(local_only_note(target))
    return True


def _changes(target: Target, staging: Path) -> Changes:
    new = manifest(staging, target.digest)
    new.update({name: target.digest(data) for name, data in target.extra_files(staging).items()})
    return compare(new, target.live_manifest(), kept=target.kept)


def _print_changes(changes: Changes, say, listed: bool) -> None:
    say(f"      novo: {len(changes.added)}, izmenjeno: {len(changes.changed)}, uklonjeno: {len(changes.removed)}")
    if not listed:
        return
    for mark, paths in (("+", changes.added), ("~", changes.changed), ("-", changes.removed)):
        index = [path for path in paths if path.startswith(SEARCH_INDEX)]
        for path in paths:  # a dry run lists every page and file: that is what it is for
            if not path.startswith(SEARCH_INDEX):
                say(f"      {mark} {path}")
        if index:  # but the search index's files, named by their content, in one line: they hid her pages
            say(f"      {mark} {SEARCH_INDEX} (indeks pretrage: {counted(len(index), 'fajl', 'fajla', 'fajlova')})")
