"""The error a reader raises for input it cannot use; its message names the reason."""


class InputError(ValueError):
    pass
