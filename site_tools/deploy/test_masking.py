"""No credential in any publish message."""

import pytest

from site_tools.deploy.masking import mask, masked


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Git grana gh-pages u https://deploy:TOKEN@host/repo.git", "Git grana gh-pages u https://deploy:***@host/repo.git"),
        ("fatal: unable to access 'https://ghp_abc123@github.com/a/b.git/'", "fatal: unable to access 'https://***@github.com/a/b.git/'"),
        ("http://u:p%40ss@127.0.0.1:8080/x and https://x:y@z/", "http://u:***@127.0.0.1:8080/x and https://x:***@z/"),
        ("https://bucket.s3.amazonaws.com/a?X-Amz-Signature=abc&x=1", "https://bucket.s3.amazonaws.com/a?X-Amz-Signature=***&x=1"),
        ("ssh://git@github.com/a/b.git", "ssh://git@github.com/a/b.git"),
        ("server ana@host:/srv/site", "server ana@host:/srv/site"),
        ("https://host/repo.git", "https://host/repo.git"),
    ],
)
def test_credentials_in_urls_are_masked(text, shown):
    assert mask(text) == shown


def test_masked_say_masks_every_message():
    said = []
    masked(said.append)("https://a:b@c/")
    assert said == ["https://a:***@c/"]
