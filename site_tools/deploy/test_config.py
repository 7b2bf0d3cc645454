"""Choosing the deploy target: deploy.toml, overridden by VA_DEPLOY_* variables."""

import pytest

from site_tools.deploy import DeployError, load_target
from site_tools.deploy.config import read_settings
from site_tools.deploy.git import GitTarget
from site_tools.deploy.local import LocalTarget
from site_tools.deploy.s3 import S3Target
from site_tools.deploy.ssh import SshTarget

SITE = {"SITEURL": "https://vavodic.rs", "OUTPUT_RETENTION": [".well-known"], "AUTHOR": "Ana", "AUTHOR_EMAIL": "a@b"}


def test_with_no_configuration_the_site_goes_to_deploy(tmp_path):
    target = load_target(SITE, tmp_path, environ={})
    assert isinstance(target, LocalTarget)
    assert target.base == tmp_path / "deploy" and target.keep == 5 and target.kept == (".well-known",)


def test_environment_wins_over_deploy_toml(tmp_path):
    (tmp_path / "deploy.toml").write_text('target = "git"\ngit = "/srv/pages.git"\nkeep = 3\n')
    assert isinstance(load_target(SITE, tmp_path, environ={}), GitTarget)
    target = load_target(SITE, tmp_path, environ={"VA_DEPLOY_TARGET": "ssh", "VA_DEPLOY_SSH": "ana@host:/srv/site",
                                                 "VA_DEPLOY_SSH_PORT": "2222"})
    assert isinstance(target, SshTarget)
    assert (target.host, target.path, target.keep) == ("ana@host", "/srv/site", 3)
    assert target.ssh[target.ssh.index("-p") + 1] == "2222"


def test_s3_from_deploy_toml_or_the_environment(tmp_path):
    (tmp_path / "deploy.toml").write_text('target = "s3"\ns3_bucket = "sajt"\ns3_prefix = "/www/"\n')
    target = load_target(SITE, tmp_path, environ={})
    assert isinstance(target, S3Target)
    assert (target.bucket, target.prefix, target.endpoint, target.region) == ("sajt", "www/", None, "us-east-1")
    assert target.description == "S3 skladište sajt/www"
    target = load_target(SITE, tmp_path, environ={
        "VA_DEPLOY_S3_ENDPOINT": "https://nalog.r2.cloudflarestorage.com", "VA_DEPLOY_S3_REGION": "auto",
        "VA_DEPLOY_S3_PREFIX": "", "VA_DEPLOY_KEEP": "3",
    })
    assert (target.prefix, target.endpoint, target.region, target.keep) == ("", "https://nalog.r2.cloudflarestorage.com", "auto", 3)
    assert target.site_url == "https://vavodic.rs" and target.kept == (".well-known",)


@pytest.mark.parametrize(
    "toml, environ, message",
    [
        ("", {"VA_DEPLOY_TARGET": "ftp"}, "Nepoznat način objavljivanja „ftp”"),
        ("", {"VA_DEPLOY_TARGET": "ssh"}, 'upišite i server i fasciklu sajta, na primer: ssh = "'),
        ("", {"VA_DEPLOY_TARGET": "ssh", "VA_DEPLOY_SSH": "host-bez-putanje"}, "nije ispravno"),
        ("", {"VA_DEPLOY_TARGET": "git"}, 'upišite i adresu repozitorijuma, na primer: git = "'),
        ('target = "s3"\n', {}, 'upišite i ime skladišta, na primer: s3_bucket = "ime-skladista"'),
        ("", {"VA_DEPLOY_KEEP": "pet"}, "VA_DEPLOY_KEEP: keep mora da bude ceo broj, na primer: VA_DEPLOY_KEEP=5; sada je „pet”"),
        ("keep = true\n", {}, "deploy.toml: keep mora da bude ceo broj, na primer: keep = 5; sada je „true”"),
        ("", {"VA_DEPLOY_DIR": ""}, "VA_DEPLOY_DIR je prazan"),
        ('targt = "ssh"\n', {}, r"nepoznato podešavanje „targt” \(red 1; da li ste mislili „target”\?\)\."),
        ('Siteurl = "https://a.rs"\nbla = 1\n', {}, r"nepoznata podešavanja „Siteurl” \(red 1; da li ste mislili „siteurl”\?\); „bla” \(red 2\)"),
        ("dir = 5\n", {}, r'deploy.toml \(red 1\): dir je tekst i piše se pod navodnicima, na primer: dir = "/var/www/vavodic"'),
        ("# sajt\ncname = false\n", {}, r'\(red 2\): cname je tekst .* cname = "www.vas-domen.rs"'),
        ("siteurl = 5\n", {}, r'siteurl = "https://www.vas-domen.rs"'),
        ('dir = " "\n', {}, "dir je prazan; napišite fasciklu"),
        ("keep = 2.5\n", {}, r"deploy.toml: keep mora da bude ceo broj, na primer: keep = 5; sada je „2.5”"),
        ("", {"VA_DEPLOY_SSH_PORT": "dvadeset", "VA_DEPLOY_TARGET": "ssh", "VA_DEPLOY_SSH": "a@b:/c"}, "VA_DEPLOY_SSH_PORT: ssh_port mora da bude ceo broj, na primer: VA_DEPLOY_SSH_PORT=22"),
        ('dir = "C:\\Users\\Ana\\sajt"\n', {}, r'putanju pišite sa /, a disk C: je ovde /mnt/c \(na primer: dir = "/mnt/c/Users/Ana/sajt"\)'),
        ('dir = "C:/Users/Ana/sajt"\n', {}, r'je putanja sa Windows-a.* disk C: fascikla /mnt/c. Napišite: dir = "/mnt/c/Users/Ana/sajt"'),
        ("dir = 'd:\\Sajt'\n", {}, r'Napišite: dir = "/mnt/d/Sajt"'),
        ('siteurl = "www.moj-domen.rs"\n', {}, 'na primer: siteurl = "https://www.moj-domen.rs"'),
        ('siteurl = "https:/www.moj-domen.rs"\n', {}, 'na primer: siteurl = "https://www.moj-domen.rs"'),
        ("", {"VA_SITEURL": "moj-domen.rs"}, "mora da bude cela, sa https://"),
        ("target = \n", {}, "deploy.toml nije ispravan u redu 1"),
        ('# objavljivanje\ntarget = "local"\ndir: "/srv/sajt"\n', {}, "deploy.toml nije ispravan u redu 3"),
        ('target = "local"\ndir = "/srv/sajt\n', {}, "deploy.toml nije ispravan u redu 2"),
        ('target = „local”\n', {}, "u redu 1: svaki red je oblika ime = \"vrednost\", sa navodnicima oko teksta: običnim"),
        ('target = "local"\ntarget = "ssh"\n', {}, "nije ispravan u redu 2: to podešavanje je već navedeno"),
    ],
)
def test_bad_settings_say_what_to_fix(tmp_path, toml, environ, message):
    (tmp_path / "deploy.toml").write_text(toml)
    with pytest.raises(DeployError, match=message):
        load_target(SITE, tmp_path, environ=environ)


def test_a_site_address_ending_in_a_slash_is_the_same_address(tmp_path):
    (tmp_path / "deploy.toml").write_text('siteurl = " https://www.moj-domen.rs/ "\n')
    assert read_settings(tmp_path, environ={})["siteurl"] == "https://www.moj-domen.rs"


def test_a_deploy_toml_saved_in_another_encoding_says_so_at_its_line(tmp_path):
    (tmp_path / "deploy.toml").write_bytes('# Objavljivanje\ntarget = "local"  # lokalna fascikla, ručno\n'.encode("cp1250"))
    with pytest.raises(DeployError, match=r"deploy.toml nije sačuvan kao UTF-8 \(red 2\)"):
        load_target(SITE, tmp_path, environ={})


def test_a_deploy_toml_saved_with_a_bom_is_read(tmp_path):
    """Notepad's "UTF-8 with BOM": the first line looked right and was said to be wrong."""
    (tmp_path / "deploy.toml").write_bytes('siteurl = "https://www.moj-domen.rs"\n'.encode("utf-8-sig"))
    assert read_settings(tmp_path, environ={})["siteurl"] == "https://www.moj-domen.rs"


def test_the_release_folder_may_start_at_the_home_folder_or_be_relative_to_the_project(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "dom"))
    (tmp_path / "deploy.toml").write_text('dir = "~/sajt-kopija"\n')
    assert load_target(SITE, tmp_path, environ={}).base == tmp_path / "dom" / "sajt-kopija"
    (tmp_path / "deploy.toml").write_text('dir = "izdanja"\n')
    assert load_target(SITE, tmp_path, environ={}).base == tmp_path / "izdanja"
