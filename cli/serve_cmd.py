"""`eia-rules serve`: the HTTP API and upload page (needs the `service` extra)."""
from __future__ import annotations

from pathlib import Path

import click

from eia_rules.config import load_config_file


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--max-upload-mb", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Largest request body accepted; larger ones get 413.")
@click.option("--timeout", "timeout_seconds", default=60.0, show_default=True,
              type=click.FloatRange(min=0, min_open=True), help="Seconds a check may take before 504.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes checking documents at the same time (each about 350 MB).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration applied to every upload (body type, rule selection).")
def serve(host: str, port: int, max_upload_mb: float, timeout_seconds: float, workers: int,
          config_path: str | None) -> None:
    """Serve the HTTP API (/v1/...) and the upload page (/).

    \b
    Examples:
      eia-rules serve
      eia-rules serve --host 0.0.0.0 --port 8080 --max-upload-mb 10 --config eia-rules.toml
      curl -F file=@draft-iia.docx http://127.0.0.1:8000/v1/check
    """
    try:
        import uvicorn

        from eia_rules.service import Settings, create_app
    except ImportError as exc:
        raise click.ClickException(
            f"the service needs extra packages ({exc.name} is missing): pip install '.[service]' from the eia-rules repository (it is not on a package index)"
        ) from exc
    from eia_rules.config import Config
    from eia_rules.service.settings import MB

    settings = Settings(max_upload_bytes=int(max_upload_mb * MB), timeout_seconds=timeout_seconds, workers=workers,
                        config=load_config_file(Path(config_path)) if config_path else Config())
    uvicorn.run(create_app(settings), host=host, port=port)
