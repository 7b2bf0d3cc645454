"""The Cyrillic edition's web manifest: installed from a /cir/ page, the site is „ВА водич” and opens at /cir/."""

from shared import web_manifest

from .editions import CYRILLIC_LANG
from .translit import to_cyrillic

MANIFEST = "manifest.webmanifest"  # written beside the Latin one, under cir/


def cyrillic_manifest(settings) -> dict:
    """The site's manifest (plugins/site_icons) in Cyrillic; its URLs are relative to cir/."""
    data = web_manifest(settings)
    for key in ("name", "short_name", "description"):
        data[key] = to_cyrillic(str(data[key]))
    data["lang"] = CYRILLIC_LANG
    data["icons"] = [{**icon, "src": f"../{icon['src']}"} for icon in data["icons"]]
    return data  # start_url and scope stay "./": the manifest's own folder, cir/
