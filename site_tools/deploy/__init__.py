"""Deploy targets for `invoke publish` and `invoke rollback`: local (default), SSH, Git.

Each target makes a whole build live at once, or leaves the live site as it
was; `config.load_target` picks one from deploy.toml and VA_DEPLOY_* variables.
"""

from .config import load_target, read_settings
from .manifest import Changes, compare, manifest
from .target import DeployError, Target

__all__ = ["Changes", "DeployError", "Target", "compare", "load_target", "manifest", "read_settings"]
