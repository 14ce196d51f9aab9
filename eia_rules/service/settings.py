"""Service limits, chosen by the operator (`eia-rules serve` options or environment variables)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, load_config_file

MB = 1024 * 1024

ENV_MAX_UPLOAD_MB = "EIA_RULES_MAX_UPLOAD_MB"
ENV_TIMEOUT = "EIA_RULES_TIMEOUT_SECONDS"
ENV_CONFIG = "EIA_RULES_CONFIG"


@dataclass(frozen=True)
class Settings:
    """What one service process allows.

    `config` is the operator's configuration (body type, selected rules) applied to every
    upload. It is never looked up from an uploaded file's name, so nothing a client sends can
    make the server read its own files.
    """

    max_upload_bytes: int = 20 * MB
    timeout_seconds: float = 60.0
    workers: int = 4
    config: Config = field(default_factory=Config)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Settings from EIA_RULES_MAX_UPLOAD_MB, EIA_RULES_TIMEOUT_SECONDS and EIA_RULES_CONFIG."""
        env = os.environ if environ is None else environ
        kwargs: dict[str, object] = {}
        if env.get(ENV_MAX_UPLOAD_MB):
            kwargs["max_upload_bytes"] = int(float(env[ENV_MAX_UPLOAD_MB]) * MB)
        if env.get(ENV_TIMEOUT):
            kwargs["timeout_seconds"] = float(env[ENV_TIMEOUT])
        if env.get(ENV_CONFIG):
            kwargs["config"] = load_config_file(Path(env[ENV_CONFIG]))
        return cls(**kwargs)  # type: ignore[arg-type]

    @property
    def max_upload_label(self) -> str:
        """The limit as people read it, e.g. '20 MB' or '512 KB'."""
        size = self.max_upload_bytes
        if size >= MB:
            return f"{size / MB:.3g} MB"
        return f"{size / 1024:.3g} KB" if size >= 1024 else f"{size} bytes"
