import shutil
from pathlib import Path

from site_tools.build import PREVIEW, run_pipeline

TEST_SITE = Path(__file__).parent / "check" / "testdata" / "site"


def test_every_extra_setting_reaches_pelican(tmp_path):
    content = tmp_path / "content"  # a copy: the caches go beside the content, never into the repository
    shutil.copytree(TEST_SITE, content)
    result = run_pipeline(
        PREVIEW,
        output=tmp_path / "out",
        extra_settings={"PATH": str(content), "SITEURL": "https://primer.rs", "SITESUBTITLE": "Podnaslov „proba”"},
    )
    assert result.written and result.ok, result.problems
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://primer.rs/prvi-post/"' in home and "Podnaslov „proba”" in home


def test_the_report_says_what_pelican_made_of_each_file(tmp_path):
    """Tests read each document's address from here instead of working it out from the Markdown."""
    content = tmp_path / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "posts" / "prvi-post.md").write_text(
        (content / "posts" / "prvi-post.md").read_text(encoding="utf-8").replace("Slug: prvi-post", "Slug: drugo-ime"),
        encoding="utf-8",
    )
    result = run_pipeline(PREVIEW, output=tmp_path / "out", extra_settings={"PATH": str(content)})
    documents = {document.source: document for document in result.documents}
    assert set(documents) == {f"content/{path.relative_to(content).as_posix()}" for path in content.rglob("*.md")}
    post = documents["content/posts/prvi-post.md"]
    assert (post.template, post.url, post.save_as, post.status) == (
        "article",
        "drugo-ime/",
        "drugo-ime/index.html",
        "published",
    )
    assert (tmp_path / "out" / post.save_as).is_file()
    draft = documents["content/posts/nacrt.md"]
    assert draft.status == "draft" and draft.url.startswith("nacrti/") and (tmp_path / "out" / draft.save_as).is_file()
    assert documents["content/faq/pitanja.md"].template == "faq"
    assert documents["content/pages/kontakt.md"].template == "page"
