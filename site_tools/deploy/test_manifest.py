"""What changes between the new build and the live site."""

import subprocess

from site_tools.deploy.manifest import compare, git_blob_bytes, manifest


def test_compare_lists_added_changed_and_removed():
    new = {"index.html": "2", "novo/index.html": "1", "kontakt/index.html": "k"}
    live = {"index.html": "1", "staro/index.html": "1", "kontakt/index.html": "k", ".well-known/a": "x"}
    changes = compare(new, live, kept=(".well-known",))
    assert changes.added == ["novo/index.html"]
    assert changes.changed == ["index.html"]
    assert changes.removed == ["staro/index.html"], "host files are carried over, not removed"
    assert changes.any
    assert not compare(live, live).any


def test_manifest_walks_every_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(b"<p>a</p>")
    (tmp_path / ".nojekyll").write_bytes(b"")
    assert sorted(manifest(tmp_path)) == [".nojekyll", "a/index.html"]


def test_git_blob_digest_matches_git(tmp_path):
    path = tmp_path / "f"
    path.write_bytes("Zdravo, čitaoče\n".encode())
    expected = subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout.strip()
    assert git_blob_bytes(path.read_bytes()) == expected
