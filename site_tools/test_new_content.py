import pytest

from site_tools.new_content import new_faq


@pytest.mark.parametrize("said, kind", [("Mitovi", "myths"), ("pitanja", "questions"), ("myths", "myths")])
def test_the_kind_of_faq_page_may_be_said_in_serbian(tmp_path, said, kind):
    path, _preview = new_faq("Mitovi o ceni", kind=said, content_dir=tmp_path)
    assert f"\nKind: {kind}\n" in path.read_text(encoding="utf-8")


def test_an_unknown_kind_is_answered_with_the_line_to_type(tmp_path):
    with pytest.raises(ValueError) as error:
        new_faq("Saveti", kind="saveti", content_dir=tmp_path)
    assert str(error.value) == (
        "Vrsta „saveti” ne postoji; izaberite myths (mitovi) ili questions (pitanja), na primer: "
        'make faq NASLOV="Mitovi o ceni" VRSTA=myths'
    )
    assert not list(tmp_path.rglob("*.md"))
