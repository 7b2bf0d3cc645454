import pytest

from css_bundle import bundle, bundle_name


def test_bundle_joins_files_in_name_order_and_minifies(tmp_path):
    (tmp_path / "20-b.css").write_text("b  {\n  color : red ;\n}\n")
    (tmp_path / "10-a.css").write_text("/* comment */\na { margin: 0 }\n")
    assert bundle(tmp_path) == "a{margin:0}b{color:red}"


def test_preview_parts_come_last_and_only_in_the_preview(tmp_path):
    (tmp_path / "10-a.css").write_text("a { margin: 0 }")
    (tmp_path / "preview").mkdir()
    (tmp_path / "preview" / "banner.css").write_text(".banner { color: red }")
    assert bundle(tmp_path) == "a{margin:0}"
    assert bundle(tmp_path, preview=True) == "a{margin:0}.banner{color:red}"


def test_bundle_name_changes_with_content():
    first, second = bundle_name("a{margin:0}"), bundle_name("a{margin:1px}")
    assert first != second
    assert first.startswith("theme/css/site.") and first.endswith(".css")
    assert bundle_name("a{margin:0}") == first


def test_bundle_without_css_names_the_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        bundle(tmp_path)
