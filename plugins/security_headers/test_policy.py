"""The policy's pieces: which scripts are hashed, what is refused, where the meta tag goes."""

from pathlib import Path

import pytest

from security_headers import secure_output
from security_headers.policy import (
    headers,
    headers_file,
    inline_script_hashes,
    inline_style_hashes,
    insert_meta,
    meta_policy,
    nginx_conf,
    page_policy,
    parse_headers_file,
    problems,
    scan_page,
    script_hash,
)

PAGE = (
    "<!doctype html><html lang=sr-Latn><meta charset=utf-8><title>x</title>"
    "<script>try{a()}catch{}</script>"
    '<script type="application/ld+json">{"@type":"Thing"}</script>'
    "<script src=/theme/js/share.js defer></script>"
    "<script type=module>b()</script>"
    "<p>Tekst</p></html>"
)


def test_the_hash_is_the_one_browsers_compute():
    # The example from the CSP specification: 'sha256-…' of alert('Hello, world.');
    assert script_hash("alert('Hello, world.');") == "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
    assert script_hash("a()\r\nb()") == script_hash("a()\nb()"), "the HTML parser normalises newlines"


def test_only_scripts_a_browser_runs_inline_are_hashed():
    assert inline_script_hashes(PAGE) == [script_hash("try{a()}catch{}"), script_hash("b()")]


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<button onclick="x()">x</button>', "<button onclick=…> (inline event handler)"),
        ('<a href="javascript:void(0)">x</a>', "<a href=javascript:…>"),
        ('<p style="color:red">x</p>', "<p style=…> (style attribute)"),
    ],
)
def test_what_a_hash_cannot_allow_is_reported(html, problem):
    assert problems(html) == [problem]


def test_no_problems_in_a_plain_page():
    assert problems(PAGE) == []


def test_the_meta_tag_goes_right_after_the_charset_and_replaces_an_old_one():
    once = insert_meta(PAGE, "default-src 'self'")
    assert once.startswith(
        '<!doctype html><html lang=sr-Latn><meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    )
    assert insert_meta(once, "default-src 'none'").count("Content-Security-Policy") == 1
    with pytest.raises(ValueError, match="no <meta charset>"):
        insert_meta("<html><p>x</p></html>", "default-src 'self'")
    with pytest.raises(ValueError, match="comes before"):
        insert_meta("<script>x()</script><meta charset=utf-8>", "default-src 'self'")


def test_the_meta_policy_leaves_out_what_a_meta_tag_cannot_carry():
    policy = headers(Path("/nonexistent"), ["abc="])["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert meta_policy(policy) == policy.replace("; frame-ancestors 'none'", "")


def test_pagefind_adds_wasm_unsafe_eval_and_hsts_is_opt_in(tmp_path):
    assert "wasm-unsafe-eval" not in headers(tmp_path, [])["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in headers(tmp_path, [])
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("")
    both = headers(tmp_path, ["abc="], hsts="max-age=31536000")
    assert "script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval';" in both["Content-Security-Policy"]
    assert both["Strict-Transport-Security"] == "max-age=31536000"
    assert parse_headers_file(headers_file(both)) == both
    assert "add_header Strict-Transport-Security" in nginx_conf(both)


def test_secure_output_rewrites_every_page_and_writes_headers(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(PAGE.replace("b()", "c()"), encoding="utf-8")
    found = secure_output(tmp_path, {})
    policy = found["Content-Security-Policy"]
    for digest in (script_hash("try{a()}catch{}"), script_hash("b()"), script_hash("c()")):
        assert f"'sha256-{digest}'" in policy
    assert parse_headers_file((tmp_path / "_headers").read_text(encoding="utf-8")) == found
    for page, own in (("index.html", "b()"), ("a/index.html", "c()")):
        html = (tmp_path / page).read_text(encoding="utf-8")
        expected = page_policy(sorted([script_hash("try{a()}catch{}"), script_hash(own)]), [])
        assert f'content="{expected}"' in html, "each page's meta lists only its own scripts"
        assert "wasm-unsafe-eval" not in expected and "frame-ancestors" not in expected


def test_only_the_listed_pages_meta_allows_webassembly_once_pagefind_is_built(tmp_path):
    (tmp_path / "pretraga").mkdir()
    for page in ("index.html", "pretraga/index.html"):
        (tmp_path / page).write_text(PAGE, encoding="utf-8")
    settings = {"SECURITY_HEADERS_WASM_PAGES": ["pretraga/index.html"]}
    assert "wasm" not in secure_output(tmp_path, settings)["Content-Security-Policy"]
    assert "wasm" not in (tmp_path / "pretraga/index.html").read_text(encoding="utf-8"), "no Pagefind yet"
    (tmp_path / "pagefind").mkdir()
    assert "'wasm-unsafe-eval'" in secure_output(tmp_path, settings)["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" in (tmp_path / "pretraga/index.html").read_text(encoding="utf-8")
    assert "wasm" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_page_policy_has_only_its_own_sources():
    policy = page_policy(["abc="], ["def="], webassembly=True)
    assert "script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval';" in policy
    assert "style-src 'self' 'sha256-def=';" in policy
    assert page_policy([], []).startswith("default-src 'self'; script-src 'self'; style-src 'self';")
    assert "frame-ancestors" not in policy


def test_a_style_element_is_allowed_by_its_hash(tmp_path):
    from security_headers.policy import inline_style_hashes, problems

    page = "<style>.x{color:red}</style><p>x</p>"
    assert problems(page) == []
    digest = inline_style_hashes(page)[0]
    policy = headers(tmp_path, [], style_hashes=[digest])["Content-Security-Policy"]
    assert f"style-src 'self' 'sha256-{digest}'" in policy and "unsafe-inline" not in policy


def test_one_scan_of_a_page_answers_all_three_questions():
    html = (
        '<!doctype html><meta charset="utf-8"><script>go()</script><script src="/a.js"></script>'
        '<style>p{color:red}</style><a href="javascript:go()">x</a><p onclick="go()" style="x">y</p>'
    )
    scan = scan_page(html)
    assert scan == (inline_script_hashes(html), inline_style_hashes(html), problems(html))
    assert scan.script_hashes == [script_hash("go()")] and scan.style_hashes == [script_hash("p{color:red}")]
    assert len(scan.problems) == 3


def test_the_scan_reads_the_page_as_a_browser_does():
    html = (
        '<!doctype html><meta charset="utf-8"><script>if (a < b && c) { x("</p>"); }</script>'
        '<script type="application/ld+json">{"a": 1}</script><script type="module">m()</script>'
        '<a HREF="&#106;avascript:go()">x</a><svg><a xlink:href="javascript:go()">y</a></svg><p ONCLICK="go()">z</p>'
    )
    scan = scan_page(html)
    assert scan.script_hashes == [script_hash('if (a < b && c) { x("</p>"); }'), script_hash("m()")]
    assert len(scan.problems) == 3
