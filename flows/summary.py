"""What one pipeline run did, as a record and as text for people (terminal and Prefect artifact)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

MAX_REJECTS_SHOWN = 20


@dataclass
class PipelineSummary:
    """Counts and timings of one pipeline run; `to_markdown` is the Prefect artifact."""

    run_id: str = ""
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_removed: int = 0
    documents_extracted: int = 0
    mentions: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_removed: int = 0
    events_unchanged: int = 0
    events_total: int = 0
    rejects: list[tuple[str | None, str]] = field(default_factory=list)
    export_path: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    wall_seconds: float | None = None  # the whole command, start-up included (set by the CLI)

    @property
    def documents_total(self) -> int:
        return self.documents_new + self.documents_changed + self.documents_unchanged

    @property
    def elapsed(self) -> float:
        return sum(self.timings.values())

    def stats(self) -> dict[str, object]:
        """The flat record stored with the run in the warehouse's `runs` table."""
        record = asdict(self)
        record["rejects"] = len(self.rejects)
        record["elapsed"] = round(self.elapsed, 3)
        return record

    def to_text(self) -> str:
        """The few lines `eventpipe run` prints."""
        lines = [
            f"documents: {self.documents_new} new, {self.documents_changed} changed, "
            f"{self.documents_unchanged} unchanged, {self.documents_removed} removed "
            f"({self.documents_extracted} extracted)",
            f"events:    {self.events_added} added, {self.events_updated} updated, "
            f"{self.events_removed} removed, {self.events_total} extracted events in the warehouse",
            f"rejects:   {len(self.rejects)}",
            f"export:    {self.export_path or '-'}",
            f"elapsed:   {self._elapsed_text()} (run {self.run_id})",
        ]
        lines[3:3] = [f"  {event_id or '-'}: {reasons}" for event_id, reasons in self.rejects[:5]]
        return "\n".join(lines)

    def _elapsed_text(self) -> str:
        """Wall time when known: the pipeline steps alone hide Prefect's and Python's start-up."""
        if self.wall_seconds is None:
            return f"{self.elapsed:.1f} s"
        startup = max(0.0, self.wall_seconds - self.elapsed)
        return f"{self.wall_seconds:.1f} s wall (start-up {startup:.1f} s, pipeline {self.elapsed:.1f} s)"

    def to_markdown(self) -> str:
        """A Prefect markdown artifact: tables of documents, events, rejects, exports, timings."""
        parts = [
            f"# eventpipe run `{self.run_id}`",
            "## Documents\n\n| new | changed | unchanged | removed | extracted |\n|---|---|---|---|---|\n"
            f"| {self.documents_new} | {self.documents_changed} | {self.documents_unchanged} | "
            f"{self.documents_removed} | {self.documents_extracted} |",
            "## Events\n\n| added | updated | removed | unchanged | total |\n|---|---|---|---|---|\n"
            f"| {self.events_added} | {self.events_updated} | {self.events_removed} | "
            f"{self.events_unchanged} | {self.events_total} |",
            self._rejects_markdown(),
            f"## Export\n\n`{self.export_path or 'none'}`",
            "## Timings (s)\n\n| step | seconds |\n|---|---|\n"
            + "\n".join(f"| {step} | {seconds:.2f} |" for step, seconds in self.timings.items()),
        ]
        return "\n\n".join(parts) + "\n"

    def _rejects_markdown(self) -> str:
        if not self.rejects:
            return "## Rejects\n\nnone"
        rows = "\n".join(f"| {event_id or '-'} | {_cell(reasons)} |"
                         for event_id, reasons in self.rejects[:MAX_REJECTS_SHOWN])
        more = len(self.rejects) - MAX_REJECTS_SHOWN
        tail = f"\n\n... and {more} more (table `rejects`)" if more > 0 else ""
        return f"## Rejects ({len(self.rejects)})\n\n| event | reasons |\n|---|---|\n{rows}{tail}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
