"""`eventpipe review`: a local web app where analysts accept, correct, reject and merge extracted
events. Corrections live in the warehouse (`warehouse.corrections`) and are replayed on every
load; `labelled_examples` turns them into training examples for `eventpipe train`."""

from __future__ import annotations

from review.app import create_app
from warehouse.corrections import LabelledExample, labelled_examples

__all__ = ["LabelledExample", "create_app", "labelled_examples"]
