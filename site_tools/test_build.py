from pathlib import Path

from pelican import parse_arguments

from site_tools.build import PROD_SETTINGS, pelican_command


def test_every_extra_setting_reaches_pelican():
    command = pelican_command(PROD_SETTINGS, Path("/tmp/out"), {"SITEURL": "https://primer.rs", "DEBUG_X": [1, "a"]})
    arguments = parse_arguments(command[3:])  # after "python -m pelican"
    assert arguments.overrides == {"SITEURL": "https://primer.rs", "DEBUG_X": [1, "a"]}
    assert arguments.settings == PROD_SETTINGS and arguments.output == "/tmp/out"
