"""The `eia-rules` command: parse arguments, call the library, choose an output, set the exit code.

Exit codes (CI can trust them, as with ruff): 0 = no finding at or above --fail-on;
1 = findings at or above it; 2 = usage error, bad configuration or unreadable input.
"""
from __future__ import annotations

import sys

import click

from eia_rules import __version__
from eia_rules.errors import EiaRulesError

from .audit_cmd import audit, export
from .check_cmd import check
from .eval_cmd import eval_cmd
from .parse_cmd import parse
from .report_cmd import report
from .rules_cmd import explain, rules
from .schema_cmd import schema
from .serve_cmd import serve


class EiaRulesGroup(click.Group):
    """Turns errors a user can act on into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except EiaRulesError as e:
            click.echo(f"eia-rules: error: {e}", err=True)
            ctx.exit(2)


@click.group(cls=EiaRulesGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eia-rules")
def cli() -> None:
    """Check Welsh integrated impact assessments against the duties they must show.

    \b
    Examples:
      eia-rules check draft-iia.docx
      eia-rules check assessments/ --format json --fail-on warning
      eia-rules parse draft-iia.docx --format json
      eia-rules rules
      eia-rules explain PC001
    """


cli.add_command(check)
cli.add_command(parse)
cli.add_command(rules)
cli.add_command(explain)
cli.add_command(audit)
cli.add_command(export)
cli.add_command(eval_cmd)
cli.add_command(schema)
cli.add_command(serve)
cli.add_command(report)


def main() -> None:
    """Console entry point. Click exits 2 on usage errors; ClickException's own code is kept at 2 too."""
    try:
        code = cli.main(standalone_mode=False)  # returns the code given to ctx.exit()
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
