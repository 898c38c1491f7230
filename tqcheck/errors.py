"""Errors a user can act on. The CLI prints ``str(error)`` on one line and exits 2."""
from __future__ import annotations


class TqcheckError(Exception):
    """Bad input or usage: one line naming the file and the place."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, byte: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.byte = byte
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        elif self.byte is not None:
            where += f" (byte {self.byte})"
        return f"{where}: {self.message}" if where else self.message


class InputError(TqcheckError):
    """A file could not be read or decoded."""


class UsageError(TqcheckError):
    """The command line or the configuration is wrong."""
