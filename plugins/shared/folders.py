"""Top-level folders a plugin writes into the output (cir/, pagefind/, share/): no post may take their address."""

from functools import cache

from pelican import signals

SETTING = "SITE_FOLDERS"


def claim(folder: str) -> None:
    """Called by a plugin's register(): every build names `folder` in its settings, and the content
    check reserves its address (site_index.reserved)."""
    signals.initialized.connect(_claimer(folder.strip("/")), weak=False)


@cache  # one receiver per folder, however often plugins are registered in a process
def _claimer(folder: str):
    def claim_folder(pelican):
        pelican.settings.setdefault(SETTING, []).append(folder)

    return claim_folder
