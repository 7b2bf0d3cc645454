"""The code behind tasks.py: building, serving and authoring the site."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
