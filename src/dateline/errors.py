"""Typed errors raised by the library and caught at the edges (CLI, web).

Messages state the cause and, where there is one, the fix. Library code raises
these and never prints or exits.
"""


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class IngestError(DatelineError):
    """An input file or record could not be read or cleaned."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class AnnotateError(DatelineError):
    """A document could not be annotated."""


class PipelineError(DatelineError):
    """A pipeline was assembled wrongly (a component's requirement is missing)."""


class StoreError(DatelineError):
    """The database could not be opened, migrated or written."""


class QueryError(DatelineError):
    """A view was asked for something that does not exist (unknown story, bad date)."""
