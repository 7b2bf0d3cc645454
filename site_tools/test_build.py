from pathlib import Path

from site_tools.build import PREVIEW, run_pipeline

TEST_SITE = Path(__file__).parent / "check" / "testdata" / "site"


def test_every_extra_setting_reaches_pelican(tmp_path):
    result = run_pipeline(
        PREVIEW,
        output=tmp_path / "out",
        extra_settings={"PATH": str(TEST_SITE), "SITEURL": "https://primer.rs", "SITESUBTITLE": "Podnaslov „proba”"},
    )
    assert result.written and result.ok, result.problems
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://primer.rs/prvi-post/"' in home and "Podnaslov „proba”" in home
