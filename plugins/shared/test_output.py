"""A written file's place in the output, however the output's path was spelled."""

from shared.output import in_output


def test_a_written_file_is_found_by_its_path_inside_the_output(tmp_path):
    output = tmp_path / "output"
    (output / "a/b").mkdir(parents=True)
    (output / "a/b/index.html").write_text("x", encoding="utf-8")
    assert in_output(output / "a/b/index.html", output) == "a/b/index.html"
    assert in_output(str(output / "index.html"), str(output)) == "index.html"

    link = tmp_path / "link"
    link.symlink_to(output)
    assert in_output(link / "a/b/index.html", output) == "a/b/index.html"  # the same folder through a link
    assert in_output(tmp_path / "elsewhere.html", output) is None
