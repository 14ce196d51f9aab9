"""`eia-rules parse`: show what the structurer read from a document (used to measure the parser)."""
from __future__ import annotations

import json
import sys

import click

from eia_rules import parse as parse_document
from eia_rules.errors import EiaRulesError

from .common import report_unreadable


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True,
              help="Output format.")
def parse(path: str, fmt: str) -> None:
    """Print the structured record (IIARecord) read from PATH.

    \b
    Examples:
      eia-rules parse draft-iia.docx
      eia-rules parse draft-iia.docx | jq '.characteristics.age'
    """
    try:
        record = parse_document(path)
    except EiaRulesError as e:
        report_unreadable(str(e))
        sys.exit(2)
    click.echo(json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False))
