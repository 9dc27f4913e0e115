"""Errors the library raises; only the CLI turns them into messages and exit codes."""


class BriefingError(Exception):
    """Anything the user can fix: the message names the file and the fix."""


class ConfigError(BriefingError):
    pass


class InputError(BriefingError):
    pass


class ModelError(BriefingError):
    pass


class OutputConflict(BriefingError):
    pass


class OutputError(BriefingError):
    pass
