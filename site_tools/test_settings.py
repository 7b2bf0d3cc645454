import json
import os
import subprocess
import sys

from site_tools import ROOT

READ = (
    "import json; from site_tools import settings; "
    "dev, prod = settings.load('pelicanconf.py'), settings.load('publishconf.py'); "
    "print(json.dumps([dev['SITEURL'], dev['PUBLISHED_SITEURL'], prod['SITEURL'], "
    "dev['FEED_ALL_ATOM'], prod['FEED_ALL_ATOM'], dev['PUBLISHED_FEEDS']['FEED_ALL_ATOM'], "
    "dev.get('CONTENT_CHECK_MODE'), prod['CONTENT_CHECK_MODE']]))"
)


def test_the_published_address_and_feeds_are_set_once_and_known_to_the_preview():
    """The preview's check and the publish read the same address (VA_SITEURL here) and the same feeds;
    publishconf.py alone makes a production run."""
    env = {**os.environ, "VA_SITEURL": "https://primer.rs", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", READ], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        "",
        "https://primer.rs",
        "https://primer.rs",
        None,
        "feeds/sve.atom.xml",
        "feeds/sve.atom.xml",
        None,  # the preview's mode: pipeline.py passes it
        "production",  # never the preview's state or problem box in a production folder, even from `pelican` by hand
    ]
