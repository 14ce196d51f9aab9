"""`eia-rules schema`: write the published JSON Schemas for records and reports."""
from __future__ import annotations

import click

from eia_rules.schemas import write_schemas


@click.command()
@click.option("--out-dir", type=click.Path(file_okay=False), default="schemas", show_default=True,
              help="Folder to write iia-record.schema.json and report.schema.json into.")
def schema(out_dir: str) -> None:
    """Write the JSON Schemas of the IIA record and of the JSON report.

    Forms systems can validate the records they send against iia-record.schema.json;
    tools reading `check --format json` output can validate it against report.schema.json.

    \b
    Example:
      eia-rules schema --out-dir schemas/
    """
    for path in write_schemas(out_dir):
        click.echo(f"Wrote {path}", err=True)
