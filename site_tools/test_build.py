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
