"""The `eia-rules` command: parse arguments, call the library, choose an output, set the exit code.

Exit codes (CI can trust them, as with ruff): 0 = no finding at or above --fail-on;
1 = findings at or above it; 2 = usage error, bad configuration or unreadable input.
"""
from __future__ import annotations

import importlib
import sys
import traceback

import click

from eia_rules import __version__
from eia_rules.errors import EiaRulesError, safe_name

# command name -> (module, function). Each command's module is imported only when that command
# runs (or help lists them): `check` must not pay for the audit store, the service or the report.
_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check_cmd", "check"),
    "parse": ("parse_cmd", "parse"),
    "rules": ("rules_cmd", "rules"),
    "explain": ("rules_cmd", "explain"),
    "audit": ("audit_cmd", "audit"),
    "export": ("audit_cmd", "export"),
    "eval": ("eval_cmd", "eval_cmd"),
    "schema": ("schema_cmd", "schema"),
    "serve": ("serve_cmd", "serve"),
    "report": ("report_cmd", "report"),
}


class EiaRulesGroup(click.Group):
    """Turns errors a user can act on into one line on stderr and exit code 2, never a traceback;
    loads each command's module on first use.

    Anything unexpected is caught here too (the catch-all of the boundary): one line and exit 2,
    with the traceback only under `eia-rules --debug`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _COMMANDS and cmd_name not in self.commands:
            module, attr = _COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"{__package__}.{module}"), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except EiaRulesError as e:
            click.echo(f"eia-rules: error: {safe_name(str(e))}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - see the docstring
            if isinstance(ctx.obj, dict) and ctx.obj.get("debug"):
                click.echo(traceback.format_exc().rstrip(), err=True)
            text = safe_name(" ".join(str(e).split()))[:200]
            click.echo(f"eia-rules: error: unexpected error ({type(e).__name__}{': ' + text if text else ''}); "
                       "run with --debug for the details and please report it", err=True)
            ctx.exit(2)


@click.group(cls=EiaRulesGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eia-rules")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check Welsh integrated impact assessments against the duties they must show.

    \b
    Examples:
      eia-rules check draft-iia.docx
      eia-rules check assessments/ --format json --fail-on warning
      eia-rules parse draft-iia.docx --format json
      eia-rules rules
      eia-rules explain PC001
    """
    ctx.obj = {"debug": debug}


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
