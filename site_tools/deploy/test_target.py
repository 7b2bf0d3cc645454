"""What a target says when it cannot be reached or written: Serbian the author can act on."""

import errno

import pytest

from site_tools.deploy.local import LocalTarget
from site_tools.deploy.target import DeployError, os_error_text, remote_reason

GIT_NO_REPOSITORY = """fatal: '/srv/nema.git' does not appear to be a git repository
fatal: Could not read from remote repository.

Please make sure you have the correct access rights
and the repository exists.
"""


@pytest.mark.parametrize(
    "stderr, reason",
    [
        (GIT_NO_REPOSITORY, "na toj adresi nema Git repozitorijuma"),
        ("ssh: connect to host 127.0.0.1 port 2222: Connection refused\r\n", "server odbija vezu; proverite adresu i port"),
        ("ssh: Could not resolve hostname primer.invalid: Name or service not known", "adresa servera nije pronađena"),
        ("ana@host: Permission denied (publickey).", "server nije prihvatio prijavu"),
        ("fatal: unable to access 'x': something new\nhint: more\n", "fatal: unable to access 'x': something new"),
        ("", "nema odgovora"),
    ],
)
def test_why_a_server_cannot_be_reached(stderr, reason):
    assert remote_reason(stderr).startswith(reason)


def test_an_os_error_is_said_in_serbian_with_its_path():
    said = os_error_text(NotADirectoryError(errno.ENOTDIR, "Not a directory", "/srv/fajl/sajt"))
    assert said == "deo putanje je fajl, a ne fascikla (/srv/fajl/sajt)"


def test_a_failed_copy_names_where_it_was_writing():
    """shutil.copyfile's error names the source, then the target: a full disk is the target's."""
    full = OSError(errno.ENOSPC, "No space left on device", "/tmp/izgradnja/a.html", None, "/srv/sajt/a.html")
    assert os_error_text(full) == "na disku nema mesta; oslobodite prostor (/srv/sajt/a.html)"


def test_a_trial_publish_says_the_release_folder_cannot_be_made(tmp_path):
    (tmp_path / "fajl").write_text("nije fascikla")
    with pytest.raises(DeployError, match=r"Fascikla .*fajl/sajt ne može da se napravi: .*fajl je fajl, a ne fascikla"):
        LocalTarget(tmp_path / "fajl" / "sajt").check_reachable()
    LocalTarget(tmp_path / "nova" / "sajt").check_reachable()  # made by the publish itself
    assert not (tmp_path / "nova").exists(), "a trial changes nothing"
