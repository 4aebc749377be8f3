"""The `eventpipe` command: a thin edge over the library packages.

Each command group lives in `eventpipe.commands.<group>` and exposes `register(subparsers)`;
this module only wires them up, configures logging once and turns `EventpipeError` into a
one-line message with a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from eventpipe import __version__
from eventpipe.errors import EventpipeError

COMMAND_MODULES: tuple[str, ...] = (
    "eventpipe.commands.warehouse_cmds",  # import-acled, sql, export
    "eventpipe.commands.extract_cmds",  # extract, evaluate
    "eventpipe.commands.flow_cmds",  # run, serve, status
)

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventpipe",
        description="Turn news and analysis texts into ACLED-compatible conflict events in DuckDB.",
    )
    parser.add_argument("--version", action="version", version=f"eventpipe {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except EventpipeError as error:
        print(f"eventpipe {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as error:  # the system refused: a full disk, a file too large, permissions
        where = f" ({error.filename})" if error.filename else ""
        print(f"eventpipe {args.command}: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"eventpipe {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
