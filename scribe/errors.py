"""Errors a user can act on.

Every failure caused by input or setup (not by a bug) is a ScribeError: the CLI prints its message on
one line and exits with code 2, the API turns it into a 4xx. The message never contains patient data.
"""


class ScribeError(Exception):
    """A user-facing error with a one-line message."""

    code = "scribe_error"


class AudioError(ScribeError):
    """The input cannot be decoded as audio."""

    code = "bad_audio"


class ModelStoreError(ScribeError):
    """A model is missing or corrupt; the message names the command that fixes it."""

    code = "model_missing"


class ApiError(Exception):
    """A refusal the API answers with `status` and a stable `code` (REST error body, websocket error
    message, FHIR OperationOutcome). Raised by the service and delivery layers too; the message, like
    every error message here, never contains patient data."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra
