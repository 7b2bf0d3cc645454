"""Hugo on the same synthetic posts, when a `hugo` binary is installed (it is not pinned by the project).

Only the synthetic posts (our own content uses Pelican's `{filename}` links),
with TOML front matter and two minimal layouts, so Hugo renders every post,
list and taxonomy page: the fastest build a static site generator gives.
"""

import shutil
from pathlib import Path

from .posts import post_parts

CONFIG = 'baseURL = "https://vavodic.rs/"\nlanguageCode = "sr"\ntitle = "VA vodič"\n[taxonomies]\ncategory = "categories"\ntag = "tags"\n'
LAYOUTS = {
    "single.html": "<!doctype html><title>{{ .Title }}</title><article>{{ .Content }}</article>\n",
    "list.html": '<!doctype html><title>{{ .Title }}</title>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}{{ end }}\n',
}


def binary() -> str | None:
    return shutil.which("hugo")


def make_site(folder: Path, count: int, categories: list[str]) -> Path:
    (folder / "content" / "posts").mkdir(parents=True)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        (folder / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for index in range(count):
        header, body = post_parts(index, count, categories, link=lambda name: f"../{name}/")
        front = [
            f"title = {_toml(header['Title'])}",
            f"date = {header['Date'].replace(' ', 'T')}:00+01:00",
            f"categories = [{_toml(header['Category'])}]",
            f"tags = [{', '.join(_toml(tag) for tag in header['Tags'].split(', '))}]",
            f"slug = {_toml(header['Slug'])}",
            f"summary = {_toml(header['Summary'])}",
        ]
        text = "+++\n" + "\n".join(front) + "\n+++\n\n" + body
        (folder / "content" / "posts" / f"{header['Slug']}.md").write_text(text, encoding="utf-8")
    return folder


def build_command(output: Path) -> list[str]:
    return [binary() or "hugo", "--quiet", "--destination", str(output)]


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
