"""``storyline serve``: an HTTP API over a store and the web page analysts work in."""

from storyline.serve.app import create_app
from storyline.serve.config import ServeSettings

__all__ = ["ServeSettings", "create_app"]
