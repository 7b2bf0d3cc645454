"""`invoke publish` and `invoke rollback` to S3-compatible object storage: moto's S3
server on 127.0.0.1, started for these tests, spoken to over HTTP like any S3 service."""

import hashlib
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import free_port, invoke
from publishing import (
    SEARCH_INDEX,
    counts_line,
    edit_about_page,
    kill_publish_at,
    listed_changes,
    publish,
    publish_env,
    publish_ok,
    rollback_ok,
    site_files,
    write_post,
)
from s3server import moto_s3_server

SITE_URL = "https://vavodic.rs"
META = ".va-deploy/"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    with moto_s3_server(tmp_path_factory.mktemp("moto")) as server:
        yield server


@pytest.fixture
def site(project_copy, s3, request):
    """A project copy, its publish environment for a new bucket, and a reader of that bucket."""
    bucket = s3.new_bucket(re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:50].strip("-"))
    env = publish_env(SITE_URL, **s3.deploy_settings(bucket))
    return project_copy, env, Bucket(s3.client(), bucket)


class Bucket:
    """What the bucket holds, as a reader (or the CDN) would get it."""

    def __init__(self, client, name, prefix=""):
        self.client, self.name, self.prefix = client, name, prefix

    def keys(self) -> dict[str, str]:
        found = {}
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=self.prefix):
            for item in page.get("Contents", []):
                found[item["Key"].removeprefix(self.prefix)] = item["ETag"]
        return found

    def site_keys(self) -> list[str]:
        return sorted(key for key in self.keys() if not key.startswith(META))

    def get(self, path: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=self.prefix + path)["Body"].read()

    def head(self, path: str) -> dict:
        return self.client.head_object(Bucket=self.name, Key=self.prefix + path)

    def files(self) -> dict[str, str]:
        """path → sha256 of every site object."""
        return {key: hashlib.sha256(self.get(key)).hexdigest() for key in self.site_keys()}

    def text(self, path: str) -> str:
        return self.get(path).decode("utf-8")


def reference_build(project: Path, env: dict, folder: Path) -> dict[str, str]:
    """The same content published to a local folder: what the bucket must hold."""
    local = dict(env, VA_DEPLOY_TARGET="local", VA_DEPLOY_DIR=str(folder))
    result = invoke(project, "publish", env=local)
    assert result.returncode == 0, result.stdout
    return site_files(folder / "current")


def links(path: str, body: str) -> set[str]:
    """Every address on the site a page or feed points at, as a bucket path (another parser than the target's)."""
    found = set()
    if path.endswith(".html"):
        tree = LexborHTMLParser(body)
        for node in tree.css("[href], [src]"):
            found.update(value for name in ("href", "src") if (value := node.attributes.get(name)))
    else:
        for match in re.findall(r'<loc>([^<]+)</loc>|href="([^"]+)"|<link>([^<]+)</link>', body):
            found.add(next(group for group in match if group))
    paths = set()
    for url in found:
        url = url.split("#", 1)[0].split("?", 1)[0]
        if url.startswith(SITE_URL + "/"):
            relative = url.removeprefix(SITE_URL + "/")
            paths.add(relative + "index.html" if relative == "" or relative.endswith("/") else relative)
    return paths


def dangling(bucket: Bucket, tolerated: set[tuple[str, str]] = frozenset()) -> list[str]:
    """ "page → missing object" for every page, feed or sitemap in the bucket that points at a missing
    object, leaving out the `tolerated` (page, target) pairs."""
    keys = set(bucket.site_keys())
    missing = []
    for key in sorted(keys):
        if key.endswith((".html", ".xml")):
            missing += [
                f"{key} → {target}"
                for target in sorted(links(key, bucket.text(key)) - keys)
                if (key, target) not in tolerated
            ]
    return missing


def dangling_for_visitors(bucket: Bucket) -> list[str]:
    """ "page → missing object" for the pages a visitor can reach by following links from the home page."""
    keys, seen, waiting, missing = set(bucket.site_keys()), set(), ["index.html"], []
    while waiting:
        key = waiting.pop()
        if key in seen or key not in keys or not key.endswith(".html"):
            continue
        seen.add(key)
        targets = links(key, bucket.text(key))
        missing += [f"{key} → {target}" for target in sorted(targets - keys)]
        waiting += targets
    return missing


def links_inside_cycles(folder: Path, new_pages: set[str]) -> set[tuple[str, str]]:
    """(page, target) links between new pages that link to each other, directly or through other new
    pages (a new post and its Cyrillic twin): no order can send one of them before the other."""
    out = {page: links(page, (folder / page).read_text(encoding="utf-8")) & new_pages for page in new_pages}

    def reach(start: str) -> set[str]:
        seen, waiting = set(), [start]
        while waiting:
            for target in out[waiting.pop()] - seen:
                seen.add(target)
                waiting.append(target)
        return seen

    reaches = {page: reach(page) for page in new_pages}
    return {(page, target) for page in new_pages for target in out[page] if page in reaches[target]}


# --- publish, republish, dry run, types and cache classes -----------------------------------


def test_publish_uploads_every_file_with_its_type_and_cache_class(site, tmp_path):
    project, env, bucket = site
    result = publish_ok(project, env)
    assert f"Objavljivanje na: S3 skladište {bucket.name} na {env['VA_DEPLOY_S3_ENDPOINT']}" in result.stdout
    assert "Sajt je objavljen" in result.stdout
    assert bucket.files() == reference_build(project, env, tmp_path / "reference")
    assert dangling(bucket) == []
    expected = {
        "index.html": ("text/html; charset=utf-8", "no-cache"),
        "o-meni/index.html": ("text/html; charset=utf-8", "no-cache"),
        "404.html": ("text/html; charset=utf-8", "no-cache"),
        "feeds/sve.atom.xml": ("application/atom+xml; charset=utf-8", "no-cache"),
        "feeds/sve.rss.xml": ("application/rss+xml; charset=utf-8", "no-cache"),
        "sitemap.xml": ("application/xml; charset=utf-8", "no-cache"),
        "robots.txt": ("text/plain; charset=utf-8", "no-cache"),
        "manifest.webmanifest": ("application/manifest+json", "no-cache"),
        "_headers": ("text/plain; charset=utf-8", "no-cache"),
        "icon.svg": ("image/svg+xml", "public, max-age=3600"),
        "icon-192.png": ("image/png", "public, max-age=3600"),
        "favicon.ico": ("image/x-icon", "public, max-age=3600"),
        "theme/js/share.js": ("text/javascript; charset=utf-8", "public, max-age=3600"),
    }
    keys = bucket.site_keys()
    expected[next(k for k in keys if re.fullmatch(r"theme/css/site\.[0-9a-f]{10}\.css", k))] = (
        "text/css; charset=utf-8",
        "public, max-age=31536000, immutable",
    )
    expected[next(k for k in keys if re.fullmatch(r"share/o-meni\.[0-9a-f]{10}\.png", k))] = (
        "image/png",
        "public, max-age=31536000, immutable",
    )
    for key, (kind, cache) in expected.items():
        head = bucket.head(key)
        assert (head["ContentType"], head.get("CacheControl")) == (kind, cache), key
    for key in keys:  # every object has both, whatever its type
        head = bucket.head(key)
        assert head["ContentType"] != "binary/octet-stream" and head.get("CacheControl"), key


# An edit to the „O meni” page changes the page, its Cyrillic twin (plugins/cyrillic) and the sitemap's date.
CHANGED_BY_THE_EDIT = {"o-meni/index.html", "cir/o-meni/index.html", "sitemap.xml"}


def test_republish_sends_only_what_changed_and_dry_run_lists_it(site):
    project, env, bucket = site
    publish_ok(project, env)
    before = bucket.keys()
    modified = {key: bucket.head(key)["LastModified"] for key in ("kontakt/index.html", "theme/js/share.js")}
    edit_about_page(project, "s3izmena")
    dry = publish_ok(project, env, "--dry-run")
    # Besides the search index's files (a changed text changes some of them):
    assert listed_changes(dry.stdout) == {"+": set(), "~": CHANGED_BY_THE_EDIT, "-": set()}
    assert bucket.keys() == before, "a dry run changes nothing"
    again = publish_ok(project, env)
    assert counts_line(again.stdout) == counts_line(dry.stdout), "the publish does what the dry run listed"
    after = bucket.keys()
    assert "s3izmena" in bucket.text("o-meni/index.html")
    sent = {k for k in after if not k.startswith(META) and after[k] != before.get(k)}
    assert {k for k in sent if not k.startswith(SEARCH_INDEX)} == CHANGED_BY_THE_EDIT
    assert {k for k in before if not k.startswith(META)} - set(after) <= {
        k for k in before if k.startswith(SEARCH_INDEX)
    }, "only the search index's old files are gone"
    for key, when in modified.items():
        assert bucket.head(key)["LastModified"] == when, f"{key} was not sent again"
    nothing = publish_ok(project, env)
    assert "      novo: 0, izmenjeno: 0, uklonjeno: 0" in nothing.stdout and "Nema promena" in nothing.stdout


def test_an_object_changed_behind_our_back_is_sent_again(site):
    project, env, bucket = site
    publish_ok(project, env)
    original = bucket.get("kontakt/index.html")
    bucket.client.put_object(Bucket=bucket.name, Key="kontakt/index.html", Body=b"<p>neko je menjao</p>")
    dry = publish_ok(project, env, "--dry-run")
    assert "      ~ kontakt/index.html" in dry.stdout
    publish_ok(project, env)
    assert bucket.get("kontakt/index.html") == original
    assert bucket.head("kontakt/index.html")["ContentType"] == "text/html; charset=utf-8"


def test_host_files_in_the_bucket_are_kept(site):
    project, env, bucket = site
    publish_ok(project, env)
    bucket.client.put_object(Bucket=bucket.name, Key=".well-known/acme-challenge/t", Body=b"dokaz")
    edit_about_page(project, "s3hostfajl")
    dry = publish_ok(project, env, "--dry-run")
    assert ".well-known" not in dry.stdout
    publish_ok(project, env)
    assert bucket.get(".well-known/acme-challenge/t") == b"dokaz"


def test_a_prefix_puts_the_site_in_a_folder_of_the_bucket(site, s3):
    project, env, bucket = site
    publish_ok(project, dict(env, VA_DEPLOY_S3_PREFIX="/sajt/"))
    inside = Bucket(bucket.client, bucket.name, "sajt/")
    assert "index.html" in inside.site_keys() and dangling(inside) == []
    assert all(key.startswith("sajt/") for key in bucket.keys())


# --- rollback along history --------------------------------------------------------------


def test_rollback_follows_history_not_time(site):
    """Publish A, B, C; roll back (B); publish D; roll back (B); roll back again (A). C never returns."""
    project, env, bucket = site
    env = dict(env, VA_DEPLOY_KEEP="5")
    files = {}
    for marker in ("s3A", "s3B", "s3C"):
        edit_about_page(project, marker)
        publish_ok(project, env)
        files[marker] = bucket.files()
    first = rollback_ok(project, env)
    assert bucket.files() == files["s3B"]
    assert "Vraćena je prethodna verzija sajta, objavljena " in first.stdout and " (oznaka: " in first.stdout
    assert bucket.head("o-meni/index.html")["ContentType"] == "text/html; charset=utf-8"
    edit_about_page(project, "s3D")
    publish_ok(project, env)
    rollback_ok(project, env)
    assert bucket.files() == files["s3B"], "D was published over B, not over C"
    rollback_ok(project, env)
    assert bucket.files() == files["s3A"]
    assert dangling(bucket) == []
    last = invoke(project, "rollback", env=env)
    assert last.returncode != 0 and "Nema starije verzije" in last.stdout


def test_rollback_before_any_publish_and_old_publishes_are_pruned(site):
    project, env, bucket = site
    nothing = invoke(project, "rollback", env=env)
    assert nothing.returncode != 0 and "još ništa nije objavljeno" in nothing.stdout
    env = dict(env, VA_DEPLOY_KEEP="2")
    for number in range(4):
        previous = bucket.files()
        edit_about_page(project, f"s3broj{number}")
        publish_ok(project, env)
    manifests = [key for key in bucket.keys() if key.startswith(META + "releases/")]
    assert len(manifests) == 2
    now = bucket.files()
    replaced = {path: digest for path, digest in previous.items() if now.get(path) != digest}
    assert {path for path in replaced if not path.startswith(SEARCH_INDEX)} == CHANGED_BY_THE_EDIT
    saved = {key.removeprefix(META + "objects/") for key in bucket.keys() if key.startswith(META + "objects/")}
    assert saved == set(replaced.values()), "only the contents the kept publish needs (and the index's files)"
    rollback_ok(project, env)
    assert "s3broj2" in bucket.text("o-meni/index.html")
    again = invoke(project, "rollback", env=env)
    assert again.returncode != 0 and "više ne postoji" in again.stdout


# --- kill -9 at every step: every page in the bucket points only at objects that exist -----


def change_everything(project: Path) -> None:
    """A new post (new page, share image), a changed stylesheet (a new hashed name, the old one
    deleted at the end), a removed post, and a changed page."""
    css = project / "theme/css/50-components.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.s3-prekid { color: inherit; }\n", encoding="utf-8")
    write_post(project, "novi-tekst-s3", "Novi tekst za kofu", "2026-02-01 09:00")
    (project / "content/posts/stari-tekst-s3.md").unlink()
    edit_about_page(project, "s3prekid")


@pytest.mark.parametrize(
    "point, pages",
    [
        ("s3:assets", "old"),  # some new files sent; no page changed yet
        ("s3:pages", "mixed"),  # some pages new, some old
        ("s3:feeds", "new"),  # every page new, feeds on their way
        ("s3:before-delete", "new"),  # new publish recorded as live, old files still there
        ("s3:after-delete", "new"),  # old files deleted, old publishes not yet pruned
    ],
)
def test_kill_9_during_an_s3_publish_never_leaves_a_page_pointing_at_nothing(site, tmp_path, point, pages):
    project, env, bucket = site
    write_post(project, "stari-tekst-s3", "Stari tekst za kofu", "2026-01-10 09:00")
    publish_ok(project, env)
    old = bucket.files()
    change_everything(project)
    new = reference_build(project, env, tmp_path / "reference")
    in_cycles = links_inside_cycles(
        tmp_path / "reference/current", {key for key in new if key not in old and key.endswith(".html")}
    )
    output = kill_publish_at(project, env, point)
    assert "Sajt je objavljen" not in output
    # No page a visitor can reach points at nothing. A new page can, for the moment between it and a new
    # page it links to that links back (they go out together); no old page links to either of them yet.
    assert dangling_for_visitors(bucket) == [], "a page a visitor can reach points at an object that is not there"
    assert dangling(bucket, tolerated=in_cycles) == [], "a page in the bucket points at an object that is not there"
    now = bucket.files()
    html = [key for key in set(old) | set(new) if key.endswith(".html")]
    is_new = {key: key in now and now.get(key) == new.get(key) for key in html if new.get(key) != old.get(key)}
    if pages == "old":
        assert not any(is_new.values()) and all(now.get(key) == old.get(key) for key in is_new)
    elif pages == "mixed":
        assert any(is_new.values()), "at least one page was sent before the kill"
        assert not all(is_new.values()), "and not all of them"
    else:
        assert all(is_new[key] for key in is_new if key in new), "every new and changed page is in"
    assert "novi-tekst-s3/index.html" not in now or all(
        link in now or ("novi-tekst-s3/index.html", link) in in_cycles
        for link in links("novi-tekst-s3/index.html", bucket.text("novi-tekst-s3/index.html"))
    )

    # The next publish completes it: the bucket is exactly the new site; rollback still works.
    again = publish_ok(project, env)
    assert "prethodno objavljivanje je prekinuto pre kraja" in again.stdout
    assert bucket.files() == new and dangling(bucket) == []
    rollback_ok(project, env)
    assert dangling(bucket) == []
    if pages == "new" and point not in ("s3:feeds", "s3:after-delete"):
        # The killed publish had been recorded as live: rollback goes to it first, then further back.
        # (Killed after its deletions it was already complete: the next publish had nothing to
        # change, recorded no publish of its own, and rollback went straight back past it.)
        assert "s3prekid" in bucket.text("o-meni/index.html")
        rollback_ok(project, env)
    assert "s3prekid" not in bucket.text("o-meni/index.html") and dangling(bucket) == []


# --- what goes wrong, in the author's words -------------------------------------------------


def test_a_missing_bucket_or_an_unreachable_endpoint_changes_nothing_and_says_so(site, s3):
    project, env, bucket = site
    result = publish(project, dict(env, VA_DEPLOY_S3_BUCKET="nema-te-kofe"))
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert "skladište nema-te-kofe ne postoji; proverite s3_bucket u deploy.toml" in result.stdout
    assert "Sajt koji posetioci vide nije menjan." in result.stdout
    closed = f"http://127.0.0.1:{free_port()}"
    result = publish(project, dict(env, VA_DEPLOY_S3_ENDPOINT=closed))
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert f"server {closed} nije dostupan" in result.stdout
    no_keys = {key: value for key, value in env.items() if not key.startswith("AWS_")}
    result = publish(
        project,
        dict(
            no_keys,
            HOME=str(project),
            AWS_CONFIG_FILE="/nonexistent",
            AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
            AWS_EC2_METADATA_DISABLED="true",
        ),
    )
    assert result.returncode != 0 and "nema podataka za prijavu" in result.stdout
    assert bucket.site_keys() == []


def test_a_failure_while_deleting_old_files_says_published_but(site):
    project, env, bucket = site
    write_post(project, "stari-tekst-s3", "Stari tekst za kofu", "2026-01-10 09:00")
    publish_ok(project, env)
    (project / "content/posts/stari-tekst-s3.md").unlink()
    result = publish(project, dict(env, VA_TEST_FAIL_AT="s3:delete:ECONNRESET"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Objavljeno (verzija " in result.stdout and "ali stari fajlovi nisu obrisani iz skladišta" in result.stdout
    assert "stari-tekst-s3/index.html" in bucket.site_keys() and dangling(bucket) == []
    publish_ok(project, env)
    assert "stari-tekst-s3/index.html" not in bucket.site_keys()


def test_credentials_in_the_endpoint_are_never_printed(site):
    project, env, bucket = site
    endpoint = env["VA_DEPLOY_S3_ENDPOINT"].replace("http://", "http://korisnik:TAJNA123@")
    result = publish(project, dict(env, VA_DEPLOY_S3_ENDPOINT=endpoint), "--dry-run")
    assert "TAJNA123" not in result.stdout + result.stderr
    assert "korisnik:***@" in result.stdout
