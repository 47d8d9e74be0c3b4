"""storyline: turn a pile of noisy news documents into a sourced dossier."""

__version__ = "0.1.0"
