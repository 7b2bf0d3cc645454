"""Deploy targets for `invoke publish` and `invoke rollback`: local (default), SSH, Git, S3.

Local, SSH and Git make a whole build live at once, or leave the live site as
it was; S3 (object storage has no atomic switch) sends files in an order that
keeps every page working at every moment. `config.load_target` picks one from
deploy.toml and VA_DEPLOY_* variables.
"""

from .config import load_target, read_settings
from .manifest import Changes, compare, manifest
from .target import DeployError, Target

__all__ = ["Changes", "DeployError", "Target", "compare", "load_target", "manifest", "read_settings"]
