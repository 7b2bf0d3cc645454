"""A small hand-made site and its index, for the tests of plugins/search (the real Pagefind binary)."""

from pathlib import Path

from search import indexing

PAGE = """<!doctype html><html lang="sr-Latn"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Meni: kancelarija</nav><h1>{title}</h1>{body}</body></html>"""


# An FAQ question's record, as plugins/search makes one.
RECORD = indexing.Record(
    url="/faq/x/#pitanje", title="Pitanje?", text="Odgovor o kancelariji.", language="sr-latn", meta={"typed": "dorde"}
)


def make_small_site(site: Path) -> Path:
    """Four pages (a post, a list, a draft, a Cyrillic twin) and their index, in the new folder `site`."""
    site.mkdir()
    pages = {
        "tekst/index.html": PAGE.format(
            title="Tekst",
            body=(
                '<div data-pagefind-body data-pagefind-meta="typed:dorde"><p>Đorđe radi iz kancelarije.</p>'
                '<div class="share">Podelite kancelarija</div></div>'
            ),
        ),
        "index.html": PAGE.format(title="Početna", body="<p>Lista: kancelarija, Đorđe.</p>"),
        "nacrti/nacrt/index.html": PAGE.format(title="Nacrt", body="<p>zrikavac</p>"),
        "cir/tekst/index.html": PAGE.replace("sr-Latn", "sr-Cyrl").format(
            title="Текст", body="<div data-pagefind-body><p>Ђорђе ради из канцеларије.</p></div>"
        ),
    }
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, encoding="utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "stale.pf_fragment").write_text("from an earlier build", encoding="utf-8")
    indexing.build_index(site, [RECORD])
    return site


def files(bundle: Path) -> dict[str, bytes]:
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}
