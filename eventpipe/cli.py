"""The `eventpipe` command: a thin edge over the library packages.

Each command group lives in `eventpipe.commands.<group>` and exposes `register(subparsers)`;
this module only wires them up, configures logging once and turns `EventpipeError` into a
one-line message with a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from eventpipe import __version__
from eventpipe.errors import EventpipeError

COMMAND_MODULES: tuple[str, ...] = (
    "eventpipe.commands.warehouse_cmds",  # import-acled, sql, export
    "eventpipe.commands.extract_cmds",  # extract, evaluate
    "eventpipe.commands.flow_cmds",  # run, serve, status
    "eventpipe.commands.acled_cmds",  # acled-sync
    "eventpipe.commands.report_cmds",  # report
)

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventpipe",
        description="Turn news and analysis texts into ACLED-compatible conflict events in DuckDB.",
    )
    parser.add_argument("--version", action="version", version=f"eventpipe {__version__}")
    _add_verbosity(parser, default=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    for command in subparsers.choices.values():
        _add_verbosity(command, default=argparse.SUPPRESS)  # `eventpipe run -v` = `eventpipe -v run`
    return parser


def _add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    """-v/-q on the main parser (False by default) and on every command (unset unless given,
    so a flag given before the command is not reset after it)."""
    parser.add_argument("-v", "--verbose", action="store_true", default=default,
                        help="log debug messages (and Prefect's logs) to stderr")
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="no progress, summaries or logs: only results and errors")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except EventpipeError as error:
        print(f"eventpipe {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"eventpipe {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """The reader of our stdout went away (`eventpipe sql ... | head -1`): that is not an error.
    Point stdout at /dev/null so Python's final flush does not print a traceback either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
