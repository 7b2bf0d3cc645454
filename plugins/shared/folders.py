"""Top-level folders a plugin writes into the output (cir/, pagefind/, share/): no post may take their address."""

SETTING = "SITE_FOLDERS"


def claim(settings: dict, folder: str) -> None:
    """Called at `initialized`; the content check reserves the folder's address (site_index.reserved)."""
    settings.setdefault(SETTING, []).append(folder.strip("/"))
