"""Object storage (S3 and any S3-compatible service: Cloudflare R2, Backblaze B2,
MinIO, …), usually behind a CDN.

The site's files are objects under an optional prefix, served as they are:

    <prefix><path>                      the live site (index.html, o-meni/index.html, …)
    <prefix>.va-deploy/live.json        which publish is live, and each object's ETag then
    <prefix>.va-deploy/releases/<id>.json  one manifest per publish: every file's sha256,
                                        type and cache class, and the publish before it
    <prefix>.va-deploy/objects/<sha256> earlier contents that a publish overwrote or deleted

A publish sends only what changed: a file whose sha256 differs from the live
manifest's, or whose object was changed behind our back (its ETag is not the
one recorded). Every object gets an explicit Content-Type and Cache-Control
(s3_rules.py), and the order of uploads (s3_rules.upload_order) keeps every
page in the bucket pointing only at objects that exist, even if the publish is
killed at any moment. Before an object is overwritten or deleted, its content
is copied (server-side) into objects/, so `invoke rollback` can restore the
publish before the live one object by object, following the same history as
the other targets (releases.py). Only the manifests of the last `keep`
publishes along that history, and the contents they need, are kept.

Credentials come from the standard AWS variables (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or a profile (AWS_PROFILE).
"""

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import ROOT
from ..faults import fail_point, pause_point
from . import releases, s3_rules
from .lock import LOCK_FILE, local_lock
from .manifest import sha256_bytes
from .masking import mask
from .target import DeployError, LiveSiteUnsettled, PublishedWithProblem, Target, Version

META = ".va-deploy/"
LIVE = META + "live.json"
RELEASES = META + "releases/"
OBJECTS = META + "objects/"
WORKERS = 8
UNKNOWN = "?"  # the digest of an object whose content we cannot vouch for


@dataclass
class BucketState:
    listing: dict[str, str]  # path → ETag of every site object now in the bucket
    live: str | None  # the live publish's id
    etags: dict[str, str]  # path → ETag recorded when the live publish finished
    files: dict[str, dict]  # the live publish's manifest: path → {sha256, type, cache}
    saved: set[str] = field(default_factory=set)  # sha256 of contents kept in objects/

    def known(self, path: str) -> dict | None:
        """What we know an object holds: its manifest entry, if its ETag is the one recorded."""
        if path in self.listing and self.etags.get(path) == self.listing[path]:
            return self.files.get(path)
        return None


def entry(path: str, sha: str) -> dict:
    return {"sha256": sha, "type": s3_rules.content_type(path), "cache": s3_rules.cache_control(path)}


class S3Target(Target):
    all_at_once = False  # objects are sent one by one, in an order that keeps every page's links whole

    def __init__(self, bucket: str, prefix: str = "", endpoint: str | None = None, region: str | None = None,
                 keep: int = 5, kept: tuple[str, ...] = (), site_url: str = "", lock_dir: Path = ROOT):
        super().__init__(kept)
        self.bucket, self.endpoint, self.keep, self.site_url = bucket, endpoint or None, keep, site_url
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        where = f" na {mask(endpoint)}" if endpoint else ""
        self.description = f"S3 skladište {bucket}{'/' + self.prefix.rstrip('/') if self.prefix else ''}{where}"
        self.lock_dir = Path(lock_dir)
        self._client = None

    # --- the bucket -------------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            import boto3
            from botocore.config import Config

            config = Config(
                retries={"mode": "standard", "max_attempts": 5}, connect_timeout=10, read_timeout=60,
                max_pool_connections=WORKERS * 2,
                s3={"addressing_style": "path"} if self.endpoint else {},
            )
            self._client = boto3.session.Session().client(
                "s3", endpoint_url=self.endpoint, region_name=self.region, config=config,
            )
        return self._client

    def key(self, path: str) -> str:
        return self.prefix + path

    def lock(self):
        return local_lock(self.lock_dir / LOCK_FILE, self.description)

    def check_reachable(self) -> None:
        with self.explained():
            self.client.head_bucket(Bucket=self.bucket)

    def list_keys(self, under: str = "") -> dict[str, str]:
        """path (relative to the prefix) → ETag, for every object under prefix + `under`."""
        found = {}
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + under):
            for item in page.get("Contents", []):
                found[item["Key"].removeprefix(self.prefix)] = item["ETag"]
        return found

    def read_json(self, path: str) -> dict | None:
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self.key(path))["Body"].read()
        except self.client.exceptions.NoSuchKey:
            return None
        return json.loads(body)

    def write_json(self, path: str, data: dict) -> None:
        self.client.put_object(
            Bucket=self.bucket, Key=self.key(path), Body=json.dumps(data, indent=1, sort_keys=True).encode(),
            ContentType="application/json; charset=utf-8", CacheControl="no-store",
        )

    def state(self) -> BucketState:
        listing = self.list_keys()
        saved = {path.removeprefix(OBJECTS) for path in listing if path.startswith(OBJECTS)}
        listing = {path: etag for path, etag in listing.items() if not path.startswith(META)}
        live = self.read_json(LIVE) or {}
        release = live.get("release")
        manifest = self.read_json(f"{RELEASES}{release}.json") if release else None
        return BucketState(listing, release, live.get("etags", {}), (manifest or {}).get("files", {}), saved)

    # --- Target ---------------------------------------------------------------------------
    def live_manifest(self) -> dict[str, str]:
        with self.explained():
            state = self.state()
        found = {}
        for path, etag in state.listing.items():
            known = state.known(path)
            found[path] = known["sha256"] if known and known == entry(path, known["sha256"]) else f"{UNKNOWN}{etag}"
        return found

    def deploy(self, staging: Path, progress=None) -> str:
        with self.explained():
            state = self.state()
            release = releases.new_release_id()
            files = {
                path.relative_to(staging).as_posix(): sha256_bytes(path.read_bytes())
                for path in sorted(staging.rglob("*")) if path.is_file()
            }
            manifest = {"id": release, "previous": state.live, "files": {p: entry(p, sha) for p, sha in files.items()}}
            self.write_json(f"{RELEASES}{release}.json", manifest)

            def source(path):
                return ("file", staging / path)

            return self._sync(state, manifest, source, progress)

    def rollback(self) -> Version:
        with self.explained():
            state = self.state()
            if not state.live:
                raise DeployError(f"U {self.description} još ništa nije objavljeno, pa nema na šta da se vrati.")
            current = self.read_json(f"{RELEASES}{state.live}.json") or {}
            target = current.get("previous")
            if not target:
                raise DeployError(f"Nema starije verzije od {releases.describe(state.live)}; vraćanje nije moguće.")
            manifest = self.read_json(f"{RELEASES}{target}.json")
            if manifest is None:
                raise DeployError(
                    f"Verzija koja je bila pre ove ({releases.describe(target)}) više ne postoji u skladištu: čuva se "
                    f"{self.keep} poslednjih (keep u deploy.toml). Vraćanje nije moguće."
                )
            self._save_missing_contents(state, manifest)

            def source(path):
                return ("object", OBJECTS + manifest["files"][path]["sha256"])

            self._sync(state, manifest, source, progress=None)
        return Version(target, releases.describe(target))

    # --- one way to make the bucket hold a manifest's files --------------------------------
    def _sync(self, state: BucketState, manifest: dict, source, progress) -> str:
        """Send what differs from `state`, in the safe order; record `manifest` as live; delete the rest."""
        wanted = manifest["files"]
        send = sorted(path for path, info in wanted.items() if state.known(path) != info)
        new = {path for path in send if path not in state.listing}
        remove = sorted(path for path in state.listing if path not in wanted and path.split("/", 1)[0] not in self.kept)
        links = {path: s3_rules.page_links(path, self._text(source(path)), self.site_url)
                 for path in new if s3_rules.kind(path) == "page"}
        etags = {path: state.listing[path] for path in wanted if path not in send and path in state.listing}
        done, total, counting = 0, len(send) + len(remove), threading.Lock()

        def sent(path, etag):
            nonlocal done
            with counting:
                etags[path] = etag
                done += 1
                if progress:
                    progress(done, total)

        phase = "asset"
        try:
            for group in s3_rules.upload_order(send, new, links):
                phase = s3_rules.kind(group[0])
                self._in_parallel(group, lambda path: sent(path, self._put(state, path, wanted[path], source(path))),
                                  pause=f"s3:{phase}s")
        except Exception as error:
            if phase == "asset":
                raise DeployError(
                    f"Slanje u {self.description} nije uspelo ({self._reason(error)}). Stranice sajta nisu menjane; "
                    "poslati su samo fajlovi koje one još ne koriste."
                ) from error
            raise LiveSiteUnsettled(
                f"Slanje u {self.description} je prekinuto usred slanja stranica ({self._reason(error)}): deo stranica "
                "je nov, deo star, a svaka i dalje vodi samo na fajlove koji postoje. "
                "Pokrenite objavljivanje ponovo da bi sajt bio ceo nov."
            ) from error
        release = manifest["id"]
        try:
            fail_point("s3:record")
            self.write_json(LIVE, {"release": release, "etags": etags})
        except Exception as error:
            raise PublishedWithProblem(
                release, f"zapis o tome koja je verzija uživo nije sačuvan ({self._reason(error)})",
                "Sajt radi. Objavite ponovo pre nego što pokrenete vraćanje (rollback).",
            ) from error
        pause_point("s3:before-delete")
        try:
            fail_point("s3:delete")
            self._in_parallel(remove, lambda path: self._save(state, path))
            for start in range(0, len(remove), 1000):
                batch = [{"Key": self.key(path)} for path in remove[start:start + 1000]]
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})
            done += len(remove)
            if progress and remove:
                progress(done, total)
            pause_point("s3:after-delete")
            self._prune(release)
        except Exception as error:
            raise PublishedWithProblem(
                release, f"stari fajlovi nisu obrisani iz skladišta ({self._reason(error)})",
                "Sajt radi; sledeće objavljivanje će ih obrisati.",
            ) from error
        return release

    def _put(self, state: BucketState, path: str, info: dict, source: tuple[str, object]) -> str:
        """Send one object (after keeping what it replaces); return its new ETag."""
        self._save(state, path)
        kind, where = source
        headers = {"ContentType": info["type"], "CacheControl": info["cache"]}
        if kind == "file":
            result = self.client.put_object(Bucket=self.bucket, Key=self.key(path), Body=Path(where).read_bytes(), **headers)
            return result["ETag"]
        result = self.client.copy_object(
            Bucket=self.bucket, Key=self.key(path), CopySource={"Bucket": self.bucket, "Key": self.key(where)},
            MetadataDirective="REPLACE", **headers,
        )
        return result["CopyObjectResult"]["ETag"]

    def _save(self, state: BucketState, path: str) -> None:
        """Copy the object at `path` into objects/ (once per content) before it is overwritten or deleted."""
        known = state.known(path)
        if not known or known["sha256"] in state.saved:
            return
        self.client.copy_object(
            Bucket=self.bucket, Key=self.key(OBJECTS + known["sha256"]),
            CopySource={"Bucket": self.bucket, "Key": self.key(path)},
        )
        state.saved.add(known["sha256"])

    def _save_missing_contents(self, state: BucketState, manifest: dict) -> None:
        """Before a rollback changes anything: every content it needs is in objects/, or it stops."""
        at = {}
        for path in state.listing:
            known = state.known(path)
            if known:
                at.setdefault(known["sha256"], path)
        missing = []
        for path, info in manifest["files"].items():
            sha = info["sha256"]
            if sha in state.saved or state.known(path) == info:
                continue
            if sha in at:
                self.client.copy_object(Bucket=self.bucket, Key=self.key(OBJECTS + sha),
                                        CopySource={"Bucket": self.bucket, "Key": self.key(at[sha])})
                state.saved.add(sha)
            else:
                missing.append(path)
        if missing:
            raise DeployError(
                f"Za vraćanje nedostaje sadržaj {len(missing)} fajlova (npr. {missing[0]}); skladište je menjano mimo "
                "objavljivanja. Ništa nije promenjeno; objavite ispravnu verziju iz projekta."
            )

    def _text(self, source: tuple[str, object]) -> str:
        kind, where = source
        if kind == "file":
            return Path(where).read_text(encoding="utf-8", errors="replace")
        body = self.client.get_object(Bucket=self.bucket, Key=self.key(where))["Body"].read()
        return body.decode("utf-8", errors="replace")

    def _in_parallel(self, paths: list[str], work, pause: str | None = None) -> None:
        def one(path):
            work(path)
            if pause:
                pause_point(pause)

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for future in [pool.submit(one, path) for path in paths]:
                future.result()

    def _prune(self, live: str) -> None:
        """Keep the manifests of the last `keep` publishes along history and the contents they need."""
        ids = [path.removeprefix(RELEASES).removesuffix(".json") for path in self.list_keys(RELEASES)]
        manifests = {release: self.read_json(f"{RELEASES}{release}.json") or {} for release in ids if releases.is_release(release)}
        history = {release: manifest.get("previous") for release, manifest in manifests.items()}
        kept = set(releases.chain(list(manifests), live, history)[:max(self.keep, 1)])
        needed = {info["sha256"] for release in kept for info in manifests[release].get("files", {}).values()}
        stale = [f"{RELEASES}{release}.json" for release in ids if release not in kept]
        stale += [path for path in self.list_keys(OBJECTS) if path.removeprefix(OBJECTS) not in needed]
        for start in range(0, len(stale), 1000):
            batch = [{"Key": self.key(path)} for path in stale[start:start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

    # --- errors, in the author's words ----------------------------------------------------
    def explained(self):
        return _Explained(self)

    def _reason(self, error: Exception) -> str:
        return explain(error, self.bucket, self.endpoint)


class _Explained:
    """Turns boto errors raised inside `with target.explained():` into DeployError."""

    def __init__(self, target: S3Target):
        self.target = target

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is None or isinstance(error, DeployError):
            return False
        from botocore.exceptions import BotoCoreError, ClientError

        if isinstance(error, (BotoCoreError, ClientError)):
            raise DeployError(f"{self.target.description}: {self.target._reason(error)}.") from error
        return False


def explain(error: Exception, bucket: str, endpoint: str | None) -> str:
    """A boto error as the author can act on it (Serbian)."""
    from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError, PartialCredentialsError

    if isinstance(error, (NoCredentialsError, PartialCredentialsError)):
        return ("nema podataka za prijavu: podesite AWS_ACCESS_KEY_ID i AWS_SECRET_ACCESS_KEY "
                "(ili AWS_PROFILE) u okruženju")
    if isinstance(error, EndpointConnectionError):
        return f"server {mask(endpoint or 'S3')} nije dostupan; proverite vezu i s3_endpoint u deploy.toml"
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        if code == "NoSuchBucket" or (code in ("404", "NotFound") and error.operation_name == "HeadBucket"):
            return f"skladište {bucket} ne postoji; proverite s3_bucket u deploy.toml ili ga napravite (npr. aws s3 mb s3://{bucket})"
        if code in ("AccessDenied", "403", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken",
                    "ExpiredToken"):
            return f"pristup skladištu {bucket} je odbijen ({code}); proverite ključeve i dozvole za pisanje"
        return mask(f"{code}: {error.response.get('Error', {}).get('Message', '')}".strip(": "))
    if isinstance(error, OSError):
        return mask(str(error))
    return mask(f"{type(error).__name__}: {error}")
