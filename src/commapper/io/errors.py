"""The one exception for everything that can be wrong with a map file or with saving one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from commapper.model import Problem

# A hostile file can hold millions of mistakes; nobody reads past the first screenful.
MAX_REPORTED_PROBLEMS = 50


class MapFileError(Exception):
    """A map file that cannot be read or written, with sentences a user understands.

    ``problems`` lists what is wrong, each with the JSON path where it went wrong.
    """

    def __init__(self, path: str | Path | None, problems: Sequence[Problem], total: int = 0):
        self.path = None if path is None else Path(path)
        self.problems = list(problems)[:MAX_REPORTED_PROBLEMS]
        self.total = max(total, len(problems))
        super().__init__(self.summary())

    @classmethod
    def single(cls, path: str | Path | None, message: str, where: str = "") -> MapFileError:
        return cls(path, [Problem(where, message)])

    def lines(self) -> list[str]:
        """One line per problem, plus a count of those left out."""
        lines = [str(problem) for problem in self.problems]
        if self.total > len(self.problems):
            lines.append(f"... and {self.total - len(self.problems)} more problems")
        return lines

    def summary(self) -> str:
        name = self.path.name if self.path else "the map"
        return f"{name}: " + "; ".join(self.lines())


class ReadOnlyFileError(MapFileError):
    """Saving would replace a file marked read-only. Nothing was written: ask the user, and save
    again with ``replace_read_only=True`` if they want it replaced all the same."""
