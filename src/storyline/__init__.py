"""storyline: turn a pile of noisy news documents into a sourced dossier."""

import os

# OpenMP threads that spin while waiting make torch several times slower whenever anything else
# (spaCy's second process, another job) wants the CPU; libgomp reads this when it loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
