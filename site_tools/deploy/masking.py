"""Credentials never reach the terminal: every publish and rollback message goes through `mask`.

A URL's user information (https://deploy:TOKEN@host/…, https://TOKEN@host/…)
is replaced by "***" wherever it appears in a message: the target's
description, Git's and rsync's own error text, anything. A plain user name
before an SSH host (ssh://git@host, ana@server:/path) is no secret and stays.
"""

import re

# scheme://userinfo@ — userinfo has no "/", "@" or white space.
URL_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s'\"]+)@")
MASK = "***"
# Query parameters that carry credentials (signed URLs, tokens).
SECRET_QUERY = re.compile(
    r"(?P<key>[?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|token|access_token|key)=)[^&\s'\"]+",
    re.IGNORECASE,
)


def _userinfo(match: re.Match) -> str:
    scheme, userinfo = match["scheme"], match["userinfo"]
    user, has_password, _ = userinfo.partition(":")
    if has_password:
        return f"{scheme}{user}:{MASK}@"
    if scheme.lower().startswith(("ssh", "git+ssh", "sftp", "rsync")):
        return match.group(0)  # ssh://git@host: a user name, not a secret
    return f"{scheme}{MASK}@"  # https://TOKEN@host: the token stands alone


def mask(text: str) -> str:
    """`text` with the credentials in any URL in it replaced by ***."""
    text = URL_USERINFO.sub(_userinfo, str(text))
    return SECRET_QUERY.sub(lambda match: match["key"] + MASK, text)


def masked(say):
    """`say`, with every message masked first."""
    def say_masked(text="", *args, **kwargs):
        return say(mask(text), *args, **kwargs)

    return say_masked
