"""Placeholder until this command group is implemented."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this group's subcommands to the `eventpipe` parser."""
